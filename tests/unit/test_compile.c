/* tests/unit/test_compile.c — the bytecode compiler, the code object and the disassembler,
 * against CPython 3.11: for each program of tests/unit/compile_cases.inc (made by
 * gen_compile_cases.py), the dis.dis() listing, the fields of every code object (stack depth by
 * flow analysis included) and the position of every code unit must be CPython's. Then the
 * tables' decoders, the exception table of try/except/finally/with, the compiler's own
 * SyntaxErrors, the opcode table, and the absence of leaks. */
#include "objects/str.h"
#include "objects/tuple.h"
#include "parser/parser.h"
#include "parser/scope.h"
#include "tests/unit/objtest.h"
#include "vm/code.h"
#include "vm/compile.h"
#include "vm/dis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct CompileCase {
    const char *name, *src, *dis, *fields, *positions;
} CompileCase;

static const CompileCase cases[] = {
#include "tests/unit/compile_cases.inc"
};
#define NCASES ((int)(sizeof cases / sizeof cases[0]))

/* ---- helpers -------------------------------------------------------------------------------- */

static const PrParseMode parse_modes[] = {PR_PARSE_FILE, PR_PARSE_EVAL, PR_PARSE_SINGLE};

/* Parses, analyses and compiles src. Returns: the code object, or NULL with the exception
 * pending (a front-end error is reported as a test failure). */
static PrObject *compile_mode(const char *src, int mode)
{
    PrArena *arena = pr_arena_new();
    ck_assert_ptr_nonnull(arena);
    PrSyntaxError err;
    PrAstMod *mod = pr_parse(src, strlen(src), "t.py", parse_modes[mode], arena, &err);
    ck_assert_msg(mod != NULL, "parse error: %s", err.msg);
    PrScopeTable *t = pr_scope_analyze(mod, "t.py", arena, &err);
    ck_assert_msg(t != NULL, "scope error: %s", err.msg);
    PrObject *co = pr_compile(mod, t, "t.py", mode);
    pr_arena_free(arena);
    return co;
}

static PrObject *compile_ok(const char *src)
{
    PrObject *co = compile_mode(src, PR_COMPILE_EXEC);
    if (!co) {
        PrObject *e = pr_err_fetch();
        PrObject *s = pr_object_str(e);
        ck_abort_msg("compile failed: %s", s ? pr_str_utf8(s) : "?");
    }
    return co;
}

/* Replaces every 0x<hex> by 0xADDR (code objects' addresses), in place: s must have room,
 * which holds for addresses of at least four digits (every heap address). */
static void mask(char *s)
{
    size_t n = strlen(s);
    char *copy = malloc(n + 1), *in = copy, *out = s;
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, s, n + 1);
    while (*in) {
        size_t hex = in[0] == '0' && in[1] == 'x' ? strspn(in + 2, "0123456789abcdef") : 0;
        if (hex >= 4) {
            memcpy(out, "0xADDR", 6);
            out += 6;
            in += 2 + hex;
        } else {
            *out++ = *in++;
        }
    }
    *out = 0;
    free(copy);
}

typedef struct Text {
    char *data;
    size_t size;
    FILE *f;
} Text;

static void text_open(Text *t)
{
    t->data = NULL;
    t->size = 0;
    t->f = open_memstream(&t->data, &t->size);
    ck_assert_ptr_nonnull(t->f);
}

static char *text_close(Text *t)
{
    fclose(t->f);
    mask(t->data);
    return t->data;
}

static char *dis_text(PrObject *co)
{
    Text t;
    text_open(&t);
    ck_assert_int_eq(pr_dis_print(t.f, co), 0);
    return text_close(&t);
}

static void join_names(FILE *f, const PrCode *co, uint8_t kind)
{
    int first = 1;
    for (int i = 0; i < co->nlocalsplus; i++) {
        if (co->localspluskinds[i] & kind) {
            fprintf(f, "%s%s", first ? "" : ",",
                    pr_str_utf8(pr_tuple_get_borrow(co->localsplusnames, i)));
            first = 0;
        }
    }
}

