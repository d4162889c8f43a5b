/* lexer/lexer.c — source bytes to tokens, following CPython 3.11's C tokenizer
 * (Parser/tokenizer.c) step for step so that token boundaries, INDENT/DEDENT and every error
 * message, line and column agree with it. Reading the source (lines, newlines, encoding) lives
 * in lexer/reader.c, number and string literals in lexer/literals.c, decoding string bodies
 * in lexer/strlit.c, printing errors in lexer/syntax_error.c.
 *
 * Where a column is reported CPython-style, the rule is written next to the code: most
 * tokenizer errors point just past the last character read ("offset = characters from the
 * line start to the cursor"), a few are computed by CPython's parser from other state. */
#include "lexer/lexer.h"
#include "lexer/lexer_impl.h"
#include "memory/raw.h"
#include "objects/ucd.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- names and keywords */

static const char *const token_names[] = {
#define TOKEN(name, text) #name,
#define OPERATOR(name, text) "'" text "'",
#define KEYWORD(name, text) "'" text "'",
#include "lexer/tokens.def"
#undef TOKEN
#undef OPERATOR
#undef KEYWORD
};
_Static_assert(sizeof token_names / sizeof token_names[0] == PR_TOK__COUNT,
               "token_names must list every token kind");

typedef struct {
    const char *text;
    unsigned char len; /* strlen(text), known at compile time */
    PrTokKind kind;
} Spelling;

static const Spelling keywords[] = {
#define TOKEN(name, text)
#define OPERATOR(name, text)
#define KEYWORD(name, text) {text, sizeof(text) - 1, PR_TOK_##name},
#include "lexer/tokens.def"
#undef TOKEN
#undef OPERATOR
#undef KEYWORD
};

static const Spelling operators[] = {
#define TOKEN(name, text)
#define OPERATOR(name, text) {text, sizeof(text) - 1, PR_TOK_##name},
#define KEYWORD(name, text)
#include "lexer/tokens.def"
#undef TOKEN
#undef OPERATOR
#undef KEYWORD
};

const char *pr_token_name(PrTokKind kind)
{
    if ((unsigned)kind >= PR_TOK__COUNT) {
        return "<invalid token>";
    }
    return token_names[kind];
}

/* The kind of the spelling s[0..n) in table, or `none`. Every name and operator token comes
 * through here, so the length and first byte are compared before any memcmp. */
static PrTokKind spelling_kind(const Spelling *table, size_t count, const char *s, size_t n,
                               PrTokKind none)
{
    for (size_t i = 0; i < count; i++) {
        if (table[i].len == n && table[i].text[0] == s[0] && memcmp(table[i].text, s, n) == 0) {
            return table[i].kind;
        }
    }
    return none;
}

static PrTokKind keyword_kind(const char *s, size_t n)
{
    return spelling_kind(keywords, sizeof keywords / sizeof keywords[0], s, n, PR_TOK_NAME);
}

/* The operator spelled s[0..n), or PR_TOK__COUNT if none is. */
static PrTokKind operator_kind(const char *s, size_t n)
{
    return spelling_kind(operators, sizeof operators / sizeof operators[0], s, n, PR_TOK__COUNT);
}

/* ---------------------------------------------------------------- errors */

/* Fills lx->err with a message and CPython's position, and makes the lexer fail from now on.
 * offset and end_offset are already 1-based character columns (or 0/-1, as CPython has). */
int pr_lex_error(PrLexer *lx, PrLexErrClass cls, PrSyntaxErrorKind kind, int lineno,
                 size_t line_start, int offset, int end_offset, const char *fmt, ...)
{
    PrSyntaxError *e = &lx->err;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
    e->kind = kind;
    e->filename = lx->filename;
    e->lineno = lineno;
    e->offset = offset;
    e->end_lineno = lineno;
    e->end_offset = end_offset;
    e->text = lx->src + line_start;
    e->text_len = pr_reader_line_end(lx, line_start) - line_start;
    lx->err_class = cls;
    lx->failed = 1;
    return -1;
}

