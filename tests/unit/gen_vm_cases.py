#!/usr/bin/env python3
"""tests/unit/gen_vm_cases.py — writes tests/unit/vm_cases.inc: small programs run by
tests/unit/test_vm.c through pr_run_source, each with the stdout, stderr and exit status CPython
3.11 gives. The script's path appears in tracebacks; it is written as @FILE@ and substituted by
the test with the path it used. Run it with python3.11 after editing CASES."""
import os
import subprocess
import sys
import tempfile

CASES = {}

CASES["arith"] = """\
a = 7
b = 2
print(a + b, a - b, a * b, a // b, a % b, -a // b, -a % b, a ** b)
print(a < b, a <= b, a == b, a != b, a > b, a >= b)
print(1 + 2 * 3 - 4, (1 + 2) * 3, 2 ** 3 ** 2, -2 ** 2)
print(10 ** 20 + 1, 2 ** 64 * 3)
x = 5
x += 3
x *= 2
print(x, ~x, +x, -x, not x, x & 6, x | 1, x ^ 5, x << 2, x >> 1)
print(1 < 2 < 3, 3 > 2 > 5, 1 == 1.0 if False else 'short')
print(True + True, None is None, x is not None)
"""

CASES["control"] = """\
n = 0
total = 0
while n < 10:
    n += 1
    if n % 2 == 0:
        continue
    if n > 7:
        break
    total += n
print(total, n)
for i in [1, 2, 3]:
    if i == 2:
        print('two')
    elif i == 3:
        print('three')
    else:
        print('one')
else:
    print('loop done')
for c in ['a', 'b', 'c']:
    print(c, end=' ')
print()
x = 5 if total > 3 else 6
print(x, total and 'yes', 0 or 'no', [] or {} or 'last')
"""

CASES["collections"] = """\
l = [3, 1, 2]
l.append(4)
print(l, len(l), l[0], l[-1], l[1:3], l[::-1])
l[0] = 10
del l[1]
print(l, 2 in l, 5 not in l)
t = (1, 'a', None)
print(t, t[1], len(t))
d = {'x': 1, 'y': 2}
d['z'] = 3
print(d, d['y'], 'x' in d, len(d))
del d['x']
print(d)
a, b, c = t
print(a, b, c)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3)
print(init, last)
print([x * x for x in range(5) if x % 2 == 0] if False else [x * x for x in [0, 1, 2, 3, 4] if x % 2 == 0])
print({k: v for k, v in [('a', 1), ('b', 2)]})
print({3, 1, 2}, {x % 3 for x in [1, 2, 3, 4]}, {*[1, 2], *[2, 3]}, 2 in {1, 2})
print(sum([1, 2, 3]), min(3, 1, 2), max([4, 9, 2]), abs(-5), repr('q'))
print(f"{a} and {b!r} and {l}")
"""

CASES["functions"] = """\
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(*[1, 2], **{'c': 3}))

def g(x, /, y, *, z):
    return x + y + z

print(g(1, 2, z=3), g(1, y=2, z=3))

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(20))

def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = counter()
c()
c(5)
print(c(), c.__name__, c.__qualname__)
h = lambda x, y=3: x * y
print(h(2), h(2, 5), (lambda: 'no args')())
print(isinstance(h, type(f)), callable(h))
"""

CASES["arg_errors"] = """\
def f(a, b): pass
def g(a, b=1, *, c): pass
def h(x, /, y): pass
def k(a, b, c): pass
tests = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, z=3),
    lambda: f(1, a=2),
    lambda: g(),
    lambda: g(1, 2, 3),
    lambda: g(1),
    lambda: g(1, 2, 3, c=1),
    lambda: h(x=1, y=2),
    lambda: k(),
    lambda: f(),
    lambda: k(1),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
"""

