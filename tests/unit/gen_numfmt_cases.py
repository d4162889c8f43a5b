#!/usr/bin/env python3
"""Writes tests/unit/numfmt_cases.inc: expected results of CPython 3.11 for test_numfmt.c.

Run with CPython 3.11 from the repository root:  python3 tests/unit/gen_numfmt_cases.py
The output is deterministic (fixed seed); commit it together with any change to this script.
"""
import math
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "expected values must come from CPython 3.11"
random.seed(20240611)
OUT = "tests/unit/numfmt_cases.inc"

SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,_+-=<>^#%*!:;()/'&|~@$[]{}`")


def cstr(s):
    """A C string literal; octal escapes (never greedy, unlike \\x) and no trigraphs."""
    out = []
    for b in s.encode("utf-8", "surrogatepass"):
        c = chr(b)
        out.append(c if c in SAFE else "\\%03o" % b)
    return '"' + "".join(out) + '"'


def bits(x):
    return "0x%016xULL" % struct.unpack("<Q", struct.pack("<d", x))[0]


def outcome(fn):
    """(rc, text): rc 0 with the result, -1 ValueError, -2 OverflowError with the message.
    A result holding U+0000 cannot be a C string: it is marked rc 1 and left out."""
    try:
        r = fn()
        return (1 if "\0" in r else 0), r
    except ValueError as e:
        return -1, str(e)
    except OverflowError as e:
        return -2, str(e)


def rand_bits_double(finite=True):
    while True:
        x = struct.unpack("<d", struct.pack("<Q", random.getrandbits(64)))[0]
        if not finite or math.isfinite(x):
            return x


def decimalish():
    m = random.randint(0, 10 ** random.randint(1, 17))
    x = float("%de%d" % (m, random.randint(-25, 25)))
    return -x if random.random() < 0.3 else x


TRICKY = [0.1, 0.3, 1 / 3, 2.0 ** 53, 2.0 ** 53 + 2, 1e16, 1e15, 1e-5, 1e-4, 1.5e-5, 5e-324,
          1.7976931348623157e308, 123456789.123, -0.0, 0.0, math.inf, -math.inf, math.nan,
          0.1 + 0.2, 9.999999999999999e22, 1e23, 1e22, 123456789012345.0, 1234567890123456.8,
          2.2250738585072014e-308, 2.225073858507201e-308, 1.0, -1.0, 100.0, 1e100, 1e-100,
          0.0001, 0.00001, 12345678901234567890.0, 2.0 ** -1074, 2.0 ** 1023, 0.5, 2.5, 1e21,
          9007199254740993.0, 4.35, 0.015, 2.675, 1e300 * 10, 3.141592653589793,
          2.718281828459045, 1 / 7, 4.9406564584124654e-324, 6.103515625e-05, 1e-7, 1e17]

FLOAT_VALUES = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 2.675, 1234.5678, -1234.5678,
                1234567.891, 0.000123456, 1e-10, 1e16, 1.5e300, 5e-324, 1.7976931348623157e308,
                math.inf, -math.inf, math.nan, 123456789.0, 0.1, 1 / 3, -1e-7, 9.995, 99.5,
                999999.5, 1e6, -0.0001]
FLOAT_SPECS = ["", "<", ">10", "^12", "=12", "*^15", "0<10", "010", "+", " ", "-", "+010", " 08.2f",
               "z", "z.1f", "z.0f", "+z.2f", "#", "#.0f", "#.0e", "#g", "#.3g", ".0", ".1", ".3",
               ".12", ".17", "e", "E", ".0e", ".3e", ".20e", "f", "F", ".0f", ".2f", ".10f", ".30f",
               "g", "G", ".0g", ".1g", ".4g", ".15g", ".20g", "n", ".3n", "%", ".0%", ".1%", ",",
               ",.2f", "_.3f", ",e", "_g", "015,.2f", "0=15_", "x=20,.3f", "x<20,", "€^14.3", "😀>8",
               "020,", "+020,.1f", "0>10", "0^11.1f", "10.3%", ",%", "d", "c", "s", "x", "é", ".f",
               ",_", "_,", "20z", "abc", ".2147483648f", "99999999999999999999", "\U0001d7d8\U0001d7d9",
               "\u0661\u0660.\u0662f", ",n", "_n", "=^5", "+.3", " .0e", "-#.0f", "#.2%"]
