# str: str() of many objects, str(bytes, encoding, errors), chr/ord ranges and errors, str.maketrans/translate.
print(str(), str(42), str(-1.5), str(True), str(None), str([1, "a"]), str((1,)), str({1: "b"}), str(b"x"), str(str))
print(str(b"caf\xc3\xa9", "utf-8"), str(b"caf\xe9", "latin-1"), str(b"caf\xe9", "utf-8", "replace"), str(b"ab", encoding="ascii"))
try:
    str(b"caf\xe9", "utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(chr(65), chr(0x10FFFF) == "\U0010ffff", ord("A"), ord("€"), ord("😀"))
for bad in (-1, 0x110000):
    try:
        chr(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "abcdd".translate(t), "hello".translate({ord("l"): None, ord("o"): "0"}))
print(str.maketrans({"a": "1"}), "banana".translate(str.maketrans({"a": "A", "n": None})))
