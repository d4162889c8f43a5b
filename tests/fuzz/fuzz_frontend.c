/* tests/fuzz/fuzz_frontend.c — mutation fuzzing of the front end: source -> lexer/parser ->
 * scope analysis must always give a tree (and a symbol table or a SyntaxError) or a
 * SyntaxError, never crash, hang, leak or break its promises. Built and run by `make fuzz`
 * (`make SANITIZE=1 fuzz` for AddressSanitizer + UBSan + LeakSanitizer).
 *
 * Inputs: every .py file under tests/ and examples/, the programs of tests/unit/scope_cases.inc
 * and the seeds below. Each case takes one input and applies 1-8 random mutations: bit flips,
 * inserted bytes (biased to brackets, quotes, newlines, indentation, UTF-8), deleted and
 * duplicated spans, fragments of Python (keywords, operators, `global x`, `:=`...), lines and
 * splices from other inputs, deep nesting; and, in a third of the cases, only identifiers
 * swapped and whole lines moved between inputs, which more often keep the syntax valid. Case i is a
 * pure function of (seed, i): `-c I` re-runs it alone and `-o FILE` writes its input. Before each
 * case the input is saved to WORKDIR/fuzz-current.py, so a crash or an ASan report leaves the input
 * behind; a case that breaks a promise is saved as WORKDIR/fuzz-fail-<i>.py and the run goes on.
 *
 * Promises checked per case: the parser returns a tree or fills a SyntaxError with a message
 * and lineno >= 0 (text, when set, can be read); a tree is no deeper than
 * PR_AST_MAX_DEPTH and dumps; scope analysis returns a table or an error with a message;
 * everything taken from the raw layer is given back (pr_raw_stats); an alarm ends a case that
 * runs longer than the timeout. */
#include "lexer/syntax_error.h"
#include "memory/raw.h"
#include "parser/arena.h"
#include "parser/ast.h"
#include "parser/parser.h"
#include "parser/scope.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define FUZZ_MAX_INPUT (64 * 1024) /* mutated inputs are cut to this size */

/* ------------------------------------------------------------------------------------------- */
/* Inputs                                                                                       */

typedef struct Input {
    char *data; /* from pr_raw_malloc, or a literal when owned == 0 */
    size_t len;
    int owned;
} Input;

typedef struct Corpus {
    Input *items;
    size_t len, cap;
} Corpus;

static const char *const seeds[] = {
#define SCOPE_OK(src, ast, expected) src,
#define SCOPE_ERR(src, ast, msg, l, o, el, eo) src,
#include "tests/unit/scope_cases.inc"
#undef SCOPE_OK
#undef SCOPE_ERR
    "import sys\nfrom os import path as p\n\n@decorator(1, k=2)\nclass Point(Base, "
    "metaclass=Meta):\n    \"\"\"Doc.\"\"\"\n    __slots__ = ('x', 'y')\n\n    def __init__(self, "
    "x=0, y=0, *args, **kw):\n        super().__init__(*args, **kw)\n        self.x, self.y = x, "
    "y\n\n    def __repr__(self):\n        return f'Point({self.x!r}, {self.y:>{w}.2f})'\n",
    "def gen(n):\n    i = 0\n    while i < n:\n        try:\n            yield i ** 2\n        "
    "except "
    "(ValueError, TypeError) as e:\n            raise RuntimeError('bad') from e\n        "
    "finally:\n            i += 1\n    else:\n        return\n",
    "x = [i for i in range(10) if i % 2 if i > 3]\nd = {k: v for k, v in zip('ab', b'cd')}\ns = "
    "{*x, *d}\ng = (a @ b for a, b in pairs)\nprint(x[1:2:3], d[...], -1e-3j, 0x_ff, 0o17, "
    "0b1, 1_000.5e+3)\n",
    "with open('f') as f, lock:\n    data = f.read()\nassert data, 'empty'\ndel data[0], x.y\n"
    "if a and not b or c is not d and e not in f:\n    pass\nelif (n := len(a)) > 10:\n    "
    "lam = lambda x, /, y=1, *, z: x if y else z\n",
    "async = 1\nr'''raw\\string''' b'bytes' u'\\N{DASH}' '\\x41\\u00e9'\nf'{x}{{}}{y!s:{z}}'"
    " rb'\\d'\nglobal g\n# comment \\\nx = \\\n  1\n",
    "def f(a, b, /, c, *, d):\n\tif a:\n\t\treturn b\n\telse:\n\t\treturn [\n"
    "\t\t\tc,\n\t\t\td,\n\t\t]\n",
    "class A:\n    class B:\n        def m(self):\n            nonlocal q\n            return "
    "__class__\n",
    "é = 'ü'\nπ = 3.14\nprint(é, π, '\\u20ac', \"€\")\n",
};

