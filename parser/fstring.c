/* parser/fstring.c — f-strings as CPython 3.11 reads them: the lexer hands over the whole literal
 * as one STRING token, and this file splits its body into literal text (decoded like any string
 * literal, with {{ and }} undoubled) and replacement fields {expr[=][!conv][:spec]}. Each
 * expression is parsed by a sub-parser over "(expr)" whose tokens are moved to their real place
 * in the file (parser.c); a format spec is itself an f-string one level down, and only one level
 * is allowed. Error messages and their placement follow CPython's Parser/string_parser.c. */
#include "parser/parser_impl.h"

#include "memory/raw.h"

#include <string.h>

#define MAX_NESTING 200 /* brackets inside one expression (CPython's MAXLEVEL) */

/* The scan of one f-string body: where we are, and where its token sits in the source. */
typedef struct Scan {
    const char *s;   /* next character */
    const char *end; /* end of the body */
    const char *tok_text;
    const PrToken *tok;
    size_t tok_index; /* of tok in the parser's token buffer */
    int raw;
} Scan;

static int fail(PrParser *p, const char *msg, int c1, int c2)
{
    pr_parser_error_last(p, PR_SYNERR_SYNTAX, msg, c1, c2);
    return -1;
}

/* Decodes literal text [from, to) into st (escapes unless raw). */
static int add_literal(PrParser *p, PrStrState *st, const Scan *sc, const char *from,
                       const char *to)
{
    if (from == to) {
        return 0;
    }
    size_t n = (size_t)(to - from);
    char *out = pr_raw_malloc(n + 1);
    if (!out) {
        pr_parser_no_memory(p);
        return -1;
    }
    PrSyntaxError err;
    memset(&err, 0, sizeof err);
    long m = pr_lexer_decode_string(from, n, sc->raw, 0, out, sc->tok, &err);
    int rc;
    if (m < 0) {
        pr_parser_decode_error(p, &err, sc->tok);
        rc = -1;
    } else {
        rc = pr_str_append(p, st, out, (size_t)m);
    }
    pr_raw_free(out);
    return rc;
}

/* Literal text up to the next replacement field (or the end, or at level > 0 the '}' that ends
 * a format spec). Returns: 1 when it stopped after a doubled brace (call again), 0 when it
 * reached a field or the end, -1 on error. */
static int find_literal(PrParser *p, PrStrState *st, Scan *sc, int level)
{
    const char *start = sc->s;
    while (sc->s < sc->end) {
        char c = *sc->s++;
        if (!sc->raw && c == '\\' && sc->s < sc->end) {
            c = *sc->s++;
            if (c == 'N' && sc->s < sc->end && *sc->s == '{') {
                /* \N{NAME}: its braces are not a field */
                while (sc->s < sc->end && *sc->s++ != '}') {
                }
                continue;
            }
        }
        if (c != '{' && c != '}') {
            continue;
        }
        if (level == 0) {
            if (sc->s < sc->end && *sc->s == c) {
                /* doubled: keep one, skip the other */
                int rc = add_literal(p, st, sc, start, sc->s);
                sc->s++;
                return rc < 0 ? -1 : 1;
            }
            if (c == '}') {
                return fail(p, "f-string: single '}' is not allowed", 0, 0);
            }
        }
        sc->s--;
        break;
    }
    return add_literal(p, st, sc, start, sc->s);
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\v';
}

/* Finds the end of the expression starting at sc->s: at bracket depth 0, a '!', ':', '}' or
 * '=' that is not part of '!=', '==', '<=', '>='. Strings inside are skipped; a backslash or a
 * '#' anywhere is an error. */
