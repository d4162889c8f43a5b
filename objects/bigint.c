/* objects/bigint.c — magnitudes and signed values of arbitrary precision: compare, add,
 * subtract, multiply (schoolbook and Karatsuba), single-digit helpers, shifts, two's-complement
 * bitwise operations and C integer conversions. Division and powers are in bigint_div.c, text in
 * bigint_str.c, doubles and hashes in bigint_float.c; objects/bigint.h states every contract. */
#include "objects/bigint.h"

#include "memory/raw.h"

#include <string.h>

typedef uint64_t TwoDigits;

/* Below these many digits in the shorter operand, schoolbook multiplication wins. Measured on
 * x86-64, gcc -O2: one Karatsuba level over schoolbook halves breaks even near 24-32 digits for
 * products and 32-40 for squares (schoolbook squaring does half the work), and whole products
 * of 300 and 1000 digits are fastest with cutoffs of 24-48 and 32-64. CPython, whose Karatsuba
 * allocates at every level, uses 70 and 140. Override at compile time to measure again. */
#ifndef PR_BIGINT_KARATSUBA_CUTOFF
#define PR_BIGINT_KARATSUBA_CUTOFF 40
#endif
#ifndef PR_BIGINT_KARATSUBA_SQUARE_CUTOFF
#define PR_BIGINT_KARATSUBA_SQUARE_CUTOFF 64
#endif
_Static_assert(PR_BIGINT_KARATSUBA_CUTOFF >= 4, "Karatsuba's recursion must shrink");
_Static_assert(PR_BIGINT_KARATSUBA_SQUARE_CUTOFF >= PR_BIGINT_KARATSUBA_CUTOFF,
               "scratch is sized with the smaller cutoff");

static ptrdiff_t abs_size(ptrdiff_t s)
{
    return s < 0 ? -s : s;
}

static ptrdiff_t with_sign(ptrdiff_t n, int negative)
{
    return negative ? -n : n;
}

/* ==== sizes ================================================================================ */

ptrdiff_t pr_bigint_add_size(ptrdiff_t na, ptrdiff_t nb)
{
    return (na > nb ? na : nb) + 1;
}

ptrdiff_t pr_bigint_mul_size(ptrdiff_t na, ptrdiff_t nb)
{
    return na + nb;
}

ptrdiff_t pr_bigint_div_size(ptrdiff_t na, ptrdiff_t nb)
{
    return na >= nb ? na - nb + 2 : 1;
}

ptrdiff_t pr_bigint_mod_size(ptrdiff_t na, ptrdiff_t nb)
{
    (void)na;
    return nb;
}

ptrdiff_t pr_bigint_lshift_size(ptrdiff_t na, uint64_t shift)
{
    uint64_t words = shift / PR_DIGIT_BITS;
    if (na == 0) {
        return 0;
    }
    if (words > (uint64_t)(PTRDIFF_MAX / 16 - na)) {
        return PR_BIGINT_ENOMEM;
    }
    return na + (ptrdiff_t)words + 1;
}

ptrdiff_t pr_bigint_rshift_size(ptrdiff_t na, uint64_t shift)
{
    uint64_t words = shift / PR_DIGIT_BITS;
    return words < (uint64_t)na ? na - (ptrdiff_t)words + 1 : 1;
}

ptrdiff_t pr_bigint_bitwise_size(ptrdiff_t na, ptrdiff_t nb)
{
    return (na > nb ? na : nb) + 1;
}

/* ==== compare, add, subtract ================================================================ */

ptrdiff_t pr_bigint_normalize(const PrDigit *a, ptrdiff_t n)
{
    while (n > 0 && a[n - 1] == 0) {
        n--;
    }
    return n;
}

int pr_bigint_cmp(const PrDigit *a, ptrdiff_t na, const PrDigit *b, ptrdiff_t nb)
{
    if (na != nb) {
        return na < nb ? -1 : 1;
    }
    for (ptrdiff_t i = na - 1; i >= 0; i--) {
        if (a[i] != b[i]) {
            return a[i] < b[i] ? -1 : 1;
        }
    }
    return 0;
}

