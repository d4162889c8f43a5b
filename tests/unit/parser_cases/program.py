"""A small program of the kind the course uses: every statement kind in a realistic setting."""
import gc
import os.path as osp, sys
from collections import defaultdict, namedtuple as nt
from . import sibling
from ..pkg.mod import (alpha, beta as b,)

__all__ = ['Tracker', "main"]
MAX: int = 10 ** 6
Point = nt('Point', 'x y')


def decorator(fn):
    def wrapper(*args, **kwargs):
        print(f"calling {fn.__name__!r} with {len(args)} args")
        return fn(*args, **kwargs)
    return wrapper


class Tracker(object, metaclass=type):
    """Keeps objects alive on purpose."""
    instances = []

    def __init__(self, name, /, size=0, *, keep=True, **extra):
        self.name = name
        self.size, self.keep = size, keep
        self.extra = extra or {}
        Tracker.instances.append(self)

    @property
    def weight(self) -> float:
        return self.size * 1.5 if self.keep else 0.0

    @staticmethod
    @decorator
    def total(*trackers):
        return sum(t.weight for t in trackers if t is not None)

    def __repr__(self):
        return f"Tracker({self.name!r}, size={self.size:,})"


def fib(n):
    a, b = 0, 1
    while n > 0:
        a, b = b, a + b
        n -= 1
    else:
        pass
    return a


def gen(items):
    for i, item in enumerate(items, start=1):
        if i % 2 == 0:
            continue
        elif item is None or not item:
            break
        yield i, item
    yield from range(3)


def main(argv=None):
    argv = argv if argv is not None else sys.argv[1:]
    counts = defaultdict(int)
    squares = {n: n * n for n in range(10) if n & 1}
    evens = [n for n in range(20) if not n % 2]
    nested = [[i * j for j in range(3)] for i in range(3)]
    unique = {c for c in "mississippi"}
    try:
        with open(argv[0]) as fh, open(os.devnull, 'w') as sink:
            for line in fh:
                for word in line.split():
                    counts[word.lower()] += 1
    except (IndexError, FileNotFoundError) as exc:
        print("usage:", exc, file=sys.stderr)
        return 2
    except Exception:
        raise
    else:
        print(max(counts, key=counts.get, default=None))
    finally:
        gc.collect()
    global MAX
    MAX //= 2
    del counts, squares
    assert len(evens) == 10, "ten even numbers"
    lam = lambda x, y=2, *r, k, **kw: (x, y, r, k, kw)
    t = Tracker("big", 1 << 20, keep=False)
    print(t, fib(30), list(gen([1, None, 3])), nested[1][2], unique, sep=' | ', end='\n')
    data = [*evens[:3], *range(2)]
    merged = {**{'a': 1}, 'b': 2}
    x = y = z = 0
    x += y - -z
    matrix_ok = (x @ y if False else None)
    bits = ~x | y ^ z & 0xFF << 2 >> 1
    chain = 0 <= x < 10 != y
    walrus = [v for s in ("a", "bb") if (v := len(s)) > 1]
    return 0


if __name__ == "__main__":
    sys.exit(main())
