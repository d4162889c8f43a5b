/* parser/scope_check.c — the block errors CPython 3.11 raises from its compiler, not from its
 * symtable: 'return' outside function, 'yield' outside function, 'break' outside loop,
 * 'continue' not properly in loop. Scope analysis reports them so the compiler need not. When a
 * program has several, CPython reports the first its compiler meets, and the compiler's order is
 * not the source order (an assignment's value before its targets, a class body before its bases,
 * a function's decorators before its defaults, a try's else before its handlers...). So this
 * is a walk of its own, in the order of CPython's Python/compile.c. Read parser/scope.h first.
 *
 * Inside an expression only 'yield' can be wrong, and only outside every function: the body of a
 * lambda, and all of a comprehension but its outermost iterable, are functions, so the walk does
 * not enter them. */
#include "parser/scope_impl.h"

typedef struct Check {
    const PrScopeTable *t;
    PrSyntaxError *err;
    int in_function; /* compiling a function-like block */
    int loops;       /* loops around, in this block */
} Check;

#define AT(node) (node)->lineno, (node)->col_offset, (node)->end_lineno, (node)->end_col_offset

static int check_stmts(Check *c, PrAstStmtSeq seq);
static int check_expr(Check *c, const PrAstExpr *e);

static int check_opt(Check *c, const PrAstExpr *e)
{
    return e ? check_expr(c, e) : 0;
}

