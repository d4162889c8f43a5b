# functions: TypeError messages for missing, surplus, duplicate and unexpected arguments.
def f(a, b):
    return a + b
def g(a, b=1, *, c):
    return a
cases = [lambda: f(1), lambda: f(), lambda: f(1, 2, 3), lambda: f(1, a=2), lambda: f(1, 2, c=3),
         lambda: g(), lambda: g(1), lambda: g(1, 2, 3), lambda: g(1, c=1, d=2), lambda: (lambda: 0)(1),
         lambda: (lambda x: 0)(), lambda: len(), lambda: len(1, 2), lambda: abs(x=1)]
for call in cases:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
