# int: // and % follow the sign of the divisor; (a // b) * b + a % b == a for every sign mix.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3), (1, 7), (-1, 7)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, q * b + r == a)
big = 10 ** 30 + 7
print(big // 3, big % 3)
print(-big // 3, -big % 3)
print(big // -7, big % -7)
print(-big // -10 ** 15, -big % -10 ** 15)
x = 100
x //= 7
print(x)
x %= 5
print(x)
for a, b in [(7, 0), (-3, 0), (0, 0)]:
    try:
        a // b
    except ZeroDivisionError as e:
        print("//", e)
    try:
        a % b
    except ZeroDivisionError as e:
        print("%", e)
