/* objects/long.c — the int type: allocation and the small ints, conversions, the number slots
 * with their one-digit fast paths, comparison and hash, text, the constructor and the methods.
 * Contracts in objects/long.h; the digit arithmetic is objects/bigint.h's. */
#include "objects/long.h"

#include "memory/obmalloc.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/fmtspec.h"
#include "objects/number.h"
#include "objects/numfmt.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/strargs.h"
#include "objects/tuple.h"
#include "objects/ucd.h"
#include "vm/errors.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define DIGITS PR_LONG_DIGITS

static ptrdiff_t abs_size(ptrdiff_t s)
{
    return s < 0 ? -s : s;
}

/* ============================================================================================
 *  Allocation and the small ints
 * ============================================================================================ */

static PrObject *small_int(int64_t v)
{
    return PR_NEWREF(&pr_interp.long_.small[v + PR_SMALL_INT_NEG]);
}

static int is_small(int64_t v)
{
    return v >= -PR_SMALL_INT_NEG && v < PR_SMALL_INT_POS;
}

/* Hands an int kept on the free list back to the allocator. */
static void release_int(void *block)
{
    pr_object_free(block);
}

void pr_long_init_state(void)
{
    for (int i = 0; i < PR_SMALL_INT_NEG + PR_SMALL_INT_POS; i++) {
        int v = i - PR_SMALL_INT_NEG;
        PrLongObject *o = &pr_interp.long_.small[i];
        o->ob.ob = (PrObject)PR_STATIC_HEADER(PR_TYPE(int));
        o->ob.size = v < 0 ? -1 : v > 0;
        o->digit[0] = (uint32_t)(v < 0 ? -v : v);
    }
    pr_interp.long_.max_str_digits = PR_LONG_MAX_STR_DIGITS;
    /* Python 3 keeps no ints: the bound is the Python 2 presets' "kept forever" or 0 */
    pr_freelist_init(&pr_interp.long_.free, pr_freelist_preset_bound(0), release_int);
}

ssize_t pr_long_clear_free_list(void)
{
    return pr_freelist_clear(&pr_interp.long_.free);
}

void pr_long_set_free_list_limit(ssize_t limit)
{
    pr_freelist_set_max(&pr_interp.long_.free, limit);
}

/* An int with room for n digits (at least one, as CPython, so that one-digit code never
 * checks), its size still to be set by finish(). One digit comes from the free list when the
 * preset keeps one. */
static PrObject *long_alloc(ptrdiff_t n)
{
    PrObject *o = n <= 1 ? pr_freelist_pop(&pr_interp.long_.free) : NULL;
    if (o) {
        o->refcnt = 1;
    } else if (!(o = pr_object_new_var(PR_TYPE(int), n > 0 ? n : 1))) {
        return NULL;
    }
    PR_SIZE(o) = 0;
    return o;
}

/* Sets the size of a result built in place; a value in -5..256 is replaced by the shared one. */
static PrObject *finish(PrObject *r, ptrdiff_t size)
{
    if (size >= -1 && size <= 1) {
        int64_t v = size ? (int64_t)DIGITS(r)[0] * size : 0;
        if (is_small(v)) {
            PR_DECREF(r);
            return small_int(v);
        }
    }
    PR_SIZE(r) = size;
    return r;
}

#define IS_COMPACT(o) pr_long_is_compact(o)

/* Digits of the magnitude m: exactly what is allocated for it, as CPython does for C values. */
static ptrdiff_t digits_for(uint64_t m)
{
    return m < PR_DIGIT_BASE ? 1 : m >> (2 * PR_DIGIT_BITS) == 0 ? 2 : 3;
}

/* A new int of magnitude m (not a shared one), negated when negative. */
static PrObject *from_magnitude(uint64_t m, int negative)
{
    PrObject *r = long_alloc(digits_for(m));
    if (!r) {
        return NULL;
    }
    ptrdiff_t n = 0;
    for (; m; m >>= PR_DIGIT_BITS) {
        DIGITS(r)[n++] = (PrDigit)(m & PR_DIGIT_MASK);
    }
    PR_SIZE(r) = negative ? -n : n;
    return r;
}

PrObject *pr_long_from_uint64(uint64_t v)
{
    return v < PR_SMALL_INT_POS ? small_int((int64_t)v) : from_magnitude(v, 0);
}

PrObject *pr_long_from_int64(int64_t v)
{
    if (is_small(v)) {
        return small_int(v);
    }
    return from_magnitude(v < 0 ? 0 - (uint64_t)v : (uint64_t)v, v < 0);
}

PrObject *pr_long_from_digits(const PrDigit *d, ptrdiff_t size)
{
    ptrdiff_t n = pr_bigint_normalize(d, abs_size(size));
    PrObject *r = long_alloc(n);
    if (!r) {
        return NULL;
    }
    memcpy(DIGITS(r), d, (size_t)n * sizeof(PrDigit));
    return finish(r, size < 0 ? -n : n);
}

/* A copy of the int o as an exact int (int(True) is 1; an exact int is itself). */
static PrObject *exact_copy(PrObject *o)
{
    if (PR_LONG_CHECK_EXACT(o)) {
        return PR_NEWREF(o);
    }
    return pr_long_from_digits(DIGITS(o), PR_SIZE(o));
}

/* Python 2's int free list, under the presets that keep one: any exact int of at most one
 * digit has room for one digit. */
static void long_dealloc(PrObject *self)
{
    if (!PR_LONG_CHECK_EXACT(self) || !IS_COMPACT(self) ||
        !pr_freelist_push(&pr_interp.long_.free, self)) {
        pr_object_free(self);
    }
}

/* Raises the Python exception for a negative PrBigintError. Returns: NULL. */
static PrObject *bigint_error(int code, const char *zerodiv)
{
    switch (code) {
    case PR_BIGINT_EZERODIV:
        return pr_err_set(PR_EXC(ZeroDivisionError), zerodiv);
    case PR_BIGINT_EMODZERO:
        return pr_err_set(PR_EXC(ValueError), "pow() 3rd argument cannot be 0");
    case PR_BIGINT_ENOTINVERTIBLE:
        return pr_err_set(PR_EXC(ValueError), "base is not invertible for the given modulus");
    case PR_BIGINT_EOVERFLOW:
        return pr_err_set(PR_EXC(OverflowError), "int too large to convert to float");
    default:
        return pr_err_no_memory();
    }
}

