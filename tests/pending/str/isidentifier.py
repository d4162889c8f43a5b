# str: isidentifier on ASCII, underscore, digits, keywords and non-ASCII letters.
for s in ["abc", "_", "_x1", "1abc", "", "a-b", "a b", "if", "None", "True", "café", "πr2", "x²", "ℕ", "a\u0301",
          "\u0301a", "$x", "日本語", "Ⅻ", "__init__", "a.b", "_1"]:
    print(ascii(s), s.isidentifier())
