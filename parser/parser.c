/* parser/parser.c — the parser's entry point and its plumbing: the lazily filled token buffer,
 * SyntaxError placement (CPython 3.11's rules, byte columns turned into character offsets), the
 * arena helpers the phases share, and the f-string sub-parser. The grammar itself is in
 * parse_stmt.c, parse_expr.c, parse_args.c, literal.c and fstring.c (see parser_impl.h). */
#include "parser/parser.h"

#include "memory/raw.h"
#include "objects/ucd.h"
#include "parser/parser_impl.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------- */
/* Tokens                                                                                       */

/* Moves an f-string sub-parser's token to its place in the real source. */
static void relocate(const PrParser *p, PrToken *t)
{
    if (!p->fstring) {
        return;
    }
    if (t->lineno == 1) {
        t->col += p->col_base;
    }
    if (t->end_lineno == 1) {
        t->end_col += p->col_base;
    }
    t->lineno += p->line_base;
    t->end_lineno += p->line_base;
}

/* Fetches one more token. Returns: 0, or -1 when the lexer failed (or fails again). */
static int fetch(PrParser *p)
{
    if (p->lex_failed) {
        return -1;
    }
    if (p->ntoks % PR_TOK_CHUNK == 0 && p->ntoks / PR_TOK_CHUNK == p->nchunks) {
        PrToken **grown = pr_raw_realloc(p->chunks, (p->nchunks + 1) * sizeof *grown);
        PrToken *chunk = grown ? pr_raw_malloc(PR_TOK_CHUNK * sizeof *chunk) : NULL;
        if (grown) {
            p->chunks = grown;
        }
        if (!chunk) {
            pr_parser_no_memory(p);
            p->lex_failed = 1;
            p->lex_err = *p->err;
            return -1;
        }
        p->chunks[p->nchunks++] = chunk;
    }
    PrToken *t = &p->chunks[p->ntoks / PR_TOK_CHUNK][p->ntoks % PR_TOK_CHUNK];
    if (pr_lexer_next(p->lx, t, &p->lex_err) < 0) {
        p->lex_failed = 1;
        /* CPython's second pass stops at a tokenizer error its lookahead runs into; only the
         * characters its tokenizer returns as operators ($ ? ! ...) just fail to match. */
        p->lex_fatal = p->speculating && strcmp(p->lex_err.msg, "invalid syntax") != 0;
        return -1;
    }
    relocate(p, t);
    p->ntoks++;
    return 0;
}

/* Where the lexer failed: a token of kind PR_TOK_ERROR after the last one fetched. */
static const PrToken *error_token(PrParser *p)
{
    static const PrToken errtok = {PR_TOK_ERROR, "", 0, 0, 0, 0, 0};
    return &errtok;
}

/* Makes the lexer's error the parser's (f-string sub-parsers move it to its line). */
static void lexer_error(PrParser *p)
{
    *p->err = p->lex_err;
    if (p->fstring && p->err->lineno > 0) {
        p->err->lineno += p->line_base;
        p->err->end_lineno += p->err->end_lineno > 0 ? p->line_base : 0;
    }
    p->failed = 1;
}

const PrToken *pr_parser_peek(PrParser *p, size_t k)
{
    if (!p->speculating && p->fill < p->pos + k + 1) {
        p->fill = p->pos + k + 1;
    }
    while (p->ntoks <= p->pos + k) {
        if (fetch(p) < 0) {
            return error_token(p);
        }
    }
    return pr_parser_tok(p, p->pos + k);
}

PrMark pr_parser_mark(PrParser *p)
{
    p->speculating++;
    return (PrMark){p->pos, p->level, p->nest};
}

int pr_parser_reset(PrParser *p, PrMark m)
{
    p->speculating--;
    p->pos = m.pos;
    p->level = m.level;
    p->nest = m.nest;
    if (p->lex_fatal && !p->speculating) {
        p->failed = 0;
        lexer_error(p);
    }
    return p->failed ? -1 : 0;
}

void pr_parser_forget(PrParser *p, PrMark m)
{
    if (p->failed && !p->err->no_memory && !p->err->overflow) {
        p->failed = 0;
        memset(p->err, 0, sizeof *p->err);
    }
    pr_parser_reset(p, m);
}

