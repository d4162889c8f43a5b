/* objects/bigint_float.c — integers and doubles: float(int) rounded half to even, int(float)
 * truncated, int / int correctly rounded, and the numeric hashes that make hash(1.0) == hash(1).
 * Each follows the CPython function named in its comment (Objects/longobject.c, Python/pyhash.c)
 * so results agree bit for bit. Contracts in objects/bigint.h. */
#include "objects/bigint.h"

#include "memory/raw.h"

#include <float.h>
#include <math.h>
#include <string.h>

_Static_assert(FLT_RADIX == 2 && DBL_MANT_DIG == 53, "IEEE 754 binary64 doubles");

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

static ptrdiff_t abs_size(ptrdiff_t s)
{
    return s < 0 ? -s : s;
}

/* The exact double of a magnitude below 2**53 (or any, when exactness is not needed). */
static double digits_to_double(const PrDigit *a, ptrdiff_t na)
{
    double x = 0.0;
    for (ptrdiff_t i = na - 1; i >= 0; i--) {
        x = x * PR_DIGIT_BASE + a[i];
    }
    return x;
}

/* ==== int -> double ========================================================================= */

/* The top DBL_MANT_DIG + 2 = 55 bits of a magnitude of nbits > 53 bits, the lowest bit made
 * sticky (set when any bit below them is), ready for rounding (CPython's _PyLong_Frexp). */
static uint64_t top_bits_sticky(const PrDigit *a, ptrdiff_t na, uint64_t nbits)
{
    if (nbits <= DBL_MANT_DIG + 2) {
        uint64_t x = (uint64_t)a[0] | (uint64_t)a[1] << PR_DIGIT_BITS;
        return x << (DBL_MANT_DIG + 2 - nbits);
    }
    uint64_t shift = nbits - (DBL_MANT_DIG + 2);
    ptrdiff_t w = (ptrdiff_t)(shift / PR_DIGIT_BITS);
    int b = (int)(shift % PR_DIGIT_BITS);
    uint64_t x = a[w] >> b;
    for (int k = 1; k <= 2 && w + k < na; k++) {
        x |= (uint64_t)a[w + k] << (k * PR_DIGIT_BITS - b);
    }
    int sticky = (a[w] & (((PrDigit)1 << b) - 1)) != 0;
    for (ptrdiff_t i = 0; i < w && !sticky; i++) {
        sticky = a[i] != 0;
    }
    return x | (uint64_t)sticky;
}

/* The 55-bit value is rounded to a multiple of 4 (53 bits) with ties to a multiple of 8, so the
 * final conversion is exact; rounding up to 2**55 carries into the exponent. */
int pr_bigint_to_double(const PrDigit *a, ptrdiff_t as, double *out)
{
    static const int half_even_correction[8] = {0, -1, -2, 1, 0, -1, 2, 1};
    ptrdiff_t na = abs_size(as);
    uint64_t nbits = pr_bigint_bit_length(a, na);
    if (nbits <= DBL_MANT_DIG) {
        double x = digits_to_double(a, na);
        *out = as < 0 ? -x : x;
        return 0;
    }
    if (nbits > DBL_MAX_EXP) {
        return PR_BIGINT_EOVERFLOW;
    }
    uint64_t x = top_bits_sticky(a, na, nbits);
    x = (uint64_t)((int64_t)x + half_even_correction[x & 7]);
    if (x == (uint64_t)1 << (DBL_MANT_DIG + 2) && nbits == DBL_MAX_EXP) {
        return PR_BIGINT_EOVERFLOW;
    }
    double d = ldexp((double)x, (int)nbits - (DBL_MANT_DIG + 2));
    *out = as < 0 ? -d : d;
    return 0;
}

/* ==== double -> int ========================================================================= */

/* CPython's PyLong_FromDouble: frexp gives x = f * 2**e with f in [0.5, 1); the integer part
 * has e bits, peeled off 30 at a time from the top by scaling the fraction. */
