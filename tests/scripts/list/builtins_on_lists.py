# list: len, min, max, sum, any, all, sorted, reversed, enumerate, zip, map, filter applied to lists.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(len(a), min(a), max(a), sum(a), sum(a, 100), any(a), all(a), all([]), any([]), all([1, 0]), any([0, 0.0, "", None, [1]]))
print(sorted(a), list(reversed(a)), list(enumerate(a[:3])), list(zip(a, a[1:])), list(map(lambda v: v * 2, a)))
print(list(filter(None, [0, 1, "", "x", [], [0]])), list(filter(lambda v: v > 3, a)))
print(max(a, key=lambda v: -v), min(["bb", "a", "ccc"], key=len), max([], default="empty"), sum([[1], [2]], []))
print(sum([0.1] * 10), sum([1, 2.5]), [a.index(max(a)), a.count(1)])
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
