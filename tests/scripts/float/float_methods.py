# float: as_integer_ratio, is_integer, hex/fromhex, conjugate, real/imag, int()/trunc behaviour, min/max.
for v in [0.5, 0.1, -2.75, 3.0, 1e20, 2 ** -30]:
    print(v, v.as_integer_ratio(), v.is_integer(), v.hex(), float.fromhex(v.hex()) == v)
print((1.5).conjugate(), (1.5).real, (1.5).imag)
print(int(1e15 + 0.5), int(-2.5), int(2.5), int(1e16))
try:
    float("inf").as_integer_ratio()
except OverflowError as e:
    print("OverflowError:", e)
try:
    float("nan").as_integer_ratio()
except ValueError as e:
    print("ValueError:", e)
print(float.fromhex("0x1p-1074"), float.fromhex("-0x1.fffffffffffffp+1023"), float.fromhex("inf"))
print(max(0.1, 0.2), min(-0.0, 0.0), max(0.0, -0.0), abs(-0.0))
print(float.__name__, (1.0).__class__.__name__, isinstance(1.0, float), isinstance(1, float))
