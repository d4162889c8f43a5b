# files: text files: write counts, read, read(n), readline, readlines, iteration, with closing the file, tell/seek, name/mode/closed.
import os
name = "read_write.tmp"
with open(name, "w") as f:
    print(f.write("alpha\n"), f.write("beta ünïcode\n"), f.write(""), f.write("gamma"))
    print(f.name, f.mode, f.closed, f.writable(), f.readable())
print(f.closed)
f = open(name)
print(repr(f.read(3)), repr(f.read(9)), repr(f.readline()), repr(f.readline()), repr(f.readline()))
f.close()
with open(name, "r") as f:
    print([line for line in f])
with open(name) as f:
    print(f.readlines())
with open(name) as f:
    first = f.readline()
    pos = f.tell()
    rest = f.read()
    f.seek(pos)
    print(repr(first), pos, f.read() == rest, f.seek(0), repr(f.read(5)))
with open(name) as f:
    for number, line in enumerate(f, 1):
        print(number, len(line), line.rstrip())
with open(name) as f:
    print(repr(f.readline(3)), repr(f.readline(100)), f.readlines(1))
with open(name, "w") as f:
    f.writelines(["one\n", "two\n", "three"])
with open(name) as f:
    text = f.read()
print(repr(text), text.splitlines(), os.path.getsize(name))
os.remove(name)