/* ============================================================================================
 *  Conversions
 * ============================================================================================ */

PrObject *pr_long_from_double(double x)
{
    if (isinf(x)) {
        return pr_err_set(PR_EXC(OverflowError), "cannot convert float infinity to integer");
    }
    if (isnan(x)) {
        return pr_err_set(PR_EXC(ValueError), "cannot convert float NaN to integer");
    }
    if (x > -1e18 && x < 1e18) {
        return pr_long_from_int64((int64_t)x);
    }
    PrObject *r = long_alloc(PR_BIGINT_DOUBLE_DIGITS);
    return r ? finish(r, pr_bigint_from_double(DIGITS(r), x)) : NULL;
}

static int as_int64(PrObject *o, int64_t *out, const char *ctype)
{
    PrObject *i = pr_number_index(o); /* o itself for an int */
    if (!i) {
        return -1;
    }
    int rc = 0;
    if (IS_COMPACT(i)) {
        *out = pr_long_compact_value(i);
    } else if (pr_bigint_to_int64(DIGITS(i), PR_SIZE(i), out) < 0) {
        pr_err_format(PR_EXC(OverflowError), "Python int too large to convert to C %s", ctype);
        rc = -1;
    }
    PR_DECREF(i);
    return rc;
}

int pr_long_as_int64(PrObject *o, int64_t *out)
{
    return as_int64(o, out, "long");
}

int pr_long_as_ssize(PrObject *o, ssize_t *out)
{
    int64_t v;
    _Static_assert(sizeof(ssize_t) == sizeof(int64_t), "64-bit ssize_t");
    if (as_int64(o, &v, "ssize_t") < 0) {
        return -1;
    }
    *out = (ssize_t)v;
    return 0;
}

int pr_long_as_double(PrObject *o, double *out)
{
    if (IS_COMPACT(o)) {
        *out = (double)pr_long_compact_value(o);
        return 0;
    }
    if (pr_bigint_to_double(DIGITS(o), PR_SIZE(o), out) < 0) {
        pr_err_set(PR_EXC(OverflowError), "int too large to convert to float");
        return -1;
    }
    return 0;
}

uint64_t pr_long_bit_length(PrObject *o)
{
    return pr_bigint_bit_length(DIGITS(o), abs_size(PR_SIZE(o)));
}

int pr_long_sign(PrObject *o)
{
    return PR_SIZE(o) < 0 ? -1 : PR_SIZE(o) > 0;
}

/* ============================================================================================
 *  Text
 * ============================================================================================ */

int pr_long_set_max_str_digits(int64_t n)
{
    if (n != 0 && (n < PR_LONG_MAX_STR_DIGITS_THRESHOLD || n > INT_MAX)) {
        pr_err_set(PR_EXC(ValueError), "maxdigits must be 0 or larger than 640");
        return -1;
    }
    pr_interp.long_.max_str_digits = (int)n;
    return 0;
}

int pr_long_get_max_str_digits(void)
{
    return pr_interp.long_.max_str_digits;
}

static PrObject *too_many_digits_out(void)
{
    return pr_err_format(PR_EXC(ValueError),
                         "Exceeds the limit (%d digits) for integer string conversion; use "
                         "sys.set_int_max_str_digits() to increase the limit",
                         pr_interp.long_.max_str_digits);
}

/* Writes the text of o into a buffer from pr_mem_alloc; *len gets its length. Returns: the
 * buffer (the caller frees it), or NULL with the exception. */
static char *to_text(PrObject *o, int base, int flags, ptrdiff_t *len)
{
    ptrdiff_t n = abs_size(PR_SIZE(o)), max = pr_interp.long_.max_str_digits;
    if (base == 10 && max > 0 && n >= 10 * max / (3 * PR_DIGIT_BITS) + 2) {
        too_many_digits_out(); /* CPython's early check: the value is surely too long */
        return NULL;
    }
    ptrdiff_t cap = pr_bigint_to_string_size(n, base);
    char *buf = pr_mem_alloc((size_t)cap);
    if (!buf) {
        pr_err_no_memory();
        return NULL;
    }
    *len = pr_bigint_to_string(buf, DIGITS(o), PR_SIZE(o), base, flags);
    if (*len < 0) {
        pr_mem_free(buf);
        pr_err_no_memory();
        return NULL;
    }
    if (base == 10 && max > 0 && *len - (PR_SIZE(o) < 0) > max) {
        pr_mem_free(buf);
        too_many_digits_out();
        return NULL;
    }
    return buf;
}

PrObject *pr_long_to_base(PrObject *o, int base, int flags)
{
    if (IS_COMPACT(o) && base == 10) {
        char small[24];
        snprintf(small, sizeof small, "%lld", (long long)pr_long_compact_value(o));
        return pr_str_from_cstr(small);
    }
    ptrdiff_t len;
    char *buf = to_text(o, base, flags, &len);
    if (!buf) {
        return NULL;
    }
    PrObject *r = pr_str_from_utf8(buf, len);
    pr_mem_free(buf);
    return r;
}

static PrObject *long_repr(PrObject *self)
{
    return pr_long_to_base(self, 10, 0);
}

/* CPython's "invalid literal for int() with base 10: 'abc'" with the repr cut at 200
 * characters (%.200R). */
static PrObject *invalid_literal(int base, const char *text, size_t len)
{
    PrObject *s = pr_str_from_utf8(text, (ssize_t)len), *r = NULL;
    if (s) {
        r = pr_str_repr(s);
        PR_DECREF(s);
    }
    if (!r) {
        return NULL;
    }
    const char *t = pr_str_utf8(r);
    size_t cut = pr_ucd_utf8_prefix(t, (size_t)PR_STR_BYTES(r), 200);
    PrObject *shown = pr_str_from_utf8(t, (ssize_t)cut);
    PR_DECREF(r);
    if (shown) {
        pr_err_format(PR_EXC(ValueError), "invalid literal for int() with base %d: %U", base,
                      shown);
        PR_DECREF(shown);
    }
    return NULL;
}

/* The text with Unicode decimal digits turned into ASCII ones and Unicode spaces into ' ', so
 * bigint's ASCII parser reads it; any other non-ASCII character becomes '?', which it
 * rejects. Returns: a pr_mem_alloc buffer, *outlen its length, or NULL with MemoryError. */
