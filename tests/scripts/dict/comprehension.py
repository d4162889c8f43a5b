# dict: dict comprehensions with conditions, nesting, inversion, later duplicates winning, and zip/enumerate sources.
squares = {n: n * n for n in range(6)}
print(squares)
print({n: n * n for n in range(10) if n % 3 == 0})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
print({w[0]: w for w in ["apple", "avocado", "banana", "blueberry", "cherry"]})
print({(i, j): i * j for i in range(3) for j in range(i)})
print({k: [x for x in range(k)] for k in range(4)})
print({name: len(name) for name in sorted(["bob", "alice", "eve"])}, {i: c for i, c in enumerate("hi")})
words = "the quick the lazy the end quick".split()
print({w: words.count(w) for w in words})
n = 100
print({n: n for n in range(2)}, n)
