# control: while loops with else (runs when the condition becomes false, skipped on break), counters, nested whiles.
n = 0
while n < 5:
    n += 1
else:
    print("done counting", n)
n = 0
while True:
    n += 1
    if n == 3:
        break
else:
    print("never printed")
print("broke at", n)
i = 10
while i:
    i -= 3
    if i == 4:
        continue
    print("i =", i)
    if i < 0:
        break
else:
    print("else after while i")
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
row = 0
while row < 3:
    col = 0
    line = ""
    while col <= row:
        line += str(col)
        col += 1
    print(line)
    row += 1
while False:
    print("never")
else:
    print("else of a loop that never ran")
