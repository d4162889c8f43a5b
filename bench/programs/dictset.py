# bench: dict- and set-heavy work — building, probing, updating and deleting int and str keys,
# set algebra, dict views and comprehensions, grouping with setdefault.
def build(n):
    squares = {}
    for i in range(n):
        squares[i] = i * i
    names = {}
    for i in range(n):
        names["k%d" % i] = i
    return squares, names


def probe(squares, names, n):
    hits = 0
    for i in range(0, 2 * n, 3):
        if i in squares:
            hits += 1
        if names.get("k%d" % i, -1) >= 0:
            hits += 2
    return hits


def churn(d, n):
    for i in range(0, n, 2):
        del d[i]
    for i in range(n, n + n // 2):
        d[i] = -i
    return len(d), sum(d.values()) % 1000003


def sets(n):
    a = set(range(0, n, 2))
    b = set(range(0, n, 3))
    c = {i % 1000 for i in range(n)}
    u = a | b
    x = a & b
    d = a - b
    s = a ^ b
    a.update(c)
    a.difference_update(range(0, n, 5))
    return len(u), len(x), len(d), len(s), len(a), len(c)


def grouping(n):
    groups = {}
    for i in range(n):
        groups.setdefault(i % 97, []).append(i)
    inverse = {v: k for k, vs in groups.items() for v in vs[:5]}
    keys = set(groups.keys()) & {k * 2 for k in range(60)}
    return len(groups), len(inverse), len(keys), sum([len(v) for v in groups.values()])


total = 0
for rep in range(3):
    squares, names = build(100000)
    h = probe(squares, names, 100000)
    c = churn(squares, 100000)
    s = sets(200000)
    g = grouping(100000)
    total = (total * 7 + h + c[0] + c[1] + sum(s) + sum(g)) % 1000000007
print("probe", h, "churn", c, "sets", s, "groups", g)
print("checksum", total)
