/* objects/fmtspec.c — parsers for format() specs and printf-style conversions (see fmtspec.h).
 * Follows CPython 3.11's parse_internal_render_format_spec (Python/formatter_unicode.c) and
 * unicode_format_arg_parse (Objects/unicodeobject.c) step by step, so that the same inputs fail
 * with the same messages. */
#include "objects/fmtspec.h"

#include "objects/ucd.h"

#include <stdio.h>

/* A cursor over UTF-8 text, one code point at a time. */
typedef struct Cursor {
    const char *s;
    size_t len, pos;
} Cursor;

static uint32_t peek_at(const Cursor *c, size_t ahead, size_t *bytes)
{
    size_t pos = c->pos;
    uint32_t cp = 0;
    size_t n = 0;
    for (size_t i = 0; i <= ahead; i++) {
        if (pos >= c->len) {
            *bytes = 0;
            return 0;
        }
        n = pr_ucd_utf8_decode(c->s + pos, c->len - pos, &cp);
        pos += n;
    }
    *bytes = n;
    return cp;
}

/* The code point `ahead` positions on, or 0 past the end (a NUL inside a spec is never special). */
static uint32_t peek(const Cursor *c, size_t ahead)
{
    size_t bytes;
    return peek_at(c, ahead, &bytes);
}

static int at_end(const Cursor *c)
{
    return c->pos >= c->len;
}

static void advance(Cursor *c)
{
    uint32_t cp;
    c->pos += pr_ucd_utf8_decode(c->s + c->pos, c->len - c->pos, &cp);
}

static int is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

static int fail(char *err, size_t errlen, const char *msg)
{
    snprintf(err, errlen, "%s", msg);
    return PR_FMT_EVALUE;
}

/* Reads decimal digits (any Unicode decimal digit, as CPython's get_integer does). Returns: the
 * number of digits read, or -1 when the value would exceed PTRDIFF_MAX. */
static long read_integer(Cursor *c, ptrdiff_t *out)
{
    ptrdiff_t acc = 0;
    long count = 0;
    int d;
    while (!at_end(c) && (d = pr_ucd_decimal(peek(c, 0))) >= 0) {
        if (acc > (PTRDIFF_MAX - d) / 10) {
            return -1;
        }
        acc = acc * 10 + d;
        advance(c);
        count++;
    }
    *out = acc;
    return count;
}

int pr_fmtspec_unknown(uint32_t type, const char *type_name, char *err, size_t errlen)
{
    if (type > 32 && type < 128) {
        snprintf(err, errlen, "Unknown format code '%c' for object of type '%.200s'", (char)type,
                 type_name);
    } else {
        snprintf(err, errlen, "Unknown format code '\\x%x' for object of type '%.200s'",
                 (unsigned)type, type_name);
    }
    return PR_FMT_EVALUE;
}

int pr_fmtspec_bad_grouping(char grouping, uint32_t type, char *err, size_t errlen)
{
    if (type > 32 && type < 128) {
        snprintf(err, errlen, "Cannot specify '%c' with '%c'.", grouping, (char)type);
    } else {
        snprintf(err, errlen, "Cannot specify '%c' with '\\x%x'.", grouping, (unsigned)type);
    }
    return PR_FMT_EVALUE;
}

/* [[fill]align][sign][z][#]. Returns: whether a fill character was given. */
static int parse_flags(Cursor *c, PrFormatSpec *out)
{
    int fill_given = 0;
    if (is_align(peek(c, 1))) {
        out->fill = peek(c, 0);
        advance(c);
        out->align = (char)peek(c, 0);
        advance(c);
        fill_given = 1;
    } else if (is_align(peek(c, 0))) {
        out->align = (char)peek(c, 0);
        advance(c);
    }
    uint32_t ch = peek(c, 0);
    if (!at_end(c) && (ch == '+' || ch == '-' || ch == ' ')) {
        out->sign = (char)ch;
        advance(c);
    }
    if (!at_end(c) && peek(c, 0) == 'z') {
        out->no_neg_0 = true;
        advance(c);
    }
    if (!at_end(c) && peek(c, 0) == '#') {
        out->alternate = true;
        advance(c);
    }
    return fill_given;
}

