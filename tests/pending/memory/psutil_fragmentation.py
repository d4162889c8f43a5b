# memory: keeping every 100th object alive pins almost every arena; dropping the survivors frees them. Expected output written by hand: psutil is not installed for python3 here.
import gc
import psutil
proc = psutil.Process()
def rss():
    return proc.memory_info().rss
gc.collect()
base = rss()
foo = [str(i) for i in range(10 ** 6)]
grown = rss() - base
keep = foo[::100]
del foo
gc.collect()
pinned = rss() - base
print("survivors:", len(keep))
print("over half of the growth stays resident:", pinned > grown * 0.5)
print("but the pointer array went back:", pinned < grown)
del keep
gc.collect()
released = rss() - base
print("after dropping survivors under 10% stays:", released < grown * 0.1)
