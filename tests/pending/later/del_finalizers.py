# later (classes + gc): __del__ runs as the last reference goes; cycles with __del__ are collected (PEP 442), each finalizer once.
import gc
gc.disable()
gc.collect()
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
a = Noisy("a")
b = a
del a
print("after del a")
del b
print("after del b")
x, y = Noisy("x"), Noisy("y")
x.other, y.other = y, x
del x, y
print("cycle unreachable, not yet freed")
print("collect ->", gc.collect(), "garbage", gc.garbage)
saved = []
class Phoenix:
    def __del__(self):
        print("Phoenix.__del__ called")
        saved.append(self)
p = Phoenix()
p.me = p
del p
print("collect ->", gc.collect(), "saved", len(saved))
saved.clear()
print("dropped the resurrected object (no second __del__)")
print("collect ->", gc.collect())
def scope():
    local = Noisy("local")
    print("leaving scope")
scope()
print("end")
