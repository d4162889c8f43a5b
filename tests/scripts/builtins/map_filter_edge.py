# builtins: map() over several iterables stops at the shortest; filter() with None, bool and a function; errors raised while iterating.
print(list(map(lambda *a: sum(a), [1, 2, 3], [10, 20], [100, 200, 300])))
print(list(map(divmod, [7, 8], [2, 3])), list(map(str.strip, [" a ", "b "])), list(map(ord, "AZ")))
print(list(map(int, [])), list(map(abs, iter([-1, -2]))), list(map(max, [1, 9], [5, 2], [3, 3], [0, 10])))
print(list(filter(None, (0, 1, 2, None, "", "x", [], [0], 0.0))), list(filter(bool, [0, 3])))
print(list(filter(lambda s: s.isupper(), "aBcDE")), list(filter(str.isdigit, ["1", "a", "22"])))
m = map(len, ["ab", "c"])
f = filter(None, [0, 5])
print(type(m).__name__, type(f).__name__, iter(m) is m, iter(f) is f, next(m), next(f), list(m), list(f))
it = map(lambda x: 10 // x, [5, 1, 0, 2])
print(next(it), next(it))
try:
    next(it)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(next(it))
for call in [lambda: map(), lambda: map(len), lambda: map(len, 5), lambda: map(len, [], func=1),
             lambda: filter(), lambda: filter(None), lambda: filter(None, 1), lambda: filter(None, [], []),
             lambda: filter(function=None, iterable=[]), lambda: list(map(5, [1])), lambda: list(filter(5, [1]))]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
