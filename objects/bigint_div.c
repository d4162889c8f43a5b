/* objects/bigint_div.c — division of magnitudes (Knuth's algorithm D, as CPython's x_divrem),
 * Python's floor division and modulo, integer powers, and pow() with a modulus including the
 * modular inverse. Contracts in objects/bigint.h; Knuth, TAOCP vol. 2, §4.3.1 for the method. */
#include "objects/bigint.h"

#include "memory/raw.h"

#include <string.h>

typedef uint64_t TwoDigits;

static const PrDigit one = 1;

static ptrdiff_t abs_size(ptrdiff_t s)
{
    return s < 0 ? -s : s;
}

static ptrdiff_t with_sign(ptrdiff_t n, int negative)
{
    return negative ? -n : n;
}

/* n digits from pr_raw_malloc, or NULL (also when n * sizeof overflows). */
static PrDigit *digits_alloc(ptrdiff_t n)
{
    if (n < 0 || (size_t)n > SIZE_MAX / sizeof(PrDigit)) {
        return NULL;
    }
    return pr_raw_malloc((size_t)n * sizeof(PrDigit));
}

/* ==== Knuth's algorithm D =================================================================== */

/* dst = src << d (d < 30) over n digits. Returns: the bits shifted out at the top. */
static PrDigit shl_digits(PrDigit *dst, const PrDigit *src, ptrdiff_t n, int d)
{
    TwoDigits acc = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        acc |= (TwoDigits)src[i] << d;
        dst[i] = (PrDigit)(acc & PR_DIGIT_MASK);
        acc >>= PR_DIGIT_BITS;
    }
    return (PrDigit)acc;
}

/* x >>= d (d < 30) in place over n digits. */
static void shr_digits(PrDigit *x, ptrdiff_t n, int d)
{
    for (ptrdiff_t i = 0; i < n; i++) {
        PrDigit next = i + 1 < n ? x[i + 1] : 0;
        x[i] = ((x[i] >> d) | (next << (PR_DIGIT_BITS - d))) & PR_DIGIT_MASK;
    }
}

/* One step of algorithm D: the quotient digit of vk[0..nw] by w[0..nw), where w's top bit is
 * set and vk[nw] <= w[nw-1]. Estimates from the top two digits (rarely one too big, fixed by
 * adding w back) and leaves the remainder in vk[0..nw). */
static PrDigit knuth_step(PrDigit *vk, const PrDigit *w, ptrdiff_t nw)
{
    PrDigit wm1 = w[nw - 1], wm2 = w[nw - 2], vtop = vk[nw];
    TwoDigits vv = ((TwoDigits)vtop << PR_DIGIT_BITS) | vk[nw - 1];
    PrDigit q = (PrDigit)(vv / wm1);
    TwoDigits r = vv - (TwoDigits)wm1 * q;
    while ((TwoDigits)wm2 * q > ((r << PR_DIGIT_BITS) | vk[nw - 2])) {
        --q;
        r += wm1;
        if (r >= PR_DIGIT_BASE) {
            break;
        }
    }
    TwoDigits carry = 0;
    PrDigit borrow = 0;
    for (ptrdiff_t i = 0; i < nw; i++) {
        carry += (TwoDigits)q * w[i];
        PrDigit x = vk[i] - (PrDigit)(carry & PR_DIGIT_MASK) - borrow;
        carry >>= PR_DIGIT_BITS;
        vk[i] = x & PR_DIGIT_MASK;
        borrow = x >> 31;
    }
    if ((TwoDigits)vtop < carry + borrow) {
        PrDigit c = 0;
        for (ptrdiff_t i = 0; i < nw; i++) {
            c += vk[i] + w[i];
            vk[i] = c & PR_DIGIT_MASK;
            c >>= PR_DIGIT_BITS;
        }
        --q;
    }
    vk[nw] = 0;
    return q;
}

