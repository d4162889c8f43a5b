/* tests/unit/test_parser.c — the parser and the AST dump against CPython 3.11. The expected
 * outputs in tests/unit/parser_cases/ were written by python3 3.11 (regen.sh there): for every
 * snippet and module, ast.dump(indent=2) and ast.dump(include_attributes=True) must be byte-
 * identical; for every erroneous snippet, the exception type, message, line, offset, end line
 * and end offset. Also: pyrena's own errors (async, await, match), incomplete input for the
 * REPL, deep nesting, the arena, running out of memory, and random mutations of all the cases
 * (a tree or a SyntaxError, never a crash, never a leak). Run from the repository root. */
#include "memory/raw.h"
#include "parser/arena.h"
#include "parser/ast.h"
#include "parser/parser.h"
#include "tests/unit/suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CASES "tests/unit/parser_cases/"
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---------------------------------------------------------------- helpers */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s (run from the repository root)", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    if (len) {
        *len = (size_t)n;
    }
    return s;
}

/* Splits text in place at each "\n@@@@\n"; returns the number of parts (at most max). */
static size_t split_cases(char *text, char **parts, size_t max)
{
    size_t n = 0;
    char *s = text;
    while (n < max) {
        parts[n++] = s;
        char *sep = strstr(s, "\n@@@@\n");
        if (!sep) {
            break;
        }
        *sep = '\0';
        s = sep + 6;
    }
    return n;
}

/* An exact-size heap copy, so that reading past the end of the source trips ASan. */
static char *copy_src(const char *src, size_t len)
{
    char *p = malloc(len ? len : 1);
    ck_assert_ptr_nonnull(p);
    memcpy(p, src, len);
    return p;
}

static char *dump_to_string(const PrAstMod *mod, int indent, int attrs)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(f);
    int rc = attrs ? pr_ast_dump_attrs(f, mod, indent) : pr_ast_dump(f, mod, indent);
    fclose(f);
    ck_assert_int_eq(rc, 0);
    return buf;
}

/* The error as regen.sh writes it: ERROR\ttype\tmsg\tlineno\toffset\tend_lineno\tend_offset */
static char *error_line(const PrSyntaxError *e)
{
    char *s = malloc(512);
    ck_assert_ptr_nonnull(s);
    snprintf(s, 512, "ERROR\t%s\t%s\t%d\t%d\t%d\t%d", pr_syntax_error_type_name(e->kind), e->msg,
             e->lineno, e->offset, e->end_lineno, e->end_offset);
    return s;
}

/* Parses src and renders what regen.sh renders for it: the dumps, or the error line. */
static char *render(const char *src, size_t len, PrParseMode mode)
{
    char *copy = copy_src(src, len);
    PrArena *arena = pr_arena_new();
    ck_assert_ptr_nonnull(arena);
    PrSyntaxError err;
    PrAstMod *mod = pr_parse(copy, len, "t.py", mode, arena, &err);
    char *out;
    if (!mod) {
        ck_assert_msg(!err.overflow && !err.no_memory, "unexpected %s for %s", err.msg, src);
        out = error_line(&err);
    } else {
        char *plain = dump_to_string(mod, 2, 0);
        char *attrs = dump_to_string(mod, -1, 1);
        out = malloc(strlen(plain) + strlen(attrs) + 8);
        ck_assert_ptr_nonnull(out);
        plain[strlen(plain) - 1] = '\0'; /* the dump's final newline */
        attrs[strlen(attrs) - 1] = '\0';
        sprintf(out, "%s\n----\n%s", plain, attrs);
        free(plain);
        free(attrs);
    }
    pr_arena_free(arena);
    free(copy);
    return out;
}

static void check_case_file(const char *name, PrParseMode mode, int *count)
{
    char path[256], epath[256];
    snprintf(path, sizeof path, CASES "%s.txt", name);
    snprintf(epath, sizeof epath, CASES "%s.expected", name);
    char *text = read_file(path, NULL), *expected = read_file(epath, NULL);
    static char *cases[2000], *wants[2000];
    size_t n = split_cases(text, cases, COUNT(cases));
    size_t m = split_cases(expected, wants, COUNT(wants));
    ck_assert_uint_eq(n, m);
    size_t last = strlen(wants[m - 1]);
    if (last && wants[m - 1][last - 1] == '\n') {
        wants[m - 1][last - 1] = '\0';
    }
    for (size_t i = 0; i < n; i++) {
        char *got = render(cases[i], strlen(cases[i]), mode);
        ck_assert_msg(strcmp(got, wants[i]) == 0,
                      "%s case %zu:\n%.300s\n--- got:\n%.1500s\n--- want:\n%.1500s", name, i,
                      cases[i], got, wants[i]);
        free(got);
    }
    *count = (int)n;
    free(text);
    free(expected);
}