/* One line per code object, depth first: the layout of gen_compile_cases.py's fields(). */
static void describe(FILE *f, PrObject *obj)
{
    const PrCode *co = (const PrCode *)obj;
    fprintf(f, "%s argc=%d posonly=%d kwonly=%d flags=0x%x stack=%d first=%d locals=",
            pr_str_utf8(co->qualname), co->argcount, co->posonlyargcount, co->kwonlyargcount,
            co->flags, co->stacksize, co->firstlineno);
    join_names(f, co, PR_CO_FAST_LOCAL);
    fprintf(f, " cells=");
    join_names(f, co, PR_CO_FAST_CELL);
    fprintf(f, " frees=");
    join_names(f, co, PR_CO_FAST_FREE);
    fprintf(f, " names=");
    for (ssize_t i = 0; i < pr_tuple_size(co->names); i++) {
        fprintf(f, "%s%s", i ? "," : "", pr_str_utf8(pr_tuple_get_borrow(co->names, i)));
    }
    fprintf(f, " consts=");
    for (ssize_t i = 0; i < pr_tuple_size(co->consts); i++) {
        PrObject *k = pr_tuple_get_borrow(co->consts, i);
        if (PR_CODE_CHECK(k)) {
            fprintf(f, "%s<code %s>", i ? "|" : "", pr_str_utf8(((PrCode *)k)->name));
        } else {
            PrObject *r = pr_object_repr(k);
            ck_assert_ptr_nonnull(r);
            fprintf(f, "%s%s", i ? "|" : "", pr_str_utf8(r));
            PR_DECREF(r);
        }
    }
    fprintf(f, "\n");
    for (ssize_t i = 0; i < pr_tuple_size(co->consts); i++) {
        PrObject *k = pr_tuple_get_borrow(co->consts, i);
        if (PR_CODE_CHECK(k)) {
            describe(f, k);
        }
    }
}

static void put_pos(FILE *f, int v)
{
    if (v < 0) {
        fputc('-', f);
    } else {
        fprintf(f, "%d", v);
    }
}

/* co_positions(): one line per code object, one l:el:c:ec item per code unit. */
static void positions(FILE *f, PrObject *obj)
{
    const PrCode *co = (const PrCode *)obj;
    for (ssize_t i = 0; i < PR_CODE_NUNITS(co); i++) {
        PrCodeLocation loc;
        ck_assert_int_eq(pr_code_location(co, i, &loc), 1);
        if (i) {
            fputc(' ', f);
        }
        put_pos(f, loc.line);
        fputc(':', f);
        put_pos(f, loc.line < 0 ? -1 : loc.end_line);
        fputc(':', f);
        put_pos(f, loc.col);
        fputc(':', f);
        put_pos(f, loc.end_col);
    }
    fputc('\n', f);
    for (ssize_t i = 0; i < pr_tuple_size(co->consts); i++) {
        PrObject *k = pr_tuple_get_borrow(co->consts, i);
        if (PR_CODE_CHECK(k)) {
            positions(f, k);
        }
    }
}

/* Fails with the first line where got and expected differ. */
static void assert_same(const char *what, const char *name, const char *got, const char *exp)
{
    if (strcmp(got, exp) == 0) {
        return;
    }
    int line = 1;
    const char *g = got, *e = exp, *gl = got, *el = exp;
    while (*g && *g == *e) {
        if (*g == '\n') {
            line++;
            gl = g + 1;
            el = e + 1;
        }
        g++;
        e++;
    }
    ck_abort_msg("%s of case '%s' differs at line %d:\n  got:      %.*s\n  expected: %.*s", what,
                 name, line, (int)strcspn(gl, "\n"), gl, (int)strcspn(el, "\n"), el);
}

/* ---- CPython's output, case by case --------------------------------------------------------- */

START_TEST(test_case_dis)
{
    const CompileCase *k = &cases[_i];
    PrObject *co = compile_ok(k->src);
    char *got = dis_text(co);
    assert_same("dis", k->name, got, k->dis);
    free(got);
    PR_DECREF(co);
}
END_TEST

START_TEST(test_case_fields)
{
    const CompileCase *k = &cases[_i];
    PrObject *co = compile_ok(k->src);
    Text t;
    text_open(&t);
    describe(t.f, co);
    char *got = text_close(&t);
    assert_same("code object fields", k->name, got, k->fields);
    free(got);
    PR_DECREF(co);
}
END_TEST

START_TEST(test_case_positions)
{
    const CompileCase *k = &cases[_i];
    PrObject *co = compile_ok(k->src);
    Text t;
    text_open(&t);
    positions(t.f, co);
    char *got = text_close(&t);
    assert_same("positions", k->name, got, k->positions);
    free(got);
    PR_DECREF(co);
}
END_TEST

/* Compiling and releasing leaves the allocator as it was (after a first run has interned the
 * names, which live until the interpreter ends). */
