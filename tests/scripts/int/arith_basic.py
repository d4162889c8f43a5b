# int: + - * on small, negative and mixed-sign operands, unary minus/plus, augmented assignment.
a, b = 17, 5
print(a + b, a - b, a * b)
print(-a + b, -a - b, -a * b)
print(a + -b, a - -b, -a * -b)
print(+a, -a, -(-a), +(-a))
x = 10
x += 3
print(x)
x -= 20
print(x)
x *= -4
print(x)
print(0 - 0, 0 * -1, -0)
print(2147483647 + 1, -2147483648 - 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(4294967296 * 4294967296)
print(1 + 2 * 3 - 4, (1 + 2) * (3 - 4))
print(1_000_000 + 0x10 + 0o17 + 0b101)
print(type(a + b).__name__, type(a * b).__name__)
