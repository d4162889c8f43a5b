# builtins: round() on floats: ties to even at the exact binary value, ndigits positive and negative, int results, specials.
for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4.5000000001):
    print(x, round(x), end=" | ")
print()
for x, n in [(2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (2.5, 0), (-2.5, 0), (1234.5678, -2), (1250.0, -2),
             (1350.0, -2), (-0.04, 1), (0.05, 1), (0.15, 1), (0.25, 1), (1e-20, 25), (123.456, 10), (1.5, 400)]:
    print(x, n, round(x, n), end=" | ")
print()
print(round(1e300, -300), round(1e300, -301), round(-1e300, -400), round(5e-324, 323), round(5e-324, 324))
print(round(-0.4), round(-0.0), round(-0.4, 0), round(0.4, 0), round(-0.0, 3), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(float("inf"), 1), round(float("-inf"), -1), round(float("nan"), 2), round(1e16 + 1), round(2.0 ** 70))
for call in [lambda: round(float("inf")), lambda: round(float("-inf")), lambda: round(float("nan")), lambda: round(1.5, 1.5),
             lambda: round(1.5, 2 ** 70), lambda: round(1.5, -(2 ** 70))]:
    try:
        print(call())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
