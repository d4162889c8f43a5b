# builtins: format() with no spec, with specs for int/float/str/bool/None, and invalid spec errors.
print(format(42), format(42, "05d"), format(3.14159, ".2f"), format("s", ">4"), format(True), format(True, "d"), format(None))
print(format(255, "x"), format(255, "#b"), format(0.25, "%"), format(1e6, ","), format(-5, "+"), format("abc", "^7"))
print(format(1234.5, "_.1f"), format(12, "c"), format(True, ">6"), format(1.5, ""), format([1, 2]), format((1,), ""))
for value, spec in [(None, "d"), ("abc", "d"), (1.5, "x"), (1, "z"), ([], ">5"), (True, ".2s")]:
    try:
        print(format(value, spec))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(format(3, "") == str(3), format(2.5) == str(2.5), format("x") == "x", format(-0.0, ".1f"), format(-0.0001, "z.1f"))
print(format(10 ** 12, "_d"), format(255, "_x"), format(-42, "010"), format(42, "<+6d") + "|", format(1.0, "%"))
