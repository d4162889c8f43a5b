# range: slicing a range gives a range (repr shows normalised start/stop/step); negative steps; reversed().
r = range(0, 20, 2)
for s in [r[2:5], r[::-1], r[::3], r[-3:], r[5:2], r[1:-1:2], r[::-2], r[100:], range(10)[::-1][2:5]]:
    print(repr(s), list(s))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(0))))
print(repr(range(10, 0, -3)), list(range(10, 0, -3)), list(range(-1, -10, -4)), len(range(-1, -10, -4)))
print(range(5)[::-1] == range(4, -1, -1), list(range(5))[::-1] == list(range(5)[::-1]))
for start, stop, step in [(0, 10, 1), (10, 0, -1), (-5, 5, 2), (3, 3, 1)]:
    r = range(start, stop, step)
    print(repr(r[::2]), repr(r[1:]), repr(r[:-1]), list(r[::-1]) == list(r)[::-1])
print(range(10)[2:8:2][1], range(100)[::-7][-1], len(range(0, 100, 3)[5:]))
