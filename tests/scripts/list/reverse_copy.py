# list: reverse in place, reversed() iterator, copy()/list()/[:] give shallow copies that share inner objects.
a = [1, 2, 3, 4]
print(a.reverse(), a)
a.reverse()
print(a, list(reversed(a)), a[::-1])
e = []
e.reverse()
print(e)
inner = [0]
orig = [inner, "s", 3]
for name, cp in [("copy", orig.copy()), ("list", list(orig)), ("slice", orig[:]), ("ctor+", orig + [])]:
    print(name, cp == orig, cp is orig, cp[0] is inner)
c = orig.copy()
c[0].append(1)
c[1] = "t"
print(orig, c)
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
