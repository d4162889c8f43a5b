# builtins: globals(), locals(), vars() and dir() at module level, in functions, with closures and after del.
counter = 1
g = globals()
print(g is globals(), g["counter"], "counter" in g, locals() is g, vars() is g)
g["made_here"] = 42
print(made_here)
def f(a, b=2, *rest, **kw):
    c = a + b
    def inner():
        return c + a
    print(sorted(locals()), locals()["c"], dir())
    del c
    print(sorted(locals()), "c" in vars())
    return inner
f(1, 3, 4, k=5)
def outer():
    x = "free"
    y = "unused"
    def show():
        z = x
        return locals()
    return show()
print(outer())
def no_locals():
    return locals(), dir(), vars()
print(no_locals())
def shadow():
    globals = 5
    return globals
print(shadow(), type(globals()).__name__)
print([sorted(locals()) for _ in range(1)])
for call in [lambda: globals(1), lambda: locals(x=1), lambda: vars(1), lambda: vars([]), lambda: vars(1, 2), lambda: dir(1, 2)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
