# dict: equality ignores order, but iteration, repr, list(), popitem and reversed() follow insertion order.
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, list(a) == list(b), list(a), list(b), a, b)
c = dict(a)
c.pop("x")
c["x"] = 1
print(c, c == a, list(c))
d = {}
for k in ["delta", "alpha", "charlie", "bravo"]:
    d[k] = len(k)
print(list(d), list(reversed(d)), d.popitem(), list(d))
d["alpha"] = 0
print(list(d))
print({1: 1} == {1: 1.0}, {1: [1]} == {1: [1]}, {"a": 1} == {"a": 1, "b": 2}, {} != {0: 0})
try:
    {1: 1} < {2: 2}
except TypeError as e:
    print("TypeError:", e)
