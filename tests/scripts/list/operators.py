# list: + and * (incl. 0, negative, bool), += and *= in place (identity kept), in, == and ordering comparisons.
a, b = [1, 2], [3]
print(a + b, a * 3, 3 * b, a * 0, a * -1, b * True, [] * 5, [[0]] * 2)
x = [1]
y = x
x += [2]
print(x, y, x is y)
x *= 2
print(x, y, x is y)
x = x + [9]
print(x, y, x is y)
print(2 in a, 5 not in a, [1] in [[1], 2], "a" in ["ab"])
print([1, 2] == [1, 2], [1, 2] == [2, 1], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99], [1, 2] <= [1, 2])
print([1, "a"] == [1, "a"], [[1, 2]] < [[1, 3]], [1.0] == [1], [0] == [False])
try:
    [1] < ["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError:", e)
try:
    [1] * 1.5
except TypeError as e:
    print("TypeError:", e)
print([1, "b"] == [1, "b"], [1, 2] != [1, 2], [float("nan")] == [float("nan")])
