/* tests/unit/test_bigint.c — the arbitrary-precision core against CPython: tables of results
 * produced by python3 (tests/unit/gen_bigint_cases.py -> test_bigint_cases.h), identities on
 * random values, a 10,000-digit decimal round trip, and MemoryError paths without leaks. */
#include "memory/raw.h"
#include "objects/bigint.h"
#include "tests/unit/suites.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "tests/unit/test_bigint_cases.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ==== helpers: numbers owned by the test =================================================== */

typedef struct Num {
    PrDigit *d;
    ptrdiff_t size; /* signed digit count */
} Num;

static ptrdiff_t absn(ptrdiff_t s)
{
    return s < 0 ? -s : s;
}

static PrDigit *digits(ptrdiff_t n)
{
    PrDigit *d = pr_raw_calloc((size_t)(n > 0 ? n : 1), sizeof(PrDigit));
    ck_assert_ptr_nonnull(d);
    return d;
}

static Num num_alloc(ptrdiff_t cap)
{
    Num x = {digits(cap), 0};
    return x;
}

static void num_free(Num *x)
{
    pr_raw_free(x->d);
    x->d = NULL;
}

static Num num_parse(const char *text, int base)
{
    size_t len = strlen(text);
    Num x = num_alloc(pr_bigint_from_string_size(len, base));
    ck_assert_msg(pr_bigint_from_string(x.d, &x.size, text, len, base) == 0, "parse %s", text);
    return x;
}

static Num hexnum(const char *hex)
{
    return num_parse(hex, 16);
}

/* Text of x in base (a fresh pr_raw block: free it). */
static char *num_text(Num x, int base, int flags)
{
    ptrdiff_t cap = pr_bigint_to_string_size(absn(x.size), base);
    char *buf = pr_raw_malloc((size_t)cap);
    ck_assert_ptr_nonnull(buf);
    ptrdiff_t n = pr_bigint_to_string(buf, x.d, x.size, base, flags);
    ck_assert_int_ge(n, 0);
    ck_assert_int_lt(n, cap);
    ck_assert_uint_eq(strlen(buf), (size_t)n);
    return buf;
}

static void check_hex(Num x, const char *expected, const char *what)
{
    char *got = num_text(x, 16, 0);
    ck_assert_msg(strcmp(got, expected) == 0, "%s: got %s, expected %s", what, got, expected);
    pr_raw_free(got);
}

static void check_fp(Num x, Fingerprint fp, const char *what)
{
    uint64_t bits = pr_bigint_bit_length(x.d, absn(x.size));
    int sbits = x.size < 0 ? -(int)bits : (int)bits;
    ck_assert_msg(sbits == fp.bits, "%s: bits %d, expected %d", what, sbits, fp.bits);
    ck_assert_msg(pr_bigint_hash(x.d, x.size) == fp.hash, "%s: hash differs", what);
}

static int num_eq(Num a, Num b)
{
    return a.size == b.size && pr_bigint_cmp(a.d, absn(a.size), b.d, absn(b.size)) == 0;
}

/* ==== the binary operators, each into a fresh Num ========================================= */

static Num op_add(Num a, Num b)
{
    Num r = num_alloc(pr_bigint_add_size(absn(a.size), absn(b.size)));
    r.size = pr_bigint_sadd(r.d, a.d, a.size, b.d, b.size);
    return r;
}

static Num op_sub(Num a, Num b)
{
    Num r = num_alloc(pr_bigint_add_size(absn(a.size), absn(b.size)));
    r.size = pr_bigint_ssub(r.d, a.d, a.size, b.d, b.size);
    return r;
}

static Num op_mul(Num a, Num b)
{
    Num r = num_alloc(pr_bigint_mul_size(absn(a.size), absn(b.size)));
    ck_assert_int_eq(pr_bigint_smul(r.d, &r.size, a.d, a.size, b.d, b.size), 0);
    return r;
}

/* a // b (want_mod 0) or a % b (1); b != 0. */
static Num op_div(Num a, Num b, int want_mod)
{
    ptrdiff_t na = absn(a.size), nb = absn(b.size);
    Num q = num_alloc(pr_bigint_div_size(na, nb)), m = num_alloc(pr_bigint_mod_size(na, nb));
    ck_assert_int_eq(pr_bigint_floordiv(q.d, &q.size, m.d, &m.size, a.d, a.size, b.d, b.size), 0);
    num_free(want_mod ? &q : &m);
    return want_mod ? m : q;
}

static Num op_bit(Num a, Num b, char op)
{
    Num r = num_alloc(pr_bigint_bitwise_size(absn(a.size), absn(b.size)));
    r.size = op == '&'   ? pr_bigint_and(r.d, a.d, a.size, b.d, b.size)
             : op == '|' ? pr_bigint_or(r.d, a.d, a.size, b.d, b.size)
                         : pr_bigint_xor(r.d, a.d, a.size, b.d, b.size);
    return r;
}

/* Operator i of the tables: + - * // % & | ^ . */
static Num op_apply(int i, Num a, Num b)
{
    switch (i) {
    case 0:
        return op_add(a, b);
    case 1:
        return op_sub(a, b);
    case 2:
        return op_mul(a, b);
    case 3:
        return op_div(a, b, 0);
    case 4:
        return op_div(a, b, 1);
    default:
        return op_bit(a, b, "&|^"[i - 5]);
    }
}

static const char *const op_names[] = {"+", "-", "*", "//", "%", "&", "|", "^"};

