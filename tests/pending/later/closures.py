# later (closures): nonlocal counters, late binding of loop variables, default-argument capture, closures over closures.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = make_counter(), make_counter(10)
print(c1(), c1(), c2(5), c1(), c2())
late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in early])
def compose(f, g):
    return lambda x: f(g(x))
inc_then_square = compose(lambda x: x * x, lambda x: x + 1)
print(inc_then_square(4), (lambda x: (lambda y: x + y))(1)(2))
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "rebound"
    return middle()()
print(outer())
def cell_names():
    a = 1
    def uses():
        return a
    return uses
fn = cell_names()
print(fn.__code__.co_freevars, fn.__closure__[0].cell_contents)
def broken():
    def inner():
        return value
    try:
        return inner()
    except NameError as e:
        return "NameError: " + str(e)
    value = 1
print(broken())
