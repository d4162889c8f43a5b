# builtins: dir() of built-in objects and types is a sorted list without repeats that includes the methods of the class and its bases.
for v in [[], (), {}, "", 0, 1.5, set(), b"", range(1), None, True]:
    names = dir(v)
    print(type(v).__name__, type(names).__name__, names == sorted(names), len(names) == len(set(names)), "__class__" in names)
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir(()) if not n.startswith("_")], [n for n in dir(range(2)) if not n.startswith("_")])
print([n for n in dir(set()) if not n.startswith("_")])
print("append" in dir(list), "keys" in dir(dict), "upper" in dir(str), "bit_length" in dir(True), "real" in dir(1.5))
print(dir(5) == dir(int), dir([1]) == dir([]), set(dir(bool)) >= set(dir(int)) - {"__doc__"}, dir(object) == sorted(dir(object)))
print("__doc__" in dir(None), "__class__" in dir(object), "count" in dir(tuple), "index" in dir(range))
