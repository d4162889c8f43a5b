# list: extended slice read, assignment (equal length required), deletion, and the exact error messages.
a = list(range(10))
print(a[::2], a[1::2], a[::-1], a[::-3], a[8:2:-2], a[-1:-5:-1], a[2:8:3], a[::100])
a[::2] = ["e"] * 5
print(a)
a[1::2] = "ABCDE"
print(a)
a[::-1] = range(10)
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a[::-1] = []
except ValueError as e:
    print("ValueError:", e)
try:
    a[::0]
except ValueError as e:
    print("ValueError:", e)
a[2:2:2] = []
print(a)
b = list(range(10))
del b[::3]
print(b)
del b[::-2]
print(b)
del b[10:20:2]
print(b)
a[0:3:1] = []
print(a)
