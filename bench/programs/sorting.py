# bench: list sorting — ints, floats, strings, tuples, key functions, reverse, and sorting
# already-sorted and reversed runs (timsort's galloping), checked by a checksum of the results.
def lcg(seed, count, modulus):
    out = []
    state = seed
    for _ in range(count):
        state = (state * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        out.append((state >> 33) % modulus)
    return out


def key_of(v):
    if isinstance(v, tuple):
        return v[0] * 1000 + v[1]
    if isinstance(v, float):
        return int(v * 1000)
    return v


def checksum(values):
    h = 0
    for i in range(0, len(values), 97):
        h = (h * 31 + key_of(values[i])) % 1000000007
    return h


ints = lcg(1, 200000, 1000000)
floats = [v / 7.0 for v in lcg(2, 100000, 1000000)]
strings = ["w%07d" % v for v in lcg(3, 100000, 10000000)]
pairs = list(zip(lcg(4, 100000, 100), lcg(5, 100000, 1000)))
results = []
for _ in range(3):
    a = sorted(ints)
    b = sorted(ints, reverse=True)
    c = sorted(floats)
    d = sorted(strings)
    e = sorted(pairs)
    f = sorted(pairs, key=lambda p: p[1])
    g = sorted(ints, key=lambda v: v % 1000)
    h = sorted(a + b)
    a.sort()
    b.sort()
    results = [a, b, c, e, f, g, h]
print(a[:3], b[-3:], c[0] <= c[-1], d[0], d[-1], e[:2], f[:2], g[:3])
print("checksum", sum([checksum(r) for r in results]) % 1000000007, len(d))
