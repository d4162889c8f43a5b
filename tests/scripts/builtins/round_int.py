# builtins: round() on ints: no ndigits returns the int, negative ndigits rounds half to even, on big and negative values too.
print(round(7), round(-7), round(7, 0), round(7, 5), round(7, None), type(round(7, 2)).__name__)
for n in (5, 15, 25, 35, -5, -15, -25, 14, 16, 0, 1):
    print(n, round(n, -1), end=" | ")
print()
for n in (150, 250, 350, -250, 249, 251, 1050):
    print(n, round(n, -2), end=" | ")
print()
big = 10 ** 30 + 5 * 10 ** 9
print(round(big, -10), round(-big, -10), round(big, -31), round(5 * 10 ** 30, -31), round(15 * 10 ** 30, -31))
print(round(123456789, -4), round(123456789, -9), round(123456789, -10), round(-123456789, -100))
print(round(True), type(round(True)).__name__, round(False, -1), round(True, 2))
for call in [lambda: round(5, 1.0), lambda: round(5, "1"), lambda: round(), lambda: round(1, 2, 3),
             lambda: round(number=1, ndigit=2), lambda: round("5"), lambda: round([1]), lambda: round(None)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
print(round(number=25, ndigits=-1), round(25, ndigits=-1))
