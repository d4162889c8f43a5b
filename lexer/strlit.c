/* lexer/strlit.c — the value of a string or bytes literal from its body: escapes, raw mode,
 * line continuations, newline normalization, and CPython 3.11's error texts. A str literal is
 * decoded the way CPython's parser does it (decode_unicode_with_escapes then the
 * 'unicodeescape' codec), because the "position" in its error messages counts bytes of the
 * intermediate text in which every non-ASCII character was rewritten as a 10-byte \UXXXXXXXX. */
#include "lexer/lexer.h"
#include "objects/ucd.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *s; /* the body */
    size_t len;
    size_t i;    /* next byte of the body */
    size_t tpos; /* the same place in CPython's intermediate text */
    char *out;
    size_t n; /* bytes written */
    int is_bytes;
} Decoder;

/* Fills err's position from tok (offsets 1-based, in characters). The text is tok's first line
 * as far as the token shows it: see pr_lexer_locate_error for the whole line. */
static void place(PrSyntaxError *err, const PrToken *tok)
{
    const char *line = tok->start - tok->col;
    const char *tok_end = tok->start + tok->len;
    const char *end_line = tok_end - tok->end_col;
    const char *nl = memchr(line, '\n', (size_t)(tok_end - line));
    const char *cr = memchr(line, '\r', (size_t)(tok_end - line));
    const char *stop = nl && (!cr || nl < cr) ? nl : cr ? cr : tok_end;
    err->filename = NULL;
    err->lineno = tok->lineno;
    err->offset = (int)pr_ucd_utf8_count_starts(line, (size_t)tok->col) + 1;
    err->end_lineno = tok->end_lineno;
    err->end_offset = (int)pr_ucd_utf8_count_starts(end_line, (size_t)tok->end_col) + 1;
    err->text = line;
    err->text_len = (size_t)(stop - line);
}

static long fail(const PrToken *tok, PrSyntaxError *err, const char *msg)
{
    memset(err, 0, sizeof *err);
    err->kind = PR_SYNERR_SYNTAX;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
    place(err, tok);
    return -1;
}

/* CPython reports a bad escape as a UnicodeDecodeError of the 'unicodeescape' codec over the
 * intermediate text, bytes start..end-1. */
