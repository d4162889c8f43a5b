/* parser/parse_atom.c — the atoms of expressions and what follows them: names, literals,
 * parenthesized forms, list/set/dict displays and their comprehensions (with CPython 3.11's
 * errors for them), and the trailers .name, (arguments), [slices]. Operators and the
 * expression rule are in parse_expr.c, call arguments in parse_args.c. */
#include "parser/parser_impl.h"

#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------- */
/* Comprehensions                                                                               */

static struct PrAstComprehension *parse_for_if_clause(PrParser *p)
{
    const PrToken *t = pr_parser_peek(p, 0);
    if (t->kind == PR_TOK_ASYNC) {
        return pr_parser_unsupported(p, t);
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
    PrAstExpr *st = v ? pr_parser_new_starred(p, v, estart) : NULL;
    int group = st && close == PR_TOK_RPAR && pr_parser_check(p, PR_TOK_RPAR);
    PrAstComprehensionSeq gens;
    int comp = st && starts_comprehension(p) && pr_parse_comprehensions(p, &gens) == 0;
    if (pr_parser_reset(p, m) == 0 && (group || comp)) {
        pr_parser_error_node(p, st,
                             group ? "cannot use starred expression here"
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
        return pr_parser_new_elts(p, PR_EXPR_TUPLE, &none, start);
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
    return pr_parser_new_elts(p, PR_EXPR_TUPLE, &v, start);
}

/* '[' ... ']': list display or list comprehension. */
static PrAstExpr *parse_list(PrParser *p)
{
    size_t start = p->pos;
    pr_parser_next(p);
    PrVec v = {0};
    if (pr_parser_accept(p, PR_TOK_RSQB)) {
        return pr_parser_new_elts(p, PR_EXPR_LIST, &v, start);
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
    return pr_parser_new_elts(p, PR_EXPR_LIST, &v, start);
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
    return pr_parser_new_elts(p, PR_EXPR_SET, &v, start);
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

PrAstExpr *pr_parse_atom(PrParser *p)
{
    size_t start = p->pos;
    const PrToken *t = pr_parser_peek(p, 0);
    switch (t->kind) {
    case PR_TOK_NAME:
        pr_parser_next(p);
        return pr_parser_new_name(p, t, PR_CTX_LOAD);
    case PR_TOK_TRUE:
        pr_parser_next(p);
        return new_constant(p, PR_CONST_TRUE, start);
    case PR_TOK_FALSE:
        pr_parser_next(p);
        return new_constant(p, PR_CONST_FALSE, start);
    case PR_TOK_NONE:
        pr_parser_next(p);
        return new_constant(p, PR_CONST_NONE, start);
    case PR_TOK_ELLIPSIS:
        pr_parser_next(p);
        return new_constant(p, PR_CONST_ELLIPSIS, start);
    case PR_TOK_NUMBER:
        return pr_parse_number(p);
    case PR_TOK_STRING:
        return pr_parse_strings(p);
    case PR_TOK_LPAR:
        return bracketed(p, parse_paren);
    case PR_TOK_LSQB:
        return bracketed(p, parse_list);
    case PR_TOK_LBRACE:
        return bracketed(p, parse_brace);
    case PR_TOK_AWAIT:
        return pr_parser_unsupported(p, t);
    default:
        return NULL;
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
        if (lower->kind == PR_EXPR_NAMED_EXPR &&
            pr_parser_tok(p, start + 1)->kind == PR_TOK_COLONEQUAL) {
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
            e = inner ? pr_parser_new_starred(p, inner, estart) : NULL;
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
    return pr_parser_new_elts(p, PR_EXPR_TUPLE, &v, start);
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
    PrAstExpr *e = pr_parse_atom(p);
    while (e) {
        size_t at = p->pos;
        PrAstExpr *next;
        switch (pr_parser_peek(p, 0)->kind) {
        case PR_TOK_DOT:
            next = parse_attribute(p, e, start);
            break;
        case PR_TOK_LPAR:
            next = parse_call(p, e, start);
            break;
        case PR_TOK_LSQB:
            next = parse_subscript(p, e, start);
            break;
        default:
            return e;
        }
        if (!next) {
            p->pos = at; /* backtrack to the primary before the failed trailer */
            return p->failed ? NULL : e;
        }
        e = next;
    }
    return NULL;
}
