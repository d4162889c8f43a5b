/* objects/dtoa.c — exact double <-> decimal digit conversions (see objects/dtoa.h).
 *
 * Why exact big-integer arithmetic, and not snprintf/strtod from the C library: CPython's repr,
 * format() and round() are defined by David Gay's dtoa.c, which is exact and locale-free; the C
 * library's routines depend on LC_NUMERIC, and printf has no "shortest" mode at all. Rather than
 * porting dtoa.c (4,000 lines of it), this file does the textbook exact algorithms on a small
 * fixed-capacity bignum kept on the C stack, so nothing here allocates:
 *
 *   double -> digits   v = f * 2**e is written as a fraction R/S of big integers, scaled by a power
 *                      of ten so that 1 <= R/S < 10; each digit is then floor(R/S), and R becomes
 *                      10 * (R mod S). Shortest mode (Steele & White, "free-format") also carries
 *                      the half-gaps M- and M+ to the neighbouring doubles and stops as soon as the
 *                      digits so far, or the digits rounded up, fall strictly inside the gap (or on
 *                      its edge when f is even, because reading back rounds ties to even). The
 *                      tie-breaking between the two candidates follows Gay's mode 0 step for step.
 *                      Fixed modes generate digits up to the requested position, then round half
 *                      to even on the exact remainder, as Gay's modes 2 and 3 do.
 *   digits -> double   Short inputs (<= 15 digits, |exponent| <= 22) are exact in one IEEE
 *                      multiplication or division (Clinger's fast path). Otherwise the value N/P is
 *                      approximated from the top 64 bits of each, then corrected one ulp at a time
 *                      by comparing N/P exactly with the midpoints between neighbouring doubles.
 *                      Inputs longer than 800 significant digits are cut to 800 plus one sticky
 *                      '1': a midpoint between doubles has at most 767 significant digits, so the
 *                      cut never changes which side of a midpoint the value lies on.
 *
 * Capacity: the largest operand is the strtod comparison for an 801-digit input near 1e-324,
 * about 3,800 bits; BIG_CAP limbs of 32 bits leave headroom, and every growth is asserted. */
#include "objects/dtoa.h"

#include <assert.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* A fixed-capacity unsigned big integer: d[0] is the least significant limb, n limbs are used. */

#define BIG_CAP 136

typedef struct Big {
    int n;
    uint32_t d[BIG_CAP];
} Big;

static void big_trim(Big *b)
{
    while (b->n > 0 && b->d[b->n - 1] == 0) {
        b->n--;
    }
}

static void big_set_u64(Big *b, uint64_t v)
{
    b->n = 0;
    while (v) {
        b->d[b->n++] = (uint32_t)v;
        v >>= 32;
    }
}

/* b = b * m + add. */
static void big_muladd_small(Big *b, uint32_t m, uint32_t add)
{
    uint64_t carry = add;
    for (int i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->d[i] * m + carry;
        b->d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry) {
        assert(b->n < BIG_CAP);
        b->d[b->n++] = (uint32_t)carry;
    }
    big_trim(b);
}

static void big_shl(Big *b, int bits)
{
    if (b->n == 0 || bits == 0) {
        return;
    }
    int limbs = bits / 32, r = bits % 32, n = b->n;
    uint32_t *d = b->d;
    assert(n + limbs + 1 <= BIG_CAP);
    if (r == 0) {
        for (int i = n - 1; i >= 0; i--) {
            d[i + limbs] = d[i];
        }
        b->n = n + limbs;
    } else {
        d[n + limbs] = d[n - 1] >> (32 - r);
        for (int i = n - 1; i > 0; i--) {
            d[i + limbs] = (d[i] << r) | (d[i - 1] >> (32 - r));
        }
        d[limbs] = d[0] << r;
        b->n = n + limbs + 1;
    }
    for (int i = 0; i < limbs; i++) {
        d[i] = 0;
    }
    big_trim(b);
}

/* b *= 10**k (k >= 0), as 5**k by chunks of 5**13 (the largest power of 5 in 32 bits), then 2**k.
 */
