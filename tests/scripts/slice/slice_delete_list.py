# slice: del with slice objects and negative/extended steps on lists; assignment via a slice object.
a = list(range(12))
del a[slice(0, 3)]
print(a)
del a[slice(None, None, 4)]
print(a)
del a[slice(-1, -4, -1)]
print(a)
a[slice(0, 2)] = ["x", "y", "z"]
print(a)
a[slice(None, None, 2)] = range(len(a[::2]))
print(a)
try:
    a[slice(None, None, 3)] = [1]
except ValueError as e:
    print("ValueError:", e)
del a[slice(100, 200)]
print(a, len(a))