/* Characters between two byte positions of the current line, as CPython counts columns. */
int pr_lex_chars(const PrLexer *lx, size_t from, size_t to)
{
    if (to > lx->len) {
        /* the virtual newline at the end of the source is one more character */
        return (int)pr_ucd_utf8_count_starts(lx->src + from, lx->len - from) + 1;
    }
    return (int)pr_ucd_utf8_count_starts(lx->src + from, to - from);
}

/* CPython's syntaxerror(): offset and end_offset both point at the last character read. */
int pr_lex_syntax_error(PrLexer *lx, const char *msg)
{
    int col = pr_lex_chars(lx, lx->line_start, lx->pos);
    return pr_lex_error(lx, PR_LEXERR_RAISED, PR_SYNERR_SYNTAX, lx->lineno, lx->line_start, col,
                        col, "%s", msg);
}

/* An operator CPython's tokenizer lets through and its parser rejects: "invalid syntax" on the
 * token itself ($, ?, `, a lone !, and <> which only exists for the Barry-as-FLUFL joke). */
static int invalid_syntax(PrLexer *lx, size_t start)
{
    int col = pr_lex_chars(lx, lx->line_start, start) + 1;
    int end = pr_lex_chars(lx, lx->line_start, lx->pos) + 1;
    return pr_lex_error(lx, PR_LEXERR_PARSER, PR_SYNERR_SYNTAX, lx->lineno, lx->line_start, col,
                        end, "%s", "invalid syntax");
}

/* ---------------------------------------------------------------- tokens */

int pr_lex_make(PrLexer *lx, PrToken *tok, PrTokKind kind, size_t start, size_t end)
{
    tok->kind = kind;
    tok->start = lx->src + (start > lx->len ? lx->len : start);
    tok->len = (end > lx->len ? lx->len : end) - (start > lx->len ? lx->len : start);
    tok->lineno = lx->tok_lineno;
    tok->col = (int)(start - lx->tok_line_start);
    tok->end_lineno = lx->lineno;
    tok->end_col = (int)((end > lx->len ? lx->len : end) - lx->line_start);
    return 0;
}

/* INDENT, DEDENT and ENDMARKER have no text and, in CPython, no column; they are placed where
 * the line's first token starts (at end of input: at the start of the last line, which is what
 * CPython shows as the text of an error there). */
static int make_layout(PrLexer *lx, PrToken *tok, PrTokKind kind)
{
    size_t at = lx->at_eof ? lx->line_start : lx->pos;
    tok->kind = kind;
    tok->start = lx->src + at;
    tok->len = 0;
    tok->lineno = tok->end_lineno = lx->lineno > 0 ? lx->lineno : 1;
    tok->col = tok->end_col = lx->at_eof ? 0 : (int)(at - lx->line_start);
    return 0;
}

static void start_token(PrLexer *lx, size_t start)
{
    lx->tok_start = start;
    lx->tok_lineno = lx->lineno;
    lx->tok_line_start = lx->line_start;
    lx->in_token = 1;
}

/* ---------------------------------------------------------------- indentation */

/* CPython's tok_continuation_line(): after a backslash, only a newline may follow, and more
 * input must follow that. in_indent: the backslash began the line, where CPython's buffer was
 * just reset, which makes its "unexpected EOF" column 0. */
static int continuation_line(PrLexer *lx, int in_indent)
{
    int c = pr_reader_next(lx);
    if (c != '\n') {
        /* CPython: col_offset = cur - buf - 1, where buf is the first line of the current
         * stretch of joined lines; then + 1. So the offset can exceed the line's length. */
        int col = pr_lex_chars(lx, lx->buf_start, lx->pos);
        return pr_lex_error(lx, PR_LEXERR_STATE, PR_SYNERR_SYNTAX, lx->lineno, lx->line_start, col,
                            0, "%s", "unexpected character after line continuation character");
    }
    c = pr_reader_next(lx);
    if (c == PR_EOF) {
        if (lx->level > 0) {
            return -2; /* reported as the unclosed bracket by the caller */
        }
        /* CPython: its cursor is at the end of the input, past the last line's newline */
        size_t end = pr_reader_line_end(lx, lx->line_start);
        int col = in_indent ? 0 : pr_lex_chars(lx, lx->line_start, end) + 1;
        return pr_lex_error(lx, PR_LEXERR_STATE, PR_SYNERR_SYNTAX, lx->lineno, lx->line_start, col,
                            -1, "%s", "unexpected EOF while parsing");
    }
    pr_reader_backup(lx);
    return 0;
}

