/* objects/float.c — the float type: allocation through the free list, conversions, the number
 * slots (CPython 3.11's float_divmod, float_rem and float_pow rules), exact comparison with
 * ints, hash, text, the constructor and the methods. Contracts in objects/float.h. */
#include "objects/float.h"

#include "memory/obmalloc.h"
#include "objects/bigint.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/fmtspec.h"
#include "objects/long.h"
#include "objects/number.h"
#include "objects/numfmt.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <stdlib.h>
#include <strings.h>
#include <math.h>
#include <string.h>

/* ============================================================================================
 *  Allocation and the free list
 * ============================================================================================ */

/* Hands a float kept on the free list back to the allocator. */
static void release_float(void *block)
{
    pr_object_free(block);
}

void pr_float_init_state(void)
{
    pr_freelist_init(&pr_interp.float_.free, pr_freelist_preset_bound(PR_FLOAT_MAXFREELIST),
                     release_float);
}

ssize_t pr_float_clear_free_list(void)
{
    return pr_freelist_clear(&pr_interp.float_.free);
}

void pr_float_set_free_list_limit(ssize_t limit)
{
    pr_freelist_set_max(&pr_interp.float_.free, limit);
}

PrObject *pr_float_from_double(double x)
{
    PrObject *f = pr_freelist_pop(&pr_interp.float_.free);
    if (f) {
        f->refcnt = 1;
    } else if (!(f = pr_object_new(PR_TYPE(float)))) {
        return NULL;
    }
    PR_FLOAT_VALUE(f) = x;
    return f;
}

static void float_dealloc(PrObject *self)
{
    if (!PR_FLOAT_CHECK_EXACT(self) || !pr_freelist_push(&pr_interp.float_.free, self)) {
        pr_object_free(self);
    }
}

/* ============================================================================================
 *  Conversions
 * ============================================================================================ */

PrObject *pr_float_from_string(const char *text, size_t len)
{
    double x;
    if (pr_numfmt_parse_float(text, len, &x) < 0) {
        PrObject *s = pr_str_from_utf8(text, (ssize_t)len);
        if (s) {
            pr_err_format(PR_EXC(ValueError), "could not convert string to float: %R", s);
            PR_DECREF(s);
        }
        return NULL;
    }
    return pr_float_from_double(x);
}

int pr_float_as_double(PrObject *o, double *out)
{
    if (PR_FLOAT_CHECK(o)) {
        *out = PR_FLOAT_VALUE(o);
        return 0;
    }
    if (PR_LONG_CHECK(o)) {
        return pr_long_as_double(o, out);
    }
    PrObject *r = NULL;
    if (o->type->number.nb_float) {
        r = o->type->number.nb_float(o);
        if (r && !PR_FLOAT_CHECK(r)) {
            pr_err_format(PR_EXC(TypeError), "%s.__float__ returned non-float (type %s)",
                          o->type->name, r->type->name);
            PR_CLEAR(r);
        }
        if (!r) {
            return -1;
        }
        *out = PR_FLOAT_VALUE(r);
        PR_DECREF(r);
        return 0;
    }
    if (o->type->number.nb_index) {
        if (!(r = pr_number_index(o))) {
            return -1;
        }
        int rc = pr_long_as_double(r, out);
        PR_DECREF(r);
        return rc;
    }
    pr_err_format(PR_EXC(TypeError), "must be real number, not %s", o->type->name);
    return -1;
}

/* The operand of a binary slot as a double: a float, or an int converted (which may overflow).
 * Returns: 1 with *out set, 0 for a type float does not handle, -1 with OverflowError. */
static int operand(PrObject *o, double *out)
{
    if (PR_FLOAT_CHECK(o)) {
        *out = PR_FLOAT_VALUE(o);
        return 1;
    }
    if (PR_LONG_CHECK(o)) {
        return pr_long_as_double(o, out) < 0 ? -1 : 1;
    }
    return 0;
}

