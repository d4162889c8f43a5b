# int: int() from str with bases 2..36 and 0, prefixes, underscores, whitespace, signs; errors.
print(int("42"), int("-42"), int("  +7 \n"), int("0"), int("-0"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8), int("0o777", 0))
print(int("101", 2), int("0b101", 0), int("z", 36), int("ZZ", 36), int("10", 36))
print(int("1_000_000"), int("0x_ff", 16), int("12", 3))
print(int(3.99), int(-3.99), int(True), int(1e20), int(-0.0))
print(int("9" * 50))
print(int(), int(" 1 "), int(b"12"))
bad = [("", 10), ("1.5", 10), ("12a", 10), ("2", 2), ("0x", 16), ("_1", 10), ("1__0", 10), ("010", 0), ("abc", 37)]
for s, base in bad:
    try:
        int(s, base)
    except ValueError as e:
        print("ValueError:", e)
for v in (float("inf"), float("nan")):
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    int(12, 10)
except TypeError as e:
    print("TypeError:", e)
