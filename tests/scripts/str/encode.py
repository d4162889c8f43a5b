# str: encode to utf-8, latin-1, ascii with error handlers; the exact UnicodeEncodeError message; bytes decode back.
s = "héllo €uro 😀"
print(s.encode(), s.encode("utf-8"), len(s), len(s.encode()))
print("abc".encode("ascii"), "café".encode("latin-1"), "café".encode("utf-16-le"), "A".encode("utf-32-be"))
for errors in ("ignore", "replace", "xmlcharrefreplace", "backslashreplace"):
    print(errors, s.encode("ascii", errors))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    "€".encode("latin-1")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e, e.start, e.end, e.encoding)
try:
    s.encode("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
print(s.encode().decode() == s, b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), "x".encode(encoding="UTF8"))
