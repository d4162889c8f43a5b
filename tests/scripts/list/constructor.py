# list: list() from iterables (str, tuple, dict, range, set of ints, map, bytes), comprehensions, nesting, errors.
print(list(), list("abc"), list((1, 2)), list({"a": 1, "b": 2}), list(range(3)), list(sorted({3, 1, 2})), list(b"hi"))
print(list(map(abs, range(-4, 1))), [x for x in range(10) if x % 3 == 0], [(i, j) for i in range(2) for j in "ab"])
print([[j for j in range(i)] for i in range(3)], [c for w in ["ab", "cd"] for c in w])
print(list({"k": "v"}.items()), list(enumerate("xy", 1)), list(zip([1, 2], "ab")))
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
try:
    list(1, 2)
except TypeError as e:
    print("TypeError:", e)
x = "outer"
squares = [x * 2 for x in range(3)]
print(squares, x)
print(repr([]), str([None, True, "s", 1.5, [], ()]), len([1, 2]), len([[]]))
