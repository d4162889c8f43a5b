# s[key] and b[key] (one body in objects/strsearch.c): ints, bools, huge ints, wrong types,
# slices, each type's messages.
def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)
for x in ("héllo", b"hello", "", b""):
    for k in (0, 1, -1, 4, 5, -6, 10**30, -10**30, True, 1.5, "a", None, slice(1, None), slice(None, None, -1), slice(-100, 100, 2), slice(0, 0, 0), slice("a")):
        t(lambda x, k: x[k], x, k)
