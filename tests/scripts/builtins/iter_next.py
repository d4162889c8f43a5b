# builtins: iter() of sequences/dicts/strings, iter(callable, sentinel), next() with default, iterators are their own iter.
it = iter([1, 2, 3])
print(iter(it) is it, next(it), list(it), next(it, "exhausted"))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
lines = ["a", "b", "", "c"]
pos = iter(lines)
print(list(iter(lambda: next(pos), "")))
d = {"x": 1, "y": 2}
print(list(iter(d)), list(iter(d.values())), next(iter(d.items())))
s = iter("hey")
print(next(s), next(s), next(s), next(s, None))
try:
    next(s)
except StopIteration:
    print("StopIteration")
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    next("abc")
except TypeError as e:
    print("TypeError:", e)
