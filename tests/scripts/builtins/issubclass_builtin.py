# builtins: issubclass() with classes, nested tuples of classes, the exception hierarchy, and its argument errors.
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, int), issubclass(bool, object), issubclass(type, object))
print(issubclass(int, (str, float)), issubclass(int, (str, (float, int))), issubclass(int, ()), issubclass(object, type))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, (IndexError, LookupError)), issubclass(StopIteration, Exception))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException), issubclass(type(None), object))
print(issubclass(int, (int, 5)), issubclass(type(len), type(print)), issubclass(type(iter([])), type(iter(()))))
print(issubclass(type(enumerate([])), enumerate), issubclass(zip, object), issubclass(reversed, zip))
for call in [lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: issubclass(int, (str, 1)), lambda: issubclass("int", int),
             lambda: issubclass(int), lambda: issubclass(int, int, int), lambda: issubclass(int, [int]), lambda: isinstance(1, [int])]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