static Num op_shift(Num a, uint64_t k, int left)
{
    ptrdiff_t na = absn(a.size);
    Num r = num_alloc(left ? pr_bigint_lshift_size(na, k) : pr_bigint_rshift_size(na, k));
    r.size = left ? pr_bigint_lshift(r.d, a.d, a.size, k) : pr_bigint_rshift(r.d, a.d, a.size, k);
    return r;
}

/* ==== representation ======================================================================== */

START_TEST(test_representation)
{
    PrDigit d[PR_BIGINT_INT64_DIGITS];
    ck_assert_int_eq(PR_DIGIT_BITS, 30);
    ck_assert_uint_eq(sizeof(PrDigit), 4);
    ck_assert_int_eq(pr_bigint_from_uint64(d, 0), 0);
    ck_assert_int_eq(pr_bigint_from_uint64(d, (1u << 30) - 1), 1);
    ck_assert_uint_eq(d[0], 0x3fffffff);
    ck_assert_int_eq(pr_bigint_from_int64(d, -(INT64_C(1) << 30)), -2);
    ck_assert_uint_eq(d[0], 0);
    ck_assert_uint_eq(d[1], 1);
    ck_assert_int_eq(pr_bigint_from_uint64(d, UINT64_MAX), 3);
    ck_assert_uint_eq(d[2], 15);
    PrDigit z[3] = {5, 0, 0};
    ck_assert_int_eq(pr_bigint_normalize(z, 3), 1);
    ck_assert_int_eq(pr_bigint_normalize(z + 1, 2), 0);
}
END_TEST

/* sys.getsizeof(int) == 24 + 4 * max(ndigits, 1) in CPython; pyrena will store the same. */
START_TEST(test_getsizeof_digit_counts)
{
    static const struct {
        const char *hex;
        int size;
    } cases[] = {{"0", 28},
                 {"1", 28},
                 {"3fffffff", 28},
                 {"40000000", 32},
                 {"1000000000000000", 36},
                 {"40000000000000000000000", 40}};
    for (size_t i = 0; i < COUNT(cases); i++) {
        Num x = hexnum(cases[i].hex);
        ptrdiff_t n = absn(x.size);
        ck_assert_int_eq(24 + 4 * (n ? n : 1), cases[i].size);
        num_free(&x);
    }
    Num ten = hexnum("a"), e = hexnum("64"), p = num_alloc(pr_bigint_pow_size(ten.d, 1, e.d, 1));
    ck_assert_int_eq(pr_bigint_pow(p.d, &p.size, ten.d, ten.size, e.d, e.size), 0);
    ck_assert_int_eq(24 + 4 * p.size, 72); /* sys.getsizeof(10**100) */
    num_free(&ten);
    num_free(&e);
    num_free(&p);
}
END_TEST

START_TEST(test_hex_parse_digits)
{
    Num x = hexnum("-40000000");
    ck_assert_int_eq(x.size, -2);
    ck_assert_uint_eq(x.d[0], 0);
    ck_assert_uint_eq(x.d[1], 1);
    num_free(&x);
    x = hexnum("123456789abcdef0123");
    ck_assert_int_eq(x.size, 3);
    ck_assert_uint_eq(x.d[0], 0xdef0123);
    ck_assert_uint_eq(x.d[1], 0x159e26af);
    ck_assert_uint_eq(x.d[2], 0x1234);
    check_hex(x, "123456789abcdef0123", "hex round trip");
    num_free(&x);
    x = hexnum("0");
    ck_assert_int_eq(x.size, 0);
    check_hex(x, "0", "zero");
    num_free(&x);
}
END_TEST

/* ==== operator tables from CPython ========================================================= */

START_TEST(test_small_operands)
{
    for (size_t c = 0; c < COUNT(small_cases); c++) {
        const struct SmallCase *k = &small_cases[c];
        Num a = hexnum(small_operands[k->a]), b = hexnum(small_operands[k->b]);
        for (int i = 0; i < 8; i++) {
            if (!k->r[i]) {
                continue;
            }
            Num r = op_apply(i, a, b);
            check_hex(r, k->r[i], op_names[i]);
            num_free(&r);
        }
        ck_assert_int_eq(pr_bigint_scmp(a.d, a.size, b.d, b.size), k->cmp);
        num_free(&a);
        num_free(&b);
    }
}
END_TEST

START_TEST(test_mixed_operands)
{
    for (size_t c = 0; c < COUNT(mixed_cases); c++) {
        const struct MixedCase *k = &mixed_cases[c];
        Num a = hexnum(mixed_operands[k->a]), b = hexnum(mixed_operands[k->b]);
        for (int i = 0; i < 8; i++) {
            Num r = op_apply(i, a, b);
            check_fp(r, k->r[i], op_names[i]);
            num_free(&r);
        }
        ck_assert_int_eq(pr_bigint_scmp(a.d, a.size, b.d, b.size), k->cmp);
        num_free(&a);
        num_free(&b);
    }
}
END_TEST

START_TEST(test_division_by_zero)
{
    Num a = hexnum("7"), z = num_alloc(1), q = num_alloc(8), m = num_alloc(8);
    ptrdiff_t nq, nr;
    double d;
    ck_assert_int_eq(pr_bigint_floordiv(q.d, &q.size, m.d, &m.size, a.d, 1, z.d, 0),
                     PR_BIGINT_EZERODIV);
    ck_assert_int_eq(pr_bigint_divrem(q.d, &nq, m.d, &nr, a.d, 1, z.d, 0), PR_BIGINT_EZERODIV);
    ck_assert_int_eq(pr_bigint_truediv(a.d, 1, z.d, 0, &d), PR_BIGINT_EZERODIV);
    ck_assert_int_eq(pr_bigint_truediv(z.d, 0, z.d, 0, &d), PR_BIGINT_EZERODIV);
    num_free(&a);
    num_free(&z);
    num_free(&q);
    num_free(&m);
}
END_TEST

