# memory: gc.get_referents traversal order: list items last to first, tuple items, str-keyed dict yields values only.
import gc
print(gc.get_referents([1, "two", (3,)]))
print(gc.get_referents((1, "two", [3])))
print(gc.get_referents({"k": "v", "n": 5}))
print(sorted(gc.get_referents({1: "a", 2: "b"}), key=repr))
print(gc.get_referents(42), gc.get_referents("text"), gc.get_referents(None))
inner = [0]
outer = [inner, inner]
print(len(gc.get_referents(outer)), all([r is inner for r in gc.get_referents(outer)]))
print(sorted(gc.get_referents({5, 3})), gc.get_referents([], ()))
