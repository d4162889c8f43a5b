# builtins: reversed() over lists, tuples, strings, ranges, dicts and their views; the reversed type; what is not reversible.
print(list(reversed([1, 2, 3])), list(reversed((4, 5))), "".join(reversed("héllo")), list(reversed(range(0, 10, 3))))
d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
print(list(reversed(b"abc")), list(reversed([])), list(reversed(range(0))))
r = reversed("abc")
print(type(r).__name__, type(r) is reversed, iter(r) is r, r.__length_hint__())
print(next(r), r.__length_hint__(), list(r), r.__length_hint__(), next(r, "done"))
lr = reversed([1, 2])
print(type(lr).__name__, type(reversed(range(3))).__name__, type(reversed(d)).__name__)
for bad in [{1, 2}, frozenset(), 5, None, iter([1]), map(abs, []), enumerate([])]:
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError:", e)
for call in [lambda: reversed(), lambda: reversed([], []), lambda: reversed(seq=[1])]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
