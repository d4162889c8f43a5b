# int: << and >> on small, big and negative values; negative shift counts raise ValueError.
print(1 << 0, 1 << 1, 1 << 62, 1 << 63, 1 << 64, 1 << 200)
print(5 << 100 >> 100, (1 << 1000) >> 999)
print(-1 << 10, -1 >> 10, -1 >> 1000, -7 >> 1, -8 >> 2, 7 >> 1)
print((3 ** 50) >> 20, -(3 ** 50) >> 20)
print(0 << 100, 0 >> 5, 12345 >> 64)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    1 >> -3
except ValueError as e:
    print("ValueError:", e)
x = 3
x <<= 70
print(x)
x >>= 68
print(x)
print((1 << 64).bit_length(), (-(1 << 64)).bit_length(), (0).bit_length(), (255).bit_length())
