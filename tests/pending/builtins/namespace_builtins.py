# builtins: dir(), globals(), locals() and vars() of the module and of a function, shown as filtered sorted names.
import sys
alpha = 1
beta = "two"
def probe(x, y=2):
    z = x + y
    print(sorted(locals()), locals()["z"], sorted(dir()))
    print(vars() == locals())
probe(1)
user = sorted([n for n in dir() if not n.startswith("_")])
print(user)
print(sorted([n for n in globals() if not n.startswith("_")]))
print(globals()["alpha"], globals() is vars(), vars()["beta"], locals() is globals())
print(__name__, "__builtins__" in globals(), "__name__" in dir(), "__doc__" in globals(), __doc__)
globals()["gamma"] = 3
print(gamma)
print("alpha" in vars(sys.modules["__main__"]), "append" in dir([]), "upper" in dir(""), len(dir(1)) > 50)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
