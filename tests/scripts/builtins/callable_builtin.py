# builtins: callable() on functions, lambdas, builtins, types, bound methods and non-callables; input() exists (not called: no stdin).
def f():
    pass
values = [f, lambda: 0, len, print, int, str, type, "abc".upper, [].append, 1, "s", None, [], {}, (f,), object()]
for v in values:
    print(callable(v), end=" ")
print()
print(callable(callable), callable(f()), callable(dict.fromkeys), callable(input), input.__name__)
calls = [v for v in values if callable(v)]
print(len(calls), len(values) - len(calls))
print(type(len).__name__, type(f).__name__, type("".upper).__name__, type([].append).__name__)
try:
    values[9]()
except TypeError as e:
    print("TypeError:", e)
