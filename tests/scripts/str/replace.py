# str: replace with counts, empty patterns, no match, overlapping text and non-ASCII characters.
s = "the cat sat on the mat"
print(s.replace("the", "a"), s.replace("at", "og", 2), s.replace("at", "og", 0), s.replace("at", "og", -1))
print(s.replace("xyz", "!"), s.replace(" ", ""), s.replace("", "-"), "".replace("", "x"), "abc".replace("", "-", 2))
print("aaaa".replace("aa", "b"), "aaa".replace("aa", "a"), "ababab".replace("aba", "X"))
print("ça va? ça va".replace("ça", "it"), "😀x😀".replace("😀", "y"), "abc".replace("b", "😀"))
print(("x" * 5).replace("x", "yy"))
try:
    "abc".replace("a")
except TypeError as e:
    print("TypeError:", e)
