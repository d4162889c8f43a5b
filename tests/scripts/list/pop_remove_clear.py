# list: pop (default, positive, negative index), remove (first match, by equality), clear, and their error messages.
a = [10, 20, 30, 40, 50]
print(a.pop(), a, a.pop(0), a, a.pop(-2), a, a.pop(1), a)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    a.pop(5)
except IndexError as e:
    print("IndexError:", e)
b = [1, 2, 3, 2, 1, 2.0, True]
b.remove(2)
print(b)
b.remove(1)
print(b)
b.remove(2.0)
print(b)
try:
    b.remove(99)
except ValueError as e:
    print("ValueError:", e)
c = [[1], [2]]
alias = c
c.clear()
print(c, alias, c is alias, len(alias))
d = [1, 2, 3]
d[:] = []
print(d)