static int never_closed(PrLexer *lx)
{
    int i = lx->level - 1;
    size_t ls = lx->paren_line_start[i];
    int col = (int)pr_ucd_utf8_count_starts(lx->src + ls, lx->paren_col[i]) + 1;
    return pr_lex_error(lx, PR_LEXERR_STATE, PR_SYNERR_SYNTAX, lx->paren_lineno[i], ls, col, 0,
                        "'%c' was never closed", lx->paren[i]);
}

static int indent_error(PrLexer *lx, PrSyntaxErrorKind kind, int offset, int end_offset,
                        const char *msg)
{
    return pr_lex_error(lx, PR_LEXERR_STATE, kind, lx->lineno, lx->line_start, offset, end_offset,
                        "%s", msg);
}

/* Measures the indentation of a new line twice, with tabs to multiples of 8 and of 1: if the
 * two measures ever order two lines differently, the meaning depends on the tab size (TabError).
 * Returns 1 for a blank or comment-only line, 0 otherwise, -1 on error. */
static int read_indentation(PrLexer *lx, int *colp, int *altcolp)
{
    int col = 0, altcol = 0, cont_col = 0, c;
    for (;;) {
        c = pr_reader_next(lx);
        if (c == ' ') {
            col++, altcol++;
        } else if (c == '\t') {
            col = (col / PR_LEX_TABSIZE + 1) * PR_LEX_TABSIZE;
            altcol++;
        } else if (c == '\f') {
            col = altcol = 0;
        } else if (c == '\\') {
            /* A backslash does not split indentation: the first one fixes the level. */
            cont_col = cont_col ? cont_col : col;
            int r = continuation_line(lx, 1);
            if (r != 0) {
                return r == -2 ? never_closed(lx) : -1;
            }
        } else {
            break;
        }
    }
    pr_reader_backup(lx);
    if (c == PR_EOF) {
        lx->at_eof = 1;
    }
    *colp = cont_col ? cont_col : col;
    *altcolp = cont_col ? cont_col : altcol;
    return c == '#' || c == '\n';
}

static int dedent_to(PrLexer *lx, int col, int altcol)
{
    while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
        lx->pendin--;
        lx->indent--;
    }
    if (col != lx->indstack[lx->indent]) {
        /* CPython leaves the cursor at the end of the line: offset = its length + newline. */
        int len = pr_lex_chars(lx, lx->line_start, pr_reader_line_end(lx, lx->line_start)) + 1;
        return indent_error(lx, PR_SYNERR_INDENTATION, len, -1,
                            "unindent does not match any outer indentation level");
    }
    if (altcol != lx->altindstack[lx->indent]) {
        return indent_error(lx, PR_SYNERR_TAB, 1, 0,
                            "inconsistent use of tabs and spaces in indentation");
    }
    return 0;
}

static int apply_indentation(PrLexer *lx, int col, int altcol)
{
    int top = lx->indstack[lx->indent];
    if (col == top) {
        if (altcol != lx->altindstack[lx->indent]) {
            return indent_error(lx, PR_SYNERR_TAB, 1, 0,
                                "inconsistent use of tabs and spaces in indentation");
        }
        return 0;
    }
    if (col < top) {
        return dedent_to(lx, col, altcol);
    }
    if (lx->indent + 1 >= PR_LEX_MAXINDENT) {
        return indent_error(lx, PR_SYNERR_INDENTATION, 1, 0, "too many levels of indentation");
    }
    if (altcol <= lx->altindstack[lx->indent]) {
        return indent_error(lx, PR_SYNERR_TAB, 1, 0,
                            "inconsistent use of tabs and spaces in indentation");
    }
    lx->pendin++;
    lx->indent++;
    lx->indstack[lx->indent] = col;
    lx->altindstack[lx->indent] = altcol;
    return 0;
}

