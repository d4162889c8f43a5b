/* objects/numfmt.c — repr, format(), '%' conversions, float() and round() for numbers and
 * strings, as CPython 3.11 does them (see objects/numfmt.h). The code follows CPython's own
 * structure so that the two can be compared line by line:
 *
 *   float_text      format_float_short (Python/pystrtod.c): digits -> "-0.0001234e+05" pieces
 *   layout_number   calc_number_widths + fill_number + _PyUnicode_InsertThousandsGrouping
 *                   (Python/formatter_unicode.c): sign, prefix, padding, grouping
 *   pct_output      unicode_format_arg_output (Objects/unicodeobject.c): the '%' path's padding
 *
 * Nothing is built as one string: a float's fraction can be a few digits followed by millions
 * of zeros ('%.1000000f'), and an int's digits are the caller's, so text is described in pieces
 * and written straight into the caller's buffer by an snprintf-like writer (Out). */
#include "objects/numfmt.h"

#include "objects/dtoa.h"
#include "objects/ucd.h"

#include <assert.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ============================================================================================ */
/* The writer: counts everything, stores what fits. */

typedef struct Out {
    char *buf;
    size_t cap;
    size_t len; /* bytes of the full result so far; saturates at SIZE_MAX */
} Out;

static void out_grow(Out *o, size_t n)
{
    o->len = n > SIZE_MAX - o->len ? SIZE_MAX : o->len + n;
}

static void out_bytes(Out *o, const char *s, size_t n)
{
    if (n > 0 && o->len < o->cap) {
        size_t room = o->cap - o->len;
        memcpy(o->buf + o->len, s, n < room ? n : room);
    }
    out_grow(o, n);
}

static void out_char(Out *o, char c)
{
    out_bytes(o, &c, 1);
}

/* count copies of s[0..n): only as many as fit are written, the rest is counted. */
static void out_repeat(Out *o, const char *s, size_t n, size_t count)
{
    while (count > 0 && o->len < o->cap) {
        out_bytes(o, s, n);
        count--;
    }
    out_grow(o, count > SIZE_MAX / n ? SIZE_MAX : count * n);
}

static void out_fill(Out *o, uint32_t cp, size_t count)
{
    char u[4];
    out_repeat(o, u, pr_ucd_utf8_encode(cp, u), count);
}

static void out_zeros(Out *o, size_t count)
{
    out_repeat(o, "0", 1, count);
}

static void out_set(Out *o, size_t pos, char c)
{
    if (pos < o->cap) {
        o->buf[pos] = c;
    }
}

static ptrdiff_t out_finish(Out *o, char *err, size_t errlen)
{
    if (o->cap > 0) {
        o->buf[o->len < o->cap ? o->len : o->cap - 1] = '\0';
    }
    if (o->len > (size_t)PTRDIFF_MAX) {
        snprintf(err, errlen, "%s", "");
        return PR_FMT_ENOMEM;
    }
    return (ptrdiff_t)o->len;
}

static int fail(char *err, size_t errlen, int code, const char *msg)
{
    snprintf(err, errlen, "%s", msg);
    return code;
}

/* ============================================================================================ */
/* Floats as pieces of text: [sign] ipart ['.' zeros digits zeros] [tail] */

#define IPART_MAX 320 /* a finite double has at most 309 digits before the point */

typedef struct NumText {
    char sign;                      /* '-', '+' or 0 */
    char digits[PR_DTOA_MAXDIGITS]; /* from dtoa; the pieces below point into it */
    char ipart[IPART_MAX];          /* digits before the point (none for inf and nan) */
    size_t ilen;
    bool point;       /* a decimal point follows ipart */
    size_t flead;     /* zeros right after the point */
    const char *fdig; /* then these digits */
    size_t flen;
    size_t ftrail; /* then these zeros */
    char tail[16]; /* exponent ("e+05"), "inf", "nan", '%' */
    size_t tlen;
} NumText;

/* Characters after the decimal point (or after ipart when there is none). */
static size_t text_remainder(const NumText *t)
{
    return t->flead + t->flen + t->ftrail + t->tlen;
}

static void text_emit_remainder(Out *o, const NumText *t)
{
    out_zeros(o, t->flead);
    out_bytes(o, t->fdig, t->flen);
    out_zeros(o, t->ftrail);
    out_bytes(o, t->tail, t->tlen);
}

static void text_emit(Out *o, const NumText *t)
{
    if (t->sign) {
        out_char(o, t->sign);
    }
    out_bytes(o, t->ipart, t->ilen);
    if (t->point) {
        out_char(o, '.');
    }
    text_emit_remainder(o, t);
}

static void text_special(NumText *t, const char *word, int upper)
{
    for (int i = 0; i < 3; i++) {
        t->tail[i] = upper ? (char)(word[i] - 32) : word[i];
    }
    t->tlen = 3;
}

static void text_exponent(NumText *t, long long exp, int upper)
{
    t->tlen = (size_t)snprintf(t->tail, sizeof t->tail, "%c%+.02lld", upper ? 'E' : 'e', exp);
}