ptrdiff_t pr_bigint_add(PrDigit *r, const PrDigit *a, ptrdiff_t na, const PrDigit *b, ptrdiff_t nb)
{
    if (na < nb) {
        const PrDigit *t = a;
        a = b;
        b = t;
        ptrdiff_t tn = na;
        na = nb;
        nb = tn;
    }
    PrDigit carry = 0;
    ptrdiff_t i = 0;
    for (; i < nb; i++) {
        carry += a[i] + b[i];
        r[i] = carry & PR_DIGIT_MASK;
        carry >>= PR_DIGIT_BITS;
    }
    for (; i < na; i++) {
        carry += a[i];
        r[i] = carry & PR_DIGIT_MASK;
        carry >>= PR_DIGIT_BITS;
    }
    if (carry) {
        r[na] = carry;
    }
    return na + (carry != 0);
}

ptrdiff_t pr_bigint_sub(PrDigit *r, const PrDigit *a, ptrdiff_t na, const PrDigit *b, ptrdiff_t nb)
{
    PrDigit borrow = 0;
    ptrdiff_t i = 0;
    for (; i < nb; i++) {
        borrow = a[i] - b[i] - borrow;
        r[i] = borrow & PR_DIGIT_MASK;
        borrow = (borrow >> PR_DIGIT_BITS) & 1;
    }
    for (; i < na; i++) {
        borrow = a[i] - borrow;
        r[i] = borrow & PR_DIGIT_MASK;
        borrow = (borrow >> PR_DIGIT_BITS) & 1;
    }
    return pr_bigint_normalize(r, na);
}

/* x[0..nx) += y[0..ny) in place, ny <= nx; the caller knows the sum fits in nx digits. */
static void add_into(PrDigit *x, ptrdiff_t nx, const PrDigit *y, ptrdiff_t ny)
{
    PrDigit carry = 0;
    ptrdiff_t i = 0;
    for (; i < ny; i++) {
        carry += x[i] + y[i];
        x[i] = carry & PR_DIGIT_MASK;
        carry >>= PR_DIGIT_BITS;
    }
    for (; carry && i < nx; i++) {
        carry += x[i];
        x[i] = carry & PR_DIGIT_MASK;
        carry >>= PR_DIGIT_BITS;
    }
}

/* ==== single digits ========================================================================= */

ptrdiff_t pr_bigint_muladd1(PrDigit *r, const PrDigit *a, ptrdiff_t na, PrDigit m, PrDigit add)
{
    TwoDigits carry = add;
    for (ptrdiff_t i = 0; i < na; i++) {
        carry += (TwoDigits)a[i] * m;
        r[i] = (PrDigit)(carry & PR_DIGIT_MASK);
        carry >>= PR_DIGIT_BITS;
    }
    r[na] = (PrDigit)carry;
    return pr_bigint_normalize(r, na + 1);
}

ptrdiff_t pr_bigint_divrem1(PrDigit *q, const PrDigit *a, ptrdiff_t na, PrDigit d, PrDigit *rem)
{
    TwoDigits r = 0;
    for (ptrdiff_t i = na - 1; i >= 0; i--) {
        TwoDigits t = (r << PR_DIGIT_BITS) | a[i];
        PrDigit qd = (PrDigit)(t / d);
        r = t - (TwoDigits)qd * d;
        q[i] = qd;
    }
    *rem = (PrDigit)r;
    return pr_bigint_normalize(q, na);
}

/* ==== multiplication ======================================================================== */

/* r[0..na+nb) = a * b, the row-by-row method. */
static void mul_school(PrDigit *r, const PrDigit *a, ptrdiff_t na, const PrDigit *b, ptrdiff_t nb)
{
    memset(r, 0, (size_t)(na + nb) * sizeof *r);
    for (ptrdiff_t i = 0; i < na; i++) {
        TwoDigits carry = 0, f = a[i];
        PrDigit *pz = r + i;
        for (ptrdiff_t j = 0; j < nb; j++) {
            carry += *pz + b[j] * f;
            *pz++ = (PrDigit)(carry & PR_DIGIT_MASK);
            carry >>= PR_DIGIT_BITS;
        }
        *pz = (PrDigit)carry;
    }
}

