# bytes: comparison, sorting, hashing equality (hash value not printed), use as dict keys, bool of bytes.
items = [b"b", b"a", b"", b"ab", b"\xff", b"B", b"aa"]
print(sorted(items), max(items), min(items))
print(b"abc" == b"abc", b"abc" != b"abd", b"a" < b"aa", b"Z" < b"a", b"\x00" < b"\x01", b"abc" <= b"abc")
print(hash(b"key") == hash(b"k" + b"ey"), {b"x": 1, b"y": 2}[b"y"], b"" == bytes(), bool(b""), bool(b"\x00"))
try:
    b"a" < "a"
except TypeError as e:
    print("TypeError:", e)
print(b"a" == "a", b"1" == 1, [b"ab"] == [b"a" + b"b"])
