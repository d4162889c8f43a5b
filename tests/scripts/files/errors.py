# files: errors from open() and file methods as CPython words them: missing file, directory, existing file, bad modes, closed file, wrong data types.
import os
try:
    open("no_such_file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e.args, isinstance(e, OSError))
    print(e)
for args in [(".",), ("errors.py", "x"), ("errors.py", "rr"), ("errors.py", "rw"), ("errors.py", ""), ("errors.py", "rbt"),
             ("errors.py", "q")]:
    try:
        open(*args)
    except (OSError, ValueError) as e:
        print(args[1:] or "dir", type(e).__name__ + ":", e)
for bad in [lambda: open("errors.py", "rb", encoding="utf-8"), lambda: open(3.5), lambda: open("errors.py", 5),
            lambda: open("errors.py", bogus=1), lambda: open()]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
name = "errors.tmp"
f = open(name, "w")
f.close()
f.close()
for op in [lambda: f.write("x"), lambda: f.read(), lambda: f.readline(), lambda: iter(f), lambda: f.tell()]:
    try:
        op()
    except ValueError as e:
        print("ValueError:", e)
try:
    with f:
        pass
except ValueError as e:
    print("with closed:", e)
with open(name, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print("TypeError:", e)
    try:
        f.write(5)
    except TypeError as e:
        print("TypeError:", e)
with open(name, "wb") as f:
    try:
        f.write("text")
    except TypeError as e:
        print("TypeError:", e)
with open(name, "rb") as f:
    f.close()
    try:
        f.read()
    except ValueError as e:
        print("ValueError:", e)
os.remove(name)
for call in [lambda: open("a\0b"), lambda: os.remove("a\0b"), lambda: os.path.exists("a\0b"), lambda: os.path.getsize("a\0b")]:
    try:
        print(call())
    except ValueError as e:
        print("ValueError:", e)
try:
    open(name, "w", 0)
except ValueError as e:
    print("ValueError:", e)
with open(name, "wb", 0) as f:
    print(f.write(b"unbuffered"), f.mode)
os.remove(name)