int pr_parser_check(PrParser *p, PrTokKind kind)
{
    return pr_parser_peek(p, 0)->kind == kind;
}

const PrToken *pr_parser_next(PrParser *p)
{
    const PrToken *t = pr_parser_peek(p, 0);
    if (t->kind != PR_TOK_ERROR) {
        p->pos++;
    }
    return t;
}

const PrToken *pr_parser_accept(PrParser *p, PrTokKind kind)
{
    return pr_parser_check(p, kind) ? pr_parser_next(p) : NULL;
}

const PrToken *pr_parser_prev(PrParser *p)
{
    return pr_parser_tok(p, p->pos - 1);
}

const PrToken *pr_parser_tok(PrParser *p, size_t i)
{
    return &p->chunks[i / PR_TOK_CHUNK][i % PR_TOK_CHUNK];
}

int pr_parser_check_name(PrParser *p, size_t k, const char *word)
{
    const PrToken *t = pr_parser_peek(p, k);
    size_t n = strlen(word);
    return t->kind == PR_TOK_NAME && t->len == n && memcmp(t->start, word, n) == 0;
}

int pr_parser_memo_begin(PrParser *p, PrMemoRule rule)
{
    uintptr_t key = (uintptr_t)p->pos * 2 + (uintptr_t)rule;
    int plain = 0;
    if (!p->no_invalid) {
        for (size_t i = 0; i < p->memo_plain.len && !plain; i++) {
            plain = (uintptr_t)p->memo_plain.items[i] == key;
        }
    } else if (p->memo_recording > 1 || (p->memo_recording == 1 && rule != PR_MEMO_EXPRESSION)) {
        pr_vec_push(p, &p->memo_plain, (void *)key);
    }
    p->memo_recording += p->memo_recording > 0;
    p->no_invalid += plain;
    return plain;
}

void pr_parser_memo_end(PrParser *p, int plain)
{
    p->no_invalid -= plain;
    p->memo_recording -= p->memo_recording > 1;
}

int pr_parser_enter(PrParser *p)
{
    if (++p->level > PR_PARSE_MAX_LEVEL) {
        if (!p->failed) {
            memset(p->err, 0, sizeof *p->err);
            p->err->kind = PR_SYNERR_SYNTAX;
            p->err->overflow = 1;
            p->err->filename = p->filename;
            snprintf(p->err->msg, sizeof p->err->msg, "%s",
                     "maximum recursion depth exceeded during compilation");
            p->failed = 1;
        }
        p->level--;
        return -1;
    }
    return 0;
}

void pr_parser_leave(PrParser *p)
{
    p->level--;
}

/* ------------------------------------------------------------------------------------------- */
/* Errors                                                                                       */

/* The line `lineno` of src: *start and *len (without its newline). */
static int find_line(const char *src, size_t srclen, int lineno, const char **start, size_t *len)
{
    size_t i = 0;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(src + i, '\n', srclen - i);
        if (!nl) {
            return -1;
        }
        i = (size_t)(nl - src) + 1;
    }
    const char *nl = i < srclen ? memchr(src + i, '\n', srclen - i) : NULL;
    *start = src + i;
    *len = nl ? (size_t)(nl - (src + i)) : srclen - i;
    if (*len && (*start)[*len - 1] == '\r') {
        (*len)--;
    }
    return 0;
}

/* CPython's _PyPegen_byte_offset_to_character_offset: the characters in the first n bytes of
 * the line as CPython holds it — with its newline when it is the line its tokenizer stands on,
 * without when it had to look it up in the source — and a NUL after it; n is clipped to that
 * length + 1, the NUL counting as one character. n <= 0 is returned as is. */
static int char_offset(const char *line, size_t len, long n, int with_newline)
{
    if (n <= 0) {
        return (int)n;
    }
    size_t full = len + (with_newline ? 1 : 0);
    if ((size_t)n > full + 1) {
        n = (long)full + 1;
    }
    int chars = 0;
    for (size_t i = 0; i < (size_t)n && i < len; i++) {
        if (((unsigned char)line[i] & 0xC0) != 0x80) {
            chars++;
        }
    }
    if ((size_t)n > len) {
        chars += (int)((size_t)n - len); /* the newline, and the NUL */
    }
    return chars;
}

