/* vm/compile.c — the compiler's driver: pr_compile, units (one per code object), the emitting
 * helpers, constants and names, variable access by scope, and the constructs that make code
 * objects of their own (functions, classes, lambdas, comprehensions). Expressions and statements
 * are in vm/compile_expr.c and vm/compile_stmt.c; vm/assemble.c makes the code object. Read
 * vm/compile_impl.h first. CPython 3.11's Python/compile.c is the reference throughout. */
#include "vm/compile.h"

#include "memory/obmalloc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/compile_const.h"
#include "vm/compile_impl.h"
#include "vm/errors.h"
#include "vm/interp.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------- */
/* Blocks and instructions                                                                      */

Block *cc_new_block(Compiler *c)
{
    Block *b = pr_arena_calloc(c->arena, sizeof *b);
    if (!b) {
        pr_err_no_memory();
        return NULL;
    }
    b->list = c->u->blocks;
    c->u->blocks = b;
    b->startdepth = INT_MIN;
    return b;
}

void cc_use_block(Compiler *c, Block *b)
{
    c->u->cur->next = b;
    c->u->cur = b;
    c->u->tail_return = 0;
}

int cc_next_block(Compiler *c)
{
    Block *b = cc_new_block(c);
    if (!b) {
        return -1;
    }
    cc_use_block(c, b);
    return 0;
}

static int add_instr(Compiler *c, int op, int arg, Block *target, Loc loc)
{
    Block *b = c->u->cur;
    if (b->n == b->cap) {
        int cap = b->cap ? b->cap * 2 : 16;
        Instr *n = pr_arena_alloc(c->arena, (size_t)cap * sizeof *n);
        if (!n) {
            pr_err_no_memory();
            return -1;
        }
        if (b->n) {
            memcpy(n, b->instrs, (size_t)b->n * sizeof *n);
        }
        b->instrs = n;
        b->cap = cap;
    }
    b->instrs[b->n++] = (Instr){op, arg, target, NULL, loc};
    return 0;
}

/* Instructions after which control never falls through: the block ends there. */
static int ends_block(int op)
{
    return op == PR_OP_RETURN_VALUE || op == PR_OP_RAISE_VARARGS || op == PR_OP_RERAISE ||
           cc_is_jump(op);
}

static int emit_at(Compiler *c, int op, int arg, Block *target, Loc loc)
{
    if (add_instr(c, op, arg, target, loc) < 0 || (ends_block(op) && cc_next_block(c) < 0)) {
        return -1;
    }
    /* CPython keeps appending to the block that ends with RETURN_VALUE, so code ending there
     * gets no implicit `return None` (and no None constant). */
    c->u->tail_return = op == PR_OP_RETURN_VALUE;
    return 0;
}

int cc_emit(Compiler *c, int op, int arg)
{
    return emit_at(c, op, arg, NULL, c->u->loc);
}

int cc_emit_noline(Compiler *c, int op, int arg)
{
    return emit_at(c, op, arg, NULL, NO_LOC);
}

int cc_emit_jump(Compiler *c, int op, Block *target)
{
    return emit_at(c, op, 0, target, c->u->loc);
}

int cc_emit_jump_noline(Compiler *c, int op, Block *target)
{
    return emit_at(c, op, 0, target, NO_LOC);
}

void cc_set_loc(Compiler *c, int line, int col, int end_line, int end_col)
{
    c->u->loc = (Loc){line, end_line, col, end_col};
}

int cc_error(Compiler *c, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    pr_err_format(PR_EXC(SyntaxError), "%s (%U, line %d)", msg, c->filename, c->u->loc.line);
    return -1;
}

int cc_push_fblock(Compiler *c, FBlockType t, Block *b, Block *exit, const void *datum)
{
    if (c->u->nfblocks >= MAX_FBLOCKS) {
        return cc_error(c, "too many statically nested blocks");
    }
    c->u->fblocks[c->u->nfblocks++] = (FBlock){t, b, exit, datum};
    return 0;
}

void cc_pop_fblock(Compiler *c)
{
    PR_ASSERT(c->u->nfblocks > 0);
    c->u->nfblocks--;
}

/* ------------------------------------------------------------------------------------------- */
/* Constants and names                                                                          */

PrObject *cc_str(const char *s)
{
    return pr_str_intern_cstr(s);
}

static int grow(PrObject ***items, int *cap, int n)
{
    if (n < *cap) {
        return 0;
    }
    int ncap = *cap ? *cap * 2 : 8;
    PrObject **p = pr_mem_realloc(*items, (size_t)ncap * sizeof *p);
    if (!p) {
        pr_err_no_memory();
        return -1;
    }
    *items = p;
    *cap = ncap;
    return 0;
}

int cc_add_const(Compiler *c, PrObject *o)
{
    Unit *u = c->u;
    for (int i = 0; i < u->nconsts; i++) {
        if (cc_const_equal(u->consts[i], o)) {
            return i;
        }
    }
    if (grow(&u->consts, &u->capconsts, u->nconsts) < 0) {
        return -1;
    }
    u->consts[u->nconsts] = PR_NEWREF(o);
    return u->nconsts++;
}

int cc_load_const(Compiler *c, PrObject *o)
{
    int i = cc_add_const(c, o);
    return i < 0 ? -1 : cc_emit(c, PR_OP_LOAD_CONST, i);
}

