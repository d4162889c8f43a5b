# tuple: repr of nested and mixed containers, tuple holding itself through a list, iteration and unpacking in for.
t = (1, ("a", ("b",)), [2, (3,)], {"k": (4, 5)}, "q'uote", 1.5, None, True)
print(t)
print(repr(t) == str(t), len(repr(())), repr((1,)))
lst = []
tt = (lst,)
lst.append(tt)
print(tt, lst)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c, end=" ")
print()
for i, (k, v) in enumerate({"x": 1, "y": 2}.items()):
    print(i, k, v)
pairs = tuple([(i, i * i) for i in range(4)])
print(pairs, sum([b for a, b in pairs]))
