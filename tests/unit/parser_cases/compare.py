#!/usr/bin/env python3
"""Differential testing of pyrena's parser against CPython 3.11 (not part of the unit suite).
  python3 tests/unit/parser_cases/compare.py fuzz [SEED] [N]   random mutations of the cases
  python3 tests/unit/parser_cases/compare.py stdlib            every module of Python's stdlib
needs build/compare (see compare.c). Prints the cases whose dump or error differs."""
import ast, glob, os, random, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXE = os.environ.get("COMPARE_EXE", "build/compare")
SKIP = ("Async", "Await", "Match", "TryStar", "is not supported by pyrena", "\\N{")


def cpython(src, mode):
    try:
        t = compile(src, "t.py", {"e": "exec", "s": "single", "v": "eval"}[mode], ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        return "%s %s %s %s %s %s\n" % (type(e).__name__, e.msg, e.lineno, e.offset,
                                        e.end_lineno or 0, e.end_offset or 0)
    except (RecursionError, MemoryError, ValueError) as e:
        return type(e).__name__
    return ast.dump(t, indent=2) + "\n----\n" + ast.dump(t, include_attributes=True) + "\n"


def pyrena(cases):
    data = b"".join(m.encode() + s.encode("utf-8", "surrogatepass") + b"\0" for m, s in cases)
    r = subprocess.run([EXE], input=data, capture_output=True)
    if r.returncode:
        sys.exit("compare: crash\n" + r.stderr.decode(errors="replace")[-3000:])
    return [x.decode("utf-8", "replace") for x in r.stdout.split(b"\0")[:-1]]


def compare(cases, show=20):
    bad = 0
    for i in range(0, len(cases), 200):
        chunk = cases[i:i + 200]
        for (mode, src), mine in zip(chunk, pyrena(chunk)):
            want = cpython(src, mode)
            if mine != want and not any(x in want or x in mine for x in SKIP):
                bad += 1
                if bad <= show:
                    print("=== %s %r\n  pyrena:  %s\n  cpython: %s" % (mode, src[:300], mine[:300].rstrip(),
                                                               want[:300].rstrip()))
    print("%d/%d differ" % (bad, len(cases)))


def fuzz(seed, n):
    random.seed(seed)
    base = []
    for name in ("snippets.txt", "errors.txt"):
        base += open(os.path.join(HERE, name), encoding="utf-8").read().split("\n@@@@\n")
    base += open(os.path.join(HERE, "program.py"), encoding="utf-8").read().split("\n\n\n")
    pieces = ["(", ")", "[", "]", "{", "}", ":", ",", "=", "==", ".", "*", "**", "if", "else",
              "for", "in", "not", "lambda", "yield", "x", "1", '"s"', "f'{x}'", "\n", "\n    ",
              " ", "def", "class", "return", "import", "as", "and", ":=", "->", "@", "del", "+",
              "-", "try", "except", "with", "while", ";", "\\\n", "#c"]
    cases = []
    for _ in range(n):
        t = re.findall(r"\w+|\s+|\"[^\"\n]*\"|'[^'\n]*'|.", random.choice(base))
        for _ in range(random.randint(1, 3)):
            if not t:
                break
            k, r = random.randrange(len(t)), random.random()
            if r < 0.3:
                del t[k]
            elif r < 0.6:
                t.insert(k, random.choice(pieces))
            elif r < 0.8:
                t[k] = random.choice(pieces)
            else:
                j = random.randrange(len(t))
                t[k], t[j] = t[j], t[k]
        cases.append((random.choice("eeeeesv"), "".join(t)))
    compare(cases)


def stdlib():
    lib = os.path.dirname(os.__file__)
    cases = []
    for f in sorted(glob.glob(lib + "/*.py") + glob.glob(lib + "/*/*.py")):
        try:
            src = open(f, encoding="utf-8").read()
            ast.parse(src)
        except Exception:
            continue
        cases.append(("e", src))
    compare(cases)


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")
    if len(sys.argv) > 1 and sys.argv[1] == "stdlib":
        stdlib()
    else:
        fuzz(int(sys.argv[2]) if len(sys.argv) > 2 else 1, int(sys.argv[3]) if len(sys.argv) > 3 else 3000)
