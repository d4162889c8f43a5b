# bytes: + and * with bytes, bytes.hex (separators), bytes.fromhex, len, join, methods shared with str.
a, b = b"abc", b"\x00\xff"
print(a + b, a * 3, 2 * b, a * 0, len(a + b), b"".join([a, b"-", b]), b"-".join([b"x", b"y"]))
print(a.hex(), b.hex(), b"\x01\x02\x03".hex(":"), b"\x01\x02\x03\x04".hex("-", 2), b"".hex())
print(bytes.fromhex("deadbeef"), bytes.fromhex("00 ff 10"), bytes.fromhex(""))
try:
    bytes.fromhex("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    a + "str"
except TypeError as e:
    print("TypeError:", e)
print(a.upper(), b"Hi There".lower(), b"a,b,c".split(b","), b"  x  ".strip(), b"abcabc".replace(b"b", b"B"))
print(b"abc".find(b"c"), b"abc".count(b"b"), b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"bc")), b"42".isdigit())
print(b"k=v".partition(b"="), b"%s-%d" % (b"x", 5), b"ab".center(6, b"*"), b"7".zfill(3))