/* r[0..2na) = a * a. Each cross product a[i]*a[j], i < j, appears twice in the square, so it is
 * computed once with the factor doubled: about half the work of mul_school (CPython's x_mul). */
static void sqr_school(PrDigit *r, const PrDigit *a, ptrdiff_t na)
{
    memset(r, 0, (size_t)(2 * na) * sizeof *r);
    for (ptrdiff_t i = 0; i < na; i++) {
        TwoDigits f = a[i];
        PrDigit *pz = r + 2 * i;
        TwoDigits carry = *pz + f * f;
        *pz++ = (PrDigit)(carry & PR_DIGIT_MASK);
        carry >>= PR_DIGIT_BITS;
        f <<= 1;
        for (ptrdiff_t j = i + 1; j < na; j++) {
            carry += *pz + a[j] * f;
            *pz++ = (PrDigit)(carry & PR_DIGIT_MASK);
            carry >>= PR_DIGIT_BITS;
        }
        for (; carry; pz++) {
            carry += *pz;
            *pz = (PrDigit)(carry & PR_DIGIT_MASK);
            carry >>= PR_DIGIT_BITS;
        }
    }
}

/* Scratch digits kmul needs when its longer operand has at most n digits: each balanced level
 * takes 4h + 4 digits (h = ceil(n / 2)) and recurses on at most h + 1 digits. The lopsided
 * case, 2 * shorter <= n, needs 2 * shorter + scratch(shorter), which this also covers. */
static size_t kmul_scratch(ptrdiff_t n)
{
    size_t total = 0;
    while (n > PR_BIGINT_KARATSUBA_CUTOFF) {
        ptrdiff_t h = n - n / 2;
        total += 4 * (size_t)h + 4;
        n = h + 1;
    }
    return total;
}

static void kmul(PrDigit *r, const PrDigit *a, ptrdiff_t na, const PrDigit *b, ptrdiff_t nb,
                 PrDigit *scratch);

/* Karatsuba on a (na) and b (nb), nb / 2 < na <= nb, split at shift = nb / 2:
 *   a*b = ah*bh << 2s  +  ((ah+al)(bh+bl) - ah*bh - al*bl) << s  +  al*bl.
 * The outer products go straight into r; the middle term is built in scratch and added. */
static void kmul_balanced(PrDigit *r, const PrDigit *a, ptrdiff_t na, const PrDigit *b,
                          ptrdiff_t nb, PrDigit *scratch)
{
    int square = (a == b && na == nb);
    ptrdiff_t shift = nb / 2, h = nb - shift, nah = na - shift;
    ptrdiff_t nal = pr_bigint_normalize(a, shift), nbl = pr_bigint_normalize(b, shift);
    kmul(r, a, nal, b, nbl, scratch);
    memset(r + nal + nbl, 0, (size_t)(2 * shift - nal - nbl) * sizeof *r);
    kmul(r + 2 * shift, a + shift, nah, b + shift, h, scratch);

    PrDigit *t1 = scratch, *t2 = t1 + h + 1, *t3 = t2 + h + 1, *rest = t3 + 2 * h + 2;
    ptrdiff_t n1 = pr_bigint_add(t1, a + shift, nah, a, nal), n2 = n1;
    if (square) {
        t2 = t1;
    } else {
        n2 = pr_bigint_add(t2, b + shift, h, b, nbl);
    }
    kmul(t3, t1, n1, t2, n2, rest);
    ptrdiff_t n3 = pr_bigint_normalize(t3, n1 + n2);
    n3 = pr_bigint_sub(t3, t3, n3, r, pr_bigint_normalize(r, 2 * shift));
    n3 = pr_bigint_sub(t3, t3, n3, r + 2 * shift,
                       pr_bigint_normalize(r + 2 * shift, na + nb - 2 * shift));
    add_into(r + shift, na + nb - shift, t3, n3);
}

/* a is much shorter than b (2 * na <= nb): Karatsuba would waste its split on zeros, so b is cut
 * into slices of na digits, each multiplied by a as a balanced product and added in place. */