/* Splits the digit string at decpt into ipart and fraction, the fraction being vend digits long
 * counted from the start of the digit string (zeros pad it on the right). */
static void text_place(NumText *t, int nd, long long decpt, long long vend, int alt)
{
    t->fdig = t->digits;
    if (decpt <= 0) {
        t->ipart[0] = '0';
        t->ilen = 1;
        t->flead = (size_t)-decpt;
        t->flen = (size_t)nd;
        t->ftrail = (size_t)(vend - nd);
    } else if (decpt <= nd) {
        memcpy(t->ipart, t->digits, (size_t)decpt);
        t->ilen = (size_t)decpt;
        t->fdig = t->digits + decpt;
        t->flen = (size_t)(nd - decpt);
        t->ftrail = (size_t)(vend - nd);
    } else {
        assert(decpt <= IPART_MAX);
        memcpy(t->ipart, t->digits, (size_t)nd);
        memset(t->ipart + nd, '0', (size_t)(decpt - nd));
        t->ilen = (size_t)decpt;
        t->ftrail = (size_t)(vend - decpt);
    }
    t->point = alt || t->flead + t->flen + t->ftrail > 0;
}

/* Why so many cases: this is format_float_short. 'e' shows precision+1 digits, 'f' precision
 * places, 'g' precision significant digits without trailing zeros (unless '#') and switches to
 * an exponent outside 1e-4 <= |x| < 10**precision, 'r' (repr) switches outside 1e-4 <= |x| <
 * 1e16; ADD_DOT_0 keeps a ".0" on integral fixed-notation values, and with 'g' moves the switch
 * to the exponent one digit earlier so that the ".0" does not add a significant digit. */
static void float_text(double x, char code, int precision, int flags, NumText *t)
{
    int upper = code == 'E' || code == 'F' || code == 'G';
    char c = upper ? (char)(code + 32) : code;
    int add_dot_0 = (flags & PR_DTSF_ADD_DOT_0) != 0, alt = (flags & PR_DTSF_ALT) != 0;
    long long prec = precision;
    PrDtoaMode mode = c == 'f' ? PR_DTOA_PLACES : c == 'r' ? PR_DTOA_SHORTEST : PR_DTOA_DIGITS;
    prec += c == 'e';
    prec = c == 'g' && prec == 0 ? 1 : c == 'r' ? 0 : prec;
    int negative = signbit(x) != 0 && !isnan(x);
    t->ilen = t->flead = t->flen = t->ftrail = t->tlen = 0;
    t->fdig = t->digits;
    t->point = false;
    t->sign = negative ? '-' : (flags & PR_DTSF_SIGN) ? '+' : 0;
    if (!isfinite(x)) {
        text_special(t, isnan(x) ? "nan" : "inf", upper);
        return;
    }
    int decpt_i;
    int nd = pr_dtoa_digits(x, mode, prec > INT_MAX ? INT_MAX : (int)prec, t->digits, &decpt_i);
    if ((flags & PR_DTSF_NO_NEG_0) && negative && (nd == 0 || (nd == 1 && t->digits[0] == '0'))) {
        t->sign = (flags & PR_DTSF_SIGN) ? '+' : 0;
    }
    long long decpt = decpt_i, vend = nd;
    int use_exp = 0;
    if (c == 'e') {
        use_exp = 1;
        vend = prec;
    } else if (c == 'f') {
        vend = decpt + prec;
    } else if (c == 'g') {
        use_exp = decpt <= -4 || decpt > (add_dot_0 ? prec - 1 : prec);
        vend = alt ? prec : vend;
    } else {
        use_exp = decpt <= -4 || decpt > 16;
    }
    long long exp = use_exp ? decpt - 1 : 0;
    decpt = use_exp ? 1 : decpt;
    long long least = !use_exp && add_dot_0 ? decpt + 1 : decpt;
    vend = vend > least ? vend : least;
    text_place(t, nd, decpt, vend, alt);
    if (use_exp) {
        text_exponent(t, exp, upper);
    }
}

size_t pr_numfmt_dtostr(double x, char code, int precision, int flags, char *buf, size_t cap)
{
    NumText t;
    Out o = {buf, cap, 0};
    assert(strchr("eEfFgGr", code) && code != '\0' && precision >= 0);
    float_text(x, code, code == 'r' ? 0 : precision, flags, &t);
    text_emit(&o, &t);
    char err[1];
    return (size_t)out_finish(&o, err, sizeof err);
}

size_t pr_numfmt_repr(double x, char *buf, size_t cap)
{
    return pr_numfmt_dtostr(x, 'r', 0, PR_DTSF_ADD_DOT_0, buf, cap);
}

/* ============================================================================================ */
/* Laying out a number: <lpad><sign><prefix><spad><grouped digits><.><remainder><rpad> */

