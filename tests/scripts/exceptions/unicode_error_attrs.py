# exceptions: UnicodeEncodeError/UnicodeDecodeError raised by codecs: encoding, object, start, end, reason, str(); the constructors.
for f in [lambda: "é€".encode("ascii"), lambda: "a€".encode("latin-1"), lambda: b"a\xff".decode("utf-8"), lambda: b"\xe2\x82".decode(), lambda: b"\x80".decode("ascii"), lambda: b"\x00\xd8".decode("utf-16-le"), lambda: "😀😀x".encode("latin-1")]:
    try:
        f()
    except UnicodeError as e:
        print(type(e).__name__, "|", e, "|", e.encoding, repr(e.object), e.start, e.end, e.reason, e.args)
e = UnicodeEncodeError("ascii", "x€y", 1, 2, "bad")
print(e, repr(e), e.args)
e.start = 0
e.end = 3
print(e)
e = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "no")
print(e, repr(e))
for f in [lambda: UnicodeEncodeError("a"), lambda: UnicodeEncodeError(1, "x", 0, 1, "r"), lambda: UnicodeEncodeError("a", b"x", 0, 1, "r"), lambda: UnicodeEncodeError("a", "x", "0", 1, "r"), lambda: UnicodeDecodeError("a", "x", 0, 1, "r")]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
print(str(UnicodeError("plain")), isinstance(UnicodeEncodeError("a", "b", 0, 1, "c"), ValueError))
