# list: mutating while iterating (append grows the loop, remove skips), iterate over a copy, enumerate, index loops.
a = [1, 2, 3]
for x in a:
    if len(a) < 6:
        a.append(x * 10)
print(a)
b = [1, 2, 2, 3, 2, 4]
for x in b:
    if x == 2:
        b.remove(x)
print(b)
c = [1, 2, 2, 3, 2, 4]
for x in c[:]:
    if x == 2:
        c.remove(x)
print(c)
d = [5, 6, 7]
for i, v in enumerate(d):
    d[i] = v * 2
print(d)
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
e = [1, 2, 3]
it = iter(e)
next(it)
e.clear()
print(list(it))
total = 0
for row in [[1, 2], [3, 4], [5]]:
    for v in row:
        total += v
print(total, [v for row in [[1, 2], [3]] for v in row])
