# dict: truthiness, len after operations, membership tests on keys only, iteration forms over keys/values/items.
d = {}
print(bool(d), len(d), not d)
d["a"] = None
print(bool(d), len(d), None in d, "a" in d, None in d.values())
for i in range(50):
    d[i] = i
for i in range(0, 50, 2):
    del d[i]
print(len(d), list(d)[:5], 49 in d, 48 in d)
for k, v in list(d.items())[:3]:
    print(k, v)
total = 0
for v in d.values():
    if v is not None:
        total += v
print(total)
print(list(map(str, d))[:4], any([k == "a" for k in d]), all([isinstance(k, int) for k in d]))
