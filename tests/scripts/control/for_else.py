# control: for/else used for searching (else runs when no break), over lists, strings, ranges, dicts, empty sequences.
def find_prime_factor(n):
    for d in range(2, n):
        if n % d == 0:
            print(n, "has factor", d)
            break
    else:
        print(n, "is prime")
for n in (7, 9, 13, 21, 2):
    find_prime_factor(n)
for ch in "":
    print("never")
else:
    print("empty string loop still runs else")
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x * y)
for x in [1, 2, 3]:
    pass
print("x after loop:", x)
for _ in range(3):
    print("_", end=" ")
print()
for i in range(3):
    for j in range(3):
        if j == 2:
            break
    else:
        print("inner else never")
    print("outer", i, j)
