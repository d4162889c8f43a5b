# slice: strings and tuples cannot be assigned through slices; slicing always copies; slices of slices.
s = "abcdef"
try:
    s[1:3] = "XY"
except TypeError as e:
    print("TypeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
t = (1, 2, 3)
try:
    t[0:1] = (9,)
except TypeError as e:
    print("TypeError:", e)
a = [1, [2], 3]
b = a[:]
print(b == a, b is a, b[1] is a[1])
print(s[1:5][1:3], s[::-1][::-1] == s, s[::2][::-1], list(range(20))[2:18][::4][1:])
n = len(s)
print([s[i:i + 2] for i in range(0, n, 2)], [s[:i] for i in range(n + 1)])