START_TEST(test_case_no_leak)
{
    const CompileCase *k = &cases[_i];
    PR_DECREF(compile_ok(k->src));
    size_t before = objtest_blocks();
    PR_DECREF(compile_ok(k->src));
    ck_assert_uint_eq(objtest_blocks(), before);
}
END_TEST

/* ---- modes ---------------------------------------------------------------------------------- */

START_TEST(test_eval_and_single)
{
    PrObject *co = compile_mode("a + 1", PR_COMPILE_EVAL);
    ck_assert_ptr_nonnull(co);
    char *got = dis_text(co);
    ck_assert_str_eq(got, "  0           0 RESUME                   0\n"
                          "\n"
                          "  1           2 LOAD_NAME                0 (a)\n"
                          "              4 LOAD_CONST               0 (1)\n"
                          "              6 BINARY_OP                0 (+)\n"
                          "             10 RETURN_VALUE\n");
    free(got);
    PR_DECREF(co);
    co = compile_mode("a + 1\n", PR_COMPILE_SINGLE);
    ck_assert_ptr_nonnull(co);
    got = dis_text(co);
    ck_assert_str_eq(got, "  0           0 RESUME                   0\n"
                          "\n"
                          "  1           2 LOAD_NAME                0 (a)\n"
                          "              4 LOAD_CONST               0 (1)\n"
                          "              6 BINARY_OP                0 (+)\n"
                          "             10 PRINT_EXPR\n"
                          "             12 LOAD_CONST               1 (None)\n"
                          "             14 RETURN_VALUE\n");
    free(got);
    PR_DECREF(co);
}
END_TEST

START_TEST(test_dis_not_code)
{
    FILE *f = fopen("/dev/null", "w");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(pr_dis_print(f, PR_None), -1);
    fclose(f);
    ASSERT_RAISED(PR_EXC(TypeError), "don't know how to disassemble NoneType objects");
}
END_TEST

START_TEST(test_mode_mismatch)
{
    PrArena *arena = pr_arena_new();
    PrSyntaxError err;
    PrAstMod *mod = pr_parse("x", 1, "t.py", PR_PARSE_FILE, arena, &err);
    PrScopeTable *t = pr_scope_analyze(mod, "t.py", arena, &err);
    ck_assert_ptr_null(pr_compile(mod, t, "t.py", PR_COMPILE_EVAL));
    ck_assert(pr_err_matches((PrObject *)PR_EXC(SystemError)));
    pr_err_clear();
    pr_arena_free(arena);
}
END_TEST

/* ---- the code object ------------------------------------------------------------------------ */

START_TEST(test_code_repr_and_fields)
{
    PrObject *co = compile_ok("def f(a, b, *c, d, **e):\n    x = a\n    def g(): return x\n");
    PrObject *r = pr_object_repr(co);
    char buf[256];
    snprintf(buf, sizeof buf, "%s", pr_str_utf8(r));
    PR_DECREF(r);
    mask(buf);
    ck_assert_str_eq(buf, "<code object <module> at 0xADDR, file \"t.py\", line 1>");
    PrCode *f = (PrCode *)pr_tuple_get_borrow(((PrCode *)co)->consts, 0);
    ck_assert(PR_CODE_CHECK(f));
    ck_assert_int_eq(f->argcount, 2);
    ck_assert_int_eq(f->kwonlyargcount, 1);
    ck_assert_int_eq(f->nlocals, 6); /* a b d c e g, then the cell x */
    ck_assert_int_eq(f->ncellvars, 1);
    ck_assert_int_eq(f->nfreevars, 0);
    ck_assert_int_eq(f->flags, PR_CO_OPTIMIZED | PR_CO_NEWLOCALS | PR_CO_VARARGS |
                                   PR_CO_VARKEYWORDS);
    const char *order[] = {"a", "b", "d", "c", "e", "g", "x"};
    for (int i = 0; i < 7; i++) {
        ck_assert_str_eq(pr_str_utf8(pr_tuple_get_borrow(f->localsplusnames, i)), order[i]);
    }
    ck_assert_int_eq(f->localspluskinds[5], PR_CO_FAST_LOCAL);
    ck_assert_int_eq(f->localspluskinds[6], PR_CO_FAST_CELL);
    /* The first instruction makes the cell. */
    ck_assert_int_eq(PR_CU_OPCODE(f->code[0]), PR_OP_MAKE_CELL);
    ck_assert_int_eq(PR_CU_OPARG(f->code[0]), 6);
    PrCode *g = NULL;
    for (ssize_t i = 0; i < pr_tuple_size(f->consts); i++) {
        if (PR_CODE_CHECK(pr_tuple_get_borrow(f->consts, i))) {
            g = (PrCode *)pr_tuple_get_borrow(f->consts, i);
        }
    }
    ck_assert_ptr_nonnull(g);
    ck_assert_str_eq(pr_str_utf8(g->qualname), "f.<locals>.g");
    ck_assert_int_eq(g->nfreevars, 1);
    ck_assert_int_eq(g->flags & PR_CO_NESTED, PR_CO_NESTED);
    ck_assert_int_eq(PR_CU_OPCODE(g->code[0]), PR_OP_COPY_FREE_VARS);
    ck_assert_int_eq(PR_SIZE(pr_tuple_get_borrow(((PrCode *)co)->names, 0)) > 0, 1);
    PR_DECREF(co);
}
END_TEST

