# str: join, split and rsplit with and without separators and maxsplit, edge cases and errors.
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(("x",)), "|".join("abc"), "".join(["é", "😀"]))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
s = "  one  two\tthree\nfour  "
print(s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(" "))
print("a,b,,c,".split(","), "a,b,,c,".rsplit(",", 2), "a,b,,c,".split(",", 0), "a,b,c".split(",", -1))
print("".split(), "".split(","), "   ".split(), "abc".split("abc"), "aXbXc".split("X", 1), "aXbXc".rsplit("X", 1))
print("a::b::c".split("::"), "a::b::c".rsplit("::", maxsplit=1), "x".split(sep="x"))
print("1 2 3".split(maxsplit=1), "  lead".split(" "), "trail  ".rsplit(" ", 1))
print("ünïcödé wörds".split("ö"), "a\u00a0b".split(), "a\x1cb\x1dc".split())
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc".rsplit(1)
except TypeError as e:
    print("TypeError:", e)