#define CONVERT_OPERANDS(a, b, x, y)                                                               \
    do {                                                                                           \
        int rc_ = operand(a, &x);                                                                  \
        if (rc_ > 0) {                                                                             \
            rc_ = operand(b, &y);                                                                  \
        }                                                                                          \
        if (rc_ < 0) {                                                                             \
            return NULL;                                                                           \
        }                                                                                          \
        if (rc_ == 0) {                                                                            \
            PR_RETURN_NOTIMPLEMENTED;                                                              \
        }                                                                                          \
    } while (0)

PrObject *pr_float_trunc(double x)
{
    return pr_long_from_double(x);
}

PrObject *pr_float_floor(double x)
{
    return pr_long_from_double(floor(x));
}

PrObject *pr_float_ceil(double x)
{
    return pr_long_from_double(ceil(x));
}

PrObject *pr_float_round_to_int(double x)
{
    return pr_long_from_double(pr_numfmt_round_int(x));
}

/* ============================================================================================
 *  Arithmetic
 * ============================================================================================ */

static PrObject *float_add(PrObject *a, PrObject *b)
{
    double x, y;
    CONVERT_OPERANDS(a, b, x, y);
    return pr_float_from_double(x + y);
}

static PrObject *float_sub(PrObject *a, PrObject *b)
{
    double x, y;
    CONVERT_OPERANDS(a, b, x, y);
    return pr_float_from_double(x - y);
}

static PrObject *float_mul(PrObject *a, PrObject *b)
{
    double x, y;
    CONVERT_OPERANDS(a, b, x, y);
    return pr_float_from_double(x * y);
}

static PrObject *float_truediv(PrObject *a, PrObject *b)
{
    double x, y;
    CONVERT_OPERANDS(a, b, x, y);
    if (y == 0.0) {
        return pr_err_set(PR_EXC(ZeroDivisionError), "float division by zero");
    }
    return pr_float_from_double(x / y);
}

/* CPython's float_rem: fmod, then the sign of the divisor. */
static double float_mod_value(double vx, double wx)
{
    double mod = fmod(vx, wx);
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    return mod;
}

/* CPython's _float_div_mod: floor quotient and modulo, consistent with each other. */
static void float_divmod_values(double vx, double wx, double *floordiv, double *mod)
{
    double m = fmod(vx, wx), div = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    if (div) {
        double f = floor(div);
        if (div - f > 0.5) {
            f += 1.0;
        }
        *floordiv = f;
    } else {
        *floordiv = copysign(0.0, vx / wx);
    }
    *mod = m;
}

static PrObject *float_mod(PrObject *a, PrObject *b)
{
    double x, y;
    CONVERT_OPERANDS(a, b, x, y);
    if (y == 0.0) {
        return pr_err_set(PR_EXC(ZeroDivisionError), "float modulo");
    }
    return pr_float_from_double(float_mod_value(x, y));
}

static PrObject *float_floordiv(PrObject *a, PrObject *b)
{
    double x, y, q, m;
    CONVERT_OPERANDS(a, b, x, y);
    if (y == 0.0) {
        return pr_err_set(PR_EXC(ZeroDivisionError), "float floor division by zero");
    }
    float_divmod_values(x, y, &q, &m);
    return pr_float_from_double(q);
}

static PrObject *float_divmod(PrObject *a, PrObject *b)
{
    double x, y, q, m;
    CONVERT_OPERANDS(a, b, x, y);
    if (y == 0.0) {
        return pr_err_set(PR_EXC(ZeroDivisionError), "float divmod()");
    }
    float_divmod_values(x, y, &q, &m);
    PrObject *qo = pr_float_from_double(q), *mo = qo ? pr_float_from_double(m) : NULL;
    PrObject *r = mo ? pr_tuple_pack(2, qo, mo) : NULL;
    PR_XDECREF(qo);
    PR_XDECREF(mo);
    return r;
}

static int is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

