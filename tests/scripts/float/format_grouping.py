# float: ',' and '_' thousands grouping with f/e/g/%, with widths and zero padding, and %-style float formats.
for v in [1234567.891, -1234567.891, 0.5, 999.999, 1e21, 12345678901234.5]:
    print(f"{v:,.2f}|{v:_.2f}|{v:,}|{v:20,.3f}|{v:020,.1f}|{v:,.0f}|{v:,g}|{v:,.2e}|{v:,.1%}")
print(f"{1e6:_}", f"{1e6:,}", f"{123456.7:012,.1f}")
print("%f %.2f %10.3f %-10.1f| %+.1f %e %.3E %g %G %5.1g" % ((3.14159,) * 7 + (1e-10, 1e20, 2.5)))
print("%08.3f %-8.2f| % .2f %#.0f %.0f %.0f" % (-3.14159, 2.5, 1.25, 2.0, 0.5, 1.5))
print("%s %r %s" % (0.1, 0.1, 1e16))
print("%d %i %d" % (3.99, -3.99, 1e20))
try:
    "%x" % 2.5
except TypeError as e:
    print("TypeError:", e)
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError:", e)
try:
    format(1.5, ",_")
except ValueError as e:
    print("ValueError:", e)