static int check_exprs(Check *c, PrAstExprSeq seq)
{
    for (size_t i = 0; i < seq.len; i++) {
        if (check_opt(c, seq.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------- */
/* Expressions                                                                                  */

static int check_call(Check *c, const PrAstExprCall *call)
{
    if (check_expr(c, call->func) < 0 || check_exprs(c, call->args) < 0) {
        return -1;
    }
    for (size_t i = 0; i < call->keywords.len; i++) {
        if (check_expr(c, call->keywords.items[i]->value) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Keys and values alternate (a NULL key is a ** unpacking). */
static int check_dict(Check *c, const PrAstExprDict *d)
{
    for (size_t i = 0; i < d->values.len; i++) {
        if (check_opt(c, d->keys.items[i]) < 0 || check_expr(c, d->values.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* A lambda's defaults are evaluated where it is written; its body is a function. */
static int check_lambda(Check *c, const PrAstArguments *a)
{
    return check_exprs(c, a->defaults) < 0 ? -1 : check_exprs(c, a->kw_defaults);
}

static int check_yield(Check *c, const PrAstExpr *e, const PrAstExpr *value)
{
    if (!c->in_function) {
        pr_scope_error_at(c->err, c->t, AT(e), "'yield' outside function");
        return -1;
    }
    return check_opt(c, value);
}

static int check_expr(Check *c, const PrAstExpr *e)
{
    if (c->in_function) {
        return 0; /* nothing in an expression can be wrong inside a function */
    }
    switch (e->kind) {
    case PR_EXPR_BOOL_OP:
        return check_exprs(c, e->v.BoolOp.values);
    case PR_EXPR_NAMED_EXPR:
        return check_expr(c, e->v.NamedExpr.value);
    case PR_EXPR_BIN_OP:
        return check_expr(c, e->v.BinOp.left) < 0 ? -1 : check_expr(c, e->v.BinOp.right);
    case PR_EXPR_UNARY_OP:
        return check_expr(c, e->v.UnaryOp.operand);
    case PR_EXPR_LAMBDA:
        return check_lambda(c, e->v.Lambda.args);
    case PR_EXPR_IF_EXP:
        if (check_expr(c, e->v.IfExp.test) < 0 || check_expr(c, e->v.IfExp.body) < 0) {
            return -1;
        }
        return check_expr(c, e->v.IfExp.orelse);
    case PR_EXPR_DICT:
        return check_dict(c, &e->v.Dict);
    case PR_EXPR_SET:
        return check_exprs(c, e->v.Set.elts);
    case PR_EXPR_LIST_COMP:
        return check_expr(c, e->v.ListComp.generators.items[0]->iter);
    case PR_EXPR_SET_COMP:
        return check_expr(c, e->v.SetComp.generators.items[0]->iter);
    case PR_EXPR_DICT_COMP:
        return check_expr(c, e->v.DictComp.generators.items[0]->iter);
    case PR_EXPR_GENERATOR_EXP:
        return check_expr(c, e->v.GeneratorExp.generators.items[0]->iter);
    case PR_EXPR_YIELD:
        return check_yield(c, e, e->v.Yield.value);
    case PR_EXPR_YIELD_FROM:
        return check_yield(c, e, e->v.YieldFrom.value);
    case PR_EXPR_COMPARE:
        return check_expr(c, e->v.Compare.left) < 0 ? -1 : check_exprs(c, e->v.Compare.comparators);
    case PR_EXPR_CALL:
        return check_call(c, &e->v.Call);
    case PR_EXPR_FORMATTED_VALUE:
        return check_expr(c, e->v.FormattedValue.value) < 0
                   ? -1
                   : check_opt(c, e->v.FormattedValue.format_spec);
    case PR_EXPR_JOINED_STR:
        return check_exprs(c, e->v.JoinedStr.values);
    case PR_EXPR_ATTRIBUTE:
        return check_expr(c, e->v.Attribute.value);
    case PR_EXPR_SUBSCRIPT:
        return check_expr(c, e->v.Subscript.value) < 0 ? -1 : check_expr(c, e->v.Subscript.slice);
    case PR_EXPR_STARRED:
        return check_expr(c, e->v.Starred.value);
    case PR_EXPR_LIST:
        return check_exprs(c, e->v.List.elts);
    case PR_EXPR_TUPLE:
        return check_exprs(c, e->v.Tuple.elts);
    case PR_EXPR_SLICE:
        if (check_opt(c, e->v.Slice.lower) < 0 || check_opt(c, e->v.Slice.upper) < 0) {
            return -1;
        }
        return check_opt(c, e->v.Slice.step);
    case PR_EXPR_NAME:
    case PR_EXPR_CONSTANT:
    case PR_EXPR__COUNT:
        break;
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------- */
/* Blocks                                                                                       */

/* Walks a block's body with a fresh loop count; in_function says what kind of block it is. */
static int check_body(Check *c, PrAstStmtSeq body, int in_function)
{
    Check inner = {c->t, c->err, in_function, 0};
    return check_stmts(&inner, body);
}

static int check_arg_annotations(Check *c, PrAstArgSeq args)
{
    for (size_t i = 0; i < args.len; i++) {
        if (check_opt(c, args.items[i]->annotation) < 0) {
            return -1;
        }
    }
    return 0;
}

/* compiler_visit_annotations: positional before positional-only (sic), then *args,
 * keyword-only, **kwargs, return. */
static int check_annotations(Check *c, const PrAstArguments *a, const PrAstExpr *returns)
{
    if (check_arg_annotations(c, a->args) < 0 || check_arg_annotations(c, a->posonlyargs) < 0 ||
        (a->vararg && check_opt(c, a->vararg->annotation) < 0) ||
        check_arg_annotations(c, a->kwonlyargs) < 0 ||
        (a->kwarg && check_opt(c, a->kwarg->annotation) < 0)) {
        return -1;
    }
    return check_opt(c, returns);
}

static int check_function_def(Check *c, const PrAstStmtFunctionDef *f)
{
    if (check_exprs(c, f->decorator_list) < 0 || check_exprs(c, f->args->defaults) < 0 ||
        check_exprs(c, f->args->kw_defaults) < 0 || check_annotations(c, f->args, f->returns) < 0) {
        return -1;
    }
    return check_body(c, f->body, 1);
}

/* The body is compiled first, into the code object that __build_class__ receives. */
static int check_class_def(Check *c, const PrAstStmtClassDef *k)
{
    if (check_exprs(c, k->decorator_list) < 0 || check_body(c, k->body, 0) < 0 ||
        check_exprs(c, k->bases) < 0) {
        return -1;
    }
    for (size_t i = 0; i < k->keywords.len; i++) {
        if (check_expr(c, k->keywords.items[i]->value) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------- */
/* Statements                                                                                   */

/* compiler_annassign: the assignment, then what a complex target without a value evaluates,
 * then the annotation (evaluated only in a module or a class, i.e. outside functions). */
static int check_ann_assign(Check *c, const PrAstStmtAnnAssign *a)
{
    const PrAstExpr *t = a->target;
    if (a->value && (check_expr(c, a->value) < 0 || check_expr(c, t) < 0)) {
        return -1;
    }
    if (!a->value && t->kind == PR_EXPR_ATTRIBUTE && check_expr(c, t->v.Attribute.value) < 0) {
        return -1;
    }
    if (!a->value && t->kind == PR_EXPR_SUBSCRIPT && check_expr(c, t) < 0) {
        return -1;
    }
    return check_expr(c, a->annotation);
}

static int check_loop(Check *c, const PrAstExpr *first, const PrAstExpr *second, PrAstStmtSeq body,
                      PrAstStmtSeq orelse)
{
    if (check_expr(c, first) < 0 || (second && check_expr(c, second) < 0)) {
        return -1;
    }
    c->loops++;
    int r = check_stmts(c, body);
    c->loops--;
    return r < 0 ? -1 : check_stmts(c, orelse);
}

/* compiler_try_except emits the else clause right after the body, before the handlers. */
static int check_try(Check *c, const PrAstStmtTry *t)
{
    if (check_stmts(c, t->body) < 0 || check_stmts(c, t->orelse) < 0) {
        return -1;
    }
    for (size_t i = 0; i < t->handlers.len; i++) {
        if (check_opt(c, t->handlers.items[i]->type) < 0 ||
            check_stmts(c, t->handlers.items[i]->body) < 0) {
            return -1;
        }
    }
    return check_stmts(c, t->finalbody);
}

static int check_with(Check *c, const PrAstStmtWith *w)
{
    for (size_t i = 0; i < w->items.len; i++) {
        if (check_expr(c, w->items.items[i]->context_expr) < 0 ||
            check_opt(c, w->items.items[i]->optional_vars) < 0) {
            return -1;
        }
    }
    return check_stmts(c, w->body);
}

static int fail_at(Check *c, const PrAstStmt *s, const char *msg)
{
    pr_scope_error_at(c->err, c->t, AT(s), "%s", msg);
    return -1;
}

static int check_stmt(Check *c, const PrAstStmt *s)
{
    switch (s->kind) {
    case PR_STMT_FUNCTION_DEF:
        return check_function_def(c, &s->v.FunctionDef);
    case PR_STMT_CLASS_DEF:
        return check_class_def(c, &s->v.ClassDef);
    case PR_STMT_RETURN:
        return c->in_function ? 0 : fail_at(c, s, "'return' outside function");
    case PR_STMT_DELETE:
        return check_exprs(c, s->v.Delete.targets);
    case PR_STMT_ASSIGN:
        return check_expr(c, s->v.Assign.value) < 0 ? -1 : check_exprs(c, s->v.Assign.targets);
    case PR_STMT_AUG_ASSIGN:
        return check_expr(c, s->v.AugAssign.target) < 0 ? -1 : check_expr(c, s->v.AugAssign.value);
    case PR_STMT_ANN_ASSIGN:
        return check_ann_assign(c, &s->v.AnnAssign);
    case PR_STMT_FOR:
        return check_loop(c, s->v.For.iter, s->v.For.target, s->v.For.body, s->v.For.orelse);
    case PR_STMT_WHILE:
        return check_loop(c, s->v.While.test, NULL, s->v.While.body, s->v.While.orelse);
    case PR_STMT_IF:
        if (check_expr(c, s->v.If.test) < 0 || check_stmts(c, s->v.If.body) < 0) {
            return -1;
        }
        return check_stmts(c, s->v.If.orelse);
    case PR_STMT_WITH:
        return check_with(c, &s->v.With);
    case PR_STMT_RAISE:
        return check_opt(c, s->v.Raise.exc) < 0 ? -1 : check_opt(c, s->v.Raise.cause);
    case PR_STMT_TRY:
        return check_try(c, &s->v.Try);
    case PR_STMT_ASSERT:
        return check_expr(c, s->v.Assert.test) < 0 ? -1 : check_opt(c, s->v.Assert.msg);
    case PR_STMT_EXPR:
        return check_expr(c, s->v.Expr.value);
    case PR_STMT_BREAK:
        return c->loops ? 0 : fail_at(c, s, "'break' outside loop");
    case PR_STMT_CONTINUE:
        return c->loops ? 0 : fail_at(c, s, "'continue' not properly in loop");
    case PR_STMT_IMPORT:
    case PR_STMT_IMPORT_FROM:
    case PR_STMT_GLOBAL:
    case PR_STMT_NONLOCAL:
    case PR_STMT_PASS:
    case PR_STMT__COUNT:
        break;
    }
    return 0;
}

static int check_stmts(Check *c, PrAstStmtSeq seq)
{
    for (size_t i = 0; i < seq.len; i++) {
        if (check_stmt(c, seq.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

int pr_scope_check_blocks(const PrAstMod *mod, const PrScopeTable *t, PrSyntaxError *err)
{
    Check c = {t, err, 0, 0};
    switch (mod->kind) {
    case PR_MOD_MODULE:
        return check_stmts(&c, mod->v.Module.body);
    case PR_MOD_INTERACTIVE:
        return check_stmts(&c, mod->v.Interactive.body);
    case PR_MOD_EXPRESSION:
        return check_expr(&c, mod->v.Expression.body);
    case PR_MOD__COUNT:
        break;
    }
    return 0;
}
