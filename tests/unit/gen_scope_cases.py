#!/usr/bin/env python3
"""Writes tests/unit/scope_cases.inc: CPython 3.11 is the oracle for scope analysis.

For each program below it records CPython's AST (in the text of tests/unit/ast_reader.h) and
either what the symtable module reports (block by block: type, name, line, nested, parameters,
then every symbol with its scope and raw flags) or the SyntaxError compile() raises (message,
lineno, offset, end_lineno, end_offset). tests/unit/test_scope.c prints pyrena's table in the
same layout and compares. Run it with CPython 3.11 after editing CASES:

    python3 tests/unit/gen_scope_cases.py > tests/unit/scope_cases.inc
    python3 tests/unit/gen_scope_cases.py --random 1 80 > tests/unit/scope_random.inc

The second file holds random programs that mix names, nested blocks, global, nonlocal, :=,
comprehensions, super and mangled names; with another seed and a larger count it is a
differential test of any size (point test_scope.c's #include at the output to run it).
"""
import ast
import random
import sys
import _symtable

assert sys.version_info[:2] == (3, 11), "expectations must come from CPython 3.11"

CASES = [
    # --- plain blocks ---
    "x = 1\nprint(x, y)\n",
    "def f(a, b=1, *args, c, d=2, **kw):\n    return a + b + c + d + len(args) + len(kw) + g\n",
    "def f(a, /, b, *, c):\n    pass\n",
    "def f(x):\n    del x\n    y += 1\n    (z, *w) = 1, 2\n    return q\n",
    "for i in range(3):\n    j = i\nelse:\n    k = 0\nwhile n:\n    break\n",
    "import os, a.b.c, d as e\nfrom . import (m, n as o)\nfrom p.q import r\nfrom s import *\n",
    "try:\n    pass\nexcept E as err:\n    h = err\nelse:\n    o = 1\nfinally:\n    fin = 2\n",
    "with open(f) as fh, g() as (u, v):\n    data = fh.read()\n",
    "assert x, msg\nraise E from c\nraise\nif t:\n    a = b[1:2:3]\nelse:\n    a = {k: v, **d}\n",
    "s = f'{a!r:>{width}} {b.c}'\nt = {*p, q}\nu = -v if w else not z\n",
    # --- closures ---
    "def f():\n    x = 1\n    def g():\n        return x\n    return g\n",
    "def f():\n    x = 1\n    def g():\n        def h():\n            return x\n        return h\n    return g\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    g()\n    return x\n",
    "def f(x):\n    def g():\n        global x\n        x = 1\n    return lambda: x\n",
    "x = 0\ndef f():\n    global x\n    x = 1\n    def g():\n        return x\n",
    "def f():\n    global x\n    def g():\n        x = 1\n        def h():\n            return x\n",
    "def outer():\n    v = 1\n    class C:\n        v = 2\n        def m(self):\n            return v\n    return C\n",
    "def outer():\n    v = 1\n    class C:\n        w = v\n    return C\n",
    "def outer():\n    v = 1\n    class C:\n        global v\n        def m(self):\n            return v\n",
    "def f():\n    a = 1\n    class C:\n        nonlocal a\n        a = 2\n",
    "def f(*args, **kwargs):\n    def g():\n        return args, kwargs\n    return g\n",
    "def f():\n    return (lambda x, y=z: x + y + w)\n",
    "lambda: (yield)\n",
    "def gen():\n    yield 1\n    x = yield from other()\n",
    "def f(a=lambda: b, *, c=lambda: d):\n    pass\n",
    "@dec(lambda: q)\ndef f(x: int = 3, *a: A, k: K, **kw: KW) -> R:\n    pass\n",
    "@dec\nclass C(B, metaclass=M, **kw):\n    x: int\n    y: int = 1\n    (z): int\n    self.a: int = 2\n",
    "def f():\n    x: int\n    y: int = 1\n    z.w: int\n    return x\n",
    # --- classes, super, mangling ---
    "class C:\n    __x = 1\n    def m(self, __y):\n        return super().f(__x, self.__z, __dunder__)\n    def g(self):\n        return lambda: __class__\n",
    "class _:\n    __a = 1\nclass __B:\n    __c = 2\nclass C:\n    import __mod\n    def __f(self): pass\n",
    "class A:\n    class B:\n        __x = 1\n        def m(self):\n            return __x\n    __y = 2\n",
    "class C:\n    def f(self):\n        class D:\n            def g(self):\n                return super()\n        return super()\n",
    "def f():\n    class C:\n        x = 1\n        def m(self):\n            return x\n    x = 2\n    return C\n",
    # --- comprehensions ---
    "xs = [x * y for x in range(3) for y in zs if x if y]\n",
    "s = {x for x in a}\nd = {k: v for k, v in items}\ng = (e for e in es)\n",
    "def f(n):\n    return [[i * j for j in range(n)] for i in range(n)]\n",
    "def f():\n    y = 1\n    return [x + y for x in z]\n",
    "class C:\n    a = 1\n    b = [a for _ in range(3)]\n    c = [x for x in a]\n",
    "def f():\n    return [(lambda: x) for x in range(3)]\n",
    # --- assignment expressions ---
    "if (n := len(a)) > 10:\n    pass\n",
    "def f():\n    [[(k := j) for j in i] for i in z]\n    return [y := 1 for q in r], y\n",
    "x = [(w := 2) for a in b]\n",
    "def f():\n    global g\n    [g := 1 for i in r]\n",
    "def f():\n    def h():\n        [v := 1 for i in r]\n    v = 0\n",
    "def f():\n    [(y := i) for i in r]\n    def g():\n        return y\n",
    "lambda: [(z := 1) for q in r]\n",
    "def f():\n    return {(k := 1): (v := 2) for i in r}\n",
    # --- globals and nonlocals ---
    "def f():\n    global a, b\n    a = b\n",
    "def f():\n    global x\n    global x\n    x = 1\n",
    "global x\nx = 1\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        def h():\n            nonlocal x\n            x = 3\n",
    "def f():\n    def g():\n        return x\n    x = 1\n",
    "def f(a):\n    def g():\n        a = 2\n        def h():\n            return a\n",
    # --- errors from symtable ---
    "nonlocal x\n",
    "x = 'é'; nonlocal y\n",
    "def f():\n    nonlocal x\n",
    "def f():\n    x = 1\n    class C:\n        def g():\n            nonlocal x\n            x = 2\n",
    "class C:\n    nonlocal x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
    "def f(x):\n    global x\n",
    "def f(x):\n    nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "def f():\n    x: int\n    global x\n",
    "def f():\n    global x\n    x: int = 3\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int\n",
    "def f(a, b, a): pass\n",
    "lambda a, *, a: 1\n",
    "def f(*a, **a): pass\n",
    "class C:\n    def m(self, __a, _C__a): pass\n",
    "[(yield) for x in y]\n",
    "def f():\n    {(yield) for x in y}\n",
    "def f():\n    {x: (yield) for x in y}\n",
    "def f():\n    ((yield from z) for x in y)\n",
    "[x := 0 for x in range(3)]\n",
    "[[(x := 0) for y in z] for x in w]\n",
    "def f():\n    [i for i, j in z if (j := 1)]\n",
    "def f():\n    [0 for i in x if (j := i) for j in y]\n",
    "[i for i in (j := [1])]\n",
    "def f():\n    [0 for i in y for j in [w for w in (k := [1])]]\n",
    "[[x for x in y] for y in (lambda: (z := 1))()]\n",
    "class C:\n    [(j := i) for i in range(3)]\n",
    "def f():\n    from os import *\n",
    "class C:\n    from os import *\n",
    "def f():\n    global x\n    [x := 1 for i in y]\n    nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        [x := 2 for y in z]\n        nonlocal x\n",
    "def f():\n    global x\n    def g():\n        nonlocal x\n",
    "class C:\n    def f(self):\n        nonlocal __x\n",
    # --- errors from the compiler, which scope analysis reports ---
    "return 1\n",
    "x = 1\nclass C:\n    return x\n",
    "x = 'é'; return 1\n",
    "yield 1\n",
    "class C:\n    yield\n",
    "f(*[x for x in (yield)])\n",
    "def f(a=(yield)): pass\n",
    "break\n",
    "for x in y:\n    pass\nelse:\n    break\n",
    "while 1:\n    def f():\n        continue\n",
    "for i in range(3):\n    class C:\n        break\n",
    "continue\n",
    "try:\n    pass\nfinally:\n    continue\n",
    "while 1:\n    try:\n        pass\n    finally:\n        continue\nwhile 2:\n    for x in y:\n        pass\n    else:\n        break\n",
    "return 1\ndef f(a, a): pass\n",
    # several block errors: the first in the order of CPython's compiler wins
    "try:\n    pass\nexcept:\n    break\nelse:\n    return\n",
    "def f(x: (yield)=(yield 1), *, y=(yield 2)): pass\n",
    "@(yield 3)\ndef f(a=(yield 4)): pass\n",
    "x[(yield 1)] = (yield 2)\n",
    "x: (yield 1) = (yield 2)\n",
    "x[(yield 5)]: (yield 1)\n",
    "for x[(yield 1)] in (yield 2): pass\n",
    "f(a=(yield 1), *(yield 2))\n",
    "{(yield 1): (yield 2), **(yield 3)}\n",
    "x[(yield 1)] += (yield 2)\n",
    "def f(a: (yield 1), /, b: (yield 2), *c: (yield 3), d: (yield 4), **e: (yield 5)): pass\n",
    "class C((yield 1)):\n    return\n",
    "@(yield 2)\nclass C((yield 1)):\n    return\n",
    "(yield (yield 1))\n",
    "[x for x in (yield 1)] + [(yield 2) for y in z]\n",
    "lambda: (yield 1)\nbreak\n",
    "def f():\n    x: (yield) = 1\n    break\n",
    "class C:\n    __p = [(__p := 1) for __p in y]\n",
    "break\nreturn 2\n",
    # --- the other modes: (source, mode) ---
    ("lambda x: [y for y in x] + z", "eval"),
    ("(yield)", "eval"),
    ("global x; x = 1\n", "single"),
    ("def f():\n    return g\n\n", "single"),
    ("return 3\n", "single"),
]

