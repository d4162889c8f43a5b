# functions: return of None (implicit, bare), multiple values as tuples, early returns, return in loops, function objects.
def nothing():
    return
def implicit():
    x = 1
def many():
    return 1, "two", [3]
def first_negative(nums):
    for n in nums:
        if n < 0:
            return n
    return None
print(nothing(), implicit(), many(), type(many()).__name__)
a, b, c = many()
print(a, b, c)
print(first_negative([3, 1, -4, -1]), first_negative([1, 2]))
def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 9, 2), apply(len, "abcd"), apply(lambda: "zero-arg"))
def make_list():
    return []
x, y = make_list(), make_list()
print(x is y, x == y)
funcs = [nothing, implicit, many]
print([f.__name__ for f in funcs], nothing is funcs[0], callable(funcs[2]))