/* ---------------------------------------------------------------- names */

static int is_ident_start_byte(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int is_ident_byte(int c)
{
    return is_ident_start_byte(c) || (c >= '0' && c <= '9');
}

/* PEP 3131: a name with non-ASCII characters must be XID_Start XID_Continue*. On failure CPython
 * points just past the first offending character. */
static int verify_identifier(PrLexer *lx)
{
    const unsigned char *s = (const unsigned char *)lx->src;
    size_t i = lx->tok_start;
    int first = 1;
    while (i < lx->pos) {
        unsigned cp;
        int n = pr_ucd_utf8_decode_strict(s + i, lx->pos - i, &cp);
        if (n <= 0) {
            n = 1, cp = 0xFFFD; /* cannot happen: lines are validated when read */
        }
        int ok = first ? pr_ucd_is_xid_start(cp) : pr_ucd_is_xid_continue(cp);
        if (!ok) {
            lx->pos = i + (size_t)n;
            char buf[64];
            if (pr_ucd_isprintable(cp)) {
                char ch[5] = {0};
                pr_ucd_utf8_encode(cp, ch);
                snprintf(buf, sizeof buf, "invalid character '%s' (U+%04X)", ch, cp);
            } else {
                snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", cp);
            }
            return pr_lex_syntax_error(lx, buf);
        }
        first = 0;
        i += (size_t)n;
    }
    return 0;
}

/* A name, a keyword, or the prefix of a string literal (returns 1 then, c = the quote). */
static int scan_name(PrLexer *lx, PrToken *tok, int c)
{
    int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0, nonascii = 0;
    for (;;) {
        if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
            saw_b = 1;
        } else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U')) {
            saw_u = 1;
        } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
            saw_r = 1;
        } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
            saw_f = 1;
        } else {
            break;
        }
        c = pr_reader_next(lx);
        if (c == '"' || c == '\'') {
            return pr_lex_string(lx, tok, c);
        }
    }
    while (c != PR_EOF && is_ident_byte(c)) {
        nonascii |= c >= 128;
        c = pr_reader_next(lx);
    }
    pr_reader_backup(lx);
    if (nonascii && verify_identifier(lx) < 0) {
        return -1;
    }
    return pr_lex_make(lx, tok, keyword_kind(lx->src + lx->tok_start, lx->pos - lx->tok_start),
                       lx->tok_start, lx->pos);
}

/* ---------------------------------------------------------------- operators and brackets */

static int open_bracket(PrLexer *lx, int c)
{
    if (lx->level >= PR_LEX_MAXLEVEL) {
        return pr_lex_syntax_error(lx, "too many nested parentheses");
    }
    lx->paren[lx->level] = (char)c;
    lx->paren_lineno[lx->level] = lx->lineno;
    lx->paren_line_start[lx->level] = lx->line_start;
    lx->paren_col[lx->level] = lx->tok_start - lx->line_start;
    lx->level++;
    return 0;
}

