# float: every ZeroDivisionError message of float division, floor division, modulo, divmod and power.
cases = [("1.0 / 0", lambda: 1.0 / 0), ("1 / 0.0", lambda: 1 / 0.0), ("0.0 / 0.0", lambda: 0.0 / 0.0),
         ("1.0 // 0", lambda: 1.0 // 0), ("1.0 % 0", lambda: 1.0 % 0), ("1 % 0.0", lambda: 1 % 0.0),
         ("divmod(1.0, 0)", lambda: divmod(1.0, 0)), ("0.0 ** -1", lambda: 0.0 ** -1),
         ("0.0 ** -1.5", lambda: 0.0 ** -1.5), ("1 // 0", lambda: 1 // 0), ("1 % 0", lambda: 1 % 0),
         ("divmod(1, 0)", lambda: divmod(1, 0)), ("-0.0 / 0", lambda: -0.0 / 0)]
for text, fn in cases:
    try:
        print(text, fn())
    except ZeroDivisionError as e:
        print(text, "->", type(e).__name__ + ":", e)
x = 1.0
try:
    x /= 0
except ZeroDivisionError as e:
    print("x /= 0 ->", e, x)