# --- random programs: names, blocks and bindings mixed at random (--random SEED COUNT) ---
NAMES = ['x', 'y', 'z', '__p', 'super', '__class__', 'a', 'i']


def rexpr(r, d=0):
    """A random expression; below depth 3 it may open comprehensions, lambdas, := and yield."""
    n, sub = r.choice(NAMES), (lambda: rexpr(r, d + 1))
    forms = [
        lambda: n,
        lambda: '1',
        lambda: '[%s for %s in %s if %s]' % (sub(), n, sub(), sub()),
        lambda: '(lambda %s=%s: %s)' % (n, sub(), sub()),
        lambda: '(%s := %s)' % (n, sub()),
        lambda: '{%s: %s for %s, %s in %s}' % (sub(), sub(), n, r.choice(NAMES), sub()),
        lambda: '(%s for %s in %s for %s in %s)' % (sub(), n, sub(), r.choice(NAMES), sub()),
        lambda: '%s(%s)' % (n, sub()),
        lambda: '(yield %s)' % sub(),
        lambda: 'super().m(%s)' % sub(),
        lambda: '{%s for %s in %s}' % (sub(), n, r.choice(NAMES)),
        lambda: '%s.__q + %s' % (n, sub()),
    ]
    return forms[r.randrange(len(forms) if d < 3 else 2)]()


