# builtins: format(value, spec) through each type's __format__, and ascii() escaping of every kind of character.
print(format(1234567, ","), format(1234567, "_x"), format(-42, "=+8d"), format(42, "#o"), format(3, "*^9b"), format(65, "c"))
print(format(2 / 3, ".3"), format(1e-7, "g"), format(12.5, "08.2f"), format(0.5, ".0%"), format(float("nan"), "+"), format(-0.0, "z.2f"))
print(format("text", "10"), format("text", ">10"), format("text", ".2"), format("é", "-^5"), format(True, "^6"), format(False, "d"))
print(repr(format(None)), repr(format([1, 2])), repr(format((1,), "")), repr(format({}, "")), format(range(3)))
for value, spec in [(1, "s"), ("a", "d"), (1.5, "d"), (None, "x"), (object(), "d"), (1, ".2d"), ("a", "="), (1, "z"), (1, "::")]:
    try:
        print(format(value, spec))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for call in [lambda: format(), lambda: format(1, 2), lambda: format(1, "", ""), lambda: format(1, format_spec="x")]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
for v in ["plain", "tab\t", "quote'", 'both\'"', "é", "€", "😀", "\x7f\x80", "\u200b", ["é", ("ü",)], {"ключ": "值"}, b"\xe9"]:
    print(ascii(v), repr(v) == ascii(v))