/* The examples of the brief, and either output left out. */
START_TEST(test_floor_rules)
{
    static const struct {
        int64_t a, b, q, m;
    } cases[] = {
        {-7, 2, -4, 1}, {7, -2, -4, -1}, {-7, -2, 3, -1}, {7, 2, 3, 1},
        {-6, 2, -3, 0}, {6, -3, -2, 0},  {0, -5, 0, 0},   {-1, 1073741824, -1, 1073741823}};
    for (size_t i = 0; i < COUNT(cases); i++) {
        PrDigit a[3], b[3], q[5], m[3];
        ptrdiff_t as = pr_bigint_from_int64(a, cases[i].a),
                  bs = pr_bigint_from_int64(b, cases[i].b);
        ptrdiff_t qs, ms;
        int64_t v;
        ck_assert_int_eq(pr_bigint_floordiv(q, &qs, NULL, NULL, a, as, b, bs), 0);
        ck_assert_int_eq(pr_bigint_to_int64(q, qs, &v), 0);
        ck_assert_int_eq(v, cases[i].q);
        ck_assert_int_eq(pr_bigint_floordiv(NULL, NULL, m, &ms, a, as, b, bs), 0);
        ck_assert_int_eq(pr_bigint_to_int64(m, ms, &v), 0);
        ck_assert_int_eq(v, cases[i].m);
    }
}
END_TEST

START_TEST(test_magnitude_divrem)
{
    Num a = hexnum("1000000000000000000000001"), b = hexnum("40000000");
    ptrdiff_t na = a.size, nb = b.size, nq, nr;
    Num q = num_alloc(pr_bigint_div_size(na, nb)), r = num_alloc(nb);
    ck_assert_int_eq(pr_bigint_divrem(q.d, &nq, r.d, &nr, a.d, na, b.d, nb), 0);
    q.size = nq;
    r.size = nr;
    check_hex(q, "40000000000000000", "quotient");
    check_hex(r, "1", "remainder");
    ck_assert_int_eq(pr_bigint_divrem(NULL, NULL, NULL, &nr, a.d, na, b.d, nb), 0);
    ck_assert_int_eq(nr, 1);
    ck_assert_int_eq(pr_bigint_divrem(q.d, &nq, NULL, &nr, b.d, nb, a.d, na), 0);
    ck_assert_int_eq(nq, 0);
    ck_assert_int_eq(nr, nb);
    num_free(&a);
    num_free(&b);
    num_free(&q);
    num_free(&r);
}
END_TEST

START_TEST(test_single_digit)
{
    PrDigit a[4] = {PR_DIGIT_MASK, PR_DIGIT_MASK, 0, 0}, r[4], rem;
    ck_assert_int_eq(pr_bigint_muladd1(r, a, 2, PR_DIGIT_MASK, PR_DIGIT_MASK), 3);
    /* (2**60 - 1) * (2**30 - 1) + 2**30 - 1 == 2**90 - 2**60 */
    ck_assert_uint_eq(r[0], 0);
    ck_assert_uint_eq(r[1], 0);
    ck_assert_uint_eq(r[2], PR_DIGIT_MASK);
    ck_assert_int_eq(pr_bigint_divrem1(r, r, 3, PR_DIGIT_MASK, &rem), 3); /* 2**60 */
    ck_assert_uint_eq(rem, 0);
    ck_assert_uint_eq(r[0], 0);
    ck_assert_uint_eq(r[1], 0);
    ck_assert_uint_eq(r[2], 1);
    ck_assert_int_eq(pr_bigint_muladd1(r, a, 0, 7, 5), 1);
    ck_assert_uint_eq(r[0], 5);
    ck_assert_int_eq(pr_bigint_divrem1(r, a, 2, 10, &rem), 2);
    ck_assert_uint_eq(rem, 5); /* (2**60 - 1) % 10 */
}
END_TEST

START_TEST(test_shifts)
{
    const size_t nops = COUNT(mixed_operands) + COUNT(shift_extra_operands);
    ck_assert_uint_eq(COUNT(shift_cases), nops);
    for (size_t i = 0; i < nops; i++) {
        Num a = hexnum(i < COUNT(mixed_operands) ? mixed_operands[i]
                                                 : shift_extra_operands[i - COUNT(mixed_operands)]);
        for (size_t k = 0; k < COUNT(shift_counts); k++) {
            Num l = op_shift(a, shift_counts[k], 1), r = op_shift(a, shift_counts[k], 0);
            check_fp(l, shift_cases[i][k][0], "<<");
            check_fp(r, shift_cases[i][k][1], ">>");
            num_free(&l);
            num_free(&r);
        }
        num_free(&a);
    }
    Num m5 = hexnum("-5"), r = op_shift(m5, 1, 0), huge = op_shift(m5, UINT64_MAX, 0);
    check_hex(r, "-3", "-5 >> 1");
    check_hex(huge, "-1", "-5 >> huge");
    ck_assert_int_eq(pr_bigint_lshift_size(1, UINT64_MAX), PR_BIGINT_ENOMEM);
    ck_assert_int_eq(pr_bigint_lshift_size(0, UINT64_MAX), 0);
    num_free(&m5);
    num_free(&r);
    num_free(&huge);
}
END_TEST

