# str: find, rfind, index, rindex with start/end (incl. negative), empty needle, and ValueError messages.
s = "abracadabra"
print(s.find("a"), s.find("bra"), s.find("z"), s.find("a", 1), s.find("a", 1, 3), s.find("a", -4), s.find("a", -4, -1))
print(s.rfind("a"), s.rfind("bra"), s.rfind("z"), s.rfind("a", 0, 5), s.rfind("abra", 1))
print(s.find(""), s.find("", 5), s.find("", 11), s.find("", 12), s.rfind(""), s.rfind("", 3, 6))
print(s.index("c"), s.rindex("a"), s.index("ra", 3), s.rindex("ra", 0, 5))
for fn in (s.index, s.rindex):
    try:
        fn("z")
    except ValueError as e:
        print("ValueError:", e)
try:
    s.index("a", 1, 3)
except ValueError as e:
    print("ValueError:", e)
t = "naïve café naïve"
print(t.find("ï"), t.rfind("ï"), t.index("café"), t.find("é", 9, 10))
print(s.find("a", 100), s.find("a", None, None), s.rfind("a", None, -1))