static char *ascii_digits(const char *text, size_t len, size_t *outlen)
{
    char *out = pr_mem_alloc(len + 1);
    if (!out) {
        pr_err_no_memory();
        return NULL;
    }
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += pr_ucd_utf8_decode(text + i, len - i, &cp);
        int d = cp >= 0x80 ? pr_ucd_decimal(cp) : -1;
        out[n++] = cp < 0x80 ? (char)cp : d >= 0 ? (char)('0' + d) : pr_ucd_isspace(cp) ? ' ' : '?';
    }
    *outlen = n;
    return out;
}

static int ascii_digit_value(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'z' ? c - 'a' + 10
           : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                                  : 99;
}

/* The number of digits CPython's limit counts, as its PyLong_FromString scan: after spaces,
 * a sign and a base prefix, the run of digits and single underscores. Power-of-two bases are
 * never limited; a double underscore is left for the parser to reject. */
static size_t limited_digits(const char *s, size_t n, int base)
{
    size_t i = 0, count = 0;
    while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) {
        i++;
    }
    if (i < n && (s[i] == '+' || s[i] == '-')) {
        i++;
    }
    if (i + 1 < n && s[i] == '0') {
        char p = s[i + 1];
        int b = p == 'x' || p == 'X' ? 16 : p == 'o' || p == 'O' ? 8 : p == 'b' || p == 'B' ? 2 : 0;
        if (b && (base == 0 || base == b)) {
            return 0;
        }
    }
    if (base == 0) {
        base = 10;
    }
    if ((base & (base - 1)) == 0) {
        return 0;
    }
    for (char prev = 0; i < n && (ascii_digit_value(s[i]) < base || s[i] == '_'); i++) {
        if (s[i] == '_' && prev == '_') {
            return 0;
        }
        count += s[i] != '_';
        prev = s[i];
    }
    return count;
}

/* Parses ASCII text already mapped. Returns: a new int or NULL with the exception. */
static PrObject *parse_ascii(const char *s, size_t n, int base, const char *orig, size_t orig_len,
                             int limited)
{
    if (base != 0 && (base < 2 || base > 36)) {
        return pr_err_set(PR_EXC(ValueError), "int() base must be >= 2 and <= 36, or 0");
    }
    size_t digits = limited ? limited_digits(s, n, base) : 0;
    int max = pr_interp.long_.max_str_digits;
    if (max > 0 && digits > PR_LONG_MAX_STR_DIGITS_THRESHOLD && digits > (size_t)max) {
        return pr_err_format(PR_EXC(ValueError),
                             "Exceeds the limit (%d digits) for integer string conversion: value "
                             "has %zu digits; use sys.set_int_max_str_digits() to increase the "
                             "limit",
                             max, digits);
    }
    ptrdiff_t cap = pr_bigint_from_string_size(n, base);
    PrObject *r = long_alloc(cap);
    if (!r) {
        return NULL;
    }
    ptrdiff_t size;
    int rc = pr_bigint_from_string(DIGITS(r), &size, s, n, base);
    if (rc < 0) {
        PR_DECREF(r);
        return invalid_literal(base, orig, orig_len);
    }
    return finish(r, size);
}

PrObject *pr_long_from_string(const char *text, size_t len, int base)
{
    size_t n;
    char *s = ascii_digits(text, len, &n);
    if (!s) {
        return NULL;
    }
    PrObject *r = parse_ascii(s, n, base, text, len, 1);
    pr_mem_free(s);
    return r;
}

PrObject *pr_long_from_decimal_string(const char *digits, size_t n)
{
    return parse_ascii(digits, n, 10, digits, n, 0);
}

/* ============================================================================================
 *  Bytes
 * ============================================================================================ */

/* Whether the magnitude d[0..n) (n > 0) is a power of two. */
static int is_power_of_two(const PrDigit *d, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n - 1; i++) {
        if (d[i]) {
            return 0;
        }
    }
    return (d[n - 1] & (d[n - 1] - 1)) == 0;
}

int pr_long_to_bytes(PrObject *o, unsigned char *buf, size_t n, int little, int is_signed)
{
    ptrdiff_t size = PR_SIZE(o), nd = abs_size(size);
    const PrDigit *d = DIGITS(o);
    if (size < 0 && !is_signed) {
        pr_err_set(PR_EXC(OverflowError), "can't convert negative int to unsigned");
        return -1;
    }
    uint64_t bits = pr_bigint_bit_length(d, nd);
    uint64_t room = n > (SIZE_MAX >> 4) ? UINT64_MAX : (uint64_t)n * 8;
    int fits = !is_signed  ? bits <= room
               : size >= 0 ? bits < room || bits == 0
                           : bits < room || (bits == room && is_power_of_two(d, nd));
    if (!fits) {
        pr_err_set(PR_EXC(OverflowError), "int too big to convert");
        return -1;
    }
    /* |v| byte by byte, least significant first; for v < 0, two's complement on the way */
    uint64_t acc = 0;
    int accbits = 0;
    unsigned carry = 1;
    ptrdiff_t di = 0;
    for (size_t i = 0; i < n; i++) {
        while (accbits < 8 && di < nd) {
            acc |= (uint64_t)d[di++] << accbits;
            accbits += PR_DIGIT_BITS;
        }
        unsigned byte = (unsigned)(acc & 0xFF);
        acc >>= 8;
        accbits = accbits > 8 ? accbits - 8 : 0;
        if (size < 0) {
            byte = (~byte & 0xFFu) + carry;
            carry = byte >> 8;
            byte &= 0xFFu;
        }
        buf[little ? i : n - 1 - i] = (unsigned char)byte;
    }
    return 0;
}