START_TEST(test_invert_and_bit_length)
{
    static const char *const cases[][2] = {{"0", "-1"},
                                           {"-1", "0"},
                                           {"3fffffff", "-40000000"},
                                           {"-40000000", "3fffffff"},
                                           {"7", "-8"}};
    for (size_t i = 0; i < COUNT(cases); i++) {
        Num a = hexnum(cases[i][0]), r = num_alloc(absn(a.size) + 1);
        r.size = pr_bigint_invert(r.d, a.d, a.size);
        check_hex(r, cases[i][1], "~");
        num_free(&a);
        num_free(&r);
    }
    Num big = hexnum("-1000000000000000000000000");
    ck_assert_uint_eq(pr_bigint_bit_length(big.d, absn(big.size)), 97);
    ck_assert_uint_eq(pr_bigint_bit_length(big.d, 0), 0);
    num_free(&big);
}
END_TEST

/* ==== powers ================================================================================ */

START_TEST(test_pow)
{
    for (size_t i = 0; i < COUNT(pow_bases); i++) {
        Num a = hexnum(pow_bases[i]);
        for (size_t k = 0; k < COUNT(pow_exponents); k++) {
            PrDigit e[PR_BIGINT_INT64_DIGITS];
            ptrdiff_t ne = pr_bigint_from_uint64(e, pow_exponents[k]);
            ptrdiff_t cap = pr_bigint_pow_size(a.d, absn(a.size), e, ne);
            Num r = num_alloc(cap);
            ck_assert_int_eq(pr_bigint_pow(r.d, &r.size, a.d, a.size, e, ne), 0);
            ck_assert_int_le(absn(r.size), cap);
            check_fp(r, pow_cases[i][k], "**");
            num_free(&r);
        }
        num_free(&a);
    }
}
END_TEST

START_TEST(test_pow_too_big)
{
    PrDigit two = 2, e[3];
    ptrdiff_t ne = pr_bigint_from_uint64(e, UINT64_MAX);
    ck_assert_int_eq(pr_bigint_pow_size(&two, 1, e, ne), PR_BIGINT_ENOMEM);
    ck_assert_int_eq(pr_bigint_pow_size(&two, 0, e, ne), 1); /* 0 ** huge */
    PrDigit r[1];
    ptrdiff_t rs;
    PrDigit one = 1;
    ck_assert_int_eq(pr_bigint_pow(r, &rs, &one, -1, e, ne), 0); /* (-1) ** odd */
    ck_assert_int_eq(rs, -1);
    ck_assert_int_eq(pr_bigint_pow(r, &rs, &two, 1, e, ne), PR_BIGINT_ENOMEM);
}
END_TEST

START_TEST(test_powmod)
{
    for (size_t i = 0; i < COUNT(powmod_cases); i++) {
        const struct PowModCase *k = &powmod_cases[i];
        Num a = hexnum(k->a), e = hexnum(k->e), m = hexnum(k->m), r = num_alloc(absn(m.size));
        int err = pr_bigint_powmod(r.d, &r.size, a.d, a.size, e.d, e.size, m.d, m.size);
        if (strcmp(k->r, "E") == 0) {
            ck_assert_msg(err == PR_BIGINT_ENOTINVERTIBLE, "case %zu: %d", i, err);
        } else {
            ck_assert_msg(err == 0, "case %zu: %d", i, err);
            check_hex(r, k->r, "pow(a, e, m)");
        }
        num_free(&a);
        num_free(&e);
        num_free(&m);
        num_free(&r);
    }
    PrDigit three = 3, out[1];
    ptrdiff_t rs;
    ck_assert_int_eq(pr_bigint_powmod(out, &rs, &three, 1, &three, 1, &three, 0),
                     PR_BIGINT_EMODZERO);
}
END_TEST

/* ==== C integers ============================================================================ */

START_TEST(test_int64_round_trip)
{
    static const int64_t values[] = {0,
                                     1,
                                     -1,
                                     INT64_MAX,
                                     INT64_MIN,
                                     INT64_MIN + 1,
                                     (INT64_C(1) << 30) - 1,
                                     -(INT64_C(1) << 30),
                                     INT64_C(1) << 60};
    for (size_t i = 0; i < COUNT(values); i++) {
        PrDigit d[PR_BIGINT_INT64_DIGITS];
        int64_t back;
        ptrdiff_t s = pr_bigint_from_int64(d, values[i]);
        ck_assert_int_eq(pr_bigint_to_int64(d, s, &back), 0);
        ck_assert_int_eq(back, values[i]);
    }
    PrDigit d[PR_BIGINT_INT64_DIGITS];
    uint64_t u;
    ptrdiff_t s = pr_bigint_from_uint64(d, UINT64_MAX);
    ck_assert_int_eq(pr_bigint_to_uint64(d, s, &u), 0);
    ck_assert_uint_eq(u, UINT64_MAX);
}
END_TEST

