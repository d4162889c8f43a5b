# builtins: sorted on any iterable (new list, stable, key, reverse), reversed on sequences, reversed errors.
data = (5, 2, 8, 1)
s = sorted(data)
print(s, type(s).__name__, data, sorted("hello"), sorted({"b": 1, "a": 2}), sorted({3, 1, 2}), sorted(range(3, 0, -1)))
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower), sorted([3, 1, 2], reverse=True))
print(sorted([("x", 2), ("y", 1), ("z", 2)], key=lambda p: p[1], reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(4))), list(reversed({"a": 1, "b": 2})))
r = reversed([1, 2])
print(type(r).__name__, next(r), next(r), next(r, "end"))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(map(abs, []))
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2], key=5)
except TypeError as e:
    print("TypeError:", e)
