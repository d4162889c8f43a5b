# list: index with start/stop (incl. negative), count with mixed types, equality-based matching, error messages.
a = ["a", "b", "c", "a", "b", "a"]
print(a.index("a"), a.index("a", 1), a.index("a", -3), a.index("b", 2, 5), a.index("a", -1))
try:
    a.index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    a.index("c", 3)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, [2]].index([3])
except ValueError as e:
    print("ValueError:", e)
print(a.count("a"), a.count("z"), [1, 1.0, True, "1"].count(1), [[1], [1], 1].count([1]), [].count(None))
nan = float("nan")
print([nan].count(nan), [nan].index(nan), [float("nan")].count(float("nan")))
print([0, False, 0.0, None].count(0), [None, None].index(None))