int cc_load_const_steal(Compiler *c, PrObject *o)
{
    if (!o) {
        return -1;
    }
    int r = cc_load_const(c, o);
    PR_DECREF(o);
    return r;
}

static const char *mangle(Compiler *c, const char *name)
{
    const char *m = pr_scope_mangle(c->scopes, c->u->scope, name);
    if (!m) {
        pr_err_no_memory();
    }
    return m;
}

int cc_add_name(Compiler *c, const char *name, int do_mangle)
{
    Unit *u = c->u;
    if (do_mangle && !(name = mangle(c, name))) {
        return -1;
    }
    for (int i = 0; i < u->nnames; i++) {
        if (strcmp(pr_str_utf8(u->names[i]), name) == 0) {
            return i;
        }
    }
    if (grow(&u->names, &u->capnames, u->nnames) < 0) {
        return -1;
    }
    PrObject *s = cc_str(name);
    if (!s) {
        return -1;
    }
    u->names[u->nnames] = s;
    return u->nnames++;
}

int cc_emit_name(Compiler *c, int op, const char *name, int do_mangle)
{
    int i = cc_add_name(c, name, do_mangle);
    return i < 0 ? -1 : cc_emit(c, op, i);
}

/* Where LOAD_DEREF / LOAD_CLOSURE find name: a parameter that is a cell, else a cell, else a
 * free variable (DEREF_REL form). Returns: the operand, or -1. */
static int deref_index(Compiler *c, const char *name)
{
    Unit *u = c->u;
    for (int i = 0; i < u->nlocals; i++) {
        if ((u->lpkinds[i] & PR_CO_FAST_CELL) && strcmp(u->lpnames[i], name) == 0) {
            return i;
        }
    }
    for (uint8_t want = PR_CO_FAST_CELL; want; want = want == PR_CO_FAST_CELL ? PR_CO_FAST_FREE : 0) {
        for (int i = 0; i < u->nderef; i++) {
            if (u->dkinds[i] == want && strcmp(u->dnames[i], name) == 0) {
                return DEREF_REL | i;
            }
        }
    }
    return -1;
}

/* The fast-local slot of sym, given on first use. */
static int local_slot(Compiler *c, const PrSymbol *sym)
{
    Unit *u = c->u;
    size_t i = (size_t)(sym - u->scope->symbols);
    PR_ASSERT(i < u->scope->nsymbols);
    if (u->symslot[i] < 0) {
        u->symslot[i] = u->nlocals;
        u->lpnames[u->nlocals] = sym->name;
        u->lpkinds[u->nlocals++] = PR_CO_FAST_LOCAL;
    }
    return u->symslot[i];
}

