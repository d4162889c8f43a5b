# files: text reads translate \r\n and \r to \n (universal newlines); binary reads keep the bytes; an exception inside with still closes the file.
import os
name = "newlines.tmp"
with open(name, "wb") as f:
    f.write(b"dos\r\nmac\runix\n\r\nend")
with open(name) as f:
    print(repr(f.read()))
with open(name) as f:
    print(f.readlines())
with open(name) as f:
    print([len(line) for line in f])
with open(name, "rb") as f:
    print(f.read())
try:
    with open(name) as f:
        print(repr(f.readline()))
        raise KeyError("inside with")
except KeyError as e:
    print("KeyError:", e, "closed:", f.closed)
os.remove(name)
