# builtins: chr() and ord() across the Unicode range, bytes in ord(), hex/oct/bin of ints and bools, and their errors.
print([chr(i) for i in (0x41, 0xe9, 0x3b1, 0x20ac, 0x1f600, 0x10ffff)] == ["A", "é", "α", "€", "😀", "\U0010ffff"])
print([ord(c) for c in "\x00\x7f\x80ÿĀ\uffff\U00010000"], ord(b"\xff"), ord(b"\x00"), ord("\U0010ffff"))
print(repr(chr(0)), repr(chr(10)), repr(chr(127)), chr(True), chr(65) + chr(0x301))
print(hex(0), hex(-1), hex(255), hex(2 ** 70), oct(-8), oct(64), bin(0), bin(-5), bin(2 ** 33), hex(True), bin(False))
print(hex(-(2 ** 64)), oct(2 ** 64), bin(-(2 ** 65) + 1))
for call in [lambda: chr(-1), lambda: chr(0x110000), lambda: chr(2 ** 31), lambda: chr(-(2 ** 40)), lambda: chr(65.0),
             lambda: chr("A"), lambda: chr(), lambda: chr(1, 2), lambda: ord(""), lambda: ord("ab"), lambda: ord(b""),
             lambda: ord(b"ab"), lambda: ord(65), lambda: ord(None), lambda: ord(["a"]), lambda: hex(1.0),
             lambda: oct("7"), lambda: bin(None), lambda: hex(), lambda: hex(1, 2)]:
    try:
        print(call())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