static int corpus_add(Corpus *c, char *data, size_t len, int owned)
{
    if (c->len == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 256;
        Input *items = pr_raw_realloc(c->items, cap * sizeof *items);
        if (!items) {
            return -1;
        }
        c->items = items;
        c->cap = cap;
    }
    c->items[c->len].data = data;
    c->items[c->len].len = len;
    c->items[c->len].owned = owned;
    c->len++;
    return 0;
}

static int read_file(Corpus *c, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return 0;
    }
    char *buf = pr_raw_malloc(FUZZ_MAX_INPUT);
    size_t n = buf ? fread(buf, 1, FUZZ_MAX_INPUT, f) : 0;
    fclose(f);
    if (!buf) {
        return -1;
    }
    return corpus_add(c, buf, n, 1);
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Every .py file under dir, in name order so runs are reproducible. */
static int walk(Corpus *c, const char *dir, int depth)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort);
    if (n < 0) {
        return 0;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        char path[4096];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
        if (rc == 0 && names[i]->d_name[0] != '.' && stat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode) && depth < 8) {
                rc = walk(c, path, depth + 1);
            } else if (S_ISREG(st.st_mode) && has_suffix(path, ".py")) {
                rc = read_file(c, path);
            }
        }
        free(names[i]); /* scandir's entries come from the C library */
    }
    free(names);
    return rc;
}

/* ------------------------------------------------------------------------------------------- */
/* Randomness: splitmix64, one stream per case                                                  */

typedef struct Rng {
    uint64_t s;
} Rng;

static uint64_t rng_next(Rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* A number in [0, n); n > 0. */
static size_t rng_below(Rng *r, size_t n)
{
    return (size_t)(rng_next(r) % n);
}

/* ------------------------------------------------------------------------------------------- */
/* Mutations                                                                                    */

typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;

static void buf_insert(Buf *b, size_t at, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        n = b->cap - b->len;
    }
    memmove(b->data + at + n, b->data + at, b->len - at);
    memcpy(b->data + at, s, n);
    b->len += n;
}

static void buf_delete(Buf *b, size_t at, size_t n)
{
    if (at + n > b->len) {
        n = b->len - at;
    }
    memmove(b->data + at, b->data + at + n, b->len - at - n);
    b->len -= n;
}

static const char interesting_bytes[] = "()[]{}'\"\n\n\n    \t\\#:=,.;*@!$?`0123456789aZ_\r\f\v";