/* OverflowError(34, 'Numerical result out of range'): CPython's PyErr_SetFromErrno(ERANGE). */
static PrObject *range_error(void)
{
    PrObject *code = pr_long_from_int64(ERANGE), *msg = pr_str_from_cstr(strerror(ERANGE));
    PrObject *args = code && msg ? pr_tuple_pack(2, code, msg) : NULL;
    PrObject *exc = args ? pr_exception_new(PR_EXC(OverflowError), args) : NULL;
    PR_XDECREF(code);
    PR_XDECREF(msg);
    PR_XDECREF(args);
    if (exc) {
        pr_err_set_object(PR_EXC(OverflowError), exc);
        PR_DECREF(exc);
    }
    return NULL;
}

/* CPython's float_pow, case by case (C99 pow's special cases, made explicit). Returns: 0 with
 * *out, or -1 with the exception. */
static int pow_value(double iv, double iw, double *out)
{
    if (iw == 0.0) {
        *out = 1.0;
    } else if (isnan(iv)) {
        *out = iv;
    } else if (isnan(iw)) {
        *out = iv == 1.0 ? 1.0 : iw;
    } else if (isinf(iw)) {
        double av = fabs(iv);
        *out = av == 1.0 ? 1.0 : (iw > 0.0) == (av > 1.0) ? fabs(iw) : 0.0;
    } else if (isinf(iv)) {
        int odd = is_odd_integer(iw);
        *out = iw > 0.0 ? (odd ? iv : fabs(iv)) : (odd ? copysign(0.0, iv) : 0.0);
    } else if (iv == 0.0) {
        if (iw < 0.0) {
            pr_err_set(PR_EXC(ZeroDivisionError), "0.0 cannot be raised to a negative power");
            return -1;
        }
        *out = is_odd_integer(iw) ? iv : 0.0;
    } else {
        int negate = 0;
        if (iv < 0.0) {
            if (iw != floor(iw)) {
                pr_err_set(PR_EXC(ValueError),
                           "negative number cannot be raised to a fractional power");
                return -1;
            }
            iv = -iv;
            negate = is_odd_integer(iw);
        }
        double ix = iv == 1.0 ? 1.0 : pow(iv, iw);
        if (isinf(ix)) {
            range_error();
            return -1;
        }
        *out = negate ? -ix : ix;
    }
    return 0;
}

static PrObject *float_pow(PrObject *a, PrObject *b)
{
    double x, y, r;
    CONVERT_OPERANDS(a, b, x, y);
    return pow_value(x, y, &r) < 0 ? NULL : pr_float_from_double(r);
}

static PrObject *float_negative(PrObject *a)
{
    return pr_float_from_double(-PR_FLOAT_VALUE(a));
}

static PrObject *float_positive(PrObject *a)
{
    return PR_FLOAT_CHECK_EXACT(a) ? PR_NEWREF(a) : pr_float_from_double(PR_FLOAT_VALUE(a));
}

static PrObject *float_absolute(PrObject *a)
{
    return pr_float_from_double(fabs(PR_FLOAT_VALUE(a)));
}

static int float_bool(PrObject *self)
{
    return PR_FLOAT_VALUE(self) != 0.0;
}

static PrObject *float_int(PrObject *self)
{
    return pr_long_from_double(PR_FLOAT_VALUE(self));
}

/* ============================================================================================
 *  Comparison and hash
 * ============================================================================================ */

/* Compares the finite double x with the int w exactly (CPython's float_richcompare).
 * Returns: -1, 0 or 1. */
