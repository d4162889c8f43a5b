# int: hash() of ints equals that of equal floats and bools; small ints hash to themselves; -1 is special.
print(hash(1) == hash(1.0), hash(0) == hash(0.0) == hash(False), hash(1) == hash(True))
print(hash(0), hash(1), hash(42), hash(-2), hash(-1))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 61 + 5), hash(-(2 ** 61)))
print(hash(10 ** 30) == hash(float(10 ** 30)), 10 ** 30 == float(10 ** 30))
print(hash(2.0 ** 70) == hash(2 ** 70))
print(hash(1.5) == hash(3 / 2), hash(-0.0) == hash(0))
d = {1: "int", 1.0: "float", True: "bool"}
print(d)
print({0: "a", False: "b", 0.0: "c"})
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)))
