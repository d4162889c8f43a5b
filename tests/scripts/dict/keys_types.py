# dict: keys of every hashable built-in type, equal keys across types (1/1.0/True) merge, -0.0 and 0, tuple keys.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
d[0.0] = "zero float"
d[-0.0] = "neg zero"
d[False] = "false"
d["1"] = "str"
d[b"1"] = "bytes"
d[(1, 2)] = "tuple"
d[None] = "none"
d[frozenset([1])] = "frozenset"
d[range(3)] = "range"
print(d)
print(d[1], d[0], d[(1, 2)], d[frozenset({1})], d[range(0, 3)], len(d))
print({2 ** 64: "big", 2.0 ** 64: "big float"}, {float("inf"): 1}[float("inf")])
try:
    d[{}] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    d[{1}] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    d[(1, [2])] = 1
except TypeError as e:
    print("TypeError:", e)
