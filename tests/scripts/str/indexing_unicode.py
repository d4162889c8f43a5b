# str: len counts code points; indexing and slicing of non-ASCII text (Latin-1, BMP, astral), negative indices.
s = "aé€😀z"
print(len(s), [s[i] for i in range(len(s))], s[-1], s[-2], s[1:4], s[::-1], s[::2], s[3:], s[:0])
t = "Привет, мир! 你好 🌍🌎"
print(len(t), t[0], t[8:11], t[-2:], t[13:15], t[::3], len(t.encode()))
print([ord(c) for c in "é€😀"], chr(233) + chr(8364) + chr(128512))
try:
    s[5]
except IndexError as e:
    print("IndexError:", e)
try:
    s[-6]
except IndexError as e:
    print("IndexError:", e)
try:
    s[1] = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    s["1"]
except TypeError as e:
    print("TypeError:", e)
print(s[1:100], s[100:], s[-100:2], s[4:1], s[4:1:-1], s[::-2], s[True])
print("e\u0301" == "é", len("e\u0301"), len("é"), "🇫🇷"[0] != "🇫🇷", len("🇫🇷"))
