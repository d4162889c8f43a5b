# tuple: tuples as dict keys and set members, nested tuples, tuples in sort keys, zip/enumerate producing tuples.
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (1, 1) in grid, len(grid), list(grid)[:3])
seen = set()
for pair in [(1, 2), (2, 1), (1, 2), (0, 0)]:
    seen.add(pair)
print(sorted(seen), len(seen))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested[1][1], len(nested), nested == ((1, 2), (3, (4, 5))))
records = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(records, key=lambda rec: (rec[1], rec[0])), list(zip(*records)), dict(records))
print(list(enumerate(("x", "y"))), divmod(17, 5), tuple(reversed((1, 2, 3))))
d = {(1, "a"): "tuple key"}
print(d[(1, "a")], d.get((1, "b")), repr(((),)), str((1,)), repr((None, True)))
