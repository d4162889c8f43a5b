# str: count (non-overlapping, ranges, empty needle), startswith/endswith with ranges and tuple arguments.
s = "banana band bandana"
print(s.count("an"), s.count("a"), s.count("ana"), s.count("z"), s.count(""), "".count(""), s.count("a", 5, 12))
print("aaaa".count("aa"), s.count("an", -7), s.count("ban", 0, 3), s.count("ban", 0, 2))
print(s.startswith("ban"), s.startswith("and"), s.startswith("and", 9), s.startswith("ban", 7, 9))
print(s.endswith("ana"), s.endswith("band", 0, 11), s.endswith(("x", "dana")), s.startswith(("x", "y")))
print(s.startswith(("nan", "ban"), 0), s.endswith(()), s.startswith(""), "".endswith(""), s.startswith("", 50))
print("héllo".startswith("hé"), "héllo".endswith("lo", -2), "😀a".startswith("😀"))
try:
    s.startswith(["ban"])
except TypeError as e:
    print("TypeError:", e)
try:
    s.endswith(("a", 1))
except TypeError as e:
    print("TypeError:", e)
