/* parser/parse_args.c — the two comma lists with the most rules: a def's or a lambda's
 * parameters (positional-only '/', '*args', keyword-only, '**kwargs', defaults, annotations),
 * and a call's arguments (positional, keyword, '*' and '**' unpacking, a bare generator). Each
 * is a left-to-right state machine that reports CPython 3.11's message for each misplaced part. */
#include "parser/parser_impl.h"

#include <string.h>

/* ------------------------------------------------------------------------------------------- */
/* Parameters                                                                                   */

typedef struct Params {
    PrVec posonly, args, defaults, kwonly, kw_defaults;
    struct PrAstArg *vararg, *kwarg;
    int is_lambda;
    int seen_slash;
    int seen_star;    /* '*' or '*args' */
    int seen_default; /* a positional parameter had a default */
    PrTokKind close;  /* ')' for def, ':' for lambda */
} Params;

static void params_free(Params *ps)
{
    pr_vec_free(&ps->posonly);
    pr_vec_free(&ps->args);
    pr_vec_free(&ps->defaults);
    pr_vec_free(&ps->kwonly);
    pr_vec_free(&ps->kw_defaults);
}

/* param: NAME [':' expression]  (lambda: NAME). star: the annotation may be starred (*args: *Ts).
 */
static struct PrAstArg *parse_param(PrParser *p, const Params *ps, int star)
{
    size_t start = p->pos;
    const PrToken *name = pr_parser_accept(p, PR_TOK_NAME);
    if (!name) {
        return NULL;
    }
    PrAstExpr *annotation = NULL;
    size_t colon = p->pos;
    if (!ps->is_lambda && pr_parser_accept(p, PR_TOK_COLON)) {
        annotation = star ? pr_parse_star_expression(p) : pr_parse_expression(p);
        if (!annotation) {
            if (p->failed) {
                return NULL;
            }
            p->pos = colon; /* [':' expression] did not match */
        }
    }
    struct PrAstArg *a = pr_arena_calloc(p->arena, sizeof *a);
    if (!a) {
        return pr_parser_no_memory(p);
    }
    const PrToken *first = pr_parser_tok(p, start), *last = pr_parser_prev(p);
    a->lineno = first->lineno;
    a->col_offset = first->col;
    a->end_lineno = last->end_lineno;
    a->end_col_offset = last->end_col;
    a->arg = pr_parser_ident(p, name);
    a->annotation = annotation;
    return a->arg ? a : NULL;
}

static void *error_arg(PrParser *p, const struct PrAstArg *a, const char *msg)
{
    return pr_parser_error_at(p, PR_SYNERR_SYNTAX, a->lineno, a->col_offset, a->end_lineno,
                              a->end_col_offset, "%s", msg);
}

/* default: '=' expression; "expected default value expression" when it is missing. */
static PrAstExpr *parse_default(PrParser *p, const Params *ps)
{
    const PrToken *eq = pr_parser_next(p);
    PrTokKind k = pr_parser_peek(p, 0)->kind;
    if (k == PR_TOK_COMMA || k == ps->close) {
        return pr_parser_error_token(p, eq, "expected default value expression");
    }
    return pr_parse_expression(p);
}

/* A plain parameter: positional, or keyword-only after '*'. */
static int plain_param(PrParser *p, Params *ps)
{
    struct PrAstArg *a = parse_param(p, ps, 0);
    if (!a) {
        return -1;
    }
    PrAstExpr *dflt = NULL;
    if (pr_parser_check(p, PR_TOK_EQUAL) && !(dflt = parse_default(p, ps))) {
        return -1;
    }
    if (ps->seen_star) {
        return pr_vec_push(p, &ps->kwonly, a) < 0 ? -1 : pr_vec_push(p, &ps->kw_defaults, dflt);
    }
    if (dflt) {
        ps->seen_default = 1;
        return pr_vec_push(p, &ps->args, a) < 0 ? -1 : pr_vec_push(p, &ps->defaults, dflt);
    }
    if (ps->seen_default) {
        PrTokKind k = pr_parser_peek(p, 0)->kind;
        if (k == PR_TOK_COMMA || k == ps->close) {
            error_arg(p, a, "non-default argument follows default argument");
        }
        return -1;
    }
    return pr_vec_push(p, &ps->args, a);
}

