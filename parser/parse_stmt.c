/* parser/parse_stmt.c — statements by recursive descent, one function per rule of CPython 3.11's
 * grammar (Grammar/python.gram): simple statements joined by ';', compound statements with their
 * blocks, and the error rules students meet most ("expected ':'", "expected an indented block
 * after 'if' statement on line N", invalid assignment targets, "expected 'except' or 'finally'
 * block", ...). Expressions come from parse_expr.c. */
#include "parser/parser_impl.h"

#include <stdint.h>
#include <string.h>

static int parse_statement(PrParser *p, PrVec *out);
static int parse_simple_stmts(PrParser *p, PrVec *out);

/* ------------------------------------------------------------------------------------------- */
/* Helpers                                                                                      */

static int finish_body(PrParser *p, PrVec *v, PrAstStmtSeq *out)
{
    return pr_vec_finish(p, v, &out->len, &out->items);
}

/* A forced token (CPython's &&'x'): "expected 'x'" at whatever stands there instead. */
static const PrToken *expect_forced(PrParser *p, PrTokKind kind, const char *spelling)
{
    const PrToken *t = pr_parser_accept(p, kind);
    if (!t && !p->failed) {
        const PrToken *got = pr_parser_peek(p, 0);
        if (got->kind != PR_TOK_ERROR) {
            pr_parser_error_token(p, got, "expected '%s'", spelling);
        }
    }
    return t;
}

