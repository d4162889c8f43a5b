# int: ** with positive, zero and negative exponents (negative gives float), big results, pow() forms.
print(2 ** 10, (-2) ** 3, (-2) ** 4, -2 ** 2, 0 ** 0, 1 ** 1000)
print(2 ** 100)
print(3 ** 80)
print(2 ** -1, 2 ** -3, 10 ** -2, (-2) ** -1)
print(type(2 ** -1).__name__, type(2 ** 0).__name__)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(pow(2, 10), pow(2, -2), pow(-3, 3))
print(pow(3, 200, 1000), pow(2, 1000, 10 ** 9 + 7), pow(-5, 3, 7), pow(5, 3, -7))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, 0, 1))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
x = 3
x **= 4
print(x)
print(len(str(7 ** 1000)), str(7 ** 1000)[:20])
