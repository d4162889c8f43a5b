# range: construction forms, len, indexing (negative), repr, equality by sequence, bool, errors.
for r in [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(5, 0), range(-3, 3), range(0, -10, -3)]:
    print(repr(r), list(r), len(r), bool(r))
r = range(1, 20, 4)
print(r[0], r[-1], r[2], r[-5], r.start, r.stop, r.step)
try:
    r[5]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(0, 5, 2) == range(0, 6, 2), range(3) == [0, 1, 2])
print(range(10 ** 20)[-1], range(0, 10 ** 20, 7)[10 ** 18], range(10 ** 20)[10 ** 19:][:3])
try:
    len(range(10 ** 20))
except OverflowError as e:
    print("OverflowError:", e)
print(list(range(True, 4)), range(3).index(2), range(0, 20, 5).count(10), range(5).count(7))
try:
    range(3).index(5)
except ValueError as e:
    print("ValueError:", e)
