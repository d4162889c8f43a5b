# functions: del of local and global names, NameError/UnboundLocalError afterwards, del of several targets.
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
def f():
    y = 2
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
a, b, c = 1, 2, 3
del a, b
print(c, "a" in globals(), "b" in globals())
try:
    del undefined_thing
except NameError as e:
    print("NameError:", e)
lst = [1, 2, 3]
d = {"k": 1, "j": 2}
del lst[0], d["k"]
print(lst, d)
def g():
    global c
    del c
g()
print("c" in globals())
def h():
    z = 1
    del z
    del z
try:
    h()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
