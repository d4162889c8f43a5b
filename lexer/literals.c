/* lexer/literals.c — where NUMBER and STRING tokens end, and CPython 3.11's errors for the
 * malformed ones. Only the extent is decided here: the parser converts numbers, and
 * lexer/strlit.c decodes string bodies. The control flow copies CPython's tok_get() closely
 * (its gotos became the `from` stages of decimal_rest), because its error columns depend on
 * exactly how far it had read. */
#include "lexer/lexer_impl.h"

#include <stdio.h>

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int is_ident_ascii(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_';
}

/* Whether the bytes at the cursor spell word and then stop being a name. */
static int followed_by_word(const PrLexer *lx, const char *word)
{
    size_t i = lx->pos;
    for (; *word; word++, i++) {
        if (pr_reader_byte(lx, i) != *word) {
            return 0;
        }
    }
    int c = pr_reader_byte(lx, i);
    return !(is_ident_ascii(c) || c >= 128);
}

/* A number glued to a name is an error ("1a"), except before the keywords that may follow a
 * number in valid code (1if x else y, 0x1for, 1or 2, ...), which CPython 3.11 only warns about
 * (the warning is not printed here). c was just read. */
static int verify_end_of_number(PrLexer *lx, int c, const char *kind)
{
    int ok = 0;
    if (c == 'a') {
        ok = followed_by_word(lx, "nd");
    } else if (c == 'e') {
        ok = followed_by_word(lx, "lse");
    } else if (c == 'f') {
        ok = followed_by_word(lx, "or");
    } else if (c == 'i') {
        int c2 = pr_reader_byte(lx, lx->pos);
        ok = c2 == 'f' || c2 == 'n' || c2 == 's';
    } else if (c == 'o') {
        ok = followed_by_word(lx, "r");
    } else if (c == 'n') {
        ok = followed_by_word(lx, "ot");
    }
    if (!ok && c >= 0 && c < 128 && is_ident_ascii(c)) {
        char msg[48];
        lx->pos--; /* back over c, which is one ASCII byte */
        snprintf(msg, sizeof msg, "invalid %s literal", kind);
        return pr_lex_syntax_error(lx, msg);
    }
    return 0;
}

/* Digits with single underscores between them; returns the character after them. */
static int decimal_tail(PrLexer *lx)
{
    int c;
    for (;;) {
        do {
            c = pr_reader_next(lx);
        } while (is_digit(c));
        if (c != '_') {
            return c;
        }
        c = pr_reader_next(lx);
        if (!is_digit(c)) {
            pr_reader_backup(lx);
            pr_lex_syntax_error(lx, "invalid decimal literal");
            return PR_LEX_ERRC;
        }
    }
}

static int number_token(PrLexer *lx, PrToken *tok)
{
    pr_reader_backup(lx);
    return pr_lex_make(lx, tok, PR_TOK_NUMBER, lx->tok_start, lx->pos);
}

enum { FROM_INT, FROM_FRACTION, FROM_EXPONENT, FROM_IMAGINARY };

/* Everything after the integer digits of a decimal number; c is the character after what was
 * read so far and `from` says which part it belongs to (CPython jumps there with goto). */