static const char *const fragments[] = {
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "'",
    "\"",
    "'''",
    "\"\"\"",
    "\n",
    "\n    ",
    "\n        ",
    "\t",
    " ",
    "\\\n",
    "\\",
    "#",
    ":",
    ";",
    ",",
    ".",
    "...",
    "=",
    ":=",
    "->",
    "**",
    "*",
    "@",
    "f'",
    "f\"{",
    "{x!r:>{w}}",
    "}",
    "rb'",
    "b'",
    "u'",
    "0x",
    "0o",
    "0b",
    "1e",
    "1_0",
    "1j",
    "\xc3\xa9",
    "\xe2\x82\xac",
    "\xf0\x9f\x90\x8d",
    "\xff",
    "\x00",
    "\xef\xbb\xbf",
    "def f(x):\n    ",
    "class C:\n    ",
    "lambda x: ",
    "lambda: (yield)",
    "yield ",
    "yield from ",
    "return ",
    "break",
    "continue",
    "pass",
    "global x\n",
    "nonlocal x\n",
    "import *",
    "from . import *\n",
    "x = ",
    "del x",
    "async ",
    "await ",
    "if x:\n    ",
    "else:\n    ",
    "elif y:\n",
    "for i in r:\n    ",
    "while 1:\n    ",
    "try:\n    ",
    "except E as e:\n    ",
    "finally:\n    ",
    "with a as b:\n    ",
    "[i for i in x]",
    "(i for i in x)",
    "{k: v for k, v in d}",
    "[(y := i) for i in x]",
    "super()",
    "__class__",
    "__x",
    "not ",
    " and ",
    " or ",
    " is not ",
    " not in ",
    "print(",
    ", *a, **k)",
    "= 1",
    "@dec\n",
    "-> int",
    ": int = 1",
    "x: int",
    "assert ",
    "raise ",
    " from ",
    "# coding: latin-1\n",
};

/* A random fragment, byte or span copied from `other`. */
static void insert_something(Rng *r, Buf *b, const Input *other)
{
    size_t at = rng_below(r, b->len + 1);
    switch (rng_below(r, 4)) {
    case 0: {
        char c = interesting_bytes[rng_below(r, sizeof interesting_bytes - 1)];
        buf_insert(b, at, &c, 1);
        break;
    }
    case 1: {
        char c = (char)rng_below(r, 256);
        buf_insert(b, at, &c, 1);
        break;
    }
    case 2: {
        const char *f = fragments[rng_below(r, sizeof fragments / sizeof fragments[0])];
        buf_insert(b, at, f, f[0] ? strlen(f) : 1); /* "\x00" inserts one NUL */
        break;
    }
    default:
        if (other->len) {
            size_t from = rng_below(r, other->len);
            size_t n = 1 + rng_below(r, other->len - from < 200 ? other->len - from : 200);
            buf_insert(b, at, other->data + from, n);
        }
        break;
    }
}

/* Opens or closes many brackets, or indents deeply: the parser's depth limits. */
static void nest(Rng *r, Buf *b)
{
    static const char *const opens[] = {"(",   "[", "{", "-", "not ", "lambda:", "x if y else ",
                                        "f'{", "\n" /* with indentation below */};
    const char *o = opens[rng_below(r, sizeof opens / sizeof opens[0])];
    size_t times = 1 + rng_below(r, 4000);
    size_t at = rng_below(r, b->len + 1);
    for (size_t i = 0; i < times && b->len + 16 < b->cap; i++) {
        if (o[0] == '\n') {
            char line[160];
            int n = snprintf(line, sizeof line, "if x:\n%*s", (int)(i % 120) + 1, "");
            buf_insert(b, at, line, (size_t)n);
            at += (size_t)n;
        } else {
            buf_insert(b, at, o, strlen(o));
            at += strlen(o);
        }
    }
}

static int is_name_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Replaces the identifier (or keyword) around a random place with another name: keeps the
 * syntax more often than bytes do, and moves names between scopes. */
static void swap_word(Rng *r, Buf *b)
{
    static const char *const names[] = {
        "x",     "y",      "self",     "super", "__class__", "__x", "_C__x",
        "print", "global", "nonlocal", "yield", "lambda",    "i",   "return",
        "e",     "f",      "C",        "None",  "not",       "in",  "async"};
    if (b->len == 0) {
        return;
    }
    size_t at = rng_below(r, b->len), end = at;
    while (at > 0 && is_name_char(b->data[at - 1])) {
        at--;
    }
    while (end < b->len && is_name_char(b->data[end])) {
        end++;
    }
    buf_delete(b, at, end - at);
    const char *n = names[rng_below(r, sizeof names / sizeof names[0])];
    buf_insert(b, at, n, strlen(n));
}

