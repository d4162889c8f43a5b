# str: encode to utf-16/utf-32 (byte order marks, surrogate pairs, -le/-be), codec name spellings, round trips.
s = "héllo €uro 😀"
for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
    b = s.encode(enc)
    print(enc, len(b), b[:8], b[-4:], b.decode(enc) == s, "".encode(enc))
for name in ("UTF16", "utf_16_le", "U16", "utf-16le", "UnicodeBigUnmarked", "utf32", "UTF-32BE", "u32"):
    print(name, "a😀".encode(name))
print("café".encode("utf-16-le"), "A".encode("utf-32-be"), "x".encode("utf-16", "no-such-handler"))
print(str(b"\x00A\x00B", "utf-16-be"), bytes("ok", "utf-32-le"), "😀".encode("utf-16-be").hex(" "))
for enc in ("utf-17", "utf-16-xx", "utf_32__le"):
    try:
        "a".encode(enc)
    except LookupError as e:
        print("LookupError:", e)
