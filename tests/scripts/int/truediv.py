# int: / always returns a float, rounds correctly for big operands, ZeroDivisionError message.
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, -1 / 3)
print(type(6 / 3).__name__)
print(10 ** 20 / 10 ** 10, 2 ** 53 / 1, (2 ** 53 + 1) / 1)
print(10 ** 400 / 10 ** 399)
print(1 / 10 ** 400)
try:
    print(10 ** 400 / 1)
except OverflowError as e:
    print("OverflowError:", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
x = 9
x /= 4
print(x)
print(True / 2, 0 / 5, -0 / 5)
