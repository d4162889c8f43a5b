# functions: lambda expressions: immediate calls, defaults, *args, as sort keys, returning lambdas, their __name__.
square = lambda x: x * x
add = lambda a, b=10: a + b
varargs = lambda *a, **k: (a, k)
print(square(7), add(1), add(1, 2), varargs(1, 2, z=3), (lambda: "no args")())
print(square.__name__, (lambda: 0).__name__, callable(square))
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])), list(filter(lambda s: len(s) > 3, ["ab", "abcd", "xyzzy"])))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
apply_twice = lambda f, x: f(f(x))
print(apply_twice(square, 3), apply_twice(lambda s: s + "!", "hi"), (lambda n: n if n < 2 else n * 2)(5))