def rblock(r, ind, d):
    """1-3 random statements indented by ind; below depth 3 they may open blocks."""
    out, p = [], ' ' * ind
    for _ in range(r.randrange(1, 4)):
        n = r.choice(NAMES)
        k = r.randrange(11 if d < 3 else 6)
        simple = ['%s = %s' % (n, rexpr(r)), 'global ' + n, 'nonlocal ' + n, rexpr(r),
                  'return ' + rexpr(r), 'del ' + n]
        if k < len(simple):
            out.append(p + simple[k])
            continue
        if k == 10:
            out.append(p + (('import %s.b as %s' % (r.choice(NAMES), n)) if r.random() < .5
                            else 'from m import ' + n))
            continue
        out.append(p + [
            'def %s(%s, *args, %s_k=%s, **kw):' % (n, r.choice(NAMES), r.choice(NAMES), rexpr(r)),
            'class %s(%s):' % (n.strip('_') or 'C', rexpr(r)),
            'for %s in %s:' % (n, rexpr(r)),
            'try:\n%s    pass\n%sexcept E as %s:' % (p, p, n),
        ][k - 6])
        out += rblock(r, ind + 4, d + 1)
    return out


def random_cases(seed, count):
    """count random programs that parse (about a quarter of them are free of errors)."""
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        src = '\n'.join(rblock(rng, 0, 0)) + '\n'
        try:
            ast.parse(src)
        except SyntaxError:
            continue
        out.append(src)
    return out