/* Algorithm D for na >= nb >= 2. scratch holds na + nb + 1 digits; q (may be NULL) gets
 * na - nb + 1 digits, r (may be NULL) nb. Returns: the remainder's count. */
static ptrdiff_t divrem_knuth(PrDigit *q, PrDigit *r, const PrDigit *a, ptrdiff_t na,
                              const PrDigit *b, ptrdiff_t nb, PrDigit *scratch)
{
    PrDigit *v = scratch, *w = scratch + na + 1;
    int d = PR_DIGIT_BITS - (int)pr_bigint_bit_length(&b[nb - 1], 1);
    shl_digits(w, b, nb, d);
    PrDigit carry = shl_digits(v, a, na, d);
    ptrdiff_t nv = na;
    if (carry != 0 || v[na - 1] >= w[nb - 1]) {
        v[nv++] = carry;
    }
    if (q && nv == na) {
        q[na - nb] = 0;
    }
    for (ptrdiff_t k = nv - nb - 1; k >= 0; k--) {
        PrDigit qd = knuth_step(v + k, w, nb);
        if (q) {
            q[k] = qd;
        }
    }
    shr_digits(v, nb, d);
    ptrdiff_t nr = pr_bigint_normalize(v, nb);
    if (r) {
        memcpy(r, v, (size_t)nr * sizeof *r);
    }
    return nr;
}

/* The remainder of a by the single digit d, without a quotient. */
static PrDigit rem1(const PrDigit *a, ptrdiff_t na, PrDigit d)
{
    TwoDigits r = 0;
    for (ptrdiff_t i = na - 1; i >= 0; i--) {
        r = ((r << PR_DIGIT_BITS) | a[i]) % d;
    }
    return (PrDigit)r;
}

/* The divisions that need no scratch: a < b, and a one-digit b. Returns: 1 when done. */
static int divrem_easy(PrDigit *q, ptrdiff_t *nq, PrDigit *r, ptrdiff_t *nr, const PrDigit *a,
                       ptrdiff_t na, const PrDigit *b, ptrdiff_t nb)
{
    if (pr_bigint_cmp(a, na, b, nb) < 0) {
        if (q) {
            *nq = 0;
        }
        if (r) {
            memcpy(r, a, (size_t)na * sizeof *r);
        }
        *nr = na;
        return 1;
    }
    if (nb != 1) {
        return 0;
    }
    PrDigit rem = q ? 0 : rem1(a, na, b[0]);
    if (q) {
        *nq = pr_bigint_divrem1(q, a, na, b[0], &rem);
    }
    if (r) {
        r[0] = rem;
    }
    *nr = rem != 0;
    return 1;
}

/* pr_bigint_divrem with the scratch for algorithm D given: na + nb + 1 digits. */
static void divrem_with(PrDigit *q, ptrdiff_t *nq, PrDigit *r, ptrdiff_t *nr, const PrDigit *a,
                        ptrdiff_t na, const PrDigit *b, ptrdiff_t nb, PrDigit *scratch)
{
    if (divrem_easy(q, nq, r, nr, a, na, b, nb)) {
        return;
    }
    *nr = divrem_knuth(q, r, a, na, b, nb, scratch);
    if (q) {
        *nq = pr_bigint_normalize(q, na - nb + 1);
    }
}

int pr_bigint_divrem(PrDigit *q, ptrdiff_t *nq, PrDigit *r, ptrdiff_t *nr, const PrDigit *a,
                     ptrdiff_t na, const PrDigit *b, ptrdiff_t nb)
{
    if (nb == 0) {
        return PR_BIGINT_EZERODIV;
    }
    if (divrem_easy(q, nq, r, nr, a, na, b, nb)) {
        return 0;
    }
    PrDigit *scratch = digits_alloc(na + nb + 1);
    if (!scratch) {
        return PR_BIGINT_ENOMEM;
    }
    divrem_with(q, nq, r, nr, a, na, b, nb, scratch);
    pr_raw_free(scratch);
    return 0;
}

