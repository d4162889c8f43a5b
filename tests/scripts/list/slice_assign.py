# list: slice assignment that grows, shrinks, inserts, replaces from any iterable, and assigns to itself.
a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[1:1] = [100, 200, 300]
print(a)
a[-2:] = "xyz"
print(a)
a[:3] = ()
print(a)
a[len(a):] = [7, 8]
print(a)
a[100:200] = [9]
print(a)
a[5:2] = ["rev"]
print(a)
a[:] = range(4)
print(a)
a[1:3] = a
print(a)
b = [1, 2, 3]
b[0:1] = map(lambda x: x * 10, range(3))
print(b)
c = [1, 2, 3]
try:
    c[0:2] = 5
except TypeError as e:
    print("TypeError:", e)
c[-100:1] = [0]
print(c)
