# bench: nested integer loops — range iteration, local variable access, int arithmetic, comparisons, % and //.
def grid(n):
    total = 0
    for i in range(n):
        for j in range(n):
            v = i * j
            if v % 3 == 0:
                total += v // 3
            elif v & 1:
                total -= i
            else:
                total += j
    return total


def triangle(n):
    count = 0
    i = 0
    while i < n:
        j = i
        while j < n:
            count += (i ^ j) & 7
            j += 1
        i += 1
    return count


a = grid(2200)
b = triangle(2200)
print("grid", a, "triangle", b, "checksum", (a * 7 + b) % 1000000007)