/* Truncated division gives q and r with the sign of a; Python floors, so when the signs differ
 * and the division is inexact, the quotient moves one further from zero and the remainder
 * becomes |b| - r with the sign of b. */
int pr_bigint_floordiv(PrDigit *q, ptrdiff_t *qs, PrDigit *m, ptrdiff_t *ms, const PrDigit *a,
                       ptrdiff_t as, const PrDigit *b, ptrdiff_t bs)
{
    ptrdiff_t na = abs_size(as), nb = abs_size(bs), nq = 0, nr = 0;
    int err = pr_bigint_divrem(q, &nq, m, &nr, a, na, b, nb);
    if (err < 0) {
        return err;
    }
    int negative = (as < 0) != (bs < 0);
    if (negative && nr != 0) {
        if (q) {
            nq = pr_bigint_add(q, q, nq, &one, 1);
        }
        if (m) {
            nr = pr_bigint_sub(m, b, nb, m, nr);
        }
    }
    if (q) {
        *qs = with_sign(nq, negative);
    }
    if (m) {
        *ms = with_sign(nr, bs < 0);
    }
    return 0;
}

/* ==== powers ================================================================================ */

/* Largest result pr_bigint_pow agrees to size, in digits: beyond it no machine has the memory. */
#define POW_MAX_DIGITS (PTRDIFF_MAX / 16)

ptrdiff_t pr_bigint_pow_size(const PrDigit *a, ptrdiff_t na, const PrDigit *e, ptrdiff_t ne)
{
    uint64_t bits = pr_bigint_bit_length(a, na), exponent = 0;
    if (bits <= 1 || ne == 0) {
        return 1;
    }
    if (ne > PR_BIGINT_INT64_DIGITS) {
        return PR_BIGINT_ENOMEM;
    }
    for (ptrdiff_t i = ne - 1; i >= 0; i--) {
        if (exponent >> (64 - PR_DIGIT_BITS)) {
            return PR_BIGINT_ENOMEM;
        }
        exponent = (exponent << PR_DIGIT_BITS) | e[i];
    }
    uint64_t max_bits = (uint64_t)POW_MAX_DIGITS * PR_DIGIT_BITS;
    if (exponent > max_bits / bits) {
        return PR_BIGINT_ENOMEM;
    }
    return (ptrdiff_t)(bits * exponent / PR_DIGIT_BITS) + 2;
}

/* Bit i of the magnitude e. */
static int bit_at(const PrDigit *e, uint64_t i)
{
    return (e[i / PR_DIGIT_BITS] >> (i % PR_DIGIT_BITS)) & 1;
}

/* Left-to-right binary powering: square for every bit of e below the top, multiply by a for the
 * set ones. Products alternate between r and one scratch array of the same size. */
int pr_bigint_pow(PrDigit *r, ptrdiff_t *rs, const PrDigit *a, ptrdiff_t as, const PrDigit *e,
                  ptrdiff_t ne)
{
    ptrdiff_t na = abs_size(as);
    int negative = as < 0 && ne > 0 && (e[0] & 1);
    if (ne == 0 || (na == 1 && a[0] == 1)) {
        r[0] = 1;
        *rs = with_sign(1, negative);
        return 0;
    }
    if (na == 0) {
        *rs = 0;
        return 0;
    }
    ptrdiff_t cap = pr_bigint_pow_size(a, na, e, ne), n = na;
    PrDigit *other = cap < 0 ? NULL : digits_alloc(cap), *cur = r;
    if (!other) {
        return PR_BIGINT_ENOMEM;
    }
    memcpy(cur, a, (size_t)na * sizeof *cur);
    for (uint64_t i = pr_bigint_bit_length(e, ne) - 1; i-- > 0 && n >= 0;) {
        n = pr_bigint_mul(other, cur, n, cur, n);
        if (n >= 0 && bit_at(e, i)) {
            n = pr_bigint_mul(cur, other, n, a, na);
        } else {
            PrDigit *t = cur;
            cur = other;
            other = t;
        }
    }
    if (n >= 0 && cur != r) {
        memcpy(r, cur, (size_t)n * sizeof *r);
    }
    pr_raw_free(cur == r ? other : cur);
    if (n < 0) {
        return (int)n;
    }
    *rs = with_sign(n, negative);
    return 0;
}

