# float: repr() picks the shortest round-tripping digits; switch to exponent at 1e16 and below 1e-4.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, -1.0, 100.0, 1e15, 1e16, 1.5e16, 1e17, 123456789012345678.0,
        1e-4, 1e-5, 0.0001234, 0.00001234, 1e22, 1e23, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308,
        9007199254740993.0, 0.5, 3.14159, 1e100, -0.0, 0.0, 123.456, 1.1 * 3]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
print([0.1, -0.0, float("inf")], (1e16,), {"x": 1e-5})
print(1e308 * 10, -1e308 * 10, 1e-320, 1e-400)
print(repr(0.1 * 3), repr(1 - 0.9), repr(4.35 * 100), repr(1.1 + 2.2), repr(0.1 + 0.7), repr(2 ** 0.5))
print(repr(1e15 + 0.3), repr(123456789012345.67), repr(9.999999999999999e22), repr(1e-7), repr(0.000123))
print([float(repr(v)) == v for v in (0.1, 1 / 3, 5e-324, 1e23, 2 ** 0.5)])
