# files: open modes: append, exclusive create, read-write with '+', binary with seek/tell, the mode and type each reports.
import os
name = "modes.tmp"
with open(name, "x") as f:
    f.write("start\n")
with open(name, "a") as f:
    print(f.mode, f.write("appended\n"))
with open(name) as f:
    print(repr(f.read()))
with open(name, "r+") as f:
    print(repr(f.readline()))
    f.seek(0)
    f.write("START")
    f.seek(0)
    print(repr(f.read()))
with open(name, "w+") as f:
    f.write("fresh")
    f.seek(0)
    print(repr(f.read()), f.tell())
for mode in ["rb", "wb", "ab", "r+b", "w+b", "r", "w", "a+"]:
    with open(name, mode) as f:
        print(mode, type(f).__name__, f.mode)
with open(name, "wb") as f:
    print(f.write(b"0123456789"), f.tell())
with open(name, "rb") as f:
    print(f.read(2), f.tell(), f.seek(5), f.read(2), f.seek(-3, 2), f.read(), f.seek(-4, 1), f.read(1))
with open(name, "rb+") as f:
    f.seek(3)
    f.write(b"abc")
    f.seek(0)
    print(f.read())
print(repr(open(name, "rb")).startswith("<_io.BufferedReader name='modes.tmp'"))
os.remove(name)