/* ==== pow with a modulus ===================================================================== */

/* Work arrays for arithmetic modulo m (nm >= 1 digits): a double-length product and the
 * scratch of algorithm D for dividing it by m. */
typedef struct ModCtx {
    const PrDigit *m;
    ptrdiff_t nm;
    PrDigit *prod;  /* 2 * nm digits */
    PrDigit *knuth; /* 3 * nm + 1 digits */
} ModCtx;

/* z = z * x mod m, for z, x < m; z holds nm digits. Returns: z's count or PR_BIGINT_ENOMEM. */
static ptrdiff_t mulmod(ModCtx *c, PrDigit *z, ptrdiff_t nz, const PrDigit *x, ptrdiff_t nx)
{
    ptrdiff_t np = pr_bigint_mul(c->prod, z, nz, x, nx), nr;
    if (np < 0) {
        return np;
    }
    divrem_with(NULL, NULL, z, &nr, c->prod, np, c->m, c->nm, c->knuth);
    return nr;
}

/* r = a mod m in [0, m) for a signed a (the floor rule with m > 0); r holds nm digits. */
static int reduce(PrDigit *r, ptrdiff_t *nr, const PrDigit *a, ptrdiff_t as, const PrDigit *m,
                  ptrdiff_t nm)
{
    return pr_bigint_floordiv(NULL, NULL, r, nr, a, as, m, nm);
}

/* Extended Euclid's working values: remainders r0, r1 and the coefficients s0, s1 with
 * r_i == s_i * a (mod m). All stay below m in magnitude; the s arrays leave room for the raw
 * sizes of intermediate results. */
typedef struct Euclid {
    PrDigit *r0, *r1, *rem, *q, *s0, *s1, *s2, *prod, *knuth;
    ptrdiff_t nr0, nr1, ss0, ss1;
} Euclid;

static void euclid_carve(Euclid *eu, PrDigit *block, ptrdiff_t nm)
{
    ptrdiff_t wide = 2 * nm + 4;
    eu->r0 = block;
    eu->r1 = eu->r0 + nm;
    eu->rem = eu->r1 + nm;
    eu->q = eu->rem + nm;
    eu->s0 = eu->q + nm + 2;
    eu->s1 = eu->s0 + wide;
    eu->s2 = eu->s1 + wide;
    eu->prod = eu->s2 + wide;
    eu->knuth = eu->prod + wide; /* 2 * nm + 1 digits */
}

#define EUCLID_DIGITS(nm) (4 * (nm) + 2 + 4 * (2 * (nm) + 4) + 2 * (nm) + 1)

/* One step: (r0, r1) = (r1, r0 mod r1); (s0, s1) = (s1, s0 - (r0 // r1) * s1). */
static int euclid_step(Euclid *eu)
{
    ptrdiff_t nq, nrem, sp;
    divrem_with(eu->q, &nq, eu->rem, &nrem, eu->r0, eu->nr0, eu->r1, eu->nr1, eu->knuth);
    int err = pr_bigint_smul(eu->prod, &sp, eu->q, nq, eu->s1, eu->ss1);
    if (err < 0) {
        return err;
    }
    ptrdiff_t ss2 = pr_bigint_ssub(eu->s2, eu->s0, eu->ss0, eu->prod, sp);
    PrDigit *t = eu->r0;
    eu->r0 = eu->r1;
    eu->nr0 = eu->nr1;
    eu->r1 = eu->rem;
    eu->nr1 = nrem;
    eu->rem = t;
    t = eu->s0;
    eu->s0 = eu->s1;
    eu->ss0 = eu->ss1;
    eu->s1 = eu->s2;
    eu->ss1 = ss2;
    eu->s2 = t;
    return 0;
}