INT_VALUES = [0, 1, -1, 7, 42, -42, 65, 255, -255, 1000, 1234, -1234, 12345678, -987654321,
              0x10FFFF, 0x110000, 2 ** 63 - 1, -2 ** 63, 2 ** 64, 10 ** 20, -(10 ** 30) - 7]
BIG_INTS = [2 ** 100 + 12345, 2 ** 1024, -(2 ** 1023), 2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 971,
            -(10 ** 308) * 17]
BIG_SPECS = ["", ",", "_x", "#o", "e", ".3g", "f", "c", "+050,", "%"]
INT_SPECS = ["", "d", "5", "<5", "^7", "=8", "+", " ", "-", "+08", "08", "0<8", "x<8", "€>9", "b",
             "#b", "o", "#o", "x", "#x", "X", "#X", "#010x", "#_x", "_x", "_b", "#_b", "_o", ",",
             "_", ",d", "_d", "015,", "0=15_", "+015,", "n", "08n", "c", "^5c", "+c", "#c", ",c",
             "_c", "e", ".2e", "f", ".1f", "g", "%", ",.2f", "G", "E", ".2", "z", "zd", "s", "é",
             "=^5", "#=12,", " #o", "-#X", "#20_b", "03", "0=5", "0^7", "\u0665"]
STRINGS = ["", "a", "hello", "héllo", "日本語", "a😀b", "xxxxxxxxxxxxxxxxxxxx"]
STR_SPECS = ["", "s", "5", "<6", ">6", "^7", "^8", "*^9", "0", "05", "0<5", "x>7.2", ".0", ".1",
             ".3s", "10.4", "€^11", "😀<4", "=5", "+", " ", "-", "z", "#", ",", "_", "d", "x", "é",
             ".", ",s", "+,", "abc", "\u0664", "1\u0660"]


def float_cases():
    rows = []
    for spec in FLOAT_SPECS:
        for x in random.sample(FLOAT_VALUES, 10):
            rows.append((x, spec) + outcome(lambda: format(x, spec)))
    for _ in range(500):
        x = random.choice([rand_bits_double(False), decimalish(), random.choice(TRICKY)])
        spec = random_float_spec()
        rows.append((x, spec) + outcome(lambda: format(x, spec)))
    return rows


def random_float_spec():
    s = ""
    if random.random() < 0.3:
        s += random.choice(["", "x", "*", "0", "é", " "]) + random.choice("<>^=")
    s += random.choice(["", "", "+", "-", " "])
    s += random.choice(["", "", "", "z"]) + random.choice(["", "", "#"])
    s += random.choice(["", "", "0"]) + random.choice(["", "", str(random.randint(1, 30))])
    s += random.choice(["", "", "", ",", "_"])
    s += random.choice(["", "", "." + str(random.randint(0, 25))])
    return s + random.choice(list("eEfFgGn%") + [""] * 4)


def int_cases():
    rows = []
    for spec in INT_SPECS:
        for v in random.sample(INT_VALUES, 9):
            rows.append((v, spec) + outcome(lambda: format(v, spec)))
    for v in BIG_INTS:
        for spec in BIG_SPECS:
            rows.append((v, spec) + outcome(lambda: format(v, spec)))
    for _ in range(250):
        v = random.randint(-10 ** random.randint(1, 40), 10 ** random.randint(1, 40))
        s = random.choice(["", "", "x<", "0>", "^"]) + random.choice(["", "+", " "])
        s += random.choice(["", "", "#"]) + random.choice(["", "0"])
        s += random.choice(["", str(random.randint(1, 40))]) + random.choice(["", "", ",", "_"])
        s += random.choice(list("bdoxXn") + ["", "e", "%"])
        rows.append((v, s) + outcome(lambda: format(v, s)))
    return rows