PrObject *pr_long_from_bytes(const unsigned char *buf, size_t n, int little, int is_signed)
{
    if (n > (size_t)PTRDIFF_MAX / 16) {
        return pr_err_no_memory();
    }
    ptrdiff_t nd = (ptrdiff_t)((n * 8 + PR_DIGIT_BITS - 1) / PR_DIGIT_BITS) + 1;
    PrObject *r = long_alloc(nd);
    if (!r) {
        return NULL;
    }
    PrDigit *d = DIGITS(r);
    int negative = is_signed && n && (buf[little ? n - 1 : 0] & 0x80);
    uint64_t acc = 0, carry = negative;
    int bits = 0;
    ptrdiff_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned byte = buf[little ? i : n - 1 - i];
        if (negative) { /* |v| = ~bytes + 1 */
            byte = (~byte & 0xFFu) + (unsigned)carry;
            carry = byte >> 8;
            byte &= 0xFFu;
        }
        acc |= (uint64_t)byte << bits;
        bits += 8;
        if (bits >= PR_DIGIT_BITS) {
            d[k++] = (PrDigit)(acc & PR_DIGIT_MASK);
            acc >>= PR_DIGIT_BITS;
            bits -= PR_DIGIT_BITS;
        }
    }
    while (bits > 0) {
        d[k++] = (PrDigit)(acc & PR_DIGIT_MASK);
        acc >>= PR_DIGIT_BITS;
        bits -= PR_DIGIT_BITS;
    }
    ptrdiff_t size = pr_bigint_normalize(d, k);
    return finish(r, negative ? -size : size);
}

/* ============================================================================================
 *  Comparison and hash
 * ============================================================================================ */

static PrObject *compare_result(int c, PrCompareOp op)
{
    int r = op == PR_LT   ? c < 0
            : op == PR_LE ? c <= 0
            : op == PR_EQ ? c == 0
            : op == PR_NE ? c != 0
            : op == PR_GT ? c > 0
                          : c >= 0;
    return pr_bool_from_long(r);
}