static int close_bracket(PrLexer *lx, int c)
{
    char buf[96];
    if (lx->level == 0) {
        snprintf(buf, sizeof buf, "unmatched '%c'", c);
        return pr_lex_syntax_error(lx, buf);
    }
    lx->level--;
    int open = lx->paren[lx->level];
    if ((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}')) {
        return 0;
    }
    if (lx->paren_lineno[lx->level] != lx->lineno) {
        snprintf(buf, sizeof buf,
                 "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c,
                 open, lx->paren_lineno[lx->level]);
    } else {
        snprintf(buf, sizeof buf,
                 "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
    }
    return pr_lex_syntax_error(lx, buf);
}

/* Longest match, as CPython: a third character is read only after a two-character operator
 * (so reading never runs past the end of the line). */
static int scan_operator(PrLexer *lx, PrToken *tok, int c)
{
    char text[3] = {(char)c, 0, 0};
    size_t n = 1;
    int c2 = pr_reader_next(lx);
    text[1] = (char)(c2 > 0 && c2 < 128 ? c2 : 0);
    if (text[1] && (operator_kind(text, 2) != PR_TOK__COUNT || (c == '<' && c2 == '>'))) {
        n = 2;
        int c3 = pr_reader_next(lx);
        text[2] = (char)(c3 > 0 && c3 < 128 ? c3 : 0);
        if (text[2] && operator_kind(text, 3) != PR_TOK__COUNT) {
            n = 3;
        }
    }
    lx->pos = lx->tok_start + n;
    if (n == 2 && c == '<' && c2 == '>') {
        return invalid_syntax(lx, lx->tok_start);
    }
    if (n == 1 && (c == '(' || c == '[' || c == '{') && open_bracket(lx, c) < 0) {
        return -1;
    }
    if (n == 1 && (c == ')' || c == ']' || c == '}') && close_bracket(lx, c) < 0) {
        return -1;
    }
    PrTokKind kind = operator_kind(text, n);
    if (kind != PR_TOK__COUNT) {
        return pr_lex_make(lx, tok, kind, lx->tok_start, lx->pos);
    }
    if (c < 0x20 || c == 0x7F) {
        char buf[48];
        snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", c);
        return pr_lex_syntax_error(lx, buf);
    }
    return invalid_syntax(lx, lx->tok_start);
}

/* ---------------------------------------------------------------- the token loop */

/* What follows the indentation of a logical line: pending INDENT/DEDENTs, then one token.
 * Mirrors tok_get() in CPython 3.11 from its label "again" on. */
static int next_token(PrLexer *lx, PrToken *tok, int blankline)
{
    int c;
again:
    lx->in_token = 0;
    do {
        c = pr_reader_next(lx);
    } while (c == ' ' || c == '\t' || c == '\f');
    start_token(lx, lx->prev);
    if (c == '#') {
        while (c != PR_EOF && c != '\n') {
            c = pr_reader_next(lx);
        }
    }
    if (c == PR_EOF) {
        lx->at_eof = 1;
        if (lx->level > 0) {
            return never_closed(lx);
        }
        lx->ended = 1;
        return make_layout(lx, tok, PR_TOK_ENDMARKER);
    }
    if (is_ident_start_byte(c)) {
        return scan_name(lx, tok, c);
    }
    if (c == '\n') {
        lx->atbol = 1;
        if (blankline || lx->level > 0) {
            return 1; /* nothing to emit for this line: read the next one */
        }
        /* NEWLINE ends where the newline starts; like CPython's it spans a comment before it */
        return pr_lex_make(lx, tok, PR_TOK_NEWLINE, lx->tok_start, lx->prev);
    }
    if (c == '.') {
        int c2 = pr_reader_next(lx);
        if (c2 >= '0' && c2 <= '9') {
            return pr_lex_number(lx, tok, '.');
        }
        if (c2 == '.' && pr_reader_next(lx) == '.') {
            return pr_lex_make(lx, tok, PR_TOK_ELLIPSIS, lx->tok_start, lx->pos);
        }
        lx->pos = lx->tok_start + 1;
        return pr_lex_make(lx, tok, PR_TOK_DOT, lx->tok_start, lx->pos);
    }
    if (c >= '0' && c <= '9') {
        return pr_lex_number(lx, tok, c);
    }
    if (c == '"' || c == '\'') {
        return pr_lex_string(lx, tok, c);
    }
    if (c == '\\') {
        int r = continuation_line(lx, 0);
        if (r != 0) {
            return r == -2 ? never_closed(lx) : -1;
        }
        goto again;
    }
    return scan_operator(lx, tok, c);
}

/* One call of CPython's tok_get(): returns 0 with a token, 1 to go round again (blank line, or a
 * newline inside brackets), -1 on error. */
static int get_token(PrLexer *lx, PrToken *tok)
{
    int blankline = 0;
    if (lx->atbol) {
        int col = 0, altcol = 0;
        lx->atbol = 0;
        lx->in_token = 0;
        blankline = read_indentation(lx, &col, &altcol);
        if (blankline < 0) {
            return -1;
        }
        if (!blankline && lx->level == 0 && apply_indentation(lx, col, altcol) < 0) {
            return -1;
        }
    }
    if (lx->pendin != 0) {
        PrTokKind kind = lx->pendin < 0 ? PR_TOK_DEDENT : PR_TOK_INDENT;
        lx->pendin += lx->pendin < 0 ? 1 : -1;
        return make_layout(lx, tok, kind);
    }
    return next_token(lx, tok, blankline);
}

/* ---------------------------------------------------------------- public entry points */

PrLexer *pr_lexer_new(const char *src, size_t len, const char *filename)
{
    PrLexer *lx = pr_raw_calloc(1, sizeof *lx);
    if (!lx) {
        return NULL;
    }
    lx->src = src ? src : "";
    lx->len = src ? len : 0;
    lx->filename = filename;
    lx->atbol = 1;
    pr_reader_init(lx);
    return lx;
}

void pr_lexer_free(PrLexer *lx)
{
    pr_raw_free(lx);
}

int pr_lexer_next(PrLexer *lx, PrToken *tok, PrSyntaxError *err)
{
    int r;
    if (lx->failed) {
        *err = lx->err;
        return -1;
    }
    if (lx->ended && lx->pendin == 0) {
        return make_layout(lx, tok, PR_TOK_ENDMARKER);
    }
    do {
        r = get_token(lx, tok);
        if (lx->read_failed) {
            /* a line could not be read (bad UTF-8, NUL, encoding): that error wins */
            lx->err = lx->read_err;
            lx->err_class = PR_LEXERR_RAISED;
            lx->failed = 1;
            r = -1;
        }
    } while (r == 1);
    if (r < 0) {
        *err = lx->err;
        return -1;
    }
    return 0;
}

void pr_lexer_locate_error(const PrLexer *lx, const PrToken *first, const PrToken *last,
                           PrSyntaxError *err)
{
    size_t first_line = (size_t)(first->start - lx->src) - (size_t)first->col;
    size_t last_end = (size_t)(last->start - lx->src) + last->len;
    size_t last_line = last_end - (size_t)last->end_col;
    err->filename = lx->filename;
    err->lineno = first->lineno;
    err->offset = (int)pr_ucd_utf8_count_starts(lx->src + first_line, (size_t)first->col) + 1;
    err->end_lineno = last->end_lineno;
    err->end_offset = (int)pr_ucd_utf8_count_starts(lx->src + last_line, (size_t)last->end_col) + 1;
    err->text = lx->src + first_line;
    err->text_len = pr_reader_line_end(lx, first_line) - first_line;
}

/* CPython's _PyPegen_tokenize_full_source_to_check_for_errors(). */
int pr_lexer_check_rest(PrLexer *lx, PrSyntaxError *err, int err_lineno)
{
    PrToken tok = {0};
    PrSyntaxError e;
    if (lx->failed && lx->err_class != PR_LEXERR_PARSER) {
        return 0;
    }
    lx->failed = 0; /* CPython's tokenizer returns $, ?, ! as OP tokens: go on after them */
    for (;;) {
        if (pr_lexer_next(lx, &tok, &e) == 0) {
            if (tok.kind == PR_TOK_ENDMARKER) {
                return 0;
            }
            continue;
        }
        if (lx->err_class == PR_LEXERR_PARSER) {
            lx->failed = 0;
            continue;
        }
        if (lx->level > 0 && err_lineno > lx->paren_lineno[lx->level - 1]) {
            never_closed(lx);
            *err = lx->err;
            return 1;
        }
        if (lx->err_class == PR_LEXERR_RAISED) {
            *err = e;
            return 1;
        }
        return 0;
    }
}
