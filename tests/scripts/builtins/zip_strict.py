# builtins: zip() stops at the shortest input; zip(strict=True) names which argument is shorter or longer.
print(list(zip("abc", range(10))), list(zip()), list(zip([])), list(zip((1, 2), [3, 4], "56")))
print(list(zip([1, 2], [3, 4], strict=True)), list(zip(strict=True)), list(zip([], [], strict=True)))
z = zip("ab", [1, 2])
print(type(z).__name__, iter(z) is z, next(z), list(z), next(z, None))
cases = [([1, 2, 3], [1]), ([1], [1, 2]), ([1, 2], [1, 2], [1]), ([1, 2], [1, 2], [1, 2, 3]), ([1], [1], [1], []), ([], [1])]
for args in cases:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
print(list(zip([1, 2], [1, 2, 3], strict=False)))
z = zip([1, 2], [1], strict=True)
print(next(z))
try:
    next(z)
except ValueError as e:
    print("ValueError:", e)
for call in [lambda: zip(1), lambda: zip([], None), lambda: zip(strict=True, bogus=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
