# memory: gc.get_threshold/set_threshold (omitted values kept), isenabled/disable/enable, get_count shape after collect.
import gc
print(gc.get_threshold(), gc.isenabled())
gc.set_threshold(1000)
print(gc.get_threshold())
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.collect()
count = gc.get_count()
print(type(count).__name__, len(count), count[1:])
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(gc.garbage, gc.get_debug(), gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError:", e)
