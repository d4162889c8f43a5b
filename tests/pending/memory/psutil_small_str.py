# memory: 10**6 distinct small strs come back to the OS after del (empty arenas are unmapped). Expected output written by hand: psutil is not installed for python3 here.
import gc
import psutil
MiB = 2 ** 20
proc = psutil.Process()
def rss():
    return proc.memory_info().rss
gc.collect()
base = rss()
data = [str(i) for i in range(10 ** 6)]
grown = rss() - base
print("built", len(data), type(data[-1]).__name__)
del data
after_del = rss() - base
collected = gc.collect()
after_collect = rss() - base
print("grew more than 30 MiB:", grown > 30 * MiB)
print("del returned over 90% of it:", after_del < grown * 0.1)
print("nothing cyclic to collect:", collected == 0)
print("still returned after collect:", after_collect <= after_del + MiB)
