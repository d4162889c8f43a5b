# functions: default values are evaluated once at definition; the mutable default gotcha and the None idiom.
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_to.__defaults__)
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
n = 10
def uses_n(x=n):
    return x
n = 20
print(uses_n(), uses_n(5))
def counter(d={}):
    d["calls"] = d.get("calls", 0) + 1
    return d["calls"]
print(counter(), counter(), counter({}), counter())
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
print(greet.__defaults__, greet.__name__)
