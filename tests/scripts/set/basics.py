# set: literals, set()/frozenset() constructors, dedup, add/discard/remove/pop/clear, len, in; prints sorted for determinism.
s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 2 in s, 5 not in s, type(s).__name__, set(), frozenset())
s.add(5)
s.add(1)
s.discard(3)
s.discard(99)
print(sorted(s))
s.remove(5)
print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
p = {7}
print(p.pop(), p)
try:
    p.pop()
except KeyError as e:
    print("KeyError:", e)
q = {1, 2}
q.clear()
print(q, len(q))
print(sorted(set("mississippi")), sorted(set([1, 1.0, True, 2])), len({0, 0.0, False, -0.0}))
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    s.add({})
except TypeError as e:
    print("TypeError:", e)
print(sorted({x % 5 for x in range(20)}), {(1, 2), (1, 2)} == {(1, 2)})
