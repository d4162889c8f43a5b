# tuple: literals (incl. one-element and empty), packing/unpacking, indexing, slicing, len, repr, immutability error.
t = (1, "two", 3.0, None, [5])
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t[::2], t[10:], (), (1,), 1, (1), tuple())
a = 1, 2, 3
print(a, type(a).__name__)
x, y, z = a
print(x, y, z)
first, *rest = (1, 2, 3, 4)
*init, last = "abcd"
head, *mid, tail = range(5)
print(first, rest, init, last, head, mid, tail)
(p, q), r = (1, 2), 3
print(p, q, r)
x, y = y, x
print(x, y)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
t[4].append(6)
print(t)
try:
    t[5]
except IndexError as e:
    print("IndexError:", e)
for bad in [(1, 2, 3), (1,)]:
    try:
        m, n = bad
    except ValueError as e:
        print("ValueError:", e)
try:
    m, *n, o = (1,)
except ValueError as e:
    print("ValueError:", e)
