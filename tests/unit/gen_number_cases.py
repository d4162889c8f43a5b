#!/usr/bin/env python3
"""Writes tests/unit/long_cases.inc and float_cases.inc: CPython 3.11's results for test_long.c
and test_float.c.

Run with CPython 3.11 from the repository root:  python3 tests/unit/gen_number_cases.py
Deterministic; commit the output together with any change to this script.

Operands are written as "i:<decimal>", "f:<repr>" or "b:0"/"b:1" (False/True). Each expected
result is the repr of CPython's result, or "!<ExceptionName>: <message>". Where pyrena differs
on purpose (no complex type) the expected text is pyrena's and the case says so.
"""
import math
import sys

assert sys.version_info[:2] == (3, 11), "expected values must come from CPython 3.11"
NO_COMPLEX = "!ValueError: negative number cannot be raised to a fractional power"

INTS = [0, 1, -1, 2, -3, 7, 256, 257, -5, -6, 2**30 - 1, 2**30, -2**30, 2**62, 2**63 - 1,
        -2**63 - 1, 2**64 + 1, -(3**40), 10**30, 2**200 - 1]
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 7.25, 1e300, -1e-300, 2.0**53, math.inf,
          -math.inf, math.nan, 5e-324]
MIXED_INTS = [0, 1, -1, 3, -7, 2**53 + 1, 2**63, -2**200, 2**1024]
BOOLS = [False, True]

INT_OPS = ["+", "-", "*", "//", "%", "**", "/", "divmod", "<<", ">>", "&", "|", "^",
           "==", "!=", "<", "<=", ">", ">="]
FLOAT_OPS = ["+", "-", "*", "//", "%", "**", "/", "divmod", "==", "!=", "<", "<=", ">", ">="]


def operand(v):
    if isinstance(v, bool):
        return "b:%d" % v
    if isinstance(v, int):
        return "i:%d" % v
    return "f:" + repr(v)


def apply(op, a, b):
    if op == "divmod":
        return divmod(a, b)
    return eval("a %s b" % op, {"a": a, "b": b})


def too_big(op, a, b):
    """Results that would take CPython (and the test) long or a lot of memory."""
    if isinstance(a, int) and isinstance(b, int):
        if op == "**" and b > 0 and abs(a) > 1 and b * max(abs(a).bit_length(), 1) > 3000:
            return True
        if op == "<<" and b > 3000 and a != 0:
            return True
    return False


def outcome(fn):
    try:
        r = fn()
        if isinstance(r, complex) or (isinstance(r, tuple) and
                                      any(isinstance(x, complex) for x in r)):
            return NO_COMPLEX
        return repr(r)
    except Exception as e:
        return "!%s: %s" % (type(e).__name__, e)


def cstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def complex_power(a, b):
    """CPython goes to complex arithmetic for a negative base and a finite non-integral
    exponent: pyrena raises ValueError there, whatever complex would have done."""
    return (isinstance(b, float) and math.isfinite(b) and b != math.floor(b) and
            not (isinstance(a, float) and not math.isfinite(a)) and a < 0)


def binary_cases(values_a, values_b, ops, skip=lambda op, a, b: False):
    rows = []
    for a in values_a:
        for b in values_b:
            for op in ops:
                if too_big(op, a, b) or skip(op, a, b):
                    continue
                if op == "**" and complex_power(a, b):
                    rows.append((op, operand(a), operand(b), NO_COMPLEX))
                    continue
                rows.append((op, operand(a), operand(b), outcome(lambda: apply(op, a, b))))
    return rows


def float_involved(op, a, b):
    return not (isinstance(a, float) or isinstance(b, float))


def unary_rows(values):
    rows = []
    for v in values:
        rows.append(("-", operand(v), outcome(lambda: -v)))
        rows.append(("+", operand(v), outcome(lambda: +v)))
        rows.append(("abs", operand(v), outcome(lambda: abs(v))))
        rows.append(("bool", operand(v), outcome(lambda: bool(v))))
        rows.append(("int", operand(v), outcome(lambda: int(v))))
        rows.append(("float", operand(v), outcome(lambda: float(v))))
        rows.append(("repr", operand(v), outcome(lambda: str(v))))
        if not (isinstance(v, float) and math.isnan(v)):
            rows.append(("hash", operand(v), outcome(lambda: hash(v))))
        if isinstance(v, int):
            rows.append(("~", operand(v), outcome(lambda: ~v)))
            rows.append(("bit_length", operand(v), outcome(lambda: v.bit_length())))
            rows.append(("bit_count", operand(v), outcome(lambda: v.bit_count())))
            rows.append(("round", operand(v), outcome(lambda: round(v))))
            for nd in (-1, -2, -10):
                rows.append(("round%d" % nd, operand(v), outcome(lambda: round(v, nd))))
        else:
            rows.append(("is_integer", operand(v), outcome(lambda: v.is_integer())))
            rows.append(("as_integer_ratio", operand(v), outcome(lambda: v.as_integer_ratio())))
            rows.append(("round", operand(v), outcome(lambda: round(v))))
            rows.append(("floor", operand(v), outcome(lambda: math.floor(v))))
            rows.append(("ceil", operand(v), outcome(lambda: math.ceil(v))))
            rows.append(("trunc", operand(v), outcome(lambda: math.trunc(v))))
    return rows


