# str: equality is by content; hash equal for equal strings (value not printed: randomized); str in dict keys and sets.
a = "hello"
b = "".join(["hel", "lo"])
print(a == b, hash(a) == hash(b), a is not None, len({a: 1, b: 2}), {a: 1, b: 2})
print("é" == "\u00e9", "é" == "e\u0301", hash("") == hash(""), "abc" == "ABC".lower())
keys = ["b", "a", "c", "a"]
print(sorted(set(keys)), len(set(keys)), "a" in set(keys), "z" in frozenset(keys))
d = {}
for w in "to be or not to be".split():
    d[w] = d.get(w, 0) + 1
print(d, sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
print("a" < "b" < "c", ["a", "b"] < ["a", "c"], ("x", 1) < ("x", 2), "A".__eq__("A"), "A".__lt__(1))
