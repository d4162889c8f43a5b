# dict: RuntimeError when the size changes during iteration; changing values is allowed; iterate over a copy instead.
d = {"a": 1, "b": 2, "c": 3}
for key in d:
    d[key] *= 10
print(d)
try:
    for key in d:
        d[key + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(d))
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
try:
    for key, val in d.items():
        d.pop("b", None)
        d["z"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
for key in list(d):
    if d[key] == 0:
        del d[key]
print(d)
it = iter({"x": 1})
print(next(it))
try:
    next(it)
except StopIteration:
    print("StopIteration")
