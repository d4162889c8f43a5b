# int: divmod() agrees with // and % for every sign combination and for big values.
for a in (17, -17, 0, 5, -5):
    for b in (5, -5, 3, -3, 1):
        print(a, b, divmod(a, b), divmod(a, b) == (a // b, a % b))
big = 3 ** 100
print(divmod(big, 10 ** 20))
print(divmod(-big, 10 ** 20))
print(divmod(big, -(2 ** 64)))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(divmod(True, 2), divmod(7, True))
