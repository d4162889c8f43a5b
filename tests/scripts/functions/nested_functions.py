# functions: nested def statements that do not capture variables (helpers), local scope isolation, functions as values.
def outer(values):
    def double(v):
        return v * 2
    def keep(v):
        return v % 3 != 0
    result = []
    for v in values:
        if keep(v):
            result.append(double(v))
    return result
print(outer(range(10)))
def dispatcher(kind):
    def as_int(s):
        return int(s)
    def as_float(s):
        return float(s)
    return as_int if kind == "int" else as_float
print(dispatcher("int")("42") + 1, dispatcher("float")("2.5") * 2)
def level1():
    def level2():
        def level3():
            return "deep"
        return level3()
    return level2()
print(level1())
def isolated():
    hidden = 1
    return hidden
isolated()
try:
    hidden
except NameError as e:
    print("NameError:", e)
print(outer.__name__, dispatcher("int").__name__, dispatcher("x").__qualname__)