static int compare_with_int(double x, PrObject *w)
{
    int xs = x < 0 ? -1 : x > 0, ws = pr_long_sign(w);
    if (xs != ws) {
        return xs < ws ? -1 : 1;
    }
    if (ws == 0) {
        return 0;
    }
    uint64_t nbits = pr_long_bit_length(w);
    if (nbits <= 48) { /* w is exact as a double */
        double y = (double)(ws * (int64_t)PR_LONG_DIGITS(w)[0]);
        if (PR_SIZE(w) == 2 || PR_SIZE(w) == -2) {
            y = ws * ((double)PR_LONG_DIGITS(w)[1] * PR_DIGIT_BASE + PR_LONG_DIGITS(w)[0]);
        }
        return (x > y) - (x < y);
    }
    int exponent, c;
    (void)frexp(fabs(x), &exponent);
    if (exponent < 0 || (uint64_t)exponent < nbits) {
        c = -1; /* |x| < 2**(nbits-1) <= |w| */
    } else if ((uint64_t)exponent > nbits) {
        c = 1;
    } else {
        /* the same number of bits: compare the integral part exactly, then the fraction */
        double ipart, fpart = modf(fabs(x), &ipart);
        PrDigit d[PR_BIGINT_DOUBLE_DIGITS];
        ptrdiff_t nd = pr_bigint_from_double(d, ipart);
        ptrdiff_t nw = PR_SIZE(w) < 0 ? -PR_SIZE(w) : PR_SIZE(w);
        c = pr_bigint_cmp(d, nd, PR_LONG_DIGITS(w), nw);
        if (c == 0 && fpart > 0.0) {
            c = 1;
        }
    }
    return xs < 0 ? -c : c;
}

static PrObject *compare_result(double x, double y, int c, int unordered, PrCompareOp op)
{
    (void)x;
    (void)y;
    if (unordered) {
        return pr_bool_from_long(op == PR_NE);
    }
    int r = op == PR_LT   ? c < 0
            : op == PR_LE ? c <= 0
            : op == PR_EQ ? c == 0
            : op == PR_NE ? c != 0
            : op == PR_GT ? c > 0
                          : c >= 0;
    return pr_bool_from_long(r);
}

