# builtins: getattr/setattr/hasattr/delattr on function objects and modules; getattr default; AttributeError messages.
import sys
def target():
    return "called"
setattr(target, "color", "red")
print(getattr(target, "color"), hasattr(target, "color"), hasattr(target, "size"), getattr(target, "size", "default"))
print(getattr(target, "__name__"), getattr("abc", "upper")(), getattr([3, 1], "index")(1), getattr(5, "real"))
delattr(target, "color")
print(hasattr(target, "color"))
try:
    getattr(target, "color")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(target, "color")
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(target, 5)
except TypeError as e:
    print("TypeError:", e)
print(hasattr(sys, "getsizeof"), getattr(sys, "no_such_thing", None), hasattr(None, "__class__"))
this = sys.modules[__name__]
setattr(this, "dynamic_global", 42)
print(dynamic_global, getattr(this, "target")())