static void big_mul_pow10(Big *b, int k)
{
    static const uint32_t pow5[14] = {1,       5,        25,        125,       625,
                                      3125,    15625,    78125,     390625,    1953125,
                                      9765625, 48828125, 244140625, 1220703125};
    int left = k;
    while (left >= 13) {
        big_muladd_small(b, pow5[13], 0);
        left -= 13;
    }
    if (left > 0) {
        big_muladd_small(b, pow5[left], 0);
    }
    big_shl(b, k);
}

static int big_cmp(const Big *a, const Big *b)
{
    if (a->n != b->n) {
        return a->n < b->n ? -1 : 1;
    }
    for (int i = a->n - 1; i >= 0; i--) {
        if (a->d[i] != b->d[i]) {
            return a->d[i] < b->d[i] ? -1 : 1;
        }
    }
    return 0;
}

/* r = a + b (r may alias a). */
static void big_add(Big *r, const Big *a, const Big *b)
{
    const Big *lo = a->n < b->n ? a : b, *hi = a->n < b->n ? b : a;
    uint64_t carry = 0;
    int n = hi->n;
    for (int i = 0; i < n; i++) {
        uint64_t t = (uint64_t)hi->d[i] + (i < lo->n ? lo->d[i] : 0) + carry;
        r->d[i] = (uint32_t)t;
        carry = t >> 32;
    }
    r->n = n;
    if (carry) {
        assert(n < BIG_CAP);
        r->d[r->n++] = (uint32_t)carry;
    }
}

/* a -= b, where a >= b. */
static void big_sub(Big *a, const Big *b)
{
    int64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        int64_t t = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
        borrow = t < 0;
        a->d[i] = (uint32_t)(t + (borrow ? ((int64_t)1 << 32) : 0));
    }
    assert(borrow == 0);
    big_trim(a);
}

/* r = a * m for a 64-bit m (r must not alias a). */
static void big_mul_u64(Big *r, const Big *a, uint64_t m)
{
    uint32_t m0 = (uint32_t)m, m1 = (uint32_t)(m >> 32);
    assert(a->n + 2 <= BIG_CAP);
    memset(r->d, 0, (size_t)(a->n + 2) * sizeof r->d[0]);
    for (int i = 0; i < a->n; i++) {
        uint64_t t = (uint64_t)a->d[i] * m0 + r->d[i];
        r->d[i] = (uint32_t)t;
        t = (uint64_t)a->d[i] * m1 + r->d[i + 1] + (t >> 32);
        r->d[i + 1] = (uint32_t)t;
        r->d[i + 2] = (uint32_t)(t >> 32);
    }
    r->n = a->n + 2;
    big_trim(r);
}

/* r -= s * q, where r >= s * q (one pass, no temporary). */
static void big_submul(Big *r, const Big *s, uint32_t q)
{
    uint64_t carry = 0, borrow = 0;
    for (int i = 0; i < r->n; i++) {
        uint64_t p = (i < s->n ? (uint64_t)s->d[i] * q : 0) + carry;
        uint64_t sub = (p & 0xFFFFFFFFu) + borrow, cur = r->d[i];
        carry = p >> 32;
        borrow = cur < sub;
        r->d[i] = (uint32_t)(cur - sub);
    }
    assert(carry == 0 && borrow == 0);
    big_trim(r);
}

static int bitlen32(uint32_t x)
{
    int n = 0;
    while (x) {
        n++;
        x >>= 1;
    }
    return n;
}

static int big_bitlen(const Big *b)
{
    return b->n == 0 ? 0 : (b->n - 1) * 32 + bitlen32(b->d[b->n - 1]);
}

/* The 64 most significant bits of b, left-aligned: b ~ result * 2**(bitlen - 64). */
static uint64_t big_top64(const Big *b)
{
    int shift = big_bitlen(b) - 64; /* bits dropped on the right (negative: padded) */
    if (shift <= 0) {
        uint64_t v = b->n > 0 ? b->d[0] : 0;
        if (b->n > 1) {
            v |= (uint64_t)b->d[1] << 32;
        }
        return v << -shift;
    }
    int limb = shift / 32, r = shift % 32;
    uint64_t lo = b->d[limb];
    uint64_t mid = limb + 1 < b->n ? b->d[limb + 1] : 0;
    uint64_t hi = limb + 2 < b->n ? b->d[limb + 2] : 0;
    if (r == 0) {
        return lo | (mid << 32);
    }
    return (lo >> r) | (mid << (32 - r)) | (hi << (64 - r));
}