static void kmul_lopsided(PrDigit *r, const PrDigit *a, ptrdiff_t na, const PrDigit *b,
                          ptrdiff_t nb, PrDigit *scratch)
{
    PrDigit *prod = scratch, *rest = scratch + 2 * na;
    memset(r, 0, (size_t)(na + nb) * sizeof *r);
    for (ptrdiff_t done = 0; done < nb;) {
        ptrdiff_t chunk = nb - done < na ? nb - done : na;
        kmul(prod, a, na, b + done, chunk, rest);
        add_into(r + done, na + nb - done, prod, na + chunk);
        done += chunk;
    }
}

/* r[0..na+nb) = a * b, dispatching on sizes; scratch holds kmul_scratch(max(na, nb)). */
static void kmul(PrDigit *r, const PrDigit *a, ptrdiff_t na, const PrDigit *b, ptrdiff_t nb,
                 PrDigit *scratch)
{
    int square = (a == b && na == nb);
    if (na > nb) {
        const PrDigit *t = a;
        a = b;
        b = t;
        ptrdiff_t tn = na;
        na = nb;
        nb = tn;
    }
    if (square && na <= PR_BIGINT_KARATSUBA_SQUARE_CUTOFF) {
        sqr_school(r, a, na);
    } else if (na <= PR_BIGINT_KARATSUBA_CUTOFF) {
        mul_school(r, a, na, b, nb);
    } else if (2 * na <= nb) {
        kmul_lopsided(r, a, na, b, nb, scratch);
    } else {
        kmul_balanced(r, a, na, b, nb, scratch);
    }
}

ptrdiff_t pr_bigint_mul(PrDigit *r, const PrDigit *a, ptrdiff_t na, const PrDigit *b, ptrdiff_t nb)
{
    ptrdiff_t small = na < nb ? na : nb, big = na < nb ? nb : na;
    int square = (a == b && na == nb);
    if (small == 0) {
        return 0;
    }
    if (square && na <= PR_BIGINT_KARATSUBA_SQUARE_CUTOFF) {
        sqr_school(r, a, na);
        return pr_bigint_normalize(r, 2 * na);
    }
    if (!square && small <= PR_BIGINT_KARATSUBA_CUTOFF) {
        mul_school(r, a, na, b, nb);
        return pr_bigint_normalize(r, na + nb);
    }
    size_t need = kmul_scratch(big);
    PrDigit *scratch =
        need > SIZE_MAX / sizeof *scratch ? NULL : pr_raw_malloc(need * sizeof *scratch);
    if (!scratch) {
        return PR_BIGINT_ENOMEM;
    }
    kmul(r, a, na, b, nb, scratch);
    pr_raw_free(scratch);
    return pr_bigint_normalize(r, na + nb);
}

uint64_t pr_bigint_bit_length(const PrDigit *a, ptrdiff_t na)
{
    if (na == 0) {
        return 0;
    }
    uint64_t bits = (uint64_t)(na - 1) * PR_DIGIT_BITS;
    for (PrDigit top = a[na - 1]; top; top >>= 1) {
        bits++;
    }
    return bits;
}

/* ==== signed arithmetic ===================================================================== */

int pr_bigint_scmp(const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs)
{
    if (as != bs) {
        return as < bs ? -1 : 1;
    }
    int c = pr_bigint_cmp(a, abs_size(as), b, abs_size(bs));
    return as < 0 ? -c : c;
}

/* r = ±(|a| - |b|) with the sign given for |a| > |b|. */
static ptrdiff_t signed_difference(PrDigit *r, const PrDigit *a, ptrdiff_t na, const PrDigit *b,
                                   ptrdiff_t nb, int negative)
{
    int c = pr_bigint_cmp(a, na, b, nb);
    if (c == 0) {
        return 0;
    }
    if (c < 0) {
        return with_sign(pr_bigint_sub(r, b, nb, a, na), !negative);
    }
    return with_sign(pr_bigint_sub(r, a, na, b, nb), negative);
}

ptrdiff_t pr_bigint_sadd(PrDigit *r, const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs)
{
    ptrdiff_t na = abs_size(as), nb = abs_size(bs);
    if ((as < 0) == (bs < 0)) {
        return with_sign(pr_bigint_add(r, a, na, b, nb), as < 0);
    }
    return signed_difference(r, a, na, b, nb, as < 0);
}

ptrdiff_t pr_bigint_ssub(PrDigit *r, const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs)
{
    return pr_bigint_sadd(r, a, as, b, -bs);
}