/* Where CPython's tokenizer stands at the end of the text, which is where it places its
 * ENDMARKER and final DEDENTs (they have no column of their own): the last line, and its length
 * in bytes counting the newline that compile() appends to 'exec' input (and f-string
 * expressions) but not to 'eval' and 'single' input. */
static void end_cursor(const PrParser *p, int *lineno, long *col)
{
    int lines = 0;
    size_t last_start = 0;
    for (size_t i = 0; i < p->len; i++) {
        if (p->src[i] == '\n') {
            lines++;
            if (i + 1 < p->len) {
                last_start = i + 1;
            }
        }
    }
    int ends_nl = p->len > 0 && p->src[p->len - 1] == '\n';
    if (!ends_nl) {
        lines++;
        last_start = lines > 1 ? last_start : 0;
    }
    size_t content = p->len - last_start - (ends_nl ? 1 : 0);
    int appended = ends_nl || p->mode == PR_PARSE_FILE || p->fstring;
    *lineno = (p->len > 0 ? lines : 0) + (p->fstring ? p->line_base : 0);
    *col = (long)content + (appended ? 1 : 0);
}

/* Records an error at CPython's 1-based byte columns col1 / end_col1 (0 and -1 pass through),
 * converted to character offsets against the text of line `lineno`, as CPython does even when
 * the error ends on another line. */
static void *raise_raw(PrParser *p, PrSyntaxErrorKind kind, int lineno, long col1, int end_lineno,
                       long end_col1, const char *fmt, va_list ap)
{
    if (p->failed) {
        return NULL;
    }
    PrSyntaxError *e = p->err;
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->filename = p->filename;
    int n = 0;
    if (p->fstring) {
        n = snprintf(e->msg, sizeof e->msg, "f-string: ");
    }
    vsnprintf(e->msg + n, sizeof e->msg - (size_t)n, fmt, ap);
    const char *text = NULL;
    size_t text_len = 0;
    int rel_line = p->fstring ? lineno - p->line_base : lineno;
    if (p->fstring) {
        col1 -= col1 > 0 ? p->col_base : 0;
        end_col1 -= end_col1 > 0 ? p->col_base : 0;
    }
    if (lineno > 0 && find_line(p->src, p->len, rel_line, &text, &text_len) == 0) {
        e->text = text;
        e->text_len = text_len;
        /* CPython's tokenizer stands on the end line of the last token it read */
        int cur = p->ntoks ? pr_parser_tok(p, p->ntoks - 1)->end_lineno : lineno;
        int nl = lineno >= cur || p->fstring;
        col1 = char_offset(text, text_len, col1, nl);
        end_col1 = end_col1 > 0 ? char_offset(text, text_len, end_col1, nl) : end_col1;
    }
    e->lineno = lineno;
    e->offset = (int)col1;
    e->end_lineno = end_lineno;
    e->end_offset = (int)end_col1;
    p->failed = 1;
    return NULL;
}