/* ':' after a header; "expected ':'" when the line ends there (CPython's invalid_*_stmt). */
static int expect_colon(PrParser *p)
{
    if (pr_parser_accept(p, PR_TOK_COLON)) {
        return 0;
    }
    if (pr_parser_check(p, PR_TOK_NEWLINE) && !p->failed) {
        pr_parser_error_last(p, PR_SYNERR_SYNTAX, "expected ':'");
    }
    return -1;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts. `what` names the header for the
 * IndentationError ("'if' statement", "function definition") and `line` is its line. */
static int parse_block(PrParser *p, PrAstStmtSeq *body, const char *what, int line)
{
    PrVec v = {0};
    if (!pr_parser_accept(p, PR_TOK_NEWLINE)) {
        if (parse_simple_stmts(p, &v) < 0) {
            pr_vec_free(&v);
            return -1;
        }
        return finish_body(p, &v, body);
    }
    if (!pr_parser_accept(p, PR_TOK_INDENT)) {
        if (!p->failed && pr_parser_peek(p, 0)->kind != PR_TOK_ERROR) {
            pr_parser_error_last(p, PR_SYNERR_INDENTATION,
                                 "expected an indented block after %s on line %d", what, line);
        }
        return -1;
    }
    do {
        if (parse_statement(p, &v) < 0) {
            pr_vec_free(&v);
            return -1;
        }
    } while (!pr_parser_check(p, PR_TOK_DEDENT));
    pr_parser_next(p);
    return finish_body(p, &v, body);
}

/* 'else' ':' block, when present. */
static int parse_else(PrParser *p, PrAstStmtSeq *orelse)
{
    const PrToken *t = pr_parser_peek(p, 0);
    if (t->kind != PR_TOK_ELSE) {
        return 0;
    }
    int line = t->lineno;
    pr_parser_next(p);
    if (!expect_forced(p, PR_TOK_COLON, ":")) {
        return -1;
    }
    return parse_block(p, orelse, "'else' statement", line);
}

static char *ident(PrParser *p, const PrToken *t)
{
    return pr_parser_ident(p, t);
}

/* ------------------------------------------------------------------------------------------- */
/* Assignment and expression statements                                                         */

/* A piece of an assignment chain: yield_expr | star_expressions. *bare says whether it was a
 * tuple without brackets. */
static PrAstExpr *parse_piece(PrParser *p, int *bare)
{
    *bare = 0;
    if (pr_parser_check(p, PR_TOK_YIELD)) {
        return pr_parse_yield_expr(p);
    }
    PrAstExpr *e = pr_parse_star_expressions(p);
    *bare = e && e == p->bare_tuple;
    return e;
}

/* CPython's invalid_assignment, alternative 2: the first target parsed again as
 * star_named_expressions, so that its last element meets invalid_named_expression ("cannot
 * assign to function call here. Maybe you meant '==' instead of '='?"). */
static void recheck_first_target(PrParser *p, size_t start)
{
    PrMark m = pr_parser_mark(p);
    p->pos = start;
    /* star_named_expression ',' star_named_expressions*: the first, a comma, then lists of
     * them one after another */
    if (!pr_parse_star_named_expression(p) || !pr_parser_accept(p, PR_TOK_COMMA)) {
        pr_parser_reset(p, m);
        return;
    }
    for (;;) {
        int n = 0;
        for (;;) {
            size_t at = p->pos;
            if (!pr_parse_star_named_expression(p)) {
                p->pos = at; /* a failed element consumes nothing */
                break;
            }
            n++;
            if (!pr_parser_accept(p, PR_TOK_COMMA)) {
                break;
            }
        }
        PrTokKind k = pr_parser_peek(p, 0)->kind;
        if (p->failed || n == 0 || !(pr_parser_starts_expression(k) || k == PR_TOK_STAR)) {
            break;
        }
    }
    pr_parser_reset(p, m);
}

/* An assignment chain t0 = t1 = ... (= value) with an invalid target among the first ntargets
 * pieces: CPython's message (its invalid_assignment rule). */
static void *assignment_error(PrParser *p, PrVec *pieces, const PrVec *starts, size_t ntargets,
                              size_t start)
{
    recheck_first_target(p, start);
    if (p->failed) {
        return NULL;
    }
    for (size_t i = 0; i < ntargets; i++) {
        PrAstExpr *t = pieces->items[i];
        size_t at = (size_t)(uintptr_t)starts->items[i];
        if (pr_parser_tok(p, at)->kind == PR_TOK_YIELD) {
            /* a bare yield is no star_expressions: the next rule speaks */
            return pr_parser_error_node(p, t, "assignment to yield expression not possible");
        }
        if (pr_parser_set_context(p, t, PR_CTX_STORE, PR_TARGETS_STAR) < 0) {
            return NULL;
        }
    }
    return NULL;
}

static PrAstStmt *finish_assign(PrParser *p, PrVec *pieces, size_t start)
{
    PrAstExpr *value = pieces->items[--pieces->len];
    for (size_t i = 0; i < pieces->len; i++) {
        PrAstExpr *t = pieces->items[i];
        if (t->kind == PR_EXPR_YIELD || t->kind == PR_EXPR_YIELD_FROM ||
            pr_parser_set_context(p, t, PR_CTX_STORE, PR_TARGETS_STAR) < 0) {
            p->failed = 0; /* cannot happen: parse_assign checked each target */
            return pr_parser_error_node(p, t, "cannot assign to %s", pr_parser_expr_name(t));
        }
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_ASSIGN, start);
    if (!s) {
        return NULL;
    }
    s->v.Assign.value = value;
    if (pr_vec_finish(p, pieces, &s->v.Assign.targets.len, &s->v.Assign.targets.items) < 0) {
        return NULL;
    }
    return s;
}

/* Whether t can be assigned to (without reporting anything). */
static int valid_store_target(PrAstExpr *t)
{
    switch (t->kind) {
    case PR_EXPR_NAME:
    case PR_EXPR_ATTRIBUTE:
    case PR_EXPR_SUBSCRIPT:
        return 1;
    case PR_EXPR_STARRED:
        return t->v.Starred.value->kind != PR_EXPR_STARRED &&
               valid_store_target(t->v.Starred.value);
    case PR_EXPR_LIST:
    case PR_EXPR_TUPLE: {
        const PrAstExprSeq *elts = t->kind == PR_EXPR_LIST ? &t->v.List.elts : &t->v.Tuple.elts;
        for (size_t i = 0; i < elts->len; i++) {
            if (!valid_store_target(elts->items[i])) {
                return 0;
            }
        }
        return 1;
    }
    default:
        return 0;
    }
}

/* targets '=' ... '=' value, first target already parsed. */
static PrAstStmt *parse_assign(PrParser *p, PrAstExpr *first, size_t start)
{
    PrVec pieces = {0}, starts = {0}; /* each piece and the token it starts at */
    PrAstStmt *s = NULL;
    if (pr_vec_push(p, &pieces, first) < 0 ||
        pr_vec_push(p, &starts, (void *)(uintptr_t)start) < 0) {
        goto done;
    }
    while (pr_parser_check(p, PR_TOK_EQUAL)) {
        PrAstExpr *t = pieces.items[pieces.len - 1];
        if (!valid_store_target(t)) {
            /* CPython's first pass stops at this '=': its error rules take over */
            assignment_error(p, &pieces, &starts, pieces.len, start);
            goto done;
        }
        pr_parser_next(p);
        size_t at = p->pos;
        int bare;
        PrAstExpr *e = parse_piece(p, &bare);
        if (!e && !p->failed) {
            /* "f() = <anything>": the target is wrong whatever follows the '=' */
            assignment_error(p, &pieces, &starts, pieces.len, start);
        }
        if (!e || pr_vec_push(p, &pieces, e) < 0 ||
            pr_vec_push(p, &starts, (void *)(uintptr_t)at) < 0) {
            goto done;
        }
    }
    s = finish_assign(p, &pieces, start);
done:
    pr_vec_free(&pieces);
    pr_vec_free(&starts);
    return s;
}

static int augassign_op(PrTokKind k, PrAstOperator *op)
{
    switch (k) {
    case PR_TOK_PLUSEQUAL:
        *op = PR_BINOP_ADD;
        return 1;
    case PR_TOK_MINEQUAL:
        *op = PR_BINOP_SUB;
        return 1;
    case PR_TOK_STAREQUAL:
        *op = PR_BINOP_MULT;
        return 1;
    case PR_TOK_ATEQUAL:
        *op = PR_BINOP_MAT_MULT;
        return 1;
    case PR_TOK_SLASHEQUAL:
        *op = PR_BINOP_DIV;
        return 1;
    case PR_TOK_PERCENTEQUAL:
        *op = PR_BINOP_MOD;
        return 1;
    case PR_TOK_AMPEREQUAL:
        *op = PR_BINOP_BIT_AND;
        return 1;
    case PR_TOK_VBAREQUAL:
        *op = PR_BINOP_BIT_OR;
        return 1;
    case PR_TOK_CIRCUMFLEXEQUAL:
        *op = PR_BINOP_BIT_XOR;
        return 1;
    case PR_TOK_LEFTSHIFTEQUAL:
        *op = PR_BINOP_LSHIFT;
        return 1;
    case PR_TOK_RIGHTSHIFTEQUAL:
        *op = PR_BINOP_RSHIFT;
        return 1;
    case PR_TOK_DOUBLESTAREQUAL:
        *op = PR_BINOP_POW;
        return 1;
    case PR_TOK_DOUBLESLASHEQUAL:
        *op = PR_BINOP_FLOOR_DIV;
        return 1;
    default:
        return 0;
    }
}

static int single_target(const PrAstExpr *e)
{
    return e->kind == PR_EXPR_NAME || e->kind == PR_EXPR_ATTRIBUTE || e->kind == PR_EXPR_SUBSCRIPT;
}

static PrAstStmt *parse_augassign(PrParser *p, PrAstExpr *target, PrAstOperator op, size_t start)
{
    int bare;
    if (!single_target(target)) {
        /* CPython's first pass stops at the operator; its error rule reads the value */
        PrMark m = pr_parser_mark(p);
        pr_parser_next(p);
        PrAstExpr *value = parse_piece(p, &bare);
        if (pr_parser_reset(p, m) == 0 && value) {
            pr_parser_error_node(p, target,
                                 "'%s' is an illegal expression for augmented assignment",
                                 pr_parser_expr_name(target));
        }
        return NULL;
    }
    pr_parser_next(p);
    PrAstExpr *value = parse_piece(p, &bare);
    if (!value) {
        return NULL;
    }
    pr_parser_set_context(p, target, PR_CTX_STORE, PR_TARGETS_STAR);
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_AUG_ASSIGN, start);
    if (s) {
        s->v.AugAssign.target = target;
        s->v.AugAssign.op = op;
        s->v.AugAssign.value = value;
    }
    return s;
}

/* A target that cannot be annotated, followed by ':': CPython's first pass stops at the ':',
 * its error rules parse the annotation and name the problem. */
