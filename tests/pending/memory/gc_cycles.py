# memory: gc.collect() returns the number of unreachable objects: self-referencing list/dict -> 1, two-list cycle -> 2, no cycle -> 0.
import gc
import sys
gc.disable()
gc.collect()
print(gc.collect())
l = []
l.append(l)
del l
print(gc.collect())
d = {}
d["self"] = d
del d
print(gc.collect())
a = []
b = [a]
a.append(b)
del a, b
print(gc.collect())
x = [1, 2, 3]
y = [x]
del x, y
print(gc.collect())
ring = [[] for _ in range(5)]
for i in range(5):
    ring[i].append(ring[(i + 1) % 5])
del ring
print(gc.collect())
item = object()
c = [item]
c.append(c)
base = sys.getrefcount(item)
del c
print(sys.getrefcount(item) - base, gc.collect(), sys.getrefcount(item) - base)
print(gc.collect(0), gc.collect(1))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
