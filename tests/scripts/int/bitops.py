# int: & | ^ ~ on small and big values, negative operands (two's complement semantics).
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(-12 & 10, -12 | 10, -12 ^ 10, -12 & -10, -12 | -10, -12 ^ -10)
big = (1 << 100) | 0xFF
print(big & 0xF0, big | 1, big ^ big, ~big)
print(hex((1 << 128) - 1 & 0xDEADBEEF << 64))
print(-(1 << 70) & ((1 << 72) - 1))
print(-(1 << 70) | 5)
print((1 << 90) ^ -(1 << 80))
print(True & False, True | False, True ^ True, ~True, ~False)
print(type(True & True).__name__, type(True & 3).__name__)
x = 0b1111
x &= 0b0101
print(x)
x |= 0b1000
print(x)
x ^= 0b0001
print(x)
