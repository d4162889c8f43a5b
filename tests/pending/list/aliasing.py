# list: list-of-lists aliasing: [[0]*3]*3 shares rows, a comprehension does not; nested mutation through aliases.
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid, grid[0] is grid[1])
good = [[0] * 3 for _ in range(3)]
good[0][0] = 1
print(good, good[0] is good[1])
row = [1, 2]
table = [row, row]
row.append(3)
print(table)
table[0] = [9]
print(table, row)
a = [1, 2]
b = a
b.append(3)
print(a, a is b, a == b)
c = a[:]
c.append(4)
print(a, c)
nested = [[1, [2, 3]], [4]]
shallow = nested.copy()
shallow[0][1].append("x")
shallow[1] = "replaced"
print(nested, shallow)
self_ref = [1]
self_ref.append(self_ref)
print(self_ref, self_ref[1] is self_ref, [self_ref, self_ref])
