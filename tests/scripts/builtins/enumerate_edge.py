# builtins: enumerate() with negative, huge and keyword start values, its laziness, its type, and its argument errors.
print(list(enumerate("abc", -2)), list(enumerate("ab", start=10 ** 20)), list(enumerate(iterable="xy", start=5)))
print(list(enumerate([], 3)), list(enumerate(range(3), True)), dict(enumerate("ab")))
e = enumerate(iter([10, 20, 30]))
print(type(e).__name__, iter(e) is e, next(e), next(e), list(e), list(e), next(e, "end"))
for i, (x, y) in enumerate([(1, 2), (3, 4)], 1):
    print(i, x, y)
big = enumerate("ab", 2 ** 63 - 1)
print(next(big), next(big))
class_name = type(enumerate([])).__name__
print(class_name, isinstance(enumerate([]), enumerate))
for call in [lambda: enumerate(), lambda: enumerate(5), lambda: enumerate([], 1.0), lambda: enumerate([], "1"),
             lambda: enumerate([], 1, 2), lambda: enumerate([], begin=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
