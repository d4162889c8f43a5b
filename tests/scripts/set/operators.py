# set: | & - ^ and their in-place forms, comparisons (subset/superset/proper), equality with frozenset, errors.
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a <= a, a < a, {1, 2} < a, a > {1}, a >= b, {1, 2}.isdisjoint({3}), {1} <= {1} == True)
c = set(a)
c |= {9}
c &= {1, 2, 9, 10}
c -= {2}
c ^= {1, 7}
print(sorted(c))
f = frozenset({1, 2})
print(f == {1, 2}, {1, 2} == f, type(f | {3}).__name__, type({3} | f).__name__, sorted(f & {2, 3}))
try:
    a | [1]
except TypeError as e:
    print("TypeError:", e)
try:
    a + b
except TypeError as e:
    print("TypeError:", e)
print(a == {4, 3, 2, 1}, a != b, sorted(a | b | {0}), sorted((a - b) | (b - a)) == sorted(a ^ b))