static long codec_error(const PrToken *tok, PrSyntaxError *err, size_t start, size_t end,
                        const char *reason)
{
    char msg[200];
    snprintf(msg, sizeof msg,
             "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s",
             start, end - 1, reason);
    return fail(tok, err, msg);
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static void put_char(Decoder *d, unsigned cp)
{
    if (d->is_bytes) {
        d->out[d->n++] = (char)(cp & 0xFF);
    } else {
        d->n += (size_t)pr_ucd_utf8_encode(cp, d->out + d->n);
    }
}

/* Steps over one source character, copying it to the output if `keep` (a newline normalized to
 * '\n'), and advances both positions. */
static void take_char(Decoder *d, int keep)
{
    unsigned char c = (unsigned char)d->s[d->i];
    if (c == '\r') {
        d->i += 1 + (d->i + 1 < d->len && d->s[d->i + 1] == '\n');
        if (keep) {
            d->out[d->n++] = '\n';
        }
        d->tpos++;
        return;
    }
    size_t k = 1;
    while (c >= 0x80 && d->i + k < d->len && ((unsigned char)d->s[d->i + k] & 0xC0) == 0x80) {
        k++;
    }
    if (keep) {
        memcpy(d->out + d->n, d->s + d->i, k);
        d->n += k;
    }
    d->i += k;
    d->tpos += c >= 0x80 ? 10 : 1;
}

/* \xhh, \uhhhh, \Uhhhhhhhh in a str: exactly `count` hex digits, then a valid code point. */
static long hex_escape(Decoder *d, int count, const char *reason, size_t start, const PrToken *tok,
                       PrSyntaxError *err)
{
    unsigned long cp = 0;
    for (int k = 0; k < count; k++) {
        int v = d->i < d->len ? hexval((unsigned char)d->s[d->i]) : -1;
        if (v < 0) {
            return codec_error(tok, err, start, d->tpos, reason);
        }
        cp = cp * 16 + (unsigned long)v;
        d->i++, d->tpos++;
    }
    if (cp > 0x10FFFF) {
        return codec_error(tok, err, start, d->tpos, "illegal Unicode character");
    }
    put_char(d, (unsigned)cp);
    return 0;
}

/* \N{NAME} would need the Unicode name database, which pyrena does not carry: a well-formed
 * one is refused with a plain reason, a malformed one gets CPython's message. */
static long name_escape(Decoder *d, size_t start, const PrToken *tok, PrSyntaxError *err)
{
    const char *malformed = "malformed \\N character escape";
    if (d->i >= d->len || d->s[d->i] != '{') {
        return codec_error(tok, err, start, d->tpos, malformed);
    }
    d->i++, d->tpos++;
    size_t name = d->i;
    while (d->i < d->len && d->s[d->i] != '}') {
        take_char(d, 0);
    }
    if (d->i >= d->len || d->i == name) {
        return codec_error(tok, err, start, d->tpos, malformed);
    }
    d->tpos++;
    return codec_error(tok, err, start, d->tpos, "\\N{...} escapes are not supported by pyrena");
}

static void octal_escape(Decoder *d, int first)
{
    unsigned cp = (unsigned)(first - '0');
    for (int k = 0; k < 2 && d->i < d->len && d->s[d->i] >= '0' && d->s[d->i] <= '7'; k++) {
        cp = cp * 8 + (unsigned)(d->s[d->i] - '0');
        d->i++, d->tpos++;
    }
    put_char(d, cp); /* above \377 CPython only warns; a bytes literal keeps the low byte */
}

/* The one-character escapes: \\ \' \" \a \b \f \n \r \t \v. Returns: the character, or -1. */
static int simple_escape(int c)
{
    static const char names[] = "\\'\"abfnrtv";
    static const char values[] = "\\'\"\a\b\f\n\r\t\v";
    const char *p = c ? strchr(names, c) : NULL;
    return p ? values[p - names] : -1;
}

/* One escape sequence; d->i is just past the backslash. */
static long escape(Decoder *d, const PrToken *tok, PrSyntaxError *err)
{
    size_t start = d->tpos - 1, bs = d->i - 1;
    int c = (unsigned char)d->s[d->i];
    if (c == '\n' || c == '\r') {
        d->i += 1 + (c == '\r' && d->i + 1 < d->len && d->s[d->i + 1] == '\n');
        d->tpos++;
        return 0;
    }
    if (c >= 0x80) {
        /* CPython rewrites a backslash before a non-ASCII character as \u005c: kept as is */
        d->out[d->n++] = '\\';
        d->tpos += 5;
        take_char(d, 1);
        return 0;
    }
    d->i++, d->tpos++;
    int simple = simple_escape(c);
    if (simple >= 0) {
        d->out[d->n++] = (char)simple;
        return 0;
    }
    if (c >= '0' && c <= '7') {
        octal_escape(d, c);
        return 0;
    }
    if (d->is_bytes && c == 'x') {
        int hi = d->i < d->len ? hexval((unsigned char)d->s[d->i]) : -1;
        int lo = d->i + 1 < d->len ? hexval((unsigned char)d->s[d->i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            char msg[80];
            snprintf(msg, sizeof msg, "(value error) invalid \\x escape at position %zu", bs);
            return fail(tok, err, msg);
        }
        d->i += 2;
        put_char(d, (unsigned)(hi * 16 + lo));
        return 0;
    }
    if (!d->is_bytes && (c == 'x' || c == 'u' || c == 'U')) {
        int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        const char *reason = c == 'x'   ? "truncated \\xXX escape"
                             : c == 'u' ? "truncated \\uXXXX escape"
                                        : "truncated \\UXXXXXXXX escape";
        return hex_escape(d, count, reason, start, tok, err);
    }
    if (!d->is_bytes && c == 'N') {
        return name_escape(d, start, tok, err);
    }
    /* not an escape: CPython 3.11 keeps both characters (and only warns) */
    d->out[d->n++] = '\\';
    d->out[d->n++] = (char)c;
    return 0;
}

long pr_lexer_decode_string(const char *body, size_t len, int raw, int is_bytes, char *out,
                            const PrToken *tok, PrSyntaxError *err)
{
    Decoder d = {body, len, 0, 0, out, 0, is_bytes};
    if (is_bytes) {
        for (size_t k = 0; k < len; k++) {
            if ((unsigned char)body[k] >= 0x80) {
                return fail(tok, err, "bytes can only contain ASCII literal characters");
            }
        }
    }
    while (d.i < d.len) {
        if (raw || d.s[d.i] != '\\') {
            take_char(&d, 1);
            continue;
        }
        d.i++, d.tpos++;
        if (d.i >= d.len) {
            d.out[d.n++] = '\\'; /* cannot end a literal, but a caller may pass any body */
            break;
        }
        if (escape(&d, tok, err) < 0) {
            return -1;
        }
    }
    return (long)d.n;
}
