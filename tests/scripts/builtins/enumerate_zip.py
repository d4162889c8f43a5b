# builtins: enumerate with start; zip of 0..3 iterables, uneven lengths, strict=True errors, and unzip with zip(*...).
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate([], 5)), list(enumerate(["x"], start=-1)))
e = enumerate(["a", "b"])
print(next(e), next(e), next(e, None))
print(list(zip()), list(zip([1, 2])), list(zip([1, 2], "ab")), list(zip([1, 2, 3], "ab", (True, False, None))))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters, dict(zip(letters, nums)))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2, 3], [4], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [4, 5], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    zip(1)
except TypeError as e:
    print("TypeError:", e)
for i, (a, b) in enumerate(zip("xy", "pq")):
    print(i, a, b)