/* The runs of the line table cover every code unit once, in order, and agree with the
 * point lookups. */
START_TEST(test_linetable_walk)
{
    PrObject *obj = compile_ok("def f(a):\n    if a:\n        return [x for x in a]\n"
                               "    return (a +\n            1)\n");
    const PrCode *f = (const PrCode *)pr_tuple_get_borrow(((PrCode *)obj)->consts, 0);
    ssize_t pos = 0, start, end, expect = 0;
    PrCodeLocation loc, one;
    int runs = 0;
    while (pr_code_next_run(f, &pos, &start, &end, &loc)) {
        ck_assert_int_eq(start, expect);
        ck_assert_int_gt(end, start);
        for (ssize_t i = start; i < end; i++) {
            ck_assert_int_eq(pr_code_location(f, i, &one), 1);
            ck_assert_int_eq(one.line, loc.line);
            ck_assert_int_eq(one.col, loc.col);
            ck_assert_int_eq(one.end_line, loc.end_line);
            ck_assert_int_eq(one.end_col, loc.end_col);
            ck_assert_int_eq(pr_code_addr2line(f, i), loc.line);
        }
        expect = end;
        runs++;
    }
    ck_assert_int_eq(expect, PR_CODE_NUNITS(f));
    ck_assert_int_gt(runs, 3);
    ck_assert_int_eq(pr_code_location(f, PR_CODE_NUNITS(f), &one), 0);
    ck_assert_int_eq(one.line, -1);
    ck_assert_int_eq(pr_code_addr2line(f, 0), 1); /* RESUME: the def line */
    PR_DECREF(obj);
}
END_TEST

static int count_handlers(const PrCode *co, PrExceptEntry *out, int max)
{
    ssize_t pos = 0;
    int n = 0;
    PrExceptEntry e;
    while (pr_code_next_handler(co, &pos, &e)) {
        if (n < max) {
            out[n] = e;
        }
        n++;
    }
    return n;
}

/* try/except: the body's handler is PUSH_EXC_INFO at depth 0 without lasti; the handler's
 * own cleanup pushes lasti, in two ranges (CPython: "4 to 22 -> 28 [0]", "28 to 56 -> 66 [1]
 * lasti", "64 to 64 -> 66 [1] lasti"). */
START_TEST(test_exception_table_try)
{
    PrObject *obj = compile_ok("try:\n    a()\nexcept E:\n    b()\n");
    const PrCode *co = (const PrCode *)obj;
    PrExceptEntry e[8];
    int n = count_handlers(co, e, 8);
    ck_assert_int_eq(n, 3);
    ck_assert_int_eq(e[1].target, e[2].target);
    ck_assert_int_eq(e[0].depth, 0);
    ck_assert_int_eq(e[0].lasti, 0);
    ck_assert_int_eq(PR_CU_OPCODE(co->code[e[0].target]), PR_OP_PUSH_EXC_INFO);
    ck_assert_int_eq(e[1].depth, 1);
    ck_assert_int_eq(e[1].lasti, 1);
    ck_assert_int_eq(PR_CU_OPCODE(co->code[e[1].target]), PR_OP_COPY);
    /* Every unit of the try body finds the first handler; RESUME finds none. */
    PrExceptEntry h;
    for (int i = e[0].start; i < e[0].end; i++) {
        ck_assert_int_eq(pr_code_find_handler(co, i, &h), 1);
        ck_assert_int_eq(h.target, e[0].target);
    }
    ck_assert_int_eq(pr_code_find_handler(co, 0, &h), 0);
    PR_DECREF(obj);
}
END_TEST