static int slash(PrParser *p, Params *ps)
{
    const PrToken *t = pr_parser_peek(p, 0);
    if (ps->args.len == 0 && !ps->seen_star && !ps->seen_slash) {
        /* CPython's first pass stops at the '/'; only its error rule looks past it */
        PrMark m = pr_parser_mark(p);
        int comma = pr_parser_peek(p, 1)->kind == PR_TOK_COMMA;
        pr_parser_forget(p, m);
        if (comma) {
            pr_parser_error_token(p, t, "at least one argument must precede /");
        }
        return -1;
    }
    pr_parser_next(p);
    if (ps->seen_star) {
        pr_parser_error_token(p, t, "/ must be ahead of *");
        return -1;
    }
    if (ps->seen_slash) {
        pr_parser_error_token(p, t, "/ may appear only once");
        return -1;
    }
    if (ps->args.len == 0) {
        if (pr_parser_check(p, PR_TOK_COMMA)) {
            pr_parser_error_token(p, t, "at least one argument must precede /");
        }
        return -1;
    }
    ps->seen_slash = 1;
    ps->posonly = ps->args;
    ps->args = (PrVec){0};
    return 0;
}

static int star(PrParser *p, Params *ps)
{
    const PrToken *t = pr_parser_peek(p, 0);
    if (ps->seen_star) {
        /* a second-pass rule: its look past the '*' does not count as reached */
        PrMark m = pr_parser_mark(p);
        pr_parser_next(p);
        int again = pr_parser_check(p, PR_TOK_COMMA);
        if (!again && parse_param(p, ps, 0)) {
            PrTokKind k = pr_parser_peek(p, 0)->kind;
            again = k == PR_TOK_COMMA || k == ps->close;
        }
        if (pr_parser_reset(p, m) == 0 && again) {
            pr_parser_error_token(p, t, "* argument may appear only once");
        }
        return -1;
    }
    pr_parser_next(p);
    ps->seen_star = 1;
    PrTokKind k = pr_parser_peek(p, 0)->kind;
    if (k == ps->close ||
        (k == PR_TOK_COMMA && (pr_parser_peek(p, 1)->kind == ps->close ||
                               pr_parser_peek(p, 1)->kind == PR_TOK_DOUBLESTAR))) {
        if (ps->is_lambda) {
            pr_parser_error_last(p, PR_SYNERR_SYNTAX, "named arguments must follow bare *");
        } else {
            pr_parser_error_token(p, t, "named arguments must follow bare *");
        }
        return -1;
    }
    if (k == PR_TOK_COMMA) {
        return 0; /* bare '*': keyword-only parameters follow */
    }
    if (!(ps->vararg = parse_param(p, ps, 1))) {
        return -1;
    }
    if (pr_parser_check(p, PR_TOK_EQUAL)) {
        pr_parser_error_token(p, pr_parser_peek(p, 0),
                              "var-positional argument cannot have default value");
        return -1;
    }
    return 0;
}

static int double_star(PrParser *p, Params *ps)
{
    pr_parser_next(p);
    if (!(ps->kwarg = parse_param(p, ps, 0))) {
        return -1;
    }
    if (pr_parser_check(p, PR_TOK_EQUAL)) {
        pr_parser_error_token(p, pr_parser_peek(p, 0),
                              "var-keyword argument cannot have default value");
        return -1;
    }
    if (pr_parser_check(p, PR_TOK_COMMA)) {
        const PrToken *after = pr_parser_peek(p, 1);
        if (after->kind == PR_TOK_STAR || after->kind == PR_TOK_DOUBLESTAR ||
            after->kind == PR_TOK_SLASH) {
            pr_parser_error_token(p, after, "arguments cannot follow var-keyword argument");
            return -1;
        }
        if (after->kind == PR_TOK_NAME) {
            pr_parser_next(p);
            struct PrAstArg *a = parse_param(p, ps, 0);
            if (a) {
                error_arg(p, a, "arguments cannot follow var-keyword argument");
            }
            return -1;
        }
    }
    return 0;
}

