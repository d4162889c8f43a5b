#!/usr/bin/env python3
"""Writes a large, varied, valid Python 3.11 module (no async, no match) for the front-end
benchmark (bench/frontend_bench.c, bench/run.sh): functions with defaults, annotations and
closures, classes with methods and properties, comprehensions of every kind, f-strings, string,
bytes and number literals, try/except/finally, with, loops, lambdas, decorators, global and
nonlocal. Deterministic: the same size gives the same file.

    python3 bench/gen_frontend_input.py [MEGABYTES] > build/rel/bench/frontend_input.py
"""
import random
import sys

WORDS = ('alpha beta gamma delta epsilon zeta theta kappa lambda_ sigma omega total count '
         'items value result buffer index offset name data node left right parent child '
         'cache limit width height scale factor weight score label key record entry').split()


def name(rng):
    return rng.choice(WORDS) + ('_%d' % rng.randrange(100) if rng.random() < 0.4 else '')


def number(rng):
    return rng.choice([str(rng.randrange(1000)), '%d.%d' % (rng.randrange(100), rng.randrange(100)),
                       '0x%X' % rng.randrange(1 << 16), '1_000_000', '3.5e-3', '2j', '0o17', '0b1011'])


def string(rng):
    return rng.choice(["'hello, world'", '"tab\\there"', "'''triple\nquoted'''", "b'\\x00bytes'",
                       "r'raw\\d+'", "'caf\\u00e9'", "'naïve €'", '"%s-%d" % (a, b)'])


def expr(rng, depth=0):
    if depth > 2 or rng.random() < 0.3:
        return rng.choice([name(rng), number(rng), string(rng), 'None', 'True'])
    a, b = expr(rng, depth + 1), expr(rng, depth + 1)
    form = rng.choice([
        '%s + %s' % (a, b), '%s * (%s - 1)' % (a, b), '%s(%s, key=%s)' % (name(rng), a, b),
        '[%s, %s, *rest]' % (a, b), '{%s: %s, **extra}' % (a, b), '(%s if %s else %s)' % (a, b, a),
        '%s[1:-1:2]' % name(rng), '%s.%s.%s()' % (name(rng), name(rng), name(rng)),
        "f'{%s!r:>10} and {%s.%s:.2f} {{literal}}'" % (name(rng), name(rng), name(rng)), '[x * 2 for x in %s if x]' % a,
        '{k: v for k, v in %s.items()}' % name(rng), '{y for y in %s}' % a, 'sum(z for z in %s)' % a,
        '(lambda p, q=1: p + q)(%s)' % a, 'not %s or %s and %s' % (a, b, a), '%s is not None' % name(rng),
        '%s in (%s, %s)' % (a, a, b), '-%s ** 2 // 3 %% 7' % a, '%s << 2 | %s & 0xFF' % (a, b),
    ])
    return '(%s)' % form if depth else form


def function(rng, indent, depth=0):
    p = ' ' * indent
    fname = name(rng)
    out = ['%sdef %s(self, %s: int, %s=%s, *args, %s: str = "x", **kwargs) -> list:' % (
        p, fname, name(rng), 'opt', number(rng), 'flag')]
    out.append('%s    """%s the %s."""' % (p, fname, name(rng)))
    for _ in range(rng.randrange(3, 9)):
        out += statement(rng, indent + 4, depth)
    if depth < 1 and rng.random() < 0.3:
        out.append('%s    counter = 0' % p)
        out.append('%s    def inner(step=1):' % p)
        out.append('%s        nonlocal counter' % p)
        out.append('%s        counter += step' % p)
        out.append('%s        return counter, %s' % (p, expr(rng)))
    out.append('%s    return [%s for %s in range(10)]' % (p, expr(rng), name(rng)))
    return out


def statement(rng, indent, depth):
    p = ' ' * indent
    k = rng.randrange(12)
    if k == 0:
        return ['%sfor %s, %s in enumerate(%s):' % (p, name(rng), name(rng), expr(rng)),
                '%s    if %s:' % (p, expr(rng)), '%s        continue' % p,
                '%s    %s += %s' % (p, name(rng), expr(rng))]
    if k == 1:
        return ['%swhile %s:' % (p, expr(rng)), '%s    %s = %s' % (p, name(rng), expr(rng)),
                '%s    break' % p, '%selse:' % p, '%s    pass' % p]
    if k == 2:
        return ['%stry:' % p, '%s    %s = %s' % (p, name(rng), expr(rng)),
                '%sexcept (KeyError, ValueError) as err:' % p,
                '%s    raise RuntimeError(f"failed: {err}") from err' % p,
                '%sfinally:' % p, '%s    %s.close()' % (p, name(rng))]
    if k == 3:
        return ['%swith open(%s) as fh, %s:' % (p, string(rng), name(rng)),
                '%s    %s = fh.read()' % (p, name(rng))]
    if k == 4:
        return ['%sif (n := len(%s)) > %s:' % (p, name(rng), number(rng)),
                '%s    %s = %s' % (p, name(rng), expr(rng)), '%selif %s:' % (p, expr(rng)),
                '%s    pass' % p, '%selse:' % p, '%s    %s = n' % (p, name(rng))]
    if k == 5:
        return ['%s%s: dict[str, int] = {%s: %s}' % (p, name(rng), string(rng), number(rng))]
    if k == 6:
        return ['%sassert %s, %s' % (p, expr(rng), string(rng))]
    if k == 7:
        return ['%s%s, *%s = %s' % (p, name(rng), name(rng), expr(rng))]
    if k == 8:
        return ['%sself.%s[%s] = %s' % (p, name(rng), number(rng), expr(rng))]
    if k == 9 and depth < 1:
        return function(rng, indent, depth + 1)
    return ['%s%s = %s' % (p, name(rng), expr(rng))]


def klass(rng):
    cname = name(rng).title().replace('_', '')
    out = ['@dataclass(frozen=True)', 'class %s(Base, metaclass=Meta):' % cname,
           '    """A %s."""' % cname, '    __slots__ = (%s, %s)' % (string(rng), string(rng)),
           '    registry = {}', '']
    out += ['    def __init__(self, *args, **kwargs):',
            '        super().__init__(*args, **kwargs)', '        self.__secret = %s' % expr(rng), '']
    for _ in range(rng.randrange(2, 5)):
        out.append('    @property' if rng.random() < 0.3 else '    @staticmethod_like')
        out += function(rng, 4)
        out.append('')
    return out


def module_chunk(rng):
    k = rng.randrange(6)
    if k == 0:
        return ['import os, sys as system', 'from collections import (OrderedDict, deque as dq)',
                '']
    if k == 1:
        return ['GLOBAL_%d = %s' % (rng.randrange(1000), expr(rng)),
                'def setter(value):', '    global GLOBAL_STATE', '    GLOBAL_STATE = value',
                '    return lambda: GLOBAL_STATE', '']
    if k == 2:
        return ['TABLE = {'] + ['    %s: (%s, %s),' % (string(rng), number(rng), expr(rng))
                                for _ in range(rng.randrange(5, 20))] + ['}', '']
    if k in (3, 4):
        return klass(rng)
    return function(rng, 0) + ['']


def main():
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
    rng = random.Random(2024)
    lines, size = ['# generated by bench/gen_frontend_input.py', ''], 0
    while size < megabytes * 1e6:
        chunk = module_chunk(rng)
        lines += chunk
        size += sum(len(s.encode()) + 1 for s in chunk)
    sys.stdout.write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