START_TEST(test_int64_overflow)
{
    static const struct {
        const char *hex;
        int i64, u64;
    } cases[] = {
        {"8000000000000000", PR_BIGINT_EOVERFLOW, 0},
        {"-8000000000000000", 0, PR_BIGINT_ENEGATIVE},
        {"-8000000000000001", PR_BIGINT_EOVERFLOW, PR_BIGINT_ENEGATIVE},
        {"ffffffffffffffff", PR_BIGINT_EOVERFLOW, 0},
        {"10000000000000000", PR_BIGINT_EOVERFLOW, PR_BIGINT_EOVERFLOW},
        {"-1", 0, PR_BIGINT_ENEGATIVE},
        {"1000000000000000000000000", PR_BIGINT_EOVERFLOW, PR_BIGINT_EOVERFLOW},
    };
    for (size_t i = 0; i < COUNT(cases); i++) {
        Num x = hexnum(cases[i].hex);
        int64_t v;
        uint64_t u;
        ck_assert_int_eq(pr_bigint_to_int64(x.d, x.size, &v), cases[i].i64);
        ck_assert_int_eq(pr_bigint_to_uint64(x.d, x.size, &u), cases[i].u64);
        num_free(&x);
    }
}
END_TEST

/* ==== doubles and hashes ===================================================================== */

START_TEST(test_to_double)
{
    for (size_t i = 0; i < COUNT(to_double_cases); i++) {
        Num a = hexnum(to_double_cases[i].a);
        double d = -1.0;
        int err = pr_bigint_to_double(a.d, a.size, &d);
        if (to_double_cases[i].ok) {
            ck_assert_msg(err == 0 && d == to_double_cases[i].d, "float(%s): %a",
                          to_double_cases[i].a, d);
        } else {
            ck_assert_int_eq(err, PR_BIGINT_EOVERFLOW);
        }
        num_free(&a);
    }
}
END_TEST

START_TEST(test_truediv)
{
    for (size_t i = 0; i < COUNT(truediv_cases); i++) {
        const struct TrueDivCase *k = &truediv_cases[i];
        Num a = hexnum(k->a), b = hexnum(k->b);
        double d = -1.0;
        int err = pr_bigint_truediv(a.d, a.size, b.d, b.size, &d);
        if (k->ok) {
            ck_assert_msg(err == 0, "%s / %s: error %d", k->a, k->b, err);
            ck_assert_msg(d == k->d && signbit(d) == signbit(k->d), "%s / %s: %a, expected %a",
                          k->a, k->b, d, k->d);
        } else {
            ck_assert_int_eq(err, PR_BIGINT_EOVERFLOW);
        }
        num_free(&a);
        num_free(&b);
    }
}
END_TEST

START_TEST(test_from_double)
{
    for (size_t i = 0; i < COUNT(from_double_cases); i++) {
        Num r = num_alloc(PR_BIGINT_DOUBLE_DIGITS);
        r.size = pr_bigint_from_double(r.d, from_double_cases[i].d);
        check_hex(r, from_double_cases[i].r, "int(float)");
        num_free(&r);
    }
    PrDigit big[PR_BIGINT_DOUBLE_DIGITS];
    ck_assert_int_eq(pr_bigint_from_double(big, -1.7976931348623157e308), -PR_BIGINT_DOUBLE_DIGITS);
}
END_TEST

START_TEST(test_hash)
{
    for (size_t i = 0; i < COUNT(hash_cases); i++) {
        Num a = hexnum(hash_cases[i].a);
        ck_assert_msg(pr_bigint_hash(a.d, a.size) == hash_cases[i].h, "hash(%s)", hash_cases[i].a);
        num_free(&a);
    }
    for (size_t i = 0; i < COUNT(hash_double_cases); i++) {
        ck_assert_msg(pr_bigint_hash_double(hash_double_cases[i].d) == hash_double_cases[i].h,
                      "hash(%a)", hash_double_cases[i].d);
    }
    ck_assert_int_eq(pr_bigint_hash_double(INFINITY), 314159);
    ck_assert_int_eq(pr_bigint_hash_double(-INFINITY), -314159);
    ck_assert_int_eq(pr_bigint_hash_double(NAN), 0);
}
END_TEST

/* hash(x) == hash(float(x)) whenever float(x) is exact: dict lookups depend on it. */
START_TEST(test_hash_int_float_agree)
{
    static const char *const hexes[] = {
        "1",       "-1", "2000000000000000", "-fffffffffffff", "123456789abcd000000000000000000000",
        "40000000"};
    for (size_t i = 0; i < COUNT(hexes); i++) {
        Num a = hexnum(hexes[i]);
        double d;
        ck_assert_int_eq(pr_bigint_to_double(a.d, a.size, &d), 0);
        ck_assert_int_eq(pr_bigint_hash(a.d, a.size), pr_bigint_hash_double(d));
        num_free(&a);
    }
}
END_TEST

/* ==== text ================================================================================= */

static void check_text(Num x, int base, int flags, const char *expected)
{
    char *got = num_text(x, base, flags);
    ck_assert_msg(strcmp(got, expected) == 0, "base %d: got %s, expected %s", base, got, expected);
    pr_raw_free(got);
}

START_TEST(test_to_string)
{
    for (size_t i = 0; i < COUNT(to_string_cases); i++) {
        const struct ToStringCase *k = &to_string_cases[i];
        Num a = hexnum(k->a);
        check_text(a, 10, 0, k->dec);
        check_text(a, 10, PR_BIGINT_PREFIX, k->dec);
        check_text(a, 2, PR_BIGINT_PREFIX, k->bin);
        check_text(a, 8, PR_BIGINT_PREFIX, k->oct);
        check_text(a, 16, PR_BIGINT_PREFIX, k->hex);
        check_text(a, 16, PR_BIGINT_UPPER, k->upper);
        num_free(&a);
    }
    Num a = hexnum("-ff");
    check_text(a, 16, PR_BIGINT_PREFIX | PR_BIGINT_UPPER, "-0XFF");
    check_text(a, 4, 0, "-3333");
    check_text(a, 32, 0, "-7v");
    ck_assert_int_eq(pr_bigint_to_string_size(1, 3), PR_BIGINT_EBASE);
    char buf[16];
    ck_assert_int_eq(pr_bigint_to_string(buf, a.d, a.size, 36, 0), PR_BIGINT_EBASE);
    num_free(&a);
}
END_TEST