/* "def f((a, b)):" — CPython 2's tuple parameters. */
static void parenthesized(PrParser *p, const Params *ps)
{
    if (p->no_invalid || ps->seen_default || ps->seen_star) {
        return;
    }
    PrMark m = pr_parser_mark(p);
    const PrToken *open = pr_parser_next(p);
    const PrToken *close = NULL;
    int n = 0;
    while (pr_parser_accept(p, PR_TOK_NAME)) {
        n++;
        if (!pr_parser_accept(p, PR_TOK_COMMA)) {
            break;
        }
    }
    if (n > 0) {
        close = pr_parser_accept(p, PR_TOK_RPAR);
    }
    PrToken o = *open, c = close ? *close : o;
    pr_parser_forget(p, m);
    if (close) {
        pr_parser_error_at(p, PR_SYNERR_SYNTAX, o.lineno, o.col, c.end_lineno, c.end_col,
                           ps->is_lambda ? "Lambda expression parameters cannot be parenthesized"
                                         : "Function parameters cannot be parenthesized");
    }
}

static int one_param(PrParser *p, Params *ps)
{
    switch (pr_parser_peek(p, 0)->kind) {
    case PR_TOK_SLASH:
        return slash(p, ps);
    case PR_TOK_STAR:
        return star(p, ps);
    case PR_TOK_DOUBLESTAR:
        return double_star(p, ps);
    case PR_TOK_NAME:
        return plain_param(p, ps);
    case PR_TOK_LPAR:
        parenthesized(p, ps);
        return -1;
    default:
        return -1;
    }
}

static struct PrAstArguments *params_finish(PrParser *p, Params *ps)
{
    struct PrAstArguments *a = pr_arena_calloc(p->arena, sizeof *a);
    if (!a) {
        params_free(ps);
        return pr_parser_no_memory(p);
    }
    a->vararg = ps->vararg;
    a->kwarg = ps->kwarg;
    if (pr_vec_finish(p, &ps->posonly, &a->posonlyargs.len, &a->posonlyargs.items) < 0 ||
        pr_vec_finish(p, &ps->args, &a->args.len, &a->args.items) < 0 ||
        pr_vec_finish(p, &ps->defaults, &a->defaults.len, &a->defaults.items) < 0 ||
        pr_vec_finish(p, &ps->kwonly, &a->kwonlyargs.len, &a->kwonlyargs.items) < 0 ||
        pr_vec_finish(p, &ps->kw_defaults, &a->kw_defaults.len, &a->kw_defaults.items) < 0) {
        params_free(ps);
        return NULL;
    }
    return a;
}

struct PrAstArguments *pr_parse_parameters(PrParser *p, int is_lambda)
{
    Params ps;
    memset(&ps, 0, sizeof ps);
    ps.is_lambda = is_lambda;
    ps.close = is_lambda ? PR_TOK_COLON : PR_TOK_RPAR;
    while (!pr_parser_check(p, ps.close)) {
        if (ps.kwarg && !pr_parser_check(p, PR_TOK_COMMA)) {
            goto fail;
        }
        if (one_param(p, &ps) < 0) {
            goto fail;
        }
        if (!pr_parser_accept(p, PR_TOK_COMMA)) {
            if (!pr_parser_check(p, ps.close)) {
                goto fail;
            }
            break;
        }
    }
    return params_finish(p, &ps);
fail:
    params_free(&ps);
    return NULL;
}

