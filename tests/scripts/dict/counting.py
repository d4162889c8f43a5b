# dict: word counting with get, setdefault grouping, nested dicts, sorting items by value then key.
text = "it was the best of times it was the worst of times it was the age of wisdom"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print({k: groups[k] for k in sorted(groups)})
nested = {}
for w in ["apple", "avocado", "banana"]:
    nested.setdefault(w[0], {})[w] = len(w)
print(nested, nested["a"]["avocado"])
inverse = {}
for w, c in counts.items():
    inverse.setdefault(c, []).append(w)
print(inverse)