CASES["exceptions"] = """\
def order(fail):
    try:
        print('try')
        if fail:
            raise ValueError('bad')
    except ValueError as e:
        print('except', e)
    else:
        print('else')
    finally:
        print('finally')

order(False)
order(True)

def ret():
    try:
        return 'from try'
    finally:
        print('finally runs first')

print(ret())
try:
    try:
        1 // 0
    except ZeroDivisionError:
        raise KeyError('k')
except KeyError as e:
    print(repr(e), type(e.__context__).__name__)
try:
    raise RuntimeError('outer') from ValueError('inner')
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
try:
    [][1]
except (IndexError, KeyError) as e:
    print('caught', e)
try:
    raise TypeError
except Exception as e:
    print(type(e).__name__, repr(e))
def nested():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise
        except ValueError as e:
            return 'reraised ' + str(e)
print(nested())
try:
    assert 1 == 2, 'math'
except AssertionError as e:
    print('assert', e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
try:
    import nosuchmodule
except ImportError as e:
    print(type(e).__name__, e)
"""

CASES["name_errors"] = """\
def f():
    print(undefined_thing)

def g():
    y = local_later
    local_later = 1

try:
    f()
except NameError as e:
    print(e)
try:
    g()
except UnboundLocalError as e:
    print(e)
def h():
    x = 1
    del x
    return x
try:
    h()
except UnboundLocalError as e:
    print(e)
g()
"""

CASES["traceback_carets"] = """\
def add(a, b):
    return a + b

def index(seq):
    return seq[10]

def outer():
    x = add(1, 2)
    return index([x])

try:
    add(1, 'two')
except TypeError as e:
    print(e)
outer()
"""

CASES["traceback_binop"] = """\
def compute(values):
    total = values[0] + values[1] * values[2]
    return total

compute([1, 2, None])
"""

CASES["chain_context"] = """\
def parse(s):
    try:
        return {'a': 1}[s]
    except KeyError:
        raise ValueError('cannot parse ' + s)

parse('b')
"""

CASES["chain_cause"] = """\
try:
    1 // 0
except ZeroDivisionError as e:
    raise RuntimeError('failed') from e
"""

CASES["recursion_uncaught"] = """\
def f():
    f()

f()
"""

CASES["recursion_caught"] = """\
def down(n):
    try:
        return down(n + 1)
    except RecursionError:
        return n

print(down(0))
def boom(n):
    return boom(n + 1)
try:
    boom(0)
except RecursionError as e:
    print('caught:', e)
print(down(0))
"""

CASES["name_suggestion"] = """\
def show(value):
    prnt(value)

show(1)
"""

CASES["module_names"] = """\
print(__name__, __doc__)
x = 10
def get():
    return x
x = 20
print(get())
def setg():
    global y
    y = 'global y'
setg()
print(y)
del y
try:
    y
except NameError as e:
    print(e)
"""

CASES["closures"] = """\
def make_adders():
    adders = []
    for i in [1, 2, 3]:
        def add(x, i=i):
            return x + i
        adders.append(add)
    return adders

print([a(10) for a in make_adders()])

def outer():
    v = 'outer'
    def middle():
        def inner():
            return v
        return inner
    return middle()()

print(outer())

def late():
    def f():
        return w
    try:
        f()
    except NameError as e:
        print(e)
    w = 1
    return f()

print(late())
"""