static void *annassign_error(PrParser *p, PrAstExpr *target, int bare)
{
    PrMark m = pr_parser_mark(p);
    pr_parser_next(p); /* ':' */
    PrAstExpr *annotation = pr_parse_expression(p);
    if (pr_parser_reset(p, m) < 0 || !annotation) {
        return NULL;
    }
    if (target->kind == PR_EXPR_TUPLE && bare) {
        return pr_parser_error_node(p, target->v.Tuple.elts.items[0],
                                    "only single target (not tuple) can be annotated");
    }
    if (target->kind == PR_EXPR_LIST || target->kind == PR_EXPR_TUPLE) {
        return pr_parser_error_node(p, target, "only single target (not %s) can be annotated",
                                    target->kind == PR_EXPR_LIST ? "list" : "tuple");
    }
    return pr_parser_error_node(p, target, "illegal target for annotation");
}

/* target ':' annotation ['=' value]; simple is 1 for a bare name. */
static PrAstStmt *parse_annassign(PrParser *p, PrAstExpr *target, int bare, size_t start)
{
    if (!single_target(target)) {
        return annassign_error(p, target, bare);
    }
    pr_parser_next(p); /* ':' */
    PrAstExpr *annotation = pr_parse_expression(p);
    if (!annotation) {
        return NULL;
    }
    PrAstExpr *value = NULL;
    if (pr_parser_accept(p, PR_TOK_EQUAL)) {
        int b;
        if (!(value = parse_piece(p, &b))) {
            return NULL;
        }
    }
    pr_parser_set_context(p, target, PR_CTX_STORE, PR_TARGETS_STAR);
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_ANN_ASSIGN, start);
    if (s) {
        s->v.AnnAssign.target = target;
        s->v.AnnAssign.annotation = annotation;
        s->v.AnnAssign.value = value;
        s->v.AnnAssign.simple =
            target->kind == PR_EXPR_NAME && pr_parser_tok(p, start)->kind == PR_TOK_NAME;
    }
    return s;
}

static PrAstStmt *parse_expr_stmt(PrParser *p)
{
    size_t start = p->pos;
    int bare;
    PrAstExpr *e = parse_piece(p, &bare);
    if (!e) {
        return NULL;
    }
    PrAstOperator op;
    PrTokKind k = pr_parser_peek(p, 0)->kind;
    if (k == PR_TOK_EQUAL) {
        return parse_assign(p, e, start);
    }
    if (k == PR_TOK_COLON && e->kind != PR_EXPR_YIELD && e->kind != PR_EXPR_YIELD_FROM) {
        return parse_annassign(p, e, bare, start);
    }
    if (augassign_op(k, &op)) {
        return parse_augassign(p, e, op, start);
    }
    if (k != PR_TOK_NEWLINE && k != PR_TOK_SEMI && !p->no_invalid) {
        /* the statement cannot end here: CPython's invalid_assignment reads it again */
        recheck_first_target(p, start);
        if (p->failed) {
            return NULL;
        }
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_EXPR, start);
    if (s) {
        s->v.Expr.value = e;
    }
    return s;
}

/* ------------------------------------------------------------------------------------------- */
/* Other simple statements                                                                      */

static PrAstStmt *parse_return(PrParser *p)
{
    size_t start = p->pos;
    pr_parser_next(p);
    PrAstExpr *value = NULL;
    PrTokKind k = pr_parser_peek(p, 0)->kind;
    if ((pr_parser_starts_expression(k) || k == PR_TOK_STAR) &&
        !(value = pr_parse_star_expressions(p))) {
        return NULL;
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_RETURN, start);
    if (s) {
        s->v.Return.value = value;
    }
    return s;
}

static PrAstStmt *parse_raise(PrParser *p)
{
    size_t start = p->pos;
    pr_parser_next(p);
    PrAstExpr *exc = NULL, *cause = NULL;
    if (pr_parser_starts_expression(pr_parser_peek(p, 0)->kind)) {
        if (!(exc = pr_parse_expression(p))) {
            return NULL;
        }
        size_t at = p->pos;
        if (pr_parser_accept(p, PR_TOK_FROM) && !(cause = pr_parse_expression(p))) {
            if (p->failed) {
                return NULL;
            }
            p->pos = at;
        }
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_RAISE, start);
    if (s) {
        s->v.Raise.exc = exc;
        s->v.Raise.cause = cause;
    }
    return s;
}

static PrAstStmt *parse_assert(PrParser *p)
{
    size_t start = p->pos;
    pr_parser_next(p);
    PrAstExpr *test = pr_parse_expression(p), *msg = NULL;
    if (!test) {
        return NULL;
    }
    size_t at = p->pos;
    if (pr_parser_accept(p, PR_TOK_COMMA) && !(msg = pr_parse_expression(p))) {
        if (p->failed) {
            return NULL;
        }
        p->pos = at;
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_ASSERT, start);
    if (s) {
        s->v.Assert.test = test;
        s->v.Assert.msg = msg;
    }
    return s;
}

/* del_targets: del_target (',' del_target)* [','] before ';' or NEWLINE, each a primary. */
static int parse_del_targets(PrParser *p, PrVec *v)
{
    do {
        PrTokKind k = pr_parser_peek(p, 0)->kind;
        if (v->len > 0 && (k == PR_TOK_SEMI || k == PR_TOK_NEWLINE)) {
            break;
        }
        PrAstExpr *e = pr_parse_primary(p);
        if (!e || pr_vec_push(p, v, e) < 0) {
            return -1;
        }
        k = pr_parser_peek(p, 0)->kind;
        if (k != PR_TOK_COMMA && k != PR_TOK_SEMI && k != PR_TOK_NEWLINE) {
            return -1;
        }
        if (pr_parser_set_context(p, e, PR_CTX_DEL, PR_TARGETS_DEL) < 0) {
            p->failed = 0; /* the error rule below decides what to report */
            memset(p->err, 0, sizeof *p->err);
            return -1;
        }
    } while (pr_parser_accept(p, PR_TOK_COMMA));
    return 0;
}

/* CPython's invalid_del_stmt: 'del' star_expressions, "cannot delete ..." */
static void del_error(PrParser *p, size_t after_del)
{
    if (p->failed || p->no_invalid) {
        return;
    }
    PrMark m = pr_parser_mark(p);
    p->pos = after_del;
    int bare;
    PrAstExpr *e = parse_piece(p, &bare);
    if (pr_parser_reset(p, m) < 0 || !e) {
        return;
    }
    pr_parser_set_context(p, e, PR_CTX_DEL, PR_TARGETS_DEL);
    if (!p->failed) {
        p->pos = m.pos; /* a target CPython has nothing specific about: "invalid syntax" */
    }
}

