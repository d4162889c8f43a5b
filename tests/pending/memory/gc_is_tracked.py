# memory: gc.is_tracked per type: atomic objects never, containers always, tuples and dicts untracked lazily (memory-apis.md 1.2).
import gc
gc.disable()
def f():
    pass
for label, value in [("int", 42), ("big int", 10 ** 30), ("float", 1.5), ("str", "text"), ("bytes", b"b"),
                     ("None", None), ("bool", True), ("range", range(5)), ("object()", object()),
                     ("list", []), ("set", set()), ("frozenset", frozenset()), ("function", f), ("iterator", iter([])),
                     ("empty tuple", ())]:
    print(label, gc.is_tracked(value))
t = (1, 2) + (3,)
holder = (1, [])
print("tuple of ints before gc", gc.is_tracked(t))
gc.collect()
print("tuple of ints after gc", gc.is_tracked(t), "tuple holding a list", gc.is_tracked(holder))
print("{}", gc.is_tracked({}), "{'a': 1}", gc.is_tracked({"a": 1}), "{1: 2}", gc.is_tracked({1: 2}), "{'a': []}", gc.is_tracked({"a": []}))
d = {"a": 1}
d["b"] = []
print("dict after storing a list", gc.is_tracked(d))
del d["b"]
print("dict after removing it", gc.is_tracked(d))
gc.collect()
print("dict after gc", gc.is_tracked(d))
nested = ((1, 2), ("a", None))
gc.collect()
print("nested atomic tuples after gc", gc.is_tracked(nested), gc.is_tracked(nested[0]))
