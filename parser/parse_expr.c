/* parser/parse_expr.c — expressions, from lambda and the conditional down to atoms, with
 * CPython 3.11's precedence; targets (Store/Del contexts and the errors for invalid ones);
 * comprehensions. Binary operators from '|' to '*' go through one precedence table; the levels
 * with their own node shapes (comparison, not, and/or, conditional) have their own functions,
 * each named after its rule in CPython's Grammar/python.gram. Calls and parameters are in
 * parse_args.c, literals in literal.c and fstring.c. */
#include "parser/parser_impl.h"

#include <string.h>

/* ------------------------------------------------------------------------------------------- */
/* Small helpers                                                                                */

static PrAstExpr *new_name(PrParser *p, const PrToken *t, PrAstExprContext ctx)
{
    PrAstExpr *e = pr_ast_expr_new(p->arena, PR_EXPR_NAME, t->lineno, t->col, t->end_lineno,
                                   t->end_col);
    if (!e) {
        return pr_parser_no_memory(p);
    }
    e->v.Name.id = pr_parser_ident(p, t);
    e->v.Name.ctx = ctx;
    return e->v.Name.id ? e : NULL;
}

static PrAstExpr *new_binop(PrParser *p, PrAstExpr *left, PrAstOperator op, PrAstExpr *right,
                            size_t start)
{
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_BIN_OP, start);
    if (e) {
        e->v.BinOp.left = left;
        e->v.BinOp.op = op;
        e->v.BinOp.right = right;
    }
    return e;
}

static PrAstExpr *new_starred(PrParser *p, PrAstExpr *value, size_t start)
{
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_STARRED, start);
    if (e) {
        e->v.Starred.value = value;
        e->v.Starred.ctx = PR_CTX_LOAD;
    }
    return e;
}

/* A Tuple/List/Set of the elements in v (which it consumes). */
static PrAstExpr *new_elts(PrParser *p, PrAstExprKind kind, PrVec *v, size_t start)
{
    PrAstExpr *e = pr_parser_expr(p, kind, start);
    if (!e) {
        pr_vec_free(v);
        return NULL;
    }
    PrAstExprSeq *seq = kind == PR_EXPR_SET ? &e->v.Set.elts
                        : kind == PR_EXPR_LIST ? &e->v.List.elts
                                               : &e->v.Tuple.elts;
    if (pr_vec_finish(p, v, &seq->len, &seq->items) < 0) {
        return NULL;
    }
    return e;
}

static int is_name(const PrAstExpr *e, const char *id)
{
    return e->kind == PR_EXPR_NAME && strcmp(e->v.Name.id, id) == 0;
}

/* CPython 3.11 compares only the token's length of each soft keyword
 * (_PyPegen_soft_keyword_token), so every prefix of "match", "case" and "_" counts: "[c d]" is
 * "invalid syntax", "[x d]" "Perhaps you forgot a comma?". Reproduced, bug included. */
static int is_soft_keyword(PrParser *p, size_t i)
{
    static const char *const words[] = {"_", "case", "match"};
    const PrToken *t = pr_parser_tok(p, i);
    if (t->kind != PR_TOK_NAME) {
        return 0;
    }
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        if (t->len <= strlen(words[k]) && memcmp(t->start, words[k], t->len) == 0) {
            return 1;
        }
    }
    return 0;
}

int pr_parser_starts_expression(PrTokKind kind)
{
    switch (kind) {
    case PR_TOK_NAME:
    case PR_TOK_NUMBER:
    case PR_TOK_STRING:
    case PR_TOK_LPAR:
    case PR_TOK_LSQB:
    case PR_TOK_LBRACE:
    case PR_TOK_MINUS:
    case PR_TOK_PLUS:
    case PR_TOK_TILDE:
    case PR_TOK_NOT:
    case PR_TOK_LAMBDA:
    case PR_TOK_ELLIPSIS:
    case PR_TOK_NONE:
    case PR_TOK_TRUE:
    case PR_TOK_FALSE:
    case PR_TOK_AWAIT:
        return 1;
    default:
        return 0;
    }
}

/* async and await are outside pyrena's language; say so rather than "invalid syntax". */
static void *unsupported(PrParser *p, const PrToken *t)
{
    return pr_parser_error_token(p, t, "'%.*s' is not supported by pyrena", (int)t->len,
                                 t->start);
}

/* ------------------------------------------------------------------------------------------- */
/* Targets                                                                                      */