static PrAstStmt *parse_del(PrParser *p)
{
    size_t start = p->pos;
    pr_parser_next(p);
    PrVec v = {0};
    if (parse_del_targets(p, &v) < 0) {
        pr_vec_free(&v);
        del_error(p, start + 1);
        return NULL;
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_DELETE, start);
    if (!s || pr_vec_finish(p, &v, &s->v.Delete.targets.len, &s->v.Delete.targets.items) < 0) {
        pr_vec_free(&v);
        return NULL;
    }
    return s;
}

/* global / nonlocal: NAME (',' NAME)* */
static PrAstStmt *parse_names_stmt(PrParser *p, PrAstStmtKind kind)
{
    size_t start = p->pos;
    pr_parser_next(p);
    PrVec v = {0};
    do {
        const PrToken *t = pr_parser_accept(p, PR_TOK_NAME);
        char *name = t ? ident(p, t) : NULL;
        if (!name || pr_vec_push(p, &v, name) < 0) {
            pr_vec_free(&v);
            return NULL;
        }
    } while (pr_parser_accept(p, PR_TOK_COMMA));
    PrAstStmt *s = pr_parser_stmt(p, kind, start);
    PrAstIdentSeq *names = !s                       ? NULL
                           : kind == PR_STMT_GLOBAL ? &s->v.Global.names
                                                    : &s->v.Nonlocal.names;
    if (!s || pr_vec_finish(p, &v, &names->len, &names->items) < 0) {
        pr_vec_free(&v);
        return NULL;
    }
    return s;
}

/* dotted_name: NAME ('.' NAME)* as one identifier "a.b.c". */
static char *parse_dotted_name(PrParser *p)
{
    size_t first = p->pos;
    if (!pr_parser_accept(p, PR_TOK_NAME)) {
        return NULL;
    }
    while (pr_parser_check(p, PR_TOK_DOT) && pr_parser_peek(p, 1)->kind == PR_TOK_NAME) {
        p->pos += 2;
    }
    /* each NAME normalized on its own (as CPython's dotted_name joins identifiers) */
    size_t len = 0;
    for (size_t i = first; i < p->pos; i++) {
        const PrToken *t = pr_parser_tok(p, i);
        len += t->kind == PR_TOK_NAME ? t->len * 16 : t->len;
    }
    char *s = pr_arena_alloc(p->arena, len + 1);
    if (!s) {
        return pr_parser_no_memory(p);
    }
    size_t k = 0;
    for (size_t i = first; i < p->pos; i++) {
        const PrToken *t = pr_parser_tok(p, i);
        const char *part = t->kind == PR_TOK_NAME ? pr_parser_ident(p, t) : ".";
        if (!part) {
            return NULL;
        }
        size_t n = strlen(part);
        memcpy(s + k, part, n);
        k += n;
    }
    s[k] = '\0';
    return s;
}

static struct PrAstAlias *new_alias(PrParser *p, char *name, const PrToken *as, size_t start)
{
    struct PrAstAlias *a = pr_arena_calloc(p->arena, sizeof *a);
    if (!a) {
        return pr_parser_no_memory(p);
    }
    const PrToken *first = pr_parser_tok(p, start), *last = pr_parser_prev(p);
    a->lineno = first->lineno;
    a->col_offset = first->col;
    a->end_lineno = last->end_lineno;
    a->end_col_offset = last->end_col;
    a->name = name;
    if (as && !(a->asname = ident(p, as))) {
        return NULL;
    }
    return a;
}

/* NAME or dotted_name, then ['as' NAME]. */
static struct PrAstAlias *parse_alias(PrParser *p, int dotted)
{
    size_t start = p->pos;
    char *name;
    if (dotted) {
        name = parse_dotted_name(p);
    } else {
        const PrToken *t = pr_parser_accept(p, PR_TOK_NAME);
        name = t ? ident(p, t) : NULL;
    }
    if (!name) {
        return NULL;
    }
    const PrToken *as = NULL;
    if (pr_parser_accept(p, PR_TOK_AS) && !(as = pr_parser_accept(p, PR_TOK_NAME))) {
        return NULL;
    }
    return new_alias(p, name, as, start);
}

static PrAstStmt *parse_import(PrParser *p)
{
    size_t start = p->pos;
    pr_parser_next(p);
    PrVec v = {0};
    do {
        struct PrAstAlias *a = parse_alias(p, 1);
        if (!a || pr_vec_push(p, &v, a) < 0) {
            pr_vec_free(&v);
            return NULL;
        }
    } while (pr_parser_accept(p, PR_TOK_COMMA));
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_IMPORT, start);
    if (!s || pr_vec_finish(p, &v, &s->v.Import.names.len, &s->v.Import.names.items) < 0) {
        pr_vec_free(&v);
        return NULL;
    }
    return s;
}

/* The names after 'from ... import': '(' names [','] ')' | names !',' | '*'. */
static int parse_import_targets(PrParser *p, PrVec *v)
{
    if (pr_parser_check(p, PR_TOK_STAR)) {
        size_t start = p->pos;
        pr_parser_next(p);
        char *star = pr_arena_strndup(p->arena, "*", 1);
        struct PrAstAlias *a = star ? new_alias(p, star, NULL, start) : NULL;
        return a ? pr_vec_push(p, v, a) : -1;
    }
    int paren = pr_parser_accept(p, PR_TOK_LPAR) != NULL;
    do {
        if (paren && pr_parser_check(p, PR_TOK_RPAR) && v->len > 0) {
            break;
        }
        if (!paren && v->len > 0 && pr_parser_check(p, PR_TOK_NEWLINE)) {
            pr_parser_error_last(p, PR_SYNERR_SYNTAX,
                                 "trailing comma not allowed without surrounding parentheses");
            return -1;
        }
        struct PrAstAlias *a = parse_alias(p, 0);
        if (!a || pr_vec_push(p, v, a) < 0) {
            return -1;
        }
    } while (pr_parser_accept(p, PR_TOK_COMMA));
    return paren && !pr_parser_accept(p, PR_TOK_RPAR) ? -1 : 0;
}