typedef struct Number {
    char sign;          /* '-' when negative, else 0 */
    const char *prefix; /* "0x" etc. (already in the right case), or "" */
    const char *digits; /* digits to group */
    size_t n_digits;
    int upper;           /* write a-f in digits as A-F (else as a-f) */
    bool decimal;        /* a '.' follows the digits */
    const NumText *frac; /* float: what follows the '.' */
    const char *rest;    /* int 'c': the character (UTF-8), counted as one code point */
    size_t rest_bytes;
} Number;

typedef struct Grouping {
    char sep; /* ',' or '_', 0 for none */
    int size; /* digits per group, 0 for no grouping */
} Grouping;

static char digit_case(char c, int upper)
{
    if (upper && c >= 'a' && c <= 'f') {
        return (char)(c - 32);
    }
    if (!upper && c >= 'A' && c <= 'F') {
        return (char)(c + 32);
    }
    return c;
}

typedef struct GroupWriter {
    Out *o;     /* NULL while only counting */
    size_t pos; /* writing goes backwards from here */
    const Number *num;
    size_t dpos; /* digits not yet written: [0, dpos) */
} GroupWriter;

/* One group, written right to left: [zeros][chars] preceded by a separator. */
static void group_fill(GroupWriter *w, size_t n_chars, size_t n_zeros, char sep)
{
    if (!w->o) {
        return;
    }
    if (sep) {
        out_set(w->o, --w->pos, sep);
    }
    w->pos -= n_chars;
    w->dpos -= n_chars;
    for (size_t i = 0; i < n_chars && w->pos + i < w->o->cap; i++) {
        out_set(w->o, w->pos + i, digit_case(w->num->digits[w->dpos + i], w->num->upper));
    }
    w->pos -= n_zeros;
    for (size_t i = 0; i < n_zeros && w->pos + i < w->o->cap; i++) {
        out_set(w->o, w->pos + i, '0');
    }
}

static ptrdiff_t max3(ptrdiff_t a, ptrdiff_t b, ptrdiff_t c)
{
    ptrdiff_t m = a > b ? a : b;
    return m > c ? m : c;
}

/* Why this shape: it is _PyUnicode_InsertThousandsGrouping, which both measures (w->o NULL) and
 * writes, and pads with zeros *inside* the grouping when the fill is '0' with '=' alignment
 * (format(1234, '09,') == '0,001,234'). Returns: the number of characters. */
static size_t group_digits(GroupWriter *w, ptrdiff_t min_width, Grouping g)
{
    ptrdiff_t remaining = (ptrdiff_t)w->num->n_digits, len, n_zeros, n_chars;
    ptrdiff_t seplen = g.sep ? 1 : 0;
    size_t count = 0;
    int use_sep = 0;
    min_width = min_width > 0 ? min_width : 0;
    while (g.size > 0) {
        len = max3(remaining, min_width, 1);
        len = len < g.size ? len : g.size;
        n_zeros = len - remaining > 0 ? len - remaining : 0;
        n_chars = remaining < len ? remaining : len;
        n_chars = n_chars > 0 ? n_chars : 0;
        count += (size_t)((use_sep ? seplen : 0) + n_zeros + n_chars);
        group_fill(w, (size_t)n_chars, (size_t)n_zeros, use_sep ? g.sep : 0);
        use_sep = 1;
        remaining -= n_chars;
        min_width -= len;
        if (remaining <= 0 && min_width <= 0) {
            return count;
        }
        min_width -= seplen;
    }
    len = max3(remaining, min_width, 1);
    n_zeros = len - remaining > 0 ? len - remaining : 0;
    n_chars = remaining > 0 ? remaining : 0;
    count += (size_t)((use_sep ? seplen : 0) + n_zeros + n_chars);
    group_fill(w, (size_t)n_chars, (size_t)n_zeros, use_sep ? g.sep : 0);
    return count;
}

static void emit_remainder(Out *o, const Number *num)
{
    if (num->frac) {
        text_emit_remainder(o, num->frac);
    } else {
        out_bytes(o, num->rest, num->rest_bytes);
    }
}

