# str: center, ljust, rjust, zfill with widths, fill characters, odd padding and non-ASCII text.
for w in ["abc", "ab", "", "héllo", "😀"]:
    print("[" + w.center(8) + "]", "[" + w.center(8, "*") + "]", "[" + w.ljust(6, ".") + "]", "[" + w.rjust(6, "é") + "]")
print("[" + "abc".center(2) + "]", "[" + "abc".center(-5) + "]", "[" + "a".center(4) + "]", "[" + "ab".center(5) + "]")
print("[" + "abc".center(6) + "]", "[" + "abcd".center(7, "-") + "]")
for s in ["42", "-42", "+42", "", "abc", "-", "3.14", "-0.5", "1234"]:
    print(repr(s.zfill(5)), end=" ")
print()
try:
    "a".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
try:
    "a".ljust(5, "")
except TypeError as e:
    print("TypeError:", e)