ptrdiff_t pr_bigint_from_double(PrDigit *r, double x)
{
    int e;
    double f = frexp(fabs(x), &e);
    if (e <= 0) {
        return 0;
    }
    ptrdiff_t nd = (e - 1) / PR_DIGIT_BITS + 1;
    f = ldexp(f, (e - 1) % PR_DIGIT_BITS + 1);
    for (ptrdiff_t i = nd - 1; i >= 0; i--) {
        PrDigit bits = (PrDigit)f;
        r[i] = bits;
        f = ldexp(f - bits, PR_DIGIT_BITS);
    }
    return x < 0 ? -nd : nd;
}

/* ==== true division ========================================================================= */

/* A magnitude is exact as a double when it has at most DBL_MANT_DIG bits. */
static int exact_in_double(const PrDigit *a, ptrdiff_t na)
{
    return pr_bigint_bit_length(a, na) <= DBL_MANT_DIG;
}

/* State of long_true_divide once a is scaled: x = |a| * 2**-shift, then x // |b|; `inexact`
 * records any nonzero bit lost on the way, for the final rounding. */
typedef struct Quotient {
    PrDigit *x; /* scaled a, then the quotient */
    ptrdiff_t nx;
    int64_t shift;
    int inexact;
} Quotient;

/* Whether any of the lowest `shift` bits of a is set; a has more than `shift` bits. */
static int low_bits_set(const PrDigit *a, uint64_t shift)
{
    ptrdiff_t words = (ptrdiff_t)(shift / PR_DIGIT_BITS);
    for (ptrdiff_t i = 0; i < words; i++) {
        if (a[i]) {
            return 1;
        }
    }
    return (a[words] & (((PrDigit)1 << (shift % PR_DIGIT_BITS)) - 1)) != 0;
}

/* x = |a| * 2**-shift into q->x, noting lost bits when shifting right. */
static void scale_dividend(Quotient *q, const PrDigit *a, ptrdiff_t na)
{
    if (q->shift <= 0) {
        q->nx = pr_bigint_lshift(q->x, a, na, (uint64_t)-q->shift);
        q->inexact = 0;
    } else {
        q->nx = pr_bigint_rshift(q->x, a, na, (uint64_t)q->shift);
        q->inexact = low_bits_set(a, (uint64_t)q->shift);
    }
}

/* Rounds the quotient (x_bits significant bits) half to even at DBL_MANT_DIG bits, or fewer
 * for a subnormal result, using the sticky inexact flag; then converts exactly. */
static double round_quotient(Quotient *q, uint64_t x_bits)
{
    int64_t keep_from = DBL_MIN_EXP - q->shift;
    int64_t extra = ((int64_t)x_bits > keep_from ? (int64_t)x_bits : keep_from) - DBL_MANT_DIG;
    PrDigit mask = (PrDigit)1 << (extra - 1);
    PrDigit low = q->x[0] | (PrDigit)q->inexact;
    if ((low & mask) && (low & (3u * mask - 1u))) {
        low += mask;
    }
    q->x[0] = low & ~(2u * mask - 1u);
    return digits_to_double(q->x, q->nx);
}

/* Divides x by |b| in place (through a second array for more than one digit). */
static int divide_scaled(Quotient *q, PrDigit *quot, const PrDigit *b, ptrdiff_t nb)
{
    ptrdiff_t nr = 0;
    if (nb == 1) {
        PrDigit rem;
        q->nx = pr_bigint_divrem1(q->x, q->x, q->nx, b[0], &rem);
        nr = rem != 0;
    } else {
        int err = pr_bigint_divrem(quot, &q->nx, NULL, &nr, q->x, q->nx, b, nb);
        if (err < 0) {
            return err;
        }
        memcpy(q->x, quot, (size_t)q->nx * sizeof *quot);
    }
    q->inexact |= nr != 0;
    return 0;
}

/* CPython's long_true_divide, step by step: with diff = bits(a) - bits(b), scale a so that the
 * quotient has DBL_MANT_DIG + 2 or + 3 bits (more when the result is subnormal), divide, round
 * once on the integer quotient, convert exactly and apply the scale with ldexp. */