START_TEST(test_from_string)
{
    for (size_t i = 0; i < COUNT(from_string_cases); i++) {
        const struct FromStringCase *k = &from_string_cases[i];
        Num r = num_alloc(pr_bigint_from_string_size(k->len, k->base));
        int err = pr_bigint_from_string(r.d, &r.size, k->text, k->len, k->base);
        if (k->r) {
            ck_assert_msg(err == 0, "int(%s, %d): error %d", k->text, k->base, err);
            check_hex(r, k->r, k->text);
        } else {
            ck_assert_msg(err == PR_BIGINT_ESYNTAX, "int(%s, %d) accepted", k->text, k->base);
        }
        num_free(&r);
    }
}
END_TEST

START_TEST(test_from_string_bad_base)
{
    static const int bases[] = {1, -1, 37, 100};
    PrDigit r[4];
    ptrdiff_t rs;
    for (size_t i = 0; i < COUNT(bases); i++) {
        ck_assert_int_eq(pr_bigint_from_string(r, &rs, "1", 1, bases[i]), PR_BIGINT_EBASE);
    }
}
END_TEST

/* A 10,000-digit decimal reads back to the same text, with CPython's hash and bit length. */
START_TEST(test_long_decimal_round_trip)
{
    enum { LEN = 10000 };
    char *text = pr_raw_malloc(LEN + 1);
    ck_assert_ptr_nonnull(text);
    for (int i = 0; i < LEN; i++) {
        text[i] = (char)('0' + (i + 1) % 10);
    }
    text[LEN] = '\0';
    Num x = num_parse(text, 10);
    ck_assert_int_eq(pr_bigint_hash(x.d, x.size), long_decimal_hash);
    ck_assert_uint_eq(pr_bigint_bit_length(x.d, x.size), (uint64_t)long_decimal_bits);
    check_text(x, 10, 0, text);
    char *hex = num_text(x, 16, 0);
    Num y = hexnum(hex);
    ck_assert(num_eq(x, y));
    pr_raw_free(hex);
    pr_raw_free(text);
    num_free(&x);
    num_free(&y);
}
END_TEST

/* ==== identities on random values ========================================================== */

/* xorshift64*: reproducible values without the C library's rand(). */
static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * UINT64_C(2685821657736338717);
}

/* A random signed value of up to max_digits digits, sometimes all ones or a power of two. */
static Num random_num(uint64_t *s, ptrdiff_t max_digits)
{
    ptrdiff_t n = (ptrdiff_t)(rng_next(s) % (uint64_t)(max_digits + 1));
    Num x = num_alloc(n);
    uint64_t shape = rng_next(s) % 8;
    for (ptrdiff_t i = 0; i < n; i++) {
        x.d[i] = shape == 0   ? PR_DIGIT_MASK
                 : shape == 1 ? 0
                              : (PrDigit)(rng_next(s) & PR_DIGIT_MASK);
    }
    if (n > 0 && x.d[n - 1] == 0) {
        x.d[n - 1] = 1;
    }
    x.size = (rng_next(s) & 1) ? -n : n;
    return x;
}

static void check_eq(Num got, Num expected, const char *what)
{
    if (!num_eq(got, expected)) {
        char *g = num_text(got, 16, 0), *e = num_text(expected, 16, 0);
        ck_abort_msg("%s: got %s, expected %s", what, g, e);
    }
}

/* a == (a // b) * b + a % b, with a % b of b's sign and smaller in magnitude. */
static void check_divmod_identity(Num a, Num b)
{
    if (b.size == 0) {
        return;
    }
    Num q = op_div(a, b, 0), m = op_div(a, b, 1), qb = op_mul(q, b), back = op_add(qb, m);
    check_eq(back, a, "(a//b)*b + a%b");
    ck_assert(m.size == 0 || (m.size < 0) == (b.size < 0));
    ck_assert_int_lt(pr_bigint_cmp(m.d, absn(m.size), b.d, absn(b.size)), 0);
    num_free(&q);
    num_free(&m);
    num_free(&qb);
    num_free(&back);
}

/* (a * b) // b == a and (a * b) % b == 0; a * b == b * a; (a + b) - b == a. */
static void check_mul_identities(Num a, Num b)
{
    Num p = op_mul(a, b), p2 = op_mul(b, a), s = op_add(a, b), back = op_sub(s, b);
    check_eq(p2, p, "a*b == b*a");
    check_eq(back, a, "(a+b)-b");
    if (b.size != 0) {
        Num q = op_div(p, b, 0), m = op_div(p, b, 1);
        check_eq(q, a, "(a*b)//b");
        ck_assert_int_eq(m.size, 0);
        num_free(&q);
        num_free(&m);
    }
    num_free(&p);
    num_free(&p2);
    num_free(&s);
    num_free(&back);
}