static int find_expr_end(PrParser *p, Scan *sc)
{
    char stack[MAX_NESTING];
    int depth = 0;
    char quote = 0;
    int triple = 0;
    for (; sc->s < sc->end; sc->s++) {
        char c = *sc->s;
        if (c == '\\') {
            return fail(p, "f-string expression part cannot include a backslash", 0, 0);
        }
        if (quote) {
            if (c == quote) {
                if (!triple) {
                    quote = 0;
                } else if (sc->s + 2 < sc->end && sc->s[1] == c && sc->s[2] == c) {
                    sc->s += 2;
                    quote = 0;
                }
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            triple = sc->s + 2 < sc->end && sc->s[1] == c && sc->s[2] == c;
            sc->s += triple ? 2 : 0;
            quote = c;
        } else if (c == '[' || c == '(' || c == '{') {
            if (depth >= MAX_NESTING) {
                return fail(p, "f-string: too many nested parenthesis", 0, 0);
            }
            stack[depth++] = c;
        } else if (c == '#') {
            return fail(p, "f-string expression part cannot include '#'", 0, 0);
        } else if (depth == 0 && strchr("!:}=<>", c)) {
            if (sc->s + 1 < sc->end) {
                char next = sc->s[1];
                if (next == '=' && c != ':' && c != '}') {
                    sc->s++; /* '!=', '==', '<=', '>=' */
                    continue;
                }
                if (c == '<' || c == '>') {
                    continue;
                }
            }
            break;
        } else if (c == ']' || c == ')' || c == '}') {
            if (depth == 0) {
                return fail(p, "f-string: unmatched '%c'", c, 0);
            }
            char open = stack[--depth];
            if (!((open == '(' && c == ')') || (open == '[' && c == ']') ||
                  (open == '{' && c == '}'))) {
                return fail(p,
                            "f-string: closing parenthesis '%c' does not match opening "
                            "parenthesis '%c'",
                            c, open);
            }
        }
    }
    if (quote) {
        return fail(p, "f-string: unterminated string", 0, 0);
    }
    if (depth) {
        return fail(p, "f-string: unmatched '%c'", stack[depth - 1], 0);
    }
    if (sc->s >= sc->end) {
        return fail(p, "f-string: expecting '}'", 0, 0);
    }
    return 0;
}

/* Where the character at `at` in the token's text sits in the source. */
static void place(const Scan *sc, const char *at, int *lineno, int *col)
{
    *lineno = sc->tok->lineno;
    *col = sc->tok->col + (int)(at - sc->tok_text);
    for (const char *q = sc->tok_text; q < at; q++) {
        if (*q == '\n') {
            (*lineno)++;
            *col = (int)(at - q - 1);
        }
    }
}

/* Parses [from, to) as the expression of a field opened by the '{' just before `from`. */
static PrAstExpr *compile_expr(PrParser *p, const Scan *sc, const char *from, const char *to)
{
    const char *q = from;
    while (q < to && is_space(*q)) {
        q++;
    }
    if (q == to) {
        if (*to == '!' || *to == ':' || *to == '=') {
            fail(p, "f-string: expression required before '%c'", *to, 0);
        } else {
            fail(p, "f-string: empty expression not allowed", 0, 0);
        }
        return NULL;
    }
    size_t n = (size_t)(to - from);
    char *text = pr_arena_alloc(p->arena, n + 3);
    if (!text) {
        return pr_parser_no_memory(p);
    }
    text[0] = '(';
    memcpy(text + 1, from, n);
    text[n + 1] = ')';
    text[n + 2] = '\0';
    int lineno, col;
    place(sc, from - 1, &lineno, &col);
    /* CPython 3.11 (fstring_find_expr_location) measures no column when only blanks follow the
     * '{' up to a newline: the shift is then the token's column, or 0 past its first line */
    const char *q2 = from;
    while (q2 < to && (*q2 == ' ' || *q2 == '\t' || *q2 == '\f')) {
        q2++;
    }
    if (q2 < to && *q2 == '\n') {
        col = lineno == sc->tok->lineno ? sc->tok->col : 0;
    }
    return pr_parser_parse_fstring_expr(p, text, n + 2, lineno - 1, col);
}

static PrAstExpr *parse_body(PrParser *p, PrStrState *outer, Scan *sc, int level);

/* One replacement field, sc->s at its '{'. Returns: the FormattedValue, or NULL. */
static PrAstExpr *parse_field(PrParser *p, PrStrState *st, Scan *sc, int level)
{
    if (level >= 2) {
        fail(p, "f-string: expressions nested too deeply", 0, 0);
        return NULL;
    }
    const char *expr_start = ++sc->s;
    if (find_expr_end(p, sc) < 0) {
        return NULL;
    }
    PrAstExpr *value = compile_expr(p, sc, expr_start, sc->s);
    if (!value) {
        return NULL;
    }
    int conversion = -1, debug = 0;
    if (*sc->s == '=') {
        sc->s++;
        while (sc->s < sc->end && is_space(*sc->s)) {
            sc->s++;
        }
        debug = 1;
        if (pr_str_append(p, st, expr_start, (size_t)(sc->s - expr_start)) < 0) {
            return NULL;
        }
    }
    if (sc->s < sc->end && *sc->s == '!') {
        if (++sc->s >= sc->end) {
            fail(p, "f-string: expecting '}'", 0, 0);
            return NULL;
        }
        conversion = (unsigned char)*sc->s++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            fail(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 0, 0);
            return NULL;
        }
    }
    PrAstExpr *spec = NULL;
    if (sc->s < sc->end && *sc->s == ':') {
        if (++sc->s >= sc->end) {
            fail(p, "f-string: expecting '}'", 0, 0);
            return NULL;
        }
        if (!(spec = parse_body(p, st, sc, level + 1))) {
            return NULL;
        }
    }
    if (sc->s >= sc->end || *sc->s != '}') {
        fail(p, "f-string: expecting '}'", 0, 0);
        return NULL;
    }
    sc->s++;
    if (debug && !spec && conversion == -1) {
        conversion = 'r';
    }
    const PrToken *a = pr_parser_tok(p, st->first), *b = pr_parser_tok(p, st->last);
    PrAstExpr *e = pr_ast_expr_new(p->arena, PR_EXPR_FORMATTED_VALUE, a->lineno, a->col,
                                   b->end_lineno, b->end_col);
    if (!e) {
        return pr_parser_no_memory(p);
    }
    e->v.FormattedValue.value = value;
    e->v.FormattedValue.conversion = conversion;
    e->v.FormattedValue.format_spec = spec;
    return e;
}

