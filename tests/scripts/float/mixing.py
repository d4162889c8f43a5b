# float: int/float mixing promotes to float; // and % on floats follow the divisor's sign; ** with floats.
print(1 + 2.0, 3 * 1.5, 7 - 0.5, 10 / 4, 2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3))
print(type(1 + 2.0).__name__, type(2.0 * 2).__name__, type(True + 0.5).__name__)
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (7, 2.5), (-7, 2.5), (0.0, 3), (-0.0, 3), (1e300, 1e-300)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(5.0 % 3, -5.0 % 3, 5 % -3.0, 1e-20 % 3, -1e-20 % 3, -0.0 % 5, 0.0 % -5)
print(2.0 ** 10, 2 ** -1.0, (-2.0) ** 3, (-2.0) ** 2, 0.0 ** 0, 1.0 ** float("inf"))
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 20 + 0.5, 2 ** 53 + 1.0, sum([0.1] * 10), 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-15)
x = 5
x += 0.5
print(x)
x //= 2
print(x)
print(int(2.9) + 0.1, float(7) / 2, abs(-1.5))