def esc(text):
    """A string for ast_reader: \\ and " escaped, bytes outside printable ASCII as \\xHH."""
    out = []
    for b in text.encode('utf-8', 'surrogatepass'):
        c = chr(b)
        if c in '\\"':
            out.append('\\' + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append('\\x%02x' % b)
    return '"' + ''.join(out) + '"'


def const(v):
    if v is None:
        return '#N'
    if v is True:
        return '#T'
    if v is False:
        return '#F'
    if v is Ellipsis:
        return '#E'
    if isinstance(v, int):
        return '#i%d' % v if -2**63 <= v < 2**63 else '#I' + esc(str(v))
    if isinstance(v, float):
        return '#f' + repr(v)
    if isinstance(v, complex):
        return '#c' + repr(v.imag)
    if isinstance(v, bytes):
        return '#b' + esc(v.decode('latin-1'))
    return '#s' + esc(v)


SINGLETONS = (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop)


def ser(v):
    if v is None:
        return '~'
    if isinstance(v, list):
        return '[' + ' '.join(ser(x) for x in v) + ']'
    if isinstance(v, SINGLETONS):
        return type(v).__name__
    if isinstance(v, ast.AST):
        parts = [type(v).__name__]
        if 'lineno' in v._attributes:
            parts.append('@%d,%d,%d,%d' % (v.lineno, v.col_offset, v.end_lineno, v.end_col_offset))
        for f in v._fields:
            val = getattr(v, f)
            parts.append(const(val) if isinstance(v, ast.Constant) and f == 'value' else ser(val))
        return '(' + ' '.join(parts) + ')'
    if isinstance(v, str):
        return esc(v)
    if isinstance(v, int):
        return str(v)
    raise TypeError(v)


FLAGS = ['DEF_GLOBAL', 'DEF_LOCAL', 'DEF_PARAM', 'DEF_NONLOCAL', 'USE', 'DEF_FREE',
         'DEF_FREE_CLASS', 'DEF_IMPORT', 'DEF_ANNOT', 'DEF_COMP_ITER']
SCOPES = {1: 'LOCAL', 2: 'GLOBAL_EXPLICIT', 3: 'GLOBAL_IMPLICIT', 4: 'FREE', 5: 'CELL'}
TYPES = {_symtable.TYPE_FUNCTION: 'function', _symtable.TYPE_CLASS: 'class',
         _symtable.TYPE_MODULE: 'module'}


def dump(t, ind=''):
    """The layout test_scope.c prints. Free names that only pass through a block (no flag of
    their own) come last, sorted: CPython adds them in the order of a set."""
    out = ['%s%s %s line %d%s' % (ind, TYPES[t.type], t.name, t.lineno,
                                  ' nested' if t.nested else '')]
    if t.varnames:
        out.append('%s  params: %s' % (ind, ' '.join(t.varnames)))
    syms = list(t.symbols.items())
    own = [(n, f) for n, f in syms if f & 2047]
    passing = sorted((n, f) for n, f in syms if not f & 2047)
    for n, f in own + passing:
        fl = '|'.join(FLAGS[i] for i in range(10) if f & (1 << i)) or '-'
        out.append('%s  %s: %s %s' % (ind, n, SCOPES[(f >> 11) & 15], fl))
    for c in t.children:
        out += dump(c, ind + '  ')
    return out


def c_str(text):
    """A C string literal, split after each newline."""
    pieces, cur = [], []
    for b in text.encode('utf-8'):
        c = chr(b)
        if c in '\\"':
            cur.append('\\' + c)
        elif c == '\n':
            cur.append('\\n')
            pieces.append(''.join(cur))
            cur = []
        elif 32 <= b < 127:
            cur.append(c)
        else:
            cur.append('\\%03o' % b)
    if cur or not pieces:
        pieces.append(''.join(cur))
    return '\n    '.join('"%s"' % p for p in pieces)


def main():
    cases = CASES
    if sys.argv[1:2] == ['--random']:
        cases = random_cases(int(sys.argv[2]), int(sys.argv[3]))
    print('/* tests/unit/scope_*.inc — generated by tests/unit/gen_scope_cases.py from CPython'
          ' %d.%d.%d; do not edit.' % sys.version_info[:3])
    print(' * SCOPE_OK(source, ast, expected) and SCOPE_ERR(source, ast, msg, lineno, offset,'
          ' end_lineno, end_offset). */')
    for case in cases:
        src, mode = case if isinstance(case, tuple) else (case, 'exec')
        tree = ser(ast.parse(src, 't.py', mode))
        try:
            compile(src, 't.py', mode)
        except SyntaxError as e:
            print('SCOPE_ERR(%s,\n    %s,\n    %s, %d, %d, %d, %d)' % (
                c_str(src), c_str(tree), c_str(e.msg), e.lineno, e.offset, e.end_lineno,
                e.end_offset))
            continue
        expected = '\n'.join(dump(_symtable.symtable(src, 't.py', mode))) + '\n'
        print('SCOPE_OK(%s,\n    %s,\n    %s)' % (c_str(src), c_str(tree), c_str(expected)))


if __name__ == '__main__':
    main()
