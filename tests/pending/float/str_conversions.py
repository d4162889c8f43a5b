# float: str()/repr()/f-string default forms agree, in containers, and '{}'.format/'%s' use repr rules.
vals = [0.1, 1e16, 1e-5, 1.0, 12.0, -0.0, float("inf"), float("nan"), 1 / 3, 123456789.123456789]
for v in vals:
    print(str(v), repr(v), f"{v}", f"{v!r}", "{}".format(v), "%s" % v, "%r" % (v,), format(v))
print(str([1.0, 2.5]), str((0.5,)), str({1.5: 2.5}))
print(f"{1.0:}", f"{1e16:}", f"{1e16:.17}", f"{0.1:.17}", f"{0.1:.20f}", f"{2 / 3:.3}")
