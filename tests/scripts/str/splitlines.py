# str: splitlines on every line boundary, with keepends, and how it differs from split('\n').
s = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve"
print(s.splitlines())
print(s.splitlines(True))
print("a\n\nb\n".splitlines(), "a\n\nb\n".split("\n"), "".splitlines(), "\n".splitlines(), "x".splitlines(keepends=True))
print("line1\r\n\r\nline3\r\n".splitlines(keepends=True))
print("no newline".splitlines(), "\r\r\n\n".splitlines(), len("\r\r\n\n".splitlines()))
text = "header\n\nbody line 1\r\nbody line 2\n"
for i, line in enumerate(text.splitlines()):
    print(i, repr(line))
print(len(text.splitlines()), len(text.split("\n")), text.splitlines()[-1], [l for l in text.splitlines() if l])
