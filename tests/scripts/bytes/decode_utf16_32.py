# bytes: decode utf-16/utf-32 with and without byte order marks, every error reason, and the error handlers.
print(b"\xff\xfeA\x00".decode("utf-16"), b"\xfe\xff\x00A".decode("utf-16"), b"A\x00".decode("utf-16"))
print(repr(b"\xff\xfeA\x00".decode("utf-16-le")), b"=\xd8\x00\xde".decode("utf-16-le"), b"".decode("utf-32"))
print(b"\x00\x00\xfe\xff\x00\x00\x00A".decode("utf-32"), b"\xff\xfe\x00\x00B\x00\x00\x00".decode("utf-32"))
cases = [(b"A\x00B", "utf-16"), (b"\xfe\xff\x00", "utf-16"), (b"\x00A\x00", "utf-16-be"),
         (b"\x00\xd8A\x00", "utf-16-le"), (b"\x00\xd8", "utf-16-le"), (b"\x00\xdcA\x00", "utf-16-le"),
         (b"\x00\xd8A", "utf-16-le"), (b"\x00\xd8\x00\xd8", "utf-16-le"), (b"A\x00\x00\x00B", "utf-32"),
         (b"\x00\x00\x11\x00", "utf-32-le"), (b"\x00\xd8\x00\x00", "utf-32-le"), (b"\xff\xfe", "utf-32"),
         (b"\x00\x00\xfe\xff\x00", "utf-32")]
for data, enc in cases:
    out = []
    for errors in ("replace", "ignore", "backslashreplace"):
        out.append(repr(data.decode(enc, errors)))
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        out.append("UnicodeDecodeError: " + str(e))
    print(enc, " ".join(out))
for data, enc, errors in [(b"\x00", "utf-16-be", "xmlcharrefreplace"), (b"\x00", "utf-32", "bad"),
                          (b"\x00", "utf-16", "xmlcharrefreplace"), (b"\x00", "utf-32-le", "nope")]:
    try:
        data.decode(enc, errors)
    except (TypeError, LookupError) as e:
        print(type(e).__name__ + ":", e)
print(b"ok".decode("utf-16-le", "no-such-handler") == "\u6b6f", b"A\x00".decode("utf-16", "bad"))
