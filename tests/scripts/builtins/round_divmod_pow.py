# builtins: round (ints and floats, ndigits), divmod (ints and floats, signs), pow with two and three args.
print(round(3.7), round(-3.7), round(2.5), round(3.5), round(0.5), round(-0.5), round(2.675, 2), round(123, -1), round(125, -1), round(135, -1))
print(round(5), round(5, 2), round(5.5, None), round(-15, -1), round(1.23456, 3), type(round(1.5)).__name__, type(round(1.5, 1)).__name__)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-17.5, 5), divmod(0, 7), divmod(2 ** 70, 3))
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(-2, 3), pow(7, 2, 5), pow(7, -1, 5), pow(3, 10 ** 6, 1000), pow(0, 0))
for call in [lambda: divmod(1, 0), lambda: divmod(1.0, 0.0), lambda: pow(2, 2, 0), lambda: pow(2.0, 2, 3), lambda: round("1")]:
    try:
        call()
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
