# str: repr quoting choice and escapes (\n \t \\ \x.. \u.. non-printables), ascii(), and str vs repr in containers.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
           "\x00\x07\x1b\x7f", "é€😀", "\u200b\u00a0\u2028", "\U0010ffff", "\x9f\xa0\xad", "\r", "", "'", '"',
           "\\n is not a newline", "mixed 'single' \"double\" \n"]
for s in samples:
    print(repr(s), ascii(s), len(repr(s)))
print(str(["a'b", 'c"d']), str(("x",)), str({"k": "v\n"}), [repr("a")])
print(repr(repr("x")), len(repr("\n")), str("no quotes"), "{!r}".format("\t"))
print(repr("round\ttrip") == "'round\\ttrip'")
print(repr("a" * 3 + "'"), repr("\\"), repr("\\'"), repr("\x0b\x0c"), repr("\x80\x9f"), repr("\ufeff\u00ad"))
