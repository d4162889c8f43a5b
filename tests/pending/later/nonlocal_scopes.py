# later (closures): LEGB name resolution, nonlocal vs global, comprehensions' own scope, class bodies not enclosing methods.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    def rebinder():
        nonlocal x
        x = "rebound by nonlocal"
    def global_writer():
        global x
        x = "global rewritten"
    before = inner()
    rebinder()
    global_writer()
    return before, inner(), x
print(outer(), x)
len = lambda s: "shadowed builtin"
print(len("abc"))
del len
print(len("abc"))
class K:
    attr = 5
    def method(self):
        try:
            return attr
        except NameError as e:
            return "NameError: " + str(e)
print(K().method(), K.attr)
def counter_pair():
    n = 0
    def up():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return up, get
up, get = counter_pair()
up(); up()
print(get())
