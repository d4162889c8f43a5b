# modules: importing built-in modules: import, import as, from-import, dotted os.path, the module cache and module objects' repr and attributes.
import sys
import sys as system
import os.path
from os import path as p, getpid
from sys import maxsize, getrecursionlimit as limit
print(sys)
print(system is sys, sys.modules["sys"] is sys, p is os.path, os.path is sys.modules["os.path"])
print(type(sys).__name__, sys.__name__, os.__name__, os.path.__name__)
print(maxsize == 2 ** 63 - 1, limit() == sys.getrecursionlimit(), callable(getpid))
import sys
print(sys is system)
def inner():
    import os
    return os.getpid() == getpid()
print(inner(), "os" in globals(), "inner" in globals())
sys.custom = [1, 2]
print(sys.custom, "custom" in sys.__dict__, sys.__dict__["custom"] is sys.custom)
del sys.custom
print(hasattr(sys, "custom"), hasattr(sys, "argv"), getattr(sys, "nope", "default"))
print(isinstance(sys.__dict__, dict), sys.__doc__ is None or isinstance(sys.__doc__, str))