/* Why the estimate: R and S are normalized so that S's top limb lies in [2**27, 2**28); with
 * R < 10 * S both then have the same number of limbs, and top(R) / (top(S) + 1) is the quotient
 * or one less. Returns: floor(R / S) (0..9) and leaves R mod S in R. */
static int big_quorem(Big *r, const Big *s)
{
    if (r->n < s->n) {
        return 0;
    }
    assert(r->n == s->n);
    uint32_t q = r->d[r->n - 1] / (s->d[s->n - 1] + 1);
    if (q > 0) {
        big_submul(r, s, q);
    }
    while (big_cmp(r, s) >= 0) {
        big_sub(r, s);
        q++;
    }
    assert(q <= 9);
    return (int)q;
}

/* ------------------------------------------------------------------------------------------ */
/* double -> digits */

typedef struct Split {
    uint64_t f;   /* integer significand, hidden bit included */
    int e;        /* v = f * 2**e */
    int boundary; /* f is a power of two above the smallest normal: the gap below is half */
} Split;

static Split split_double(double v)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    uint64_t frac = bits & (((uint64_t)1 << 52) - 1);
    int be = (int)((bits >> 52) & 0x7FF);
    Split s;
    s.f = be == 0 ? frac : frac | ((uint64_t)1 << 52);
    s.e = be == 0 ? -1074 : be - 1075;
    s.boundary = frac == 0 && be > 1;
    return s;
}

/* The state of digit generation: v = r / s, and in shortest mode the half-gaps mm / mp (mp points
 * at mm when both are equal). */
typedef struct Gen {
    Big r, s, mm, mp_store;
    Big *mp;
    int k; /* 10**k <= v < 10**(k+1) once scaled */
} Gen;

static void gen_times10(Gen *g, int margins)
{
    big_muladd_small(&g->r, 10, 0);
    if (margins) {
        big_muladd_small(&g->mm, 10, 0);
        if (g->mp != &g->mm) {
            big_muladd_small(g->mp, 10, 0);
        }
    }
}

/* Why the fix-ups: the estimate of k from the binary exponent can be one too small (never more,
 * since log10(2) is irrational and far enough from every integer in range); the checks make
 * 1 <= r/s < 10 hold exactly, which the quotient step needs. */
static void gen_scale(Gen *g, int margins)
{
    if (g->k >= 0) {
        big_mul_pow10(&g->s, g->k);
    } else {
        big_mul_pow10(&g->r, -g->k);
        if (margins) {
            big_mul_pow10(&g->mm, -g->k);
            if (g->mp != &g->mm) {
                big_mul_pow10(g->mp, -g->k);
            }
        }
    }
    Big s10 = g->s;
    big_muladd_small(&s10, 10, 0);
    if (big_cmp(&g->r, &s10) >= 0) {
        g->s = s10;
        g->k++;
    } else if (big_cmp(&g->r, &g->s) < 0) {
        gen_times10(g, margins);
        g->k--;
    }
    /* Normalize: shift everything so that s's top limb is in [2**27, 2**28). */
    int shift = (28 - bitlen32(g->s.d[g->s.n - 1]) + 32) % 32;
    big_shl(&g->r, shift);
    big_shl(&g->s, shift);
    if (margins) {
        big_shl(&g->mm, shift);
        if (g->mp != &g->mm) {
            big_shl(g->mp, shift);
        }
    }
}

static void gen_init(Gen *g, double v, int margins)
{
    Split sp = split_double(v);
    int le = sp.e >= 0 ? sp.e : 0;  /* power of two on r's side */
    int re = sp.e >= 0 ? 0 : -sp.e; /* power of two on s's side */
    int extra = margins ? (sp.boundary ? 2 : 1) : 0;
    big_set_u64(&g->r, sp.f);
    big_shl(&g->r, le + extra);
    big_set_u64(&g->s, 1);
    big_shl(&g->s, re + extra);
    g->mp = &g->mm;
    if (margins) {
        big_set_u64(&g->mm, 1);
        big_shl(&g->mm, le);
        if (sp.boundary) {
            g->mp = &g->mp_store;
            big_set_u64(g->mp, 2);
            big_shl(g->mp, le);
        }
    }
    int nb = 0;
    for (uint64_t f = sp.f; f; f >>= 1) {
        nb++;
    }
    g->k = (int)floor((sp.e + nb - 1) * 0.30102999566398120);
    gen_scale(g, margins);
}

