# builtins: chr/ord round trips, hex/oct/bin of positive, negative and big ints, int() parsing back.
print([chr(c) for c in (65, 97, 48, 32, 233, 8364, 128512)], [ord(c) for c in "Aa0 é€😀"])
print(all([ord(chr(i)) == i for i in range(0, 0x110000, 997)]))
for n in (0, 1, 7, 255, -255, 2 ** 64, -(2 ** 70) + 1):
    print(n, hex(n), oct(n), bin(n), int(hex(n), 16) == n, int(oct(n), 0) == n, int(bin(n), 0) == n)
for bad in (1.5, "10"):
    try:
        hex(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    ord("")
except TypeError as e:
    print("TypeError:", e)
try:
    chr("a")
except TypeError as e:
    print("TypeError:", e)