/* ---------------------------------------------------------------- CPython's trees */

START_TEST(test_snippets)
{
    int n;
    check_case_file("snippets", PR_PARSE_FILE, &n);
    ck_assert_int_ge(n, 200);
}
END_TEST

START_TEST(test_eval_mode)
{
    int n;
    check_case_file("eval", PR_PARSE_EVAL, &n);
}
END_TEST

START_TEST(test_single_mode)
{
    int n;
    check_case_file("single", PR_PARSE_SINGLE, &n);
}
END_TEST

static const char *const modules[] = {"program", "positions"};

START_TEST(test_modules)
{
    char path[256];
    size_t len;
    snprintf(path, sizeof path, CASES "%s.py", modules[_i]);
    char *src = read_file(path, &len);
    snprintf(path, sizeof path, CASES "%s.ast", modules[_i]);
    char *want_ast = read_file(path, NULL);
    snprintf(path, sizeof path, CASES "%s.pos", modules[_i]);
    char *want_pos = read_file(path, NULL);
    PrArena *arena = pr_arena_new();
    PrSyntaxError err;
    PrAstMod *mod = pr_parse(src, len, path, PR_PARSE_FILE, arena, &err);
    ck_assert_msg(mod != NULL, "%s: %s line %d", modules[_i], err.msg, err.lineno);
    char *got_ast = dump_to_string(mod, 2, 0), *got_pos = dump_to_string(mod, -1, 1);
    ck_assert_str_eq(got_ast, want_ast);
    ck_assert_str_eq(got_pos, want_pos);
    pr_arena_free(arena);
    free(src);
    free(want_ast);
    free(want_pos);
    free(got_ast);
    free(got_pos);
}
END_TEST

/* ---------------------------------------------------------------- CPython's errors */

START_TEST(test_errors)
{
    char *text = read_file(CASES "errors.txt", NULL);
    char *expected = read_file(CASES "errors.expected", NULL);
    static char *cases[2000];
    size_t n = split_cases(text, cases, COUNT(cases));
    char *line = expected;
    for (size_t i = 0; i < n; i++) {
        char *nl = strchr(line, '\n');
        ck_assert_ptr_nonnull(nl);
        *nl = '\0';
        char *got = render(cases[i], strlen(cases[i]), PR_PARSE_FILE);
        ck_assert_msg(strcmp(got, line) == 0,
                      "error case %zu:\n%.300s\n--- got:\n%s\n--- want:\n%s", i, cases[i], got,
                      line);
        free(got);
        line = nl + 1;
    }
    ck_assert_uint_ge(n, 250);
    free(text);
    free(expected);
}
END_TEST

/* Errors where pyrena differs from CPython on purpose: async/await and match are not in the
 * language, \N{...} needs a Unicode name table the lexer does not have. */
static const struct {
    const char *src;
    const char *want;
} own_errors[] = {
    {"async def f(): pass\n", "ERROR\tSyntaxError\t'async' is not supported by pyrena\t1\t1\t1\t6"},
    {"async with a: pass\n", "ERROR\tSyntaxError\t'async' is not supported by pyrena\t1\t1\t1\t6"},
    {"def f():\n    async for x in y: pass\n",
     "ERROR\tSyntaxError\t'async' is not supported by pyrena\t2\t5\t2\t10"},
    {"@d\nasync def f(): pass\n",
     "ERROR\tSyntaxError\t'async' is not supported by pyrena\t2\t1\t2\t6"},
    {"await x\n", "ERROR\tSyntaxError\t'await' is not supported by pyrena\t1\t1\t1\t6"},
    {"def f():\n    return await g()\n",
     "ERROR\tSyntaxError\t'await' is not supported by pyrena\t2\t12\t2\t17"},
    {"[x async for x in y]\n",
     "ERROR\tSyntaxError\t'async' is not supported by pyrena\t1\t4\t1\t9"},
    {"match x:\n    case 1: pass\n",
     "ERROR\tSyntaxError\t'match' is not supported by pyrena\t1\t1\t1\t6"},
    {"try:\n    pass\nexcept* E:\n    pass\n",
     "ERROR\tSyntaxError\t'except*' is not supported by pyrena\t3\t1\t3\t8"},
    /* match stays a name */
    {"match = 1\n", NULL},
    {"match(x)\n", NULL},
    {"match[x]\n", NULL},
};

