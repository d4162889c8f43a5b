# later (classes): operator and protocol methods: __eq__/__lt__/__hash__, __len__/__getitem__/__iter__/__contains__, __add__, __call__, __bool__.
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __repr__(self):
        return "Vec" + repr(tuple(self.xs))
    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs
    def __lt__(self, other):
        return self.norm2() < other.norm2()
    def __hash__(self):
        return hash(tuple(self.xs))
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    __rmul__ = __mul__
    def __call__(self, i):
        return self.xs[i] * 100
    def __bool__(self):
        return any(self.xs)
    def norm2(self):
        return sum(a * a for a in self.xs)
v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v * 3, 2 * w, v == Vec(1, 2), v != w, v < w, sorted([w, v]), len(v), v[1], v[-1], list(v), 2 in v)
print({v: "first", Vec(1, 2): "same key"}, v(0), bool(Vec(0, 0)), bool(v), max(v, w))
try:
    v @ w
except TypeError as e:
    print("TypeError:", e)
try:
    v <= w
except TypeError as e:
    print("TypeError:", e)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)))
