# set: typical uses: deduplicate preserving order via a seen-set, membership speed-ups, common elements of lists.
items = [3, 1, 3, 2, 1, 5, 2, 4]
seen = set()
unique = []
for x in items:
    if x not in seen:
        seen.add(x)
        unique.append(x)
print(unique, sorted(seen), len(set(items)) == len(unique))
a = [1, 2, 3, 4, 5]
b = [4, 5, 6, 7]
print(sorted(set(a) & set(b)), sorted(set(a) - set(b)), sorted(set(a) ^ set(b)))
words = "a rose is a rose is a rose".split()
print(sorted(set(words)), len(words), len(set(words)), list(dict.fromkeys(words)))
print(sorted(set(range(0, 30, 3)) & set(range(0, 30, 5))), {1, 2} <= set(a))
