# functions: *args and **kwargs collection, unpacking at call sites (* and ** several times), ordering of kwargs.
def show(*args, **kwargs):
    print(type(args).__name__, args, type(kwargs).__name__, kwargs)
show()
show(1, 2, 3)
show(a=1, b=2)
show(1, *[2, 3], *"ab", x=1, **{"y": 2}, **{"z": 3})
def f(a, b, c=3, *rest, **opts):
    return a, b, c, rest, opts
print(f(1, 2))
print(f(1, 2, 4, 5, 6, key="v"))
print(f(*(1, 2, 3, 4)))
print(f(b=2, a=1, extra=True))
args = [10, 20]
kw = {"c": 30, "d": 40}
print(f(*args, **kw))
def total(*nums):
    return sum(nums)
print(total(), total(1), total(*range(101)))
print(max(*[3, 1, 2]), print(*["a", "b"], sep="-"))
try:
    f(1, 2, a=5)
except TypeError as e:
    print("TypeError:", e)
try:
    show(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, **[1])
except TypeError as e:
    print("TypeError:", e)
