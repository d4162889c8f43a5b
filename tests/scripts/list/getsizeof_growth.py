# list: sys.getsizeof follows CPython 3.11 over-allocation on append, literals, list(range), [x]*n and comprehensions.
import sys
a = []
last = sys.getsizeof(a)
print(0, last)
for i in range(1, 200):
    a.append(i)
    size = sys.getsizeof(a)
    if size != last:
        print(len(a), size, (size - 56) // 8)
        last = size
print(sys.getsizeof([1]), sys.getsizeof([1, 2, 3]), sys.getsizeof([None] * 10), sys.getsizeof([None] * 100))
print([sys.getsizeof(list(range(n))) for n in (0, 1, 5, 10, 100)])
print(sys.getsizeof([x for x in range(10)]), sys.getsizeof([x for x in range(1000)]))
b = list(range(100))
while len(b) > 5:
    b.pop()
print(len(b), sys.getsizeof(b))
b.clear()
print(sys.getsizeof(b))
c = [0] * 8
c.append(1)
print(sys.getsizeof(c))
