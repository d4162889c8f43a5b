# set: frozenset is hashable and usable as a key or member; set is not; equality across set/frozenset.
fs = frozenset([1, 2, 3])
d = {fs: "found", frozenset(): "empty"}
print(d[frozenset([3, 2, 1])], d[frozenset()], fs in {fs}, hash(fs) == hash(frozenset({1, 2, 3})))
nested = {frozenset({1}), frozenset({1}), frozenset({2, 3})}
print(len(nested), sorted([sorted(x) for x in nested]))
try:
    hash({1})
except TypeError as e:
    print("TypeError:", e)
try:
    {{1}}
except TypeError as e:
    print("TypeError:", e)
s = {1, 2}
print(s == frozenset(s), frozenset(s) in {frozenset({1, 2})}, set(fs) == fs, frozenset(fs) is fs)
print(repr(frozenset()), repr(set()), repr({5}), repr(frozenset({5})), frozenset("aa") == frozenset("a"))
print({1, 2} in [{2, 1}], sorted({frozenset({1}), frozenset({1, 2})}, key=len))
