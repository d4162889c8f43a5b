# str: isdigit isdecimal isnumeric isalpha isalnum isspace isupper islower istitle on a table of samples.
samples = ["123", "", "١٢٣", "²", "½", "Ⅻ", "abc", "Abc", "ABC", "aBc", "abc1", "a b", " \t\n", "\u00a0", "\u200b",
           "Hello World", "Hello world", "HELLO 1", "hello 1", "é", "É", "ß", "一二", "12.5", "-1", "Ǆ", "ǅ", "_"]
names = ["isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "isupper", "islower", "istitle"]
print(" ".join([n[2:5] for n in names]))
for s in samples:
    flags = ["T" if getattr(s, n)() else "." for n in names]
    print("   ".join(flags), ascii(s))
print("abc".isascii(), "é".isascii(), "".isascii(), "\x7f".isascii())
print("42".isprintable(), "a\tb".isprintable(), "".isprintable(), "\u00a0".isprintable())
