# builtins: object() instances: unique, comparable only by identity, not hashable by value, no attributes can be set.
a = object()
b = object()
print(a == b, a == a, a != b, a is not b, type(a).__name__, type(a) is object, isinstance(a, object), isinstance(1, object))
print(hash(a) == hash(a), bool(a), len({a: 1, b: 2}), a in [b], a in [a])
try:
    a.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
print(str(a) == repr(a), repr(a).startswith("<object object at "), object.__name__, len(dir(a)) > 10)