void cc_finalize_localsplus(Compiler *c)
{
    Unit *u = c->u;
    u->nlp = u->nlocals;
    for (int i = 0; i < u->nderef; i++, u->nlp++) {
        u->lpnames[u->nlp] = u->dnames[i];
        u->lpkinds[u->nlp] = u->dkinds[i];
    }
    for (Block *b = u->blocks; b; b = b->list) {
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            switch (in->op) {
            case PR_OP_LOAD_CLOSURE:
            case PR_OP_LOAD_DEREF:
            case PR_OP_LOAD_CLASSDEREF:
            case PR_OP_STORE_DEREF:
            case PR_OP_DELETE_DEREF:
                if (in->arg & DEREF_REL) {
                    in->arg = u->nlocals + (in->arg & ~DEREF_REL);
                }
                break;
            default:
                break;
            }
        }
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Starts the unit's localsplus: the parameters (a parameter that is a cell stays in its slot),
 * and the sorted cells and frees (in a class, __class__ among the cells, and among the frees
 * the names it binds that a method uses from outside: DEF_FREE_CLASS), as CPython 3.11's
 * dictbytype orders them. */
static int build_localsplus(Compiler *c)
{
    Unit *u = c->u;
    const PrScope *s = u->scope;
    int fn = s->kind != PR_SCOPE_MODULE && s->kind != PR_SCOPE_CLASS;
    size_t n = s->nsymbols + 2;
    u->lpnames = pr_arena_calloc(c->arena, 2 * n * sizeof *u->lpnames);
    u->lpkinds = pr_arena_calloc(c->arena, 2 * n);
    u->dnames = pr_arena_calloc(c->arena, n * sizeof *u->dnames);
    u->dkinds = pr_arena_calloc(c->arena, n);
    u->symslot = pr_arena_alloc(c->arena, n * sizeof *u->symslot);
    if (!u->lpnames || !u->lpkinds || !u->dnames || !u->dkinds || !u->symslot) {
        pr_err_no_memory();
        return -1;
    }
    int ncells = 0;
    for (size_t i = 0; i < s->nsymbols; i++) {
        const PrSymbol *sym = &s->symbols[i];
        u->symslot[i] = -1;
        if (fn && sym->param >= 0) {
            u->symslot[i] = sym->param;
            u->lpnames[sym->param] = sym->name;
            u->lpkinds[sym->param] =
                PR_CO_FAST_LOCAL | (sym->scope == PR_SYM_CELL ? PR_CO_FAST_CELL : 0);
        } else if (sym->scope == PR_SYM_CELL) {
            u->dnames[ncells++] = sym->name;
        }
    }
    u->nlocals = fn ? (int)s->nparams : 0;
    if (u->class_cell) {
        u->dnames[ncells++] = "__class__";
    }
    int nderef = ncells;
    for (size_t i = 0; i < s->nsymbols; i++) {
        const PrSymbol *sym = &s->symbols[i];
        if (sym->scope == PR_SYM_FREE || (!fn && (sym->flags & PR_SYM_DEF_FREE_CLASS))) {
            u->dnames[nderef++] = sym->name;
        }
    }
    qsort(u->dnames, (size_t)ncells, sizeof *u->dnames, by_name);
    qsort(u->dnames + ncells, (size_t)(nderef - ncells), sizeof *u->dnames, by_name);
    for (int i = 0; i < nderef; i++) {
        u->dkinds[i] = i < ncells ? PR_CO_FAST_CELL : PR_CO_FAST_FREE;
    }
    u->nderef = nderef;
    for (int i = 0; i < u->nlocals; i++) {
        if (!u->lpnames[i]) {
            pr_err_format(PR_EXC(SystemError), "compiler: parameter %d has no name", i);
            return -1;
        }
    }
    return 0;
}

static int is_function_like(const PrScope *s)
{
    return s->kind != PR_SCOPE_MODULE && s->kind != PR_SCOPE_CLASS;
}

int cc_nameop(Compiler *c, const char *name, PrAstExprContext ctx)
{
    const char *m = mangle(c, name);
    if (!m) {
        return -1;
    }
    if (ctx == PR_CTX_LOAD && strcmp(m, "__debug__") == 0) {
        return cc_load_const(c, PR_True);
    }
    const PrSymbol *sym = pr_scope_lookup(c->u->scope, m);
    PrSymScope scope = sym ? sym->scope : PR_SYM_UNRESOLVED;
    int fn = is_function_like(c->u->scope);
    static const int fast_ops[] = {PR_OP_LOAD_FAST, PR_OP_STORE_FAST, PR_OP_DELETE_FAST};
    static const int deref_ops[] = {PR_OP_LOAD_DEREF, PR_OP_STORE_DEREF, PR_OP_DELETE_DEREF};
    static const int global_ops[] = {PR_OP_LOAD_GLOBAL, PR_OP_STORE_GLOBAL, PR_OP_DELETE_GLOBAL};
    static const int name_ops[] = {PR_OP_LOAD_NAME, PR_OP_STORE_NAME, PR_OP_DELETE_NAME};
    if (scope == PR_SYM_FREE || scope == PR_SYM_CELL) {
        int op = deref_ops[ctx];
        if (ctx == PR_CTX_LOAD && c->u->scope->kind == PR_SCOPE_CLASS) {
            op = PR_OP_LOAD_CLASSDEREF;
        }
        return cc_emit(c, op, deref_index(c, m));
    }
    if (scope == PR_SYM_LOCAL && fn) {
        return cc_emit(c, fast_ops[ctx], local_slot(c, sym));
    }
    if (scope == PR_SYM_GLOBAL_EXPLICIT || (scope == PR_SYM_GLOBAL_IMPLICIT && fn)) {
        int i = cc_add_name(c, m, 0);
        if (i < 0) {
            return -1;
        }
        return cc_emit(c, global_ops[ctx], ctx == PR_CTX_LOAD ? i << 1 : i);
    }
    return cc_emit_name(c, name_ops[ctx], m, 0);
}

/* ------------------------------------------------------------------------------------------- */
/* Constants from the AST                                                                       */

PrObject *cc_const_object(Compiler *c, const PrAstConst *k)
{
    switch (k->kind) {
    case PR_CONST_NONE:
        return PR_NEWREF(PR_None);
    case PR_CONST_TRUE:
        return PR_NEWREF(PR_True);
    case PR_CONST_FALSE:
        return PR_NEWREF(PR_False);
    case PR_CONST_ELLIPSIS:
        return PR_NEWREF(PR_Ellipsis);
    case PR_CONST_INT:
        return cc_make_int(k->v.i);
    case PR_CONST_BIG_INT:
        return cc_make_bigint(k->v.s.data, k->v.s.len);
    case PR_CONST_FLOAT:
        return cc_make_float(k->v.f);
    case PR_CONST_STR:
        return pr_str_from_utf8(k->v.s.data, (ssize_t)k->v.s.len);
    case PR_CONST_BYTES:
        return cc_make_bytes(k->v.s.data, k->v.s.len);
    case PR_CONST_COMPLEX:
    default:
        cc_error(c, "complex numbers are not supported");
        return NULL;
    }
}

/* CPython folds these in its AST optimiser (Python/ast_opt.c) before compiling: -<number>, and
 * tuples in load context whose items all fold. */
PrObject *cc_expr_constant(Compiler *c, const PrAstExpr *e, int *err)
{
    *err = 0;
    switch (e->kind) {
    case PR_EXPR_CONSTANT: {
        PrObject *o = cc_const_object(c, &e->v.Constant.value);
        *err = o ? 0 : -1;
        return o;
    }
    case PR_EXPR_UNARY_OP: {
        PrObject *o = cc_expr_constant(c, e->v.UnaryOp.operand, err);
        if (!o) {
            return NULL;
        }
        PrObject *r = cc_fold_unary((int)e->v.UnaryOp.op, o);
        PR_DECREF(o);
        return r;
    }
    case PR_EXPR_BIN_OP: {
        PrObject *a = cc_expr_constant(c, e->v.BinOp.left, err), *b = NULL, *r = NULL;
        if (a && (b = cc_expr_constant(c, e->v.BinOp.right, err))) {
            r = cc_fold_binop(cc_binop_arg(e->v.BinOp.op), a, b);
        }
        PR_XDECREF(a);
        PR_XDECREF(b);
        return r;
    }
    case PR_EXPR_SUBSCRIPT: {
        if (e->v.Subscript.ctx != PR_CTX_LOAD) {
            return NULL;
        }
        PrObject *a = cc_expr_constant(c, e->v.Subscript.value, err), *b = NULL, *r = NULL;
        if (a && (b = cc_expr_constant(c, e->v.Subscript.slice, err))) {
            r = cc_fold_subscr(a, b);
        }
        PR_XDECREF(a);
        PR_XDECREF(b);
        return r;
    }
    case PR_EXPR_TUPLE: {
        if (e->v.Tuple.ctx != PR_CTX_LOAD) {
            return NULL;
        }
        size_t n = e->v.Tuple.elts.len;
        PrObject *t = pr_tuple_new((ssize_t)n);
        if (!t) {
            *err = -1;
            return NULL;
        }
        for (size_t i = 0; i < n; i++) {
            PrObject *o = cc_expr_constant(c, e->v.Tuple.elts.items[i], err);
            if (!o) {
                PR_DECREF(t);
                return NULL;
            }
            pr_tuple_set_steal(t, (ssize_t)i, o);
        }
        return t;
    }
    default:
        return NULL;
    }
}

/* ------------------------------------------------------------------------------------------- */
/* Units                                                                                        */

static int set_qualname(Compiler *c)
{
    Unit *u = c->u, *parent = u->parent;
    PrObject *base = NULL;
    int force_global = 0;
    if (parent->scope->kind == PR_SCOPE_MODULE) {
        return (u->qualname = PR_NEWREF(u->name)), 0;
    }
    PrScopeKind k = u->scope->kind;
    if (k == PR_SCOPE_FUNCTION || k == PR_SCOPE_CLASS) {
        const char *m = pr_scope_mangle(c->scopes, parent->scope, pr_str_utf8(u->name));
        const PrSymbol *sym = m ? pr_scope_lookup(parent->scope, m) : NULL;
        force_global = sym && sym->scope == PR_SYM_GLOBAL_EXPLICIT;
    }
    if (force_global) {
        return (u->qualname = PR_NEWREF(u->name)), 0;
    }
    PrScopeKind pk = parent->scope->kind;
    if (pk == PR_SCOPE_FUNCTION || pk == PR_SCOPE_LAMBDA) {
        base = pr_str_from_format("%U.<locals>", parent->qualname);
    } else {
        base = PR_NEWREF(parent->qualname);
    }
    if (!base) {
        return -1;
    }
    u->qualname = pr_str_from_format("%U.%U", base, u->name);
    PR_DECREF(base);
    return u->qualname ? 0 : -1;
}

static void free_unit(Unit *u)
{
    for (int i = 0; i < u->nconsts; i++) {
        PR_DECREF(u->consts[i]);
    }
    for (int i = 0; i < u->nnames; i++) {
        PR_DECREF(u->names[i]);
    }
    pr_mem_free(u->consts);
    pr_mem_free(u->names);
    PR_XDECREF(u->name);
    PR_XDECREF(u->qualname);
}

static void exit_scope(Compiler *c)
{
    Unit *u = c->u;
    c->u = u->parent;
    c->nestlevel--;
    free_unit(u);
}

/* Starts the code object of node (a module, def, class, lambda or comprehension). On failure
 * nothing is left to undo. */
static int enter_scope(Compiler *c, const char *name, const void *node, int firstlineno)
{
    Unit *u = pr_arena_calloc(c->arena, sizeof *u);
    if (!u) {
        pr_err_no_memory();
        return -1;
    }
    u->scope = pr_scope_of(c->scopes, node);
    if (!u->scope) {
        pr_err_format(PR_EXC(SystemError), "no symbol table entry for '%s'", name);
        return -1;
    }
    u->parent = c->u;
    u->firstlineno = firstlineno;
    u->loc = (Loc){firstlineno, firstlineno, 0, 0};
    u->class_cell = u->scope->kind == PR_SCOPE_CLASS && u->scope->needs_class_closure;
    c->u = u;
    c->nestlevel++;
    u->name = cc_str(name);
    if (!u->name) {
        goto fail;
    }
    if (!(u->entry = u->cur = cc_new_block(c)) || build_localsplus(c) < 0) {
        goto fail;
    }
    if (u->scope->kind == PR_SCOPE_MODULE) {
        u->loc = (Loc){0, firstlineno, 0, 0};
    } else if (set_qualname(c) < 0) {
        goto fail;
    }
    if (cc_emit(c, PR_OP_RESUME, 0) < 0) {
        goto fail;
    }
    if (u->scope->kind == PR_SCOPE_MODULE) {
        u->loc = NO_LOC;
    }
    return 0;
fail:
    exit_scope(c);
    return -1;
}

/* ------------------------------------------------------------------------------------------- */
/* Functions, closures, classes                                                                 */

/* LOAD_CLOSURE for each free variable of co (found in this unit), BUILD_TUPLE, then the
 * function: LOAD_CONST co, MAKE_FUNCTION flags. */
static int make_closure(Compiler *c, PrObject *co_obj, int flags)
{
    PrCode *co = (PrCode *)co_obj;
    if (co->nfreevars) {
        for (int i = co->nlocalsplus - co->nfreevars; i < co->nlocalsplus; i++) {
            const char *name = pr_str_utf8(pr_tuple_get_borrow(co->localsplusnames, i));
            int arg = deref_index(c, name);
            if (arg < 0) {
                pr_err_format(PR_EXC(SystemError), "compiler: no cell for free variable '%s'",
                              name);
                return -1;
            }
            if (cc_emit(c, PR_OP_LOAD_CLOSURE, arg) < 0) {
                return -1;
            }
        }
        flags |= PR_MKFN_CLOSURE;
        if (cc_emit(c, PR_OP_BUILD_TUPLE, co->nfreevars) < 0) {
            return -1;
        }
    }
    if (cc_load_const(c, co_obj) < 0) {
        return -1;
    }
    return cc_emit(c, PR_OP_MAKE_FUNCTION, flags);
}

int cc_decorators(Compiler *c, const PrAstExprSeq *decos)
{
    return cc_exprs(c, decos);
}

/* Defaults tuple and keyword-only defaults dict. Returns: MAKE_FUNCTION flags, or -1. */
static int default_arguments(Compiler *c, const PrAstArguments *a)
{
    int flags = 0;
    if (a->defaults.len) {
        if (cc_exprs(c, &a->defaults) < 0 ||
            cc_emit(c, PR_OP_BUILD_TUPLE, (int)a->defaults.len) < 0) {
            return -1;
        }
        flags |= PR_MKFN_DEFAULTS;
    }
    int n = 0;
    for (size_t i = 0; i < a->kwonlyargs.len; i++) {
        if (a->kw_defaults.items[i]) {
            n++;
        }
    }
    if (n) {
        PrObject *keys = pr_tuple_new(n);
        if (!keys) {
            return -1;
        }
        int k = 0;
        for (size_t i = 0; i < a->kwonlyargs.len; i++) {
            if (!a->kw_defaults.items[i]) {
                continue;
            }
            const char *m = mangle(c, a->kwonlyargs.items[i]->arg);
            PrObject *s = m ? cc_str(m) : NULL;
            if (!s || cc_expr(c, a->kw_defaults.items[i]) < 0) {
                PR_XDECREF(s);
                PR_DECREF(keys);
                return -1;
            }
            pr_tuple_set_steal(keys, k++, s);
        }
        if (cc_load_const_steal(c, keys) < 0 || cc_emit(c, PR_OP_BUILD_CONST_KEY_MAP, n) < 0) {
            return -1;
        }
        flags |= PR_MKFN_KWDEFAULTS;
    }
    return flags;
}

static int annotation(Compiler *c, const char *name, const PrAstExpr *ann, int *len)
{
    if (!ann) {
        return 0;
    }
    const char *m = mangle(c, name);
    if (!m || cc_load_const_steal(c, cc_str(m)) < 0 || cc_expr(c, ann) < 0) {
        return -1;
    }
    *len += 2;
    return 0;
}

static int arg_annotations(Compiler *c, const PrAstArgSeq *args, int *len)
{
    for (size_t i = 0; i < args->len; i++) {
        if (annotation(c, args->items[i]->arg, args->items[i]->annotation, len) < 0) {
            return -1;
        }
    }
    return 0;
}

/* The annotations tuple (name, value, name, value, ...). Returns: 1 when made, 0, or -1. */
static int annotations(Compiler *c, const PrAstArguments *a, const PrAstExpr *returns)
{
    int len = 0;
    if (arg_annotations(c, &a->args, &len) < 0 || arg_annotations(c, &a->posonlyargs, &len) < 0 ||
        (a->vararg && annotation(c, a->vararg->arg, a->vararg->annotation, &len) < 0) ||
        arg_annotations(c, &a->kwonlyargs, &len) < 0 ||
        (a->kwarg && annotation(c, a->kwarg->arg, a->kwarg->annotation, &len) < 0) ||
        annotation(c, "return", returns, &len) < 0) {
        return -1;
    }
    if (!len) {
        return 0;
    }
    return cc_emit(c, PR_OP_BUILD_TUPLE, len) < 0 ? -1 : 1;
}

static const PrAstConst *docstring(const PrAstStmtSeq *body)
{
    if (!body->len || body->items[0]->kind != PR_STMT_EXPR) {
        return NULL;
    }
    const PrAstExpr *v = body->items[0]->v.Expr.value;
    if (v->kind != PR_EXPR_CONSTANT || v->v.Constant.value.kind != PR_CONST_STR) {
        return NULL;
    }
    return &v->v.Constant.value;
}

static void set_argcounts(Compiler *c, const PrAstArguments *a)
{
    c->u->argcount = (int)a->args.len;
    c->u->posonlyargcount = (int)a->posonlyargs.len;
    c->u->kwonlyargcount = (int)a->kwonlyargs.len;
}

/* Builds the function's code object inside its own unit. Returns: new reference or NULL. */
static PrObject *function_body(Compiler *c, const PrAstStmt *s, int firstlineno)
{
    const PrAstStmtFunctionDef *f = &s->v.FunctionDef;
    if (enter_scope(c, f->name, s, firstlineno) < 0) {
        return NULL;
    }
    PrObject *co = NULL;
    const PrAstConst *doc = docstring(&f->body);
    PrObject *first = doc ? cc_const_object(c, doc) : PR_NEWREF(PR_None);
    if (!first || cc_add_const(c, first) < 0) {
        PR_XDECREF(first);
        goto done;
    }
    PR_DECREF(first);
    set_argcounts(c, f->args);
    for (size_t i = doc ? 1 : 0; i < f->body.len; i++) {
        if (cc_stmt(c, f->body.items[i]) < 0) {
            goto done;
        }
    }
    co = cc_assemble(c, 1);
done:
    exit_scope(c);
    return co;
}

/* The decorators' calls, innermost first, each at its decorator's line; then the statement's
 * position again for the store. */
static int call_decorators(Compiler *c, const PrAstExprSeq *decos, const PrAstStmt *s)
{
    for (size_t i = decos->len; i-- > 0;) {
        CC_SET_LOC(c, decos->items[i]);
        if (cc_emit(c, PR_OP_PRECALL, 0) < 0 || cc_emit(c, PR_OP_CALL, 0) < 0) {
            return -1;
        }
    }
    CC_SET_LOC(c, s);
    return 0;
}

int cc_function(Compiler *c, const PrAstStmt *s)
{
    const PrAstStmtFunctionDef *f = &s->v.FunctionDef;
    int firstlineno = f->decorator_list.len ? f->decorator_list.items[0]->lineno : s->lineno;
    if (cc_decorators(c, &f->decorator_list) < 0) {
        return -1;
    }
    int flags = default_arguments(c, f->args);
    if (flags < 0) {
        return -1;
    }
    int ann = annotations(c, f->args, f->returns);
    if (ann < 0) {
        return -1;
    }
    if (ann) {
        flags |= PR_MKFN_ANNOTATIONS;
    }
    PrObject *co = function_body(c, s, firstlineno);
    if (!co) {
        return -1;
    }
    int r = make_closure(c, co, flags);
    PR_DECREF(co);
    if (r < 0 || call_decorators(c, &f->decorator_list, s) < 0) {
        return -1;
    }
    return cc_nameop(c, f->name, PR_CTX_STORE);
}

static PrObject *class_body(Compiler *c, const PrAstStmt *s, int firstlineno)
{
    if (enter_scope(c, s->v.ClassDef.name, s, firstlineno) < 0) {
        return NULL;
    }
    PrObject *co = NULL;
    if (cc_nameop(c, "__name__", PR_CTX_LOAD) < 0 || cc_nameop(c, "__module__", PR_CTX_STORE) < 0 ||
        cc_load_const(c, c->u->qualname) < 0 || cc_nameop(c, "__qualname__", PR_CTX_STORE) < 0 ||
        cc_body(c, &s->v.ClassDef.body) < 0) {
        goto done;
    }
    CC_UNSET_LOC(c);
    if (c->u->class_cell) {
        if (cc_emit(c, PR_OP_LOAD_CLOSURE, deref_index(c, "__class__")) < 0 ||
            cc_emit(c, PR_OP_COPY, 1) < 0 || cc_nameop(c, "__classcell__", PR_CTX_STORE) < 0) {
            goto done;
        }
    } else if (cc_load_const(c, PR_None) < 0) {
        goto done;
    }
    if (cc_emit(c, PR_OP_RETURN_VALUE, 0) < 0) {
        goto done;
    }
    co = cc_assemble(c, 1);
done:
    exit_scope(c);
    return co;
}

int cc_class(Compiler *c, const PrAstStmt *s)
{
    const PrAstStmtClassDef *k = &s->v.ClassDef;
    if (cc_decorators(c, &k->decorator_list) < 0) {
        return -1;
    }
    int firstlineno = k->decorator_list.len ? k->decorator_list.items[0]->lineno : s->lineno;
    PrObject *co = class_body(c, s, firstlineno);
    if (!co) {
        return -1;
    }
    int r = -1;
    if (cc_emit(c, PR_OP_PUSH_NULL, 0) < 0 || cc_emit(c, PR_OP_LOAD_BUILD_CLASS, 0) < 0 ||
        make_closure(c, co, 0) < 0 || cc_load_const_steal(c, cc_str(k->name)) < 0 ||
        cc_call_helper(c, 2, &k->bases, &k->keywords) < 0 ||
        call_decorators(c, &k->decorator_list, s) < 0) {
        goto done;
    }
    r = cc_nameop(c, k->name, PR_CTX_STORE);
done:
    PR_DECREF(co);
    return r;
}

int cc_lambda(Compiler *c, const PrAstExpr *e)
{
    const PrAstArguments *a = e->v.Lambda.args;
    int flags = default_arguments(c, a);
    if (flags < 0 || enter_scope(c, "<lambda>", e, e->lineno) < 0) {
        return -1;
    }
    PrObject *co = NULL;
    /* None first, so a lambda never has a docstring. */
    if (cc_add_const(c, PR_None) < 0) {
        goto done;
    }
    set_argcounts(c, a);
    if (cc_expr(c, e->v.Lambda.body) < 0) {
        goto done;
    }
    if (c->u->scope->is_generator) {
        co = cc_assemble(c, 0);
    } else if (cc_emit(c, PR_OP_RETURN_VALUE, 0) == 0) {
        co = cc_assemble(c, 1);
    }
done:
    exit_scope(c);
    if (!co) {
        return -1;
    }
    int r = make_closure(c, co, flags);
    PR_DECREF(co);
    return r;
}

/* ------------------------------------------------------------------------------------------- */
/* Comprehensions                                                                               */

typedef struct Comp {
    const PrAstComprehensionSeq *gens;
    const PrAstExpr *elt, *val;
    PrAstExprKind kind;
} Comp;

static int comp_element(Compiler *c, const Comp *k, int depth)
{
    switch (k->kind) {
    case PR_EXPR_GENERATOR_EXP:
        return cc_expr(c, k->elt) < 0 || cc_emit(c, PR_OP_YIELD_VALUE, 0) < 0 ||
                       cc_emit(c, PR_OP_RESUME, 1) < 0 || cc_emit(c, PR_OP_POP_TOP, 0) < 0
                   ? -1
                   : 0;
    case PR_EXPR_LIST_COMP:
        return cc_expr(c, k->elt) < 0 ? -1 : cc_emit(c, PR_OP_LIST_APPEND, depth + 1);
    case PR_EXPR_SET_COMP:
        return cc_expr(c, k->elt) < 0 ? -1 : cc_emit(c, PR_OP_SET_ADD, depth + 1);
    default:
        return cc_expr(c, k->elt) < 0 || cc_expr(c, k->val) < 0
                   ? -1
                   : cc_emit(c, PR_OP_MAP_ADD, depth + 1);
    }
}

static int comp_generator(Compiler *c, const Comp *k, size_t index, int depth)
{
    const PrAstComprehension *gen = k->gens->items[index];
    Block *start = cc_new_block(c), *if_cleanup = cc_new_block(c), *anchor = cc_new_block(c);
    if (!start || !if_cleanup || !anchor) {
        return -1;
    }
    if (index == 0) {
        /* The outermost iterator comes in as the parameter .0. */
        c->u->argcount = 1;
        if (cc_emit(c, PR_OP_LOAD_FAST, 0) < 0) {
            return -1;
        }
    } else {
        /* `for y in [f(x)]`: the temporary-variable idiom binds without a loop. */
        const PrAstExprSeq *elts = NULL;
        if (gen->iter->kind == PR_EXPR_LIST) {
            elts = &gen->iter->v.List.elts;
        } else if (gen->iter->kind == PR_EXPR_TUPLE) {
            elts = &gen->iter->v.Tuple.elts;
        }
        const PrAstExpr *iter = gen->iter;
        if (elts && elts->len == 1 && elts->items[0]->kind != PR_EXPR_STARRED) {
            if (cc_expr(c, elts->items[0]) < 0) {
                return -1;
            }
            start = NULL;
        } else if (!(iter = cc_fold_iter(c, iter)) || cc_expr(c, iter) < 0 ||
                   cc_emit(c, PR_OP_GET_ITER, 0) < 0) {
            return -1;
        }
    }
    if (start) {
        depth++;
        cc_use_block(c, start);
        if (cc_emit_jump(c, PR_OP_FOR_ITER, anchor) < 0) {
            return -1;
        }
    }
    if (cc_expr(c, gen->target) < 0) {
        return -1;
    }
    for (size_t i = 0; i < gen->ifs.len; i++) {
        if (cc_jump_if(c, gen->ifs.items[i], if_cleanup, 0) < 0) {
            return -1;
        }
    }
    if (index + 1 < k->gens->len) {
        if (comp_generator(c, k, index + 1, depth) < 0) {
            return -1;
        }
    } else if (comp_element(c, k, depth) < 0) {
        return -1;
    }
    cc_use_block(c, if_cleanup);
    if (start) {
        if (cc_emit_jump(c, OP_JUMP, start) < 0) {
            return -1;
        }
        cc_use_block(c, anchor);
    }
    return 0;
}

static PrObject *comprehension_body(Compiler *c, const PrAstExpr *e, const Comp *k)
{
    static const char *names[] = {"<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>"};
    int which = k->kind == PR_EXPR_LIST_COMP  ? 0
                : k->kind == PR_EXPR_SET_COMP ? 1
                : k->kind == PR_EXPR_DICT_COMP ? 2
                                               : 3;
    if (enter_scope(c, names[which], e, e->lineno) < 0) {
        return NULL;
    }
    PrObject *co = NULL;
    CC_SET_LOC(c, e);
    static const int build[] = {PR_OP_BUILD_LIST, PR_OP_BUILD_SET, PR_OP_BUILD_MAP};
    if (which < 3 && cc_emit(c, build[which], 0) < 0) {
        goto done;
    }
    if (comp_generator(c, k, 0, 0) < 0) {
        goto done;
    }
    if (which < 3 && cc_emit(c, PR_OP_RETURN_VALUE, 0) < 0) {
        goto done;
    }
    co = cc_assemble(c, 1);
done:
    exit_scope(c);
    return co;
}

int cc_comprehension(Compiler *c, const PrAstExpr *e)
{
    Comp k = {NULL, NULL, NULL, e->kind};
    switch (e->kind) {
    case PR_EXPR_LIST_COMP:
        k.gens = &e->v.ListComp.generators;
        k.elt = e->v.ListComp.elt;
        break;
    case PR_EXPR_SET_COMP:
        k.gens = &e->v.SetComp.generators;
        k.elt = e->v.SetComp.elt;
        break;
    case PR_EXPR_DICT_COMP:
        k.gens = &e->v.DictComp.generators;
        k.elt = e->v.DictComp.key;
        k.val = e->v.DictComp.value;
        break;
    default:
        k.gens = &e->v.GeneratorExp.generators;
        k.elt = e->v.GeneratorExp.elt;
        break;
    }
    PrObject *co = comprehension_body(c, e, &k);
    if (!co) {
        return -1;
    }
    int r = make_closure(c, co, 0);
    PR_DECREF(co);
    const PrAstExpr *outer = r < 0 ? NULL : cc_fold_iter(c, k.gens->items[0]->iter);
    if (!outer || cc_expr(c, outer) < 0 || cc_emit(c, PR_OP_GET_ITER, 0) < 0 ||
        cc_emit(c, PR_OP_PRECALL, 0) < 0 || cc_emit(c, PR_OP_CALL, 0) < 0) {
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------- */
/* The entry point                                                                              */

static int find_ann(const PrAstStmtSeq *stmts);

static int find_ann_in(const PrAstStmt *s)
{
    switch (s->kind) {
    case PR_STMT_ANN_ASSIGN:
        return 1;
    case PR_STMT_FOR:
        return find_ann(&s->v.For.body) || find_ann(&s->v.For.orelse);
    case PR_STMT_WHILE:
        return find_ann(&s->v.While.body) || find_ann(&s->v.While.orelse);
    case PR_STMT_IF:
        return find_ann(&s->v.If.body) || find_ann(&s->v.If.orelse);
    case PR_STMT_WITH:
        return find_ann(&s->v.With.body);
    case PR_STMT_TRY:
        for (size_t i = 0; i < s->v.Try.handlers.len; i++) {
            if (find_ann(&s->v.Try.handlers.items[i]->body)) {
                return 1;
            }
        }
        return find_ann(&s->v.Try.body) || find_ann(&s->v.Try.finalbody) ||
               find_ann(&s->v.Try.orelse);
    default:
        return 0;
    }
}

/* Whether a module or class body has an annotated assignment (outside nested scopes): it then
 * gets SETUP_ANNOTATIONS. */
static int find_ann(const PrAstStmtSeq *stmts)
{
    for (size_t i = 0; i < stmts->len; i++) {
        if (find_ann_in(stmts->items[i])) {
            return 1;
        }
    }
    return 0;
}

int cc_body(Compiler *c, const PrAstStmtSeq *stmts)
{
    size_t i = 0;
    if (c->u->scope->kind == PR_SCOPE_MODULE && stmts->len) {
        CC_SET_LOC(c, stmts->items[0]);
    }
    if (find_ann(stmts) && cc_emit(c, PR_OP_SETUP_ANNOTATIONS, 0) < 0) {
        return -1;
    }
    if (!stmts->len) {
        return 0;
    }
    if (docstring(stmts)) {
        i = 1;
        CC_SET_LOC(c, stmts->items[0]);
        if (cc_expr(c, stmts->items[0]->v.Expr.value) < 0) {
            return -1;
        }
        CC_UNSET_LOC(c);
        if (cc_nameop(c, "__doc__", PR_CTX_STORE) < 0) {
            return -1;
        }
    }
    for (; i < stmts->len; i++) {
        if (cc_stmt(c, stmts->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static PrObject *compile_mod(Compiler *c, const PrAstMod *mod)
{
    if (enter_scope(c, "<module>", mod, 1) < 0) {
        return NULL;
    }
    PrObject *co = NULL;
    int add_none = 1, r;
    switch (mod->kind) {
    case PR_MOD_MODULE:
        r = cc_body(c, &mod->v.Module.body);
        break;
    case PR_MOD_INTERACTIVE:
        c->interactive = 1;
        r = find_ann(&mod->v.Interactive.body) ? cc_emit(c, PR_OP_SETUP_ANNOTATIONS, 0) : 0;
        if (r == 0) {
            r = cc_stmts(c, &mod->v.Interactive.body);
        }
        break;
    default:
        r = cc_expr(c, mod->v.Expression.body);
        add_none = 0;
        break;
    }
    if (r == 0) {
        co = cc_assemble(c, add_none);
    }
    exit_scope(c);
    return co;
}

PrObject *pr_compile(const PrAstMod *mod, PrScopeTable *scopes, const char *filename, int mode)
{
    static const PrAstModKind kinds[] = {PR_MOD_MODULE, PR_MOD_EXPRESSION, PR_MOD_INTERACTIVE};
    if (!mod || !scopes || mode < 0 || mode > PR_COMPILE_SINGLE || mod->kind != kinds[mode]) {
        return pr_err_bad_internal_call("pr_compile");
    }
    Compiler c = {0};
    c.scopes = scopes;
    c.filename = pr_str_from_cstr(filename ? filename : "<string>");
    if (!c.filename) {
        return NULL;
    }
    c.arena = pr_arena_new();
    if (!c.arena) {
        PR_DECREF(c.filename);
        return pr_err_no_memory();
    }
    PrObject *co = compile_mod(&c, mod);
    pr_arena_free(c.arena);
    PR_DECREF(c.filename);
    return co;
}
