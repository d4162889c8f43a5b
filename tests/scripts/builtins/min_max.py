# builtins: min/max with several args, one iterable, key=, default=, ties (first wins), and error messages.
print(max(3, 1, 2), min(3, 1, 2), max([4, 9, 2]), min("hello"), max("a", "B"), max((1, 2), (1, 3)))
print(max([], default=None), min((), default="empty"), max([5], default=0))
words = ["pear", "fig", "apple", "kiwi", "banana"]
print(max(words, key=len), min(words, key=len), max(words), min(words, key=lambda w: w[-1]))
print(max([(1, "b"), (1, "a")], key=lambda p: p[0]), min([-3, 3, 2], key=abs), max(-3, 3, key=abs))
print(max(1, 2.5, True), min([1.0, 1, True]), max({3: "x", 7: "y"}), max({"b": 1, "a": 2}.values()))
for call in [lambda: max([]), lambda: min(()), lambda: max(1), lambda: max(1, "a"), lambda: max(1, 2, default=0)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
