# exceptions: bare raise re-raises the current exception, raise e keeps the object; RuntimeError when nothing is active.
def inner():
    raise ValueError("from inner")
def middle():
    try:
        inner()
    except ValueError:
        print("middle saw it, re-raising")
        raise
try:
    middle()
except ValueError as e:
    print("top caught:", e)
saved = None
try:
    raise KeyError("kept")
except KeyError as e:
    saved = e
try:
    raise saved
except KeyError as e:
    print(e is saved, repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise int
except TypeError as e:
    print("TypeError:", e)
