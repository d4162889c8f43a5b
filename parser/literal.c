/* parser/literal.c — NUMBER and STRING tokens to Constant nodes: ints (int64 when they fit,
 * otherwise their decimal digits, converted from any base, for the compiler's big ints),
 * floats, imaginary literals; adjacent string literals joined (str with str, bytes with bytes),
 * f-strings handed to fstring.c. The lexer has already checked the spelling of every token. */
#include "parser/parser_impl.h"

#include "memory/raw.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------- */
/* Numbers                                                                                      */

/* Decimal digits of the number written in `digits` (no prefix, no underscores) in base
 * `base`, by repeated multiply-and-add on base-10**9 limbs. Returns: 0 or -1 (no memory). */
static int to_decimal(PrParser *p, const char *digits, size_t n, unsigned base, PrAstBytes *out)
{
    const uint32_t limb_base = 1000000000u;
    uint32_t *limbs = pr_raw_malloc((n + 1) * sizeof *limbs);
    if (!limbs) {
        pr_parser_no_memory(p);
        return -1;
    }
    size_t nlimbs = 0;
    for (size_t i = 0; i < n; i++) {
        char c = digits[i];
        uint64_t carry = (uint64_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
        for (size_t j = 0; j < nlimbs; j++) {
            uint64_t v = (uint64_t)limbs[j] * base + carry;
            limbs[j] = (uint32_t)(v % limb_base);
            carry = v / limb_base;
        }
        while (carry) {
            limbs[nlimbs++] = (uint32_t)(carry % limb_base);
            carry /= limb_base;
        }
    }
    char *s = pr_arena_alloc(p->arena, nlimbs * 9 + 2);
    if (!s) {
        pr_raw_free(limbs);
        pr_parser_no_memory(p);
        return -1;
    }
    int len = nlimbs ? sprintf(s, "%u", limbs[nlimbs - 1]) : sprintf(s, "0");
    for (size_t j = nlimbs > 0 ? nlimbs - 1 : 0; j-- > 0;) {
        len += sprintf(s + len, "%09u", limbs[j]);
    }
    pr_raw_free(limbs);
    out->data = s;
    out->len = (size_t)len;
    return 0;
}

static int parse_int(PrParser *p, const char *s, size_t n, PrAstConst *c)
{
    unsigned base = 10;
    if (n > 1 && s[0] == '0' && strchr("xXoObB", s[1])) {
        base = (s[1] | 0x20) == 'x' ? 16 : (s[1] | 0x20) == 'o' ? 8 : 2;
        s += 2;
        n -= 2;
    }
    while (n > 1 && s[0] == '0') {
        s++;
        n--;
    }
    uint64_t v = 0;
    int big = 0;
    for (size_t i = 0; i < n && !big; i++) {
        unsigned d = (unsigned)(s[i] <= '9' ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10);
        if (v > ((uint64_t)INT64_MAX - d) / base) {
            big = 1;
        }
        v = v * base + d;
    }
    if (!big) {
        c->kind = PR_CONST_INT;
        c->v.i = (int64_t)v;
        return 0;
    }
    c->kind = PR_CONST_BIG_INT;
    if (base == 10) {
        char *digits = pr_arena_strndup(p->arena, s, n);
        if (!digits) {
            pr_parser_no_memory(p);
            return -1;
        }
        c->v.s.data = digits;
        c->v.s.len = n;
        return 0;
    }
    return to_decimal(p, s, n, base, &c->v.s);
}

/* The token's text without underscores, NUL-terminated, in raw memory. */
static char *strip_underscores(PrParser *p, const PrToken *t, size_t *n)
{
    char *s = pr_raw_malloc(t->len + 1);
    if (!s) {
        return pr_parser_no_memory(p);
    }
    size_t k = 0;
    for (size_t i = 0; i < t->len; i++) {
        if (t->start[i] != '_') {
            s[k++] = t->start[i];
        }
    }
    s[k] = '\0';
    *n = k;
    return s;
}

PrAstExpr *pr_parse_number(PrParser *p)
{
    size_t start = p->pos;
    const PrToken *t = pr_parser_next(p);
    size_t n = 0;
    char *s = strip_underscores(p, t, &n);
    if (!s) {
        return NULL;
    }
    PrAstConst c = {PR_CONST_INT, {0}};
    int hex = n > 1 && s[0] == '0' && (s[1] | 0x20) == 'x';
    int rc = 0;
    if (n && (s[n - 1] | 0x20) == 'j') {
        s[n - 1] = '\0';
        c.kind = PR_CONST_COMPLEX;
        c.v.f = strtod(s, NULL);
    } else if (!hex && strpbrk(s, ".eE")) {
        c.kind = PR_CONST_FLOAT;
        c.v.f = strtod(s, NULL);
    } else {
        rc = parse_int(p, s, n, &c);
    }
    pr_raw_free(s);
    PrAstExpr *e = rc < 0 ? NULL : pr_parser_expr(p, PR_EXPR_CONSTANT, start);
    if (e) {
        e->v.Constant.value = c;
    }
    return e;
}

/* ------------------------------------------------------------------------------------------- */
/* Strings                                                                                      */

int pr_str_append(PrParser *p, PrStrState *st, const char *s, size_t n)
{
    if (st->len + n + 1 > st->cap) {
        size_t cap = st->cap ? st->cap : 64;
        while (cap < st->len + n + 1) {
            cap *= 2;
        }
        char *grown = pr_raw_realloc(st->text, cap);
        if (!grown) {
            pr_parser_no_memory(p);
            return -1;
        }
        st->text = grown;
        st->cap = cap;
    }
    if (n) {
        memcpy(st->text + st->len, s, n);
    }
    st->len += n;
    return 0;
}

/* A Constant holding st's pending text (as str or bytes), placed over the whole run. */
static PrAstExpr *text_constant(PrParser *p, PrStrState *st, PrAstConstKind kind)
{
    const PrToken *a = pr_parser_tok(p, st->first), *b = pr_parser_tok(p, st->last);
    PrAstExpr *e =
        pr_ast_expr_new(p->arena, PR_EXPR_CONSTANT, a->lineno, a->col, b->end_lineno, b->end_col);
    char *data = pr_arena_strndup(p->arena, st->text ? st->text : "", st->len);
    if (!e || !data) {
        return pr_parser_no_memory(p);
    }
    e->v.Constant.value.kind = kind;
    e->v.Constant.value.v.s.data = data;
    e->v.Constant.value.v.s.len = st->len;
    e->v.Constant.kind = st->kind_u ? "u" : NULL;
    st->len = 0;
    return e;
}

int pr_str_flush(PrParser *p, PrStrState *st)
{
    if (st->len == 0) {
        return 0;
    }
    PrAstExpr *e = text_constant(p, st, PR_CONST_STR);
    return e ? pr_vec_push(p, &st->values, e) : -1;
}

/* The parts of a STRING token: prefix flags and the body between the quotes. */
typedef struct Literal {
    int raw, bytes, fmt;
    const char *body;
    size_t len;
} Literal;

static Literal split_literal(const PrToken *t)
{
    Literal l = {0, 0, 0, NULL, 0};
    size_t i = 0;
    for (; i < t->len && t->start[i] != '\'' && t->start[i] != '"'; i++) {
        switch (t->start[i] | 0x20) {
        case 'r':
            l.raw = 1;
            break;
        case 'b':
            l.bytes = 1;
            break;
        case 'f':
            l.fmt = 1;
            break;
        default:
            break;
        }
    }
    size_t q =
        t->len - i >= 6 && t->start[i + 1] == t->start[i] && t->start[i + 2] == t->start[i] ? 3 : 1;
    l.body = t->start + i + q;
    l.len = t->len - i - 2 * q;
    return l;
}

/* Decodes a plain literal's body into st. */
static int add_plain(PrParser *p, PrStrState *st, const PrToken *t, const Literal *l)
{
    char *out = pr_raw_malloc(l->len + 1);
    if (!out) {
        pr_parser_no_memory(p);
        return -1;
    }
    PrSyntaxError err;
    memset(&err, 0, sizeof err);
    long n = pr_lexer_decode_string(l->body, l->len, l->raw, l->bytes, out, t, &err);
    int rc = 0;
    if (n < 0) {
        pr_parser_decode_error(p, &err, t);
        rc = -1;
    } else {
        rc = pr_str_append(p, st, out, (size_t)n);
    }
    pr_raw_free(out);
    return rc;
}

static PrAstExpr *finish_strings(PrParser *p, PrStrState *st, int bytes)
{
    if (!st->fmode) {
        return text_constant(p, st, bytes ? PR_CONST_BYTES : PR_CONST_STR);
    }
    if (pr_str_flush(p, st) < 0) {
        return NULL;
    }
    const PrToken *a = pr_parser_tok(p, st->first), *b = pr_parser_tok(p, st->last);
    PrAstExpr *e =
        pr_ast_expr_new(p->arena, PR_EXPR_JOINED_STR, a->lineno, a->col, b->end_lineno, b->end_col);
    if (!e) {
        return pr_parser_no_memory(p);
    }
    if (pr_vec_finish(p, &st->values, &e->v.JoinedStr.values.len, &e->v.JoinedStr.values.items) <
        0) {
        return NULL;
    }
    return e;
}

PrAstExpr *pr_parse_strings(PrParser *p)
{
    PrStrState st;
    memset(&st, 0, sizeof st);
    st.first = p->pos;
    while (pr_parser_check(p, PR_TOK_STRING)) {
        pr_parser_next(p);
    }
    st.last = p->pos - 1;
    const PrToken *first = pr_parser_tok(p, st.first);
    st.kind_u = first->start[0] == 'u';
    int bytes = split_literal(first).bytes;
    PrAstExpr *e = NULL;
    for (size_t i = st.first; i <= st.last; i++) {
        const PrToken *t = pr_parser_tok(p, i);
        Literal l = split_literal(t);
        if (l.bytes != bytes) {
            pr_parser_error_last(p, PR_SYNERR_SYNTAX, "cannot mix bytes and nonbytes literals");
            goto done;
        }
        int rc;
        if (l.fmt) {
            st.fmode = 1;
            rc = pr_fstring_parse(p, &st, i, l.body, l.len, l.raw);
        } else {
            rc = add_plain(p, &st, t, &l);
        }
        if (rc < 0) {
            goto done;
        }
    }
    e = finish_strings(p, &st, bytes);
done:
    pr_raw_free(st.text);
    pr_vec_free(&st.values);
    return e;
}
