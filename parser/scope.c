/* parser/scope.c — the first pass of scope analysis: one walk over the AST, in the order of
 * CPython 3.11's Python/symtable.c (symtable_visit_*), that creates the blocks and records what
 * each block does with each name, raising symtable's errors as it meets them. The second pass
 * (resolution) is parser/scope_resolve.c; the containers are parser/scope_table.c. Read
 * parser/scope.h first.
 *
 * The order of the walk matters beyond correctness: it fixes the order of children and symbols
 * (which the compiler and the tests rely on) and which error wins. It is symtable's, e.g. a
 * function's defaults, annotations and decorators are visited in the enclosing block before the
 * function's block is entered, and a Try visits body, orelse, handlers, finalbody.
 *
 * The compiler's own block errors ('return' outside function...) are noted here, and reported
 * after both passes succeed, in the compiler's order (parser/scope_check.c). */
#include "parser/scope_impl.h"

#include <string.h>

typedef struct Walk {
    PrScopeTable *t;
    PrSyntaxError *err;
    PrScope *cur;
    const char *private_name; /* class name that mangles here (CPython's st_private) */
    int have_late;            /* a compiler-style error is pending in late */
    PrSyntaxError late;
} Walk;

static int visit_stmt(Walk *w, const PrAstStmt *s);
static int visit_expr(Walk *w, const PrAstExpr *e);

/* ------------------------------------------------------------------------------------------- */
/* Errors                                                                                       */

#define AT(node) (node)->lineno, (node)->col_offset, (node)->end_lineno, (node)->end_col_offset

static int nomem(Walk *w)
{
    pr_scope_error_nomem(w->err, w->t);
    return -1;
}

/* Notes the first of the errors CPython's compiler would raise; the walk goes on, since an error
 * of symtable's found later must win. */
static void late_error(Walk *w, const PrAstStmt *s, const PrAstExpr *e, const char *msg)
{
    if (w->have_late) {
        return;
    }
    w->have_late = 1;
    if (s) {
        pr_scope_error_at(&w->late, w->t, AT(s), "%s", msg);
    } else {
        pr_scope_error_at(&w->late, w->t, AT(e), "%s", msg);
    }
}

static int is_function_like(const PrScope *s)
{
    return s->kind != PR_SCOPE_MODULE && s->kind != PR_SCOPE_CLASS;
}

/* ------------------------------------------------------------------------------------------- */
/* Definitions (symtable_add_def)                                                               */

/* Records flag for name in block ste, at the position of the node that names it. Mirrors
 * symtable_add_def_helper: duplicate parameters, iteration variables of a comprehension, and
 * global declarations also marked in the module's table. */
static int add_def_in(Walk *w, PrScope *ste, const char *name, unsigned flag, int lineno, int col,
                      int end_lineno, int end_col)
{
    const char *mangled = pr_scope_mangle(w->t, ste, name);
    PrSymbol *sym = mangled ? pr_scope_find_or_add(ste, mangled) : NULL;
    if (!sym) {
        return nomem(w);
    }
    if ((flag & PR_SYM_DEF_PARAM) && (sym->flags & PR_SYM_DEF_PARAM)) {
        pr_scope_error_at(w->err, w->t, lineno, col, end_lineno, end_col,
                          "duplicate argument '%s' in function definition", name);
        return -1;
    }
    unsigned val = sym->flags | flag;
    if (ste->priv_->comp_iter_target) {
        if (val & (PR_SYM_DEF_GLOBAL | PR_SYM_DEF_NONLOCAL)) {
            pr_scope_error_at(w->err, w->t, lineno, col, end_lineno, end_col,
                              "comprehension inner loop cannot rebind assignment expression "
                              "target '%s'",
                              name);
            return -1;
        }
        val |= PR_SYM_DEF_COMP_ITER;
    }
    sym->flags = val;
    if (flag & PR_SYM_DEF_PARAM) {
        sym->param = (int)ste->nparams++;
    } else if ((flag & PR_SYM_DEF_GLOBAL) && ste != w->t->top) {
        PrSymbol *g = pr_scope_find_or_add(w->t->top, mangled);
        if (!g) {
            return nomem(w);
        }
        g->flags |= flag;
    }
    return 0;
}