const char *pr_parser_expr_name(const PrAstExpr *e)
{
    switch (e->kind) {
    case PR_EXPR_ATTRIBUTE: return "attribute";
    case PR_EXPR_SUBSCRIPT: return "subscript";
    case PR_EXPR_STARRED: return "starred";
    case PR_EXPR_NAME: return "name";
    case PR_EXPR_LIST: return "list";
    case PR_EXPR_TUPLE: return "tuple";
    case PR_EXPR_LAMBDA: return "lambda";
    case PR_EXPR_CALL: return "function call";
    case PR_EXPR_BOOL_OP:
    case PR_EXPR_BIN_OP:
    case PR_EXPR_UNARY_OP: return "expression";
    case PR_EXPR_GENERATOR_EXP: return "generator expression";
    case PR_EXPR_YIELD:
    case PR_EXPR_YIELD_FROM: return "yield expression";
    case PR_EXPR_LIST_COMP: return "list comprehension";
    case PR_EXPR_SET_COMP: return "set comprehension";
    case PR_EXPR_DICT_COMP: return "dict comprehension";
    case PR_EXPR_DICT: return "dict literal";
    case PR_EXPR_SET: return "set display";
    case PR_EXPR_JOINED_STR:
    case PR_EXPR_FORMATTED_VALUE: return "f-string expression";
    case PR_EXPR_CONSTANT:
        switch (e->v.Constant.value.kind) {
        case PR_CONST_NONE: return "None";
        case PR_CONST_TRUE: return "True";
        case PR_CONST_FALSE: return "False";
        case PR_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case PR_EXPR_COMPARE: return "comparison";
    case PR_EXPR_IF_EXP: return "conditional expression";
    case PR_EXPR_NAMED_EXPR: return "named expression";
    default: return "expression";
    }
}

/* CPython's _PyPegen_get_invalid_target: the first part of e that cannot be a target, depth
 * first; NULL when there is none (or, for a comparison in a for target, when CPython gives up). */
static const PrAstExpr *invalid_target(const PrAstExpr *e, PrTargets type)
{
    const PrAstExprSeq *elts = NULL;
    switch (e->kind) {
    case PR_EXPR_LIST: elts = &e->v.List.elts; break;
    case PR_EXPR_TUPLE: elts = &e->v.Tuple.elts; break;
    case PR_EXPR_STARRED:
        return type == PR_TARGETS_DEL ? e : invalid_target(e->v.Starred.value, type);
    case PR_EXPR_COMPARE:
        if (type == PR_TARGETS_FOR) {
            return e->v.Compare.ops.items[0] == PR_CMP_IN
                       ? invalid_target(e->v.Compare.left, type)
                       : NULL;
        }
        return e;
    case PR_EXPR_NAME:
    case PR_EXPR_SUBSCRIPT:
    case PR_EXPR_ATTRIBUTE: return NULL;
    default: return e;
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
    case PR_EXPR_SUBSCRIPT: return 1;
    case PR_EXPR_STARRED:
        return type != PR_TARGETS_DEL && e->v.Starred.value->kind != PR_EXPR_STARRED &&
               valid_target(e->v.Starred.value, type);
    case PR_EXPR_LIST: elts = &e->v.List.elts; break;
    case PR_EXPR_TUPLE: elts = &e->v.Tuple.elts; break;
    default: return 0;
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
    case PR_EXPR_NAME: e->v.Name.ctx = ctx; break;
    case PR_EXPR_ATTRIBUTE: e->v.Attribute.ctx = ctx; break;
    case PR_EXPR_SUBSCRIPT: e->v.Subscript.ctx = ctx; break;
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
    default: break;
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
/* Comprehensions                                                                               */

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
    case PR_TOK_AWAIT: return 0;
    default: return pr_parser_starts_expression(pr_parser_peek(p, 0)->kind);
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
    return star ? new_starred(p, e, start) : e;
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
    return new_elts(p, PR_EXPR_TUPLE, &v, start);
}

static struct PrAstComprehension *parse_for_if_clause(PrParser *p)
{
    const PrToken *t = pr_parser_peek(p, 0);
    if (t->kind == PR_TOK_ASYNC) {
        return unsupported(p, t);
    }
    if (!pr_parser_accept(p, PR_TOK_FOR)) {
        return NULL;
    }
    size_t tstart = p->pos;
    PrAstExpr *target = pr_parse_star_targets(p);
    if (!target) {
        pr_parser_check_for_target(p, tstart);
        return NULL;
    }
    if (pr_parser_set_context(p, target, PR_CTX_STORE, PR_TARGETS_FOR) < 0) {
        return NULL;
    }
    if (!pr_parser_accept(p, PR_TOK_IN)) {
        pr_parser_check_for_target(p, tstart);
        return NULL;
    }
    PrAstExpr *iter = pr_parse_disjunction(p);
    if (!iter) {
        return NULL;
    }
    PrVec ifs = {0};
    while (pr_parser_accept(p, PR_TOK_IF)) {
        PrAstExpr *cond = pr_parse_disjunction(p);
        if (!cond || pr_vec_push(p, &ifs, cond) < 0) {
            pr_vec_free(&ifs);
            return NULL;
        }
    }
    struct PrAstComprehension *c = pr_arena_calloc(p->arena, sizeof *c);
    if (!c) {
        pr_vec_free(&ifs);
        return pr_parser_no_memory(p);
    }
    c->target = target;
    c->iter = iter;
    if (pr_vec_finish(p, &ifs, &c->ifs.len, &c->ifs.items) < 0) {
        return NULL;
    }
    return c;
}

int pr_parse_comprehensions(PrParser *p, PrAstComprehensionSeq *out)
{
    PrVec v = {0};
    do {
        struct PrAstComprehension *c = parse_for_if_clause(p);
        if (!c || pr_vec_push(p, &v, c) < 0) {
            pr_vec_free(&v);
            return -1;
        }
    } while (pr_parser_check(p, PR_TOK_FOR) || pr_parser_check(p, PR_TOK_ASYNC));
    return pr_vec_finish(p, &v, &out->len, &out->items);
}

static int starts_comprehension(PrParser *p)
{
    return pr_parser_check(p, PR_TOK_FOR) || pr_parser_check(p, PR_TOK_ASYNC);
}

/* '[*a for ...]', '(*a for ...)', '{*a for ...}' */
static void *starred_in_comprehension(PrParser *p, const PrAstExpr *elt)
{
    return pr_parser_error_node(p, elt, "iterable unpacking cannot be used in comprehension");
}

/* ListComp / SetComp / GeneratorExp of elt, the clauses following; closes with `close`. */
static PrAstExpr *parse_comp(PrParser *p, PrAstExprKind kind, PrAstExpr *elt, size_t start,
                             PrTokKind close)
{
    PrAstComprehensionSeq gens;
    if (elt->kind == PR_EXPR_STARRED) {
        /* a second-pass rule: the clauses must parse for it to speak */
        if (p->no_invalid) {
            return NULL;
        }
        PrMark m = pr_parser_mark(p);
        int ok = pr_parse_comprehensions(p, &gens) == 0;
        if (pr_parser_reset(p, m) == 0 && ok) {
            starred_in_comprehension(p, elt);
        }
        return NULL;
    }
    if (pr_parse_comprehensions(p, &gens) < 0) {
        return NULL;
    }
    if (!pr_parser_accept(p, close)) {
        return NULL;
    }
    PrAstExpr *e = pr_parser_expr(p, kind, start);
    if (!e) {
        return NULL;
    }
    /* ListComp, SetComp and GeneratorExp share their layout: elt, generators. */
    switch (kind) {
    case PR_EXPR_LIST_COMP:
        e->v.ListComp.elt = elt;
        e->v.ListComp.generators = gens;
        break;
    case PR_EXPR_SET_COMP:
        e->v.SetComp.elt = elt;
        e->v.SetComp.generators = gens;
        break;
    default:
        e->v.GeneratorExp.elt = elt;
        e->v.GeneratorExp.generators = gens;
        break;
    }
    return e;
}

/* After the elements of a list or set display: CPython's invalid_comprehension, "[a, b for
 * ...]". The clauses must parse for the error to be reported. */
static void *forgot_comp_parens(PrParser *p, PrVec *v, const PrToken *comma)
{
    PrAstComprehensionSeq gens;
    const PrAstExpr *first = v->items[0];
    const PrAstExpr *last = v->items[v->len - 1];
    PrMark m = pr_parser_mark(p);
    int ok = pr_parse_comprehensions(p, &gens) == 0;
    if (pr_parser_reset(p, m) < 0 || !ok) {
        return NULL;
    }
    if (v->len == 1) {
        return pr_parser_error_at(p, PR_SYNERR_SYNTAX, first->lineno, first->col_offset,
                                  comma->end_lineno, comma->end_col,
                                  "did you forget parentheses around the comprehension target?");
    }
    return pr_parser_error_range(p, first, last,
                                 "did you forget parentheses around the comprehension target?");
}

/* ------------------------------------------------------------------------------------------- */
/* Atoms                                                                                        */

/* A starred first element that its display cannot go on with: CPython's invalid_group and
 * invalid_comprehension read it again as '*' expression, which may go further. */
static int starred_first(PrParser *p, PrAstExpr *first, size_t estart, PrTokKind close)
{
    if (first->kind != PR_EXPR_STARRED) {
        return 0;
    }
    PrTokKind k = pr_parser_peek(p, 0)->kind;
    if (k == PR_TOK_FOR || k == PR_TOK_COMMA || k == close ||
        (close == PR_TOK_RBRACE && k == PR_TOK_COLON)) {
        return 0;
    }
    if (p->no_invalid || p->failed) {
        return 1;
    }
    PrMark m = pr_parser_mark(p);
    p->pos = estart + 1;
    PrAstExpr *v = pr_parse_expression(p);
    PrAstExpr *st = v ? new_starred(p, v, estart) : NULL;
    int group = st && close == PR_TOK_RPAR && pr_parser_check(p, PR_TOK_RPAR);
    PrAstComprehensionSeq gens;
    int comp = st && starts_comprehension(p) && pr_parse_comprehensions(p, &gens) == 0;
    if (pr_parser_reset(p, m) == 0 && (group || comp)) {
        pr_parser_error_node(p, st, group ? "cannot use starred expression here"
                                          : "iterable unpacking cannot be used in comprehension");
    }
    return 1;
}

/* Elements after the first of a tuple, list or set display, up to (not including) `close`.
 * *comma gets the last comma read. */
static int parse_more_elts(PrParser *p, PrVec *v, PrTokKind close, const PrToken **comma)
{
    while (pr_parser_check(p, PR_TOK_COMMA)) {
        *comma = pr_parser_next(p);
        if (pr_parser_check(p, close) || (close != PR_TOK_RPAR && starts_comprehension(p))) {
            break;
        }
        PrAstExpr *e = pr_parse_star_named_expression(p);
        if (!e || pr_vec_push(p, v, e) < 0) {
            return -1;
        }
    }
    return 0;
}

/* '(' ... ')': empty tuple, group, tuple, generator expression. */
static PrAstExpr *parse_paren(PrParser *p)
{
    size_t start = p->pos;
    pr_parser_next(p);
    if (pr_parser_accept(p, PR_TOK_RPAR)) {
        PrVec none = {0};
        return new_elts(p, PR_EXPR_TUPLE, &none, start);
    }
    if (pr_parser_check(p, PR_TOK_YIELD)) {
        PrAstExpr *y = pr_parse_yield_expr(p);
        return y && pr_parser_accept(p, PR_TOK_RPAR) ? y : NULL;
    }
    if (pr_parser_check(p, PR_TOK_DOUBLESTAR)) {
        /* invalid_group: '(' '**' expression ')', a second-pass rule */
        if (p->no_invalid) {
            return NULL;
        }
        PrMark m = pr_parser_mark(p);
        const PrToken *star = pr_parser_next(p);
        PrAstExpr *e = pr_parse_expression(p);
        int rpar = e && pr_parser_check(p, PR_TOK_RPAR);
        if (pr_parser_reset(p, m) == 0 && rpar) {
            pr_parser_error_token(p, star, "cannot use double starred expression here");
        }
        return NULL;
    }
    PrAstExpr *first = pr_parse_star_named_expression(p);
    if (!first || starred_first(p, first, start + 1, PR_TOK_RPAR)) {
        return NULL;
    }
    if (starts_comprehension(p)) {
        return parse_comp(p, PR_EXPR_GENERATOR_EXP, first, start, PR_TOK_RPAR);
    }
    if (pr_parser_accept(p, PR_TOK_RPAR)) {
        if (first->kind == PR_EXPR_STARRED) {
            return pr_parser_error_node(p, first, "cannot use starred expression here");
        }
        return first;
    }
    if (!pr_parser_check(p, PR_TOK_COMMA)) {
        return NULL;
    }
    PrVec v = {0};
    const PrToken *comma = NULL;
    if (pr_vec_push(p, &v, first) < 0 || parse_more_elts(p, &v, PR_TOK_RPAR, &comma) < 0 ||
        !pr_parser_accept(p, PR_TOK_RPAR)) {
        pr_vec_free(&v);
        return NULL;
    }
    return new_elts(p, PR_EXPR_TUPLE, &v, start);
}

/* '[' ... ']': list display or list comprehension. */
static PrAstExpr *parse_list(PrParser *p)
{
    size_t start = p->pos;
    pr_parser_next(p);
    PrVec v = {0};
    if (pr_parser_accept(p, PR_TOK_RSQB)) {
        return new_elts(p, PR_EXPR_LIST, &v, start);
    }
    PrAstExpr *first = pr_parse_star_named_expression(p);
    if (!first || starred_first(p, first, start + 1, PR_TOK_RSQB)) {
        return NULL;
    }
    if (starts_comprehension(p)) {
        return parse_comp(p, PR_EXPR_LIST_COMP, first, start, PR_TOK_RSQB);
    }
    const PrToken *comma = NULL;
    if (pr_vec_push(p, &v, first) < 0 || parse_more_elts(p, &v, PR_TOK_RSQB, &comma) < 0) {
        pr_vec_free(&v);
        return NULL;
    }
    if (comma && starts_comprehension(p) && !p->no_invalid) {
        forgot_comp_parens(p, &v, comma);
        pr_vec_free(&v);
        return NULL;
    }
    if (!pr_parser_accept(p, PR_TOK_RSQB)) {
        pr_vec_free(&v);
        return NULL;
    }
    return new_elts(p, PR_EXPR_LIST, &v, start);
}

/* The rest of a set display after its first element. */
static PrAstExpr *parse_set_rest(PrParser *p, PrAstExpr *first, size_t start)
{
    if (starts_comprehension(p)) {
        return parse_comp(p, PR_EXPR_SET_COMP, first, start, PR_TOK_RBRACE);
    }
    PrVec v = {0};
    const PrToken *comma = NULL;
    if (pr_vec_push(p, &v, first) < 0 || parse_more_elts(p, &v, PR_TOK_RBRACE, &comma) < 0) {
        pr_vec_free(&v);
        return NULL;
    }
    if (comma && starts_comprehension(p) && !p->no_invalid) {
        forgot_comp_parens(p, &v, comma);
        pr_vec_free(&v);
        return NULL;
    }
    if (!pr_parser_accept(p, PR_TOK_RBRACE)) {
        pr_vec_free(&v);
        return NULL;
    }
    return new_elts(p, PR_EXPR_SET, &v, start);
}

/* One dict item: '**' bitwise_or (key NULL) or key ':' value. key may be given (the first
 * item, parsed before we knew it was a dict); `first` tells whether an item came before, which
 * CPython's error rules for a key without ':' require. */
static int parse_dict_item(PrParser *p, PrAstExpr *key, PrVec *keys, PrVec *values)
{
    int first = keys->len == 0;
    if (!key && pr_parser_accept(p, PR_TOK_DOUBLESTAR)) {
        PrAstExpr *value = pr_parse_bitwise_or(p);
        if (!value) {
            return -1;
        }
        return pr_vec_push(p, keys, NULL) < 0 ? -1 : pr_vec_push(p, values, value);
    }
    if (!key) {
        /* after the first item, a key not followed by ':' is reported as such, before any
         * "Perhaps you forgot a comma?" about the key (CPython's invalid_kvpair wins there) */
        p->dict_key = !first;
        key = pr_parse_expression(p);
        p->dict_key = 0;
        if (!key) {
            return -1;
        }
    }
    const PrToken *colon = pr_parser_accept(p, PR_TOK_COLON);
    if (!colon) {
        if (!p->no_invalid && !first) {
            /* invalid_kvpair: a=expression !(':'), after a first item */
            pr_parser_error_at(p, PR_SYNERR_SYNTAX, key->lineno, key->end_col_offset - 1,
                               key->end_lineno, -1, "':' expected after dictionary key");
        }
        return -1;
    }
    size_t after = p->pos;
    if (pr_parser_check(p, PR_TOK_STAR) && !p->no_invalid) {
        /* expression ':' '*' bitwise_or */
        const PrToken *star = pr_parser_peek(p, 0);
        PrMark m = pr_parser_mark(p);
        pr_parser_next(p);
        PrAstExpr *v = pr_parse_bitwise_or(p);
        if (pr_parser_reset(p, m) == 0 && v) {
            const PrToken *last = pr_parser_tok(p, p->ntoks - 1);
            pr_parser_error_at(p, PR_SYNERR_SYNTAX, star->lineno, star->col, last->end_lineno,
                               last->end_col - 1,
                               "cannot use a starred expression in a dictionary value");
        }
        return -1;
    }
    PrAstExpr *value = pr_parse_expression(p);
    if (!value) {
        p->pos = after;
        if (!p->no_invalid && !p->failed &&
            (pr_parser_check(p, PR_TOK_RBRACE) || pr_parser_check(p, PR_TOK_COMMA))) {
            pr_parser_error_token(p, colon, "expression expected after dictionary key and ':'");
        }
        return -1;
    }
    return pr_vec_push(p, keys, key) < 0 ? -1 : pr_vec_push(p, values, value);
}

static PrAstExpr *finish_dict(PrParser *p, PrVec *keys, PrVec *values, size_t start)
{
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_DICT, start);
    if (!e) {
        pr_vec_free(keys);
        pr_vec_free(values);
        return NULL;
    }
    if (pr_vec_finish(p, keys, &e->v.Dict.keys.len, &e->v.Dict.keys.items) < 0) {
        pr_vec_free(values);
        return NULL;
    }
    if (pr_vec_finish(p, values, &e->v.Dict.values.len, &e->v.Dict.values.items) < 0) {
        return NULL;
    }
    return e;
}

static PrAstExpr *parse_dict_comp(PrParser *p, PrAstExpr *key, PrAstExpr *value, size_t start)
{
    PrAstComprehensionSeq gens;
    if (pr_parse_comprehensions(p, &gens) < 0) {
        return NULL;
    }
    if (!pr_parser_accept(p, PR_TOK_RBRACE)) {
        return NULL;
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_DICT_COMP, start);
    if (e) {
        e->v.DictComp.key = key;
        e->v.DictComp.value = value;
        e->v.DictComp.generators = gens;
    }
    return e;
}

/* '{' ... '}': dict, set, dict comprehension, set comprehension. */
static PrAstExpr *parse_brace(PrParser *p)
{
    size_t start = p->pos;
    pr_parser_next(p);
    PrVec keys = {0}, values = {0};
    if (pr_parser_accept(p, PR_TOK_RBRACE)) {
        return finish_dict(p, &keys, &values, start);
    }
    PrAstExpr *first = NULL;
    if (pr_parser_check(p, PR_TOK_DOUBLESTAR)) {
        const PrToken *stars = pr_parser_peek(p, 0);
        if (parse_dict_item(p, NULL, &keys, &values) < 0) {
            goto fail;
        }
        if (starts_comprehension(p) && !p->no_invalid) {
            /* '{' '**' bitwise_or for_if_clauses '}', a second-pass rule */
            PrMark m = pr_parser_mark(p);
            PrAstComprehensionSeq gens;
            int ok = pr_parse_comprehensions(p, &gens) == 0 && pr_parser_check(p, PR_TOK_RBRACE);
            if (pr_parser_reset(p, m) == 0 && ok) {
                pr_parser_error_token(p, stars,
                                      "dict unpacking cannot be used in dict comprehension");
            }
            goto fail;
        }
    } else {
        first = pr_parse_star_named_expression(p);
        if (!first || starred_first(p, first, start + 1, PR_TOK_RBRACE)) {
            goto fail;
        }
        if (!pr_parser_check(p, PR_TOK_COLON)) {
            return parse_set_rest(p, first, start);
        }
        if (first->kind == PR_EXPR_STARRED) {
            goto fail; /* a key is an expression: '*' cannot start one */
        }
        if (parse_dict_item(p, first, &keys, &values) < 0) {
            goto fail;
        }
        if (starts_comprehension(p)) {
            PrAstExpr *k = keys.items[0], *v = values.items[0];
            pr_vec_free(&keys);
            pr_vec_free(&values);
            return parse_dict_comp(p, k, v, start);
        }
    }
    while (pr_parser_accept(p, PR_TOK_COMMA)) {
        if (pr_parser_check(p, PR_TOK_RBRACE)) {
            break;
        }
        if (parse_dict_item(p, NULL, &keys, &values) < 0) {
            goto fail;
        }
    }
    if (!pr_parser_accept(p, PR_TOK_RBRACE)) {
        goto fail;
    }
    return finish_dict(p, &keys, &values, start);
fail:
    pr_vec_free(&keys);
    pr_vec_free(&values);
    return NULL;
}

static PrAstExpr *new_constant(PrParser *p, PrAstConstKind kind, size_t start)
{
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_CONSTANT, start);
    if (e) {
        e->v.Constant.value.kind = kind;
    }
    return e;
}