static PrObject *float_richcompare(PrObject *a, PrObject *b, PrCompareOp op)
{
    if (!PR_FLOAT_CHECK(a)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    double x = PR_FLOAT_VALUE(a), y = 0.0;
    int c = 0, unordered = isnan(x);
    if (PR_FLOAT_CHECK(b)) {
        y = PR_FLOAT_VALUE(b);
        unordered |= isnan(y);
        c = (x > y) - (x < y);
    } else if (PR_LONG_CHECK(b)) {
        c = isinf(x) ? (x > 0 ? 1 : -1) : unordered ? 0 : compare_with_int(x, b);
    } else {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return compare_result(x, y, c, unordered, op);
}

static PrHash float_hash(PrObject *self)
{
    double x = PR_FLOAT_VALUE(self);
    if (isnan(x)) {
        return pr_hash_pointer(self); /* CPython 3.10+: a nan hashes by identity */
    }
    return (PrHash)pr_bigint_hash_double(x);
}

/* ============================================================================================
 *  Text
 * ============================================================================================ */

static PrObject *float_repr(PrObject *self)
{
    char buf[PR_NUMFMT_REPR_SIZE];
    size_t n = pr_numfmt_repr(PR_FLOAT_VALUE(self), buf, sizeof buf);
    return pr_str_from_utf8(buf, (ssize_t)n);
}

PrObject *pr_float_format(PrObject *o, PrObject *spec)
{
    PrFormatSpec fs;
    int parsed = pr_format_spec_parse(o, spec, &fs);
    if (parsed != 1) {
        return parsed == 0 ? pr_object_str(o) : NULL;
    }
    char err[256];
    const char *tname = o->type->name;
    double x = PR_FLOAT_VALUE(o);
    char stack[128], *buf = stack;
    PrObject *r = NULL;
    ptrdiff_t want = pr_numfmt_format_float(x, &fs, tname, buf, sizeof stack, err, sizeof err);
    if (want >= (ptrdiff_t)sizeof stack) {
        if (!(buf = pr_mem_alloc((size_t)want + 1))) {
            return pr_err_no_memory();
        }
        want = pr_numfmt_format_float(x, &fs, tname, buf, (size_t)want + 1, err, sizeof err);
    }
    if (want == PR_FMT_EVALUE) {
        pr_err_set(PR_EXC(ValueError), err);
    } else if (want < 0) {
        pr_err_no_memory();
    } else {
        r = pr_str_from_utf8(buf, want);
    }
    if (buf != stack) {
        pr_mem_free(buf);
    }
    return r;
}

/* ============================================================================================
 *  Constructor, methods, attributes
 * ============================================================================================ */

/* float(b) for a bytes: its ASCII text parsed as a str's would be; the error shows the bytes. */
static PrObject *float_from_bytes(PrObject *b)
{
    const char *p = PR_BYTES_DATA(b);
    ssize_t n = PR_BYTES_SIZE(b), i = 0;
    double x;
    while (i < n && (unsigned char)p[i] < 0x80) {
        i++;
    }
    if (i < n || pr_numfmt_parse_float(p, (size_t)n, &x) < 0) {
        return pr_err_format(PR_EXC(ValueError), "could not convert string to float: %R", b);
    }
    return pr_float_from_double(x);
}

static PrObject *float_from_object(PrObject *x)
{
    if (PR_STR_CHECK(x)) {
        return pr_float_from_string(pr_str_utf8(x), (size_t)PR_STR_BYTES(x));
    }
    if (PR_BYTES_CHECK(x)) {
        return float_from_bytes(x);
    }
    if (PR_FLOAT_CHECK_EXACT(x)) {
        return PR_NEWREF(x);
    }
    if (!PR_FLOAT_CHECK(x) && !PR_LONG_CHECK(x) && !x->type->number.nb_float &&
        !x->type->number.nb_index) {
        return pr_err_format(PR_EXC(TypeError),
                             "float() argument must be a string or a real number, not '%s'",
                             x->type->name);
    }
    double v;
    return pr_float_as_double(x, &v) < 0 ? NULL : pr_float_from_double(v);
}

static PrObject *float_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (kwnames && PR_TUPLE_SIZE(kwnames)) {
        return pr_err_set(PR_EXC(TypeError), "float() takes no keyword arguments");
    }
    if (nargs > 1) {
        return pr_err_format(PR_EXC(TypeError), "float expected at most 1 argument, got %zu",
                             nargs);
    }
    return nargs ? float_from_object(args[0]) : pr_float_from_double(0.0);
}

static PrObject *float_is_integer(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    double x = PR_FLOAT_VALUE(self);
    return pr_bool_from_long(isfinite(x) && floor(x) == x);
}

/* CPython's float_as_integer_ratio: double the mantissa until it is integral. */
static PrObject *float_as_integer_ratio(PrObject *self, PrObject *const *args, size_t nargs,
                                        PrObject *kwnames)
{
    double x = PR_FLOAT_VALUE(self);
    if (isinf(x)) {
        return pr_err_set(PR_EXC(OverflowError), "cannot convert Infinity to integer ratio");
    }
    if (isnan(x)) {
        return pr_err_set(PR_EXC(ValueError), "cannot convert NaN to integer ratio");
    }
    int exponent;
    double m = frexp(x, &exponent);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        exponent--;
    }
    PrObject *num = pr_long_from_double(m), *den = pr_long_from_int64(1), *shift = NULL;
    PrObject *r = NULL;
    if (!num || !den || !(shift = pr_long_from_int64(exponent > 0 ? exponent : -exponent))) {
        goto done;
    }
    PrObject **target = exponent > 0 ? &num : &den;
    PR_SETREF(*target, pr_number_lshift(*target, shift));
    if (*target) {
        r = pr_tuple_pack(2, num, den);
    }
done:
    PR_XDECREF(num);
    PR_XDECREF(den);
    PR_XDECREF(shift);
    return r;
}

/* float.hex(): CPython's float_hex, 13 hex digits after the point, subnormals with a leading
 * 0 and the exponent of the smallest normal. */
