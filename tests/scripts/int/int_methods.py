# int: bit_length, bit_count, to_bytes/from_bytes, as_integer_ratio, conjugate, real/imag, __index__ users.
for n in (0, 1, 7, 8, -8, 255, 2 ** 100, -(2 ** 100) - 1):
    print(n, n.bit_length(), n.bit_count())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xfe", "big", signed=True), int.from_bytes(b"", "big"))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
print((10).as_integer_ratio(), (-3).as_integer_ratio())
print((5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print([1, 2, 3, 4][True], "abc"[-1], hex(255), oct(8), bin(5))
print(abs(-5), abs(-(10 ** 20)), round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print(int.__name__, (7).__class__.__name__)