/* The start of the line holding b->data[at]. */
static size_t line_start(const Buf *b, size_t at)
{
    while (at > 0 && b->data[at - 1] != '\n') {
        at--;
    }
    return at;
}

/* Copies a whole line of `other` in front of a line of b, with that line's indentation. */
static void insert_line(Rng *r, Buf *b, const Input *other)
{
    if (other->len == 0) {
        return;
    }
    size_t from = rng_below(r, other->len);
    while (from > 0 && other->data[from - 1] != '\n') {
        from--;
    }
    while (from < other->len && (other->data[from] == ' ' || other->data[from] == '\t')) {
        from++;
    }
    size_t to = from;
    while (to < other->len && other->data[to] != '\n') {
        to++;
    }
    size_t at = b->len ? line_start(b, rng_below(r, b->len)) : 0;
    size_t indent = 0;
    while (at + indent < b->len && (b->data[at + indent] == ' ' || b->data[at + indent] == '\t')) {
        indent++;
    }
    buf_insert(b, at + indent, "\n", 1);
    buf_insert(b, at + indent, other->data + from, to - from);
    if (at + indent + (to - from) + 1 <= b->len) {
        char pad[64];
        size_t n = indent < sizeof pad ? indent : sizeof pad;
        memcpy(pad, b->data + at, n);
        buf_insert(b, at + indent + (to - from) + 1, pad, n);
    }
}

/* Mutations that keep the syntax valid now and then, so scope analysis sees many trees. */
static void mutate_gently(Rng *r, Buf *b, const Input *other)
{
    if (rng_below(r, 2)) {
        swap_word(r, b);
    } else {
        insert_line(r, b, other);
    }
}

static void mutate_once(Rng *r, Buf *b, const Input *other)
{
    size_t at = b->len ? rng_below(r, b->len) : 0;
    switch (rng_below(r, 10)) {
    case 0: /* flip a bit */
        if (b->len) {
            b->data[at] ^= (char)(1u << rng_below(r, 8));
        }
        break;
    case 1: /* delete a span */
        buf_delete(b, at, 1 + rng_below(r, 1 + rng_below(r, 64)));
        break;
    case 2: /* duplicate a span */
        if (b->len) {
            size_t n = 1 + rng_below(r, b->len - at < 256 ? b->len - at : 256);
            char tmp[256];
            memcpy(tmp, b->data + at, n);
            buf_insert(b, rng_below(r, b->len + 1), tmp, n);
        }
        break;
    case 3: /* splice: our head, another input's tail */
        if (other->len) {
            size_t from = rng_below(r, other->len);
            b->len = at;
            buf_insert(b, at, other->data + from, other->len - from);
        }
        break;
    case 4: /* replace a byte with an interesting one */
        if (b->len) {
            b->data[at] = interesting_bytes[rng_below(r, sizeof interesting_bytes - 1)];
        }
        break;
    case 5:
        if (rng_below(r, 8) == 0) {
            nest(r, b);
            break;
        }
        /* fall through */
    default:
        insert_something(r, b, other);
        break;
    }
}

/* The input of case i: a pure function of (seed, i). */
static void make_case(const Corpus *c, uint64_t seed, uint64_t i, Buf *b)
{
    Rng r = {seed * 0x2545f4914f6cdd1du ^ (i + 1) * 0x9e3779b97f4a7c15u};
    rng_next(&r);
    const Input *base = &c->items[rng_below(&r, c->len)];
    b->len = 0;
    buf_insert(b, 0, base->data, base->len);
    size_t n = 1 + rng_below(&r, 1 + rng_below(&r, 8));
    int gentle = rng_below(&r, 3) == 0;
    for (size_t k = 0; k < n; k++) {
        const Input *other = &c->items[rng_below(&r, c->len)];
        if (gentle) {
            mutate_gently(&r, b, other);
        } else {
            mutate_once(&r, b, other);
        }
    }
}

