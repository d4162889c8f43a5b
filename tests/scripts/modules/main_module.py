# modules: the program runs as module __main__: __name__, sys.modules['__main__'] shares the globals, a script guard.
import sys
main = sys.modules["__main__"]
print(__name__, main.__name__, type(main).__name__)
value = 41
print(main.value)
main.value += 1
print(value)
main.added = "set through the module"
print(added)
def helper():
    return "helper"
print(main.helper() , "__builtins__" in dir() or True)
if __name__ == "__main__":
    print("running as a script")
print(repr(main).startswith("<module '__main__' from '"), repr(main).endswith("main_module.py'>"))
print(sorted([k for k in ["sys", "__main__", "not_loaded"] if k in sys.modules]))
import builtins
print(__builtins__ is builtins, builtins.len("abc"), builtins.__name__, sys.modules["builtins"] is builtins)
