/* parser/parse_target.c — assignment, deletion and loop targets: the Store/Del contexts, and
 * CPython 3.11's messages for what cannot be a target ("cannot assign to function call",
 * "cannot delete literal", ...), as its _PyPegen_get_invalid_target finds them. */
#include "parser/parser_impl.h"

#include <string.h>

/* ------------------------------------------------------------------------------------------- */
/* Targets                                                                                      */

const char *pr_parser_expr_name(const PrAstExpr *e)
{
    switch (e->kind) {
    case PR_EXPR_ATTRIBUTE:
        return "attribute";
    case PR_EXPR_SUBSCRIPT:
        return "subscript";
    case PR_EXPR_STARRED:
        return "starred";
    case PR_EXPR_NAME:
        return "name";
    case PR_EXPR_LIST:
        return "list";
    case PR_EXPR_TUPLE:
        return "tuple";
    case PR_EXPR_LAMBDA:
        return "lambda";
    case PR_EXPR_CALL:
        return "function call";
    case PR_EXPR_BOOL_OP:
    case PR_EXPR_BIN_OP:
    case PR_EXPR_UNARY_OP:
        return "expression";
    case PR_EXPR_GENERATOR_EXP:
        return "generator expression";
    case PR_EXPR_YIELD:
    case PR_EXPR_YIELD_FROM:
        return "yield expression";
    case PR_EXPR_LIST_COMP:
        return "list comprehension";
    case PR_EXPR_SET_COMP:
        return "set comprehension";
    case PR_EXPR_DICT_COMP:
        return "dict comprehension";
    case PR_EXPR_DICT:
        return "dict literal";
    case PR_EXPR_SET:
        return "set display";
    case PR_EXPR_JOINED_STR:
    case PR_EXPR_FORMATTED_VALUE:
        return "f-string expression";
    case PR_EXPR_CONSTANT:
        switch (e->v.Constant.value.kind) {
        case PR_CONST_NONE:
            return "None";
        case PR_CONST_TRUE:
            return "True";
        case PR_CONST_FALSE:
            return "False";
        case PR_CONST_ELLIPSIS:
            return "ellipsis";
        default:
            return "literal";
        }
    case PR_EXPR_COMPARE:
        return "comparison";
    case PR_EXPR_IF_EXP:
        return "conditional expression";
    case PR_EXPR_NAMED_EXPR:
        return "named expression";
    default:
        return "expression";
    }
}

/* CPython's _PyPegen_get_invalid_target: the first part of e that cannot be a target, depth
 * first; NULL when there is none (or, for a comparison in a for target, when CPython gives up). */
static const PrAstExpr *invalid_target(const PrAstExpr *e, PrTargets type)
{
    const PrAstExprSeq *elts = NULL;
    switch (e->kind) {
    case PR_EXPR_LIST:
        elts = &e->v.List.elts;
        break;
    case PR_EXPR_TUPLE:
        elts = &e->v.Tuple.elts;
        break;
    case PR_EXPR_STARRED:
        return type == PR_TARGETS_DEL ? e : invalid_target(e->v.Starred.value, type);
    case PR_EXPR_COMPARE:
        if (type == PR_TARGETS_FOR) {
            return e->v.Compare.ops.items[0] == PR_CMP_IN ? invalid_target(e->v.Compare.left, type)
                                                          : NULL;
        }
        return e;
    case PR_EXPR_NAME:
    case PR_EXPR_SUBSCRIPT:
    case PR_EXPR_ATTRIBUTE:
        return NULL;
    default:
        return e;
    }
    for (size_t i = 0; i < elts->len; i++) {
        const PrAstExpr *bad = invalid_target(elts->items[i], type);
        if (bad) {
            return bad;
        }
    }
    return NULL;
}

/* Whether e is a target at all (invalid_target may find nothing wrong in what still is not). */
static int valid_target(const PrAstExpr *e, PrTargets type)
{
    const PrAstExprSeq *elts;
    switch (e->kind) {
    case PR_EXPR_NAME:
    case PR_EXPR_ATTRIBUTE:
    case PR_EXPR_SUBSCRIPT:
        return 1;
    case PR_EXPR_STARRED:
        return type != PR_TARGETS_DEL && e->v.Starred.value->kind != PR_EXPR_STARRED &&
               valid_target(e->v.Starred.value, type);
    case PR_EXPR_LIST:
        elts = &e->v.List.elts;
        break;
    case PR_EXPR_TUPLE:
        elts = &e->v.Tuple.elts;
        break;
    default:
        return 0;
    }
    for (size_t i = 0; i < elts->len; i++) {
        if (!valid_target(elts->items[i], type)) {
            return 0;
        }
    }
    return 1;
}

