# bytes: literal forms (escapes, raw, hex, implicit concatenation) and repr's quoting and escaping rules.
vals = [b"", b"abc", b'it\'s', b'say "hi"', b"both ' and \"", b"\x00\x01\x7f\x80\xff", b"\t\n\r", b"\\",
        rb"raw\n", b"\x41\102C", b"ab" b"cd", bytes([0, 65, 255]), b"\xe2\x82\xac"]
for b in vals:
    print(repr(b), len(b))
print(str(b"x"), [b"a", b"'"], {b"k": b"v"}, (b"",))
print(b"abc" == b"abc", b"abc" == "abc", b"a" < b"b", b"ab" < b"abc", b"\xff" > b"\x00")
print(b"\x61\x62" == b"ab", b"\101" == b"A", len(b"\\x41"), rb"\x41" == b"\\x41", b"\0" == bytes(1))
print(repr(bytes(range(8))), repr(bytes(range(0x7c, 0x84))))
print(b"""triple
quoted""", b"a" b"b")
