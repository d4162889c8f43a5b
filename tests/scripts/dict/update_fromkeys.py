# dict: update from dict, pairs and keywords; | and |= merge; dict.fromkeys (shared default value); dict() forms.
d = {"a": 1}
d.update({"b": 2})
d.update([("c", 3), ("a", 10)])
d.update(e=5, b=20)
d.update()
print(d)
print({"a": 1, "b": 2} | {"b": 3, "c": 4}, {"x": 1} | {})
m = {"k": 1}
m |= {"k": 2, "n": 3}
m |= [("p", 4)]
print(m)
try:
    {"a": 1} | [("b", 2)]
except TypeError as e:
    print("TypeError:", e)
f = dict.fromkeys(["a", "b", "c"])
g = dict.fromkeys("xy", [])
g["x"].append(1)
print(f, g, dict.fromkeys(range(3), 0))
print(dict(a=1, b=2), dict([("a", 1)], b=2), dict({"a": 1}, a=2), dict(zip("ab", [1, 2])), dict())
for bad in ([1, 2], [("a", 1, 2)], [("a",)]):
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    d.update(1)
except TypeError as e:
    print("TypeError:", e)