static PrObject *long_richcompare(PrObject *a, PrObject *b, PrCompareOp op)
{
    if (!PR_LONG_CHECK(a) || !PR_LONG_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    int c;
    if (a == b) {
        c = 0;
    } else if (IS_COMPACT(a) && IS_COMPACT(b)) {
        int64_t x = pr_long_compact_value(a), y = pr_long_compact_value(b);
        c = (x > y) - (x < y);
    } else {
        c = pr_bigint_scmp(DIGITS(a), PR_SIZE(a), DIGITS(b), PR_SIZE(b));
    }
    return compare_result(c, op);
}

static PrHash long_hash(PrObject *self)
{
    if (IS_COMPACT(self)) {
        int64_t v = pr_long_compact_value(self);
        return v == -1 ? -2 : (PrHash)v;
    }
    return (PrHash)pr_bigint_hash(DIGITS(self), PR_SIZE(self));
}

static int long_bool(PrObject *self)
{
    return PR_SIZE(self) != 0;
}

/* ============================================================================================
 *  Arithmetic
 * ============================================================================================ */

#define CHECK_BINOP(a, b)                                                                          \
    do {                                                                                           \
        if (!PR_LONG_CHECK(a) || !PR_LONG_CHECK(b)) {                                              \
            PR_RETURN_NOTIMPLEMENTED;                                                              \
        }                                                                                          \
    } while (0)

#define NA abs_size(PR_SIZE(a))
#define NB abs_size(PR_SIZE(b))

static PrObject *long_add(PrObject *a, PrObject *b)
{
    CHECK_BINOP(a, b);
    if (IS_COMPACT(a) && IS_COMPACT(b)) {
        return pr_long_from_int64(pr_long_compact_value(a) + pr_long_compact_value(b));
    }
    PrObject *r = long_alloc(pr_bigint_add_size(NA, NB));
    return r ? finish(r, pr_bigint_sadd(DIGITS(r), DIGITS(a), PR_SIZE(a), DIGITS(b), PR_SIZE(b)))
             : NULL;
}

static PrObject *long_sub(PrObject *a, PrObject *b)
{
    CHECK_BINOP(a, b);
    if (IS_COMPACT(a) && IS_COMPACT(b)) {
        return pr_long_from_int64(pr_long_compact_value(a) - pr_long_compact_value(b));
    }
    PrObject *r = long_alloc(pr_bigint_add_size(NA, NB));
    return r ? finish(r, pr_bigint_ssub(DIGITS(r), DIGITS(a), PR_SIZE(a), DIGITS(b), PR_SIZE(b)))
             : NULL;
}

static PrObject *long_mul(PrObject *a, PrObject *b)
{
    CHECK_BINOP(a, b);
    if (IS_COMPACT(a) && IS_COMPACT(b)) {
        return pr_long_from_int64(pr_long_compact_value(a) * pr_long_compact_value(b));
    }
    PrObject *r = long_alloc(pr_bigint_mul_size(NA, NB));
    if (!r) {
        return NULL;
    }
    ptrdiff_t size;
    if (pr_bigint_smul(DIGITS(r), &size, DIGITS(a), PR_SIZE(a), DIGITS(b), PR_SIZE(b)) < 0) {
        PR_DECREF(r);
        return pr_err_no_memory();
    }
    return finish(r, size);
}

/* Python's floor division and modulo of C values (b != 0). */
static int64_t floor_div64(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

static int64_t floor_mod64(int64_t a, int64_t b)
{
    int64_t m = a % b;
    return (m != 0 && ((m < 0) != (b < 0))) ? m + b : m;
}

/* q = a // b and m = a % b (either pointer NULL when not wanted). Returns: 0, or -1 with
 * ZeroDivisionError (zerodiv) or MemoryError. */
static int divmod_objects(PrObject *a, PrObject *b, PrObject **q, PrObject **m, const char *zerodiv)
{
    if (PR_SIZE(b) == 0) {
        pr_err_set(PR_EXC(ZeroDivisionError), zerodiv);
        return -1;
    }
    if (IS_COMPACT(a) && IS_COMPACT(b)) {
        int64_t x = pr_long_compact_value(a), y = pr_long_compact_value(b);
        if (q && !(*q = pr_long_from_int64(floor_div64(x, y)))) {
            return -1;
        }
        if (m && !(*m = pr_long_from_int64(floor_mod64(x, y)))) {
            if (q) {
                PR_CLEAR(*q);
            }
            return -1;
        }
        return 0;
    }
    PrObject *qo = q ? long_alloc(pr_bigint_div_size(NA, NB)) : NULL;
    PrObject *mo = m ? long_alloc(pr_bigint_mod_size(NA, NB)) : NULL;
    ptrdiff_t qs = 0, ms = 0;
    if ((q && !qo) || (m && !mo)) {
        goto fail;
    }
    int rc = pr_bigint_floordiv(qo ? DIGITS(qo) : NULL, qo ? &qs : NULL, mo ? DIGITS(mo) : NULL,
                                mo ? &ms : NULL, DIGITS(a), PR_SIZE(a), DIGITS(b), PR_SIZE(b));
    if (rc < 0) {
        bigint_error(rc, zerodiv);
        goto fail;
    }
    if (q) {
        *q = finish(qo, qs);
    }
    if (m) {
        *m = finish(mo, ms);
    }
    return 0;
fail:
    PR_XDECREF(qo);
    PR_XDECREF(mo);
    return -1;
}

static PrObject *long_floordiv(PrObject *a, PrObject *b)
{
    CHECK_BINOP(a, b);
    PrObject *q = NULL;
    return divmod_objects(a, b, &q, NULL, "integer division or modulo by zero") < 0 ? NULL : q;
}

static PrObject *long_mod(PrObject *a, PrObject *b)
{
    CHECK_BINOP(a, b);
    PrObject *m = NULL;
    return divmod_objects(a, b, NULL, &m, "integer modulo by zero") < 0 ? NULL : m;
}

static PrObject *long_divmod(PrObject *a, PrObject *b)
{
    CHECK_BINOP(a, b);
    PrObject *q = NULL, *m = NULL, *r = NULL;
    if (divmod_objects(a, b, &q, &m, "integer division or modulo by zero") == 0) {
        r = pr_tuple_pack(2, q, m);
        PR_DECREF(q);
        PR_DECREF(m);
    }
    return r;
}

static PrObject *long_truediv(PrObject *a, PrObject *b)
{
    CHECK_BINOP(a, b);
    double x;
    if (IS_COMPACT(a) && IS_COMPACT(b)) {
        if (PR_SIZE(b) == 0) {
            return pr_err_set(PR_EXC(ZeroDivisionError), "division by zero");
        }
        x = (double)pr_long_compact_value(a) /
            (double)pr_long_compact_value(b); /* both exact: one rounding */
    } else {
        int rc = pr_bigint_truediv(DIGITS(a), PR_SIZE(a), DIGITS(b), PR_SIZE(b), &x);
        if (rc == PR_BIGINT_EOVERFLOW) {
            return pr_err_set(PR_EXC(OverflowError),
                              "integer division result too large for a float");
        }
        if (rc < 0) {
            return bigint_error(rc, "division by zero");
        }
    }
    return pr_float_from_double(x);
}

static PrObject *long_pow(PrObject *a, PrObject *b)
{
    CHECK_BINOP(a, b);
    if (PR_SIZE(b) < 0) { /* a float result: float's rules, 0 ** -1 included */
        return PR_TYPE(float)->number.nb_pow(a, b);
    }
    ptrdiff_t cap = pr_bigint_pow_size(DIGITS(a), NA, DIGITS(b), NB);
    if (cap < 0) {
        return pr_err_no_memory();
    }
    PrObject *r = long_alloc(cap);
    if (!r) {
        return NULL;
    }
    ptrdiff_t size;
    if (pr_bigint_pow(DIGITS(r), &size, DIGITS(a), PR_SIZE(a), DIGITS(b), NB) < 0) {
        PR_DECREF(r);
        return pr_err_no_memory();
    }
    return finish(r, size);
}

PrObject *pr_long_pow3(PrObject *a, PrObject *b, PrObject *m)
{
    if (m == PR_None) {
        return pr_number_pow(a, b);
    }
    if (!PR_LONG_CHECK(a) || !PR_LONG_CHECK(b) || !PR_LONG_CHECK(m)) {
        return pr_err_set(PR_EXC(TypeError),
                          "pow() 3rd argument not allowed unless all arguments are integers");
    }
    PrObject *r = long_alloc(abs_size(PR_SIZE(m)));
    if (!r) {
        return NULL;
    }
    ptrdiff_t size;
    int rc = pr_bigint_powmod(DIGITS(r), &size, DIGITS(a), PR_SIZE(a), DIGITS(b), PR_SIZE(b),
                              DIGITS(m), PR_SIZE(m));
    if (rc < 0) {
        PR_DECREF(r);
        return bigint_error(rc, "");
    }
    return finish(r, size);
}

/* ---- unary ----------------------------------------------------------------------------------- */

static PrObject *long_negative(PrObject *a)
{
    if (IS_COMPACT(a)) {
        return pr_long_from_int64(-pr_long_compact_value(a));
    }
    PrObject *r = long_alloc(NA);
    if (r) {
        memcpy(DIGITS(r), DIGITS(a), (size_t)NA * sizeof(PrDigit));
        r = finish(r, -PR_SIZE(a));
    }
    return r;
}

static PrObject *long_positive(PrObject *a)
{
    return exact_copy(a);
}

static PrObject *long_absolute(PrObject *a)
{
    return PR_SIZE(a) < 0 ? long_negative(a) : exact_copy(a);
}

static PrObject *long_invert(PrObject *a)
{
    if (IS_COMPACT(a)) {
        return pr_long_from_int64(~pr_long_compact_value(a));
    }
    PrObject *r = long_alloc(NA + 1);
    return r ? finish(r, pr_bigint_invert(DIGITS(r), DIGITS(a), PR_SIZE(a))) : NULL;
}

/* ---- shifts and bitwise operations ----------------------------------------------------------- */

/* The shift count b as a uint64; *huge set when it does not fit. Returns: 0, or -1 with
 * "ValueError: negative shift count". */
static int shift_count(PrObject *b, uint64_t *count, int *huge)
{
    if (PR_SIZE(b) < 0) {
        pr_err_set(PR_EXC(ValueError), "negative shift count");
        return -1;
    }
    *huge = pr_bigint_to_uint64(DIGITS(b), PR_SIZE(b), count) < 0;
    return 0;
}

static PrObject *long_lshift(PrObject *a, PrObject *b)
{
    CHECK_BINOP(a, b);
    uint64_t count;
    int huge;
    if (shift_count(b, &count, &huge) < 0) {
        return NULL;
    }
    if (PR_SIZE(a) == 0) {
        return small_int(0);
    }
    if (!huge && IS_COMPACT(a) && count < 32) {
        return pr_long_from_int64(pr_long_compact_value(a) * ((int64_t)1 << count));
    }
    ptrdiff_t cap = huge ? PR_BIGINT_ENOMEM : pr_bigint_lshift_size(NA, count);
    if (cap < 0) {
        return pr_err_no_memory();
    }
    PrObject *r = long_alloc(cap);
    return r ? finish(r, pr_bigint_lshift(DIGITS(r), DIGITS(a), PR_SIZE(a), count)) : NULL;
}

static PrObject *long_rshift(PrObject *a, PrObject *b)
{
    CHECK_BINOP(a, b);
    uint64_t count;
    int huge;
    if (shift_count(b, &count, &huge) < 0) {
        return NULL;
    }
    if (huge) {
        return small_int(PR_SIZE(a) < 0 ? -1 : 0);
    }
    if (IS_COMPACT(a)) {
        int64_t v = pr_long_compact_value(a);
        return pr_long_from_int64(count >= 63 ? (v < 0 ? -1 : 0) : v >> count);
    }
    PrObject *r = long_alloc(pr_bigint_rshift_size(NA, count));
    return r ? finish(r, pr_bigint_rshift(DIGITS(r), DIGITS(a), PR_SIZE(a), count)) : NULL;
}

typedef ptrdiff_t (*BitwiseFunc)(PrDigit *, const PrDigit *, ptrdiff_t, const PrDigit *, ptrdiff_t);

static PrObject *bitwise(PrObject *a, PrObject *b, BitwiseFunc f, char op)
{
    CHECK_BINOP(a, b);
    if (IS_COMPACT(a) && IS_COMPACT(b)) {
        int64_t x = pr_long_compact_value(a), y = pr_long_compact_value(b);
        return pr_long_from_int64(op == '&' ? x & y : op == '|' ? x | y : x ^ y);
    }
    PrObject *r = long_alloc(pr_bigint_bitwise_size(NA, NB));
    return r ? finish(r, f(DIGITS(r), DIGITS(a), PR_SIZE(a), DIGITS(b), PR_SIZE(b))) : NULL;
}

static PrObject *long_and(PrObject *a, PrObject *b)
{
    return bitwise(a, b, pr_bigint_and, '&');
}

static PrObject *long_or(PrObject *a, PrObject *b)
{
    return bitwise(a, b, pr_bigint_or, '|');
}

static PrObject *long_xor(PrObject *a, PrObject *b)
{
    return bitwise(a, b, pr_bigint_xor, '^');
}

/* ---- conversions as slots -------------------------------------------------------------------- */

static PrObject *long_float(PrObject *self)
{
    double x;
    return pr_long_as_double(self, &x) < 0 ? NULL : pr_float_from_double(x);
}

/* ============================================================================================
 *  Constructor, methods, attributes
 * ============================================================================================ */

/* int(b, base) for a bytes: its ASCII text parsed as a str's would be; the error shows the
 * bytes ("invalid literal for int() with base 10: b'1x'"), other errors (the digit limit) pass. */
static PrObject *long_from_bytes_text(PrObject *b, int base)
{
    const char *p = PR_BYTES_DATA(b);
    ssize_t n = PR_BYTES_SIZE(b), i = 0;
    while (i < n && (unsigned char)p[i] < 0x80) {
        i++;
    }
    PrObject *r = i < n ? NULL : pr_long_from_string(p, (size_t)n, base);
    if (r) {
        return r;
    }
    if (i == n) {
        PrObject *exc = pr_err_occurred_borrow(), *msg = pr_object_str(exc);
        int literal = msg && strncmp(pr_str_utf8(msg), "invalid literal", 15) == 0;
        PR_XDECREF(msg);
        if (!literal) {
            return NULL;
        }
        pr_err_clear();
    }
    return pr_err_format(PR_EXC(ValueError), "invalid literal for int() with base %d: %R", base, b);
}

/* int(x) with one argument. */
static PrObject *long_from_object(PrObject *x)
{
    if (PR_LONG_CHECK(x)) {
        return exact_copy(x);
    }
    if (PR_STR_CHECK(x)) {
        return pr_long_from_string(pr_str_utf8(x), (size_t)PR_STR_BYTES(x), 10);
    }
    if (PR_BYTES_CHECK(x)) {
        return long_from_bytes_text(x, 10);
    }
    PrUnaryFunc conv = x->type->number.nb_int ? x->type->number.nb_int : x->type->number.nb_index;
    if (!conv) {
        return pr_err_format(PR_EXC(TypeError),
                             "int() argument must be a string, a bytes-like object or a real "
                             "number, not '%s'",
                             x->type->name);
    }
    PrObject *r = conv(x);
    if (r && !PR_LONG_CHECK(r)) {
        pr_err_format(PR_EXC(TypeError), "__int__ returned non-int (type %s)", r->type->name);
        PR_CLEAR(r);
    }
    if (r && !PR_LONG_CHECK_EXACT(r)) {
        PR_SETREF(r, exact_copy(r));
    }
    return r;
}

static PrObject *long_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    PrObject *x = nargs > 0 ? args[0] : NULL, *base_obj = nargs > 1 ? args[1] : NULL;
    size_t nkw = kwnames ? (size_t)PR_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > 2) {
        return pr_err_format(PR_EXC(TypeError), "int() takes at most 2 arguments (%zu given)",
                             nargs + nkw);
    }
    for (size_t i = 0; i < nkw; i++) {
        PrObject *name = PR_TUPLE_ITEMS(kwnames)[i];
        if (!pr_str_eq_cstr(name, "base") || base_obj) {
            return pr_err_format(PR_EXC(TypeError),
                                 pr_str_eq_cstr(name, "base")
                                     ? "argument for int() given by name ('base') and position (2)"
                                     : "'%U' is an invalid keyword argument for int()",
                                 name);
        }
        base_obj = args[nargs + i];
    }
    if (!base_obj) {
        return x ? long_from_object(x) : small_int(0);
    }
    int64_t base;
    if (pr_long_as_int64(base_obj, &base) < 0) {
        return NULL;
    }
    if (base != 0 && (base < 2 || base > 36)) {
        return pr_err_set(PR_EXC(ValueError), "int() base must be >= 2 and <= 36, or 0");
    }
    if (!x) {
        return pr_err_set(PR_EXC(TypeError), "int() missing string argument");
    }
    if (PR_BYTES_CHECK(x)) {
        return long_from_bytes_text(x, (int)base);
    }
    if (!PR_STR_CHECK(x)) {
        return pr_err_set(PR_EXC(TypeError), "int() can't convert non-string with explicit base");
    }
    return pr_long_from_string(pr_str_utf8(x), (size_t)PR_STR_BYTES(x), (int)base);
}

