# builtins: open() in binary mode: write bytes, read back as bytes and as text, read(n), tell/seek, errors mixing str/bytes.
import os
name = "open_binary.tmp"
data = "héllo\nwörld\n".encode("utf-8") + bytes([0, 255])
with open(name, "wb") as f:
    print(f.write(data), f.tell())
with open(name, "rb") as f:
    whole = f.read()
    print(type(whole).__name__, whole, len(whole), whole == data)
with open(name, "rb") as f:
    print(f.read(3), f.tell(), f.readline(), f.seek(0), f.read(1), f.seek(-2, 2), f.read())
with open(name, "rb") as f:
    print(f.readlines())
with open(name, "w") as f:
    f.write("text only\n")
with open(name, "rb") as f:
    print(f.read())
try:
    with open(name, "wb") as f:
        f.write("not bytes")
except TypeError as e:
    print("TypeError:", e)
try:
    with open(name, "w") as f:
        f.write(b"bytes")
except TypeError as e:
    print("TypeError:", e)
os.remove(name)
print(os.path.exists(name))
