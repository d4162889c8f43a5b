# builtins: hash() of ints and tuples of ints is deterministic; equal numbers hash equal; unhashable types fail.
print(hash(0), hash(7), hash(-7), hash(-1), hash(2 ** 61 - 2), hash(2 ** 61 - 1), hash(2 ** 100))
print(hash((1, 2, 3)), hash(()), hash((0,)), hash((1, (2, 3))), hash((-1,)))
print(hash(True) == hash(1), hash(1.0) == hash(1), hash((1, 2)) == hash((1.0, 2.0)), hash(2.5) == hash(5 / 2))
print(hash(range(3)) == hash(range(0, 3, 1)), hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash(None) == hash(None))
for v in ([], {}, set(), ([1],)):
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
