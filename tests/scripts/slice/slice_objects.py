# slice: slice() objects: repr, attributes, use as subscripts, equality, indices() normalisation.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, 5), slice(1, None, None), slice(None))
data = list(range(20))
print(data[s], "abcdefghijkl"[s], tuple(range(12))[slice(None, None, -3)], data[slice(3)])
print(s == slice(1, 10, 2), s == slice(1, 10), slice(1, 2) != slice(1, 2, None))
for sl in [slice(None), slice(-3, None), slice(None, None, -1), slice(2, 100, 3), slice(-100, -1), slice(5, 1, -2)]:
    print(sl, sl.indices(10), list(range(*sl.indices(10))))
try:
    slice(None, None, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
print(slice(1, 2, 3).indices(0), slice(0, 5).indices(3))