static void set_ctx(PrAstExpr *e, PrAstExprContext ctx)
{
    switch (e->kind) {
    case PR_EXPR_NAME:
        e->v.Name.ctx = ctx;
        break;
    case PR_EXPR_ATTRIBUTE:
        e->v.Attribute.ctx = ctx;
        break;
    case PR_EXPR_SUBSCRIPT:
        e->v.Subscript.ctx = ctx;
        break;
    case PR_EXPR_STARRED:
        e->v.Starred.ctx = ctx;
        set_ctx(e->v.Starred.value, ctx);
        break;
    case PR_EXPR_LIST:
        e->v.List.ctx = ctx;
        for (size_t i = 0; i < e->v.List.elts.len; i++) {
            set_ctx(e->v.List.elts.items[i], ctx);
        }
        break;
    case PR_EXPR_TUPLE:
        e->v.Tuple.ctx = ctx;
        for (size_t i = 0; i < e->v.Tuple.elts.len; i++) {
            set_ctx(e->v.Tuple.elts.items[i], ctx);
        }
        break;
    default:
        break;
    }
}

int pr_parser_set_context(PrParser *p, PrAstExpr *e, PrAstExprContext ctx, PrTargets type)
{
    const PrAstExpr *bad = invalid_target(e, type);
    if (bad) {
        pr_parser_error_node(p, bad,
                             type == PR_TARGETS_DEL ? "cannot delete %s" : "cannot assign to %s",
                             pr_parser_expr_name(bad));
        return -1;
    }
    if (!valid_target(e, type)) {
        return -1; /* CPython has nothing specific to say: "invalid syntax" */
    }
    set_ctx(e, ctx);
    return 0;
}

int pr_parser_check_for_target(PrParser *p, size_t start)
{
    if (p->no_invalid || p->failed) {
        return p->failed ? -1 : 0;
    }
    PrMark m = pr_parser_mark(p);
    p->pos = start;
    PrAstExpr *e = pr_parse_star_expressions(p);
    if (pr_parser_reset(p, m) < 0) {
        return -1;
    }
    const PrAstExpr *bad = e ? invalid_target(e, PR_TARGETS_FOR) : NULL;
    if (bad) {
        pr_parser_error_node(p, bad, "cannot assign to %s", pr_parser_expr_name(bad));
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------- */
/* Targets of for and with                                                                     */

/* Whether the next token can start a target: an atom (CPython's star_target grammar has no
 * operators, so its first pass stops at one). */
static int starts_target(PrParser *p)
{
    switch (pr_parser_peek(p, 0)->kind) {
    case PR_TOK_MINUS:
    case PR_TOK_PLUS:
    case PR_TOK_TILDE:
    case PR_TOK_NOT:
    case PR_TOK_LAMBDA:
    case PR_TOK_AWAIT:
        return 0;
    default:
        return pr_parser_starts_expression(pr_parser_peek(p, 0)->kind);
    }
}

PrAstExpr *pr_parse_star_target(PrParser *p)
{
    size_t start = p->pos;
    int star = pr_parser_accept(p, PR_TOK_STAR) != NULL;
    PrAstExpr *e = starts_target(p) ? pr_parse_primary(p) : NULL;
    if (!e || !valid_target(e, PR_TARGETS_STAR)) {
        /* not a target (a literal, a call...): CPython's target grammar fails here and its
         * error rules read an expression instead */
        if (!p->failed) {
            p->pos = start;
        }
        return NULL;
    }
    return star ? pr_parser_new_starred(p, e, start) : e;
}

/* star_targets of a for clause: '*'? primary elements (CPython's target grammar has no
 * operators, so its first pass stops at one), a Tuple when there is a comma. */
PrAstExpr *pr_parse_star_targets(PrParser *p)
{
    size_t start = p->pos;
    PrVec v = {0};
    int comma = 0;
    for (;;) {
        PrAstExpr *e = pr_parse_star_target(p);
        if (!e || pr_vec_push(p, &v, e) < 0) {
            pr_vec_free(&v);
            return NULL;
        }
        if (!pr_parser_accept(p, PR_TOK_COMMA)) {
            break;
        }
        comma = 1;
        PrTokKind k = pr_parser_peek(p, 0)->kind;
        if (k != PR_TOK_STAR && !pr_parser_starts_expression(k)) {
            break;
        }
    }
    if (!comma) {
        PrAstExpr *only = v.items[0];
        pr_vec_free(&v);
        return only;
    }
    return pr_parser_new_elts(p, PR_EXPR_TUPLE, &v, start);
}