def pct_cases():
    fl, it, tx = [], [], []
    flag_sets = ["", "-", "+", " ", "#", "0", "-0", "+0", " 0", "#0", "-#", "+ ", "0-+#"]
    for x in FLOAT_VALUES:
        for conv in "eEfFgG":
            for _ in range(2):
                f = "%" + random.choice(flag_sets) + random.choice(["", "", "8", "15", "1"])
                f += random.choice(["", "", ".0", ".3", ".12", ".", ".25"]) + conv
                fl.append((x, f, f % x))
    for v in INT_VALUES + BIG_INTS[:1]:
        for conv in "diuoxX":
            for _ in range(2):
                f = "%" + random.choice(flag_sets) + random.choice(["", "", "8", "25", "1"])
                f += random.choice(["", "", ".0", ".5", ".30", "."]) + random.choice(["", "", "l"]) + conv
                it.append((v, f, f % v))
    for s in STRINGS:
        for conv in "sra":
            for _ in range(4):
                f = "%" + random.choice(flag_sets) + random.choice(["", "", "8", "12"])
                f += random.choice(["", "", ".0", ".2", ".5"]) + conv
                txt = {"s": str, "r": repr, "a": ascii}[conv](s)
                tx.append((txt, f, f % (s,)))
    return fl, it, tx


def parse_cases():
    texts = ["0", "-0", "+0.0", "1", "1.5", "-1.5", ".5", "5.", "1e5", "1E-5", "1e+5", "  1.25 ",
             "\t\n 3 \r\f\v", "1_000", "1_000.000_1", "1e1_0", "١٢٣.٤", "\u20031.5\u3000", "\xa02\x85",
             "inf", "-inf", "+inf", "Infinity", "-iNfInItY", "nan", "-nan", "+NaN", "1e308", "1e309",
             "-1e309", "1e-320", "1e-324", "2e-324", "3e-324", "-1e-400", "0e999999999999",
             "1e-99999999999999999999", "1e99999999999999999999",
             "0." + "0" * 400 + "1e400", "1" * 400 + "e-399", "0.1e-0000000000000000000000001",
             "2.2250738585072011e-308", "2.2250738585072012e-308", "1.7976931348623157e308",
             "1.7976931348623158e308", "1.7976931348623159e308", "9007199254740993",
             "9007199254740993.0000000000000001", "4.9406564584124654e-324",
             "2.4703282292062328e-324", "2.4703282292062327e-324", "123456789012345678901234567890",
             "", " ", "_1", "1_", "1__0", "1_.0", "1._0", "1e_1", "1_e1", "in_f", "\x1c1", "1\x001",
             "infinit", "infinityy", "nana", "1e", "1e+", "e5", ".", "-.", "+", "0x10", "1 2", "1,5",
             "١_٢", "--1", "+-1", "1e1.5", "nan(1)", "1.5f", "\u20071", "\x7f1"]
    for _ in range(120):
        x = random.choice([rand_bits_double(), decimalish()])
        texts.append(random.choice([repr(x), "%.20g" % x, "%.25e" % x, "%.40g" % x, str(x).upper()]))
    rows = []
    for t in texts:
        try:
            rows.append((t, 1, float(t)))
        except ValueError:
            rows.append((t, 0, 0.0))
    return rows


def halfway_cases():
    """Exact midpoints between neighbouring doubles (ties go to even), and just off them."""
    from decimal import Decimal, getcontext
    getcontext().prec = 2000
    rows = []
    for i in range(36):
        x = random.choice([rand_bits_double(), 5e-324 * random.randint(1, 9), decimalish() or 1.0])
        x = abs(x) if x != 0 else 1.0
        nxt = math.nextafter(x, math.inf)
        if not math.isfinite(nxt):
            continue
        mid = (Decimal(x) + Decimal(nxt)) / 2
        text = format(mid, "f") if abs(mid) > Decimal("1e-30") and abs(mid) < Decimal("1e30") else format(mid, "e")
        if i % 3 == 1:
            text = text + "0000001" if "e" not in text else text.replace("e", "0000001e")
        rows.append((text, 1, float(text)))
    return rows


