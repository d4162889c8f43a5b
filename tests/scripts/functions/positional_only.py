# functions: positional-only parameters (/), mixing /, normal and *, and errors when passed by keyword.
def divide(a, b, /):
    return a / b
print(divide(7, 2))
try:
    divide(a=7, b=2)
except TypeError as e:
    print("TypeError:", e)
def f(pos, /, norm, *, kw):
    return pos, norm, kw
print(f(1, 2, kw=3), f(1, norm=2, kw=3))
try:
    f(pos=1, norm=2, kw=3)
except TypeError as e:
    print("TypeError:", e)
def g(a, b=2, /, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, kw
print(g(1, d=4), g(1, 9, 8, 7, 6, d=0, z=1))
def h(x, /, **kw):
    return x, kw
print(h(1, x=2))
try:
    f()
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