/* finally and with: the handlers' depth leaves the iterator / __exit__ below them. */
START_TEST(test_exception_table_finally_with)
{
    PrObject *obj = compile_ok("for x in y:\n    try:\n        a()\n    finally:\n        b()\n");
    PrExceptEntry e[8];
    int n = count_handlers((const PrCode *)obj, e, 8);
    ck_assert_int_eq(n, 2);
    ck_assert_int_eq(e[0].depth, 1); /* the iterator stays */
    ck_assert_int_eq(e[0].lasti, 0);
    ck_assert_int_eq(e[1].depth, 2);
    ck_assert_int_eq(e[1].lasti, 1);
    PR_DECREF(obj);
    obj = compile_ok("with m as v:\n    a()\n");
    n = count_handlers((const PrCode *)obj, e, 8);
    ck_assert_int_eq(n, 3);
    const PrCode *co = (const PrCode *)obj;
    ck_assert_int_eq(e[0].depth, 1); /* __exit__ stays, the __enter__ result goes */
    ck_assert_int_eq(e[0].lasti, 1);
    ck_assert_int_eq(PR_CU_OPCODE(co->code[e[0].target]), PR_OP_PUSH_EXC_INFO);
    ck_assert_int_eq(PR_CU_OPCODE(co->code[e[0].target + 1]), PR_OP_WITH_EXCEPT_START);
    ck_assert_int_eq(e[1].depth, 3);
    ck_assert_int_eq(e[1].lasti, 1);
    PR_DECREF(obj);
}
END_TEST

/* ---- errors the compiler raises itself ------------------------------------------------------ */

static void assert_compile_error(const char *src, const char *msg)
{
    ck_assert_ptr_null(compile_mode(src, PR_COMPILE_EXEC));
    ASSERT_RAISED(PR_EXC(SyntaxError), msg);
}

START_TEST(test_errors)
{
    char src[4096] = "";
    for (int i = 0; i < 21; i++) {
        size_t n = strlen(src);
        snprintf(src + n, sizeof src - n, "%*sfor x%d in y:\n", i, "", i);
    }
    size_t n = strlen(src);
    snprintf(src + n, sizeof src - n, "%*spass\n", 21, "");
    assert_compile_error(src, "too many statically nested blocks (t.py, line 21)");
    assert_compile_error("*a, *b = c\n", "multiple starred expressions in assignment (t.py, line 1)");
    assert_compile_error("x = 2j\n", "complex numbers are not supported (t.py, line 1)");
}
END_TEST

/* ---- out of memory ------------------------------------------------------------------------ */

/* Every allocation the compiler makes is refused in turn: it fails with MemoryError, releases
 * what it made, and leaves the allocator as it found it; given enough, it succeeds. */
START_TEST(test_out_of_memory)
{
    static const char src[] = "import os\n"
                              "class C(B):\n"
                              "    x: int = 1\n"
                              "    def m(self, a=(1, 2), *, k=3):\n"
                              "        try:\n"
                              "            return [y for y in a if y] + super().m()\n"
                              "        except E as e:\n"
                              "            with f() as g:\n"
                              "                yield f'{g!r:>3}' % (e,)\n"
                              "        finally:\n"
                              "            del self.x\n"
                              "d = {'a': 1, **k}\n"
                              "print(*d, sep=' ')\n";
    PrArena *arena = pr_arena_new();
    PrSyntaxError err;
    PrAstMod *mod = pr_parse(src, sizeof src - 1, "t.py", PR_PARSE_FILE, arena, &err);
    ck_assert_ptr_nonnull(mod);
    PrScopeTable *t = pr_scope_analyze(mod, "t.py", arena, &err);
    ck_assert_ptr_nonnull(t);
    PR_DECREF(pr_compile(mod, t, "t.py", PR_COMPILE_EXEC)); /* interns the names once */
    int done = 0;
    long k;
    for (k = 0; k < 5000 && !done; k++) {
        pr_tuple_clear_free_lists();
        size_t before = objtest_blocks();
        pr_raw_fail_after(k);
        PrObject *co = pr_compile(mod, t, "t.py", PR_COMPILE_EXEC);
        pr_raw_fail_after(-1);
        if (co) {
            done = 1;
            PR_DECREF(co);
        } else {
            ck_assert_msg(pr_err_occurred_borrow() == pr_interp.memory_error,
                          "allocation %ld: not a MemoryError", k);
            pr_err_clear();
        }
        pr_tuple_clear_free_lists();
        ck_assert_msg(objtest_blocks() == before, "allocation %ld: leaked", k);
    }
    ck_assert(done);
    ck_assert_int_gt(k, 50); /* the sweep did refuse the compiler's allocations */
    pr_arena_free(arena);
}
END_TEST

