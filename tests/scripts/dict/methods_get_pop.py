# dict: get, setdefault, pop (with/without default), popitem (LIFO), clear, copy (shallow), and their errors.
d = {"x": 1, "y": 2, "z": 3}
print(d.get("x"), d.get("w"), d.get("w", 0), d.setdefault("x", 99), d.setdefault("w", []), d)
d.setdefault("w", []).append(5)
d.setdefault("v")
print(d)
print(d.pop("x"), d.pop("nope", "dflt"), d)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["y"] = -1
print(d, c)
inner = {"list": [1]}
cp = inner.copy()
cp["list"].append(2)
print(inner, cp["list"] is inner["list"])
d.clear()
print(d, len(d))
try:
    d.popitem()
except KeyError as e:
    print("KeyError:", e)
print({}.get(1, "none"), {"k": None}.get("k", "set"))
