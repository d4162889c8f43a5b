# operators: the comparison slots as methods (__eq__, __lt__, ...) of built-in types, NotImplemented for foreign operands.
print('A'.__eq__('A'), 'A'.__lt__(1), (1).__eq__(1.0), [1].__eq__([1]), object().__eq__(1), (1, 2).__lt__((1, 3)))
print({1: 2}.__eq__({1: 2}), {1}.__le__({1, 2}), (2.5).__gt__(1), True.__eq__(1), b"a".__ne__(b"b"), None.__eq__(None))
o = object()
print(o.__eq__(o), o.__ne__(o), o.__ne__(1), o.__lt__(o), "b".__ge__("a"), [1, 2].__gt__([1]))