/* ------------------------------------------------------------------------------------------- */
/* Running a case                                                                               */

typedef struct Stats {
    unsigned long cases, trees, tables, syntax_errors, scope_errors, failures;
} Stats;

static const char *current_path;

static void on_alarm(int sig)
{
    static const char msg[] = "fuzz: case timed out (input in fuzz-current.py)\n";
    (void)sig;
    if (write(2, msg, sizeof msg - 1) < 0) {
        _exit(3);
    }
    _exit(2);
}

static void save(const char *path, const Buf *b)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(b->data, 1, b->len, f);
        fclose(f);
    }
}

/* Why case i failed, with its input saved for a reproducer. */
static void fail(Stats *st, const char *workdir, uint64_t i, const Buf *b, const char *why)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/fuzz-fail-%llu.py", workdir, (unsigned long long)i);
    save(path, b);
    fprintf(stderr, "fuzz: case %llu: %s (input in %s)\n", (unsigned long long)i, why, path);
    st->failures++;
}

/* A message, a line, and a text line that can be read (in the source, or for f-string errors
 * a copy like CPython's "(expr)"): reading it all lets ASan catch a dangling pointer. */
static int error_ok(const PrSyntaxError *err)
{
    if (err->msg[0] == '\0' || err->lineno < 0) {
        return 0;
    }
    volatile unsigned sum = 0;
    for (size_t k = 0; err->text && k < err->text_len; k++) {
        sum += (unsigned char)err->text[k];
    }
    return err->text_len < ((size_t)1 << 30) && sum != ~0u;
}

static void run_case(Stats *st, const char *workdir, uint64_t i, const Buf *b, FILE *devnull,
                     unsigned timeout)
{
    char why[512];
    PrRawStats before, after;
    PrSyntaxError err;
    pr_raw_stats(&before);
    alarm(timeout);
    PrArena *arena = pr_arena_new();
    PrAstMod *mod = arena ? pr_parse(b->data, b->len, "fuzz.py", PR_PARSE_FILE, arena, &err) : NULL;
    st->cases++;
    if (!mod) {
        st->syntax_errors++;
        if (!error_ok(&err)) {
            snprintf(why, sizeof why, "bad parser error: msg '%s' lineno %d", err.msg, err.lineno);
            fail(st, workdir, i, b, why);
        }
    } else {
        st->trees++;
        long depth = pr_ast_depth(mod);
        if (depth < 0 || depth > PR_AST_MAX_DEPTH) {
            snprintf(why, sizeof why, "tree depth %ld", depth);
            fail(st, workdir, i, b, why);
        } else if (pr_ast_dump(devnull, mod, 1) < 0) {
            fail(st, workdir, i, b, "pr_ast_dump failed");
        }
        PrScopeTable *t = pr_scope_analyze(mod, "fuzz.py", arena, &err);
        if (t) {
            st->tables++;
            pr_scope_dump(devnull, t);
        } else {
            st->scope_errors++;
            if (err.msg[0] == '\0' || err.lineno < 0) {
                fail(st, workdir, i, b, "bad scope error");
            }
        }
    }
    pr_arena_free(arena);
    alarm(0);
    pr_raw_stats(&after);
    if (after.malloc_blocks != before.malloc_blocks ||
        after.mapped_regions != before.mapped_regions) {
        snprintf(why, sizeof why, "raw layer leak: %zu -> %zu blocks, %zu -> %zu mappings",
                 before.malloc_blocks, after.malloc_blocks, before.mapped_regions,
                 after.mapped_regions);
        fail(st, workdir, i, b, why);
    }
}

