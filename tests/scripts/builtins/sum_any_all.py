# builtins: sum with start (ints, floats, lists), any/all short-circuiting on lazy map iterators, and type errors.
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.5, 0.25]), sum([]), sum([], 5), sum(range(101)), sum([True, True]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1, 2.5, True]), sum([x * x for x in range(4)]), sum([1], start=100))
print(sum([0.1] * 10), sum([1e100, 1.0, -1e100]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
def noisy(v):
    print("check", v, end="; ")
    return v
print(any(map(noisy, [0, 0, 3, 4])))
print(all(map(noisy, [1, 2, 0, 4])))
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]), any("a"), all(""), any({0: 1}), all({1: 0}))
