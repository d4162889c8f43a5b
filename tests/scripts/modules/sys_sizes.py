# modules: sys.getsizeof and sys.getrefcount on ints, floats, tuples, lists, dicts and None, as CPython 3.11 on 64-bit.
import sys
print([sys.getsizeof(n) for n in (0, 1, 2 ** 30, 2 ** 60, -(2 ** 90))])
print(sys.getsizeof(1.5), sys.getsizeof(True), sys.getsizeof(None))
print([sys.getsizeof(tuple(range(n))) for n in (0, 1, 5)], [sys.getsizeof([0] * n) for n in (0, 1, 5)])
print(sys.getsizeof({}), sys.getsizeof({"a": 1}), sys.getsizeof({i: None for i in range(10)}))
print(sys.getsizeof(5, "default"))
try:
    sys.getsizeof()
except TypeError as e:
    print("TypeError:", e)
x = [1, 2]
base = sys.getrefcount(x)
y = x
pair = (x, x)
print(sys.getrefcount(x) - base)
del y, pair
print(sys.getrefcount(x) - base)
