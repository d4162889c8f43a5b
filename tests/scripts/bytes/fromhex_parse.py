# bytes: the class method bytes.fromhex (spaces, errors), int() and float() of bytes, bytes of iterables.
print(bytes.fromhex("deadbeef"), bytes.fromhex(" 00 ff\t10\n"), bytes.fromhex(""), b"x".fromhex("41 42"))
for s in ["abc", "0g", "a b", "é1", "00 1"]:
    try:
        bytes.fromhex(s)
    except ValueError as e:
        print("ValueError:", e)
for bad in [lambda: bytes.fromhex(b"00"), lambda: bytes.fromhex(), lambda: bytes.fromhex(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(int(b"12"), int(b" -7 "), int(b"1_000"), int(b"ff", 16), int(b"0x1f", 0), int(b"z", 36))
print(float(b"1.5"), float(b" -2e3 "), float(b"inf"), float(b"1_0.5"))
for f in [lambda: int(b""), lambda: int(b"12a"), lambda: int(b"\xff"), lambda: int(b"9", 8),
          lambda: float(b"abc"), lambda: float(b""), lambda: float("\u0661".encode())]:
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
print(bytes([1, 2]), bytes((3,)), bytes(range(3)), bytes(iter([65, 66])), bytes({7: 1}))
