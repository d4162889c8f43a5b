# float: hex() of normal, subnormal, zero and special values; float.fromhex syntax, rounding and errors.
for v in [1.0, 0.5, 0.1, -2.75, 3.0, 1e20, 2 ** -30, 0.0, -0.0, 5e-324, 2.2250738585072014e-308, 1e-310,
          1.7976931348623157e308, float("inf"), float("-inf"), float("nan")]:
    h = v.hex()
    print(repr(v), h, float.fromhex(h) == v or v != v)
for s in ["0x1p-1074", "-0x1.fffffffffffffp+1023", "0x1.8", "1.8", "1p3", ".8p1", "0X.8P+1", "  0x10  ",
          "0x1.0000000000000800p0", "0x1.0000000000001800p0", "0x1.00000000000008p0", "0x1p-1075",
          "0x1.8p-1074", "-0x1p-99999999999999999999", "inf", " -Infinity ",
          "nan", "+NaN", "-0x0p0", "0x1.fffffffffffff7ffp1023"]:
    print(repr(s), float.fromhex(s))
for s in ["0x", "", "p1", "0x1p", "0x1p+", "0x1.2.3", "0x1 2", "0xg", "1_0", "infinit", "0x1p1024",
          "0x1.fffffffffffff8p1023", "\u0661", "0x.p1", "0x1p99999999999999999999"]:
    try:
        float.fromhex(s)
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__ + ":", e)
try:
    float.fromhex(1)
except TypeError as e:
    print("TypeError:", e)
print(type(float.fromhex), (2.5).fromhex("0x3"), float.fromhex.__self__)
