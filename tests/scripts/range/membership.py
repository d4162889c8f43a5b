# range: in/not in for ints (computed, also for huge ranges), floats equal to ints, other types; iteration in for.
r = range(0, 100, 7)
print(14 in r, 15 in r, 98 in r, 105 in r, -7 in r, 14.0 in r, 14.5 in r, "14" in r, True in range(2))
big = range(0, 10 ** 30, 3)
print(10 ** 29 - 1 in big, 10 ** 29 in big, 3 * 10 ** 28 in big)
print(5 in range(10, 0, -1), 0 in range(10, 0, -1), 10 in range(10, 0, -1))
total = 0
for i in range(1, 101):
    total += i
print(total, sum(range(1, 101)), [i for i in range(3, -3, -2)])
for i in range(3):
    pass
print(i)
it = iter(range(2))
print(next(it), next(it), next(it, "done"))