/* [0][width][grouping][.precision]: returns 0 or an error. */
static int parse_numbers(Cursor *c, PrFormatSpec *out, int fill_given, char *err, size_t errlen)
{
    if (!fill_given && !at_end(c) && peek(c, 0) == '0') {
        out->zero = true;
        out->fill = '0';
        advance(c);
    }
    long n = read_integer(c, &out->width);
    if (n < 0) {
        return fail(err, errlen, "Too many decimal digits in format string");
    }
    if (n == 0) {
        out->width = -1;
    }
    if (!at_end(c) && peek(c, 0) == ',') {
        out->grouping = ',';
        advance(c);
    }
    if (!at_end(c) && peek(c, 0) == '_') {
        if (out->grouping) {
            return fail(err, errlen, "Cannot specify both ',' and '_'.");
        }
        out->grouping = '_';
        advance(c);
    }
    if (!at_end(c) && peek(c, 0) == ',') {
        return fail(err, errlen, "Cannot specify both ',' and '_'.");
    }
    if (!at_end(c) && peek(c, 0) == '.') {
        advance(c);
        n = read_integer(c, &out->precision);
        if (n < 0) {
            return fail(err, errlen, "Too many decimal digits in format string");
        }
        if (n == 0) {
            return fail(err, errlen, "Format specifier missing precision");
        }
    }
    return 0;
}

/* Which types accept a thousands separator (PEP 378; '_' also with b, o, x, X by PEP 515). */
static int grouping_ok(char grouping, uint32_t type)
{
    switch (type) {
    case 'd':
    case 'e':
    case 'f':
    case 'g':
    case 'E':
    case 'G':
    case '%':
    case 'F':
    case 0:
        return 1;
    case 'b':
    case 'o':
    case 'x':
    case 'X':
        return grouping == '_';
    default:
        return 0;
    }
}

int pr_fmtspec_parse(const char *spec, size_t len, const char *type_name, PrFormatSpec *out,
                     char *err, size_t errlen)
{
    Cursor c = {spec, len, 0};
    *out = (PrFormatSpec){.fill = ' ', .width = -1, .precision = -1};
    int fill_given = parse_flags(&c, out);
    if (parse_numbers(&c, out, fill_given, err, errlen) < 0) {
        return PR_FMT_EVALUE;
    }
    if (pr_ucd_utf8_count(c.s + c.pos, len - c.pos) > 1) {
        snprintf(err, errlen, "Invalid format specifier '%.*s' for object of type '%.200s'",
                 (int)(len > 100000 ? 100000 : len), spec, type_name);
        return PR_FMT_EVALUE;
    }
    if (!at_end(&c)) {
        out->type = peek(&c, 0);
        out->has_type = true;
    }
    if (out->grouping && !grouping_ok(out->grouping, out->type)) {
        return pr_fmtspec_bad_grouping(out->grouping, out->type, err, errlen);
    }
    return 0;
}

char pr_fmtspec_align(const PrFormatSpec *spec, char default_align)
{
    if (spec->align) {
        return spec->align;
    }
    return spec->zero && default_align == '>' ? '=' : default_align;
}

/* ------------------------------------------------------------------------------------------ */
/* printf-style */

static int incomplete(char *err, size_t errlen)
{
    return fail(err, errlen, "incomplete format");
}

/* "(key)" with balanced parentheses; c->pos is on the '('. */
static int parse_key(Cursor *c, PrPercentSpec *out, char *err, size_t errlen)
{
    int depth = 1;
    c->pos++;
    out->has_key = true;
    out->key_start = c->pos;
    while (depth > 0 && !at_end(c)) {
        char ch = c->s[c->pos++];
        depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
    }
    if (depth > 0) {
        return fail(err, errlen, "incomplete format key");
    }
    out->key_len = c->pos - 1 - out->key_start;
    return 0;
}

