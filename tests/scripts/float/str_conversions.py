# float: str()/repr()/f-string default forms agree, in containers, and '{}'.format/'%s' use repr rules.
vals = [0.1, 1e16, 1e-5, 1.0, 12.0, -0.0, float("inf"), float("nan"), 1 / 3, 123456789.123456789]
for v in vals:
    print(str(v), repr(v), f"{v}", f"{v!r}", "{}".format(v), "%s" % v, "%r" % (v,), format(v))
print(str([1.0, 2.5]), str((0.5,)), str({1.5: 2.5}))
print(f"{1.0:}", f"{1e16:}", f"{1e16:.17}", f"{0.1:.17}", f"{0.1:.20f}", f"{2 / 3:.3}")
for v in [5e-324, 1.7976931348623157e308, 2.0 ** 63, 2.0 ** -20, 1 / 7, 100.0 / 3, -1e-7]:
    print(str(v), f"{v:.3g}", f"{v:.5e}", "%.12g" % v, "%g" % v)
print(str(1.0e0), str(10.0 ** 15), str(10.0 ** 16), str(-10.0 ** -4), str(10.0 ** -5))
print("{0} {0!s} {0!r} {0:}".format(2.5), "%5.1f|%-7.2f|%07.2f" % (2.25, 2.25, -2.25))
