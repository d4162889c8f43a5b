# control: nested loops building tables, loop variables leaking, accumulating across levels, triangle patterns.
for i in range(1, 5):
    print(" ".join([str(i * j).rjust(2) for j in range(1, 5)]))
total = 0
for a in range(5):
    for b in range(a):
        for c in range(b):
            total += a * b * c
print(total)
print(a, b, c)
triangle = []
for r in range(5):
    row = [1]
    for k in range(1, r + 1):
        row.append(row[-1] * (r - k + 1) // k)
    triangle.append(row)
for row in triangle:
    print(" ".join(map(str, row)).center(20))
matrix = [[1, 2, 3], [4, 5, 6]]
transposed = []
for c in range(3):
    transposed.append([matrix[r][c] for r in range(2)])
print(transposed)