/* a * a through the squaring path equals a * copy(a) through the general one. */
static void check_square(Num a)
{
    ptrdiff_t n = absn(a.size);
    Num copy = num_alloc(n), sq = num_alloc(2 * n);
    memcpy(copy.d, a.d, (size_t)n * sizeof(PrDigit));
    copy.size = a.size;
    Num gen = op_mul(a, copy);
    ck_assert_int_eq(pr_bigint_smul(sq.d, &sq.size, a.d, a.size, a.d, a.size), 0);
    check_eq(sq, gen, "a*a");
    num_free(&copy);
    num_free(&sq);
    num_free(&gen);
}

/* a ^ b ^ b == a, ~a == -a - 1, (a & b) + (a | b) == a + b, a ^ b == (a | b) - (a & b). */
static void check_bitwise_identities(Num a, Num b)
{
    Num x = op_bit(a, b, '^'), xx = op_bit(x, b, '^'), and = op_bit(a, b, '&'),
        or = op_bit(a, b, '|'), sum = op_add(and, or), ab = op_add(a, b), diff = op_sub(or, and);
    check_eq(xx, a, "a^b^b");
    check_eq(sum, ab, "(a&b)+(a|b)");
    check_eq(diff, x, "(a|b)-(a&b)");
    Num inv = num_alloc(absn(a.size) + 1), one = hexnum("1"), neg = {a.d, -a.size};
    inv.size = pr_bigint_invert(inv.d, a.d, a.size);
    Num expect = op_sub(neg, one);
    check_eq(inv, expect, "~a");
    Num *all[] = {&x, &xx, &and, & or, &sum, &ab, &diff, &inv, &one, &expect};
    for (size_t i = 0; i < COUNT(all); i++) {
        num_free(all[i]);
    }
}

/* a << k == a * 2**k and a >> k == a // 2**k. */
static void check_shift_identities(Num a, uint64_t k)
{
    PrDigit one = 1;
    Num p = num_alloc(pr_bigint_lshift_size(1, k));
    p.size = pr_bigint_lshift(p.d, &one, 1, k);
    Num l = op_shift(a, k, 1), r = op_shift(a, k, 0), m = op_mul(a, p), q = op_div(a, p, 0);
    check_eq(l, m, "a << k");
    check_eq(r, q, "a >> k");
    num_free(&p);
    num_free(&l);
    num_free(&r);
    num_free(&m);
    num_free(&q);
}

static void check_text_round_trip(Num a)
{
    static const int bases[] = {2, 4, 8, 10, 16, 32};
    for (size_t i = 0; i < COUNT(bases); i++) {
        char *text = num_text(a, bases[i], 0);
        Num back = num_parse(text, bases[i]);
        check_eq(back, a, "from_string(to_string(a))");
        pr_raw_free(text);
        num_free(&back);
    }
}

START_TEST(test_random_identities)
{
    uint64_t seed = UINT64_C(0x9e3779b97f4a7c15);
    for (int iter = 0; iter < 300; iter++) {
        ptrdiff_t max = iter % 3 == 0 ? 4 : iter % 3 == 1 ? 40 : 160;
        Num a = random_num(&seed, max), b = random_num(&seed, iter % 5 == 0 ? 3 : max);
        check_divmod_identity(a, b);
        check_divmod_identity(b, a);
        check_mul_identities(a, b);
        check_square(a);
        check_bitwise_identities(a, b);
        check_shift_identities(a, rng_next(&seed) % 200);
        if (iter % 4 == 0) {
            check_text_round_trip(a);
        }
        num_free(&a);
        num_free(&b);
    }
}
END_TEST

/* Karatsuba's recursion, balanced and lopsided, against division and the distributive law. */
START_TEST(test_large_products)
{
    uint64_t seed = 42;
    static const ptrdiff_t sizes[][2] = {{700, 700}, {1500, 1100}, {90, 2000}, {641, 1283}};
    for (size_t i = 0; i < COUNT(sizes); i++) {
        Num a = num_alloc(sizes[i][0]), b = num_alloc(sizes[i][1]);
        for (ptrdiff_t k = 0; k < sizes[i][0]; k++) {
            a.d[k] = (PrDigit)(rng_next(&seed) & PR_DIGIT_MASK) | 1;
        }
        for (ptrdiff_t k = 0; k < sizes[i][1]; k++) {
            b.d[k] = (PrDigit)(rng_next(&seed) & PR_DIGIT_MASK) | 1;
        }
        a.size = sizes[i][0];
        b.size = -sizes[i][1];
        check_mul_identities(a, b);
        check_square(a);
        Num one = hexnum("1"), b1 = op_add(b, one), ab = op_mul(a, b), ab1 = op_mul(a, b1),
            d = op_sub(ab1, ab);
        check_eq(d, a, "a*(b+1) - a*b");
        Num *all[] = {&a, &b, &one, &b1, &ab, &ab1, &d};
        for (size_t k = 0; k < COUNT(all); k++) {
            num_free(all[k]);
        }
    }
}
END_TEST

/* ==== MemoryError paths ===================================================================== */

/* Runs op with the n-th raw request failing, for n = 0, 1, ... until it succeeds; every failure
 * must report PR_BIGINT_ENOMEM and leave the raw layer's block count as it was. */
typedef int (*FallibleOp)(void *ctx);

static void check_memory_errors(FallibleOp op, void *ctx, int min_failures)
{
    int failures = 0;
    for (long n = 0;; n++) {
        PrRawStats before, after;
        pr_raw_stats(&before);
        pr_raw_fail_after(n);
        int err = op(ctx);
        pr_raw_fail_after(-1);
        pr_raw_stats(&after);
        ck_assert_uint_eq(after.malloc_blocks, before.malloc_blocks);
        if (err == 0) {
            break;
        }
        ck_assert_int_eq(err, PR_BIGINT_ENOMEM);
        failures++;
        ck_assert_int_lt(n, 1000);
    }
    ck_assert_int_ge(failures, min_failures);
}

