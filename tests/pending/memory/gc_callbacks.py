# memory: gc.callbacks receive ("start", info) and ("stop", info) around every explicit collection, with counts at stop.
import gc
gc.disable()
gc.collect()
events = []
def cb(phase, info):
    events.append((phase, dict(info)))
gc.callbacks.append(cb)
cycle = []
cycle.append(cycle)
del cycle
print(gc.collect())
gc.collect(0)
gc.callbacks.remove(cb)
gc.collect()
for phase, info in events:
    print(phase, info)
print(len(events), gc.callbacks)
