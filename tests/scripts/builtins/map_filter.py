# builtins: map with one and several iterables (stops at shortest), filter with a function and with None; both are lazy.
print(list(map(str, [1, 2, 3])), list(map(len, ["a", "bb"])), list(map(pow, [2, 3], [5, 2])), list(map(max, [1, 5], [4, 2], [3, 3])))
print(list(map(lambda a, b: a + b, "abc", "xy")), list(map(int, "123")), list(map(str.upper, ["a", "b"])))
print(list(filter(lambda n: n % 2, range(10))), list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, "a1b2")))
def loud(v):
    print("called", v, end="; ")
    return v * 10
m = map(loud, [1, 2, 3])
print("map created")
print(next(m))
print(list(m))
f = filter(lambda v: v > 1, [1, 2, 3])
print(type(m).__name__, type(f).__name__, next(f), list(f), list(f))
try:
    map(len)
except TypeError as e:
    print("TypeError:", e)
try:
    list(map(len, [1]))
except TypeError as e:
    print("TypeError:", e)
