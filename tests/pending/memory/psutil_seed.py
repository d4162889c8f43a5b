# memory: the seed psutil experiment (10**7 refs to one str) as booleans. Expected output written by hand: psutil is not installed for python3 here.
import gc
import os
import psutil
proc = psutil.Process(os.getpid())
gc.collect()
mem0 = proc.memory_info().rss
foo = ["abc" for x in range(10 ** 7)]
mem1 = proc.memory_info().rss
del foo
mem2 = proc.memory_info().rss
collected = gc.collect()
mem3 = proc.memory_info().rss
pd = lambda x2, x1: 100.0 * (x2 - x1) / mem0
print("allocation raised RSS:", pd(mem1, mem0) > 100)
print("del gave it back:", pd(mem2, mem1) < -100, mem2 < mem1)
print("nothing left for the collector:", collected == 0, abs(pd(mem3, mem2)) < 5)
print("overall close to the start:", abs(pd(mem3, mem0)) < 10)