/* x = a**-1 mod m for 0 <= a < m, m > 1; x holds nm digits. Returns: x's count,
 * PR_BIGINT_ENOTINVERTIBLE when gcd(a, m) != 1, or PR_BIGINT_ENOMEM. */
static ptrdiff_t invmod(PrDigit *x, const PrDigit *a, ptrdiff_t na, const PrDigit *m, ptrdiff_t nm)
{
    Euclid eu;
    PrDigit *block = digits_alloc(EUCLID_DIGITS(nm));
    if (!block) {
        return PR_BIGINT_ENOMEM;
    }
    euclid_carve(&eu, block, nm);
    memcpy(eu.r0, m, (size_t)nm * sizeof *m);
    memcpy(eu.r1, a, (size_t)na * sizeof *a);
    eu.nr0 = nm;
    eu.nr1 = na;
    eu.ss0 = 0;
    eu.s1[0] = 1;
    eu.ss1 = 1;
    int err = 0;
    while (eu.nr1 != 0 && err == 0) {
        err = euclid_step(&eu);
    }
    ptrdiff_t nx = err;
    if (err == 0 && !(eu.nr0 == 1 && eu.r0[0] == 1)) {
        nx = PR_BIGINT_ENOTINVERTIBLE;
    } else if (err == 0) {
        err = reduce(x, &nx, eu.s0, eu.ss0, m, nm);
        nx = err < 0 ? err : nx;
    }
    pr_raw_free(block);
    return nx;
}

/* z = base ** e mod m by left-to-right binary powering; z holds nm digits, base < m. */
static ptrdiff_t powmod_loop(ModCtx *c, PrDigit *z, const PrDigit *base, ptrdiff_t nbase,
                             const PrDigit *e, ptrdiff_t ne)
{
    uint64_t bits = pr_bigint_bit_length(e, ne);
    if (bits == 0) {
        z[0] = 1;
        return 1;
    }
    ptrdiff_t nz = nbase;
    memcpy(z, base, (size_t)nbase * sizeof *z);
    for (uint64_t i = bits - 1; i-- > 0 && nz >= 0;) {
        nz = mulmod(c, z, nz, z, nz);
        if (nz >= 0 && bit_at(e, i)) {
            nz = mulmod(c, z, nz, base, nbase);
        }
    }
    return nz;
}

/* CPython's long_pow with a modulus: m == 0 is an error, a negative m makes the result
 * non-positive (z - |m|), |m| == 1 gives 0, a negative exponent inverts the base first. */
int pr_bigint_powmod(PrDigit *r, ptrdiff_t *rs, const PrDigit *a, ptrdiff_t as, const PrDigit *e,
                     ptrdiff_t es, const PrDigit *m, ptrdiff_t ms)
{
    ptrdiff_t nm = abs_size(ms), nbase, nz;
    if (nm == 0) {
        return PR_BIGINT_EMODZERO;
    }
    if (nm == 1 && m[0] == 1) {
        *rs = 0;
        return 0;
    }
    PrDigit *block = digits_alloc(6 * nm + 1);
    if (!block) {
        return PR_BIGINT_ENOMEM;
    }
    ModCtx c = {m, nm, block + nm, block + 3 * nm};
    PrDigit *base = block;
    nz = reduce(base, &nbase, a, as, m, nm);
    if (nz == 0 && es < 0) {
        nz = nbase = invmod(base, base, nbase, m, nm);
    }
    if (nz >= 0) {
        nz = powmod_loop(&c, r, base, nbase, e, abs_size(es));
    }
    pr_raw_free(block);
    if (nz < 0) {
        return (int)nz;
    }
    if (ms < 0 && nz != 0) {
        nz = -pr_bigint_sub(r, m, nm, r, nz);
    }
    *rs = nz;
    return 0;
}
