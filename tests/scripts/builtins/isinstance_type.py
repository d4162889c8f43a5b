# builtins: type(), isinstance (with tuples), issubclass, type names of every built-in value, bool/int relationship.
values = [1, 1.5, True, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), None, range(1), slice(1), len, print, abs, Ellipsis]
print([type(v).__name__ for v in values])
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1, (str, float)), isinstance(1.0, (int, float)))
print(isinstance("s", str), isinstance([], (list, tuple)), isinstance(None, type(None)), isinstance(int, type), isinstance(type, type))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(int, (str, int)), issubclass(KeyError, LookupError))
print(type(1) is int, type(True) is bool, type(type(1)) is type, type(None).__name__, type(1) == type(2))
print(type(1)("42"), type("")(5), type([])("ab"), type(int), int.__name__, str.__name__)
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
print(isinstance(1, ()), isinstance(1, (int, (str, float))))
