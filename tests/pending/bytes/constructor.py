# bytes: bytes() from int, iterable of ints, str with encoding, bytes; range errors; immutability; bytearray contrast.
print(bytes(), bytes(3), bytes([1, 2, 3]), bytes(range(65, 70)), bytes("é", "utf-8"), bytes(b"copy"), bytes((255,)))
for bad in ([256], [-1], ["a"]):
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    bytes("text")
except TypeError as e:
    print("TypeError:", e)
try:
    bytes(-1)
except ValueError as e:
    print("ValueError:", e)
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
ba += b"!"
print(ba, bytes(ba), len(ba), ba[1], ba[1:3])
b = b"abc"
c = b
b += b"d"
print(b, c, b is c)
print(list(bytes(5)), bytes([x * 2 for x in range(5)]), bytes(map(ord, "hey")))
