# memory: sys.getrefcount of fresh objects (argument adds one), deltas from names, containers and del.
import sys
print(sys.getrefcount(object()))
o = object()
print(sys.getrefcount(o))
alias = o
print(sys.getrefcount(o))
l = [o, o]
print(sys.getrefcount(o))
t = (o,)
d = {"key": o}
print(sys.getrefcount(o))
del alias
print(sys.getrefcount(o))
del l
print(sys.getrefcount(o))
d["key"] = None
print(sys.getrefcount(o))
del t
print(sys.getrefcount(o))
s = [1, 2, 3]
before = sys.getrefcount(s)
nested = [s, [s]]
print(sys.getrefcount(s) - before)
nested.pop()
print(sys.getrefcount(s) - before)
nested.clear()
print(sys.getrefcount(s) - before)