static PrAstStmt *parse_from_import(PrParser *p)
{
    size_t start = p->pos;
    pr_parser_next(p);
    int level = 0;
    for (;;) {
        if (pr_parser_accept(p, PR_TOK_DOT)) {
            level++;
        } else if (pr_parser_accept(p, PR_TOK_ELLIPSIS)) {
            level += 3;
        } else {
            break;
        }
    }
    char *module = NULL;
    if (pr_parser_check(p, PR_TOK_NAME) && !(module = parse_dotted_name(p))) {
        return NULL;
    }
    if ((!module && level == 0) || !pr_parser_accept(p, PR_TOK_IMPORT)) {
        return NULL;
    }
    PrVec v = {0};
    if (parse_import_targets(p, &v) < 0) {
        pr_vec_free(&v);
        return NULL;
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_IMPORT_FROM, start);
    if (!s || pr_vec_finish(p, &v, &s->v.ImportFrom.names.len, &s->v.ImportFrom.names.items) < 0) {
        pr_vec_free(&v);
        return NULL;
    }
    s->v.ImportFrom.module = module;
    s->v.ImportFrom.level = level;
    return s;
}

static PrAstStmt *parse_keyword_stmt(PrParser *p, PrAstStmtKind kind)
{
    size_t start = p->pos;
    pr_parser_next(p);
    return pr_parser_stmt(p, kind, start);
}

