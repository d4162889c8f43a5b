# bytes: decode with utf-8 (default), latin-1, ascii, error handlers, and UnicodeDecodeError messages.
data = "naïve café €5 😀".encode()
print(data, len(data), data.decode(), len(data.decode()), data.decode("utf-8") == data.decode(encoding="utf-8"))
print(b"\xe9t\xe9".decode("latin-1"), b"abc".decode("ascii"), b"\xff\xfeA\x00".decode("utf-16"))
for errors in ("replace", "ignore", "backslashreplace", "surrogateescape"):
    print(errors, ascii(b"a\xffb\xc3".decode("utf-8", errors)))
for bad, enc in [(b"a\xffb", "utf-8"), (b"\xc3", "utf-8"), (b"\xe2\x82", "utf-8"), (b"\x80", "ascii"), (b"\xed\xa0\x80", "utf-8")]:
    try:
        bad.decode(enc)
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
try:
    b"x".decode("nope")
except LookupError as e:
    print("LookupError:", e)