typedef struct OpCtx {
    Num x, y, e, m, r, r2;
    double d;
} OpCtx;

static int try_mul(void *p)
{
    OpCtx *c = p;
    return pr_bigint_smul(c->r.d, &c->r.size, c->x.d, c->x.size, c->y.d, c->y.size);
}

static int try_floordiv(void *p)
{
    OpCtx *c = p;
    return pr_bigint_floordiv(c->r.d, &c->r.size, c->r2.d, &c->r2.size, c->x.d, c->x.size, c->y.d,
                              c->y.size);
}

static int try_truediv(void *p)
{
    OpCtx *c = p;
    return pr_bigint_truediv(c->x.d, c->x.size, c->y.d, c->y.size, &c->d);
}

static int try_str(void *p)
{
    OpCtx *c = p;
    ptrdiff_t n = pr_bigint_to_string((char *)c->r.d, c->x.d, c->x.size, 10, 0);
    return n < 0 ? (int)n : 0;
}

static int try_pow(void *p)
{
    OpCtx *c = p;
    return pr_bigint_pow(c->r.d, &c->r.size, c->x.d, c->x.size, c->e.d, c->e.size);
}

static int try_powmod(void *p)
{
    OpCtx *c = p;
    return pr_bigint_powmod(c->r.d, &c->r.size, c->x.d, c->x.size, c->e.d, c->e.size, c->m.d,
                            c->m.size);
}

/* Operands past every scratch-using threshold: a has 34 digits, b = a**3 about 100, so b * b
 * is a Karatsuba square, b // a runs algorithm D and str(b) needs its radix array. */
START_TEST(test_memory_errors)
{
    Num a = num_parse("-1234567890123456789012345678901234567890123456789012345678901234567890"
                      "1234567890123456789012345678901234567890123456789012345678901234567890"
                      "1234567890123456789012345678901234567890123456789012345678901234567890"
                      "1234567890123456789012345678901234567890123456789012345678901234567890"
                      "12345678901234567890",
                      10);
    Num sq = op_mul(a, a), b = op_mul(sq, a);
    ck_assert_int_gt(absn(b.size), 64);
    ck_assert_int_lt(pr_bigint_to_string_size(absn(b.size), 10), 16 * absn(b.size));
    OpCtx c = {b,
               b,
               hexnum("7"),
               hexnum("-f123456789abcdef0123456789abcdef01"),
               num_alloc(4 * absn(b.size)),
               num_alloc(absn(b.size)),
               0.0};

    check_memory_errors(try_mul, &c, 1);
    Num q = op_div(c.r, b, 0);
    check_eq(q, b, "(b * b) // b after failures");
    num_free(&q);
    c.y = a;
    check_memory_errors(try_floordiv, &c, 1);
    check_memory_errors(try_str, &c, 1);
    c.x = b;
    c.y = sq;
    check_memory_errors(try_truediv, &c, 1);
    double fa;
    ck_assert_int_eq(pr_bigint_to_double(a.d, a.size, &fa), 0);
    ck_assert(c.d == fa); /* b / a**2 == a exactly, so both round alike */
    c.x = a;
    check_memory_errors(try_pow, &c, 2);
    Num e = c.e;
    c.e = hexnum("-1f");
    check_memory_errors(try_powmod, &c, 3); /* work arrays, reducing a, the inverse */
    Num *all[] = {&a, &sq, &b, &e, &c.e, &c.m, &c.r, &c.r2};
    for (size_t k = 0; k < COUNT(all); k++) {
        num_free(all[k]);
    }
}
END_TEST

Suite *pr_test_bigint_suite(void)
{
    Suite *s = suite_create("bigint");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_representation);
    tcase_add_test(tc, test_getsizeof_digit_counts);
    tcase_add_test(tc, test_hex_parse_digits);
    tcase_add_test(tc, test_small_operands);
    tcase_add_test(tc, test_mixed_operands);
    tcase_add_test(tc, test_division_by_zero);
    tcase_add_test(tc, test_floor_rules);
    tcase_add_test(tc, test_magnitude_divrem);
    tcase_add_test(tc, test_single_digit);
    tcase_add_test(tc, test_shifts);
    tcase_add_test(tc, test_invert_and_bit_length);
    tcase_add_test(tc, test_pow);
    tcase_add_test(tc, test_pow_too_big);
    tcase_add_test(tc, test_powmod);
    tcase_add_test(tc, test_int64_round_trip);
    tcase_add_test(tc, test_int64_overflow);
    tcase_add_test(tc, test_to_double);
    tcase_add_test(tc, test_truediv);
    tcase_add_test(tc, test_from_double);
    tcase_add_test(tc, test_hash);
    tcase_add_test(tc, test_hash_int_float_agree);
    tcase_add_test(tc, test_to_string);
    tcase_add_test(tc, test_from_string);
    tcase_add_test(tc, test_from_string_bad_base);
    tcase_add_test(tc, test_long_decimal_round_trip);
    tcase_add_test(tc, test_random_identities);
    tcase_add_test(tc, test_large_products);
    tcase_add_test(tc, test_memory_errors);
    suite_add_tcase(s, tc);
    return s;
}