/* calc_number_widths + fill_number. align is resolved; widths count code points. */
static ptrdiff_t layout_number(const Number *num, const PrFormatSpec *spec, char align, Grouping g,
                               Out *o, char *err, size_t errlen)
{
    char sign = num->sign;
    if (spec->sign == '+' || spec->sign == ' ') {
        sign = sign == '-' ? '-' : spec->sign;
    }
    ptrdiff_t n_remainder = (ptrdiff_t)(num->frac         ? text_remainder(num->frac)
                                        : num->rest_bytes ? 1
                                                          : 0);
    ptrdiff_t n_other =
        (sign ? 1 : 0) + (ptrdiff_t)strlen(num->prefix) + (num->decimal ? 1 : 0) + n_remainder;
    ptrdiff_t min_width = spec->fill == '0' && align == '=' ? spec->width - n_other : 0;
    GroupWriter w = {NULL, 0, num, num->n_digits};
    size_t n_grouped = num->n_digits == 0 ? 0 : group_digits(&w, min_width, g);
    ptrdiff_t pad = spec->width - (n_other + (ptrdiff_t)n_grouped);
    ptrdiff_t lpad = 0, spad = 0, rpad = 0;
    if (pad > 0) {
        lpad = align == '>' ? pad : align == '^' ? pad / 2 : 0;
        rpad = align == '<' ? pad : align == '^' ? pad - pad / 2 : 0;
        spad = align == '=' ? pad : 0;
    }
    out_fill(o, spec->fill, (size_t)lpad);
    if (sign) {
        out_char(o, sign);
    }
    out_bytes(o, num->prefix, strlen(num->prefix));
    out_fill(o, spec->fill, (size_t)spad);
    if (num->n_digits && o->len < o->cap) {
        w = (GroupWriter){o, o->len + n_grouped, num, num->n_digits};
        group_digits(&w, min_width, g);
    }
    out_grow(o, n_grouped);
    if (num->decimal) {
        out_char(o, '.');
    }
    emit_remainder(o, num);
    out_fill(o, spec->fill, (size_t)rpad);
    return out_finish(o, err, errlen);
}

/* ============================================================================================ */
/* format() for floats */

static ptrdiff_t format_float_text(const NumText *t, const PrFormatSpec *spec, char *buf,
                                   size_t cap, char *err, size_t errlen)
{
    Number num = {0};
    num.sign = t->sign == '-' ? '-' : 0;
    num.prefix = "";
    num.digits = t->ipart;
    num.n_digits = t->ilen;
    num.decimal = t->point;
    num.frac = t;
    Grouping g = {0, 0};
    if (spec->type != 'n' && spec->grouping) {
        g = (Grouping){spec->grouping, 3};
    }
    Out o = {buf, cap, 0};
    return layout_number(&num, spec, pr_fmtspec_align(spec, '>'), g, &o, err, errlen);
}

ptrdiff_t pr_numfmt_format_float(double x, const PrFormatSpec *spec, const char *type_name,
                                 char *buf, size_t cap, char *err, size_t errlen)
{
    uint32_t type = spec->type;
    if (!(type == 0 || type == '%' || (type < 128 && strchr("eEfFgGn", (int)type)))) {
        return pr_fmtspec_unknown(type, type_name, err, errlen);
    }
    if (spec->precision > INT_MAX) {
        return fail(err, errlen, PR_FMT_EVALUE, "precision too big");
    }
    int precision = (int)spec->precision, default_precision = 6, add_pct = 0;
    int flags = (spec->alternate ? PR_DTSF_ALT : 0) | (spec->no_neg_0 ? PR_DTSF_NO_NEG_0 : 0);
    char code = (char)type;
    if (type == 0) {
        flags |= PR_DTSF_ADD_DOT_0;
        code = 'r';
        default_precision = 0;
    } else if (type == 'n') {
        code = 'g';
    } else if (type == '%') {
        code = 'f';
        x = x * 100.0;
        add_pct = 1;
    }
    if (precision < 0) {
        precision = default_precision;
    } else if (code == 'r') {
        code = 'g';
    }
    NumText t;
    float_text(x, code, precision, flags, &t);
    if (add_pct) {
        t.tail[t.tlen++] = '%';
    }
    return format_float_text(&t, spec, buf, cap, err, errlen);
}

/* ============================================================================================ */
/* format() for ints */

int pr_numfmt_int_base(const PrFormatSpec *spec)
{
    switch (spec->type) {
    case 'b':
        return 2;
    case 'o':
        return 8;
    case 'x':
    case 'X':
        return 16;
    default:
        return 10;
    }
}

/* int -> float as float(n) does: correctly rounded, OverflowError past the largest double. */
static int int_to_double(const PrIntDigits *n, double *out, char *err, size_t errlen)
{
    int overflow;
    double x = pr_dtoa_strtod(n->digits, n->len, (long)n->len, &overflow);
    if (overflow || n->len > LONG_MAX) {
        return fail(err, errlen, PR_FMT_EOVERFLOW, "int too large to convert to float");
    }
    *out = n->negative ? -x : x;
    return 0;
}

/* The code point for 'c', from decimal digits: CPython reads a C long first (PyLong_AsLong),
 * then checks the range. */
static int int_to_char(const PrIntDigits *n, uint32_t *cp, char *err, size_t errlen)
{
    unsigned long long v = 0, limit = (unsigned long long)LONG_MAX + (n->negative ? 1 : 0);
    for (size_t i = 0; i < n->len; i++) {
        unsigned d = (unsigned)(n->digits[i] - '0');
        if (v > (limit - d) / 10) {
            return fail(err, errlen, PR_FMT_EOVERFLOW, "Python int too large to convert to C long");
        }
        v = v * 10 + d;
    }
    if ((n->negative && v != 0) || v > 0x10FFFF) {
        return fail(err, errlen, PR_FMT_EOVERFLOW, "%c arg not in range(0x110000)");
    }
    *cp = (uint32_t)v;
    return 0;
}