START_TEST(test_own_errors)
{
    const char *src = own_errors[_i].src;
    char *got = render(src, strlen(src), PR_PARSE_FILE);
    if (own_errors[_i].want) {
        ck_assert_str_eq(got, own_errors[_i].want);
    } else {
        ck_assert_msg(strncmp(got, "ERROR", 5) != 0, "%s: %s", src, got);
    }
    free(got);
}
END_TEST

/* An error inside an f-string expression is placed in "(expr)", as CPython 3.11 does, and
 * that text is the error's line. */
START_TEST(test_fstring_error_text)
{
    const char *src = "x = f'{a b}'\n";
    PrArena *arena = pr_arena_new();
    PrSyntaxError err;
    ck_assert_ptr_null(pr_parse(src, strlen(src), "t.py", PR_PARSE_FILE, arena, &err));
    ck_assert_str_eq(err.msg, "f-string: invalid syntax. Perhaps you forgot a comma?");
    ck_assert_int_eq((int)err.text_len, 5);
    ck_assert_int_eq(memcmp(err.text, "(a b)", 5), 0);
    pr_arena_free(arena);
}
END_TEST

/* ---------------------------------------------------------------- incomplete input */

static const struct {
    const char *src;
    int incomplete;
} repl_inputs[] = {
    {"if x:", 1},
    {"if x:\n", 1},
    {"x = (1,", 1},
    {"x = (1,\n\n", 1},
    {"'''abc", 1},
    {"x = 1 \\", 1},
    {"for x in y:\n  pass\nelse:", 1},
    {"@dec", 1},
    {"@dec\n", 1},
    {"try:\n  pass\n", 1},
    {"def f(", 1},
    {"class A:\n", 1},
    {"f'''{", 1},
    {"1 +", 0},
    {"1 +\n", 0},
    {"x = )", 0},
    {"print 1", 0},
    {"if x y:", 0},
    {"x = 'abc", 0},
    {"x = 1\ny = 2", 0},
};

START_TEST(test_incomplete)
{
    const char *src = repl_inputs[_i].src;
    PrArena *arena = pr_arena_new();
    PrSyntaxError err;
    PrAstMod *mod = pr_parse(src, strlen(src), "<stdin>", PR_PARSE_SINGLE, arena, &err);
    ck_assert_ptr_null(mod);
    ck_assert_msg(err.incomplete == repl_inputs[_i].incomplete, "%s: incomplete=%d (%s)", src,
                  err.incomplete, err.msg);
    pr_arena_free(arena);
}
END_TEST

START_TEST(test_complete_single)
{
    static const char *const ok[] = {"x = 1", "if x:\n  pass\n", "def f():\n  return 1\n\n"};
    for (size_t i = 0; i < COUNT(ok); i++) {
        PrArena *arena = pr_arena_new();
        PrSyntaxError err;
        PrAstMod *mod = pr_parse(ok[i], strlen(ok[i]), "<stdin>", PR_PARSE_SINGLE, arena, &err);
        ck_assert_msg(mod != NULL, "%s: %s", ok[i], err.msg);
        ck_assert_int_eq(mod->kind, PR_MOD_INTERACTIVE);
        pr_arena_free(arena);
    }
}
END_TEST

/* ---------------------------------------------------------------- nesting */

static PrAstMod *parse_repeated(PrArena *arena, PrSyntaxError *err, const char *head, int n,
                                const char *tail)
{
    size_t hl = strlen(head), tl = strlen(tail);
    char *src = malloc(hl * (size_t)n + tl + 1);
    ck_assert_ptr_nonnull(src);
    for (int i = 0; i < n; i++) {
        memcpy(src + hl * (size_t)i, head, hl);
    }
    memcpy(src + hl * (size_t)n, tail, tl + 1);
    PrAstMod *mod = pr_parse(src, strlen(src), "t.py", PR_PARSE_FILE, arena, err);
    free(src);
    return mod;
}

