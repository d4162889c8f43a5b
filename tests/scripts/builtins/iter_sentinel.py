# builtins: iter(callable, sentinel) calls until the sentinel comes back (compared with ==), stops on StopIteration, and stays exhausted.
stack = [3, 0, 2, 1]
it = iter(stack.pop, 0)
print(type(it).__name__, iter(it) is it, list(it), stack, next(it, "exhausted"), list(it))
n = [0]
def step():
    n[0] += 1
    return n[0] * 1.0
print(list(iter(step, 4)), n)
values = iter([1, 2, 3])
print(list(iter(lambda: next(values), None)))
print(list(iter(lambda: [], [])), list(iter(lambda: (), ())))
def boom():
    raise KeyError("inside")
try:
    next(iter(boom, 1))
except KeyError as e:
    print("KeyError:", e)
calls = iter("ab")
sentinel_it = iter(lambda: next(calls), "b")
print(next(sentinel_it), next(sentinel_it, "stopped"), next(sentinel_it, "still stopped"))
for call in [lambda: iter(1, 2), lambda: iter("abc", "c"), lambda: iter(), lambda: iter(len, 1, 2), lambda: iter(len, sentinel=1)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