CASES["calls"] = """\
def f(*a, **k):
    return a, k

print(f(*[1, 2], **{'x': 1}))
for bad in [lambda: f(*5), lambda: f(**{'x': 1}, **{'x': 2}), lambda: f(**5)]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(min([3, 1, 2], key=lambda v: -v), max([], default='empty'))
print(f"{3.14159:.2f} {42:>5} {7!s} {[1]}")
x = 3
print(1 < x < 5, 1 < x > 5)
try:
    with 5:
        pass
except TypeError as e:
    print(e)
for bad in [lambda: exec_raise(5)]:
    pass
try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(e)
print(next(iter([1])), next(iter([]), 'dflt'))
try:
    next(iter([]))
except StopIteration as e:
    print('stop', repr(e))
print(sum([1.5, 2.5]), abs(-2.5), 7 / 2, 2 ** -1, 10 % 3.0, 0.1 + 0.2 == 0.3)
print(isinstance(1, (str, int)), isinstance('a', int))
l = [1, 2, 3]
l[1:2] = [9, 9]
print(l, l * 2, [0] * 3)
def kw(a, *, b=2, c):
    return a, b, c
def po(a, b, /, c):
    pass
for bad in [lambda: kw(1), lambda: kw(1, 2, c=3), lambda: po(1, b=2, c=3),
            lambda: po(1, 2, 3, 4), lambda: kw(1, c=1, d=2)]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(kw(1, c=3), kw(a=0, b=1, c=2))
"""

CASES["repeated_lines"] = """\
def down(n):
    if n == 0:
        raise ValueError('bottom')
    down(n - 1)

try:
    down(4)
except ValueError as e:
    print('caught', e)
down(3)
"""

CASES["unbound_uncaught"] = """\
def use():
    print(total)
    total = 1

use()
"""

CASES["multiline_call"] = """\
def check(a, b):
    return a // b

result = check(
    10,
    0,
)
"""

CASES["recursion_depths"] = """\
m = 0
def f(n):
    global m
    m = n
    return min([n], key=lambda v: f(v + 1))
try:
    f(0)
except RecursionError:
    print('via min', m)
def g(n):
    global m
    m = n
    return g(n + 1)
try:
    g(0)
except RecursionError:
    print('direct', m)
def h(n):
    global m
    m = n
    return (lambda: h(n + 1))()
try:
    h(0)
except RecursionError:
    print('lambda', m)
"""

CASES["system_exit"] = """\
print('before')
raise SystemExit(3)
"""

CASES["uncaught_plain"] = """\
print('start')
raise KeyError('missing')
"""

# ---- the eval loop's fast paths (vm/eval.c): each must fall back to the generic path exactly

CASES["fast_int_overflow"] = """\
big = 2 ** 59
x = big
x += big
print(x, x + big, x * x, (2 ** 31 - 1) * (2 ** 31 - 1), (2 ** 31) * (2 ** 31))
print(big * 4 - 1 + 1, -big - big - big, (2 ** 60 - 1) + 1, -(2 ** 60) - 1)
print(7 << 31, 7 << 40, (2 ** 40) << 3, -5 >> 1, -5 >> 70, 5 >> 70, -(2 ** 59) >> 3)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, -(2 ** 50) // 3, (2 ** 55) % -7)
print(-6 & 0xFF, -6 | 3, -6 ^ 5, 2 ** 59 & -2 ** 58, True + 1, True & 3, 2 ** 100 % 7)
t = 0
seen = []
for i in range(5):
    t += i * 1000
    seen.append(t)
print(seen)
a = 1000
b = a
a += 1
print(a, b, a is b)
n = 2 ** 40
m = n
n = n * 3
print(n, m)
try:
    print(1 >> -1)
except ValueError as e:
    print('ValueError', e)
try:
    print(5 // 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
"""

CASES["fast_float"] = """\
f = 1.5
g = f
f += 1.0
print(f, g, f is g)
x = 0.1
y = x * 3 + x
print(y, x, 0.1 + 0.2, 1 / 3, 2.0 - 0.5 * 3)
print(1.0 / 3, 1 / 3.0, 7 / 2, -7 / 2, 0 / -5, 2 ** 53 / 3, (2 ** 53 + 1) / 1, 2 ** 60 / 7)
print(1.5 + 2, 2 - 0.25, 3 * 0.1, 10 ** 20 * 1.5, 2 ** 54 + 0.5)
vals = [0.5, 1.5]
s = vals[0] + vals[1]
vals[0] += 1.0
print(s, vals)
print(1.0 < 2, 2 < 1.5, 1 == 1.0, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 60 + 1 > 2.0 ** 60)
nan = float('nan')
print(nan < 1.0, nan == nan, nan != nan, 1 < nan)
one, zero, fone, fzero = 1, 0, 1.5, 0.0
for bad in [lambda: fone / zero, lambda: one / fzero, lambda: one / zero, lambda: fone % zero,
            lambda: fone // fzero]:
    try:
        bad()
    except ZeroDivisionError as e:
        print(e)
"""