/* The literal parts and fields of a body (level 0) or of a format spec (level 1, which stops at
 * its closing '}'), appended to st. */
static int parse_pieces(PrParser *p, PrStrState *st, Scan *sc, int level)
{
    for (;;) {
        int rc = find_literal(p, st, sc, level);
        if (rc < 0) {
            return -1;
        }
        if (rc == 1) {
            continue;
        }
        if (sc->s >= sc->end || *sc->s == '}') {
            break;
        }
        PrAstExpr *field = parse_field(p, st, sc, level);
        if (!field || pr_str_flush(p, st) < 0 || pr_vec_push(p, &st->values, field) < 0) {
            return -1;
        }
    }
    if (level > 0 && (sc->s >= sc->end || *sc->s != '}')) {
        return fail(p, "f-string: expecting '}'", 0, 0);
    }
    return 0;
}

/* A format spec: a JoinedStr of its own, placed on the current token. Its Constants still take
 * the position of the whole run, as CPython's do. */
static PrAstExpr *parse_body(PrParser *p, PrStrState *outer, Scan *sc, int level)
{
    PrStrState st;
    memset(&st, 0, sizeof st);
    st.first = outer->first;
    st.last = outer->last;
    st.kind_u = outer->kind_u;
    st.fmode = 1;
    PrAstExpr *e = NULL;
    int ok = parse_pieces(p, &st, sc, level) == 0;
    /* CPython 3.11 places a spec's last literal on the current token, the others on the run */
    st.first = st.last = sc->tok_index;
    if (ok && pr_str_flush(p, &st) == 0) {
        e = pr_ast_expr_new(p->arena, PR_EXPR_JOINED_STR, sc->tok->lineno, sc->tok->col,
                            sc->tok->end_lineno, sc->tok->end_col);
        if (!e) {
            pr_parser_no_memory(p);
        } else if (pr_vec_finish(p, &st.values, &e->v.JoinedStr.values.len,
                                 &e->v.JoinedStr.values.items) < 0) {
            e = NULL;
        }
    }
    pr_raw_free(st.text);
    pr_vec_free(&st.values);
    return e;
}

int pr_fstring_parse(PrParser *p, PrStrState *st, size_t t_index, const char *body, size_t len,
                     int raw)
{
    const PrToken *t = pr_parser_tok(p, t_index);
    Scan sc = {body, body + len, t->start, t, t_index, raw};
    return parse_pieces(p, st, &sc, 0);
}