static int truediv_big(const PrDigit *a, ptrdiff_t na, const PrDigit *b, ptrdiff_t nb, double *out)
{
    int64_t diff = (int64_t)pr_bigint_bit_length(a, na) - (int64_t)pr_bigint_bit_length(b, nb);
    if (diff > DBL_MAX_EXP) {
        return PR_BIGINT_EOVERFLOW;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) {
        *out = 0.0;
        return 0;
    }
    Quotient q = {NULL, 0, (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2, 0};
    ptrdiff_t cap = q.shift <= 0 ? pr_bigint_lshift_size(na, (uint64_t)-q.shift) : na + 1;
    PrDigit *block = pr_raw_malloc((size_t)(cap + pr_bigint_div_size(cap, nb)) * sizeof *block);
    if (!block) {
        return PR_BIGINT_ENOMEM;
    }
    q.x = block;
    scale_dividend(&q, a, na);
    int err = divide_scaled(&q, block + cap, b, nb);
    if (err == 0) {
        uint64_t x_bits = pr_bigint_bit_length(q.x, q.nx);
        double dx = round_quotient(&q, x_bits);
        if (q.shift + (int64_t)x_bits >= DBL_MAX_EXP &&
            (q.shift + (int64_t)x_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_bits))) {
            err = PR_BIGINT_EOVERFLOW;
        }
        *out = ldexp(dx, (int)q.shift);
    }
    pr_raw_free(block);
    return err;
}

int pr_bigint_truediv(const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs, double *out)
{
    ptrdiff_t na = abs_size(as), nb = abs_size(bs);
    int negative = (as < 0) != (bs < 0);
    double result = 0.0;
    if (nb == 0) {
        return PR_BIGINT_EZERODIV;
    }
    if (na > 0 && exact_in_double(a, na) && exact_in_double(b, nb)) {
        result = digits_to_double(a, na) / digits_to_double(b, nb);
    } else if (na > 0) {
        int err = truediv_big(a, na, b, nb, &result);
        if (err < 0) {
            return err;
        }
    }
    *out = negative ? -result : result;
    return 0;
}

/* ==== hashes ================================================================================ */

/* x * 2**k mod 2**61 - 1 for x < 2**61: a rotation within 61 bits, as 2**61 == 1. */
static uint64_t hash_rotate(uint64_t x, int k)
{
    return ((x << k) & HASH_MODULUS) | (x >> (HASH_BITS - k));
}

/* The signed residue as Py_hash_t, -1 being reserved for errors in C. */
static int64_t hash_finish(uint64_t x, int negative)
{
    if (negative) {
        x = 0 - x;
    }
    if (x == (uint64_t)-1) {
        x = (uint64_t)-2;
    }
    return x > (uint64_t)INT64_MAX ? -(int64_t)(0 - x - 1) - 1 : (int64_t)x;
}

/* CPython's long_hash: Horner's rule from the top digit, reducing as it goes. */
int64_t pr_bigint_hash(const PrDigit *a, ptrdiff_t as)
{
    uint64_t x = 0;
    for (ptrdiff_t i = abs_size(as) - 1; i >= 0; i--) {
        x = hash_rotate(x, PR_DIGIT_BITS) + a[i];
        if (x >= HASH_MODULUS) {
            x -= HASH_MODULUS;
        }
    }
    return hash_finish(x, as < 0);
}

/* CPython's _Py_HashDouble: the mantissa 28 bits at a time as an integer, then the binary
 * exponent reduced modulo 61 applied as a rotation (2**61 == 1 modulo 2**61 - 1). */
int64_t pr_bigint_hash_double(double v)
{
    if (isnan(v)) {
        return 0;
    }
    if (isinf(v)) {
        return v > 0 ? HASH_INF : -HASH_INF;
    }
    int e;
    double m = frexp(fabs(v), &e);
    uint64_t x = 0;
    while (m != 0.0) {
        x = hash_rotate(x, 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS) {
            x -= HASH_MODULUS;
        }
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    return hash_finish(hash_rotate(x, e), v < 0);
}