PrObject *pr_long_format(PrObject *o, PrObject *spec)
{
    PrFormatSpec fs;
    int parsed = pr_format_spec_parse(o, spec, &fs);
    if (parsed != 1) {
        return parsed == 0 ? pr_object_str(o) : NULL;
    }
    char err[256];
    const char *tname = o->type->name;
    int base = pr_numfmt_int_base(&fs);
    ptrdiff_t len;
    char *digits = NULL, small[PR_BIGINT_INT64_DIGITS * 10 + 4];
    if (base != 10 || !IS_COMPACT(o)) {
        if (!(digits = to_text(o, base, 0, &len))) {
            return NULL;
        }
    } else {
        len = snprintf(small, sizeof small, "%lld", (long long)pr_long_compact_value(o));
    }
    const char *text = digits ? digits : small;
    PrIntDigits n = {text[0] == '-', text + (text[0] == '-'), (size_t)len - (text[0] == '-')};
    PrObject *r = NULL;
    char stack[128], *buf = stack;
    ptrdiff_t want = pr_numfmt_format_int(&n, &fs, tname, buf, sizeof stack, err, sizeof err);
    if (want >= (ptrdiff_t)sizeof stack) {
        if (!(buf = pr_mem_alloc((size_t)want + 1))) {
            pr_err_no_memory();
            goto done;
        }
        want = pr_numfmt_format_int(&n, &fs, tname, buf, (size_t)want + 1, err, sizeof err);
    }
    if (want == PR_FMT_EVALUE) {
        pr_err_set(PR_EXC(ValueError), err);
    } else if (want == PR_FMT_EOVERFLOW) {
        pr_err_set(PR_EXC(OverflowError), err);
    } else if (want < 0) {
        pr_err_no_memory();
    } else {
        r = pr_str_from_utf8(buf, want);
    }
done:
    if (buf != stack) {
        pr_mem_free(buf);
    }
    pr_mem_free(digits);
    return r;
}

