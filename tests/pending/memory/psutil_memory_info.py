# memory: psutil.Process().memory_info() fields and their relations on Linux. Expected output written by hand: psutil is not installed for python3 here.
import os
import psutil
p = psutil.Process()
print(p.pid == os.getpid(), psutil.Process(os.getpid()).pid == p.pid)
info = p.memory_info()
print(type(info).__name__, info._fields)
print(info[0] == info.rss, info[1] == info.vms, len(info))
print(info.rss > 0, info.vms >= info.rss, info.rss % os.sysconf("SC_PAGE_SIZE") == 0)
with open("/proc/self/statm") as f:
    pages = [int(v) for v in f.read().split()]
print(info.vms == pages[0] * os.sysconf("SC_PAGE_SIZE"))
pct = p.memory_percent()
print(0 < pct < 100, p.memory_percent(memtype="vms") >= pct)
try:
    p.memory_percent(memtype="nope")
except ValueError:
    print("ValueError for an unknown memtype")