static const struct {
    const char *head;
    int n;
    const char *tail;
    int ok; /* 1: parses; 0: RecursionError-like overflow; -1: SyntaxError */
} nesting[] = {
    {"-", 2989, "1\n", 1}, /* CPython 3.11: the deepest unary chain it compiles */
    {"-", 2990, "1\n", 0}, /* ... and one more: RecursionError */
    {"-", 100000, "1\n", 0},
    {"not ", 100000, "1\n", 0},
    {"a+", 2989, "a\n", 1},
    {"a+", 100000, "a\n", 0}, /* left-deep: iterative parse, checked on the tree */
    {"a.b", 100000, "\n", 0}, /* a.ba.ba...: an attribute chain */
    {"x**", 100000, "1\n", 0},
    {"lambda:", 100000, "1\n", 0},
    {"1 if 1 else ", 100000, "1\n", 0},
    {"(", 199, "1\n", -1},   /* never closed */
    {"(", 10000, "1\n", -1}, /* too many nested parentheses */
    {"[", 150, "\n", -1},
    {"x = ", 1, "f'{f\"{1}\"}'\n", 1},
};

START_TEST(test_nesting)
{
    PrArena *arena = pr_arena_new();
    PrSyntaxError err;
    PrAstMod *mod = parse_repeated(arena, &err, nesting[_i].head, nesting[_i].n, nesting[_i].tail);
    if (nesting[_i].ok == 1) {
        ck_assert_msg(mod != NULL, "%s x %d: %s", nesting[_i].head, nesting[_i].n, err.msg);
        ck_assert_int_le(pr_ast_depth(mod), PR_AST_MAX_DEPTH);
        FILE *devnull = fopen("/dev/null", "w");
        ck_assert_int_eq(pr_ast_dump(devnull, mod, 2), 0);
        fclose(devnull);
    } else {
        ck_assert_ptr_null(mod);
        ck_assert_int_eq(err.overflow, nesting[_i].ok == 0);
        if (nesting[_i].ok == 0) {
            ck_assert_str_eq(err.msg, "maximum recursion depth exceeded during compilation");
        }
    }
    pr_arena_free(arena);
}
END_TEST

START_TEST(test_too_many_parens)
{
    PrArena *arena = pr_arena_new();
    PrSyntaxError err;
    ck_assert_ptr_null(parse_repeated(arena, &err, "(", 10000, "1\n"));
    ck_assert_str_eq(err.msg, "too many nested parentheses");
    ck_assert_int_eq(err.offset, 201);
    pr_arena_free(arena);
}
END_TEST

/* ---------------------------------------------------------------- arena and memory */

START_TEST(test_arena)
{
    PrRawStats before, during, after;
    pr_raw_stats(&before);
    PrArena *a = pr_arena_new();
    ck_assert_ptr_nonnull(a);
    size_t empty = pr_arena_size(a);
    char *prev = NULL;
    for (int i = 1; i < 5000; i++) {
        char *p = pr_arena_alloc(a, (size_t)(i % 97) + 1);
        ck_assert_ptr_nonnull(p);
        ck_assert_uint_eq((uintptr_t)p % sizeof(void *), 0);
        memset(p, 0xAB, (size_t)(i % 97) + 1);
        ck_assert_ptr_ne(p, prev);
        prev = p;
    }
    char *big = pr_arena_calloc(a, 1 << 20);
    ck_assert_ptr_nonnull(big);
    ck_assert_int_eq(big[12345], 0);
    char *s = pr_arena_strndup(a, "ab\0cd", 5);
    ck_assert_int_eq(memcmp(s, "ab\0cd", 6), 0);
    ck_assert_uint_gt(pr_arena_size(a), empty + (1 << 20));
    ck_assert_uint_ge(pr_arena_size(a), pr_arena_used(a));
    pr_raw_stats(&during);
    ck_assert_uint_gt(during.malloc_bytes, before.malloc_bytes);
    pr_arena_free(a);
    pr_raw_stats(&after);
    ck_assert_uint_eq(after.malloc_blocks, before.malloc_blocks);
    ck_assert_uint_eq(after.malloc_bytes, before.malloc_bytes);
}
END_TEST

