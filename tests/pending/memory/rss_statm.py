# memory: the seed experiment measured through /proc/self/statm (no psutil): RSS grows on allocation, falls on del; booleans only.
import gc
import os
PAGE = os.sysconf("SC_PAGE_SIZE")
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE
gc.collect()
mem0 = rss()
foo = ["abc" for x in range(10 ** 7)]
mem1 = rss()
try:
    del foo, x
except NameError as e:
    print("NameError:", e)
mem2 = rss()
collected = gc.collect()
mem3 = rss()
print("allocation grew RSS by more than 60 MiB:", mem1 - mem0 > 60 * 2 ** 20)
print("del returned most of it:", mem2 - mem0 < (mem1 - mem0) * 0.1)
print("collect found nothing to collect:", collected == 0)
print("collect changed RSS by less than 1 MiB:", abs(mem3 - mem2) < 2 ** 20)
print("overall within 5 MiB of the start:", mem3 - mem0 < 5 * 2 ** 20)
