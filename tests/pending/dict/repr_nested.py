# dict: repr of nested and recursive dicts, str keys with quotes, bool/None/float values, empty dict, dict in list.
d = {"name": "O'Neil", "vals": [1, 2.5, None], "flags": {"on": True, "off": False}, 3: (4,), "empty": {}}
print(d)
print(str(d) == repr(d), repr({}), [{}], ({"a": 1},), {"q": '"'}, {"nl": "a\nb"})
r = {"self": None}
r["self"] = r
print(r, r["self"] is r)
a = {"b": None}
b = {"a": a}
a["b"] = b
print(a)
print(len(str({i: i for i in range(100)})), str({i: str(i) for i in range(3)}))