static void *raise_at(PrParser *p, PrSyntaxErrorKind kind, int lineno, long col1, int end_lineno,
                      long end_col1, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_raw(p, kind, lineno, col1, end_lineno, end_col1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *pr_parser_error_at(PrParser *p, PrSyntaxErrorKind kind, int lineno, int col, int end_lineno,
                         int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_raw(p, kind, lineno, (long)col + 1, end_lineno, (long)end_col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *pr_parser_error_node(PrParser *p, const PrAstExpr *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_raw(p, PR_SYNERR_SYNTAX, e->lineno, (long)e->col_offset + 1, e->end_lineno,
              (long)e->end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *pr_parser_error_range(PrParser *p, const PrAstExpr *a, const PrAstExpr *b, const char *fmt,
                            ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_raw(p, PR_SYNERR_SYNTAX, a->lineno, (long)a->col_offset + 1, b->end_lineno,
              (long)b->end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

/* Tokens CPython gives no column: INDENT, DEDENT, ENDMARKER, and in 'eval' and 'single' mode
 * the NEWLINE at the end of a text that does not end with one (CPython has no such token, it
 * stands at the end of the input). */
static int spanless(PrParser *p, const PrToken *t)
{
    if (t->kind == PR_TOK_NEWLINE) {
        return p->mode != PR_PARSE_FILE && !p->fstring && t->start + t->len == p->src + p->len &&
               !(p->len > 0 && p->src[p->len - 1] == '\n');
    }
    return t->kind == PR_TOK_INDENT || t->kind == PR_TOK_DEDENT || t->kind == PR_TOK_ENDMARKER;
}

/* Whether a spanless token stands at the end of the text (else: after its line's indentation). */
int pr_parser_at_end(PrParser *p, const PrToken *t)
{
    if (t->kind == PR_TOK_ENDMARKER) {
        return 1;
    }
    if (t->kind == PR_TOK_NEWLINE) {
        return t->start + t->len == p->src + p->len;
    }
    if (t->kind != PR_TOK_DEDENT) {
        return 0;
    }
    /* The lexer places end-of-input DEDENTs at the start of the last line, behind the token
     * before them; a DEDENT within the text stands after it, at its line's first token. */
    for (size_t c = 0; c < p->nchunks; c++) {
        const PrToken *base = p->chunks[c];
        if (t >= base && t < base + PR_TOK_CHUNK) {
            size_t i = c * PR_TOK_CHUNK + (size_t)(t - base);
            return i > 0 && t->start <= pr_parser_tok(p, i - 1)->start;
        }
    }
    return 0;
}

static int at_end(PrParser *p, const PrToken *t)
{
    return pr_parser_at_end(p, t);
}

void *pr_parser_error_token(PrParser *p, const PrToken *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (spanless(p, t)) {
        /* CPython's column -1 becomes offset 0, end offset 0 */
        int lineno = t->lineno;
        long col;
        if (at_end(p, t)) {
            end_cursor(p, &lineno, &col);
        }
        raise_raw(p, PR_SYNERR_SYNTAX, lineno, 0, lineno, 0, fmt, ap);
    } else {
        raise_raw(p, PR_SYNERR_SYNTAX, t->lineno, (long)t->col + 1, t->end_lineno,
                  (long)t->end_col + 1, fmt, ap);
    }
    va_end(ap);
    return NULL;
}

/* The last token fetched, as CPython's RAISE_SYNTAX_ERROR places errors; a spanless token is
 * placed where CPython's tokenizer cursor stands (used as the offset as it is, not + 1): after
 * the indentation of its line, or at the end of the text; end offset -1. */
static void *raise_last(PrParser *p, PrSyntaxErrorKind kind, const char *fmt, va_list ap)
{
    if (p->ntoks == 0) {
        return raise_raw(p, kind, 0, 0, 0, -1, fmt, ap);
    }
    const PrToken *t = pr_parser_tok(p, p->ntoks - 1);
    if (!spanless(p, t)) {
        return raise_raw(p, kind, t->lineno, (long)t->col + 1, t->end_lineno, (long)t->end_col + 1,
                         fmt, ap);
    }
    if (at_end(p, t)) {
        int lineno;
        long col;
        end_cursor(p, &lineno, &col);
        return raise_raw(p, kind, lineno, col, lineno, -1, fmt, ap);
    }
    return raise_raw(p, kind, t->lineno, t->col, t->lineno, -1, fmt, ap);
}

void *pr_parser_error_last(PrParser *p, PrSyntaxErrorKind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_last(p, kind, fmt, ap);
    va_end(ap);
    return NULL;
}

/* Whether the parser stopped where the lexer failed. */
static int stopped_at_lexer_error(const PrParser *p)
{
    return p->lex_failed && p->fill > p->ntoks;
}

/* The last token the parser looked at outside speculation: where generic errors go. */
static const PrToken *reach(const PrParser *p)
{
    size_t n = p->fill < p->ntoks ? p->fill : p->ntoks;
    return n ? pr_parser_tok((PrParser *)p, n - 1) : NULL;
}

void *pr_parser_fail(PrParser *p)
{
    if (p->failed) {
        return NULL;
    }
    if (stopped_at_lexer_error(p) || p->lex_fatal) {
        lexer_error(p);
        return NULL;
    }
    const PrToken *last = reach(p);
    if (last && last->kind == PR_TOK_INDENT) {
        return pr_parser_error_last(p, PR_SYNERR_INDENTATION, "unexpected indent");
    }
    if (last && last->kind == PR_TOK_DEDENT) {
        return pr_parser_error_last(p, PR_SYNERR_INDENTATION, "unexpected unindent");
    }
    if (!last) {
        return raise_at(p, PR_SYNERR_SYNTAX, 0, 0, 0, -1, "invalid syntax");
    }
    return pr_parser_error_token(p, last, "invalid syntax");
}

void pr_parser_decode_error(PrParser *p, const PrSyntaxError *e, const PrToken *literal)
{
    if (strcmp(e->msg, "bytes can only contain ASCII literal characters") == 0) {
        pr_parser_error_token(p, literal, "%s", e->msg);
    } else {
        pr_parser_error_last(p, PR_SYNERR_SYNTAX, "%s", e->msg);
    }
}

void *pr_parser_no_memory(PrParser *p)
{
    if (!p->failed) {
        memset(p->err, 0, sizeof *p->err);
        p->err->no_memory = 1;
        p->err->filename = p->filename;
        snprintf(p->err->msg, sizeof p->err->msg, "out of memory");
        p->failed = 1;
    }
    return NULL;
}

/* ------------------------------------------------------------------------------------------- */
/* Arena helpers                                                                                */

int pr_vec_push(PrParser *p, PrVec *v, void *item)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 8;
        void **grown = pr_raw_realloc(v->items, cap * sizeof *grown);
        if (!grown) {
            pr_parser_no_memory(p);
            return -1;
        }
        v->items = grown;
        v->cap = cap;
    }
    v->items[v->len++] = item;
    return 0;
}

void pr_vec_free(PrVec *v)
{
    pr_raw_free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}

/* items_out points at a sequence's `items` member, whatever its element type: every sequence
 * of the AST holds pointers, so copying pointers is right for all of them. */
int pr_vec_finish(PrParser *p, PrVec *v, size_t *len, void *items_out)
{
    void **copy = NULL;
    if (v->len) {
        copy = pr_arena_alloc(p->arena, v->len * sizeof *copy);
        if (!copy) {
            pr_vec_free(v);
            pr_parser_no_memory(p);
            return -1;
        }
        memcpy(copy, v->items, v->len * sizeof *copy);
    }
    *len = v->len;
    memcpy(items_out, &copy, sizeof copy);
    pr_vec_free(v);
    return 0;
}

/* The last token consumed that is not NEWLINE, INDENT or DEDENT: where a node ends
 * (CPython's _PyPegen_get_last_nonnwhitespace_token). */
static const PrToken *last_real(const PrParser *p, size_t start)
{
    size_t i = p->pos;
    while (i > start + 1) {
        PrTokKind k = pr_parser_tok((PrParser *)p, i - 1)->kind;
        if (k != PR_TOK_NEWLINE && k != PR_TOK_INDENT && k != PR_TOK_DEDENT &&
            k != PR_TOK_ENDMARKER) {
            break;
        }
        i--;
    }
    return pr_parser_tok((PrParser *)p, i - 1);
}

PrAstExpr *pr_parser_expr(PrParser *p, PrAstExprKind kind, size_t start)
{
    const PrToken *a = pr_parser_tok(p, start);
    const PrToken *b = last_real(p, start);
    PrAstExpr *e = pr_ast_expr_new(p->arena, kind, a->lineno, a->col, b->end_lineno, b->end_col);
    if (!e) {
        pr_parser_no_memory(p);
    }
    return e;
}

PrAstStmt *pr_parser_stmt(PrParser *p, PrAstStmtKind kind, size_t start)
{
    const PrToken *a = pr_parser_tok(p, start);
    const PrToken *b = last_real(p, start);
    PrAstStmt *s = pr_ast_stmt_new(p->arena, kind, a->lineno, a->col, b->end_lineno, b->end_col);
    if (!s) {
        pr_parser_no_memory(p);
    }
    return s;
}

/* CPython normalizes a non-ASCII identifier with NFKC (PEP 3131): each character's own NFKC
 * form, then canonical composition of neighbours (enough for identifiers; the full algorithm's
 * reordering of several combining marks is left out). Returns: the arena copy, or NULL. */
static char *nfkc_identifier(PrParser *p, const char *s, size_t len)
{
    /* NFKC at most quadruples the characters; each takes at most 4 bytes */
    uint32_t *cps = pr_raw_malloc((len * 4 + 1) * sizeof *cps);
    char *out = pr_arena_alloc(p->arena, len * 16 + 1);
    if (!cps || !out) {
        pr_raw_free(cps);
        return pr_parser_no_memory(p);
    }
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp, mapped[4];
        i += pr_ucd_utf8_decode(s + i, len - i, &cp);
        int k = pr_ucd_nfkc_char(cp, mapped);
        for (int j = 0; j < k; j++) {
            uint32_t both = n ? pr_ucd_compose(cps[n - 1], mapped[j]) : 0;
            if (both) {
                cps[n - 1] = both;
            } else {
                cps[n++] = mapped[j];
            }
        }
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        m += pr_ucd_utf8_encode(cps[i], out + m);
    }
    out[m] = '\0';
    pr_raw_free(cps);
    return out;
}

char *pr_parser_ident_text(PrParser *p, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return nfkc_identifier(p, s, len);
        }
    }
    char *copy = pr_arena_strndup(p->arena, s, len);
    if (!copy) {
        pr_parser_no_memory(p);
    }
    return copy;
}

char *pr_parser_ident(PrParser *p, const PrToken *t)
{
    return pr_parser_ident_text(p, t->start, t->len);
}

/* ------------------------------------------------------------------------------------------- */
/* Entry                                                                                        */

static int init(PrParser *p, const char *src, size_t len, const char *filename, PrParseMode mode,
                PrArena *arena, PrSyntaxError *err)
{
    memset(p, 0, sizeof *p);
    p->arena = arena;
    p->src = src;
    p->len = len;
    p->filename = filename;
    p->mode = mode;
    p->err = err;
    p->lx = pr_lexer_new(src, len, filename);
    if (!p->lx) {
        pr_parser_no_memory(p);
        return -1;
    }
    return 0;
}

static void fini(PrParser *p)
{
    pr_vec_free(&p->memo_plain);
    pr_lexer_free(p->lx);
    for (size_t i = 0; i < p->nchunks; i++) {
        pr_raw_free(p->chunks[i]);
    }
    pr_raw_free(p->chunks);
}

/* Messages of the lexer's errors that mean "the text ended too soon". */
static int lexer_error_at_eof(const PrSyntaxError *e)
{
    static const char *const endings[] = {"was never closed", "unexpected EOF while parsing"};
    static const char *const starts[] = {"unterminated triple-quoted string literal"};
    size_t n = strlen(e->msg);
    for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
        size_t m = strlen(endings[i]);
        if (n >= m && strcmp(e->msg + n - m, endings[i]) == 0) {
            return 1;
        }
    }
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
        if (strncmp(e->msg, starts[i], strlen(starts[i])) == 0) {
            return 1;
        }
    }
    return 0;
}

/* After a parser error CPython tokenizes the rest of the text, and some tokenizer errors found
 * there replace the parser's (pr_lexer_check_rest knows which) — not after "unexpected
 * indent", and not when the error already is the lexer's. */
static int parser_class(const PrSyntaxError *e)
{
    /* the lexer's "invalid syntax" for $ ? ! `: CPython's tokenizer returns those as operators */
    return strcmp(e->msg, "invalid syntax") == 0;
}

static void check_rest(PrParser *p)
{
    if (p->err->no_memory || p->err->overflow || p->lex_fatal || p->after_success ||
        (stopped_at_lexer_error(p) && !parser_class(&p->lex_err))) {
        return;
    }
    if (p->err->kind == PR_SYNERR_INDENTATION &&
        (strcmp(p->err->msg, "unexpected indent") == 0 ||
         strcmp(p->err->msg, "unexpected unindent") == 0)) {
        return;
    }
    int line = p->ntoks ? pr_parser_tok(p, p->ntoks - 1)->lineno : 0;
    if (p->lex_failed && parser_class(&p->lex_err)) {
        line = p->lex_err.lineno; /* CPython read that character as an operator token */
    }
    if (p->fstring) {
        line -= p->line_base;
    }
    PrSyntaxError e = *p->err;
    if (pr_lexer_check_rest(p->lx, &e, line)) {
        p->lex_err = e;
        lexer_error(p);
    }
}

static PrAstMod *parse_mod(PrParser *p)
{
    PrAstMod *mod = NULL;
    switch (p->mode) {
    case PR_PARSE_FILE:
        mod = pr_ast_mod_new(p->arena, PR_MOD_MODULE);
        if (mod && pr_parse_file_body(p, &mod->v.Module.body) < 0) {
            return NULL;
        }
        break;
    case PR_PARSE_SINGLE:
        mod = pr_ast_mod_new(p->arena, PR_MOD_INTERACTIVE);
        if (mod && pr_parse_interactive(p, &mod->v.Interactive.body) < 0) {
            return NULL;
        }
        break;
    case PR_PARSE_EVAL:
        mod = pr_ast_mod_new(p->arena, PR_MOD_EXPRESSION);
        if (!mod) {
            break;
        }
        mod->v.Expression.body = pr_parse_expressions(p);
        while (mod->v.Expression.body && pr_parser_accept(p, PR_TOK_NEWLINE)) {
        }
        if (!mod->v.Expression.body || !pr_parser_accept(p, PR_TOK_ENDMARKER)) {
            return pr_parser_fail(p);
        }
        break;
    }
    if (!mod) {
        return pr_parser_no_memory(p);
    }
    return mod;
}

PrAstMod *pr_parse(const char *src, size_t len, const char *filename, PrParseMode mode,
                   PrArena *arena, PrSyntaxError *err)
{
    memset(err, 0, sizeof *err);
    PrParser p;
    PrAstMod *mod = NULL;
    if (init(&p, src, len, filename, mode, arena, err) == 0) {
        mod = parse_mod(&p);
        if (!mod) {
            if (stopped_at_lexer_error(&p) || p.lex_fatal) {
                p.failed = 0; /* CPython's first pass met the tokenizer error: it wins */
            }
            pr_parser_fail(&p);
            const PrToken *last = reach(&p);
            int at_end = stopped_at_lexer_error(&p) ? lexer_error_at_eof(&p.lex_err)
                                                    : last && last->kind == PR_TOK_ENDMARKER;
            check_rest(&p);
            err->incomplete = at_end && !err->no_memory && !err->overflow;
        }
    }
    fini(&p);
    if (mod) {
        long depth = pr_ast_depth(mod);
        if (depth < 0) {
            mod = NULL;
            memset(err, 0, sizeof *err);
            err->no_memory = 1;
            snprintf(err->msg, sizeof err->msg, "out of memory");
        } else if (depth > PR_AST_MAX_DEPTH) {
            mod = NULL;
            memset(err, 0, sizeof *err);
            err->overflow = 1;
            err->filename = filename;
            snprintf(err->msg, sizeof err->msg,
                     "maximum recursion depth exceeded during compilation");
        }
    }
    return mod;
}

/* ------------------------------------------------------------------------------------------- */
/* The f-string sub-parser                                                                      */

PrAstExpr *pr_parser_parse_fstring_expr(PrParser *outer, const char *text, size_t len,
                                        int line_base, int col_base)
{
    PrParser p;
    PrSyntaxError err;
    PrAstExpr *e = NULL;
    if (init(&p, text, len, outer->filename, PR_PARSE_EVAL, outer->arena, &err) == 0) {
        p.fstring = 1;
        p.line_base = line_base;
        p.col_base = col_base;
        p.outer = outer;
        p.level = outer->level;
        e = pr_parse_star_expressions(&p);
        if (e && !pr_parser_check(&p, PR_TOK_NEWLINE) && !pr_parser_check(&p, PR_TOK_ENDMARKER)) {
            e = NULL;
        }
        if (!e) {
            pr_parser_fail(&p);
            check_rest(&p);
        }
    }
    fini(&p);
    if (!e && !outer->failed) {
        *outer->err = err;
        outer->failed = 1;
    }
    return e;
}
