# float: round() is round-half-even on the exact binary value; ndigits positive, zero, negative; int results.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375]:
    print(v, round(v), round(v, 2), round(v, 1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0), round(-0.4), round(-0.4, 0))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2), round(5.0, -1))
print(round(123.456, 5), round(1e300, 2), round(1e-300, 2), round(0.1 + 0.2, 15), round(0.1 + 0.2, 16))
print(round(1e20), round(-1e20), round(2.0 ** 70))
for v in (float("inf"), float("nan")):
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(round(float("inf"), 2), round(float("nan"), 1))
print(round(7, 2), round(-7.25, 1), round(-7.35, 1))
