# bench: recursive fib(27), computed 16 times (one fib(27) takes ~0.05 s on CPython 3.11 here) —
# Python-to-Python calls, small-int arithmetic and comparisons.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


checksum = 0
for i in range(16):
    checksum = (checksum * 31 + fib(27) + i) % 1000000007
print("fib(27) =", fib(27), "checksum", checksum)
