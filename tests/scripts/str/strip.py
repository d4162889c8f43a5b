# str: strip, lstrip, rstrip with default whitespace and with character sets; removeprefix/removesuffix.
s = " \t\n  hello world \r\n\x0b\x0c "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "abcHELLOcba".lstrip("abc"), "abcHELLOcba".rstrip("cb"))
print(repr("   ".strip()), repr("".strip("x")), "aaa".strip("a") == "", "\u3000full width\u3000".strip())
print("www.example.com".strip("cmowz."), "  a b  ".strip(None), "ééaéé".strip("é"))
print("TestCase".removeprefix("Test"), "TestCase".removeprefix("Case"), "TestCase".removesuffix("Case"),
      "TestCase".removesuffix("Test"), "".removeprefix(""), "abc".removeprefix(""), "abc".removesuffix("abc"))
try:
    "abc".strip(1)
except TypeError as e:
    print("TypeError:", e)
try:
    "abc".removeprefix(None)
except TypeError as e:
    print("TypeError:", e)
