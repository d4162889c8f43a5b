/* tests/unit/test_scope.c — scope analysis against CPython 3.11: every block and symbol of the
 * programs in scope_cases.inc (written to cover each rule) and scope_random.inc (random mixes)
 * must resolve as Python's symtable module says, and every error must carry CPython's message
 * and position. The trees come from CPython's own parser (tests/unit/ast_reader.h), so these
 * tests do not depend on pyrena's parser; then the same programs go through pyrena's parser
 * (lexer -> parser -> scope analysis) and must give the same answers. Then the parts
 * symtable does not show: node lookup, slots, block properties, mangling, the dump, and
 * running out of memory. */
#include "memory/raw.h"
#include "parser/parser.h"
#include "parser/scope.h"
#include "tests/unit/ast_reader.h"
#include "tests/unit/suites.h"

#include <stdlib.h>
#include <string.h>

typedef struct OkCase {
    const char *src, *ast, *expected;
} OkCase;

typedef struct ErrCase {
    const char *src, *ast, *msg;
    int lineno, offset, end_lineno, end_offset;
} ErrCase;

static const OkCase ok_cases[] = {
#define SCOPE_OK(src, ast, expected) {src, ast, expected},
#define SCOPE_ERR(src, ast, msg, l, o, el, eo)
#include "tests/unit/scope_cases.inc"
#include "tests/unit/scope_random.inc"
#undef SCOPE_OK
#undef SCOPE_ERR
};

static const ErrCase err_cases[] = {
#define SCOPE_OK(src, ast, expected)
#define SCOPE_ERR(src, ast, msg, l, o, el, eo) {src, ast, msg, l, o, el, eo},
#include "tests/unit/scope_cases.inc"
#include "tests/unit/scope_random.inc"
#undef SCOPE_OK
#undef SCOPE_ERR
};

#define N_OK ((int)(sizeof ok_cases / sizeof ok_cases[0]))
#define N_ERR ((int)(sizeof err_cases / sizeof err_cases[0]))

static const char *const cpython_types[] = {
#define SCOPE_KIND(UPPER, name, cpython) cpython,
#include "parser/scope.def"
};

/* ------------------------------------------------------------------------------------------- */
/* The layout of gen_scope_cases.py's dump()                                                    */

static void print_params(FILE *out, const PrScope *s, int depth)
{
    fprintf(out, "%*sparams:", depth * 2 + 2, "");
    for (size_t p = 0; p < s->nparams; p++) {
        for (size_t i = 0; i < s->nsymbols; i++) {
            if (s->symbols[i].param == (int)p) {
                fprintf(out, " %s", s->symbols[i].name);
            }
        }
    }
    fputc('\n', out);
}

static void print_like_symtable(FILE *out, const PrScope *s, int depth)
{
    char flags[160];
    fprintf(out, "%*s%s %s line %d%s\n", depth * 2, "", cpython_types[s->kind], s->name, s->lineno,
            s->is_nested ? " nested" : "");
    if (s->nparams) {
        print_params(out, s, depth);
    }
    for (size_t i = 0; i < s->nsymbols; i++) {
        const PrSymbol *sym = &s->symbols[i];
        fprintf(out, "%*s%s: %s %s\n", depth * 2 + 2, "", sym->name, pr_sym_scope_name(sym->scope),
                pr_sym_flags_str(sym->flags, flags, sizeof flags));
    }
    for (size_t i = 0; i < s->nchildren; i++) {
        print_like_symtable(out, s->children[i], depth + 1);
    }
}

static char *table_text(const PrScopeTable *t, int like_symtable)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(f);
    if (like_symtable) {
        print_like_symtable(f, t->top, 0);
    } else {
        pr_scope_dump(f, t);
    }
    fclose(f);
    return buf;
}

/* Reads a case's tree and analyses it. */
static PrScopeTable *analyze(const char *ast_text, PrArena *arena, PrAstMod **mod,
                             PrSyntaxError *err)
{
    *mod = pr_test_ast_read(ast_text, arena);
    ck_assert_msg(*mod != NULL, "unreadable tree: %s", ast_text);
    return pr_scope_analyze(*mod, "t.py", arena, err);
}

/* ------------------------------------------------------------------------------------------- */
/* Against CPython                                                                              */

