# memory: sys.getsizeof of ints (24 + 4 per 30-bit digit), bools and floats, as CPython 3.11 on 64-bit.
import sys
for label, n in [("0", 0), ("1", 1), ("-1", -1), ("2**30-1", 2 ** 30 - 1), ("2**30", 2 ** 30), ("2**60-1", 2 ** 60 - 1),
                 ("2**60", 2 ** 60), ("2**90", 2 ** 90), ("10**100", 10 ** 100), ("-2**30", -(2 ** 30)), ("True", True), ("False", False)]:
    print(label, sys.getsizeof(n))
print(all([sys.getsizeof(2 ** (30 * k)) == 24 + 4 * (k + 1) for k in range(1, 40)]))
print(sys.getsizeof(1.0), sys.getsizeof(-0.0), sys.getsizeof(float("inf")), sys.getsizeof(1e300))
print(sys.getsizeof(None), sys.getsizeof(object()), sys.getsizeof(10 ** 4000))
for k in range(0, 200, 30):
    v = 7 ** k
    print(k, v.bit_length(), sys.getsizeof(v), 24 + 4 * max(1, -(-v.bit_length() // 30)) == sys.getsizeof(v))
print(sys.getsizeof(-(10 ** 50)) == sys.getsizeof(10 ** 50), sys.getsizeof(int("9" * 40)))
