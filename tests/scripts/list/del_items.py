# list: del of single items (positive/negative), of slices, of all items, and IndexError messages.
a = list("abcdefgh")
del a[0]
print(a)
del a[-1]
print(a)
del a[1:3]
print(a)
del a[-2:]
print(a)
del a[10:]
print(a)
del a[:]
print(a)
try:
    del a[0]
except IndexError as e:
    print("IndexError:", e)
b = [1, 2, 3]
try:
    b[3] = 4
except IndexError as e:
    print("IndexError:", e)
try:
    b[-4]
except IndexError as e:
    print("IndexError:", e)
try:
    b["0"]
except TypeError as e:
    print("TypeError:", e)
try:
    b[1.0] = 2
except TypeError as e:
    print("TypeError:", e)
m = [[1, 2], [3, 4]]
del m[0][1]
print(m)