START_TEST(test_symtable_case)
{
    const OkCase *c = &ok_cases[_i];
    PrArena *arena = pr_arena_new();
    PrAstMod *mod;
    PrSyntaxError err;
    PrScopeTable *t = analyze(c->ast, arena, &mod, &err);
    ck_assert_msg(t != NULL, "%s\nfailed: %s (line %d)", c->src, err.msg, err.lineno);
    char *got = table_text(t, 1);
    if (strcmp(got, c->expected) != 0) {
        ck_abort_msg("source:\n%s\nexpected:\n%s\ngot:\n%s", c->src, c->expected, got);
    }
    free(got); /* open_memstream's buffer comes from the C library */
    pr_arena_free(arena);
}
END_TEST

START_TEST(test_error_case)
{
    const ErrCase *c = &err_cases[_i];
    PrArena *arena = pr_arena_new();
    PrAstMod *mod;
    PrSyntaxError err;
    PrScopeTable *t = analyze(c->ast, arena, &mod, &err);
    ck_assert_msg(t == NULL, "%s\nanalysed without error", c->src);
    ck_assert_msg(strcmp(err.msg, c->msg) == 0 && err.lineno == c->lineno &&
                      err.offset == c->offset && err.end_lineno == c->end_lineno &&
                      err.end_offset == c->end_offset,
                  "source:\n%s\nexpected %s %d:%d-%d:%d\ngot      %s %d:%d-%d:%d", c->src, c->msg,
                  c->lineno, c->offset, c->end_lineno, c->end_offset, err.msg, err.lineno,
                  err.offset, err.end_lineno, err.end_offset);
    ck_assert_int_eq(err.kind, PR_SYNERR_SYNTAX);
    ck_assert_str_eq(err.filename, "t.py");
    pr_arena_free(arena);
}
END_TEST

/* The same programs through pyrena's own parser: the same tables and errors. */
START_TEST(test_parsed_case)
{
    int ok = _i < N_OK;
    const char *src = ok ? ok_cases[_i].src : err_cases[_i - N_OK].src;
    PrArena *arena = pr_arena_new();
    PrSyntaxError err;
    PrAstMod *mod = pr_parse(src, strlen(src), "t.py", PR_PARSE_FILE, arena, &err);
    ck_assert_msg(mod != NULL, "%s\nparser: %s (line %d)", src, err.msg, err.lineno);
    PrScopeTable *t = pr_scope_analyze(mod, "t.py", arena, &err);
    if (ok) {
        ck_assert_msg(t != NULL, "%s\nfailed: %s (line %d)", src, err.msg, err.lineno);
        char *got = table_text(t, 1);
        if (strcmp(got, ok_cases[_i].expected) != 0) {
            ck_abort_msg("source:\n%s\nexpected:\n%s\ngot:\n%s", src, ok_cases[_i].expected, got);
        }
        free(got);
    } else {
        const ErrCase *c = &err_cases[_i - N_OK];
        ck_assert_msg(t == NULL && strcmp(err.msg, c->msg) == 0 && err.lineno == c->lineno &&
                          err.offset == c->offset && err.end_lineno == c->end_lineno &&
                          err.end_offset == c->end_offset,
                      "%s\nexpected %s %d:%d-%d:%d, got %s %d:%d-%d:%d", src, c->msg, c->lineno,
                      c->offset, c->end_lineno, c->end_offset, t ? "no error" : err.msg, err.lineno,
                      err.offset, err.end_lineno, err.end_offset);
    }
    pr_arena_free(arena);
}
END_TEST

/* ------------------------------------------------------------------------------------------- */
/* What symtable does not show                                                                  */

/* The tree and table of one program from scope_cases.inc, found by its source. */
typedef struct Fixture {
    PrArena *arena;
    PrAstMod *mod;
    PrScopeTable *t;
} Fixture;

static Fixture load(const char *src)
{
    Fixture fx = {pr_arena_new(), NULL, NULL};
    PrSyntaxError err;
    for (int i = 0; i < N_OK; i++) {
        if (strcmp(ok_cases[i].src, src) == 0) {
            fx.t = analyze(ok_cases[i].ast, fx.arena, &fx.mod, &err);
            ck_assert_ptr_nonnull(fx.t);
            return fx;
        }
    }
    ck_abort_msg("no case with source %s", src);
    return fx;
}

