# list: append, extend (from list, tuple, str, range, map iterator, itself), insert at every kind of index.
a = []
a.append(1)
a.append([2, 3])
a.append(None)
print(a, len(a))
b = [1, 2]
b.extend([3, 4])
b.extend((5,))
b.extend("ab")
b.extend(range(2))
b.extend(map(lambda x: x * 10, range(3)))
b.extend([])
print(b)
c = [1, 2]
c.extend(c)
print(c)
d = ["x"]
d.insert(0, "a")
d.insert(100, "z")
d.insert(-1, "y")
d.insert(-100, "start")
d.insert(2, "mid")
print(d)
e = [1]
e += (2, 3)
e += "xy"
print(e)
try:
    b.extend(5)
except TypeError as e2:
    print("TypeError:", e2)
try:
    b.insert(1)
except TypeError as e2:
    print("TypeError:", e2)
print(a.append(9), b.extend([]), d.insert(0, 0))
