# str: iterating characters (code points), enumerate, reversed, list()/tuple() of a str, comprehension, ''.join round trip.
s = "héllo 😀"
for c in s:
    print(repr(c), ord(c), end="; ")
print()
print(list(s), tuple("ab"), list(reversed(s)), "".join(reversed(s)))
print([(i, c) for i, c in enumerate("abc")], [c.upper() for c in "abc" if c != "b"], sorted("hello"))
it = iter("xy")
print(next(it), next(it), next(it, "end"))
print(sum([1 for c in "mississippi" if c == "s"]), max("hello"), min("hello"), set("aab") == {"a", "b"})
print(dict(zip("abc", range(3))), list(map(str.upper, "ab")), "".join([c * 2 for c in "abc"]))