static const PrSymbol *sym(const PrScope *s, const char *name)
{
    const PrSymbol *y = pr_scope_lookup(s, name);
    ck_assert_msg(y != NULL, "no symbol %s in %s", name, s->name);
    return y;
}

START_TEST(test_node_lookup)
{
    Fixture fx = load("def f(a=lambda: b, *, c=lambda: d):\n    pass\n");
    ck_assert_ptr_eq(pr_scope_of(fx.t, fx.mod), fx.t->top);
    const PrAstStmt *def = fx.mod->v.Module.body.items[0];
    PrScope *f = pr_scope_of(fx.t, def);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f->name, "f");
    ck_assert_int_eq(f->kind, PR_SCOPE_FUNCTION);
    ck_assert_ptr_eq(f->node, def);
    /* The defaults' lambdas are children of the module, entered before f. */
    const PrAstExpr *l1 = def->v.FunctionDef.args->defaults.items[0];
    const PrAstExpr *l2 = def->v.FunctionDef.args->kw_defaults.items[0];
    ck_assert_uint_eq(fx.t->top->nchildren, 3);
    ck_assert_ptr_eq(fx.t->top->children[0], pr_scope_of(fx.t, l1));
    ck_assert_ptr_eq(fx.t->top->children[1], pr_scope_of(fx.t, l2));
    ck_assert_ptr_eq(fx.t->top->children[2], f);
    ck_assert_ptr_null(pr_scope_of(fx.t, def->v.FunctionDef.body.items[0]));
    ck_assert_uint_eq(fx.t->nscopes, 4);
    pr_arena_free(fx.arena);
}
END_TEST

START_TEST(test_slots)
{
    Fixture fx = load("def f(a, b=1, *args, c, d=2, **kw):\n"
                      "    return a + b + c + d + len(args) + len(kw) + g\n");
    const PrScope *f = fx.t->top->children[0];
    const char *order[] = {"a", "b", "c", "d", "args", "kw"};
    ck_assert_uint_eq(f->nparams, 6);
    for (int i = 0; i < 6; i++) {
        ck_assert_int_eq(sym(f, order[i])->param, i);
        ck_assert_int_eq(sym(f, order[i])->slot, i);
    }
    ck_assert_int_eq(f->has_varargs, 1);
    ck_assert_int_eq(f->has_varkw, 1);
    ck_assert_int_eq(f->nlocals, 6);
    ck_assert_int_eq(sym(f, "g")->slot, -1);
    ck_assert_int_eq(sym(f, "g")->scope, PR_SYM_GLOBAL_IMPLICIT);
    ck_assert_int_eq(sym(f, "len")->param, -1);
    ck_assert_int_eq(fx.t->top->nlocals, 0);
    ck_assert_int_eq(sym(fx.t->top, "f")->slot, -1);
    pr_arena_free(fx.arena);
}
END_TEST