/* Parsing (successfully or not) leaves nothing behind once the arena is freed. */
START_TEST(test_no_leak)
{
    static const char *const srcs[] = {"x = [i for i in f'{a!r:{b}}']\n", "x = = 1\n",
                                       "f(x for x in y, 1)\n", "def f(:\n", "'''\n"};
    PrRawStats before, after;
    pr_raw_stats(&before);
    for (size_t i = 0; i < COUNT(srcs); i++) {
        PrArena *arena = pr_arena_new();
        PrSyntaxError err;
        pr_parse(srcs[i], strlen(srcs[i]), "t.py", PR_PARSE_FILE, arena, &err);
        pr_arena_free(arena);
    }
    pr_raw_stats(&after);
    ck_assert_uint_eq(after.malloc_blocks, before.malloc_blocks);
}
END_TEST

/* Every allocation failing in turn: MemoryError or success, never a crash or a leak. */
START_TEST(test_out_of_memory)
{
    size_t len;
    char *src = read_file(CASES "program.py", &len);
    PrRawStats before, after;
    pr_raw_stats(&before);
    int failures = 0;
    for (long n = 0; n < 400; n += 3) {
        PrArena *arena = pr_arena_new();
        if (!arena) {
            continue;
        }
        PrSyntaxError err;
        pr_raw_fail_after(n);
        PrAstMod *mod = pr_parse(src, len, "t.py", PR_PARSE_FILE, arena, &err);
        pr_raw_fail_after(-1);
        if (!mod) {
            ck_assert_msg(err.no_memory, "n=%ld: %s", n, err.msg);
            failures++;
        }
        pr_arena_free(arena);
    }
    pr_raw_stats(&after);
    ck_assert_uint_eq(after.malloc_blocks, before.malloc_blocks);
    ck_assert_int_gt(failures, 0);
    free(src);
}
END_TEST

/* ---------------------------------------------------------------- robustness */

static unsigned long rng_state = 12345;

static unsigned long rng(void)
{
    rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
    return rng_state >> 33;
}

/* Mutates buf[0..*len) (capacity cap) once: delete, insert, replace or duplicate a range. */
static void mutate(char *buf, size_t *len, size_t cap)
{
    static const char alphabet[] = "()[]{}:;,.=+-*/%@<>!'\"\\#\n \tabfrxy019_é";
    size_t n = *len;
    size_t at = n ? rng() % n : 0;
    switch (rng() % 5) {
    case 0: /* delete a run */
        if (n) {
            size_t k = 1 + rng() % 8;
            k = k > n - at ? n - at : k;
            memmove(buf + at, buf + at + k, n - at - k);
            *len = n - k;
        }
        break;
    case 1: /* insert a character */
        if (n + 1 < cap) {
            memmove(buf + at + 1, buf + at, n - at);
            buf[at] = alphabet[rng() % (sizeof alphabet - 1)];
            *len = n + 1;
        }
        break;
    case 2: /* replace a character */
        if (n) {
            buf[at] = alphabet[rng() % (sizeof alphabet - 1)];
        }
        break;
    case 3: /* duplicate a range elsewhere */
        if (n) {
            size_t k = 1 + rng() % 16;
            k = k > n - at ? n - at : k;
            size_t to = rng() % (n + 1);
            if (n + k < cap) {
                char tmp[16];
                memcpy(tmp, buf + at, k);
                memmove(buf + to + k, buf + to, n - to);
                memcpy(buf + to, tmp, k);
                *len = n + k;
            }
        }
        break;
    default: /* swap two characters */
        if (n > 1) {
            size_t b = rng() % n;
            char t = buf[at];
            buf[at] = buf[b];
            buf[b] = t;
        }
        break;
    }
}

