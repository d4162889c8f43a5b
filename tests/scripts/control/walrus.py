# control: assignment expressions in if, while, comprehensions (binding the enclosing scope), and nested expressions.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
items = iter(data)
while (item := next(items, None)) is not None:
    print("item", item, end="; ")
print()
print([y for x in data if (y := x * 2) > 6], y)
total = 0
print([total := total + x for x in data], total)
print((a := 10), a + (b := 5), b)
def f(v):
    return (w := v * 3) + w
print(f(2))
if (hits := [x for x in data if x > 8]):
    print("first above 8:", hits[0])
chunks = "abcdefg"
pos = 0
while (chunk := chunks[pos:pos + 3]):
    print(chunk, end=" ")
    pos += 3
print()
print([(x, sq) for x in range(5) if (sq := x * x) % 2 == 0])
