# list/tuple: index with start/stop (negative, clamped, huge), the 3.11 messages of both, count, remove.
l = [1, 2, 3, 2, "a", None, [5]]
t = tuple(l)
print(l.index(2), l.index(2, 2), l.index(2, -4), l.index("a", 0, 5), l.index(None, -2), l.index([5]))
print(t.index(2), t.index(2, 2), t.index(2, -4), t.index("a", 0, 5), l.index(1, -2 ** 80), l.index(3, 0, 2 ** 80))
for f in [lambda: l.index(2, 4), lambda: l.index(9), lambda: l.index("z"), lambda: l.index([6]), lambda: l.index(1, 1, 3),
          lambda: t.index(9), lambda: t.index(2, 0, 1), lambda: [].index(None), lambda: l.remove(9), lambda: l.index(1, 5, 2)]:
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
for f in [lambda: l.index(), lambda: l.index(1, "a"), lambda: t.index(), lambda: t.index(1, 1.5), lambda: l.index(1, 2, 3, 4),
          lambda: l.count(), lambda: t.count(1, 2)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
print(l.count(2), t.count(None), [1, 1.0, True].count(1), (0, False, 0.0).index(False))
