#!/bin/sh
# tests/unit/parser_cases/regen.sh — regenerates the expected outputs of the parser suite with
# CPython 3.11 (the oracle). Run from anywhere: sh tests/unit/parser_cases/regen.sh
#   snippets.txt, eval.txt, single.txt  cases separated by a line "@@@@"; for each, the
#       *.expected file holds ast.dump(tree, indent=2), a line "----", ast.dump(tree,
#       include_attributes=True), then "@@@@" — or, when CPython rejects the case, one line
#       "ERROR<TAB>type<TAB>msg<TAB>lineno<TAB>offset<TAB>end_lineno<TAB>end_offset".
#   errors.txt  cases separated by "@@@@"; errors.expected holds one ERROR line per case.
#   program.py, positions.py  whole modules; NAME.ast = ast.dump(indent=2), NAME.pos = the
#       dump with include_attributes=True.
# pyrena's own messages (async, await, match) are in test_parser.c. compare.py / compare.c
# compare the parser with CPython on random mutations of these cases or on the stdlib.
set -e
cd "$(dirname "$0")"
python3 - <<'PY'
import ast, sys
assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

def error_line(e):
    end_l = e.end_lineno if e.end_lineno is not None else 0
    end_o = e.end_offset if e.end_offset is not None else 0
    return "ERROR\t%s\t%s\t%s\t%s\t%s\t%s" % (type(e).__name__, e.msg, e.lineno or 0,
                                            e.offset or 0, end_l, end_o)

def expect(src, mode):
    try:
        tree = compile(src, "t.py", mode, ast.PyCF_ONLY_AST)
    except SyntaxError as e:
        return error_line(e)
    return ast.dump(tree, indent=2) + "\n----\n" + ast.dump(tree, include_attributes=True)

def cases(name):
    with open(name, encoding="utf-8") as f:
        return f.read().split("\n@@@@\n")

for name, mode in (("snippets.txt", "exec"), ("eval.txt", "eval"), ("single.txt", "single")):
    out = [expect(c, mode) for c in cases(name)]
    with open(name.replace(".txt", ".expected"), "w", encoding="utf-8") as f:
        f.write("\n@@@@\n".join(out) + "\n")

lines = []
for c in cases("errors.txt"):
    try:
        compile(c, "t.py", "exec", ast.PyCF_ONLY_AST)
        sys.exit("errors.txt: CPython accepts %r" % c)
    except SyntaxError as e:
        lines.append(error_line(e))
with open("errors.expected", "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")

for py in ("program.py", "positions.py"):
    with open(py, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    with open(py[:-3] + ".ast", "w", encoding="utf-8") as f:
        f.write(ast.dump(tree, indent=2) + "\n")
    with open(py[:-3] + ".pos", "w", encoding="utf-8") as f:
        f.write(ast.dump(tree, include_attributes=True) + "\n")
PY
