# memory: gc.set_debug(gc.DEBUG_SAVEALL) keeps unreachable objects in gc.garbage instead of freeing them.
import gc
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
a = ["payload"]
a.append(a)
b = {"name": "d"}
b["me"] = b
del a, b
print(gc.collect())
print(len(gc.garbage), sorted([type(o).__name__ for o in gc.garbage]))
lst = [o for o in gc.garbage if type(o) is list][0]
print(lst[0], lst[1] is lst)
gc.set_debug(0)
gc.garbage.clear()
del lst
print(gc.collect(), gc.garbage)