static int check_long_spec(const PrFormatSpec *spec, uint32_t type, char *err, size_t errlen)
{
    if (spec->precision != -1) {
        return fail(err, errlen, PR_FMT_EVALUE,
                    "Precision not allowed in integer format specifier");
    }
    if (spec->no_neg_0) {
        return fail(err, errlen, PR_FMT_EVALUE,
                    "Negative zero coercion (z) not allowed in integer format specifier");
    }
    if (type == 'c' && spec->sign) {
        return fail(err, errlen, PR_FMT_EVALUE,
                    "Sign not allowed with integer format specifier 'c'");
    }
    if (type == 'c' && spec->alternate) {
        return fail(err, errlen, PR_FMT_EVALUE,
                    "Alternate form (#) not allowed with integer format specifier 'c'");
    }
    return 0;
}

/* format_long_internal: types b c d o x X n. */
static ptrdiff_t format_long(const PrIntDigits *n, const PrFormatSpec *spec, uint32_t type,
                             char *buf, size_t cap, char *err, size_t errlen)
{
    int rc = check_long_spec(spec, type, err, errlen);
    if (rc < 0) {
        return rc;
    }
    Number num = {0};
    char ch[4];
    num.prefix = "";
    if (type == 'c') {
        uint32_t cp;
        if ((rc = int_to_char(n, &cp, err, errlen)) < 0) {
            return rc;
        }
        num.rest = ch;
        num.rest_bytes = pr_ucd_utf8_encode(cp, ch);
    } else {
        static const char *const prefixes[] = {"0b", "0o", "0x", "0X"};
        int which = type == 'b' ? 0 : type == 'o' ? 1 : type == 'x' ? 2 : type == 'X' ? 3 : -1;
        num.prefix = spec->alternate && which >= 0 ? prefixes[which] : "";
        num.sign = n->negative ? '-' : 0;
        num.digits = n->digits;
        num.n_digits = n->len;
        num.upper = type == 'X';
    }
    Grouping g = {0, 0};
    if (type != 'n' && spec->grouping) {
        g = (Grouping){spec->grouping, pr_numfmt_int_base(spec) == 10 ? 3 : 4};
    }
    Out o = {buf, cap, 0};
    return layout_number(&num, spec, pr_fmtspec_align(spec, '>'), g, &o, err, errlen);
}

ptrdiff_t pr_numfmt_format_int(const PrIntDigits *n, const PrFormatSpec *spec,
                               const char *type_name, char *buf, size_t cap, char *err,
                               size_t errlen)
{
    uint32_t type = spec->has_type ? spec->type : 'd';
    if (type < 128 && type && strchr("bcdoxXn", (int)type)) {
        return format_long(n, spec, type, buf, cap, err, errlen);
    }
    if (type < 128 && type && strchr("eEfFgG%", (int)type)) {
        double x;
        int rc = int_to_double(n, &x, err, errlen);
        return rc < 0 ? rc : pr_numfmt_format_float(x, spec, type_name, buf, cap, err, errlen);
    }
    return pr_fmtspec_unknown(type, type_name, err, errlen);
}

/* Digits of |v| in base, into the end of buf (>= 65 bytes). Returns: where they start. */
static char *ll_digits(long long v, int base, char *end)
{
    unsigned long long m = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    char *p = end;
    do {
        *--p = "0123456789abcdef"[m % (unsigned)base];
        m /= (unsigned)base;
    } while (m);
    return p;
}

ptrdiff_t pr_numfmt_format_ll(long long v, const PrFormatSpec *spec, const char *type_name,
                              char *buf, size_t cap, char *err, size_t errlen)
{
    char tmp[72];
    char *p = ll_digits(v, pr_numfmt_int_base(spec), tmp + sizeof tmp);
    PrIntDigits n = {v < 0, p, (size_t)(tmp + sizeof tmp - p)};
    return pr_numfmt_format_int(&n, spec, type_name, buf, cap, err, errlen);
}

/* ============================================================================================ */
/* format() for strs */