/* Adds one unit in the last place of digits[0..n), carrying through nines. Returns: new length. */
static int round_up(char *digits, int n, int *k)
{
    while (n > 0 && digits[n - 1] == '9') {
        n--;
    }
    if (n == 0) {
        digits[0] = '1';
        (*k)++;
        return 1;
    }
    digits[n - 1]++;
    return n;
}

/* Gay's mode 0 termination test for the digit just produced. Returns: 0 to go on, or 1 when the
 * digit (possibly bumped, see *bump) ends the string. */
static int shortest_stop(Gen *g, int dig, int even, int *bump)
{
    Big hi;
    big_add(&hi, &g->r, g->mp);
    int j = big_cmp(&g->r, &g->mm);
    int j1 = big_cmp(&hi, &g->s);
    *bump = 0;
    if (j1 == 0 && even) {
        *bump = j > 0;
        return 1;
    }
    if (j < 0 || (j == 0 && even)) {
        if (g->r.n != 0 && j1 > 0) {
            Big r2 = g->r;
            big_shl(&r2, 1);
            int c = big_cmp(&r2, &g->s);
            *bump = c > 0 || (c == 0 && (dig & 1));
        }
        return 1;
    }
    if (j1 > 0) {
        *bump = 1;
        return 1;
    }
    return 0;
}

static int digits_shortest(double v, char *digits, int *decpt)
{
    Gen g;
    gen_init(&g, v, 1);
    int even = (split_double(v).f & 1) == 0;
    int n = 0;
    for (;;) {
        int dig = big_quorem(&g.r, &g.s), bump;
        if (shortest_stop(&g, dig, even, &bump)) {
            if (bump && dig == 9) {
                digits[n++] = '9';
                n = round_up(digits, n, &g.k);
            } else {
                digits[n++] = (char)('0' + dig + bump);
            }
            break;
        }
        digits[n++] = (char)('0' + dig);
        gen_times10(&g, 1);
    }
    *decpt = g.k + 1;
    return n;
}

/* Modes 2 and 3: ilim digits, then round half to even on the remainder. */
static int digits_fixed(double v, PrDtoaMode mode, int ndigits, char *digits, int *decpt)
{
    Gen g;
    gen_init(&g, v, 0);
    long ilim = mode == PR_DTOA_DIGITS ? (ndigits < 1 ? 1 : ndigits) : (long)ndigits + g.k + 1;
    if (ilim <= 0) {
        /* Nothing before the rounding position: the result is 0 or one unit there. */
        Big s5 = g.s;
        big_muladd_small(&s5, 5, 0);
        if (ilim == 0 && big_cmp(&g.r, &s5) > 0) {
            digits[0] = '1';
            *decpt = g.k + 2;
            return 1;
        }
        *decpt = -ndigits;
        return 0;
    }
    int n = 0, dig;
    for (;;) {
        dig = big_quorem(&g.r, &g.s);
        digits[n++] = (char)('0' + dig);
        if (g.r.n == 0) {
            *decpt = g.k + 1;
            return n;
        }
        if (n >= ilim) {
            break;
        }
        assert(n < PR_DTOA_MAXDIGITS);
        gen_times10(&g, 0);
    }
    big_shl(&g.r, 1);
    int c = big_cmp(&g.r, &g.s);
    if (c > 0 || (c == 0 && (dig & 1))) {
        n = round_up(digits, n, &g.k);
    } else {
        while (digits[n - 1] == '0') {
            n--;
        }
    }
    *decpt = g.k + 1;
    return n;
}

int pr_dtoa_digits(double v, PrDtoaMode mode, int ndigits, char *digits, int *decpt)
{
    v = fabs(v);
    assert(isfinite(v));
    if (v == 0.0) {
        digits[0] = '0';
        *decpt = 1;
        return 1;
    }
    if (mode == PR_DTOA_SHORTEST) {
        return digits_shortest(v, digits, decpt);
    }
    return digits_fixed(v, mode, ndigits, digits, decpt);
}