static PrObject *long_format_method(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames)
{
    return pr_long_format(self, args[0]);
}

static PrObject *long_bit_length_method(PrObject *self, PrObject *const *args, size_t nargs,
                                        PrObject *kwnames)
{
    return pr_long_from_uint64(pr_long_bit_length(self));
}

static PrObject *long_bit_count_method(PrObject *self, PrObject *const *args, size_t nargs,
                                       PrObject *kwnames)
{
    uint64_t count = 0;
    for (ptrdiff_t i = 0, n = abs_size(PR_SIZE(self)); i < n; i++) {
        count += (uint64_t)__builtin_popcount(DIGITS(self)[i]);
    }
    return pr_long_from_uint64(count);
}

static PrObject *long_self_method(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    return exact_copy(self);
}

/* a rounded to a multiple of b > 0, ties to even (CPython's _PyLong_DivmodNear, then a - r). */
static PrObject *round_to_multiple(PrObject *a, PrObject *b)
{
    PrObject *q = NULL, *m = NULL, *twice = NULL, *r = NULL, *two = small_int(2);
    if (divmod_objects(a, b, &q, &m, "") < 0 || !(twice = long_mul(m, two))) {
        goto done;
    }
    int c = pr_bigint_scmp(DIGITS(twice), PR_SIZE(twice), DIGITS(b), PR_SIZE(b));
    int q_odd = PR_SIZE(q) != 0 && (DIGITS(q)[0] & 1);
    r = long_sub(a, m); /* a rounded down */
    if (r && (c > 0 || (c == 0 && q_odd))) {
        PR_SETREF(r, long_add(r, b));
    }
done:
    PR_XDECREF(q);
    PR_XDECREF(m);
    PR_XDECREF(twice);
    PR_DECREF(two);
    return r;
}

/* round(x) and round(x, ndigits): x itself unless ndigits < 0. */
static PrObject *long_round_method(PrObject *self, PrObject *const *args, size_t nargs,
                                   PrObject *kwnames)
{
    if (nargs > 1) {
        return pr_err_format(PR_EXC(TypeError), "__round__ expected at most 1 argument, got %zu",
                             nargs);
    }
    if (nargs == 0 || args[0] == PR_None) {
        return exact_copy(self);
    }
    PrObject *nd = pr_number_index(args[0]), *ten = NULL, *scale = NULL, *r = NULL;
    if (!nd) {
        return NULL;
    }
    if (PR_SIZE(nd) >= 0) {
        r = exact_copy(self);
    } else if ((ten = small_int(10)) && (scale = long_negative(nd))) {
        PR_SETREF(scale, long_pow(ten, scale)); /* 10 ** -ndigits */
        r = scale ? round_to_multiple(self, scale) : NULL;
    }
    PR_XDECREF(nd);
    PR_XDECREF(ten);
    PR_XDECREF(scale);
    return r;
}

static PrObject *long_as_integer_ratio(PrObject *self, PrObject *const *args, size_t nargs,
                                       PrObject *kwnames)
{
    PrObject *n = exact_copy(self), *one = small_int(1);
    PrObject *r = n ? pr_tuple_pack(2, n, one) : NULL;
    PR_XDECREF(n);
    PR_DECREF(one);
    return r;
}

/* The arguments of to_bytes and from_bytes as Argument Clinic parses them: at most two
 * positional ones (names[0], byteorder), signed keyword-only; byteorder 'big' and signed False
 * by default. Stores the first argument (NULL when absent) in *first, and with length non-NULL
 * converts it to *length (to_bytes). Returns: 0 or -1. */
