# builtins: len() of every sized built-in, repr() vs str(), ascii(), abs() of ints/floats/bools, and their errors.
print(len("héllo"), len(b"ab"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}), len(frozenset()), len(range(0, 10, 3)), len(""))
print(len({"a": 1}.keys()), len({"a": 1}.items()))
for v in ["text", 1, 1.5, None, True, [1, "a"], ("t",), {"k": 1}, b"\x00", "q'", "\n"]:
    print(repr(v), str(v), ascii(v))
print(ascii("héllo 😀"), repr("héllo 😀"))
print(abs(-5), abs(5), abs(-2.5), abs(0.0), abs(-0.0), abs(True), abs(-(10 ** 30)), abs(float("-inf")))
try:
    len(42)
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
try:
    len(iter([]))
except TypeError as e:
    print("TypeError:", e)