/* ------------------------------------------------------------------------------------------ */
/* digits -> double */

#define SIG_MAX 800 /* significant digits kept; see the essay above */

/* Compares N/P with m * 2**s. */
static int cmp_mid(const Big *n, const Big *p, uint64_t m, int s)
{
    Big a = *n, b;
    big_mul_u64(&b, p, m);
    if (s < 0) {
        big_shl(&a, -s);
    } else {
        big_shl(&b, s);
    }
    return big_cmp(&a, &b);
}

static double from_bits(uint64_t bits)
{
    double x;
    memcpy(&x, &bits, sizeof x);
    return x;
}

static uint64_t to_bits(double x)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return bits;
}

/* Why one ulp at a time: the starting point is within a couple of ulps of N/P, and the midpoint
 * above a double is the midpoint below the next one, so the walk is monotone and short. */
static double correct(const Big *n, const Big *p, double x, int *overflow)
{
    for (;;) {
        Split sp = split_double(x);
        uint64_t bits = to_bits(x);
        int c = cmp_mid(n, p, 2 * sp.f + 1, sp.e - 1);
        if (c > 0 || (c == 0 && (sp.f & 1))) {
            x = from_bits(bits + 1);
            if (isinf(x)) {
                *overflow = 1;
                return x;
            }
            continue;
        }
        c = sp.boundary ? cmp_mid(n, p, 4 * sp.f - 1, sp.e - 2)
                        : cmp_mid(n, p, 2 * sp.f - 1, sp.e - 1);
        if (c < 0 || (c == 0 && (sp.f & 1))) {
            x = from_bits(bits - 1);
            if (x == 0.0) {
                return x;
            }
            continue;
        }
        return x;
    }
}

static double strtod_slow(const char *d, int nd, int e10, int *overflow)
{
    Big n, p;
    n.n = 0;
    for (int i = 0; i < nd;) {
        uint32_t chunk = 0, scale = 1;
        for (int j = 0; j < 9 && i < nd; j++, i++) {
            chunk = chunk * 10 + (uint32_t)(d[i] - '0');
            scale *= 10;
        }
        big_muladd_small(&n, scale, chunk);
    }
    big_set_u64(&p, 1);
    if (e10 >= 0) {
        big_mul_pow10(&n, e10);
    } else {
        big_mul_pow10(&p, -e10);
    }
    double ratio = (double)big_top64(&n) / (double)big_top64(&p);
    double x = ldexp(ratio, big_bitlen(&n) - big_bitlen(&p));
    if (x == 0.0) {
        x = from_bits(1);
    } else if (isinf(x)) {
        x = DBL_MAX;
    }
    return correct(&n, &p, x, overflow);
}

double pr_dtoa_strtod(const char *digits, size_t n, long decpt, int *overflow)
{
    static const double tens[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                    1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    int dummy = 0;
    overflow = overflow ? overflow : &dummy;
    *overflow = 0;
    while (n > 0 && digits[0] == '0') {
        digits++;
        n--;
        if (decpt > LONG_MIN) {
            decpt--;
        }
    }
    while (n > 0 && digits[n - 1] == '0') {
        n--;
    }
    if (n == 0 || decpt < -323) {
        return 0.0; /* below 10**-324, under half the smallest subnormal */
    }
    if (decpt > 309) {
        *overflow = 1;
        return HUGE_VAL;
    }
    char d[SIG_MAX + 1];
    int nd = n > SIG_MAX ? SIG_MAX : (int)n;
    memcpy(d, digits, (size_t)nd);
    if (n > SIG_MAX) {
        d[nd++] = '1'; /* sticky: what was cut is not all zeros (trailing zeros are gone) */
    }
    int e10 = (int)decpt - nd;
#if FLT_EVAL_METHOD == 0
    if (nd <= 15 && e10 >= -22 && e10 <= 22) {
        uint64_t m = 0;
        for (int i = 0; i < nd; i++) {
            m = m * 10 + (uint64_t)(d[i] - '0');
        }
        return e10 >= 0 ? (double)m * tens[e10] : (double)m / tens[-e10];
    }
#else
    (void)tens;
#endif
    return strtod_slow(d, nd, e10, overflow);
}
