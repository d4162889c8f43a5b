# modules: sys.exc_info() and sys.exception() inside and outside except blocks, nested handlers, from a called function; the encodings.
import sys
print(sys.exc_info(), sys.exception())
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__, sys.exception() is v)
    try:
        raise KeyError("inner")
    except KeyError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exc_info(), sys.getdefaultencoding(), sys.getfilesystemencoding())
def f():
    return sys.exception()
try:
    raise ValueError("v")
except ValueError:
    print(repr(f()))