PARSE_INT = [("0", 10), ("-0", 10), (" 42 ", 10), ("+17", 10), ("-17", 10), ("1_000_000", 10),
             ("1__0", 10), ("_1", 10), ("1_", 10), ("abc", 10), ("", 10), (" ", 10), ("+-1", 10),
             ("12a", 10), ("ff", 16), ("0xff", 16), ("0xFF", 0), ("0o17", 0), ("0b101", 0),
             ("010", 0), ("0", 0), ("00", 0), ("0_0", 0), ("z", 36), ("Z", 36), ("10", 2),
             ("12", 2), ("1", 1), ("1", 37), ("7", 8), ("0o7", 8), ("0x", 16),
             ("\u0661\u0662\u0663", 10), ("\u00a012\u2003", 10), ("\u00e9", 10),
             ("1" * 300, 10), ("9" * 4300, 10), ("9" * 4301, 10), ("1" * 3000, 16),
             ("1" * 5000 + "x", 10), ("x" * 5000, 10), ("1" * 3000 + "__" + "1" * 3000, 10),
             (" " + "0" * 5000 + " ", 10), ("1" * 5000, 36), ("1" * 5000, 0), ("0x" + "1" * 5000, 0),
             ("-" + "1_1" * 3000, 10),
             ("123456789012345678901234567890", 10), ("-" + "9" * 40, 10), ("x" * 250, 10),
             ("2147483648", 10), ("9223372036854775808", 10), ("-9223372036854775809", 10)]

PARSE_FLOAT = ["1.5", " -2.25 ", "1e10", "1E-5", "inf", "-Infinity", "nan", "+NaN", "1_000.5",
               "1__0", "abc", "", ".5", "5.", "1e", "0x10", "\u0661.\u0662", "1e400", "-1e-400",
               "\u00a03.5\u2003", "1.7976931348623157e308", "2.2250738585072014e-308"]

FORMATS = [(0, ""), (12345, ","), (-12345, "_d"), (255, "x"), (255, "#X"), (255, "b"),
           (255, "#o"), (8, "#b"), (-255, "#x"), (12345, ">10"), (12345, "<10d"), (12345, "^11"),
           (-42, "=+8"), (42, "+"), (42, " d"), (42, "08"), (42, "c"), (10**20, ","),
           (10**20, "e"), (7, ".2f"), (7, "%"), (2**100, "_x"), (65, "s"), (5, ".2"),
           (True, ""), (True, "d"), (1.5, ""), (1234.5678, ",.2f"), (1e20, ""), (0.1, ".3e"),
           (-0.0, "z.1f"), (1.5, "d"), (2.5, "^10.1f"), (math.inf, "+"), (math.nan, "10"),
           (12345.678, "_g"), (0.5, "%"), (1e-7, ".3g"), (123.0, "#.0f"), (3.0, "n")]


def parse_rows():
    rows = []
    for text, base in PARSE_INT:
        rows.append((text, base, outcome(lambda: int(text, base))))
    return rows


def header(name, user):
    return ["/* tests/unit/%s — generated by tests/unit/gen_number_cases.py from" % name,
            " * CPython %s; do not edit. Included by %s. */" % (sys.version.split()[0], user)]


def binary_table(name, rows):
    out = ["static const BinaryCase %s[] = {" % name]
    for op, a, b, r in rows:
        out.append("    {%s, %s, %s, %s}," % (cstr(op), cstr(a), cstr(b), cstr(r)))
    return out + ["};"]


def unary_table(name, values):
    out = ["static const UnaryCase %s[] = {" % name]
    for op, v, r in unary_rows(values):
        out.append("    {%s, %s, %s}," % (cstr(op), cstr(v), cstr(r)))
    return out + ["};"]


def format_table(values):
    out = ["static const FormatCase format_cases[] = {"]
    for v, spec in values:
        out.append("    {%s, %s, %s}," % (cstr(operand(v)), cstr(spec),
                                          cstr(outcome(lambda: format(v, spec)))))
    return out + ["};"]


def write(path, lines):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    rows_int = binary_cases(INTS, INTS, INT_OPS)
    rows_float = binary_cases(FLOATS + MIXED_INTS, FLOATS + MIXED_INTS, FLOAT_OPS, float_involved)
    rows_bool = binary_cases(BOOLS, BOOLS + [2, -3, 2**70, 0.5], INT_OPS,
                             lambda op, a, b: isinstance(b, float) and op in "<<>>&|^")
    rows_bool += binary_cases([2, -3, 0.5], BOOLS, ["+", "&", "|", "^", "-", "==", "<", "**"])
    out = header("long_cases.inc", "test_long.c")
    out += binary_table("int_binary_cases", rows_int)
    out += binary_table("bool_binary_cases", rows_bool)
    out += unary_table("int_unary_cases", INTS + BOOLS + [2**1024, -10**400])
    out.append("static const ParseCase parse_int_cases[] = {")
    for text, base, r in parse_rows():
        out.append("    {%s, %d, %s}," % (cstr(text), base, cstr(r)))
    out.append("};")
    out += format_table([(v, spec) for v, spec in FORMATS if isinstance(v, int)])
    write("tests/unit/long_cases.inc", out)

    out = header("float_cases.inc", "test_float.c")
    out += binary_table("float_binary_cases", rows_float)
    out += unary_table("float_unary_cases", FLOATS + [1e16, -1.5, 2.5, 0.1, 1e-320])
    out.append("static const ParseCase parse_float_cases[] = {")
    for text in PARSE_FLOAT:
        out.append("    {%s, 0, %s}," % (cstr(text), cstr(outcome(lambda: float(text)))))
    out.append("};")
    out += format_table([(v, spec) for v, spec in FORMATS if isinstance(v, float)])
    write("tests/unit/float_cases.inc", out)


main()
