# control: every augmented assignment operator on ints, floats, strs, lists; targets that are items, slices and attributes.
x = 7
for op in ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="]:
    y = 13
    if op == "+=": y += 3
    elif op == "-=": y -= 3
    elif op == "*=": y *= 3
    elif op == "/=": y /= 3
    elif op == "//=": y //= 3
    elif op == "%=": y %= 3
    elif op == "**=": y **= 3
    elif op == "<<=": y <<= 3
    elif op == ">>=": y >>= 3
    elif op == "&=": y &= 3
    elif op == "|=": y |= 3
    elif op == "^=": y ^= 3
    print(op, y)
lst = [1, 2, 3]
lst[0] += 10
lst[-1] *= 2
lst[1:2] += [7, 8]
print(lst)
d = {"k": 1}
d["k"] += 1
d.setdefault("n", 0)
d["n"] -= 5
print(d)
s = "ab"
s += "cd"
s *= 2
print(s)
m = [[0, 0], [0, 0]]
m[1][0] += 5
print(m)
