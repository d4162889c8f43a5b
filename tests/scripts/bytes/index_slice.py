# bytes: indexing gives ints, slicing gives bytes, negative and extended slices, iteration, in, errors.
b = b"Hello, bytes!"
print(b[0], b[-1], type(b[0]).__name__, b[0:5], b[-6:], b[::2], b[::-1], b[3:3], b[100:], b[5:1:-1])
print(list(b[:5]), [x for x in b"AZ"], tuple(b"\x00\xff"), sum(b"\x01\x02\x03"))
print(72 in b, b"ell" in b, b"xyz" in b, 0 in b, b"" in b)
try:
    b[20]
except IndexError as e:
    print("IndexError:", e)
try:
    b[0] = 74
except TypeError as e:
    print("TypeError:", e)
try:
    "a" in b
except TypeError as e:
    print("TypeError:", e)
try:
    300 in b
except ValueError as e:
    print("ValueError:", e)
for i, x in enumerate(b"ab"):
    print(i, x, chr(x))
