# builtins: object() instances have no __dict__, so setting and deleting attributes fails; getattr/setattr/delattr/hasattr errors.
o = object()
for call in [lambda: setattr(o, "x", 1), lambda: delattr(o, "x"), lambda: getattr(o, "x"), lambda: o.__dict__,
             lambda: vars(o), lambda: setattr(o, 5, 1), lambda: delattr(o, 5),
             lambda: getattr(o, None), lambda: hasattr(o, 1.5), lambda: delattr(o), lambda: setattr(o, "x"),
             lambda: getattr(o), lambda: delattr(1, "real"), lambda: setattr(1, "real", 2)]:
    try:
        print(call())
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(getattr(o, "x", "default"), hasattr(o, "x"), hasattr(o, "__class__"), getattr(o, "__class__") is object)
print(type(object()) is object, object() != object(), object().__class__.__name__, hash(o) == hash(o))
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
try:
    object(x=1)
except TypeError as e:
    print("TypeError:", e)