/* Brackets count for "Perhaps you forgot a comma?", which CPython only suggests inside them. */
static PrAstExpr *bracketed(PrParser *p, PrAstExpr *(*parse)(PrParser *))
{
    if (pr_parser_enter(p) < 0) {
        return NULL;
    }
    p->nest++;
    PrAstExpr *e = parse(p);
    p->nest--;
    pr_parser_leave(p);
    return e;
}

static PrAstExpr *parse_atom(PrParser *p)
{
    size_t start = p->pos;
    const PrToken *t = pr_parser_peek(p, 0);
    switch (t->kind) {
    case PR_TOK_NAME: pr_parser_next(p); return new_name(p, t, PR_CTX_LOAD);
    case PR_TOK_TRUE: pr_parser_next(p); return new_constant(p, PR_CONST_TRUE, start);
    case PR_TOK_FALSE: pr_parser_next(p); return new_constant(p, PR_CONST_FALSE, start);
    case PR_TOK_NONE: pr_parser_next(p); return new_constant(p, PR_CONST_NONE, start);
    case PR_TOK_ELLIPSIS: pr_parser_next(p); return new_constant(p, PR_CONST_ELLIPSIS, start);
    case PR_TOK_NUMBER: return pr_parse_number(p);
    case PR_TOK_STRING: return pr_parse_strings(p);
    case PR_TOK_LPAR: return bracketed(p, parse_paren);
    case PR_TOK_LSQB: return bracketed(p, parse_list);
    case PR_TOK_LBRACE: return bracketed(p, parse_brace);
    case PR_TOK_AWAIT: return unsupported(p, t);
    default: return NULL;
    }
}

