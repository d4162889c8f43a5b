# functions: __doc__, __name__, __qualname__, __defaults__, __kwdefaults__, __module__ and attributes set on functions.
def documented(a, b=2, *, c=3):
    """Add things.

    Second paragraph."""
    return a + b + c
print(repr(documented.__doc__))
print(documented.__name__, documented.__qualname__, documented.__defaults__, documented.__kwdefaults__, documented.__module__)
def plain():
    return 1
print(plain.__doc__, plain.__defaults__, plain.__kwdefaults__)
plain.tag = "custom"
plain.count = 0
plain.count += 1
print(plain.tag, plain.count, sorted(vars(plain)))
print(documented(1), documented(1, c=10))