CASES["fast_compare_jump"] = """\
def f(a, b):
    if a < b:
        return 'lt'
    elif a == b:
        return 'eq'
    return 'gt'
print([f(1, 2), f(2, 2), f(3, 2), f(1.0, 2), f(2.5, 2.5), f(2 ** 61, 1), f('a', 'b')])
i = 0
while i < 3:
    i += 1
print(i, 1 < 2 < 3, 3 > 2 > 5, not 1 < 2)
def g(x):
    if x >= 10 ** 20:
        return 'big'
    return 'small'
print(g(10 ** 21), g(5), g(5.5))
try:
    if 1 < 'a':
        pass
except TypeError as e:
    print(e)
"""

CASES["fast_subscript"] = """\
a = [10, 20, 30]
t = (1, 2, 3)
print(a[0], a[-1], a[-3], t[1], t[-1], a[True], t[False])
a[-1] = 99
a[0] = a[0] + 1
print(a)
for bad in [lambda: a[3], lambda: a[-4], lambda: t[3], lambda: a[2 ** 70], lambda: a[1.0],
            lambda: a["x"]]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
def put(i):
    a[i] = 0
for i in [3, -4, 2 ** 64]:
    try:
        put(i)
    except IndexError as e:
        print(i, e)
print(a, [1, 2, 3][1:], 'abc'[1], {0: 'z'}[0])
"""

CASES["fast_globals"] = """\
def f():
    return g() + len('ab')
def g():
    return 1
print(f())
def g():
    return 10
print(f())
len = lambda s: 100
print(f())
del len
print(f())
del g
try:
    f()
except NameError as e:
    print(e)
def h():
    return g
g = 5
print(h())
"""

CASES["fast_calls"] = """\
def add(a, b):
    return a + b
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(add(1, 2), add('a', 'b'), deep(200))
def boom(x):
    return 1 / x
def outer(x):
    return boom(x) + 1
try:
    outer(0)
except ZeroDivisionError:
    print('caught')
outer(0)
"""

CASES["fast_for_range"] = """\
def f():
    keep = []
    for i in range(250, 262, 3):
        keep.append(i)
    for j in range(2 ** 40, 2 ** 40 + 3):
        last = j
    for k in range(5, -1005, -500):
        pass
    for m in range(2 ** 62, 2 ** 62 + 2):
        pass
    for n in range(0):
        pass
    return keep, j, last, last is j, k, m
print(f())
for i in range(1000, 1003):
    pass
print(i, [x * 2 for x in range(298, 302)], list(range(-3, 3)))
"""


CASES["fast_sort_keys"] = """\
big = 2 ** 40
print(sorted([3, -1, 2 ** 30, -(2 ** 30), 0, 7]), sorted([5, big, -big, 1, True, False]))
print(sorted([2.5, -0.0, 0.0, 1.0, -3.5]), sorted([1.5, 1, 0.5, big]))
nan = float("nan")
print(sorted([3.0, nan, 1.0, 2.0]), sorted(["b", "a", "\u00e9", "ab", "", "\U0001f600", "z"]))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1,), (), (1, "a", 0)]))
print(sorted([(1.5, 2), (0.5, 3), (1.5, 1)]), sorted([("x", 2), ("x", 1), ("a", 9)]))
print(sorted([[2, 1], [1, 5], [2]]), sorted([(1, [3]), (1, [2])]), sorted(["b", "a"], reverse=True))
print(sorted([(big, 1), (2, 2), (big, 0)]), sorted(range(6), key=lambda v: (v % 3, -v)))
for bad in ([1, "a"], [(1, 2), (1, "a")], [(1,), ("a",)], [{1}, {2}, 3], [None, None], [{1: 2}, {3: 4}]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError:", e)
"""


