# memory: sys.getsizeof of ASCII str (49 + n), tuples (40 + 8n) and lists (56 + 8 * capacity) as in memory-apis.md 2.2.
import sys
print([sys.getsizeof("a" * n) for n in (0, 1, 2, 10, 100, 1000)])
print([sys.getsizeof(str(i)) for i in (0, 9, 10, 999999)], sys.getsizeof("hello world"))
print(all([sys.getsizeof("x" * n) == 49 + n for n in range(300)]))
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)), sys.getsizeof(tuple(range(10))))
print(all([sys.getsizeof(tuple(range(n))) == 40 + 8 * n for n in range(1, 100)]))
print(sys.getsizeof([]), sys.getsizeof([1]), sys.getsizeof([1, 2, 3]), sys.getsizeof([None] * 7), sys.getsizeof(list(range(5))))
lst = [[0] * 1000 for _ in range(3)]
print(sys.getsizeof(lst), sys.getsizeof(lst[0]), sys.getsizeof(lst) < sys.getsizeof(lst[0]))
big = [x for x in range(10 ** 5)]
print(sys.getsizeof(big), sys.getsizeof(big[:]), sys.getsizeof(big * 2))
del big[1000:]
print(sys.getsizeof(big))