static PrObject *float_hex(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    double x = PR_FLOAT_VALUE(self), m;
    if (!isfinite(x)) {
        return pr_object_repr(self);
    }
    if (x == 0.0) {
        return pr_str_from_cstr(copysign(1.0, x) < 0 ? "-0x0.0p+0" : "0x0.0p+0");
    }
    int e, shift;
    char digits[20], *d = digits;
    static const char hex[] = "0123456789abcdef";
    m = frexp(fabs(x), &e);
    shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    *d++ = hex[(int)m];
    m -= (int)m;
    *d++ = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        *d++ = hex[(int)m];
        m -= (int)m;
    }
    *d = '\0';
    return pr_str_from_format("%s0x%sp%c%d", x < 0 ? "-" : "", digits, e < 0 ? '-' : '+',
                              e < 0 ? -e : e);
}

static int is_hex_digit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int is_ascii_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The float of the hexadecimal text p[0..n) in float.fromhex's syntax: [sign] (inf | infinity |
 * nan | [0x] digits [. digits] [p [sign] decimal]), blanks around. The checked text goes to
 * strtod, whose hexadecimal conversion rounds half to even as CPython's does.
 * Returns: 0 with *out, or -1 with ValueError or OverflowError. */
static int parse_hex_float(const char *p, size_t n, double *out)
{
    char *buf = pr_mem_alloc(n + 3), *end; /* room for a "0x" the text may lack */
    size_t i = 0, j = 0, ndigits = 0;
    int rc = -1;
    if (!buf) {
        pr_err_no_memory();
        return -1;
    }
    while (i < n && is_ascii_space(p[i])) {
        i++;
    }
    while (n > i && is_ascii_space(p[n - 1])) {
        n--;
    }
    if (i < n && (p[i] == '+' || p[i] == '-')) {
        buf[j++] = p[i++];
    }
    const char *rest = p + i;
    size_t len = n - i;
    if ((len == 3 && (strncasecmp(rest, "inf", 3) == 0 || strncasecmp(rest, "nan", 3) == 0)) ||
        (len == 8 && strncasecmp(rest, "infinity", 8) == 0)) {
        memcpy(buf + j, rest, len);
        buf[j + len] = '\0';
        *out = strtod(buf, NULL);
        rc = 0;
        goto done;
    }
    if (len >= 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X')) {
        i += 2;
    }
    memcpy(buf + j, "0x", 2);
    j += 2;
    for (; i < n && is_hex_digit(p[i]); i++, ndigits++) {
        buf[j++] = p[i];
    }
    if (i < n && p[i] == '.') {
        buf[j++] = p[i++];
        for (; i < n && is_hex_digit(p[i]); i++, ndigits++) {
            buf[j++] = p[i];
        }
    }
    if (ndigits == 0) {
        goto invalid;
    }
    if (i < n && (p[i] == 'p' || p[i] == 'P')) {
        buf[j++] = p[i++];
        if (i < n && (p[i] == '+' || p[i] == '-')) {
            buf[j++] = p[i++];
        }
        if (i == n || !isdigit((unsigned char)p[i])) {
            goto invalid;
        }
        for (; i < n && isdigit((unsigned char)p[i]); i++) {
            buf[j++] = p[i];
        }
    }
    if (i != n) {
        goto invalid;
    }
    buf[j] = '\0';
    errno = 0;
    *out = strtod(buf, &end);
    if (isinf(*out)) {
        pr_err_set(PR_EXC(OverflowError), "hexadecimal value too large to represent as a float");
        goto done;
    }
    rc = 0;
    goto done;
invalid:
    pr_err_set(PR_EXC(ValueError), "invalid hexadecimal floating-point string");
done:
    pr_mem_free(buf);
    return rc;
}

/* float.fromhex(string), a class method: a subclass is called with the float. */
static PrObject *float_fromhex(PrObject *self, PrObject *const *args, size_t nargs,
                               PrObject *kwnames)
{
    double x;
    if (!PR_STR_CHECK(args[0])) {
        return pr_err_set(PR_EXC(TypeError), "bad argument type for built-in operation");
    }
    if (parse_hex_float(pr_str_utf8(args[0]), (size_t)PR_STR_BYTES(args[0]), &x) < 0) {
        return NULL;
    }
    PrObject *r = pr_float_from_double(x);
    if (r && self != (PrObject *)PR_TYPE(float)) {
        PR_SETREF(r, pr_object_call(self, &r, 1, NULL));
    }
    return r;
}