int pr_bigint_smul(PrDigit *r, ptrdiff_t *rs, const PrDigit *a, ptrdiff_t as, const PrDigit *b,
                   ptrdiff_t bs)
{
    ptrdiff_t n = pr_bigint_mul(r, a, abs_size(as), b, abs_size(bs));
    if (n < 0) {
        return (int)n;
    }
    *rs = with_sign(n, (as < 0) != (bs < 0));
    return 0;
}

/* ==== shifts ================================================================================ */

ptrdiff_t pr_bigint_lshift(PrDigit *r, const PrDigit *a, ptrdiff_t as, uint64_t shift)
{
    ptrdiff_t na = abs_size(as);
    if (na == 0) {
        return 0;
    }
    ptrdiff_t words = (ptrdiff_t)(shift / PR_DIGIT_BITS);
    int bits = (int)(shift % PR_DIGIT_BITS);
    memset(r, 0, (size_t)words * sizeof *r);
    TwoDigits acc = 0;
    for (ptrdiff_t i = 0; i < na; i++) {
        acc |= (TwoDigits)a[i] << bits;
        r[words + i] = (PrDigit)(acc & PR_DIGIT_MASK);
        acc >>= PR_DIGIT_BITS;
    }
    r[words + na] = (PrDigit)acc;
    return with_sign(pr_bigint_normalize(r, words + na + 1), as < 0);
}

/* Whether any of the lowest `shift` bits of a is set. */
static int low_bits_set(const PrDigit *a, ptrdiff_t na, uint64_t shift)
{
    uint64_t words = shift / PR_DIGIT_BITS;
    ptrdiff_t full = words < (uint64_t)na ? (ptrdiff_t)words : na;
    for (ptrdiff_t i = 0; i < full; i++) {
        if (a[i]) {
            return 1;
        }
    }
    return full < na && (a[full] & (((PrDigit)1 << (shift % PR_DIGIT_BITS)) - 1)) != 0;
}

/* Shifting a negative value right rounds toward -inf: -(|a| >> k) - 1 when bits fall off, the
 * same as floor division by 2**k, so -5 >> 1 == -3. */
ptrdiff_t pr_bigint_rshift(PrDigit *r, const PrDigit *a, ptrdiff_t as, uint64_t shift)
{
    ptrdiff_t na = abs_size(as), n = 0;
    uint64_t words = shift / PR_DIGIT_BITS;
    int bits = (int)(shift % PR_DIGIT_BITS);
    ptrdiff_t first = words < (uint64_t)na ? (ptrdiff_t)words : na;
    for (ptrdiff_t i = first; i < na; i++) {
        PrDigit next = i + 1 < na ? a[i + 1] : 0;
        r[n++] = ((a[i] >> bits) | (next << (PR_DIGIT_BITS - bits))) & PR_DIGIT_MASK;
    }
    n = pr_bigint_normalize(r, n);
    if (as < 0 && low_bits_set(a, na, shift)) {
        static const PrDigit one = 1;
        n = pr_bigint_add(r, r, n, &one, 1);
    }
    return with_sign(n, as < 0);
}

/* ==== bitwise operations on two's complement ================================================= */

/* The digits of a signed value as infinite two's complement, produced low to high without a
 * copy: a negative value is ~|a| + 1, the +1 rippling through a carry. */
typedef struct TwosStream {
    const PrDigit *d;
    ptrdiff_t n;
    int negative;
    PrDigit carry;
} TwosStream;

static TwosStream twos_start(const PrDigit *d, ptrdiff_t s)
{
    TwosStream t = {d, abs_size(s), s < 0, 1};
    return t;
}

static PrDigit twos_next(TwosStream *t, ptrdiff_t i)
{
    PrDigit x = i < t->n ? t->d[i] : 0;
    if (!t->negative) {
        return x;
    }
    x = (~x & PR_DIGIT_MASK) + t->carry;
    t->carry = x >> PR_DIGIT_BITS;
    return x & PR_DIGIT_MASK;
}

typedef enum BitOp { BIT_AND, BIT_OR, BIT_XOR } BitOp;