START_TEST(test_mutations)
{
    char *texts[] = {read_file(CASES "snippets.txt", NULL), read_file(CASES "errors.txt", NULL),
                     read_file(CASES "program.py", NULL), read_file(CASES "positions.py", NULL)};
    static char *cases[4000];
    size_t n = 0;
    for (size_t t = 0; t < COUNT(texts); t++) {
        n += split_cases(texts[t], cases + n, COUNT(cases) - n);
    }
    PrRawStats before, after;
    pr_raw_stats(&before);
    FILE *devnull = fopen("/dev/null", "w");
    int trees = 0, errors = 0;
    for (int round = 0; round < 3000; round++) {
        const char *orig = cases[rng() % n];
        size_t len = strlen(orig);
        /* small cases as they are; long ones cut to a window so each parse stays cheap */
        if (len > 600) {
            size_t from = rng() % (len - 400);
            orig += from;
            len = 400;
        }
        size_t cap = len + 64;
        char *buf = malloc(cap);
        memcpy(buf, orig, len);
        int times = 1 + (int)(rng() % 3);
        for (int k = 0; k < times; k++) {
            mutate(buf, &len, cap);
        }
        char *src = copy_src(buf, len);
        PrParseMode mode = (PrParseMode)(rng() % 3);
        PrArena *arena = pr_arena_new();
        PrSyntaxError err;
        PrAstMod *mod = pr_parse(src, len, "t.py", mode, arena, &err);
        if (mod) {
            trees++;
            ck_assert_int_eq(pr_ast_dump_attrs(devnull, mod, 1), 0);
        } else {
            errors++;
            ck_assert_msg(err.msg[0] != '\0', "no message for %.*s", (int)len, src);
            ck_assert_int_ge(err.lineno, 0);
        }
        pr_arena_free(arena);
        free(src);
        free(buf);
    }
    fclose(devnull);
    pr_raw_stats(&after);
    ck_assert_uint_eq(after.malloc_blocks, before.malloc_blocks);
    ck_assert_int_gt(trees, 100);
    ck_assert_int_gt(errors, 100);
    for (size_t t = 0; t < COUNT(texts); t++) {
        free(texts[t]);
    }
}
END_TEST

/* ---------------------------------------------------------------- dump details */

START_TEST(test_dump_compact)
{
    const char *src = "x = 1\n";
    PrArena *arena = pr_arena_new();
    PrSyntaxError err;
    PrAstMod *mod = pr_parse(src, strlen(src), "t.py", PR_PARSE_FILE, arena, &err);
    char *s = dump_to_string(mod, -1, 0);
    ck_assert_str_eq(s, "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], "
                        "value=Constant(value=1))], type_ignores=[])\n");
    free(s);
    s = dump_to_string(mod, 0, 0);
    ck_assert_str_eq(s, "Module(\nbody=[\nAssign(\ntargets=[\nName(id='x', ctx=Store())],\n"
                        "value=Constant(value=1))],\ntype_ignores=[])\n");
    free(s);
    pr_arena_free(arena);
}
END_TEST

START_TEST(test_big_int_digits)
{
    const char *src = "0xFFFFFFFFFFFFFFFFFFFF\n";
    PrArena *arena = pr_arena_new();
    PrSyntaxError err;
    PrAstMod *mod = pr_parse(src, strlen(src), "t.py", PR_PARSE_FILE, arena, &err);
    const PrAstConst *c = &mod->v.Module.body.items[0]->v.Expr.value->v.Constant.value;
    ck_assert_int_eq(c->kind, PR_CONST_BIG_INT);
    ck_assert_str_eq(c->v.s.data, "1208925819614629174706175");
    pr_arena_free(arena);
}
END_TEST

Suite *pr_test_parser_suite(void)
{
    Suite *s = suite_create("parser");
    TCase *tc = tcase_create("cpython");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_snippets);
    tcase_add_test(tc, test_eval_mode);
    tcase_add_test(tc, test_single_mode);
    tcase_add_loop_test(tc, test_modules, 0, COUNT(modules));
    tcase_add_test(tc, test_errors);
    tcase_add_loop_test(tc, test_own_errors, 0, COUNT(own_errors));
    tcase_add_test(tc, test_fstring_error_text);
    tcase_add_test(tc, test_dump_compact);
    tcase_add_test(tc, test_big_int_digits);
    suite_add_tcase(s, tc);
    tc = tcase_create("repl");
    tcase_add_loop_test(tc, test_incomplete, 0, COUNT(repl_inputs));
    tcase_add_test(tc, test_complete_single);
    suite_add_tcase(s, tc);
    tc = tcase_create("limits");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_nesting, 0, COUNT(nesting));
    tcase_add_test(tc, test_too_many_parens);
    tcase_add_test(tc, test_arena);
    tcase_add_test(tc, test_no_leak);
    tcase_add_test(tc, test_out_of_memory);
    tcase_add_test(tc, test_mutations);
    suite_add_tcase(s, tc);
    return s;
}