/* ------------------------------------------------------------------------------------------- */
/* Main                                                                                         */

typedef struct Options {
    unsigned long long count, seed, only;
    int have_only;
    unsigned timeout;
    const char *workdir, *out;
} Options;

static int usage(void)
{
    fprintf(stderr, "usage: fuzz_frontend [-n COUNT] [-s SEED] [-c CASE [-o FILE]] [-t SECONDS]"
                    " [-w WORKDIR]\n");
    return 2;
}

static int parse_options(int argc, char **argv, Options *o)
{
    int opt;
    while ((opt = getopt(argc, argv, "n:s:c:o:t:w:h")) != -1) {
        switch (opt) {
        case 'n':
            o->count = strtoull(optarg, NULL, 10);
            break;
        case 's':
            o->seed = strtoull(optarg, NULL, 10);
            break;
        case 'c':
            o->only = strtoull(optarg, NULL, 10);
            o->have_only = 1;
            break;
        case 'o':
            o->out = optarg;
            break;
        case 't':
            o->timeout = (unsigned)strtoul(optarg, NULL, 10);
            break;
        case 'w':
            o->workdir = optarg;
            break;
        default:
            return -1;
        }
    }
    return optind == argc ? 0 : -1;
}

static int load_corpus(Corpus *c)
{
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        if (corpus_add(c, (char *)seeds[i], strlen(seeds[i]), 0) < 0) {
            return -1;
        }
    }
    return walk(c, "tests", 0) < 0 || walk(c, "examples", 0) < 0 ? -1 : 0;
}

static void free_corpus(Corpus *c)
{
    for (size_t i = 0; i < c->len; i++) {
        if (c->items[i].owned) {
            pr_raw_free(c->items[i].data);
        }
    }
    pr_raw_free(c->items);
}

int main(int argc, char **argv)
{
    Options o = {.count = 20000, .seed = 1, .timeout = 20, .workdir = "build"};
    Corpus corpus = {0};
    Stats st = {0};
    char current[4096];
    if (parse_options(argc, argv, &o) < 0) {
        return usage();
    }
    Buf b = {pr_raw_malloc(FUZZ_MAX_INPUT), 0, FUZZ_MAX_INPUT};
    FILE *devnull = fopen("/dev/null", "w");
    if (!b.data || !devnull || load_corpus(&corpus) < 0) {
        fprintf(stderr, "fuzz: out of memory or no /dev/null\n");
        return 1;
    }
    snprintf(current, sizeof current, "%s/fuzz-current.py", o.workdir);
    current_path = current;
    signal(SIGALRM, on_alarm);
    time_t start = time(NULL);
    unsigned long long first = o.have_only ? o.only : 0;
    unsigned long long last = o.have_only ? o.only + 1 : o.count;
    for (unsigned long long i = first; i < last; i++) {
        make_case(&corpus, o.seed, i, &b);
        save(o.have_only && o.out ? o.out : current_path, &b);
        run_case(&st, o.workdir, i, &b, devnull, o.timeout);
        if ((i + 1) % 100000 == 0) {
            fprintf(stderr, "fuzz: %llu cases, %lu failed, %lds\n", i + 1, st.failures,
                    (long)(time(NULL) - start));
        }
    }
    printf("fuzz: %lu cases from %zu inputs, seed %llu, %lds: %lu trees (%lu tables, %lu scope "
           "errors), %lu syntax errors\n",
           st.cases, corpus.len, o.seed, (long)(time(NULL) - start), st.trees, st.tables,
           st.scope_errors, st.syntax_errors);
    printf("fuzz: %lu passed, %lu failed\n", st.cases - st.failures, st.failures);
    free_corpus(&corpus);
    pr_raw_free(b.data);
    fclose(devnull);
    return st.failures ? 1 : 0;
}
