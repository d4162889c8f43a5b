# control: chained assignment shares one object, tuple/list unpacking targets, starred targets, swap, evaluation order.
a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x + y
print(x, y)
[p, q], r = "ab", 3
print(p, q, r)
first, *middle, last = range(6)
print(first, middle, last)
*_, tail = [1, 2, 3]
print(tail)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
d = {}
d["a"], d["b"] = "xy"
print(d)
(m, n), *rest = [(1, 2), 3, 4]
print(m, n, rest)
for (k, (v1, v2)) in [("a", (1, 2))]:
    print(k, v1 + v2)
a, b = b, a = [5], [6]
print(a, b)
