# dict: fromkeys as a class method reached through the class and an instance; shared values, argument errors.
f = dict.fromkeys(["a", "b", "c"])
g = dict.fromkeys("xy", [])
g["x"].append(1)
print(f, g, dict.fromkeys(range(3), 0), {"z": 9}.fromkeys("ab", 1), dict.fromkeys(()))
print(type(dict.fromkeys), dict.fromkeys.__name__, dict.fromkeys.__self__, {}.fromkeys.__self__)
print(dict.fromkeys({"k": 1, "j": 2}), dict.fromkeys("aab"), dict.fromkeys(iter([3, 1, 3]), None))
for call in [lambda: dict.fromkeys(), lambda: dict.fromkeys(1, 2, 3), lambda: dict.fromkeys(keys=1),
             lambda: dict.fromkeys(5), lambda: dict.fromkeys([[1]]), lambda: dict.fromkeys([{}], 1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