CASES["fast_str_keys"] = """\
d = {}
for w in "Ab ab AB aB ab x Ab".split():
    k = w.lower()
    d[k] = d.get(k, 0) + 1
print(d, "\u00c9t\u00c9".lower(), "stra\u00dfe".upper(), "Stra\u00dfe".casefold(), "ABC".casefold())
print("".lower() == "", "A".lower(), "z".upper(), ("x" * 300).upper()[:3], "a1-B2_".upper(), "Q@[`{".lower())
e = {"k%d" % i: i for i in range(50)}
print(sum([e["k%d" % i] for i in range(0, 50, 7)]), e.get("k50", -1), "k7" in e, 7 in e)
e[7] = "int"
print(e.get("k7"), e[7], e.get(7.0), len(e))
"""


CASES["fast_method_cache"] = """\
def count_in(x):
    return x.count(1)
print([count_in(v) for v in ([1, 1, 2], (1, 3, 1, 1), [], (2,))])
def call_upper(x):
    return x.upper()
for v in ("ab", "cd", b"ef", "gh"):
    print(call_upper(v))
def real_of(x):
    return x.conjugate(), x.real
print([real_of(v) for v in (3, 2.5, True, -7)])
for v in ([3], "s", 5, None, [4]):
    try:
        print(v.copy())
    except AttributeError as e:
        print("AttributeError:", e)
import sys
def via_module(m):
    return m.getrecursionlimit()
print(via_module(sys), via_module(sys))
d = {"a": 1}
f = d.get
print([d.get("a"), d.get("b", 2), f("a")] * 2)
"""


CASES["docstrings"] = """\
def documented(a):
    \"\"\"Says what it does.\"\"\"
    return a
def plain():
    x = 1
    "not a docstring"
    return x
def first_const():
    return "text"
lam = lambda: "lambda text"
print(repr(documented.__doc__), plain.__doc__, first_const.__doc__, lam.__doc__)
documented.__doc__ = "changed"
print(documented.__doc__, documented(3))
del documented.__doc__
print(documented.__doc__)
"""

CASES["global_cache_many_names"] = """\
g0 = g1 = g2 = g3 = g4 = g5 = g6 = g7 = g8 = g9 = 0
for i in range(1, 4):
    print(" ".join([str(i * j).rjust(2) for j in range(1, 4)]))
    globals_grow = [len(str(k)) for k in range(i)]
    extra = "str"
print(len([str(x) for x in range(50)]), extra)
"""

def c_string(s):
    out = []
    for ch in s:
        if ch == '\\':
            out.append('\\\\')
        elif ch == '"':
            out.append('\\"')
        elif ch == '\n':
            out.append('\\n"\n    "')
        elif ord(ch) < 0x20:
            out.append('\\x%02x' % ord(ch))
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, src in CASES.items():
            path = os.path.join(tmp, name + '.py')
            with open(path, 'w') as f:
                f.write(src)
            r = subprocess.run([sys.executable, path], capture_output=True, text=True)
            rows.append('VM_CASE(%s,\n    %s,\n    %s,\n    %s,\n    %d)\n' % (
                name, c_string(src), c_string(r.stdout.replace(path, '@FILE@')),
                c_string(r.stderr.replace(path, '@FILE@')), r.returncode))
    with open(os.path.join(here, 'vm_cases.inc'), 'w') as f:
        f.write('/* tests/unit/vm_cases.inc — generated by gen_vm_cases.py with CPython %s; do not '
                'edit.\n * VM_CASE(name, source, stdout, stderr, exit status) */\n'
                % sys.version.split()[0])
        f.write('\n'.join(rows))


main()
