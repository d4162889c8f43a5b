# modules: dir() of a module lists its namespace only, sorted; a module's own __dir__ wins.
import sys, os, builtins
print(dir(sys) == sorted(sys.__dict__), "__class__" in dir(sys), "argv" in dir(sys))
print([n for n in dir(os.path) if n in ("exists", "join", "basename")])
print(IOError is OSError, EnvironmentError is OSError, builtins.IOError.__name__)
for name in ("len", "sorted", "KeyError", "IOError", "print"):
    print(name, name in dir(builtins))
try:
    open("/nonexistent/file")
except IOError as e:
    print(type(e).__name__, e.errno)
