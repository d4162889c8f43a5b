#!/usr/bin/env python3
"""tools/lexer_oracle.py — compares pyrena's lexer with CPython 3.11 on source files.

For each input it runs tools/lexdump (built from the tree, see its header) and python3 on the
same file. Where CPython reports a SyntaxError that its tokenizer produced, the lexer must report
the same type, message, line and columns; where CPython's tokenizer is happy, the lexer must give
the token stream of the C tokenizer (derived from the `tokenize` module: NL and COMMENT dropped,
NEWLINE/INDENT/DEDENT/ENDMARKER placed as the C tokenizer places them, columns in bytes).

Usage: lexer_oracle.py LEXDUMP FILE...        prints one line per disagreement, exits 1 if any
       lexer_oracle.py LEXDUMP --fuzz N SEED  mutates built-in seeds N times and compares
"""
import io
import os
import random
import subprocess
import sys
import tempfile
import tokenize

LEXER_MESSAGES = (
    "unterminated string literal", "unterminated triple-quoted string literal", "was never closed",
    "unmatched '", "closing parenthesis", "too many nested parentheses", "invalid decimal literal",
    "invalid hexadecimal literal", "invalid octal literal", "invalid binary literal",
    "invalid imaginary literal", "invalid digit", "leading zeros", "invalid character",
    "invalid non-printable character", "unexpected character after line continuation",
    "unexpected EOF while parsing", "unindent does not match", "too many levels of indentation",
    "inconsistent use of tabs", "source code cannot contain null bytes", "Non-UTF-8 code",
    "encoding problem",
)

HOOK = r'''
import sys
def hook(t, e, tb):
    if isinstance(e, SyntaxError):
        print("SYNTAXERROR", type(e).__name__, e.lineno, e.offset, e.end_lineno, e.end_offset,
              (e.msg or "").encode().hex() or "-")
    else:
        print("RUNTIME")
sys.excepthook = hook
'''


def cpython(path, hookdir):
    """('ok',) if the file compiles, else ('error', type, lineno, offset, end_lineno, end_offset, msg)."""
    env = dict(os.environ, PYTHONPATH=hookdir)
    r = subprocess.run([sys.executable, "-W", "ignore", "-X", "utf8", path], capture_output=True,
                       env=env, timeout=20, cwd=os.path.dirname(path) or ".")
    out = r.stdout.decode("utf-8", "replace").strip().splitlines()
    for line in out:
        if line.startswith("SYNTAXERROR"):
            f = line.split()
            msg = bytes.fromhex(f[6]).decode() if f[6] != "-" else ""
            nums = [("0" if v == "None" else v) for v in f[2:6]]
            return ("error", f[1], *nums, msg)
    return ("ok",)


def ours(lexdump, path):
    r = subprocess.run([lexdump, path], capture_output=True, timeout=20)
    if r.returncode != 0:
        return None, "lexdump crashed: %s" % r.stderr.decode("utf-8", "replace")[:2000]
    toks, err = [], None
    for line in r.stdout.decode().splitlines():
        f = line.split()
        if f[0].startswith("ERROR"):
            err = (f[1], f[2], f[3], f[4], f[5], bytes.fromhex(f[6]).decode())
            guessed = f[0] == "ERROR-GUESSED"

        else:
            text = bytes.fromhex(f[6]) if f[6] != "-" else b""
            toks.append((f[1], int(f[2]), int(f[3]), int(f[4]), int(f[5]), text))
    return (toks, err, err is not None and guessed), None


def c_kind(tok):
    if tok.type == tokenize.OP:
        return "'%s'" % tok.string
    if tok.type == tokenize.NAME:
        import keyword
        return "'%s'" % tok.string if keyword.iskeyword(tok.string) else "NAME"
    return tokenize.tok_name[tok.type]


def expected_tokens(src):
    """The C tokenizer's stream, from the tokenize module."""
    lines = src.split(b"\n")
    nlines = len(lines) - (1 if src.endswith(b"\n") else 0)
    if src.startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]

    def bcol(row, col):
        if row - 1 >= len(lines):
            return col
        return len(lines[row - 1].decode("utf-8", "replace")[:col].encode())

    out, prev = [], None
    last = max(nlines, 1)
    for t in tokenize.tokenize(io.BytesIO(src).readline):
        if t.type in (tokenize.ENCODING, tokenize.NL):
            prev = t
            continue
        if t.type == tokenize.COMMENT:
            prev = t
            continue
        (r1, c1), (r2, c2) = t.start, t.end
        kind = c_kind(t)
        if t.type == tokenize.NEWLINE:
            s = bcol(r1, c1)
            start = s
            if prev is not None and prev.type == tokenize.COMMENT and prev.start[0] == r1:
                start = bcol(r1, prev.start[1])
            text = lines[r1 - 1][start:s]
            out.append(("NEWLINE", r1, start, r1, s, text))
        elif t.type == tokenize.INDENT:
            out.append(("INDENT", r1, bcol(r2, c2), r1, bcol(r2, c2), b""))
        elif t.type in (tokenize.DEDENT, tokenize.ENDMARKER):
            if r1 > nlines:
                out.append((kind, last, 0, last, 0, b""))
            else:
                out.append((kind, r1, bcol(r1, c1), r1, bcol(r1, c1), b""))
        else:
            out.append((kind, r1, bcol(r1, c1), r2, bcol(r2, c2), t.string.encode()))
        prev = t
    # INDENT and DEDENT sit where the next token starts (the tokenize module puts an INDENT
    # on the line holding the indentation, which differs after a backslash continuation)
    for i in range(len(out) - 1, -1, -1):
        if out[i][0] in ("INDENT", "DEDENT") and i + 1 < len(out) and out[i + 1][0] != "ENDMARKER":
            nxt = out[i + 1]
            out[i] = (out[i][0], nxt[1], nxt[2], nxt[1], nxt[2], b"")
    return out


