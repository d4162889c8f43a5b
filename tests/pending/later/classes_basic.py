# later (classes): class and instance attributes, __init__, methods, __repr__/__str__, inheritance, super(), isinstance.
class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return self.name + " makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Dog(Animal):
    kind = "dog"
    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)
    def speak(self):
        return super().speak().replace("a sound", "woof")
    def __str__(self):
        return "Dog named " + self.name
a = Animal("generic")
d = Dog("Rex", ["sit"])
print(a, d, str(d), repr(d), [a, d])
print(a.speak(), d.speak(), a.kind, d.kind, Animal.kind, Animal.count, d.count)
print(isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), type(d).__name__, Dog.__mro__[1].__name__)
d.kind = "instance override"
print(d.kind, Dog.kind, vars(d))
del d.kind
print(d.kind, hasattr(d, "tricks"), getattr(d, "missing", "default"))
try:
    a.tricks
except AttributeError as e:
    print("AttributeError:", e)
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
