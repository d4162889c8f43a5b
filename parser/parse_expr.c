/* parser/parse_expr.c — expressions, from lambda and the conditional down to primaries, with
 * CPython 3.11's precedence, and the error rules that hang on `expression` ("Perhaps you forgot
 * a comma?", "Missing parentheses in call to 'print'", "Maybe you meant '=='..."). Binary
 * operators from '|' to '*' go through one precedence table; the levels with their own node
 * shapes (comparison, not, and/or, conditional) have their own functions, each named after its
 * rule in CPython's Grammar/python.gram. Atoms and trailers are in parse_atom.c, targets in
 * parse_target.c, calls and parameters in parse_args.c, literals in literal.c and fstring.c. */
#include "parser/parser_impl.h"

#include <string.h>

/* ------------------------------------------------------------------------------------------- */
/* Small helpers                                                                                */

PrAstExpr *pr_parser_new_name(PrParser *p, const PrToken *t, PrAstExprContext ctx)
{
    PrAstExpr *e =
        pr_ast_expr_new(p->arena, PR_EXPR_NAME, t->lineno, t->col, t->end_lineno, t->end_col);
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

PrAstExpr *pr_parser_new_starred(PrParser *p, PrAstExpr *value, size_t start)
{
    PrAstExpr *e = pr_parser_expr(p, PR_EXPR_STARRED, start);
    if (e) {
        e->v.Starred.value = value;
        e->v.Starred.ctx = PR_CTX_LOAD;
    }
    return e;
}

/* A Tuple/List/Set of the elements in v (which it consumes). */
PrAstExpr *pr_parser_new_elts(PrParser *p, PrAstExprKind kind, PrVec *v, size_t start)
{
    PrAstExpr *e = pr_parser_expr(p, kind, start);
    if (!e) {
        pr_vec_free(v);
        return NULL;
    }
    PrAstExprSeq *seq = kind == PR_EXPR_SET    ? &e->v.Set.elts
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
void *pr_parser_unsupported(PrParser *p, const PrToken *t)
{
    return pr_parser_error_token(p, t, "'%.*s' is not supported by pyrena", (int)t->len, t->start);
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
    case PR_TOK_PLUS:
        op = PR_UNARY_UADD;
        break;
    case PR_TOK_MINUS:
        op = PR_UNARY_USUB;
        break;
    case PR_TOK_TILDE:
        op = PR_UNARY_INVERT;
        break;
    default:
        return parse_power(p);
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
    case PR_TOK_EQEQUAL:
        *op = PR_CMP_EQ;
        return 1;
    case PR_TOK_NOTEQUAL:
        *op = PR_CMP_NOT_EQ;
        return 1;
    case PR_TOK_LESS:
        *op = PR_CMP_LT;
        return 1;
    case PR_TOK_LESSEQUAL:
        *op = PR_CMP_LT_E;
        return 1;
    case PR_TOK_GREATER:
        *op = PR_CMP_GT;
        return 1;
    case PR_TOK_GREATEREQUAL:
        *op = PR_CMP_GT_E;
        return 1;
    case PR_TOK_IN:
        *op = PR_CMP_IN;
        return 1;
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
    default:
        return 0;
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
    PrAstExpr *atom = pr_parse_atom(p);
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
        PrAstExpr *target = pr_parser_new_name(p, pr_parser_next(p), PR_CTX_STORE);
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
    return value ? pr_parser_new_starred(p, value, start) : NULL;
}

PrAstExpr *pr_parse_star_named_expression(PrParser *p)
{
    size_t start = p->pos;
    if (!pr_parser_accept(p, PR_TOK_STAR)) {
        return pr_parse_named_expression(p);
    }
    PrAstExpr *value = pr_parse_bitwise_or(p);
    return value ? pr_parser_new_starred(p, value, start) : NULL;
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
    PrAstExpr *t = pr_parser_new_elts(p, PR_EXPR_TUPLE, &v, start);
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
