# tuple: count, index (with ranges), +, *, in, comparison (lexicographic), hash of int tuples, tuple() conversions.
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(9), t.index(2), t.index(2, 2), t.index(1, -2), (1, 1.0, True).count(1))
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
print((1, 2) + (3,), (0,) * 3, 2 * ("a", "b"), () * 5, (1,) * -1)
print(3 in t, 9 not in t, (1, 2) in [(1, 2)], (2, 1) in [(1, 2)])
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 9), (1, "a") == (1, "a"), (1, 2) != (1, 2))
print(hash((1, 2, 3)) == hash((1, 2, 3)), hash(()) == hash(()), hash((1, 2)) == hash((2, 1)))
print(tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({"k": 1}), tuple([x * 2 for x in (1, 2)]))
try:
    (1, 2) + [3]
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
print(max([(1, "b"), (1, "a"), (0, "z")]), sorted([(2, 1), (1, 2), (1, 1)]), len((1, (2, 3))))
