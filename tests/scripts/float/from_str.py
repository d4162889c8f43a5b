# float: float() accepts decimal, exponent, inf/nan spellings, underscores, whitespace; errors say why.
forms = ["1", "1.5", "-2.25", "+3.", ".5", "1e3", "1E-3", "  4.5  ", "1_000.5", "inf", "-Infinity", "+INF",
         "nan", "-NaN", "10", "1e400", "-1e400", "1e-400", "00012.50", "\t-0\n"]
for s in forms:
    print(repr(s), float(s))
print(float(3), float(-7), float(True), float(2 ** 70), float(), float(b"2.5"))
for s in ["", "abc", "1.2.3", "1e", "1_", "_1", "0x10", "1,5", "i nf"]:
    try:
        float(s)
    except ValueError as e:
        print("ValueError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    float([1])
except TypeError as e:
    print("TypeError:", e)
print(float.fromhex("0x1.8p1"), (0.5).hex(), (1.0).hex(), (-0.1).hex())
