# memory: refcount changes from list/dict/set operations on an element (append, insert, pop, remove, replace, copy, clear).
import sys
x = object()
base = sys.getrefcount(x)
def delta():
    return sys.getrefcount(x) - base
lst = []
lst.append(x)
lst.insert(0, x)
lst.extend([x, x])
print("after 4 list adds", delta())
lst.pop()
lst.remove(x)
print("after pop+remove", delta())
copy = lst[:]
print("after slice copy", delta())
lst[0] = None
print("after item replaced", delta())
del copy
lst.clear()
print("after del copy + clear", delta())
d = {}
d["a"] = x
d["b"] = x
d.setdefault("c", x)
print("after 3 dict values", delta())
d.pop("a")
del d["b"]
print("after pop/del", delta())
d.clear()
s = {x}
f = frozenset([x])
print("after set + frozenset", delta())
s.discard(x)
del f
print("after discard + del", delta())
m = [x] * 5
print("after [x] * 5", delta())
m = None
print("after rebinding", delta())
