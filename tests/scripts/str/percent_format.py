# str: %-formatting with tuples, single values, dicts, %%, * widths, conversions s r a c and the errors.
print("%s is %d years" % ("Ann", 30), "%s" % "single", "%s" % (("tuple",),), "%s %s" % (1, [2]))
print("%(name)s=%(value)05.1f %(name)r" % {"name": "pi", "value": 3.14159}, "%(a)s%(a)s" % {"a": "x"})
print("100%%", "%d%%" % 50, "%5s|%-5s|%.2s|%5.1s|" % ("abc", "abc", "abc", "abc"))
print("%*d|%-*d|%.*f|%*.*f" % (5, 42, 5, 42, 2, 3.14159, 8, 3, 2.71828))
print("%r %a %s" % ("é\n", "é\n", "é\n"), "%c%c%c" % (72, "i", 0x1F600))
print("%s" % None, "%s %s" % (True, 1.5), "%r" % b"x", "%i|%u" % (7, 8), "% d|%+d" % (5, 5))
print("%(x)s" % {"x": 1, "y": 2}, "no args" % (), "%s" % [])
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%(a)s", (1,)), ("%z", 1), ("%c", 1 << 30), ("%(a)s", {}), ("%c", "ab")]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