/* ---- the opcode table ----------------------------------------------------------------------- */

START_TEST(test_opcode_table)
{
    ck_assert_str_eq(pr_dis_opname(PR_OP_LOAD_CONST), "LOAD_CONST");
    ck_assert_ptr_null(pr_dis_opname(PR_OP__COUNT));
    /* 3.11's inline cache sizes. */
    ck_assert_int_eq(PR_OPCODE_NCACHE(PR_OP_LOAD_GLOBAL), 5);
    ck_assert_int_eq(PR_OPCODE_NCACHE(PR_OP_LOAD_ATTR), 4);
    ck_assert_int_eq(PR_OPCODE_NCACHE(PR_OP_LOAD_METHOD), 10);
    ck_assert_int_eq(PR_OPCODE_NCACHE(PR_OP_BINARY_OP), 1);
    ck_assert_int_eq(PR_OPCODE_NCACHE(PR_OP_CALL), 4);
    ck_assert_int_eq(PR_OPCODE_NCACHE(PR_OP_PRECALL), 1);
    ck_assert_int_eq(PR_OPCODE_NCACHE(PR_OP_UNPACK_SEQUENCE), 1);
    ck_assert_int_eq(PR_OPCODE_NCACHE(PR_OP_LOAD_FAST), 0);
    /* Stack effects, including the ones that depend on the oparg or the edge. */
    ck_assert_int_eq(pr_opcode_pops(PR_OP_CALL, 3, 0), 5);
    ck_assert_int_eq(pr_opcode_pushes(PR_OP_LOAD_GLOBAL, 1, 0), 2);
    ck_assert_int_eq(pr_opcode_pushes(PR_OP_LOAD_GLOBAL, 2, 0), 1);
    ck_assert_int_eq(pr_opcode_pushes(PR_OP_UNPACK_EX, 2 | (3 << 8), 0), 6);
    ck_assert_int_eq(pr_opcode_pops(PR_OP_MAKE_FUNCTION, 0x0F, 0), 5);
    ck_assert_int_eq(pr_opcode_pushes(PR_OP_FOR_ITER, 0, 0), 2);
    ck_assert_int_eq(pr_opcode_pushes(PR_OP_FOR_ITER, 0, 1), 0);
    ck_assert_int_eq(pr_opcode_pushes(PR_OP_JUMP_IF_TRUE_OR_POP, 0, 1), 1);
    ck_assert_int_eq(pr_opcode_pushes(PR_OP_JUMP_IF_TRUE_OR_POP, 0, 0), 0);
    ck_assert(pr_opcode_is_jump(PR_OP_JUMP_BACKWARD));
    ck_assert(!pr_opcode_is_jump(PR_OP_CALL));
    ck_assert_int_eq(PR_CU_OPCODE(PR_CU_MAKE(PR_OP_CALL, 200)), PR_OP_CALL);
    ck_assert_int_eq(PR_CU_OPARG(PR_CU_MAKE(PR_OP_CALL, 200)), 200);
}
END_TEST

Suite *pr_test_compile_suite(void)
{
    Suite *s = suite_create("compile");
    TCase *tc = tcase_create("cpython");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_case_dis, 0, NCASES);
    tcase_add_loop_test(tc, test_case_fields, 0, NCASES);
    tcase_add_loop_test(tc, test_case_positions, 0, NCASES);
    tcase_add_loop_test(tc, test_case_no_leak, 0, NCASES);
    suite_add_tcase(s, tc);
    tc = tcase_create("code");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_eval_and_single);
    tcase_add_test(tc, test_mode_mismatch);
    tcase_add_test(tc, test_dis_not_code);
    tcase_add_test(tc, test_code_repr_and_fields);
    tcase_add_test(tc, test_linetable_walk);
    tcase_add_test(tc, test_exception_table_try);
    tcase_add_test(tc, test_exception_table_finally_with);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_opcode_table);
    suite_add_tcase(s, tc);
    tc = tcase_create("oom");
    tcase_add_checked_fixture(tc, objtest_setup_malloc, objtest_teardown);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_out_of_memory);
    suite_add_tcase(s, tc);
    return s;
}