static PrDigit bit_apply(BitOp op, PrDigit x, PrDigit y)
{
    switch (op) {
    case BIT_AND:
        return x & y;
    case BIT_OR:
        return x | y;
    default:
        return x ^ y;
    }
}

/* CPython's long_bitwise without its temporaries: both operands stream as two's complement, the
 * sign digit of the result is op(sign a, sign b), and a negative result streams back to a
 * magnitude (~r + 1) in the same pass. The carry left over becomes the top digit. */
static ptrdiff_t bitwise(PrDigit *r, const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs,
                         BitOp op)
{
    TwosStream ta = twos_start(a, as), tb = twos_start(b, bs);
    int negative = (int)bit_apply(op, (PrDigit)ta.negative, (PrDigit)tb.negative);
    ptrdiff_t n = ta.n > tb.n ? ta.n : tb.n;
    PrDigit carry = 1;
    for (ptrdiff_t i = 0; i < n; i++) {
        PrDigit z = bit_apply(op, twos_next(&ta, i), twos_next(&tb, i));
        if (negative) {
            z = (~z & PR_DIGIT_MASK) + carry;
            carry = z >> PR_DIGIT_BITS;
            z &= PR_DIGIT_MASK;
        }
        r[i] = z;
    }
    r[n] = negative ? carry : 0;
    return with_sign(pr_bigint_normalize(r, n + 1), negative);
}

ptrdiff_t pr_bigint_and(PrDigit *r, const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs)
{
    return bitwise(r, a, as, b, bs, BIT_AND);
}

ptrdiff_t pr_bigint_or(PrDigit *r, const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs)
{
    return bitwise(r, a, as, b, bs, BIT_OR);
}

ptrdiff_t pr_bigint_xor(PrDigit *r, const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs)
{
    return bitwise(r, a, as, b, bs, BIT_XOR);
}

/* ~a == -(a + 1): one more in magnitude for a >= 0, one less (and positive) for a < 0. */
ptrdiff_t pr_bigint_invert(PrDigit *r, const PrDigit *a, ptrdiff_t as)
{
    static const PrDigit one = 1;
    ptrdiff_t na = abs_size(as);
    if (as < 0) {
        return pr_bigint_sub(r, a, na, &one, 1);
    }
    return -pr_bigint_add(r, a, na, &one, 1);
}

/* ==== C integers ============================================================================ */

ptrdiff_t pr_bigint_from_uint64(PrDigit *r, uint64_t v)
{
    ptrdiff_t n = 0;
    for (; v; v >>= PR_DIGIT_BITS) {
        r[n++] = (PrDigit)(v & PR_DIGIT_MASK);
    }
    return n;
}

ptrdiff_t pr_bigint_from_int64(PrDigit *r, int64_t v)
{
    uint64_t magnitude = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    return with_sign(pr_bigint_from_uint64(r, magnitude), v < 0);
}

/* The magnitude as uint64_t. Returns: 0, or PR_BIGINT_EOVERFLOW past 2**64 - 1. */
static int magnitude_u64(const PrDigit *a, ptrdiff_t na, uint64_t *out)
{
    uint64_t x = 0;
    if (na > PR_BIGINT_INT64_DIGITS) {
        return PR_BIGINT_EOVERFLOW;
    }
    for (ptrdiff_t i = na - 1; i >= 0; i--) {
        if (x >> (64 - PR_DIGIT_BITS)) {
            return PR_BIGINT_EOVERFLOW;
        }
        x = (x << PR_DIGIT_BITS) | a[i];
    }
    *out = x;
    return 0;
}

int pr_bigint_to_uint64(const PrDigit *a, ptrdiff_t as, uint64_t *out)
{
    if (as < 0) {
        return PR_BIGINT_ENEGATIVE;
    }
    return magnitude_u64(a, as, out);
}

int pr_bigint_to_int64(const PrDigit *a, ptrdiff_t as, int64_t *out)
{
    uint64_t m;
    uint64_t limit = as < 0 ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    if (magnitude_u64(a, abs_size(as), &m) < 0 || m > limit) {
        return PR_BIGINT_EOVERFLOW;
    }
    *out = as < 0 && m ? -(int64_t)(m - 1) - 1 : (int64_t)m;
    return 0;
}