static int bytes_args(const char *fname, const char *const *names, PrObject *const *args,
                      size_t nargs, PrObject *kwnames, PrObject **first, ssize_t *length,
                      int *little, int *is_signed)
{
    PrObject *arg[3] = {NULL, NULL, NULL};
    if (nargs > 2) {
        pr_err_format(PR_EXC(TypeError), "%s() takes at most 2 positional arguments (%zu given)",
                      fname, nargs);
        return -1;
    }
    if (pr_strargs_keywords(fname, args, nargs, kwnames, names, 3, arg) < 0) {
        return -1;
    }
    *first = arg[0];
    *little = 0;
    if (length && arg[0] && pr_strargs_ssize(arg[0], length) < 0) {
        return -1;
    }
    if (arg[1] && !PR_STR_CHECK(arg[1])) {
        pr_err_format(PR_EXC(TypeError), "%s() argument 'byteorder' must be str, not %s", fname,
                      pr_strargs_type_name(arg[1]));
        return -1;
    }
    if ((*is_signed = arg[2] ? pr_object_is_true(arg[2]) : 0) < 0) {
        return -1;
    }
    if (arg[1] && !pr_str_eq_cstr(arg[1], "big")) {
        if (!pr_str_eq_cstr(arg[1], "little")) {
            pr_err_set(PR_EXC(ValueError), "byteorder must be either 'little' or 'big'");
            return -1;
        }
        *little = 1;
    }
    return 0;
}

/* int.to_bytes(length=1, byteorder='big', *, signed=False) */
static PrObject *long_to_bytes_method(PrObject *self, PrObject *const *args, size_t nargs,
                                      PrObject *kwnames)
{
    static const char *const names[] = {"length", "byteorder", "signed"};
    PrObject *length;
    int little, is_signed;
    ssize_t n = 1;
    if (bytes_args("to_bytes", names, args, nargs, kwnames, &length, &n, &little, &is_signed) < 0) {
        return NULL;
    }
    if (n < 0) {
        return pr_err_set(PR_EXC(ValueError), "length argument must be non-negative");
    }
    PrObject *r = pr_bytes_from_buf(NULL, n);
    if (r && pr_long_to_bytes(self, (unsigned char *)PR_BYTES_DATA(r), (size_t)n, little,
                              is_signed) < 0) {
        PR_CLEAR(r);
    }
    return r;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False), a class method. */
static PrObject *long_from_bytes_method(PrObject *self, PrObject *const *args, size_t nargs,
                                        PrObject *kwnames)
{
    static const char *const names[] = {"bytes", "byteorder", "signed"};
    PrObject *src, *b, *r;
    int little, is_signed;
    if (bytes_args("from_bytes", names, args, nargs, kwnames, &src, NULL, &little, &is_signed) <
        0) {
        return NULL;
    }
    if (!src) {
        return pr_err_set(PR_EXC(TypeError),
                          "from_bytes() missing required argument 'bytes' (pos 1)");
    }
    if (!(b = pr_bytes_from_object(src))) {
        return NULL;
    }
    r = pr_long_from_bytes((const unsigned char *)PR_BYTES_DATA(b), (size_t)PR_BYTES_SIZE(b),
                           little, is_signed);
    PR_DECREF(b);
    if (r && self != (PrObject *)PR_TYPE(int)) {
        PR_SETREF(r, pr_object_call(self, &r, 1, NULL));
    }
    return r;
}

static PrObject *long_sizeof_method(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames)
{
    return pr_long_from_int64(pr_object_sizeof(self));
}

static ssize_t long_sizeof(PrObject *self)
{
    ptrdiff_t n = abs_size(PR_SIZE(self));
    return (ssize_t)offsetof(PrLongObject, digit) + (n ? n : 1) * (ssize_t)sizeof(PrDigit);
}

static const PrMethodDef long_methods[] = {
    {"bit_length", long_bit_length_method, PR_METH_NOARGS,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", long_bit_count_method, PR_METH_NOARGS,
     "Number of ones in the binary representation of the absolute value of self."},
    {"conjugate", long_self_method, PR_METH_NOARGS,
     "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", long_as_integer_ratio, PR_METH_NOARGS, "Return integer ratio: (self, 1)."},
    {"to_bytes", long_to_bytes_method, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Return an array of bytes representing an integer."},
    {"from_bytes", long_from_bytes_method, PR_METH_VARARGS | PR_METH_KEYWORDS | PR_METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"__index__", long_self_method, PR_METH_NOARGS, "Return self converted to an integer."},
    {"__trunc__", long_self_method, PR_METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", long_self_method, PR_METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", long_self_method, PR_METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", long_round_method, PR_METH_VARARGS,
     "Rounding an Integral returns itself; with a negative ndigits, rounds half to even."},
    {"__format__", long_format_method, PR_METH_O, "Convert to a string according to format_spec."},
    {"__sizeof__", long_sizeof_method, PR_METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static PrObject *long_get_self(PrObject *self, void *closure)
{
    return exact_copy(self);
}

static PrObject *long_get_zero(PrObject *self, void *closure)
{
    return small_int(0);
}

static PrObject *long_get_one(PrObject *self, void *closure)
{
    return small_int(1);
}

static const PrGetSetDef long_getsets[] = {
    {"real", long_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", long_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", long_get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", long_get_one, NULL, "the denominator of a rational number in lowest terms",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const PrType pr_long_spec = {
    .name = "int",
    .doc = "int([x]) -> integer\nint(x, base=10) -> integer",
    .basicsize = offsetof(PrLongObject, digit),
    .itemsize = sizeof(PrDigit),
    .flags = PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE | PR_TPFLAG_INT_SUBCLASS,
    .dealloc = long_dealloc,
    .repr = long_repr,
    .hash = long_hash,
    .richcompare = long_richcompare,
    .new = long_new,
    .size_of = long_sizeof,
    .methods = long_methods,
    .getsets = long_getsets,
    .number.nb_add = long_add,
    .number.nb_sub = long_sub,
    .number.nb_mul = long_mul,
    .number.nb_floordiv = long_floordiv,
    .number.nb_mod = long_mod,
    .number.nb_divmod = long_divmod,
    .number.nb_truediv = long_truediv,
    .number.nb_pow = long_pow,
    .number.nb_lshift = long_lshift,
    .number.nb_rshift = long_rshift,
    .number.nb_and = long_and,
    .number.nb_or = long_or,
    .number.nb_xor = long_xor,
    .number.nb_negative = long_negative,
    .number.nb_positive = long_positive,
    .number.nb_absolute = long_absolute,
    .number.nb_invert = long_invert,
    .number.nb_bool = long_bool,
    .number.nb_int = long_positive,
    .number.nb_index = long_positive,
    .number.nb_float = long_float,
};