static PrAstStmt *parse_simple_stmt(PrParser *p)
{
    switch (pr_parser_peek(p, 0)->kind) {
    case PR_TOK_PASS:
        return parse_keyword_stmt(p, PR_STMT_PASS);
    case PR_TOK_BREAK:
        return parse_keyword_stmt(p, PR_STMT_BREAK);
    case PR_TOK_CONTINUE:
        return parse_keyword_stmt(p, PR_STMT_CONTINUE);
    case PR_TOK_RETURN:
        return parse_return(p);
    case PR_TOK_RAISE:
        return parse_raise(p);
    case PR_TOK_ASSERT:
        return parse_assert(p);
    case PR_TOK_DEL:
        return parse_del(p);
    case PR_TOK_GLOBAL:
        return parse_names_stmt(p, PR_STMT_GLOBAL);
    case PR_TOK_NONLOCAL:
        return parse_names_stmt(p, PR_STMT_NONLOCAL);
    case PR_TOK_IMPORT:
        return parse_import(p);
    case PR_TOK_FROM:
        return parse_from_import(p);
    default:
        return parse_expr_stmt(p);
    }
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int parse_simple_stmts(PrParser *p, PrVec *out)
{
    do {
        if (pr_parser_check(p, PR_TOK_NEWLINE) && out->len > 0) {
            break; /* a trailing ';' */
        }
        PrAstStmt *s = parse_simple_stmt(p);
        if (!s || pr_vec_push(p, out, s) < 0) {
            return -1;
        }
    } while (pr_parser_accept(p, PR_TOK_SEMI));
    return pr_parser_accept(p, PR_TOK_NEWLINE) ? 0 : -1;
}

/* ------------------------------------------------------------------------------------------- */
/* Compound statements                                                                          */

/* if / elif: the test, the block, then elif (a nested If in orelse) or else. */
static PrAstStmt *parse_if(PrParser *p, const char *what)
{
    size_t start = p->pos;
    int line = pr_parser_next(p)->lineno;
    PrAstExpr *test = pr_parse_named_expression(p);
    if (!test || expect_colon(p) < 0) {
        return NULL;
    }
    PrAstStmt *s = pr_ast_stmt_new(p->arena, PR_STMT_IF, 0, 0, 0, 0);
    if (!s) {
        return pr_parser_no_memory(p);
    }
    if (parse_block(p, &s->v.If.body, what, line) < 0) {
        return NULL;
    }
    if (pr_parser_check(p, PR_TOK_ELIF)) {
        PrAstStmt *elif = parse_if(p, "'elif' statement");
        PrAstStmt **one = elif ? pr_arena_alloc(p->arena, sizeof *one) : NULL;
        if (!one) {
            return elif ? pr_parser_no_memory(p) : NULL;
        }
        one[0] = elif;
        s->v.If.orelse.len = 1;
        s->v.If.orelse.items = one;
    } else if (parse_else(p, &s->v.If.orelse) < 0) {
        return NULL;
    }
    PrAstStmt *pos = pr_parser_stmt(p, PR_STMT_IF, start);
    if (!pos) {
        return NULL;
    }
    s->lineno = pos->lineno;
    s->col_offset = pos->col_offset;
    s->end_lineno = pos->end_lineno;
    s->end_col_offset = pos->end_col_offset;
    s->v.If.test = test;
    return s;
}

static PrAstStmt *parse_while(PrParser *p)
{
    size_t start = p->pos;
    int line = pr_parser_next(p)->lineno;
    PrAstExpr *test = pr_parse_named_expression(p);
    if (!test || expect_colon(p) < 0) {
        return NULL;
    }
    PrAstStmtSeq body, orelse = {0, NULL};
    if (parse_block(p, &body, "'while' statement", line) < 0 || parse_else(p, &orelse) < 0) {
        return NULL;
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_WHILE, start);
    if (s) {
        s->v.While.test = test;
        s->v.While.body = body;
        s->v.While.orelse = orelse;
    }
    return s;
}

static PrAstStmt *parse_for(PrParser *p)
{
    size_t start = p->pos;
    int line = pr_parser_next(p)->lineno;
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
    PrAstExpr *iter = pr_parse_star_expressions(p);
    if (!iter || expect_colon(p) < 0) {
        return NULL;
    }
    PrAstStmtSeq body, orelse = {0, NULL};
    if (parse_block(p, &body, "'for' statement", line) < 0 || parse_else(p, &orelse) < 0) {
        return NULL;
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_FOR, start);
    if (s) {
        s->v.For.target = target;
        s->v.For.iter = iter;
        s->v.For.body = body;
        s->v.For.orelse = orelse;
    }
    return s;
}

/* CPython's invalid_with_item: expression 'as' a=expression &(',' | ')' | ':'), "cannot
 * assign to ..." when a is no target. */
static void with_target_error(PrParser *p, size_t tstart)
{
    if (p->no_invalid) {
        return;
    }
    PrMark m = pr_parser_mark(p);
    p->pos = tstart;
    PrAstExpr *e = pr_parse_expression(p);
    PrTokKind k = pr_parser_peek(p, 0)->kind;
    int ok = e && (k == PR_TOK_COMMA || k == PR_TOK_RPAR || k == PR_TOK_COLON);
    if (pr_parser_reset(p, m) == 0 && ok) {
        pr_parser_set_context(p, e, PR_CTX_STORE, PR_TARGETS_STAR);
        if (!p->failed) {
            p->pos = m.pos;
        }
    }
}

/* with_item: expression ['as' star_target], the target followed by ',', ')' or ':'. */
static struct PrAstWithitem *parse_with_item(PrParser *p)
{
    PrAstExpr *ctx = pr_parse_expression(p);
    if (!ctx) {
        return NULL;
    }
    PrAstExpr *vars = NULL;
    size_t as = p->pos;
    if (pr_parser_accept(p, PR_TOK_AS)) {
        /* star_target: a target, '*' allowed; anything else is for the error rule below */
        size_t tstart = p->pos;
        vars = pr_parse_star_target(p);
        PrTokKind k = pr_parser_peek(p, 0)->kind;
        if (!vars || (k != PR_TOK_COMMA && k != PR_TOK_RPAR && k != PR_TOK_COLON) ||
            pr_parser_set_context(p, vars, PR_CTX_STORE, PR_TARGETS_STAR) < 0) {
            if (p->failed) {
                return NULL;
            }
            with_target_error(p, tstart);
            if (!p->failed && k == PR_TOK_NEWLINE && vars && !p->no_invalid) {
                pr_parser_error_last(p, PR_SYNERR_SYNTAX, "expected ':'");
            }
            (void)as;
            return NULL;
        }
    }
    struct PrAstWithitem *w = pr_arena_calloc(p->arena, sizeof *w);
    if (!w) {
        return pr_parser_no_memory(p);
    }
    w->context_expr = ctx;
    w->optional_vars = vars;
    return w;
}

static int parse_with_items(PrParser *p, PrVec *v, int paren)
{
    do {
        if (paren && pr_parser_check(p, PR_TOK_RPAR) && v->len > 0) {
            break;
        }
        struct PrAstWithitem *w = parse_with_item(p);
        if (!w || pr_vec_push(p, v, w) < 0) {
            return -1;
        }
    } while (pr_parser_accept(p, PR_TOK_COMMA));
    return paren && !pr_parser_accept(p, PR_TOK_RPAR) ? -1 : 0;
}

/* Whether "with (" opens parenthesized with-items, '(' items [','] ')' ':', rather than an
 * expression that starts with a parenthesis: CPython tries that reading first. */
static int with_parenthesized(PrParser *p)
{
    if (!pr_parser_check(p, PR_TOK_LPAR)) {
        return 0;
    }
    /* CPython's first pass tries this first: its reach counts (no mark) */
    size_t save = p->pos;
    int nest = p->nest;
    p->no_invalid++;
    pr_parser_next(p);
    PrVec v = {0};
    p->nest++;
    int ok = parse_with_items(p, &v, 1) == 0 && pr_parser_check(p, PR_TOK_COLON);
    pr_vec_free(&v);
    p->no_invalid--;
    p->nest = nest;
    p->pos = save;
    if (p->failed && !p->err->no_memory && !p->err->overflow) {
        p->failed = 0;
        memset(p->err, 0, sizeof *p->err);
    }
    return ok;
}

static PrAstStmt *parse_with(PrParser *p)
{
    size_t start = p->pos;
    int line = pr_parser_next(p)->lineno;
    PrVec v = {0};
    int paren = with_parenthesized(p);
    if (paren) {
        pr_parser_next(p);
        p->nest++;
    }
    int rc = parse_with_items(p, &v, paren);
    if (paren) {
        p->nest--;
    }
    if (rc < 0 && !paren && !p->failed && !p->no_invalid &&
        pr_parser_tok(p, start + 1)->kind == PR_TOK_LPAR) {
        /* the second pass tries the parenthesized items again, its error rules on */
        PrMark m = pr_parser_mark(p);
        PrVec again = {0};
        p->pos = start + 2;
        p->nest++;
        if (parse_with_items(p, &again, 1) == 0 && pr_parser_check(p, PR_TOK_NEWLINE)) {
            pr_parser_error_last(p, PR_SYNERR_SYNTAX, "expected ':'");
        }
        pr_vec_free(&again);
        pr_parser_reset(p, m);
    }
    PrAstStmtSeq body;
    if (rc < 0 || expect_colon(p) < 0 || parse_block(p, &body, "'with' statement", line) < 0) {
        pr_vec_free(&v);
        return NULL;
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_WITH, start);
    if (!s || pr_vec_finish(p, &v, &s->v.With.items.len, &s->v.With.items.items) < 0) {
        pr_vec_free(&v);
        return NULL;
    }
    s->v.With.body = body;
    return s;
}

/* except_block: 'except' [expression ['as' NAME]] ':' block */
static struct PrAstExceptHandler *parse_except(PrParser *p)
{
    size_t start = p->pos;
    const PrToken *kw = pr_parser_next(p);
    if (pr_parser_check(p, PR_TOK_STAR)) {
        return pr_parser_error_at(p, PR_SYNERR_SYNTAX, kw->lineno, kw->col,
                                  pr_parser_peek(p, 0)->end_lineno, pr_parser_peek(p, 0)->end_col,
                                  "'except*' is not supported by pyrena");
    }
    PrAstExpr *type = NULL;
    const PrToken *name = NULL;
    if (!pr_parser_check(p, PR_TOK_COLON) && !pr_parser_check(p, PR_TOK_NEWLINE)) {
        if (!(type = pr_parse_expression(p))) {
            return NULL;
        }
        if (pr_parser_check(p, PR_TOK_COMMA)) {
            /* except A, B: — a second-pass rule, read on to the ':' */
            if (p->no_invalid) {
                return NULL;
            }
            PrMark m = pr_parser_mark(p);
            pr_parser_next(p);
            int ok = pr_parse_expressions(p) &&
                     (!pr_parser_accept(p, PR_TOK_AS) || pr_parser_accept(p, PR_TOK_NAME)) &&
                     pr_parser_accept(p, PR_TOK_COLON);
            const PrToken *colon = ok ? pr_parser_prev(p) : NULL;
            if (pr_parser_reset(p, m) == 0 && ok) {
                pr_parser_error_at(p, PR_SYNERR_SYNTAX, type->lineno, type->col_offset,
                                   colon->end_lineno, colon->end_col - 1,
                                   "multiple exception types must be parenthesized");
            }
            return NULL;
        }
        if (pr_parser_accept(p, PR_TOK_AS) && !(name = pr_parser_accept(p, PR_TOK_NAME))) {
            return NULL;
        }
    }
    if (expect_colon(p) < 0) {
        return NULL;
    }
    PrAstStmtSeq body;
    if (parse_block(p, &body, "'except' statement", kw->lineno) < 0) {
        return NULL;
    }
    struct PrAstExceptHandler *h = pr_arena_calloc(p->arena, sizeof *h);
    PrAstStmt *pos = pr_parser_stmt(p, PR_STMT_PASS, start);
    if (!h || !pos) {
        return pr_parser_no_memory(p);
    }
    h->lineno = pos->lineno;
    h->col_offset = pos->col_offset;
    h->end_lineno = pos->end_lineno;
    h->end_col_offset = pos->end_col_offset;
    h->type = type;
    h->body = body;
    if (name && !(h->name = ident(p, name))) {
        return NULL;
    }
    return h;
}

static int parse_finally(PrParser *p, PrAstStmtSeq *finalbody)
{
    int line = pr_parser_next(p)->lineno;
    if (!expect_forced(p, PR_TOK_COLON, ":")) {
        return -1;
    }
    return parse_block(p, finalbody, "'finally' statement", line);
}

static PrAstStmt *parse_try(PrParser *p)
{
    size_t start = p->pos;
    int line = pr_parser_next(p)->lineno;
    if (!expect_forced(p, PR_TOK_COLON, ":")) {
        return NULL;
    }
    PrAstStmtSeq body, orelse = {0, NULL}, finalbody = {0, NULL};
    if (parse_block(p, &body, "'try' statement", line) < 0) {
        return NULL;
    }
    PrVec handlers = {0};
    while (pr_parser_check(p, PR_TOK_EXCEPT)) {
        struct PrAstExceptHandler *h = parse_except(p);
        if (!h || pr_vec_push(p, &handlers, h) < 0) {
            goto fail;
        }
    }
    if (handlers.len == 0 && !pr_parser_check(p, PR_TOK_FINALLY)) {
        if (pr_parser_peek(p, 0)->kind != PR_TOK_ERROR) {
            pr_parser_error_last(p, PR_SYNERR_SYNTAX, "expected 'except' or 'finally' block");
        }
        goto fail;
    }
    if (handlers.len && parse_else(p, &orelse) < 0) {
        goto fail;
    }
    if (pr_parser_check(p, PR_TOK_FINALLY) && parse_finally(p, &finalbody) < 0) {
        goto fail;
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_TRY, start);
    if (!s || pr_vec_finish(p, &handlers, &s->v.Try.handlers.len, &s->v.Try.handlers.items) < 0) {
        goto fail;
    }
    s->v.Try.body = body;
    s->v.Try.orelse = orelse;
    s->v.Try.finalbody = finalbody;
    return s;
fail:
    pr_vec_free(&handlers);
    return NULL;
}

static PrAstStmt *parse_funcdef(PrParser *p, PrVec *decorators)
{
    size_t start = p->pos;
    int line = pr_parser_next(p)->lineno;
    const PrToken *name = pr_parser_accept(p, PR_TOK_NAME);
    if (!name || !expect_forced(p, PR_TOK_LPAR, "(")) {
        return NULL;
    }
    p->nest++;
    struct PrAstArguments *args = pr_parse_parameters(p, 0);
    p->nest--;
    if (!args || !pr_parser_accept(p, PR_TOK_RPAR)) {
        return NULL;
    }
    PrAstExpr *returns = NULL;
    size_t arrow = p->pos;
    if (pr_parser_accept(p, PR_TOK_RARROW) && !(returns = pr_parse_expression(p))) {
        if (p->failed) {
            return NULL;
        }
        p->pos = arrow; /* ['->' expression] did not match: ':' is expected at '->' */
    }
    PrAstStmtSeq body;
    if (!expect_forced(p, PR_TOK_COLON, ":") ||
        parse_block(p, &body, "function definition", line) < 0) {
        return NULL;
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_FUNCTION_DEF, start);
    if (!s || pr_vec_finish(p, decorators, &s->v.FunctionDef.decorator_list.len,
                            &s->v.FunctionDef.decorator_list.items) < 0) {
        return NULL;
    }
    s->v.FunctionDef.name = ident(p, name);
    s->v.FunctionDef.args = args;
    s->v.FunctionDef.body = body;
    s->v.FunctionDef.returns = returns;
    return s->v.FunctionDef.name ? s : NULL;
}

static PrAstStmt *parse_classdef(PrParser *p, PrVec *decorators)
{
    size_t start = p->pos;
    int line = pr_parser_next(p)->lineno;
    const PrToken *name = pr_parser_accept(p, PR_TOK_NAME);
    if (!name) {
        return NULL;
    }
    PrAstExprSeq bases = {0, NULL};
    PrAstKeywordSeq keywords = {0, NULL};
    if (pr_parser_accept(p, PR_TOK_LPAR)) {
        p->nest++;
        int rc = pr_parse_call_arguments(p, &bases, &keywords);
        p->nest--;
        if (rc < 0) {
            return NULL;
        }
    }
    PrAstStmtSeq body;
    if (expect_colon(p) < 0 || parse_block(p, &body, "class definition", line) < 0) {
        return NULL;
    }
    PrAstStmt *s = pr_parser_stmt(p, PR_STMT_CLASS_DEF, start);
    if (!s || pr_vec_finish(p, decorators, &s->v.ClassDef.decorator_list.len,
                            &s->v.ClassDef.decorator_list.items) < 0) {
        return NULL;
    }
    s->v.ClassDef.name = ident(p, name);
    s->v.ClassDef.bases = bases;
    s->v.ClassDef.keywords = keywords;
    s->v.ClassDef.body = body;
    return s->v.ClassDef.name ? s : NULL;
}

/* decorators: ('@' named_expression NEWLINE)+, then def or class. */
static PrAstStmt *parse_decorated(PrParser *p)
{
    PrVec decorators = {0};
    while (pr_parser_accept(p, PR_TOK_AT)) {
        PrAstExpr *d = pr_parse_named_expression(p);
        if (!d || pr_vec_push(p, &decorators, d) < 0 || !pr_parser_accept(p, PR_TOK_NEWLINE)) {
            goto fail;
        }
    }
    const PrToken *t = pr_parser_peek(p, 0);
    PrAstStmt *s = NULL;
    if (t->kind == PR_TOK_DEF) {
        s = parse_funcdef(p, &decorators);
    } else if (t->kind == PR_TOK_CLASS) {
        s = parse_classdef(p, &decorators);
    } else if (t->kind == PR_TOK_ASYNC) {
        pr_parser_error_token(p, t, "'async' is not supported by pyrena");
    }
    pr_vec_free(&decorators);
    return s;
fail:
    pr_vec_free(&decorators);
    return NULL;
}

/* "match x:" opens a match statement, outside pyrena's language: say so. */
static int is_match_stmt(PrParser *p)
{
    if (!pr_parser_check_name(p, 0, "match") ||
        !pr_parser_starts_expression(pr_parser_peek(p, 1)->kind)) {
        return 0;
    }
    PrMark m = pr_parser_mark(p);
    p->no_invalid++;
    pr_parser_next(p);
    int ok = pr_parse_star_expressions(p) && pr_parser_check(p, PR_TOK_COLON) &&
             pr_parser_peek(p, 1)->kind == PR_TOK_NEWLINE;
    p->no_invalid--;
    pr_parser_forget(p, m);
    return ok && !p->failed;
}

static PrAstStmt *parse_compound(PrParser *p)
{
    const PrToken *t = pr_parser_peek(p, 0);
    switch (t->kind) {
    case PR_TOK_IF:
        return parse_if(p, "'if' statement");
    case PR_TOK_WHILE:
        return parse_while(p);
    case PR_TOK_FOR:
        return parse_for(p);
    case PR_TOK_WITH:
        return parse_with(p);
    case PR_TOK_TRY:
        return parse_try(p);
    case PR_TOK_AT:
        return parse_decorated(p);
    case PR_TOK_ASYNC: {
        PrTokKind k = pr_parser_peek(p, 1)->kind;
        if (k == PR_TOK_DEF || k == PR_TOK_FOR || k == PR_TOK_WITH) {
            return pr_parser_error_token(p, t, "'async' is not supported by pyrena");
        }
        return NULL;
    }
    case PR_TOK_DEF: {
        PrVec none = {0};
        return parse_funcdef(p, &none);
    }
    case PR_TOK_CLASS: {
        PrVec none = {0};
        return parse_classdef(p, &none);
    }
    default:
        if (is_match_stmt(p)) {
            return pr_parser_error_token(p, t, "'match' is not supported by pyrena");
        }
        return NULL;
    }
}

static int is_compound_start(PrParser *p)
{
    switch (pr_parser_peek(p, 0)->kind) {
    case PR_TOK_IF:
    case PR_TOK_WHILE:
    case PR_TOK_FOR:
    case PR_TOK_WITH:
    case PR_TOK_TRY:
    case PR_TOK_AT:
    case PR_TOK_ASYNC:
    case PR_TOK_DEF:
    case PR_TOK_CLASS:
        return 1;
    default:
        return pr_parser_check_name(p, 0, "match") && is_match_stmt(p);
    }
}

/* statement: compound_stmt | simple_stmts */
static int parse_statement(PrParser *p, PrVec *out)
{
    if (is_compound_start(p)) {
        PrAstStmt *s = parse_compound(p);
        return s ? pr_vec_push(p, out, s) : -1;
    }
    return parse_simple_stmts(p, out);
}

/* ------------------------------------------------------------------------------------------- */
/* Entry points                                                                                 */

int pr_parse_file_body(PrParser *p, PrAstStmtSeq *body)
{
    PrVec v = {0};
    while (!pr_parser_check(p, PR_TOK_ENDMARKER)) {
        if (parse_statement(p, &v) < 0) {
            pr_vec_free(&v);
            return -1;
        }
    }
    return finish_body(p, &v, body);
}

/* CPython's bad_single_statement: whether anything but blanks and comments follows the end of
 * the last token read. */
static int more_after(PrParser *p)
{
    const PrToken *t = pr_parser_tok(p, p->ntoks - 1);
    if (t->kind != PR_TOK_NEWLINE && pr_parser_at_end(p, t)) {
        return 0;
    }
    const char *c = t->start + t->len, *end = p->src + p->len;
    while (c < end) {
        if (*c == '#') {
            while (c < end && *c != '\n') {
                c++;
            }
        } else if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r' || *c == '\f') {
            c++;
        } else {
            return 1;
        }
    }
    return 0;
}

/* statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER, and nothing
 * after it ("multiple statements found while compiling a single statement"). */
int pr_parse_interactive(PrParser *p, PrAstStmtSeq *body)
{
    PrVec v = {0};
    if (pr_parser_check(p, PR_TOK_ENDMARKER)) {
        return -1; /* nothing to run: "invalid syntax", as CPython's interactive_exit */
    }
    if (pr_parser_check(p, PR_TOK_NEWLINE)) {
        size_t start = p->pos;
        pr_parser_next(p);
        PrAstStmt *pass = pr_parser_stmt(p, PR_STMT_PASS, start);
        if (!pass || pr_vec_push(p, &v, pass) < 0) {
            return -1;
        }
    } else {
        int compound = is_compound_start(p);
        if (parse_statement(p, &v) < 0) {
            pr_vec_free(&v);
            return -1;
        }
        if (compound) {
            /* CPython wants a NEWLINE after a compound statement here; anything else fails */
            PrTokKind k = pr_parser_peek(p, 0)->kind;
            if (k != PR_TOK_ENDMARKER && k != PR_TOK_NEWLINE) {
                pr_vec_free(&v);
                return -1;
            }
        }
        const PrToken *last = pr_parser_prev(p);
        if (compound && last->kind == PR_TOK_NEWLINE &&
            last->start + last->len == p->src + p->len && !(p->len && p->src[p->len - 1] == '\n')) {
            /* "class A: pass" with no newline: CPython wants the NEWLINE that ends a compound
             * statement in 'single' mode, and its tokenizer has none to give */
            pr_parser_peek(p, 0);
            pr_vec_free(&v);
            return -1;
        }
        if (more_after(p)) {
            p->after_success = 1; /* CPython checks this after parsing the statement */
            pr_parser_error_last(p, PR_SYNERR_SYNTAX,
                                 "multiple statements found while compiling a single statement");
            pr_vec_free(&v);
            return -1;
        }
    }
    while (pr_parser_accept(p, PR_TOK_NEWLINE) || pr_parser_accept(p, PR_TOK_DEDENT)) {
    }
    if (!pr_parser_accept(p, PR_TOK_ENDMARKER)) {
        pr_vec_free(&v);
        return -1;
    }
    return finish_body(p, &v, body);
}