static int add_def(Walk *w, const char *name, unsigned flag, int lineno, int col, int end_lineno,
                   int end_col)
{
    return add_def_in(w, w->cur, name, flag, lineno, col, end_lineno, end_col);
}

/* The flags name has so far in the current block (0 if none). */
static unsigned lookup_flags(Walk *w, PrScope *ste, const char *name)
{
    const char *mangled = pr_scope_mangle(w->t, ste, name);
    const PrSymbol *sym = mangled ? pr_scope_find(ste, mangled) : NULL;
    return sym ? sym->flags : 0;
}

/* The flags of name exactly as written, not mangled: CPython's _PyST_GetSymbol, which its
 * handling of := uses (so `__x := ...` in a class misses a mangled iteration variable). */
static unsigned lookup_flags_raw(Walk *w, PrScope *ste, const char *name)
{
    const char *interned = pr_scope_intern(w->t, name, strlen(name));
    const PrSymbol *sym = interned ? pr_scope_find(ste, interned) : NULL;
    return sym ? sym->flags : 0;
}

static int record_directive(Walk *w, const char *name, int lineno, int col, int end_lineno,
                            int end_col)
{
    struct PrScopePriv *p = w->cur->priv_;
    PrScopeDirective *d = pr_arena_alloc(w->t->priv_->arena, sizeof *d);
    const char *mangled = pr_scope_mangle(w->t, w->cur, name);
    if (!d || !mangled) {
        return nomem(w);
    }
    d->name = mangled;
    d->lineno = lineno;
    d->col_offset = col;
    d->end_lineno = end_lineno;
    d->end_col_offset = end_col;
    d->next = NULL;
    *p->directives_end = d;
    p->directives_end = &d->next;
    return 0;
}

/* ------------------------------------------------------------------------------------------- */
/* Blocks                                                                                       */

static int enter_block(Walk *w, PrScopeKind kind, const char *name, const void *node, int lineno,
                       int col, int end_lineno, int end_col)
{
    const char *iname = pr_scope_intern(w->t, name, strlen(name));
    PrScope *s = iname ? pr_scope_new_block(w->t, w->cur, kind, iname, node, lineno, col,
                                            end_lineno, end_col)
                       : NULL;
    if (!s) {
        return nomem(w);
    }
    s->private_name = w->private_name;
    w->cur = s;
    return 0;
}

static void exit_block(Walk *w)
{
    w->cur = w->cur->parent;
}

/* ------------------------------------------------------------------------------------------- */
/* Sequences                                                                                    */

