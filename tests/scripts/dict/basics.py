# dict: literals, item get/set/delete, len, in, insertion order kept (and after update/delete/re-insert), KeyError messages.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), "a" in d, 2 in d, "z" not in d)
del d["b"]
d["b"] = 20
print(d, list(d))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e), e.args)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError:", e)
for key in [0, (1, 2), None, 1.5, ""]:
    try:
        {}[key]
    except KeyError as e:
        print("KeyError:", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    {[]: 1}
except TypeError as e:
    print("TypeError:", e)
e = {1: "a", 1.0: "b", True: "c"}
print(e, {1: 1, 2: 2} == {2: 2, 1: 1}, {} == dict(), {"a": 1} != {"a": 1.0})