def round_cases():
    vals = [0.5, 1.5, 2.5, -0.5, -2.5, 2.675, 0.125, 0.375, 1.005, 12345.6789, -12345.6789, 1e300,
            1.7976931348623157e308, 5e-324, 0.0, -0.0, math.inf, -math.inf, math.nan, 1 / 3, 1e22,
            123456789012345.67, 5.5e-10, 1e-320, 40.0, -40.0, 150.0, 250.0]
    nds = [0, 1, 2, 3, -1, -2, -3, 5, 16, 17, 20, 308, 323, 324, -308, -309, -400, 400, 10 ** 18]
    rows = []
    for x in vals:
        for nd in nds:
            rows.append((x, nd) + round_outcome(x, nd))
    for _ in range(150):
        x = random.choice([rand_bits_double(), decimalish()])
        nd = random.randint(-20, 20) if random.random() < 0.7 else random.randint(-330, 330)
        rows.append((x, nd) + round_outcome(x, nd))
    return rows


def round_outcome(x, nd):
    try:
        return 0, round(x, nd)
    except OverflowError:
        return -2, 0.0


def repr_cases():
    xs = list(TRICKY)
    while len(xs) < 450:
        xs.append(random.choice([rand_bits_double(), decimalish(), rand_bits_double()]))
    return [(x, repr(x)) for x in xs]


def int_digits(v, type_char):
    """|v| in the base the formatter asks for (pr_numfmt_int_base), hex in a random case."""
    base = {"b": "b", "o": "o", "x": "x", "X": "x"}.get(type_char, "d")
    text = format(abs(v), base)
    return text.upper() if base == "x" and random.random() < 0.5 else text


def main():
    w = []
    w.append("/* tests/unit/numfmt_cases.inc — generated by tests/unit/gen_numfmt_cases.py from")
    w.append(" * CPython %s; do not edit. Included by test_numfmt.c. */" % sys.version.split()[0])
    w.append("static const ReprCase repr_cases[] = {")
    for x, r in repr_cases():
        w.append("    {%s, %s}," % (bits(x), cstr(r)))
    w.append("};")
    w.append("static const FloatCase float_cases[] = {")
    for x, spec, rc, out in float_cases():
        if rc != 1:
            w.append("    {%s, %s, %d, %s}," % (bits(x), cstr(spec), rc, cstr(out)))
    w.append("};")
    w.append("static const IntCase int_cases[] = {")
    for v, spec, rc, out in [r for r in int_cases() if r[2] != 1]:
        w.append("    {%d, %s, %s, %d, %s}," % (v < 0, cstr(int_digits(v, spec[-1:])), cstr(spec), rc,
                                             cstr(out)))
    w.append("};")
    w.append("static const StrCase str_cases[] = {")
    for s in STRINGS:
        for spec in STR_SPECS:
            rc, out = outcome(lambda: format(s, spec))
            if rc != 1:
                w.append("    {%s, %s, %d, %s}," % (cstr(s), cstr(spec), rc, cstr(out)))
    w.append("};")
    fl, it, tx = pct_cases()
    w.append("static const PctFloatCase pct_float_cases[] = {")
    w += ["    {%s, %s, %s}," % (bits(x), cstr(f), cstr(o)) for x, f, o in fl]
    w.append("};")
    w.append("static const PctIntCase pct_int_cases[] = {")
    for v, f, o in it:
        w.append("    {%d, %s, %s, %s}," % (v < 0, cstr(int_digits(v, f[-1])), cstr(f), cstr(o)))
    w.append("};")
    w.append("static const PctTextCase pct_text_cases[] = {")
    w += ["    {%s, %s, %s}," % (cstr(t), cstr(f), cstr(o)) for t, f, o in tx]
    w.append("};")
    w.append("static const ParseCase parse_cases[] = {")
    for t, ok, x in parse_cases() + halfway_cases():
        w.append("    {%s, %d, %d, %s}," % (cstr(t), len(t.encode()), ok, bits(x)))
    w.append("};")
    w.append("static const RoundCase round_cases[] = {")
    for x, nd, rc, y in round_cases():
        w.append("    {%s, %dLL, %d, %s}," % (bits(x), nd, rc, bits(y)))
    w.append("};")
    with open(OUT, "w") as f:
        f.write("\n".join(w) + "\n")


if __name__ == "__main__":
    main()
