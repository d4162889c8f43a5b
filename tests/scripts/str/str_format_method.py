# str: str.format with positional, numbered, keyword, attribute and index fields, conversions, nested specs, braces.
print("{} {} {}".format(1, "two", 3.0), "{1} {0} {1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[1]} {0[0]} {d[key]} {d[k2][0]}".format(["a", "b"], d={"key": "v", "k2": "w"}))
print("{0.real} {0.imag} {1.__name__}".format(5, int), "{{}} {{{0}}}".format("x"))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>10}".format("x"), "{:>{width}.{prec}f}".format(3.14159, width=10, prec=2))
print("{:{fill}{align}{w}}".format("mid", fill="*", align="^", w=9), "{:{}}|{:{}}".format("a", 4, "b", 3))
print("{:<8}|{:^8}|{:>8}|{:*^9}|{:08.3f}|{:+,}".format("l", "c", "r", "s", -3.14159, 1234567))
print("{:x} {:#o} {:b} {:c} {:e} {:.1%} {:g}".format(255, 8, 5, 97, 1234.5, 0.256, 1e-7))
print("{:.3}|{:10.2}|{:<10.4}|".format("abcdef", "abcdef", "abcdef"), "{:s}".format("plain"), "{}".format(None))
print("{a}{b}".format_map({"a": 1, "b": 2}), "{0}{0}{0}".format("ab"))
for fmt, args, kw in [("{} {}", (1,), {}), ("{0} {}", (1, 2), {}), ("{x}", (), {}), ("{:d}", ("s",), {}),
                      ("{!z}", (1,), {}), ("{", (), {}), ("}", (), {}), ("{0[5]}", ([1],), {}), ("{:,s}", ("a",), {})]:
    try:
        print(fmt.format(*args, **kw))
    except (IndexError, KeyError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