/* ------------------------------------------------------------------------------------------- */
/* Call arguments                                                                               */

typedef struct Args {
    PrVec args, keywords;
    int plain;          /* a positional argument without '*' so far */
    int seen_keyword;   /* NAME=value or **value so far */
    int seen_unpacking; /* **value so far */
    int misplaced;      /* a positional argument came after a keyword: report at the end */
    int misplaced_unpacking;
} Args;

static struct PrAstKeyword *new_keyword(PrParser *p, const PrToken *name, PrAstExpr *value,
                                        size_t start)
{
    struct PrAstKeyword *k = pr_arena_calloc(p->arena, sizeof *k);
    if (!k) {
        return pr_parser_no_memory(p);
    }
    const PrToken *first = pr_parser_tok(p, start), *last = pr_parser_prev(p);
    k->lineno = first->lineno;
    k->col_offset = first->col;
    k->end_lineno = last->end_lineno;
    k->end_col_offset = last->end_col;
    k->value = value;
    if (name && !(k->arg = pr_parser_ident(p, name))) {
        return NULL;
    }
    return k;
}

/* The last part of a comprehension, for error ranges: its last condition, else its iterable. */
static const PrAstExpr *last_comp_item(const PrAstComprehensionSeq *gens)
{
    const struct PrAstComprehension *c = gens->items[gens->len - 1];
    return c->ifs.len ? c->ifs.items[c->ifs.len - 1] : c->iter;
}

