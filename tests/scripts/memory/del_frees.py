# memory: deleting the last reference frees a container at once, visible as its items' refcounts dropping; del of an alias does not.
import sys
item = object()
base = sys.getrefcount(item)
box = [item, item, item]
print(sys.getrefcount(item) - base)
other = box
del box
print(sys.getrefcount(item) - base)
del other
print(sys.getrefcount(item) - base)
def make():
    local = {"a": item, "b": (item, item)}
    return sys.getrefcount(item) - base
print(make(), sys.getrefcount(item) - base)
outer = [[item] for _ in range(10)]
print(sys.getrefcount(item) - base)
outer = outer[:3]
print(sys.getrefcount(item) - base)
outer.clear()
print(sys.getrefcount(item) - base)
keep = [item]
t = (keep,)
del keep
print(sys.getrefcount(item) - base)
del t
print(sys.getrefcount(item) - base)
