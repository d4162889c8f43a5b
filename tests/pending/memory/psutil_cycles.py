# memory: cyclic garbage keeps RSS up until gc.collect() frees it; collect returns the number of objects. Expected output written by hand: psutil is not installed for python3 here.
import gc
import psutil
proc = psutil.Process()
def rss():
    return proc.memory_info().rss
gc.disable()
gc.collect()
base = rss()
for i in range(200000):
    node = [i, None]
    node[1] = node
del node
held = rss() - base
print("cycles still resident after the loop:", held > 10 * 2 ** 20)
collected = gc.collect()
freed = rss() - base
print("collect found every cycle:", collected == 200000)
print("collect returned most of the memory:", freed < held * 0.2)
gc.enable()