static int parse_pct_flags(Cursor *c, PrPercentSpec *out)
{
    for (; !at_end(c); c->pos++) {
        switch (c->s[c->pos]) {
        case '-':
            out->flags |= PR_PCT_LJUST;
            continue;
        case '+':
            out->flags |= PR_PCT_SIGN;
            continue;
        case ' ':
            out->flags |= PR_PCT_BLANK;
            continue;
        case '#':
            out->flags |= PR_PCT_ALT;
            continue;
        case '0':
            out->flags |= PR_PCT_ZERO;
            continue;
        }
        return 0;
    }
    return -1;
}

static int is_ascii_digit(const Cursor *c)
{
    return !at_end(c) && c->s[c->pos] >= '0' && c->s[c->pos] <= '9';
}

/* Width or precision digits, up to `max`. Returns: 0, or -1 when the value would exceed max. */
static int parse_pct_number(Cursor *c, ptrdiff_t max, ptrdiff_t *out)
{
    ptrdiff_t acc = 0;
    while (is_ascii_digit(c)) {
        int d = c->s[c->pos++] - '0';
        if (acc > (max - d) / 10) {
            return -1;
        }
        acc = acc * 10 + d;
    }
    *out = acc;
    return 0;
}

static int parse_width_prec(Cursor *c, PrPercentSpec *out, char *err, size_t errlen)
{
    if (!at_end(c) && c->s[c->pos] == '*') {
        out->width_star = true;
        c->pos++;
    } else if (is_ascii_digit(c) && parse_pct_number(c, PTRDIFF_MAX, &out->width) < 0) {
        return fail(err, errlen, "width too big");
    }
    if (at_end(c) || c->s[c->pos] != '.') {
        return 0;
    }
    c->pos++;
    out->prec = 0;
    if (!at_end(c) && c->s[c->pos] == '*') {
        out->prec_star = true;
        c->pos++;
    } else {
        ptrdiff_t prec = 0;
        if (parse_pct_number(c, 2147483647, &prec) < 0) {
            return fail(err, errlen, "precision too big");
        }
        out->prec = (int)prec;
    }
    return 0;
}

int pr_fmtspec_parse_pct(const char *fmt, size_t len, size_t *pos, PrPercentSpec *out, char *err,
                         size_t errlen)
{
    Cursor c = {fmt, len, *pos};
    *out = (PrPercentSpec){.width = -1, .prec = -1};
    if (!at_end(&c) && fmt[c.pos] == '(' && parse_key(&c, out, err, errlen) < 0) {
        return PR_FMT_EVALUE;
    }
    if (parse_pct_flags(&c, out) < 0) {
        return incomplete(err, errlen);
    }
    if (parse_width_prec(&c, out, err, errlen) < 0) {
        return PR_FMT_EVALUE;
    }
    if (!at_end(&c) && (fmt[c.pos] == 'h' || fmt[c.pos] == 'l' || fmt[c.pos] == 'L')) {
        c.pos++;
    }
    if (at_end(&c)) {
        return incomplete(err, errlen);
    }
    size_t bytes;
    out->conv = peek_at(&c, 0, &bytes);
    *pos = c.pos + bytes;
    return 0;
}

void pr_fmtspec_pct_width(PrPercentSpec *spec, ptrdiff_t width)
{
    if (width < 0) {
        spec->flags |= PR_PCT_LJUST;
        width = width == PTRDIFF_MIN ? PTRDIFF_MAX : -width;
    }
    spec->width = width;
    spec->width_star = false;
}

void pr_fmtspec_pct_prec(PrPercentSpec *spec, int prec)
{
    spec->prec = prec < 0 ? 0 : prec;
    spec->prec_star = false;
}

int pr_fmtspec_pct_unsupported(uint32_t conv, size_t index, char *err, size_t errlen)
{
    snprintf(err, errlen, "unsupported format character '%c' (0x%x) at index %zu",
             (conv >= 31 && conv <= 126) ? (char)conv : '?', (unsigned)conv, index);
    return PR_FMT_EVALUE;
}
