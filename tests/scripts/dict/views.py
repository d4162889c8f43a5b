# dict: keys/values/items views are live, support len/in/iteration/reversed, set operations on keys and items.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["d"] = 4
del d["a"]
print(list(k), list(v), list(it), len(k), len(v), len(it))
print("b" in k, 2 in v, ("b", 2) in it, ("b", 3) in it, "b" in v)
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(sorted(k & {"b", "z"}), sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}), k == {"b", "c", "d"})
print(sorted(it & {("b", 2), ("c", 0)}), k.isdisjoint({"x"}), k <= {"b", "c", "d", "e"})
print(list(d.items())[0], [key for key in d], [val * 2 for val in d.values()], dict(d.items()) == d)
print(v == v, list(v) == [2, 3, 4], type(k).__name__, type(v).__name__, type(it).__name__)
print(sorted(d, key=d.get, reverse=True), max(d, key=lambda key: d[key]), sum(d.values()))