static int visit_exprs(Walk *w, PrAstExprSeq seq)
{
    for (size_t i = 0; i < seq.len; i++) {
        /* OPT_EXPRS (Dict.keys, kw_defaults) hold NULLs: CPython's VISIT_SEQ_WITH_NULL. */
        if (seq.items[i] && visit_expr(w, seq.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_stmts(Walk *w, PrAstStmtSeq seq)
{
    for (size_t i = 0; i < seq.len; i++) {
        if (visit_stmt(w, seq.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_opt(Walk *w, const PrAstExpr *e)
{
    return e ? visit_expr(w, e) : 0;
}

/* ------------------------------------------------------------------------------------------- */
/* Functions and classes                                                                        */

static int visit_params(Walk *w, PrAstArgSeq args)
{
    for (size_t i = 0; i < args.len; i++) {
        if (add_def(w, args.items[i]->arg, PR_SYM_DEF_PARAM, AT(args.items[i])) < 0) {
            return -1;
        }
    }
    return 0;
}

/* The parameters, in the order CPython numbers them: posonly, positional, keyword-only, then
 * *args and **kwargs. */
static int visit_arguments(Walk *w, const PrAstArguments *a)
{
    if (visit_params(w, a->posonlyargs) < 0 || visit_params(w, a->args) < 0 ||
        visit_params(w, a->kwonlyargs) < 0) {
        return -1;
    }
    if (a->vararg) {
        if (add_def(w, a->vararg->arg, PR_SYM_DEF_PARAM, AT(a->vararg)) < 0) {
            return -1;
        }
        w->cur->has_varargs = 1;
    }
    if (a->kwarg) {
        if (add_def(w, a->kwarg->arg, PR_SYM_DEF_PARAM, AT(a->kwarg)) < 0) {
            return -1;
        }
        w->cur->has_varkw = 1;
    }
    return 0;
}

static int visit_arg_annotations(Walk *w, PrAstArgSeq args)
{
    for (size_t i = 0; i < args.len; i++) {
        if (visit_opt(w, args.items[i]->annotation) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Annotations are evaluated in the enclosing block (no `from __future__ import annotations`);
 * symtable visits *args and **kwargs before the keyword-only ones. */
static int visit_annotations(Walk *w, const PrAstArguments *a, const PrAstExpr *returns)
{
    if (visit_arg_annotations(w, a->posonlyargs) < 0 || visit_arg_annotations(w, a->args) < 0) {
        return -1;
    }
    if ((a->vararg && visit_opt(w, a->vararg->annotation) < 0) ||
        (a->kwarg && visit_opt(w, a->kwarg->annotation) < 0)) {
        return -1;
    }
    if (visit_arg_annotations(w, a->kwonlyargs) < 0) {
        return -1;
    }
    return visit_opt(w, returns);
}

static int visit_function_def(Walk *w, const PrAstStmt *s)
{
    const PrAstStmtFunctionDef *f = &s->v.FunctionDef;
    if (add_def(w, f->name, PR_SYM_DEF_LOCAL, AT(s)) < 0 || visit_exprs(w, f->args->defaults) < 0 ||
        visit_exprs(w, f->args->kw_defaults) < 0 || visit_annotations(w, f->args, f->returns) < 0 ||
        visit_exprs(w, f->decorator_list) < 0) {
        return -1;
    }
    if (enter_block(w, PR_SCOPE_FUNCTION, f->name, s, AT(s)) < 0 ||
        visit_arguments(w, f->args) < 0 || visit_stmts(w, f->body) < 0) {
        return -1;
    }
    exit_block(w);
    return 0;
}

static int visit_class_def(Walk *w, const PrAstStmt *s)
{
    const PrAstStmtClassDef *c = &s->v.ClassDef;
    if (add_def(w, c->name, PR_SYM_DEF_LOCAL, AT(s)) < 0 || visit_exprs(w, c->bases) < 0) {
        return -1;
    }
    for (size_t i = 0; i < c->keywords.len; i++) {
        if (visit_expr(w, c->keywords.items[i]->value) < 0) {
            return -1;
        }
    }
    if (visit_exprs(w, c->decorator_list) < 0 ||
        enter_block(w, PR_SCOPE_CLASS, c->name, s, AT(s)) < 0) {
        return -1;
    }
    const char *saved = w->private_name;
    w->private_name = w->cur->name;
    w->cur->private_name = w->cur->name;
    int r = visit_stmts(w, c->body);
    w->private_name = saved;
    if (r < 0) {
        return -1;
    }
    exit_block(w);
    return 0;
}

/* ------------------------------------------------------------------------------------------- */
/* Statements                                                                                   */

/* global / nonlocal: refused after the name was used, assigned, annotated or is a parameter. */
static int visit_declaration(Walk *w, const PrAstStmt *s, int is_global)
{
    PrAstIdentSeq names = is_global ? s->v.Global.names : s->v.Nonlocal.names;
    const char *what = is_global ? "global" : "nonlocal";
    for (size_t i = 0; i < names.len; i++) {
        const char *name = names.items[i];
        unsigned cur = lookup_flags(w, w->cur, name);
        if (cur & (PR_SYM_DEF_PARAM | PR_SYM_DEF_LOCAL | PR_SYM_USE | PR_SYM_DEF_ANNOT)) {
            const char *fmt = (cur & PR_SYM_DEF_PARAM) ? "name '%s' is parameter and %s"
                              : (cur & PR_SYM_USE)     ? "name '%s' is used prior to %s declaration"
                              : (cur & PR_SYM_DEF_ANNOT)
                                  ? "annotated name '%s' can't be %s"
                                  : "name '%s' is assigned to before %s declaration";
            pr_scope_error_at(w->err, w->t, AT(s), fmt, name, what);
            return -1;
        }
        if (add_def(w, name, is_global ? PR_SYM_DEF_GLOBAL : PR_SYM_DEF_NONLOCAL, AT(s)) < 0 ||
            record_directive(w, name, AT(s)) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_ann_assign(Walk *w, const PrAstStmt *s)
{
    const PrAstStmtAnnAssign *a = &s->v.AnnAssign;
    const PrAstExpr *target = a->target;
    if (target->kind == PR_EXPR_NAME) {
        const char *name = target->v.Name.id;
        unsigned cur = lookup_flags(w, w->cur, name);
        if ((cur & (PR_SYM_DEF_GLOBAL | PR_SYM_DEF_NONLOCAL)) && w->cur != w->t->top && a->simple) {
            pr_scope_error_at(w->err, w->t, AT(s), "annotated name '%s' can't be %s", name,
                              (cur & PR_SYM_DEF_GLOBAL) ? "global" : "nonlocal");
            return -1;
        }
        if (a->simple) {
            if (add_def(w, name, PR_SYM_DEF_ANNOT | PR_SYM_DEF_LOCAL, AT(target)) < 0) {
                return -1;
            }
        } else if (a->value && add_def(w, name, PR_SYM_DEF_LOCAL, AT(target)) < 0) {
            return -1;
        }
    } else if (visit_expr(w, target) < 0) {
        return -1;
    }
    return visit_expr(w, a->annotation) < 0 ? -1 : visit_opt(w, a->value);
}

/* import a.b.c binds `a`; `import *` is refused outside the module. */
static int visit_alias(Walk *w, const PrAstAlias *a)
{
    const char *name = a->asname ? a->asname : a->name;
    if (strcmp(name, "*") == 0) {
        if (w->cur->kind != PR_SCOPE_MODULE) {
            pr_scope_error_at(w->err, w->t, AT(a), "import * only allowed at module level");
            return -1;
        }
        return 0;
    }
    const char *dot = strchr(name, '.');
    if (dot) {
        const char *head = pr_scope_intern(w->t, name, (size_t)(dot - name));
        if (!head) {
            return nomem(w);
        }
        name = head;
    }
    return add_def(w, name, PR_SYM_DEF_IMPORT, AT(a));
}

static int visit_aliases(Walk *w, PrAstAliasSeq names)
{
    for (size_t i = 0; i < names.len; i++) {
        if (visit_alias(w, names.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* A loop body is where break and continue are allowed; its else clause is not. */
static int visit_loop(Walk *w, const PrAstExpr *first, const PrAstExpr *second, PrAstStmtSeq body,
                      PrAstStmtSeq orelse)
{
    if (visit_expr(w, first) < 0 || (second && visit_expr(w, second) < 0)) {
        return -1;
    }
    w->cur->priv_->loops++;
    int r = visit_stmts(w, body);
    w->cur->priv_->loops--;
    return r < 0 ? -1 : visit_stmts(w, orelse);
}

static int visit_try(Walk *w, const PrAstStmtTry *t)
{
    if (visit_stmts(w, t->body) < 0 || visit_stmts(w, t->orelse) < 0) {
        return -1;
    }
    for (size_t i = 0; i < t->handlers.len; i++) {
        const PrAstExceptHandler *h = t->handlers.items[i];
        if (visit_opt(w, h->type) < 0 ||
            (h->name && add_def(w, h->name, PR_SYM_DEF_LOCAL, AT(h)) < 0) ||
            visit_stmts(w, h->body) < 0) {
            return -1;
        }
    }
    return visit_stmts(w, t->finalbody);
}

static int visit_with(Walk *w, const PrAstStmtWith *s)
{
    for (size_t i = 0; i < s->items.len; i++) {
        if (visit_expr(w, s->items.items[i]->context_expr) < 0 ||
            visit_opt(w, s->items.items[i]->optional_vars) < 0) {
            return -1;
        }
    }
    return visit_stmts(w, s->body);
}

static int visit_return(Walk *w, const PrAstStmt *s)
{
    if (!is_function_like(w->cur)) {
        late_error(w, s, NULL, "'return' outside function");
    }
    if (s->v.Return.value) {
        if (visit_expr(w, s->v.Return.value) < 0) {
            return -1;
        }
        w->cur->returns_value = 1;
    }
    return 0;
}

static int visit_stmt(Walk *w, const PrAstStmt *s)
{
    switch (s->kind) {
    case PR_STMT_FUNCTION_DEF:
        return visit_function_def(w, s);
    case PR_STMT_CLASS_DEF:
        return visit_class_def(w, s);
    case PR_STMT_RETURN:
        return visit_return(w, s);
    case PR_STMT_DELETE:
        return visit_exprs(w, s->v.Delete.targets);
    case PR_STMT_ASSIGN:
        return visit_exprs(w, s->v.Assign.targets) < 0 ? -1 : visit_expr(w, s->v.Assign.value);
    case PR_STMT_AUG_ASSIGN:
        return visit_expr(w, s->v.AugAssign.target) < 0 ? -1 : visit_expr(w, s->v.AugAssign.value);
    case PR_STMT_ANN_ASSIGN:
        return visit_ann_assign(w, s);
    case PR_STMT_FOR:
        return visit_loop(w, s->v.For.target, s->v.For.iter, s->v.For.body, s->v.For.orelse);
    case PR_STMT_WHILE:
        return visit_loop(w, s->v.While.test, NULL, s->v.While.body, s->v.While.orelse);
    case PR_STMT_IF:
        if (visit_expr(w, s->v.If.test) < 0 || visit_stmts(w, s->v.If.body) < 0) {
            return -1;
        }
        return visit_stmts(w, s->v.If.orelse);
    case PR_STMT_WITH:
        return visit_with(w, &s->v.With);
    case PR_STMT_RAISE:
        /* symtable visits the cause only when there is an exception. */
        if (!s->v.Raise.exc) {
            return 0;
        }
        return visit_expr(w, s->v.Raise.exc) < 0 ? -1 : visit_opt(w, s->v.Raise.cause);
    case PR_STMT_TRY:
        return visit_try(w, &s->v.Try);
    case PR_STMT_ASSERT:
        return visit_expr(w, s->v.Assert.test) < 0 ? -1 : visit_opt(w, s->v.Assert.msg);
    case PR_STMT_IMPORT:
        return visit_aliases(w, s->v.Import.names);
    case PR_STMT_IMPORT_FROM:
        return visit_aliases(w, s->v.ImportFrom.names);
    case PR_STMT_GLOBAL:
        return visit_declaration(w, s, 1);
    case PR_STMT_NONLOCAL:
        return visit_declaration(w, s, 0);
    case PR_STMT_EXPR:
        return visit_expr(w, s->v.Expr.value);
    case PR_STMT_BREAK:
        if (w->cur->priv_->loops == 0) {
            late_error(w, s, NULL, "'break' outside loop");
        }
        return 0;
    case PR_STMT_CONTINUE:
        if (w->cur->priv_->loops == 0) {
            late_error(w, s, NULL, "'continue' not properly in loop");
        }
        return 0;
    case PR_STMT_PASS:
    case PR_STMT__COUNT:
        break;
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------- */
/* Assignment expressions (PEP 572)                                                             */

/* A := inside a comprehension binds in the nearest enclosing function (or the module), never in
 * the comprehension: the comprehension gets DEF_NONLOCAL (DEF_GLOBAL when that block declared
 * the name global, or is the module), the target block DEF_LOCAL (DEF_GLOBAL). */
static int extend_namedexpr_scope(Walk *w, const PrAstExpr *target)
{
    const char *name = target->v.Name.id;
    for (PrScope *ste = w->cur; ste; ste = ste->parent) {
        if (ste->priv_->comprehension != PR_COMP_NONE) {
            if (lookup_flags_raw(w, ste, name) & PR_SYM_DEF_COMP_ITER) {
                pr_scope_error_at(w->err, w->t, AT(target),
                                  "assignment expression cannot rebind comprehension iteration "
                                  "variable '%s'",
                                  name);
                return -1;
            }
            continue;
        }
        if (ste->kind == PR_SCOPE_CLASS) {
            pr_scope_error_at(w->err, w->t, AT(target),
                              "assignment expression within a comprehension cannot be used in "
                              "a class body");
            return -1;
        }
        int global =
            ste->kind == PR_SCOPE_MODULE || (lookup_flags_raw(w, ste, name) & PR_SYM_DEF_GLOBAL);
        if (add_def(w, name, global ? PR_SYM_DEF_GLOBAL : PR_SYM_DEF_NONLOCAL, AT(target)) < 0 ||
            record_directive(w, name, AT(target)) < 0) {
            return -1;
        }
        unsigned flag = ste->kind == PR_SCOPE_MODULE ? PR_SYM_DEF_GLOBAL : PR_SYM_DEF_LOCAL;
        return add_def_in(w, ste, name, flag, AT(target));
    }
    return 0; /* unreachable: the module ends every chain */
}

static int visit_named_expr(Walk *w, const PrAstExpr *e)
{
    if (w->cur->priv_->comp_iter_expr > 0) {
        pr_scope_error_at(w->err, w->t, AT(e),
                          "assignment expression cannot be used in a comprehension iterable "
                          "expression");
        return -1;
    }
    if (w->cur->priv_->comprehension != PR_COMP_NONE &&
        extend_namedexpr_scope(w, e->v.NamedExpr.target) < 0) {
        return -1;
    }
    return visit_expr(w, e->v.NamedExpr.value) < 0 ? -1 : visit_expr(w, e->v.NamedExpr.target);
}

/* ------------------------------------------------------------------------------------------- */
/* Comprehensions and lambdas                                                                   */

static int visit_comp_target(Walk *w, const PrAstExpr *target)
{
    w->cur->priv_->comp_iter_target = 1;
    int r = visit_expr(w, target);
    w->cur->priv_->comp_iter_target = 0;
    return r;
}

static int visit_comp_iter(Walk *w, const PrAstExpr *iter)
{
    w->cur->priv_->comp_iter_expr++;
    int r = visit_expr(w, iter);
    w->cur->priv_->comp_iter_expr--;
    return r;
}

static const struct {
    PrScopeKind kind;
    PrCompKind comp;
    const char *name;
} comp_kinds[] = {
    [PR_EXPR_LIST_COMP] = {PR_SCOPE_LISTCOMP, PR_COMP_LIST, "listcomp"},
    [PR_EXPR_SET_COMP] = {PR_SCOPE_SETCOMP, PR_COMP_SET, "setcomp"},
    [PR_EXPR_DICT_COMP] = {PR_SCOPE_DICTCOMP, PR_COMP_DICT, "dictcomp"},
    [PR_EXPR_GENERATOR_EXP] = {PR_SCOPE_GENEXPR, PR_COMP_GENEXPR, "genexpr"},
};

/* The outermost iterable is evaluated here; the rest runs in a function block of its own that
 * receives it as the parameter ".0". A dict comprehension visits its value before its key, as
 * symtable does. */
static int visit_comprehension(Walk *w, const PrAstExpr *e, PrAstComprehensionSeq gens,
                               const PrAstExpr *elt, const PrAstExpr *value)
{
    const PrAstComprehension *outer = gens.items[0];
    if (visit_comp_iter(w, outer->iter) < 0) {
        return -1;
    }
    if (enter_block(w, comp_kinds[e->kind].kind, comp_kinds[e->kind].name, e, AT(e)) < 0) {
        return -1;
    }
    w->cur->priv_->comprehension = comp_kinds[e->kind].comp;
    if (add_def(w, ".0", PR_SYM_DEF_PARAM, AT(e)) < 0 || visit_comp_target(w, outer->target) < 0 ||
        visit_exprs(w, outer->ifs) < 0) {
        return -1;
    }
    for (size_t i = 1; i < gens.len; i++) {
        const PrAstComprehension *g = gens.items[i];
        if (visit_comp_target(w, g->target) < 0 || visit_comp_iter(w, g->iter) < 0 ||
            visit_exprs(w, g->ifs) < 0) {
            return -1;
        }
    }
    if (visit_opt(w, value) < 0 || visit_expr(w, elt) < 0) {
        return -1;
    }
    w->cur->is_generator = e->kind == PR_EXPR_GENERATOR_EXP;
    exit_block(w);
    return 0;
}

static int visit_lambda(Walk *w, const PrAstExpr *e)
{
    const PrAstArguments *a = e->v.Lambda.args;
    if (visit_exprs(w, a->defaults) < 0 || visit_exprs(w, a->kw_defaults) < 0 ||
        enter_block(w, PR_SCOPE_LAMBDA, "lambda", e, AT(e)) < 0 || visit_arguments(w, a) < 0 ||
        visit_expr(w, e->v.Lambda.body) < 0) {
        return -1;
    }
    exit_block(w);
    return 0;
}

static int visit_yield(Walk *w, const PrAstExpr *e, const PrAstExpr *value)
{
    static const char *const inside[] = {
        [PR_COMP_LIST] = "'yield' inside list comprehension",
        [PR_COMP_SET] = "'yield' inside set comprehension",
        [PR_COMP_DICT] = "'yield' inside dict comprehension",
        [PR_COMP_GENEXPR] = "'yield' inside generator expression",
    };
    if (visit_opt(w, value) < 0) {
        return -1;
    }
    w->cur->is_generator = 1;
    PrCompKind comp = w->cur->priv_->comprehension;
    if (comp != PR_COMP_NONE) {
        pr_scope_error_at(w->err, w->t, AT(e), "%s", inside[comp]);
        return -1;
    }
    if (!is_function_like(w->cur)) {
        late_error(w, NULL, e, "'yield' outside function");
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------- */
/* Expressions                                                                                  */

static int visit_name(Walk *w, const PrAstExpr *e)
{
    int load = e->v.Name.ctx == PR_CTX_LOAD;
    if (add_def(w, e->v.Name.id, load ? PR_SYM_USE : PR_SYM_DEF_LOCAL, AT(e)) < 0) {
        return -1;
    }
    /* super() finds its class through the __class__ cell. */
    if (load && w->cur->kind != PR_SCOPE_MODULE && w->cur->kind != PR_SCOPE_CLASS &&
        strcmp(e->v.Name.id, "super") == 0) {
        return add_def(w, "__class__", PR_SYM_USE, AT(e));
    }
    return 0;
}

static int visit_call(Walk *w, const PrAstExprCall *c)
{
    if (visit_expr(w, c->func) < 0 || visit_exprs(w, c->args) < 0) {
        return -1;
    }
    for (size_t i = 0; i < c->keywords.len; i++) {
        if (visit_expr(w, c->keywords.items[i]->value) < 0) {
            return -1;
        }
    }
    return 0;
}

static int visit_expr(Walk *w, const PrAstExpr *e)
{
    switch (e->kind) {
    case PR_EXPR_BOOL_OP:
        return visit_exprs(w, e->v.BoolOp.values);
    case PR_EXPR_NAMED_EXPR:
        return visit_named_expr(w, e);
    case PR_EXPR_BIN_OP:
        return visit_expr(w, e->v.BinOp.left) < 0 ? -1 : visit_expr(w, e->v.BinOp.right);
    case PR_EXPR_UNARY_OP:
        return visit_expr(w, e->v.UnaryOp.operand);
    case PR_EXPR_LAMBDA:
        return visit_lambda(w, e);
    case PR_EXPR_IF_EXP:
        if (visit_expr(w, e->v.IfExp.test) < 0 || visit_expr(w, e->v.IfExp.body) < 0) {
            return -1;
        }
        return visit_expr(w, e->v.IfExp.orelse);
    case PR_EXPR_DICT:
        return visit_exprs(w, e->v.Dict.keys) < 0 ? -1 : visit_exprs(w, e->v.Dict.values);
    case PR_EXPR_SET:
        return visit_exprs(w, e->v.Set.elts);
    case PR_EXPR_LIST_COMP:
        return visit_comprehension(w, e, e->v.ListComp.generators, e->v.ListComp.elt, NULL);
    case PR_EXPR_SET_COMP:
        return visit_comprehension(w, e, e->v.SetComp.generators, e->v.SetComp.elt, NULL);
    case PR_EXPR_DICT_COMP:
        return visit_comprehension(w, e, e->v.DictComp.generators, e->v.DictComp.key,
                                   e->v.DictComp.value);
    case PR_EXPR_GENERATOR_EXP:
        return visit_comprehension(w, e, e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
    case PR_EXPR_YIELD:
        return visit_yield(w, e, e->v.Yield.value);
    case PR_EXPR_YIELD_FROM:
        return visit_yield(w, e, e->v.YieldFrom.value);
    case PR_EXPR_COMPARE:
        return visit_expr(w, e->v.Compare.left) < 0 ? -1 : visit_exprs(w, e->v.Compare.comparators);
    case PR_EXPR_CALL:
        return visit_call(w, &e->v.Call);
    case PR_EXPR_FORMATTED_VALUE:
        return visit_expr(w, e->v.FormattedValue.value) < 0
                   ? -1
                   : visit_opt(w, e->v.FormattedValue.format_spec);
    case PR_EXPR_JOINED_STR:
        return visit_exprs(w, e->v.JoinedStr.values);
    case PR_EXPR_ATTRIBUTE:
        return visit_expr(w, e->v.Attribute.value);
    case PR_EXPR_SUBSCRIPT:
        return visit_expr(w, e->v.Subscript.value) < 0 ? -1 : visit_expr(w, e->v.Subscript.slice);
    case PR_EXPR_STARRED:
        return visit_expr(w, e->v.Starred.value);
    case PR_EXPR_NAME:
        return visit_name(w, e);
    case PR_EXPR_LIST:
        return visit_exprs(w, e->v.List.elts);
    case PR_EXPR_TUPLE:
        return visit_exprs(w, e->v.Tuple.elts);
    case PR_EXPR_SLICE:
        if (visit_opt(w, e->v.Slice.lower) < 0 || visit_opt(w, e->v.Slice.upper) < 0) {
            return -1;
        }
        return visit_opt(w, e->v.Slice.step);
    case PR_EXPR_CONSTANT:
    case PR_EXPR__COUNT:
        break;
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------- */
/* Entry                                                                                        */

static int visit_mod(Walk *w, const PrAstMod *mod)
{
    switch (mod->kind) {
    case PR_MOD_MODULE:
        return visit_stmts(w, mod->v.Module.body);
    case PR_MOD_INTERACTIVE:
        return visit_stmts(w, mod->v.Interactive.body);
    case PR_MOD_EXPRESSION:
        return visit_expr(w, mod->v.Expression.body);
    case PR_MOD__COUNT:
        break;
    }
    return 0;
}

PrScopeTable *pr_scope_analyze(const PrAstMod *mod, const char *filename, PrArena *arena,
                               PrSyntaxError *err)
{
    memset(err, 0, sizeof *err);
    Walk w = {0};
    w.err = err;
    w.t = pr_scope_table_new(arena, filename);
    if (!w.t) {
        pr_scope_error_nomem(err, NULL);
        err->filename = filename;
        return NULL;
    }
    if (enter_block(&w, PR_SCOPE_MODULE, "top", mod, 0, 0, 0, 0) < 0) {
        return NULL;
    }
    w.t->top = w.cur;
    if (visit_mod(&w, mod) < 0 || pr_scope_resolve(w.t, err) < 0) {
        return NULL;
    }
    /* The walk above met a block error in its own order; CPython reports the one its compiler
     * meets first, which scope_check.c finds (the noted one is a fallback that cannot be
     * needed: both walks see the same errors). */
    if (w.have_late) {
        if (pr_scope_check_blocks(mod, w.t, err) == 0) {
            *err = w.late;
        }
        return NULL;
    }
    return w.t;
}
