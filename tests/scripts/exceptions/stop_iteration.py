# exceptions: StopIteration from next(), its value, next() with default, exhausting iterators of several kinds.
it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value, e.args)
print(next(it, "default"), next(iter(()), None), next(iter("x")), next(iter({"k": 1})), next(iter(range(5, 9))))
for source in ([], "", (), {}, range(0), set()):
    try:
        next(iter(source))
    except StopIteration:
        print("empty", type(source).__name__)
d = {"a": 1}
it = iter(d.items())
print(next(it), next(it, "done"))
e = StopIteration("v")
print(e.value, StopIteration().value)