/* NAME '=' expression, and the errors of CPython's invalid_kwarg. */
static int keyword_arg(PrParser *p, Args *as)
{
    size_t start = p->pos;
    const PrToken *name = pr_parser_next(p);
    const PrToken *eq = pr_parser_next(p);
    PrAstExpr *value = pr_parse_expression(p);
    if (!value) {
        return -1;
    }
    if (pr_parser_check(p, PR_TOK_FOR)) {
        if (p->no_invalid) {
            return -1;
        }
        PrMark m = pr_parser_mark(p);
        PrAstComprehensionSeq gens;
        int ok = pr_parse_comprehensions(p, &gens) == 0;
        if (pr_parser_reset(p, m) == 0 && ok) {
            pr_parser_error_at(p, PR_SYNERR_SYNTAX, name->lineno, name->col, eq->end_lineno,
                               eq->end_col,
                               "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        return -1;
    }
    struct PrAstKeyword *k = new_keyword(p, name, value, start);
    as->seen_keyword = 1;
    return k ? pr_vec_push(p, &as->keywords, k) : -1;
}

static int double_star_arg(PrParser *p, Args *as)
{
    size_t start = p->pos;
    pr_parser_next(p);
    PrAstExpr *value = pr_parse_expression(p);
    struct PrAstKeyword *k = value ? new_keyword(p, NULL, value, start) : NULL;
    as->seen_keyword = as->seen_unpacking = 1;
    return k ? pr_vec_push(p, &as->keywords, k) : -1;
}

/* CPython's `args ',' '*'` error rule: a '*' after other arguments that could not take it —
 * after '**', or with nothing to unpack. Its message assumes the first. */
static int star_misplaced(PrParser *p, const Args *as, const PrToken *star)
{
    /* CPython's rule wants "kwargs" before the ',': keywords after the positional run, or only
     * '*' arguments so far */
    int kwargs = (as->keywords.len && !as->misplaced) || (!as->plain && as->args.len);
    if (!p->no_invalid && !p->failed && kwargs) {
        pr_parser_error_token(p, star,
                              "iterable argument unpacking follows keyword argument unpacking");
    }
    return -1;
}

static int starts_for(PrParser *p)
{
    return pr_parser_check(p, PR_TOK_FOR) || pr_parser_check(p, PR_TOK_ASYNC);
}

static int star_arg(PrParser *p, Args *as)
{
    size_t start = p->pos;
    const PrToken *star = pr_parser_next(p);
    if (as->seen_unpacking) {
        return star_misplaced(p, as, star);
    }
    PrAstExpr *value = pr_parse_expression(p);
    if (!value) {
        return star_misplaced(p, as, star);
    }
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_STARRED, start);
    if (!e) {
        return -1;
    }
    e->v.Starred.value = value;
    e->v.Starred.ctx = PR_CTX_LOAD;
    if (starts_for(p) && !p->no_invalid) {
        /* f(*a for a in b): invalid_comprehension takes the call's '(' for its own;
         * f(x, *a for a in b): CPython's _PyPegen_nonparen_genexp_in_call */
        PrMark m = pr_parser_mark(p);
        PrAstComprehensionSeq gens;
        int ok = pr_parse_comprehensions(p, &gens) == 0;
        if (pr_parser_reset(p, m) == 0 && ok) {
            if (as->args.len == 0 && as->keywords.len == 0) {
                pr_parser_error_node(p, e, "iterable unpacking cannot be used in comprehension");
            } else if (as->args.len > 0) {
                pr_parser_error_range(p, e, last_comp_item(&gens),
                                      "Generator expression must be parenthesized");
            }
        }
        return -1;
    }
    return pr_vec_push(p, &as->args, e);
}

/* An argument followed by 'for'. As the first argument it may be a generator taking the call's
 * parentheses (CPython's first pass tries `primary genexp` before the arguments); anywhere
 * else only the second pass reads on, to say "Generator expression must be parenthesized". */
static int generator_arg(PrParser *p, Args *as, PrAstExpr *e, size_t open)
{
    PrAstComprehensionSeq gens;
    int first = as->args.len == 0 && as->keywords.len == 0;
    PrMark m = pr_parser_mark(p);
    if (first) {
        p->speculating--; /* a first-pass parse: the reach counts */
    }
    int ok = pr_parse_comprehensions(p, &gens) == 0;
    if (first) {
        p->speculating++;
        if (ok && pr_parser_check(p, PR_TOK_RPAR)) {
            p->speculating--;
            pr_parser_next(p); /* the generator owns the call's parentheses */
            PrAstExpr *g = pr_parser_expr(p, PR_EXPR_GENERATOR_EXP, open);
            p->pos--;
            if (!g) {
                return -1;
            }
            g->v.GeneratorExp.elt = e;
            g->v.GeneratorExp.generators = gens;
            return pr_vec_push(p, &as->args, g);
        }
        ok = ok && pr_parser_check(p, PR_TOK_COMMA);
        if (ok) {
            /* ... ',' [args | expression for_if_clauses]: read, for what it may run into */
            pr_parser_next(p);
            size_t at = p->pos;
            if (!pr_parse_star_expressions(p) && !p->failed) {
                p->pos = at;
            }
        }
    }
    if (pr_parser_reset(p, m) < 0 || !ok || p->no_invalid) {
        return -1;
    }
    pr_parser_error_range(p, e, last_comp_item(&gens),
                          "Generator expression must be parenthesized");
    return -1;
}

/* A positional argument; a generator expression without its own parentheses is fine only as
 * the sole argument (then it takes the call's), and open is the index of the call's '('. */
static int positional_arg(PrParser *p, Args *as, size_t open)
{
    size_t start = p->pos;
    const PrToken *t = pr_parser_peek(p, 0);
    if ((t->kind == PR_TOK_TRUE || t->kind == PR_TOK_FALSE || t->kind == PR_TOK_NONE) &&
        pr_parser_peek(p, 1)->kind == PR_TOK_EQUAL && !p->no_invalid) {
        const PrToken *eq = pr_parser_peek(p, 1);
        pr_parser_error_at(p, PR_SYNERR_SYNTAX, t->lineno, t->col, eq->end_lineno, eq->end_col,
                           "cannot assign to %.*s", (int)t->len, t->start);
        return -1;
    }
    /* assignment_expression | expression: no '=' checks of named_expression here */
    PrAstExpr *e = t->kind == PR_TOK_NAME && pr_parser_peek(p, 1)->kind == PR_TOK_COLONEQUAL
                       ? pr_parse_named_expression(p)
                       : pr_parse_expression(p);
    if (!e) {
        return -1;
    }
    if (pr_parser_check(p, PR_TOK_EQUAL) && !p->no_invalid) {
        const PrToken *eq = pr_parser_peek(p, 0);
        pr_parser_error_at(p, PR_SYNERR_SYNTAX, e->lineno, e->col_offset, eq->end_lineno,
                           eq->end_col,
                           "expression cannot contain assignment, perhaps you meant \"==\"?");
        return -1;
    }
    if (pr_parser_check(p, PR_TOK_FOR) || pr_parser_check(p, PR_TOK_ASYNC)) {
        return generator_arg(p, as, e, open);
    }
    (void)start;
    if (as->seen_keyword && !as->misplaced) {
        as->misplaced = 1;
        as->misplaced_unpacking = as->seen_unpacking;
    }
    as->plain = 1;
    return pr_vec_push(p, &as->args, e);
}

/* Whether the next argument is a plain positional one (not *x, **x or name=x). */
static int is_positional(PrParser *p)
{
    PrTokKind k = pr_parser_peek(p, 0)->kind;
    if (k == PR_TOK_STAR || k == PR_TOK_DOUBLESTAR) {
        return 0;
    }
    return !(k == PR_TOK_NAME && pr_parser_peek(p, 1)->kind == PR_TOK_EQUAL);
}

static int one_arg(PrParser *p, Args *as, size_t open)
{
    const PrToken *t = pr_parser_peek(p, 0);
    if (t->kind == PR_TOK_STAR) {
        return star_arg(p, as);
    }
    if (t->kind == PR_TOK_DOUBLESTAR) {
        return double_star_arg(p, as);
    }
    if (t->kind == PR_TOK_NAME && pr_parser_peek(p, 1)->kind == PR_TOK_EQUAL) {
        return keyword_arg(p, as);
    }
    return positional_arg(p, as, open);
}

int pr_parse_call_arguments(PrParser *p, PrAstExprSeq *args, PrAstKeywordSeq *keywords)
{
    Args as;
    memset(&as, 0, sizeof as);
    size_t open = p->pos - 1;
    PrMark mk = {0, 0, 0};
    int spec = 0;
    while (!pr_parser_check(p, PR_TOK_RPAR)) {
        if (!spec && as.seen_keyword && is_positional(p)) {
            /* CPython's first pass stops here; `args ',' args` reads on in the second */
            if (p->no_invalid) {
                goto fail;
            }
            mk = pr_parser_mark(p);
            spec = 1;
        }
        if (one_arg(p, &as, open) < 0) {
            if (p->failed || !as.misplaced) {
                goto fail;
            }
            break;
        }
        if (!pr_parser_accept(p, PR_TOK_COMMA)) {
            break;
        }
    }
    if (spec) {
        spec = 0;
        if (pr_parser_reset(p, mk) < 0 || !as.misplaced) {
            goto fail;
        }
    }
    if (as.misplaced && !p->no_invalid) {
        pr_parser_error_last(p, PR_SYNERR_SYNTAX,
                             as.misplaced_unpacking
                                 ? "positional argument follows keyword argument unpacking"
                                 : "positional argument follows keyword argument");
        goto fail;
    }
    if (!pr_parser_accept(p, PR_TOK_RPAR)) {
        goto fail;
    }
    if (pr_vec_finish(p, &as.args, &args->len, &args->items) < 0) {
        goto fail;
    }
    return pr_vec_finish(p, &as.keywords, &keywords->len, &keywords->items);
fail:
    if (spec) {
        pr_parser_reset(p, mk);
    }
    pr_vec_free(&as.args);
    pr_vec_free(&as.keywords);
    return -1;
}