START_TEST(test_cells_and_frees)
{
    /* f: x is a cell (slot after the locals), g a local; g: x free. */
    Fixture fx = load("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
    const PrScope *f = fx.t->top->children[0];
    const PrScope *g = f->children[0];
    ck_assert_int_eq(sym(f, "x")->scope, PR_SYM_CELL);
    ck_assert_int_eq(sym(f, "g")->slot, 0);
    ck_assert_int_eq(f->nlocals, 1);
    ck_assert_int_eq(f->ncells, 1);
    ck_assert_int_eq(sym(f, "x")->slot, 1);
    ck_assert_int_eq(f->child_free, 1);
    ck_assert_int_eq(f->has_free, 0);
    ck_assert_int_eq(g->has_free, 1);
    ck_assert_int_eq(g->is_nested, 1);
    ck_assert_int_eq(f->is_nested, 0);
    ck_assert_int_eq(g->nfrees, 1);
    ck_assert_int_eq(sym(g, "x")->slot, 0);
    ck_assert_int_eq(f->returns_value, 1);
    pr_arena_free(fx.arena);

    /* A local that is not a parameter but a cell is numbered after the plain locals. */
    fx = load("def f(a):\n    def g():\n        a = 2\n        def h():\n            return a\n");
    f = fx.t->top->children[0];
    ck_assert_int_eq(sym(f, "a")->scope, PR_SYM_LOCAL);
    g = f->children[0];
    ck_assert_int_eq(sym(g, "a")->scope, PR_SYM_CELL);
    ck_assert_int_eq(sym(g, "h")->slot, 0); /* locals first, then cells */
    ck_assert_int_eq(sym(g, "a")->slot, 1);
    ck_assert_int_eq(sym(g->children[0], "a")->slot, 0);
    pr_arena_free(fx.arena);

    fx = load("def f(*args, **kwargs):\n    def g():\n        return args, kwargs\n    return g\n");
    f = fx.t->top->children[0];
    ck_assert_int_eq(sym(f, "args")->scope, PR_SYM_CELL);
    ck_assert_int_eq(sym(f, "args")->slot, 0);
    ck_assert_int_eq(sym(f, "kwargs")->slot, 1);
    ck_assert_int_eq(f->ncells, 0); /* both cells are parameters */
    ck_assert_int_eq(sym(f, "g")->slot, 2);
    pr_arena_free(fx.arena);

    /* A class passes x through to its method; the method's x is free. */
    fx = load("def outer():\n    v = 1\n    class C:\n        v = 2\n        def m(self):\n"
              "            return v\n    return C\n");
    const PrScope *c = fx.t->top->children[0]->children[0];
    ck_assert_int_eq(c->kind, PR_SCOPE_CLASS);
    ck_assert_int_eq(sym(c, "v")->scope, PR_SYM_LOCAL);
    ck_assert_uint_eq(sym(c, "v")->flags, PR_SYM_DEF_LOCAL | PR_SYM_DEF_FREE_CLASS);
    ck_assert_int_eq(sym(c, "v")->slot, -1);
    ck_assert_int_eq(sym(c->children[0], "v")->scope, PR_SYM_FREE);
    pr_arena_free(fx.arena);
}
END_TEST

START_TEST(test_block_properties)
{
    Fixture fx = load("def gen():\n    yield 1\n    x = yield from other()\n");
    ck_assert_int_eq(fx.t->top->children[0]->is_generator, 1);
    pr_arena_free(fx.arena);

    fx = load("s = {x for x in a}\nd = {k: v for k, v in items}\ng = (e for e in es)\n");
    const PrScope *top = fx.t->top;
    ck_assert_uint_eq(top->nchildren, 3);
    ck_assert_int_eq(top->children[0]->kind, PR_SCOPE_SETCOMP);
    ck_assert_int_eq(top->children[1]->kind, PR_SCOPE_DICTCOMP);
    ck_assert_int_eq(top->children[2]->kind, PR_SCOPE_GENEXPR);
    ck_assert_int_eq(top->children[0]->is_generator, 0);
    ck_assert_int_eq(top->children[2]->is_generator, 1);
    ck_assert_int_eq(sym(top->children[1], ".0")->slot, 0);
    ck_assert_int_eq(sym(top->children[1], "k")->slot, 1);
    ck_assert_int_eq(sym(top->children[1], "v")->slot, 2);
    pr_arena_free(fx.arena);

    fx = load("class C:\n    __x = 1\n    def m(self, __y):\n"
              "        return super().f(__x, self.__z, __dunder__)\n    def g(self):\n"
              "        return lambda: __class__\n");
    const PrScope *c = fx.t->top->children[0];
    ck_assert_int_eq(c->needs_class_closure, 1);
    ck_assert_ptr_null(pr_scope_lookup(c, "__class__"));
    ck_assert_int_eq(sym(c->children[0], "__class__")->scope, PR_SYM_FREE);
    ck_assert_int_eq(c->children[0]->nfrees, 1);
    pr_arena_free(fx.arena);
}
END_TEST

START_TEST(test_mangle)
{
    Fixture fx = load("class A:\n    class B:\n        __x = 1\n        def m(self):\n"
                      "            return __x\n    __y = 2\n");
    const PrScope *a = fx.t->top->children[0];
    const PrScope *b = a->children[0];
    const PrScope *m = b->children[0];
    ck_assert_str_eq(pr_scope_mangle(fx.t, m, "__x"), "_B__x");
    ck_assert_ptr_eq(pr_scope_mangle(fx.t, m, "__x"), sym(m, "_B__x")->name);
    ck_assert_str_eq(pr_scope_mangle(fx.t, a, "__y"), "_A__y");
    ck_assert_str_eq(pr_scope_mangle(fx.t, a, "__y__"), "__y__");
    ck_assert_str_eq(pr_scope_mangle(fx.t, a, "__a.b"), "__a.b");
    ck_assert_str_eq(pr_scope_mangle(fx.t, a, "_y"), "_y");
    ck_assert_str_eq(pr_scope_mangle(fx.t, fx.t->top, "__y"), "__y");
    ck_assert_ptr_null(pr_scope_lookup(m, "__x"));
    ck_assert_ptr_null(pr_scope_lookup(m, "never_mentioned"));
    pr_arena_free(fx.arena);
}
END_TEST

START_TEST(test_dump)
{
    Fixture fx = load("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
    char *got = table_text(fx.t, 0);
    ck_assert_str_eq(got, "symbol table of t.py: 3 blocks\n"
                          "module top (line 0) child_free\n"
                          "  f: LOCAL DEF_LOCAL\n"
                          "    function f (line 1) child_free returns_value\n"
                          "      x: CELL DEF_LOCAL slot 1\n"
                          "      g: LOCAL DEF_LOCAL|USE slot 0\n"
                          "        function g (line 3) nested has_free returns_value\n"
                          "          x: FREE USE slot 0\n");
    free(got);
    pr_arena_free(fx.arena);

    fx = load("def f(a, /, b, *, c):\n    pass\n");
    got = table_text(fx.t, 0);
    ck_assert_str_eq(got, "symbol table of t.py: 2 blocks\n"
                          "module top (line 0)\n"
                          "  f: LOCAL DEF_LOCAL\n"
                          "    function f (line 1)\n"
                          "      params: 0:a 1:b 2:c\n"
                          "      a: LOCAL DEF_PARAM slot 0\n"
                          "      b: LOCAL DEF_PARAM slot 1\n"
                          "      c: LOCAL DEF_PARAM slot 2\n");
    free(got);
    pr_arena_free(fx.arena);
}
END_TEST

/* Every allocation in turn fails: the analysis reports "out of memory", never crashes. */
START_TEST(test_out_of_memory)
{
    const OkCase *c = &ok_cases[0]; /* the biggest tree */
    for (int i = 1; i < N_OK; i++) {
        if (strlen(ok_cases[i].ast) > strlen(c->ast)) {
            c = &ok_cases[i];
        }
    }
    for (long n = 0;; n++) {
        PrArena *arena = pr_arena_new();
        PrAstMod *mod = pr_test_ast_read(c->ast, arena);
        ck_assert_ptr_nonnull(mod);
        PrSyntaxError err;
        pr_raw_fail_after(n);
        PrScopeTable *t = pr_scope_analyze(mod, "t.py", arena, &err);
        pr_raw_fail_after(-1);
        pr_arena_free(arena);
        if (t) {
            ck_assert_int_gt(n, 0);
            break;
        }
        ck_assert_str_eq(err.msg, "out of memory");
        ck_assert_int_eq(err.no_memory, 1);
    }
}
END_TEST

Suite *pr_test_scope_suite(void)
{
    Suite *s = suite_create("scope");
    TCase *tc = tcase_create("cpython");
    tcase_add_loop_test(tc, test_symtable_case, 0, N_OK);
    tcase_add_loop_test(tc, test_error_case, 0, N_ERR);
    suite_add_tcase(s, tc);
    tc = tcase_create("parsed");
    tcase_add_loop_test(tc, test_parsed_case, 0, N_OK + N_ERR);
    suite_add_tcase(s, tc);
    tc = tcase_create("table");
    tcase_add_test(tc, test_node_lookup);
    tcase_add_test(tc, test_slots);
    tcase_add_test(tc, test_cells_and_frees);
    tcase_add_test(tc, test_block_properties);
    tcase_add_test(tc, test_mangle);
    tcase_add_test(tc, test_dump);
    tcase_add_test(tc, test_out_of_memory);
    suite_add_tcase(s, tc);
    return s;
}