static PrObject *float_self(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    return float_positive(self);
}

static PrObject *float_trunc_method(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames)
{
    return pr_float_trunc(PR_FLOAT_VALUE(self));
}

static PrObject *float_floor_method(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames)
{
    return pr_float_floor(PR_FLOAT_VALUE(self));
}

static PrObject *float_ceil_method(PrObject *self, PrObject *const *args, size_t nargs,
                                   PrObject *kwnames)
{
    return pr_float_ceil(PR_FLOAT_VALUE(self));
}

/* round(x) and round(x, ndigits). */
static PrObject *float_round_method(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames)
{
    double x = PR_FLOAT_VALUE(self), r;
    if (nargs > 1) {
        return pr_err_format(PR_EXC(TypeError), "__round__ expected at most 1 argument, got %zu",
                             nargs);
    }
    if (nargs == 0 || args[0] == PR_None) {
        return pr_float_round_to_int(x);
    }
    PrObject *nd = pr_number_index(args[0]);
    if (!nd) {
        return NULL;
    }
    int64_t ndigits = 0;
    if (pr_long_as_int64(nd, &ndigits) < 0) { /* clamped, as PyNumber_AsSsize_t(o, NULL) */
        pr_err_clear();
        ndigits = pr_long_sign(nd) < 0 ? INT64_MIN : INT64_MAX;
    }
    PR_DECREF(nd);
    if (pr_numfmt_round(x, (long long)ndigits, &r) < 0) {
        return pr_err_set(PR_EXC(OverflowError), "rounded value too large to represent");
    }
    return pr_float_from_double(r);
}

static PrObject *float_format_method(PrObject *self, PrObject *const *args, size_t nargs,
                                     PrObject *kwnames)
{
    return pr_float_format(self, args[0]);
}

static const PrMethodDef float_methods[] = {
    {"is_integer", float_is_integer, PR_METH_NOARGS, "Return True if the float is an integer."},
    {"as_integer_ratio", float_as_integer_ratio, PR_METH_NOARGS,
     "Return integer ratio: a pair of integers whose ratio is exactly the float."},
    {"conjugate", float_self, PR_METH_NOARGS, "Return self, the complex conjugate of any float."},
    {"hex", float_hex, PR_METH_NOARGS,
     "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", float_fromhex, PR_METH_O | PR_METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"__trunc__", float_trunc_method, PR_METH_NOARGS,
     "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_floor_method, PR_METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", float_ceil_method, PR_METH_NOARGS, "Return the ceiling as an Integral."},
    {"__round__", float_round_method, PR_METH_VARARGS,
     "Return the Integral closest to x, rounding half toward even."},
    {"__format__", float_format_method, PR_METH_O, "Formats the float according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static PrObject *float_get_real(PrObject *self, void *closure)
{
    return float_positive(self);
}

static PrObject *float_get_imag(PrObject *self, void *closure)
{
    return pr_float_from_double(0.0);
}

static const PrGetSetDef float_getsets[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const PrType pr_float_spec = {
    .name = "float",
    .doc = "Convert a string or number to a floating point number, if possible.",
    .basicsize = sizeof(PrFloatObject),
    .flags = PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = float_dealloc,
    .repr = float_repr,
    .hash = float_hash,
    .richcompare = float_richcompare,
    .new = float_new,
    .methods = float_methods,
    .getsets = float_getsets,
    .number.nb_add = float_add,
    .number.nb_sub = float_sub,
    .number.nb_mul = float_mul,
    .number.nb_truediv = float_truediv,
    .number.nb_floordiv = float_floordiv,
    .number.nb_mod = float_mod,
    .number.nb_divmod = float_divmod,
    .number.nb_pow = float_pow,
    .number.nb_negative = float_negative,
    .number.nb_positive = float_positive,
    .number.nb_absolute = float_absolute,
    .number.nb_bool = float_bool,
    .number.nb_int = float_int,
    .number.nb_float = float_positive,
};
