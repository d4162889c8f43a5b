#!/usr/bin/env python3
"""Writes tests/unit/compile_cases.inc: CPython 3.11 is the oracle for the bytecode compiler.

For each program below it records what CPython 3.11 compiles it to: the dis.dis() listing
(addresses of code objects masked as 0xADDR), the fields of every code object (depth first, in
the order dis recurses: qualname, argument counts, flags, co_stacksize, firstlineno, locals,
cells, frees, names, constants) and the position of every code unit (co_positions()).
tests/unit/test_compile.c prints pyrena's code objects the same way and compares. Run it with
CPython 3.11 after editing CASES:

    python3 tests/unit/gen_compile_cases.py > tests/unit/compile_cases.inc

Every program here compiles identically in pyrena; vm/assemble.c lists what does not (constant
folding beyond arithmetic, frozenset constants, the order of several cells).
"""
import dis
import io
import re
import sys

assert sys.version_info[:2] == (3, 11), "expectations must come from CPython 3.11"

CASES = [
    ("assign", "x = 1\ny = x\nx, y = y, x\na = b = c\n"),
    ("constants", "a = -1\nb = 2.5\nc = (1, 2, (3, 'a'))\nd = 10**30\ne = 'ab' * 3\nf = 7 // 2\n"
                  "g = None, True, False, ...\nh = 2 ** 100 * 2 ** 100\ni = 1 / 0\n"),
    ("displays", "w = [1, 2, 3]\nv = [a, b]\ns = {1, 2}\nd = {'a': 1, 'b': 2}\n"
                 "d2 = {k: v, **m}\nr = [*a, *b]\nt = (*a, 1)\ne = {}\nl = []\n"),
    ("operators", "t = a if b else c\nu = a and b or c\nv = not a\nw = -a + ~b * +c\n"
                  "x = a @ b % c ** d << e >> f | g ^ h & i // j / k\n"),
    ("compare", "a = x < y\nb = x < y < z\nc = x is None, x is not y, x in y, x not in y\n"
                "if a is None:\n    pass\nelif a is not None and b:\n    pass\n"),
    ("calls", "f()\nf(*args, **kw)\nf(a, *b, c=1)\ng(a, b=2, c=3)\no.m(1, k=2)\n"
              "o.m(*a)\nf(**k)\nf(a, **k, b=2)\n"),
    ("attributes", "o.x.y = 3\no[1:2] = o[::2]\ndel o.a, o[0], n\nq = o[a, b:c]\n"),
    ("augassign", "a += 1\no.b -= 2\no[i] *= 3\na //= 2\na **= 2\na @= b\na |= c\n"),
    ("annotations", "x: int = 5\ny: str\no.a: int\no[1]: int = 2\n"),
    ("unpack", "(a, b), *c = q\na, *b, c = d\n[a, b] = c\nfor x, y in z:\n    pass\n"),
    ("lambda", "lam = lambda x, *a, k=1, **kw: x + k\nl2 = lambda: (yield)\n"),
    ("fstring", "s = f'{x!r:>{w}} and {y}'\nt = f'{a}'\nu = f'{b!s}{c!a:3}'\n"),
    ("walrus", "if (n := len(a)) > 10:\n    print(n)\n"),
    ("imports", "import os\nimport os.path\nimport a.b.c as d\nfrom . import x\n"
                "from ..m import y as z, w\nfrom q import *\nos.getcwd()\n"),
    ("functions", "def f(a, b=1, *args, c, d=2, **kw):\n    'doc'\n    global G\n    G = a\n"
                  "    return a + b\ndef g(a, /, b, *, c) -> int:\n    return c\n"
                  "def h(x: int, *y: str, z: float = 1.0, **w: dict) -> None:\n    pass\n"),
    ("closures", "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        x += 1\n"
                 "        return x\n    return inner\ndef clos(a):\n    def g():\n        return a\n"
                 "    return g, [a for _ in a], lambda: a\n"),
    ("classes", "class C(B, metaclass=M):\n    '''doc'''\n    attr = 1\n    x: int = 2\n"
                "    def m(self):\n        return super().m()\n    def __p(self):\n"
                "        return self.__q\nclass D:\n    pass\n"),
    ("decorators", "@dec\n@dec2(1)\ndef decorated():\n    pass\n@cls_dec\nclass K:\n    pass\n"),
    ("generators", "def g(n):\n    for i in range(n):\n        if i % 2:\n            continue\n"
                   "        yield i\n    yield from other()\n    x = yield\n    return x\n"),
    ("comprehensions", "a = [x * 2 for x in range(n) if x]\nb = {y for y in n}\n"
                       "c = {k: v for k, v in n.items()}\nd = (z for z in n)\n"
                       "e = [i + j for i in a for j in b if i if j]\nf = [y for x in a for y in [x]]\n"),
    ("loops", "while n > 0:\n    n -= 1\n    if n == 5:\n        break\nelse:\n    print('done')\n"
              "for i in x:\n    if i:\n        continue\n    f(i)\nelse:\n    g()\n"
              "while True:\n    x = x + 1\n    if x > 10: break\n"),
    ("try_except", "try:\n    a()\nexcept (A, B):\n    b()\nexcept C as e:\n    raise D from e\n"
                   "except:\n    raise\nelse:\n    c()\n"),
    ("try_finally", "def f():\n    try:\n        return 1\n    finally:\n        cleanup()\n"
                    "def g(a):\n    try:\n        g()\n    except E as e:\n        h(e)\n"
                    "    finally:\n        k()\n    return a\n"),
    ("with", "with a:\n    pass\nwith open(f) as h, lock:\n    h.read()\n"
             "def f():\n    with a as (b, c):\n        return b\n"),
    ("unwinding", "def f(w):\n    for q in w:\n        try:\n            break\n        finally:\n"
                  "            z()\n    for q in w:\n        with q:\n            continue\n"
                  "    while w:\n        try:\n            return w.pop()\n        except E:\n"
                  "            pass\n"),
    ("raise_assert", "assert x, 'msg'\nassert y\nraise\nraise E\n"),
    ("del_global", "def f():\n    global g\n    del g\n    x = 1\n    del x\n"),
    ("big_call", "f(1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32)\n"),
    ("kwargs_call", "def kw(**k):\n    return f(a=1, **k, b=2)\n"),
    ("extended_arg", "".join("v%d = %d\n" % (i, i) for i in range(300)) + "if x:\n" +
                     "".join("    w%d = 1\n" % i for i in range(100)) + "f()\n"),
    ("multiline", "x = f(a,\n      b)\ny = (a +\n     b)\nz = o.\\\n    attr\n"),
    ("unicode", "s = 'é' * 3\nnaïve = 'ü'\nx = naïve.upper()\n"),
    ("ast_folding", "a = '%s and %r: %5s %-3a %.2s %%' % (x, y, z, w, v)\nb = '%200s' % (x,)\n"
                    "c = b'.'[0]\nd = b'ab' * 3 + b'c'\ne = not x in y\nif not a is b:\n    pass\n"
                    "for i in [a, b]:\n    pass\nf = x in [1, 2, 3]\ng = [q for q in [a, b]]\n"
                    "h = (1, 2)[1]\ni = -(2 ** 3)\nj = 'abc'[1:]\n"),
    ("local_order", "def f(a, *, b):\n    if a:\n        raise E(later)\n    later = first = 1\n"
                    "    def g():\n        return zeta, alpha\n    zeta = alpha = 2\n    return g\n"),
    ("returns", "def f(x):\n    if x:\n        return 0, 0\n    return -1\n"
                "def g(x):\n    'doc'\n    f(**x)\n    return 1\n"),
    ("docstring_only", "'module doc'\n"),
    ("empty", ""),
]


