# later (generators): yield, send, return value in StopIteration, yield from, generator expressions, laziness and closing.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"
g = countdown(3)
print(type(g).__name__, next(g), list(g))
g = countdown(1)
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            return received
        received.append(x)
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as stop:
    print(stop.value)
def chain(*its):
    for it in its:
        result = yield from it
    return result
print(list(chain([1, 2], "ab", range(2))))
def delegate():
    r = yield from countdown(2)
    yield r
print(list(delegate()))
squares = (x * x for x in range(5))
print(sum(squares), sum(squares), list(x for x in "ab" if x != "a"))
def closing():
    try:
        yield 1
        yield 2
    finally:
        print("generator finalised")
c = closing()
print(next(c))
c.close()
print(list(closing()))
