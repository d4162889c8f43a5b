# float: basic arithmetic results and their reprs, accumulation error, augmented ops and mixed negatives.
a, b = 2.5, 0.4
print(a + b, a - b, a * b, a / b, a // b, a % b, -a, +a, abs(-a))
print(0.1 + 0.7, 0.1 * 3, 1.1 + 2.2, 3.3 - 1.1, 1.15 * 100, 4.35 * 100, 0.57 * 100)
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, round(total, 10) == 1.0)
x = 1.0
for i in range(20):
    x /= 3
print(x)
for i in range(20):
    x *= 3
print(x, x == 1.0)
print(1e16 + 1, 1e16 + 2, 2.0 ** 53 + 1, 1e-16 + 1, 1 - 1e-16)
print(3.0 * 1.1, 100 * 1.1, 0.1 ** 2, 1.0 / 7 * 7, 2 / 3 + 1 / 3)
y = 10.0
y -= 0.25
y *= 2
y **= 2
print(y)
print(-7.5 // 2, -7.5 % 2, 7.5 // -2, 7.5 % -2)