static int decimal_rest(PrLexer *lx, PrToken *tok, int c, int from)
{
    if (from == FROM_INT && c == '.') {
        c = pr_reader_next(lx);
        from = FROM_FRACTION;
    }
    if (from == FROM_FRACTION && is_digit(c)) {
        if ((c = decimal_tail(lx)) == PR_LEX_ERRC) {
            return -1;
        }
    }
    if (from == FROM_EXPONENT || (from < FROM_EXPONENT && (c == 'e' || c == 'E'))) {
        int e = c;
        c = pr_reader_next(lx);
        if (c == '+' || c == '-') {
            c = pr_reader_next(lx);
            if (!is_digit(c)) {
                pr_reader_backup(lx);
                return pr_lex_syntax_error(lx, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            /* "1e" alone is 1 followed by a name, unless that is an error too */
            pr_reader_backup(lx);
            if (verify_end_of_number(lx, e, "decimal") < 0) {
                return -1;
            }
            lx->prev = lx->pos - 1;
            return number_token(lx, tok);
        }
        if ((c = decimal_tail(lx)) == PR_LEX_ERRC) {
            return -1;
        }
    }
    if (from == FROM_IMAGINARY || c == 'j' || c == 'J') {
        c = pr_reader_next(lx);
        if (verify_end_of_number(lx, c, "imaginary") < 0) {
            return -1;
        }
    } else if (verify_end_of_number(lx, c, "decimal") < 0) {
        return -1;
    }
    return number_token(lx, tok);
}

/* 0x..., 0o..., 0b...: digits of the base with single underscores; `digit` is the base's
 * digit test, and for octal and binary a decimal digit out of range is named in the error. */
static int based_number(PrLexer *lx, PrToken *tok, int (*digit)(int), const char *kind,
                        int names_digit)
{
    char msg[64];
    int c = pr_reader_next(lx);
    do {
        if (c == '_') {
            c = pr_reader_next(lx);
        }
        if (!digit(c)) {
            if (names_digit && is_digit(c)) {
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
                return pr_lex_syntax_error(lx, msg);
            }
            pr_reader_backup(lx);
            snprintf(msg, sizeof msg, "invalid %s literal", kind);
            return pr_lex_syntax_error(lx, msg);
        }
        do {
            c = pr_reader_next(lx);
        } while (digit(c));
    } while (c == '_');
    if (names_digit && is_digit(c)) {
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
        return pr_lex_syntax_error(lx, msg);
    }
    if (verify_end_of_number(lx, c, kind) < 0) {
        return -1;
    }
    return number_token(lx, tok);
}

static int is_octal(int c)
{
    return c >= '0' && c <= '7';
}

static int is_binary(int c)
{
    return c == '0' || c == '1';
}

/* After a leading 0 that is not a base prefix: "0", "00", "0.5", "0e1", "0j" are fine, but
 * "012" is a C-style octal that Python 3 refuses. c is the character after the first 0. */
static int zero_number(PrLexer *lx, PrToken *tok, int c)
{
    int nonzero = 0;
    for (;;) {
        if (c == '_') {
            c = pr_reader_next(lx);
            if (!is_digit(c)) {
                pr_reader_backup(lx);
                return pr_lex_syntax_error(lx, "invalid decimal literal");
            }
        }
        if (c != '0') {
            break;
        }
        c = pr_reader_next(lx);
    }
    size_t zeros_end = lx->pos;
    if (is_digit(c)) {
        nonzero = 1;
        if ((c = decimal_tail(lx)) == PR_LEX_ERRC) {
            return -1;
        }
    }
    if (c == '.') {
        return decimal_rest(lx, tok, pr_reader_next(lx), FROM_FRACTION);
    }
    if (c == 'e' || c == 'E') {
        return decimal_rest(lx, tok, c, FROM_EXPONENT);
    }
    if (c == 'j' || c == 'J') {
        return decimal_rest(lx, tok, c, FROM_IMAGINARY);
    }
    if (nonzero) {
        pr_reader_backup(lx);
        int col = pr_lex_chars(lx, lx->line_start, lx->tok_start) + 1;
        int end = pr_lex_chars(lx, lx->line_start, zeros_end);
        return pr_lex_error(lx, PR_LEXERR_RAISED, PR_SYNERR_SYNTAX, lx->lineno, lx->line_start, col,
                            end,
                            "leading zeros in decimal integer literals are not permitted; use "
                            "an 0o prefix for octal integers");
    }
    if (verify_end_of_number(lx, c, "decimal") < 0) {
        return -1;
    }
    return number_token(lx, tok);
}

int pr_lex_number(PrLexer *lx, PrToken *tok, int c)
{
    if (c == '.') {
        /* ".5": the digit after the dot was read already; the fraction continues from it */
        return decimal_rest(lx, tok, lx->src[lx->prev], FROM_FRACTION);
    }
    if (c == '0') {
        c = pr_reader_next(lx);
        if (c == 'x' || c == 'X') {
            return based_number(lx, tok, is_xdigit, "hexadecimal", 0);
        }
        if (c == 'o' || c == 'O') {
            return based_number(lx, tok, is_octal, "octal", 1);
        }
        if (c == 'b' || c == 'B') {
            return based_number(lx, tok, is_binary, "binary", 1);
        }
        return zero_number(lx, tok, c);
    }
    if ((c = decimal_tail(lx)) == PR_LEX_ERRC) {
        return -1;
    }
    return decimal_rest(lx, tok, c, FROM_INT);
}

/* ---------------------------------------------------------------- strings */

/* An unterminated literal is reported where it starts: on its first line, just past its first
 * character (the prefix or the quote), naming the line where the end of input or line was hit. */
static int unterminated(PrLexer *lx, int quote_size)
{
    int detected = lx->lineno;
    int col = pr_lex_chars(lx, lx->tok_line_start, lx->tok_start + 1);
    return pr_lex_error(
        lx, PR_LEXERR_RAISED, PR_SYNERR_SYNTAX, lx->tok_lineno, lx->tok_line_start, col, col,
        quote_size == 3 ? "unterminated triple-quoted string literal (detected at line %d)"
                        : "unterminated string literal (detected at line %d)",
        detected);
}

int pr_lex_string(PrLexer *lx, PrToken *tok, int quote)
{
    int quote_size = 1, end_quote_size = 0;
    int c = pr_reader_next(lx);
    if (c == quote) {
        c = pr_reader_next(lx);
        if (c == quote) {
            quote_size = 3;
        } else {
            end_quote_size = 1; /* the empty string */
        }
    }
    if (c != quote) {
        pr_reader_backup(lx);
    }
    while (end_quote_size != quote_size) {
        c = pr_reader_next(lx);
        if (c == PR_EOF || (quote_size == 1 && c == '\n')) {
            return unterminated(lx, quote_size);
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') {
                pr_reader_next(lx); /* whatever is escaped, even a newline, is inside */
            }
        }
    }
    return pr_lex_make(lx, tok, PR_TOK_STRING, lx->tok_start, lx->pos);
}
