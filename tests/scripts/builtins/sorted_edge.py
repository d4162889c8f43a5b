# builtins: sorted() keeps equal items in order (also with reverse=True), sorts any iterable, and reports key and comparison errors.
words = ["pear", "Fig", "apple", "fig", "Pear", "kiwi"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=str.lower, reverse=True))
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1]))
print(sorted(range(10), key=lambda n: (n % 3, -n)))
print(sorted([3.5, 1, True, -2, 0.0]), sorted([], reverse=True), sorted("") == [])
print(sorted([[2, 1], [1, 9], [1, 2]]), sorted([(1, "b"), (1, "a")]))
print(sorted(words, key=None), sorted(words, reverse=0) == sorted(words))
data = [5, 3, 1]
result = sorted(data)
print(data, result, result is data)
for call in [lambda: sorted([1, "a"]), lambda: sorted([1, 2], key=5), lambda: sorted(5),
             lambda: sorted([3, 1], key=lambda x: x / 0), lambda: sorted([], bogus=True),
             lambda: sorted(), lambda: sorted([], []), lambda: sorted(iterable=[1])]:
    try:
        print(call())
    except (TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
