# builtins: open() in text mode: write/read, readline, readlines, iteration, append, with-statement closing; file removed after.
import os
name = "open_text.tmp"
with open(name, "w") as f:
    print(f.write("first line\n"), f.write("second línea\n"), f.closed)
    f.write("third\nno newline at end")
print(f.closed)
with open(name) as f:
    print(repr(f.read()))
with open(name, "r", encoding="utf-8") as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.read(5)), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(name) as f:
    print(f.readlines())
with open(name) as f:
    for i, line in enumerate(f):
        print(i, repr(line.rstrip("\n")))
with open(name, "a") as f:
    f.write("\nappended")
f = open(name)
lines = f.read().splitlines()
f.close()
print(lines[-2:], len(lines), f.closed)
print(os.path.exists(name), os.path.getsize(name))
os.remove(name)
print(os.path.exists(name))
try:
    open("no_such_file.tmp")
except FileNotFoundError as e:
    print("FileNotFoundError:", e, e.errno)
