# str: upper, lower, title, capitalize, swapcase, casefold on ASCII and non-ASCII (ß, Σ, ǅ, ﬁ).
words = ["hello World", "ÉCOLE élève", "straße", "ΣΊΣΥΦΟΣ", "ǅungla", "ﬁne", "they're bill's", "3rd place", "ıİ", "mIxEd 123"]
for w in words:
    print(w.upper(), "|", w.lower(), "|", w.title(), "|", w.capitalize(), "|", w.swapcase(), "|", w.casefold())
print("Straße".casefold() == "STRASSE".casefold(), "Straße".lower() == "strasse")
print(len("ß".upper()), len("ﬁ".upper()), "İ".lower(), len("İ".lower()))
print("hello_world-foo bar".title(), "o'neil mc-donald".title(), "ABC".capitalize(), "".upper())
for w in ["", "a", "A", "1a", "ß", "ǆ"]:
    print(repr(w), repr(w.upper()), repr(w.title()), repr(w.capitalize()))
print("ΣΑΣ ΣΑΣ".lower(), "ΌΣΟΣ".lower(), "aΣ b".lower())
