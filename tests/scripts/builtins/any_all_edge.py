# builtins: any() and all() stop at the first deciding item, accept any iterable, and propagate errors.
def check(v):
    print("check", v, end="; ")
    return v
print(any(map(check, [0, "", 7, 8])))
print(all(map(check, [1, "x", None, 2])))
print(any(map(check, [])), all(map(check, [])))
it = iter([0, 0, 1, 2, 3])
print(any(it), list(it))
it = iter([1, 1, 0, 4])
print(all(it), list(it))
print(any("abc"), all("abc"), any(""), all([0.0]), any({0: "a"}), all({1: 0}), any(range(0)), all(range(1, 4)))
print(any([[]]), any([[0]]), all([(), ()]), all([None]) is False, type(any([])).__name__)
try:
    any(map(lambda x: 1 / x, [0]))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
for call in [lambda: any(), lambda: all(1), lambda: any([], []), lambda: all(iterable=[])]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
