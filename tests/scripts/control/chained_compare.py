# control: chained comparisons evaluate middle operands once and short-circuit; mixes of ==, <, in, is.
def v(tag, value):
    print("eval", tag)
    return value
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1 == 1.0, 1 < 2 == 2 < 3, 5 > 4 >= 4 > 3)
print(v("a", 1) < v("b", 2) < v("c", 3))
print(v("a", 5) < v("b", 2) < v("c", 3))
x = 5
print(0 < x < 10, 0 < x < 5, x == 5 != 6, 1 in [1, 2] in [[1, 2]], None is None is not False)
print(not 1 < 2, (1 < 2) < 3, 1 < (2 < 3))
try:
    print(1 < 2 < "3")
except TypeError as e:
    print("TypeError:", e)
print(1 > 2 < "3")
grade = lambda s: "A" if 90 <= s <= 100 else "B" if 80 <= s < 90 else "C"
print([grade(s) for s in (95, 85, 50, 100, 90, 89)])
