# functions: recursion: factorial, fibonacci, Ackermann (small), mutual recursion, recursive list flattening, hanoi.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
def flatten(x):
    if not isinstance(x, list):
        return [x]
    out = []
    for item in x:
        out.extend(flatten(item))
    return out
moves = []
def hanoi(n, src, dst, via):
    if n:
        hanoi(n - 1, src, via, dst)
        moves.append(src + dst)
        hanoi(n - 1, via, dst, src)
print(fact(20), fact(50))
print([fib(i) for i in range(15)])
print(ack(2, 3), ack(3, 3))
print(is_even(10), is_odd(7), is_even(301))
print(flatten([1, [2, [3, [4, []]], 5], [[6]]]))
hanoi(4, "A", "C", "B")
print(len(moves), " ".join(moves))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