def compare(lexdump, path, hookdir):
    src = open(path, "rb").read()
    res, crash = ours(lexdump, path)
    if crash:
        return crash
    toks, err, guessed = res
    cp = cpython(path, hookdir)
    lexer_error = cp[0] == "error" and not cp[6].startswith("f-string")
    if lexer_error and any(m in cp[6] for m in LEXER_MESSAGES):
        want = cp[1:]
        if err is None:
            return "CPython %r, lexer no error" % (want,)
        if err != tuple(want):
            line = src.split(b"\n")[int(want[1]) - 1] if int(want[1]) > 0 else b""
            if err[5] == want[5] and err[1] == want[1] and max(line, default=0) >= 0x80:
                return None  # CPython 3.11 counts these columns in bytes in a file; we in chars
            if guessed:
                return None  # how far CPython's parser read decides; lexdump only guesses
            if "was never closed" in want[5] and err[5] != want[5]:
                return None  # CPython's parser failed first, then found the open bracket
            return "CPython %r, lexer %r" % (want, err)
        return None
    if err is not None and err[5] == "invalid syntax" and cp[0] == "error":
        return None  # $ ? ! <> : CPython's parser fails there or earlier
    if err is not None:
        if cp[0] == "error":
            return None  # CPython's parser stopped first; the lexer may well fail later
        return "CPython compiles, lexer %r" % (err,)
    if b"\r" in src.replace(b"\r\n", b""):
        return None  # the tokenize module does not read a lone CR as a newline; CPython does
    try:
        want = expected_tokens(src)
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError, IndentationError) as e:
        return None if cp[0] == "error" else "tokenize module failed: %s" % e
    if toks != want:
        for i, (a, b) in enumerate(zip(toks, want)):
            if a != b:
                return "token %d: lexer %r, expected %r" % (i, a, b)
        return "lengths differ: lexer %d, expected %d" % (len(toks), len(want))
    return None


SEEDS = [
    b"if x:\n    y = 1.5e3 + 0x_ff # c\n    z = 'a\\'b'\nw = (1,\n  2)\n",
    b"def f(a, *b, **c) -> None:\n\treturn a @ b // c ** 2 >>= 3\n",
    b"x = [1, 2.,\n .5, 1e-3j, 0o17, 0b1_0]\ny = {'a': rb'\\d', f\"{x!r:>10}\": ...}\n",
    b'"""doc\nstring"""\nclass A(B):\n  pass\n\n\n  # c\nwhile True: break\n',
    b"x = 1 \\\n  + 2\nif (a and\n    b):\n        pass\nelse:\n        c ; d\n",
    b"lambda: (yield)\nasync def g(): await h()\nx := 3\nz = x if y else -~w\n",
    b"s = u'caf\xc3\xa9' + 'na\xc3\xafve'\n\xc3\xa9t\xc3\xa9 = 1\n",
    b"if a:\n\tif b:\n\t\tc = 1\n\telse:\n\t    d\n        e\n\f  f\n",
    b"x = '''a\\\nb\n''' + \"c\\\nd\" + r'\\' + b'\\x00'\ny = \"\"\"\"\"\"\n",
    b"class C:\n    def m(self):\n        return [i for i in (1, 2)\n                if i]\n  # x\n"
    b"    z = {\n}\n",
    b"n = 0x_1F + 0o_7 + 0b_1 + 1_0.0_1e-1_0 + 1e5j + .1_1 + 0.e1 + 1_2J\nm = 1if 1else 2\n",
]


def mutate(rng, src):
    src = bytearray(src)
    alphabet = b" \t\n\\\"'#()[]{}:0123456789abexjoOX_.+-*/<>=!$?@\f\r\x00\xc3\xa9\xe2\x82\xac"
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(3)
        i = rng.randrange(len(src) + 1)
        if op == 0 and src:
            del src[min(i, len(src) - 1)]
        elif op == 1:
            src[i:i] = bytes([rng.choice(alphabet)])
        else:
            j = rng.randrange(len(src) + 1)
            src[i:i] = src[j:j + rng.randint(1, 6)]
    return bytes(src)


def main(argv):
    lexdump = argv[1]
    hookdir = tempfile.mkdtemp()
    with open(os.path.join(hookdir, "sitecustomize.py"), "w") as f:
        f.write(HOOK)
    bad = 0
    if len(argv) > 2 and argv[2] == "--fuzz":
        rng = random.Random(int(argv[4]))
        tmp = os.path.join(hookdir, "t.py")
        for k in range(int(argv[3])):
            src = mutate(rng, rng.choice(SEEDS))
            with open(tmp, "wb") as f:
                f.write(src)
            why = compare(lexdump, tmp, hookdir)
            if why:
                bad += 1
                print("%r: %s" % (src, why))
    else:
        for path in argv[2:]:
            why = compare(lexdump, path, hookdir)
            if why:
                bad += 1
                print("%s: %s" % (path, why))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
