# range: hash/equality of ranges, use in zip/enumerate/map, range objects are immutable, min/max/sorted on ranges.
print(hash(range(3)) == hash(range(0, 3)), range(0, 3, 2) == range(0, 4, 2), range(1, 1) == range(2, 2))
print(list(zip(range(3), range(10, 13))), list(enumerate(range(5, 8))), list(map(lambda v: v ** 2, range(4))))
print(min(range(5, 50, 5)), max(range(5, 50, 5)), sorted(range(3), reverse=True), sum(range(0, 10, 2)))
try:
    range(3)[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    range(3).start = 1
except AttributeError as e:
    print("AttributeError:", e)
print(str(range(2)), range(3, 0, -1).step, list(range(-2, 2)), tuple(range(2)), set(range(3)) == {0, 1, 2})