def mask(text):
    return re.sub(r"0x[0-9a-f]+", "0xADDR", text)


def code_objects(co):
    yield co
    for k in co.co_consts:
        if hasattr(k, "co_code"):
            yield from code_objects(k)


def const_repr(k):
    if hasattr(k, "co_code"):
        return "<code %s>" % k.co_name
    return mask(repr(k))


def fields(co):
    return ("%s argc=%d posonly=%d kwonly=%d flags=0x%x stack=%d first=%d locals=%s cells=%s "
            "frees=%s names=%s consts=%s\n" % (
                co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount,
                co.co_flags, co.co_stacksize, co.co_firstlineno, ",".join(co.co_varnames),
                ",".join(co.co_cellvars), ",".join(co.co_freevars), ",".join(co.co_names),
                "|".join(const_repr(k) for k in co.co_consts)))


def positions(co):
    def f(v):
        return "-" if v is None else str(v)
    return " ".join(":".join(f(v) for v in p) for p in co.co_positions()) + "\n"


def c_string(s):
    out = []
    for line in s.splitlines(keepends=True):
        b = line.encode("utf-8")
        lit = ""
        for ch in b:
            c = chr(ch)
            if c == "\\":
                lit += "\\\\"
            elif c == '"':
                lit += '\\"'
            elif c == "\n":
                lit += "\\n"
            elif 32 <= ch < 127:
                lit += c
            else:
                lit += "\\%03o" % ch
        out.append('"%s"' % lit)
    return "\n        ".join(out) if out else '""'


def main():
    print("/* Generated by tests/unit/gen_compile_cases.py from CPython %s: do not edit. */"
          % sys.version.split()[0])
    for name, src in CASES:
        co = compile(src, "t.py", "exec")
        buf = io.StringIO()
        dis.dis(co, file=buf)
        fl = "".join(fields(c) for c in code_objects(co))
        pos = "".join(positions(c) for c in code_objects(co))
        print("{\"%s\",\n        %s,\n        %s,\n        %s,\n        %s}," % (
            name, c_string(src), c_string(mask(buf.getvalue())), c_string(fl), c_string(pos)))


main()
