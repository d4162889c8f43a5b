# float: format specs e f g % with precision, width, alignment, sign, fill, zero padding and '#'.
x = 12345.6789
for spec in ["e", ".2e", "E", ".0e", "#.0e", "f", ".2f", ".0f", "#.0f", "F", "g", ".3g", ".10g", "G", "#g", "%", ".1%",
             "12.3f", "<12.3f", "^12.3f", ">12.3f", "*^14.2f", "012.2f", "+.2f", " .2f", "-.2f", "=+12.1f", "+012.1e"]:
    print(repr(spec), format(x, spec), format(-x, spec))
for v in [0.0001234, 1e-5, 123456789.0, 1e16, 0.5, 100.0, -0.0]:
    print(format(v, "g"), format(v, ".3g"), format(v, ""), format(v, ".2"), format(v, "e"))
print(format(float("inf"), "f"), format(float("-inf"), "e"), format(float("nan"), "g"), format(float("inf"), "F"),
      format(float("nan"), "+08.2f"), format(float("inf"), "010"))
print(format(2.5, ".0f"), format(3.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"), format(1e22, "f"))