static int check_str_spec(const PrFormatSpec *spec, const char *type_name, char *err, size_t errlen)
{
    uint32_t type = spec->has_type ? spec->type : 's';
    if (!spec->has_type && spec->grouping) {
        return pr_fmtspec_bad_grouping(spec->grouping, 's', err, errlen);
    }
    if (type != 's') {
        return pr_fmtspec_unknown(type, type_name, err, errlen);
    }
    if (spec->sign) {
        return fail(err, errlen, PR_FMT_EVALUE,
                    spec->sign == ' ' ? "Space not allowed in string format specifier"
                                      : "Sign not allowed in string format specifier");
    }
    if (spec->no_neg_0) {
        return fail(err, errlen, PR_FMT_EVALUE,
                    "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (spec->alternate) {
        return fail(err, errlen, PR_FMT_EVALUE,
                    "Alternate form (#) not allowed in string format specifier");
    }
    if (pr_fmtspec_align(spec, '<') == '=') {
        return fail(err, errlen, PR_FMT_EVALUE,
                    "'=' alignment not allowed in string format specifier");
    }
    return 0;
}

ptrdiff_t pr_numfmt_format_str(const char *s, size_t len, const PrFormatSpec *spec,
                               const char *type_name, char *buf, size_t cap, char *err,
                               size_t errlen)
{
    int rc = check_str_spec(spec, type_name, err, errlen);
    if (rc < 0) {
        return rc;
    }
    size_t nchars = pr_ucd_utf8_count(s, len);
    if (spec->precision >= 0 && nchars >= (size_t)spec->precision) {
        nchars = (size_t)spec->precision;
        len = pr_ucd_utf8_prefix(s, len, nchars);
    }
    size_t total = spec->width >= 0 && (size_t)spec->width > nchars ? (size_t)spec->width : nchars;
    char align = pr_fmtspec_align(spec, '<');
    size_t lpad = align == '>' ? total - nchars : align == '^' ? (total - nchars) / 2 : 0;
    Out o = {buf, cap, 0};
    out_fill(&o, spec->fill, lpad);
    out_bytes(&o, s, len);
    out_fill(&o, spec->fill, total - nchars - lpad);
    return out_finish(&o, err, errlen);
}

/* ============================================================================================ */
/* printf-style */

/* What a conversion produced, before padding: [sign][prefix][zeros]body, where body is a float's
 * pieces or plain text. */
typedef struct PctBody {
    char sign;          /* '-' from the value, else 0 */
    const char *prefix; /* "0x", "0X", "0o" with '#' (only for x X o), else "" */
    size_t zeros;       /* ints: zeros that bring the digits up to the precision */
    const NumText *num; /* float: the pieces after the sign */
    const char *text;   /* else: UTF-8 text */
    size_t bytes;
    size_t chars; /* code points in zeros + body */
    bool digits;  /* text is int digits: write a-f in the case `upper` says */
    int upper;
} PctBody;

static int is_text_conv(uint32_t c)
{
    return c == 's' || c == 'r' || c == 'a';
}

/* Digits with a-f in the wanted case: only what fits is converted, the rest is counted. */
static void out_digits(Out *o, const char *s, size_t n, int upper)
{
    size_t i = 0;
    for (; i < n && o->len < o->cap; i++) {
        out_char(o, digit_case(s[i], upper));
    }
    out_grow(o, n - i);
}

static void pct_emit_body(Out *o, const PctBody *b)
{
    out_zeros(o, b->zeros);
    if (b->num) {
        out_bytes(o, b->num->ipart, b->num->ilen);
        if (b->num->point) {
            out_char(o, '.');
        }
        text_emit_remainder(o, b->num);
    } else if (b->digits) {
        out_digits(o, b->text, b->bytes, b->upper);
    } else {
        out_bytes(o, b->text, b->bytes);
    }
}

/* unicode_format_arg_output: sign, '#' prefix, zero or space padding. numeric is 0 for s r a c. */
static ptrdiff_t pct_output(const PrPercentSpec *spec, int numeric, const PctBody *b, Out *o,
                            char *err, size_t errlen)
{
    uint32_t fill = numeric && (spec->flags & PR_PCT_ZERO) ? '0' : ' ';
    size_t plen = strlen(b->prefix);
    ptrdiff_t len = (ptrdiff_t)(b->chars + plen) + (b->sign ? 1 : 0), width = spec->width;
    char signchar = 0;
    int sign = numeric;
    if (sign) {
        signchar = b->sign                        ? b->sign
                   : (spec->flags & PR_PCT_SIGN)  ? '+'
                   : (spec->flags & PR_PCT_BLANK) ? ' '
                                                  : 0;
        sign = signchar != 0;
        len -= b->sign ? 1 : 0;
    }
    width = width < len ? len : width;
    if (sign) {
        if (fill != ' ') {
            out_char(o, signchar);
        }
        width -= width > len;
    }
    if (plen) {
        if (fill != ' ') {
            out_bytes(o, b->prefix, plen);
        }
        width = width - 2 < 0 ? 0 : width - 2;
        len -= 2;
    }
    if (width > len && !(spec->flags & PR_PCT_LJUST)) {
        out_fill(o, fill, (size_t)(width - len));
        width = len;
    }
    if (fill == ' ') {
        if (sign) {
            out_char(o, signchar);
        }
        out_bytes(o, b->prefix, plen);
    }
    pct_emit_body(o, b);
    if (width > len) {
        out_fill(o, ' ', (size_t)(width - len));
    }
    return out_finish(o, err, errlen);
}

ptrdiff_t pr_numfmt_pct_float(const PrPercentSpec *spec, double x, char *buf, size_t cap)
{
    NumText t;
    int flags = (spec->flags & PR_PCT_ALT) ? PR_DTSF_ALT : 0;
    assert(spec->conv < 128 && strchr("eEfFgG", (int)spec->conv));
    float_text(x, (char)spec->conv, spec->prec < 0 ? 6 : spec->prec, flags, &t);
    PctBody b = {0};
    b.sign = t.sign;
    b.prefix = "";
    b.num = &t;
    b.chars = t.ilen + (t.point ? 1 : 0) + text_remainder(&t);
    Out o = {buf, cap, 0};
    char err[1];
    return pct_output(spec, 1, &b, &o, err, sizeof err);
}

int pr_numfmt_pct_int_base(uint32_t conv)
{
    return conv == 'o' ? 8 : conv == 'x' || conv == 'X' ? 16 : 10;
}

ptrdiff_t pr_numfmt_pct_int(const PrPercentSpec *spec, const PrIntDigits *n, char *buf, size_t cap,
                            char *err, size_t errlen)
{
    uint32_t c = spec->conv;
    if (spec->prec > INT_MAX - 3) {
        return fail(err, errlen, PR_FMT_EOVERFLOW, "precision too large");
    }
    PctBody b = {0};
    b.sign = n->negative ? '-' : 0;
    b.prefix = "";
    if (spec->flags & PR_PCT_ALT) {
        b.prefix = c == 'o' ? "0o" : c == 'x' ? "0x" : c == 'X' ? "0X" : "";
    }
    b.text = n->digits;
    b.bytes = n->len;
    b.digits = true;
    b.upper = c == 'X';
    b.zeros = spec->prec > 0 && (size_t)spec->prec > n->len ? (size_t)spec->prec - n->len : 0;
    b.chars = b.zeros + n->len;
    Out o = {buf, cap, 0};
    return pct_output(spec, 1, &b, &o, err, errlen);
}

ptrdiff_t pr_numfmt_pct_ll(const PrPercentSpec *spec, long long v, char *buf, size_t cap, char *err,
                           size_t errlen)
{
    char tmp[72];
    char *p = ll_digits(v, pr_numfmt_pct_int_base(spec->conv), tmp + sizeof tmp);
    PrIntDigits n = {v < 0, p, (size_t)(tmp + sizeof tmp - p)};
    return pr_numfmt_pct_int(spec, &n, buf, cap, err, errlen);
}

ptrdiff_t pr_numfmt_pct_text(const PrPercentSpec *spec, const char *s, size_t len, char *buf,
                             size_t cap)
{
    PctBody b = {0};
    b.prefix = "";
    b.text = s;
    b.chars = pr_ucd_utf8_count(s, len);
    if (is_text_conv(spec->conv) && spec->prec >= 0 && b.chars > (size_t)spec->prec) {
        b.chars = (size_t)spec->prec;
        len = pr_ucd_utf8_prefix(s, len, b.chars);
    }
    b.bytes = len;
    Out o = {buf, cap, 0};
    char err[1];
    return pct_output(spec, 0, &b, &o, err, sizeof err);
}

ptrdiff_t pr_numfmt_pct_char(const PrPercentSpec *spec, long long cp, char *buf, size_t cap,
                             char *err, size_t errlen)
{
    char u[4];
    if (cp < 0 || cp > 0x10FFFF) {
        return fail(err, errlen, PR_FMT_EOVERFLOW, "%c arg not in range(0x110000)");
    }
    return pr_numfmt_pct_text(spec, u, pr_ucd_utf8_encode((uint32_t)cp, u), buf, cap);
}

/* ============================================================================================ */
/* float(text) */

/* Text as CPython's float() sees it after _PyUnicode_TransformDecimalAndSpaceToASCII: ASCII as
 * is, other spaces as ' ', other decimal digits as '0'-'9', anything else as '?' (invalid). */
typedef struct Scan {
    const char *s;
    size_t pos, end;
    int c; /* current character, -1 at the end */
} Scan;

static int scan_raw(Scan *sc)
{
    if (sc->pos >= sc->end) {
        return -1;
    }
    uint32_t cp;
    sc->pos += pr_ucd_utf8_decode(sc->s + sc->pos, sc->end - sc->pos, &cp);
    if (cp < 127) {
        return (int)cp;
    }
    if (pr_ucd_isspace(cp)) {
        return ' ';
    }
    int d = pr_ucd_decimal(cp);
    return d >= 0 ? '0' + d : '?';
}

/* Advances to the next character, skipping underscores (already checked to sit between digits). */
static void scan_next(Scan *sc)
{
    do {
        sc->c = scan_raw(sc);
    } while (sc->c == '_');
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_c_space(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Underscores only between digits (PEP 515), checked on the whole text as CPython does; then the
 * byte range [*start, *end) without surrounding whitespace. Returns: 0, or -1 if invalid. */
static int float_bounds(const char *text, size_t len, size_t *start, size_t *end)
{
    Scan sc = {text, 0, len, 0};
    int prev = 0, c;
    *start = len;
    *end = 0;
    for (size_t at = 0; (c = scan_raw(&sc)) >= 0; at = sc.pos) {
        if (c == '_' ? !is_digit(prev) : prev == '_' && !is_digit(c)) {
            return -1;
        }
        if (!is_c_space(c)) {
            *start = *start < at ? *start : at;
            *end = sc.pos;
        }
        prev = c;
    }
    return prev == '_' || *start >= *end ? -1 : 0;
}

/* Significant digits of a decimal literal: value = 0.DIGITS * 10**decpt. */
typedef struct Sig {
    char d[PR_DTOA_MAXDIGITS + 2];
    size_t n;
    long long decpt;
    bool started, sticky;
} Sig;

static void sig_add(Sig *g, int c, int before_point)
{
    if (!g->started && c == '0') {
        g->decpt -= !before_point;
        return;
    }
    g->started = true;
    g->decpt += before_point;
    if (g->n < PR_DTOA_MAXDIGITS) {
        g->d[g->n++] = (char)c;
    } else if (c != '0') {
        g->sticky = true;
    }
}

/* [eE][+-]digits, saturating (beyond 10**15 the value is inf or 0 whatever the digits). */
static int parse_exponent(Scan *sc, long long *exp)
{
    int negative = 0;
    long long e = 0;
    scan_next(sc);
    if (sc->c == '+' || sc->c == '-') {
        negative = sc->c == '-';
        scan_next(sc);
    }
    if (!is_digit(sc->c)) {
        return -1;
    }
    for (; is_digit(sc->c); scan_next(sc)) {
        e = e < 1000000000000000LL ? e * 10 + (sc->c - '0') : e;
    }
    *exp = negative ? -e : e;
    return 0;
}

static int parse_decimal(Scan *sc, double *out)
{
    Sig g = {.n = 0, .decpt = 0, .started = false, .sticky = false};
    int any = 0;
    for (; is_digit(sc->c); scan_next(sc), any = 1) {
        sig_add(&g, sc->c, 1);
    }
    if (sc->c == '.') {
        for (scan_next(sc); is_digit(sc->c); scan_next(sc), any = 1) {
            sig_add(&g, sc->c, 0);
        }
    }
    long long exp = 0;
    if (!any || ((sc->c == 'e' || sc->c == 'E') && parse_exponent(sc, &exp) < 0) || sc->c != -1) {
        return -1;
    }
    if (g.sticky) {
        g.d[g.n++] = '1';
    }
    long long decpt = g.decpt + exp;
    decpt = decpt > 100000 ? 100000 : decpt < -100000 ? -100000 : decpt;
    *out = g.n ? pr_dtoa_strtod(g.d, g.n, (long)decpt, NULL) : 0.0;
    return 0;
}

/* "inf", "infinity" or "nan", in any case, and nothing else. */
static int parse_special(Scan *sc, double *out)
{
    char word[9];
    size_t n = 0;
    for (; sc->c != -1 && n < sizeof word - 1; scan_next(sc)) {
        word[n++] = (char)(sc->c >= 'A' && sc->c <= 'Z' ? sc->c + 32 : sc->c);
    }
    word[n] = '\0';
    if (sc->c != -1) {
        return -1;
    }
    if (strcmp(word, "inf") == 0 || strcmp(word, "infinity") == 0) {
        *out = HUGE_VAL;
        return 0;
    }
    if (strcmp(word, "nan") == 0) {
        *out = NAN;
        return 0;
    }
    return -1;
}

int pr_numfmt_parse_float(const char *text, size_t len, double *out)
{
    size_t start, end;
    if (float_bounds(text, len, &start, &end) < 0) {
        return -1;
    }
    Scan sc = {text, start, end, 0};
    scan_next(&sc);
    int negative = sc.c == '-';
    if (sc.c == '-' || sc.c == '+') {
        scan_next(&sc);
    }
    double v;
    int rc = is_digit(sc.c) || sc.c == '.' ? parse_decimal(&sc, &v) : parse_special(&sc, &v);
    if (rc < 0) {
        return -1;
    }
    *out = negative ? -v : v;
    return 0;
}

/* ============================================================================================ */
/* round() */

int pr_numfmt_round(double x, long long ndigits, double *out)
{
    /* Beyond these, x rounds to itself or to zero (CPython's NDIGITS_MAX and NDIGITS_MIN). */
    if (!isfinite(x) || ndigits > 323) {
        *out = x;
        return 0;
    }
    if (ndigits < -308) {
        *out = 0.0 * x;
        return 0;
    }
    char digits[PR_DTOA_MAXDIGITS];
    int decpt, overflow;
    int n = pr_dtoa_digits(x, PR_DTOA_PLACES, (int)ndigits, digits, &decpt);
    double r = pr_dtoa_strtod(digits, (size_t)n, decpt, &overflow);
    if (overflow) {
        return PR_FMT_EOVERFLOW;
    }
    *out = signbit(x) ? -r : r;
    return 0;
}

double pr_numfmt_round_int(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5) {
        r = 2.0 * round(x / 2.0);
    }
    return r;
}
