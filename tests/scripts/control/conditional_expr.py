# control: conditional expressions, nesting, laziness (the other branch is never evaluated), in comprehensions and args.
def side(tag, value):
    print("eval", tag)
    return value
print("yes" if 1 else "no", "yes" if 0 else "no", "a" if "" else "b" if [] else "c")
x = side("then", 1) if side("cond", True) else side("else", 2)
print(x)
y = side("then", 1) if side("cond", False) else side("else", 2)
print(y)
print(["even" if n % 2 == 0 else "odd" for n in range(5)])
print(max(3, 7) if 3 > 0 else None, (lambda v: "pos" if v > 0 else "neg" if v < 0 else "zero")(-2))
sign = lambda v: (v > 0) - (v < 0)
print([sign(v) for v in (-5, 0, 5)], [1 if v else 0 for v in ("", "x")])
a = 5
b = a if a > 10 else a * 2 if a > 3 else a * 3
print(b)
