# str: the static method str.maketrans (dict, two and three strings) and str.translate with every kind of value.
t = str.maketrans("abc", "xyz", "d")
print(t, "abcdd".translate(t), "hello".translate({108: None, 111: "0"}))
print(str.maketrans({"a": "1"}), "banana".translate(str.maketrans({"a": "A", "n": None})))
print(str.maketrans("aé😀", "x€y", "zz"), "a😀é zz!".translate(str.maketrans("aé😀", "x€y", "zz")))
print(str.maketrans({"é": "x", 5: None, True: 2}), str.maketrans("", "", ""), "".maketrans("ab", "cd"))
print("abc".translate({97: "xyz", 98: None, 99: 100}), "é😀".translate({233: 128512, 128512: "e"}))
print("abc".translate([None, "x"]), "ab".translate("xyz" * 40), "".translate({}), "keep".translate({}))
print(type(str.maketrans), str.maketrans.__name__, "x".maketrans("a", "b"))
bad = [lambda: str.maketrans(1, "a"), lambda: str.maketrans("a", 1), lambda: str.maketrans("a", "b", 1),
       lambda: str.maketrans("a"), lambda: str.maketrans(), lambda: str.maketrans(1, 2, 3, 4),
       lambda: str.maketrans({1.5: 2}), lambda: str.maketrans({"ab": 2}), lambda: str.maketrans("a", "bc"),
       lambda: str.maketrans(x={"a": 1}), lambda: "abc".translate({97: 0x110000}),
       lambda: "abc".translate({97: -1}), lambda: "abc".translate({97: 1.5}), lambda: "abc".translate(5),
       lambda: "abc".translate(), lambda: "abc".translate({97: 2 ** 70})]
for f in bad:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
