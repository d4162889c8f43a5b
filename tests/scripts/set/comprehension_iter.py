# set: set comprehensions, iteration over small ints (ordered by hash = value), size change during iteration error.
s = {x * x % 10 for x in range(20)}
print(sorted(s), len(s))
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
small = {5, 3, 1, 4, 2, 0}
print(list(small), [x for x in small if x % 2])
try:
    for x in small:
        small.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
t = {1, 2, 3}
try:
    for x in t:
        t.discard(x)
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(t))
print(sum({1, 2, 3}), max({4, 9, 2}), min(frozenset({7, 3})), sorted({3, 1, 2}, reverse=True), len(set(range(100))))
