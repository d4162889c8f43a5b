# str: isidentifier on ASCII, underscore, digits, keywords and non-ASCII letters (keywords are identifiers too).
samples = ["abc", "_", "_x1", "1abc", "", "a-b", "a b", "if", "None", "True", "café", "πr2", "x²", "ℕ",
           "a\u0301", "\u0301a", "$x", "日本語", "Ⅻ", "__init__", "a.b", "_1", "a\t", "ǅ", "·a", "a·"]
for s in samples:
    print(ascii(s), s.isidentifier())
valid = [s for s in samples if s.isidentifier()]
print(len(valid), len(samples) - len(valid))
names = "first_name 2nd_name last-name _private __dunder__ CamelCase".split()
print({n: n.isidentifier() for n in names})
print("snake_case".isidentifier() and not "kebab-case".isidentifier())
