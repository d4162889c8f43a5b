# int: to_bytes/from_bytes with byteorder (default 'big'), signed=, round trips, and the errors of both.
for n in (0, 1, 255, 256, 1024, 2 ** 64 - 1, 2 ** 100):
    b = n.to_bytes((n.bit_length() + 7) // 8 or 1, "little")
    print(n, b, int.from_bytes(b, "little"), int.from_bytes(b, "little") == n)
for n in (-1, -128, -129, 127, -(2 ** 70)):
    b = n.to_bytes(10, "big", signed=True)
    print(n, b.hex(), int.from_bytes(b, "big", signed=True), int.from_bytes(b, signed=False) > 0)
print((1).to_bytes(), (65).to_bytes(2), (65).to_bytes(length=2, byteorder="little"), True.to_bytes())
print(int.from_bytes(b"\x01\x02"), int.from_bytes([1, 2], "little"), int.from_bytes((255,), signed=True))
print(int.from_bytes(bytes=b"\x00\x80", byteorder="big", signed=True), (5).from_bytes(b"\x07"))
print(type(int.from_bytes), int.from_bytes.__name__, int.from_bytes.__self__, bool.from_bytes(b"\x00"))
bad = [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(2, "little"), lambda: (128).to_bytes(1, signed=True),
       lambda: (1).to_bytes(-1), lambda: (1).to_bytes(1, "middle"), lambda: (1).to_bytes(1, 2),
       lambda: (1).to_bytes("2"), lambda: (1).to_bytes(1, "big", True), lambda: (1).to_bytes(1, "big", length=1),
       lambda: (1).to_bytes(1, "big", sign=True), lambda: int.from_bytes(), lambda: int.from_bytes("ab"),
       lambda: int.from_bytes(5), lambda: int.from_bytes([256]), lambda: int.from_bytes(b"", "x"),
       lambda: int.from_bytes(b"", byteorder=None), lambda: int.from_bytes(b"", "big", False)]
for f in bad:
    try:
        print(f())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
