# float: comparisons between floats, with ints (exact, even beyond 2**53), chained, and sorting mixed lists.
print(0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, 0.5 == 1 / 2, 1.0 == 1, -0.0 == 0)
print(2.0 ** 53 == 2 ** 53, 2.0 ** 53 == 2 ** 53 + 1, 2.0 ** 53 < 2 ** 53 + 1, 2.0 ** 53 + 2 > 2 ** 53 + 1)
print(1e308 < 10 ** 309, 1e-300 > 0, -1e-300 < 0, 1e-300 > -1e-300)
print(1.5 < 2 < 2.5 < 3, 3.0 >= 3 > 2.9999, 0.1 != 0.10000000000000001)
print(sorted([2.5, 1, -0.5, 3, 0, True, 1.0]), sorted([1.0, 1, True], key=lambda v: type(v).__name__))
print(max([1, 1.0]), max([1.0, 1]), min([2, 2.0]), min([2.0, 2]))
print(float(10 ** 16) == 10 ** 16, float(10 ** 16 + 1) == 10 ** 16 + 1, float(10 ** 16 + 1) == 10 ** 16)
print(0.1 in [1 / 10], 0.3 in [0.1 + 0.2], 1 in [1.0], [1.0, 2] == [1, 2.0], (0.0,) == (-0.0,))
vals = [0.1 * 3, 0.3, 3 / 10, 0.30000000000000004]
print([a == b for a in vals for b in vals])
print(1e16 == 10 ** 16, 1e16 + 1 == 10 ** 16 + 1, float(2 ** 63) == 2 ** 63, float(2 ** 63) > 2 ** 63 - 1)
print(-0.0 < 0.0, -0.0 <= 0.0, min(0.0, -0.0), max(-0.0, 0.0))
