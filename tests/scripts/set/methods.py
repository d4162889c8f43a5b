# set: union/intersection/difference/symmetric_difference (any iterables, several args), *_update, is* methods, copy.
a = {1, 2, 3}
print(sorted(a.union([3, 4], (5,), range(6, 8))), sorted(a.intersection([2, 3, 4], {3, 2})), sorted(a.difference([1], {2})))
print(sorted(a.symmetric_difference([3, 4])), sorted(a.union()), sorted(a.intersection()))
b = a.copy()
b.update([10], {11})
print(sorted(b), sorted(a), b is a)
b.intersection_update(range(5), [1, 2, 11])
print(sorted(b))
b.difference_update([1])
print(sorted(b))
b.symmetric_difference_update({2, 3})
print(sorted(b))
print(a.issubset([1, 2, 3, 4]), a.issuperset([1]), a.isdisjoint("abc"), frozenset(a).issubset(a))
print(sorted(frozenset([3, 1]).union({2})), frozenset().isdisjoint(()), sorted(set.union({1}, {2})))
print(a.add(4), a.update(), a.discard(0), sorted(a))
try:
    frozenset([1]).add(2)
except AttributeError as e:
    print("AttributeError:", e)
try:
    a.update(3)
except TypeError as e:
    print("TypeError:", e)