/* ------------------------------------------------------------------------------------------- */
/* Primaries: attribute, call, subscript                                                        */

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static PrAstExpr *parse_slice(PrParser *p)
{
    size_t start = p->pos;
    PrAstExpr *lower = NULL, *upper = NULL, *step = NULL;
    if (!pr_parser_check(p, PR_TOK_COLON)) {
        lower = pr_parse_named_expression(p);
        if (!lower) {
            return NULL;
        }
        if (!pr_parser_check(p, PR_TOK_COLON)) {
            return lower;
        }
        if (lower->kind == PR_EXPR_NAMED_EXPR && pr_parser_tok(p, start + 1)->kind == PR_TOK_COLONEQUAL) {
            return NULL; /* a[x := 1 : 2]: the bound is an expression */
        }
    }
    pr_parser_next(p); /* ':' */
    PrTokKind k = pr_parser_peek(p, 0)->kind;
    if (pr_parser_starts_expression(k)) {
        if (!(upper = pr_parse_expression(p))) {
            return NULL;
        }
    }
    if (pr_parser_accept(p, PR_TOK_COLON)) {
        if (pr_parser_starts_expression(pr_parser_peek(p, 0)->kind)) {
            if (!(step = pr_parse_expression(p))) {
                return NULL;
            }
        }
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_SLICE, start);
    if (e) {
        e->v.Slice.lower = lower;
        e->v.Slice.upper = upper;
        e->v.Slice.step = step;
    }
    return e;
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static PrAstExpr *parse_slices(PrParser *p)
{
    size_t start = p->pos;
    PrVec v = {0};
    int comma = 0;
    for (;;) {
        size_t estart = p->pos;
        PrAstExpr *e;
        if (pr_parser_accept(p, PR_TOK_STAR)) {
            PrAstExpr *inner = pr_parse_expression(p);
            e = inner ? new_starred(p, inner, estart) : NULL;
        } else {
            e = parse_slice(p);
        }
        if (!e || pr_vec_push(p, &v, e) < 0) {
            pr_vec_free(&v);
            return NULL;
        }
        if (!pr_parser_accept(p, PR_TOK_COMMA)) {
            break;
        }
        comma = 1;
        if (pr_parser_check(p, PR_TOK_RSQB)) {
            break;
        }
    }
    if (!comma && ((PrAstExpr *)v.items[0])->kind != PR_EXPR_STARRED) {
        PrAstExpr *only = v.items[0];
        pr_vec_free(&v);
        return only;
    }
    return new_elts(p, PR_EXPR_TUPLE, &v, start);
}

static PrAstExpr *parse_subscript(PrParser *p, PrAstExpr *value, size_t start)
{
    pr_parser_next(p); /* '[' */
    p->nest++;
    PrAstExpr *slice = parse_slices(p);
    p->nest--;
    if (!slice) {
        return NULL;
    }
    if (!pr_parser_accept(p, PR_TOK_RSQB)) {
        return NULL;
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_SUBSCRIPT, start);
    if (e) {
        e->v.Subscript.value = value;
        e->v.Subscript.slice = slice;
        e->v.Subscript.ctx = PR_CTX_LOAD;
    }
    return e;
}

static PrAstExpr *parse_call(PrParser *p, PrAstExpr *func, size_t start)
{
    pr_parser_next(p); /* '(' */
    PrAstExprSeq args;
    PrAstKeywordSeq keywords;
    p->nest++;
    int plain = pr_parser_memo_begin(p, PR_MEMO_ARGUMENTS);
    int r = pr_parse_call_arguments(p, &args, &keywords);
    pr_parser_memo_end(p, plain);
    p->nest--;
    if (r < 0) {
        return NULL;
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_CALL, start);
    if (e) {
        e->v.Call.func = func;
        e->v.Call.args = args;
        e->v.Call.keywords = keywords;
    }
    return e;
}

static PrAstExpr *parse_attribute(PrParser *p, PrAstExpr *value, size_t start)
{
    pr_parser_next(p); /* '.' */
    const PrToken *name = pr_parser_accept(p, PR_TOK_NAME);
    if (!name) {
        return NULL;
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_ATTRIBUTE, start);
    if (e) {
        e->v.Attribute.value = value;
        e->v.Attribute.attr = pr_parser_ident(p, name);
        e->v.Attribute.ctx = PR_CTX_LOAD;
        if (!e->v.Attribute.attr) {
            return NULL;
        }
    }
    return e;
}

/* primary: atom followed by any number of .NAME, (args), [slices]. A loop, so long chains do not
 * recurse (their depth is checked on the finished tree). */
PrAstExpr *pr_parse_primary(PrParser *p)
{
    size_t start = p->pos;
    PrAstExpr *e = parse_atom(p);
    while (e) {
        size_t at = p->pos;
        PrAstExpr *next;
        switch (pr_parser_peek(p, 0)->kind) {
        case PR_TOK_DOT: next = parse_attribute(p, e, start); break;
        case PR_TOK_LPAR: next = parse_call(p, e, start); break;
        case PR_TOK_LSQB: next = parse_subscript(p, e, start); break;
        default: return e;
        }
        if (!next) {
            p->pos = at; /* backtrack to the primary before the failed trailer */
            return p->failed ? NULL : e;
        }
        e = next;
    }
    return NULL;
}

/* ------------------------------------------------------------------------------------------- */
/* Operators                                                                                    */

static PrAstExpr *parse_factor(PrParser *p);

/* power: primary '**' factor — so -2**2 is -(2**2) and 2**-1 works. */
static PrAstExpr *parse_power(PrParser *p)
{
    size_t start = p->pos;
    PrAstExpr *base = pr_parse_primary(p);
    size_t op = p->pos;
    if (!base || !pr_parser_accept(p, PR_TOK_DOUBLESTAR)) {
        return base;
    }
    if (pr_parser_enter(p) < 0) {
        return NULL;
    }
    PrAstExpr *exponent = parse_factor(p);
    pr_parser_leave(p);
    if (!exponent) {
        p->pos = op;
        return p->failed ? NULL : base;
    }
    return new_binop(p, base, PR_BINOP_POW, exponent, start);
}

/* factor: ('+' | '-' | '~') factor | power */
static PrAstExpr *parse_factor(PrParser *p)
{
    size_t start = p->pos;
    PrAstUnaryOp op;
    switch (pr_parser_peek(p, 0)->kind) {
    case PR_TOK_PLUS: op = PR_UNARY_UADD; break;
    case PR_TOK_MINUS: op = PR_UNARY_USUB; break;
    case PR_TOK_TILDE: op = PR_UNARY_INVERT; break;
    default: return parse_power(p);
    }
    if (pr_parser_enter(p) < 0) {
        return NULL;
    }
    pr_parser_next(p);
    PrAstExpr *operand = parse_factor(p);
    pr_parser_leave(p);
    if (!operand) {
        return NULL;
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_UNARY_OP, start);
    if (e) {
        e->v.UnaryOp.op = op;
        e->v.UnaryOp.operand = operand;
    }
    return e;
}

/* The binary operators from '|' (loosest) to '*' (tightest), all left-associative. */
enum { PREC_NONE, PREC_BIT_OR, PREC_BIT_XOR, PREC_BIT_AND, PREC_SHIFT, PREC_SUM, PREC_TERM };

typedef struct BinRule {
    unsigned char prec;
    PrAstOperator op;
} BinRule;

static const BinRule bin_rules[PR_TOK__COUNT] = {
    [PR_TOK_VBAR] = {PREC_BIT_OR, PR_BINOP_BIT_OR},
    [PR_TOK_CIRCUMFLEX] = {PREC_BIT_XOR, PR_BINOP_BIT_XOR},
    [PR_TOK_AMPER] = {PREC_BIT_AND, PR_BINOP_BIT_AND},
    [PR_TOK_LEFTSHIFT] = {PREC_SHIFT, PR_BINOP_LSHIFT},
    [PR_TOK_RIGHTSHIFT] = {PREC_SHIFT, PR_BINOP_RSHIFT},
    [PR_TOK_PLUS] = {PREC_SUM, PR_BINOP_ADD},
    [PR_TOK_MINUS] = {PREC_SUM, PR_BINOP_SUB},
    [PR_TOK_STAR] = {PREC_TERM, PR_BINOP_MULT},
    [PR_TOK_SLASH] = {PREC_TERM, PR_BINOP_DIV},
    [PR_TOK_DOUBLESLASH] = {PREC_TERM, PR_BINOP_FLOOR_DIV},
    [PR_TOK_PERCENT] = {PREC_TERM, PR_BINOP_MOD},
    [PR_TOK_AT] = {PREC_TERM, PR_BINOP_MAT_MULT},
};

static const BinRule *bin_rule(PrTokKind kind)
{
    static const BinRule none = {PREC_NONE, PR_BINOP_ADD};
    return kind < PR_TOK__COUNT ? &bin_rules[kind] : &none;
}

/* Precedence climbing over bin_rules: operands of min_prec or tighter. Each node spans from the
 * first token of its left operand (parentheses included) to the last of its right. */
static PrAstExpr *parse_binary(PrParser *p, int min_prec)
{
    size_t start = p->pos;
    PrAstExpr *left = parse_factor(p);
    while (left) {
        const BinRule *r = bin_rule(pr_parser_peek(p, 0)->kind);
        if (r->prec == PREC_NONE || r->prec < min_prec) {
            break;
        }
        size_t op = p->pos;
        pr_parser_next(p);
        PrAstExpr *right = parse_binary(p, r->prec + 1);
        if (!right) {
            p->pos = op; /* as CPython's PEG parser backtracks: `left` alone parsed */
            return p->failed ? NULL : left;
        }
        left = new_binop(p, left, r->op, right, start);
    }
    return left;
}

PrAstExpr *pr_parse_bitwise_or(PrParser *p)
{
    return parse_binary(p, PREC_BIT_OR);
}

/* A comparison operator at the next token (two tokens for 'not in', 'is not'): its op and
 * token count, or 0. */
static int comparison_op(PrParser *p, PrAstCmpOp *op)
{
    switch (pr_parser_peek(p, 0)->kind) {
    case PR_TOK_EQEQUAL: *op = PR_CMP_EQ; return 1;
    case PR_TOK_NOTEQUAL: *op = PR_CMP_NOT_EQ; return 1;
    case PR_TOK_LESS: *op = PR_CMP_LT; return 1;
    case PR_TOK_LESSEQUAL: *op = PR_CMP_LT_E; return 1;
    case PR_TOK_GREATER: *op = PR_CMP_GT; return 1;
    case PR_TOK_GREATEREQUAL: *op = PR_CMP_GT_E; return 1;
    case PR_TOK_IN: *op = PR_CMP_IN; return 1;
    case PR_TOK_IS:
        if (pr_parser_peek(p, 1)->kind == PR_TOK_NOT) {
            *op = PR_CMP_IS_NOT;
            return 2;
        }
        *op = PR_CMP_IS;
        return 1;
    case PR_TOK_NOT:
        if (pr_parser_peek(p, 1)->kind == PR_TOK_IN) {
            *op = PR_CMP_NOT_IN;
            return 2;
        }
        return 0;
    default: return 0;
    }
}

/* comparison: bitwise_or (compare_op bitwise_or)* — one Compare node for a chain. */
static PrAstExpr *parse_comparison(PrParser *p)
{
    size_t start = p->pos;
    PrAstExpr *left = pr_parse_bitwise_or(p);
    PrAstCmpOp op;
    int ntok;
    if (!left || !(ntok = comparison_op(p, &op))) {
        return left;
    }
    PrVec ops = {0}, comparators = {0};
    do {
        size_t at = p->pos;
        p->pos += (size_t)ntok;
        PrAstExpr *right = pr_parse_bitwise_or(p);
        if (!right && !p->failed) {
            p->pos = at; /* backtrack: the chain ends before this operator */
            break;
        }
        if (!right || pr_vec_push(p, &ops, (void *)(uintptr_t)op) < 0 ||
            pr_vec_push(p, &comparators, right) < 0) {
            goto fail;
        }
    } while ((ntok = comparison_op(p, &op)));
    if (ops.len == 0) {
        return left;
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_COMPARE, start);
    if (!e) {
        goto fail;
    }
    e->v.Compare.left = left;
    PrAstCmpOp *opv = pr_arena_alloc(p->arena, ops.len * sizeof *opv);
    if (!opv) {
        pr_parser_no_memory(p);
        goto fail;
    }
    for (size_t i = 0; i < ops.len; i++) {
        opv[i] = (PrAstCmpOp)(uintptr_t)ops.items[i];
    }
    e->v.Compare.ops.len = ops.len;
    e->v.Compare.ops.items = opv;
    pr_vec_free(&ops);
    if (pr_vec_finish(p, &comparators, &e->v.Compare.comparators.len,
                      &e->v.Compare.comparators.items) < 0) {
        return NULL;
    }
    return e;
fail:
    pr_vec_free(&ops);
    pr_vec_free(&comparators);
    return NULL;
}

/* inversion: 'not' inversion | comparison */
static PrAstExpr *parse_inversion(PrParser *p)
{
    if (!pr_parser_check(p, PR_TOK_NOT)) {
        return parse_comparison(p);
    }
    size_t start = p->pos;
    if (pr_parser_enter(p) < 0) {
        return NULL;
    }
    pr_parser_next(p);
    PrAstExpr *operand = parse_inversion(p);
    pr_parser_leave(p);
    if (!operand) {
        return NULL;
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_UNARY_OP, start);
    if (e) {
        e->v.UnaryOp.op = PR_UNARY_NOT;
        e->v.UnaryOp.operand = operand;
    }
    return e;
}

/* conjunction / disjunction: one BoolOp for a run of the same operator. */
static PrAstExpr *parse_boolop(PrParser *p, PrTokKind tok, PrAstBoolOp op,
                               PrAstExpr *(*operand)(PrParser *))
{
    size_t start = p->pos;
    PrAstExpr *first = operand(p);
    if (!first || !pr_parser_check(p, tok)) {
        return first;
    }
    PrVec v = {0};
    if (pr_vec_push(p, &v, first) < 0) {
        return NULL;
    }
    for (size_t at = p->pos; pr_parser_accept(p, tok); at = p->pos) {
        PrAstExpr *next = operand(p);
        if (!next && !p->failed) {
            p->pos = at;
            break;
        }
        if (!next || pr_vec_push(p, &v, next) < 0) {
            pr_vec_free(&v);
            return NULL;
        }
    }
    if (v.len == 1) {
        pr_vec_free(&v);
        return first;
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_BOOL_OP, start);
    if (!e) {
        pr_vec_free(&v);
        return NULL;
    }
    e->v.BoolOp.op = op;
    if (pr_vec_finish(p, &v, &e->v.BoolOp.values.len, &e->v.BoolOp.values.items) < 0) {
        return NULL;
    }
    return e;
}

static PrAstExpr *parse_conjunction(PrParser *p)
{
    return parse_boolop(p, PR_TOK_AND, PR_BOOLOP_AND, parse_inversion);
}

PrAstExpr *pr_parse_disjunction(PrParser *p)
{
    return parse_boolop(p, PR_TOK_OR, PR_BOOLOP_OR, parse_conjunction);
}

/* ------------------------------------------------------------------------------------------- */
/* expression and its error rules                                                               */

static PrAstExpr *parse_lambda(PrParser *p)
{
    size_t start = p->pos;
    pr_parser_next(p); /* 'lambda' */
    struct PrAstArguments *args = pr_parse_parameters(p, 1);
    if (!args) {
        return NULL;
    }
    if (!pr_parser_accept(p, PR_TOK_COLON)) {
        return NULL;
    }
    PrAstExpr *body = pr_parse_expression(p);
    if (!body) {
        return NULL;
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_LAMBDA, start);
    if (e) {
        e->v.Lambda.args = args;
        e->v.Lambda.body = body;
    }
    return e;
}

/* CPython's invalid_expression and invalid_legacy_expression, for a disjunction `a` that began
 * at token `start` and is followed by something that starts another expression — a parse that
 * is about to fail: "[a b]" gets "Perhaps you forgot a comma?" (inside brackets), "print x"
 * "Missing parentheses". Both rules parse on past `a` whatever they conclude, so an error met
 * there (a bad f-string, a tokenizer error) stands, as in CPython's second pass. */
static void check_adjacent(PrParser *p, PrAstExpr *a, size_t start)
{
    PrTokKind next = pr_parser_peek(p, 0)->kind;
    if (p->no_invalid || !pr_parser_starts_expression(next)) {
        return;
    }
    int legacy = a->kind == PR_EXPR_NAME && p->pos == start + 1 &&
                 (is_name(a, "print") || is_name(a, "exec"));
    /* the lookahead !(NAME STRING | SOFT_KEYWORD) at the start of `a` */
    int excluded = (pr_parser_tok(p, start)->kind == PR_TOK_NAME &&
                    pr_parser_tok(p, start + 1)->kind == PR_TOK_STRING) ||
                   is_soft_keyword(p, start);
    if (!excluded) {
        PrMark m = pr_parser_mark(p);
        p->no_invalid++; /* expression_without_invalid */
        p->memo_recording++;
        PrAstExpr *b = pr_parse_expression(p);
        p->memo_recording--;
        p->no_invalid--;
        if (pr_parser_reset(p, m) < 0) {
            return;
        }
        if (b && !legacy && p->nest > 0) {
            pr_parser_error_range(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
            return;
        }
    }
    /* a=NAME !'(' b=star_expressions: from the first token of `a`, whatever follows it */
    const PrToken *name = pr_parser_tok(p, start);
    if (name->kind == PR_TOK_NAME && pr_parser_tok(p, start + 1)->kind != PR_TOK_LPAR) {
        int print = name->len == 5 && memcmp(name->start, "print", 5) == 0;
        int exec = name->len == 4 && memcmp(name->start, "exec", 4) == 0;
        PrMark m = pr_parser_mark(p);
        p->pos = start + 1;
        PrAstExpr *b = pr_parse_star_expressions(p);
        if (pr_parser_reset(p, m) == 0 && b && (print || exec)) {
            pr_parser_error_at(p, PR_SYNERR_SYNTAX, name->lineno, name->col, b->end_lineno,
                               b->end_col_offset,
                               "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                               print ? "print" : "exec", print ? "print" : "exec");
        }
    }
}

static PrAstExpr *expression_body(PrParser *p)
{
    int dict_key = p->dict_key;
    p->dict_key = 0; /* for this expression only, not those nested in it */
    if (pr_parser_check(p, PR_TOK_LAMBDA)) {
        return parse_lambda(p);
    }
    size_t start = p->pos;
    PrAstExpr *a = pr_parse_disjunction(p);
    if (!a) {
        return NULL;
    }
    size_t if_pos = p->pos;
    if (!pr_parser_accept(p, PR_TOK_IF)) {
        if (!dict_key) {
            check_adjacent(p, a, start);
        }
        return p->failed ? NULL : a;
    }
    PrAstExpr *test = pr_parse_disjunction(p);
    if (test && !pr_parser_check(p, PR_TOK_ELSE) && !pr_parser_check(p, PR_TOK_COLON) &&
        !p->no_invalid) {
        return pr_parser_error_range(p, a, test, "expected 'else' after 'if' expression");
    }
    PrAstExpr *orelse = NULL;
    if (test && pr_parser_accept(p, PR_TOK_ELSE)) {
        orelse = pr_parse_expression(p);
    }
    if (!orelse) {
        /* the conditional did not parse: the disjunction alone did, as CPython backtracks */
        p->pos = if_pos;
        return p->failed ? NULL : a;
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_IF_EXP, start);
    if (e) {
        e->v.IfExp.test = test;
        e->v.IfExp.body = a;
        e->v.IfExp.orelse = orelse;
    }
    return e;
}

PrAstExpr *pr_parse_expression(PrParser *p)
{
    if (pr_parser_enter(p) < 0) {
        return NULL;
    }
    int plain = pr_parser_memo_begin(p, PR_MEMO_EXPRESSION);
    PrAstExpr *e = expression_body(p);
    pr_parser_memo_end(p, plain);
    pr_parser_leave(p);
    return e;
}

/* Whether the atom at token `start` is a list display, a tuple (its own parentheses) or a
 * generator expression: CPython's !(list|tuple|genexp|'True'|'None'|'False'). */
static int starts_with_display(PrParser *p, size_t start)
{
    PrTokKind k = pr_parser_tok(p, start)->kind;
    if (k == PR_TOK_TRUE || k == PR_TOK_NONE || k == PR_TOK_FALSE) {
        return 1;
    }
    if (k != PR_TOK_LSQB && k != PR_TOK_LPAR) {
        return 0;
    }
    size_t save = p->pos;
    p->pos = start;
    PrMark m = pr_parser_mark(p);
    PrAstExpr *atom = parse_atom(p);
    m.pos = save;
    if (pr_parser_reset(p, m) < 0 || !atom) {
        return 0;
    }
    const PrToken *open = pr_parser_tok(p, start);
    int own = atom->lineno == open->lineno && atom->col_offset == open->col;
    return own && (atom->kind == PR_EXPR_LIST || atom->kind == PR_EXPR_TUPLE ||
                   atom->kind == PR_EXPR_GENERATOR_EXP);
}

/* After '=' at p->pos: bitwise_or !('=' | ':='). Returns: the bitwise_or, or NULL. */
static PrAstExpr *eq_value(PrParser *p)
{
    PrAstExpr *b = pr_parse_bitwise_or(p);
    if (!b) {
        return NULL;
    }
    PrTokKind k = pr_parser_peek(p, 0)->kind;
    return k == PR_TOK_EQUAL || k == PR_TOK_COLONEQUAL ? NULL : b;
}

int pr_parser_check_named_eq(PrParser *p, size_t start, PrAstExpr *e)
{
    if (p->no_invalid) {
        return 0;
    }
    size_t save = p->pos;
    PrMark m = pr_parser_mark(p);
    PrAstExpr *a = NULL, *b = NULL;
    int name_eq = pr_parser_tok(p, start)->kind == PR_TOK_NAME && save == start + 1;
    if (name_eq) {
        p->pos = save + 1;
        b = eq_value(p);
    } else if (!starts_with_display(p, start) && !p->failed) {
        p->pos = start;
        a = pr_parse_bitwise_or(p);
        if (a && p->pos == save) {
            p->pos++;
            b = eq_value(p);
        }
    }
    if (pr_parser_reset(p, m) < 0) {
        return -1;
    }
    if (!b) {
        return 0;
    }
    if (name_eq) {
        pr_parser_error_range(p, e, b,
                              "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    } else {
        pr_parser_error_node(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                             pr_parser_expr_name(a));
    }
    return -1;
}

/* a=expression ':=' expression, a not a name: "cannot use assignment expressions with ...". */
static void check_named_target(PrParser *p, PrAstExpr *a)
{
    if (p->no_invalid) {
        return;
    }
    PrMark m = pr_parser_mark(p);
    pr_parser_next(p);
    PrAstExpr *value = pr_parse_expression(p);
    if (pr_parser_reset(p, m) == 0 && value) {
        pr_parser_error_node(p, a, "cannot use assignment expressions with %s",
                             pr_parser_expr_name(a));
    }
}

/* named_expression: NAME ':=' expression | expression !':=' */
PrAstExpr *pr_parse_named_expression(PrParser *p)
{
    size_t start = p->pos;
    const PrToken *t = pr_parser_peek(p, 0);
    if (t->kind == PR_TOK_NAME && pr_parser_peek(p, 1)->kind == PR_TOK_COLONEQUAL) {
        PrAstExpr *target = new_name(p, pr_parser_next(p), PR_CTX_STORE);
        pr_parser_next(p);
        PrAstExpr *value = target ? pr_parse_expression(p) : NULL;
        if (value) {
            PrAstExpr *e = pr_parser_expr(p, PR_EXPR_NAMED_EXPR, start);
            if (e) {
                e->v.NamedExpr.target = target;
                e->v.NamedExpr.value = value;
            }
            return e;
        }
        if (p->failed) {
            return NULL;
        }
        p->pos = start;
    }
    PrAstExpr *e = pr_parse_expression(p);
    if (!e) {
        return NULL;
    }
    if (pr_parser_check(p, PR_TOK_EQUAL)) {
        pr_parser_check_named_eq(p, start, e);
    } else if (pr_parser_check(p, PR_TOK_COLONEQUAL)) {
        check_named_target(p, e);
    }
    return p->failed ? NULL : e;
}

/* ------------------------------------------------------------------------------------------- */
/* Starred and comma-separated forms                                                            */

PrAstExpr *pr_parse_star_expression(PrParser *p)
{
    size_t start = p->pos;
    if (!pr_parser_accept(p, PR_TOK_STAR)) {
        return pr_parse_expression(p);
    }
    PrAstExpr *value = pr_parse_bitwise_or(p);
    return value ? new_starred(p, value, start) : NULL;
}

PrAstExpr *pr_parse_star_named_expression(PrParser *p)
{
    size_t start = p->pos;
    if (!pr_parser_accept(p, PR_TOK_STAR)) {
        return pr_parse_named_expression(p);
    }
    PrAstExpr *value = pr_parse_bitwise_or(p);
    return value ? new_starred(p, value, start) : NULL;
}

/* elements: one `element`, or several joined by commas into a Tuple (a trailing comma makes a
 * one-element tuple). The Tuple spans its elements and a trailing comma. */
static PrAstExpr *comma_list(PrParser *p, PrAstExpr *(*element)(PrParser *), int allow_star)
{
    size_t start = p->pos;
    PrAstExpr *first = element(p);
    if (!first || !pr_parser_check(p, PR_TOK_COMMA)) {
        return first;
    }
    PrVec v = {0};
    if (pr_vec_push(p, &v, first) < 0) {
        return NULL;
    }
    while (pr_parser_accept(p, PR_TOK_COMMA)) {
        PrTokKind k = pr_parser_peek(p, 0)->kind;
        if (!pr_parser_starts_expression(k) && !(allow_star && k == PR_TOK_STAR)) {
            break;
        }
        size_t at = p->pos;
        PrAstExpr *e = element(p);
        if (!e && !p->failed) {
            p->pos = at; /* the comma read was a trailing one */
            break;
        }
        if (!e || pr_vec_push(p, &v, e) < 0) {
            pr_vec_free(&v);
            return NULL;
        }
    }
    PrAstExpr *t = new_elts(p, PR_EXPR_TUPLE, &v, start);
    p->bare_tuple = t;
    return t;
}

PrAstExpr *pr_parse_star_expressions(PrParser *p)
{
    return comma_list(p, pr_parse_star_expression, 1);
}

PrAstExpr *pr_parse_expressions(PrParser *p)
{
    return comma_list(p, pr_parse_expression, 0);
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
PrAstExpr *pr_parse_yield_expr(PrParser *p)
{
    size_t start = p->pos;
    pr_parser_next(p); /* 'yield' */
    if (pr_parser_accept(p, PR_TOK_FROM)) {
        PrAstExpr *value = pr_parse_expression(p);
        PrAstExpr *e = value ? pr_parser_expr(p, PR_EXPR_YIELD_FROM, start) : NULL;
        if (e) {
            e->v.YieldFrom.value = value;
        }
        return e;
    }
    PrAstExpr *value = NULL;
    PrTokKind k = pr_parser_peek(p, 0)->kind;
    if (pr_parser_starts_expression(k) || k == PR_TOK_STAR) {
        size_t at = p->pos;
        if (!(value = pr_parse_star_expressions(p))) {
            if (p->failed) {
                return NULL;
            }
            p->pos = at;
        }
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_YIELD, start);
    if (e) {
        e->v.Yield.value = value;
    }
    return e;
}
