# str: method results are new strings; chained methods; str methods called through the type; len of results.
s = "  Hello, World  "
print(s.strip().lower().replace("world", "there").title().center(20, "~"))
print(str.upper("abc"), str.join("-", "xyz"), str.split("a b"), str.count("aaa", "a"))
print(s.strip() is not s, "abc".upper() == "ABC", "abc".lower() is not None)
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), max(words, key=len), sorted(words, key=lambda w: (-len(w), w))[:3], " ".join([w[::-1] for w in words]))
print(" ".join([w.capitalize() for w in words]), "".join([w[0] for w in words]).upper())
csv = "name,age\nann,30\nbob,25\n"
rows = [line.split(",") for line in csv.splitlines()[1:]]
print(rows, sum([int(r[1]) for r in rows]), ",".join([r[0].title() for r in rows]))
print("%-6s|%6s" % ("ab", "cd"), "abc".zfill(6), "a-b-c".rsplit("-", 1)[0], "x=1;y=2".split(";")[1].partition("=")[2])
