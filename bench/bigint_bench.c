/* bench/bigint_bench.c — times the arbitrary-precision core (objects/bigint.h): str() and int()
 * of 10**4- and 10**5-digit numbers, and a loop of 1000-digit multiplications and divisions.
 * Prints one line per measurement, the python3 expression in its label; each is the best of
 * several runs, as the machine may be shared. Comparing with python3 is the runner's job. */
#include "memory/raw.h"
#include "objects/bigint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define REPEATS 5

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void *must(void *p)
{
    if (!p) {
        fprintf(stderr, "bigint_bench: out of memory\n");
        exit(1);
    }
    return p;
}

/* n decimal digits, pseudo-random, with a nonzero first digit. */
static char *decimal_text(size_t n)
{
    char *s = must(pr_raw_malloc(n + 1));
    uint64_t x = 88172645463325252u;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s[i] = (char)('0' + x % 10);
    }
    s[0] = s[0] == '0' ? '7' : s[0];
    s[n] = '\0';
    return s;
}

/* Parses text into a fresh digit array; *size gets the signed size. Prints the time. */
static PrDigit *parse_timed(const char *text, ptrdiff_t *size, const char *label)
{
    size_t len = strlen(text);
    PrDigit *d = must(pr_raw_malloc((size_t)pr_bigint_from_string_size(len, 10) * sizeof *d));
    double best = 1e30;
    for (int rep = 0; rep < REPEATS; rep++) {
        double t0 = now();
        if (pr_bigint_from_string(d, size, text, len, 10) != 0) {
            fprintf(stderr, "bigint_bench: parse failed\n");
            exit(1);
        }
        double t = now() - t0;
        best = t < best ? t : best;
    }
    printf("%-44s %10.3f ms\n", label, best * 1e3);
    return d;
}

static void str_timed(const PrDigit *d, ptrdiff_t size, const char *expect, const char *label)
{
    char *buf = must(pr_raw_malloc((size_t)pr_bigint_to_string_size(size, 10)));
    double best = 1e30;
    for (int rep = 0; rep < REPEATS; rep++) {
        double t0 = now();
        if (pr_bigint_to_string(buf, d, size, 10, 0) < 0) {
            fprintf(stderr, "bigint_bench: str failed\n");
            exit(1);
        }
        double t = now() - t0;
        best = t < best ? t : best;
    }
    printf("%-44s %10.3f ms%s\n", label, best * 1e3, strcmp(buf, expect) ? "  WRONG" : "");
    pr_raw_free(buf);
}

static void conversions(size_t ndigits)
{
    char label[64];
    char *text = decimal_text(ndigits);
    ptrdiff_t size;
    snprintf(label, sizeof label, "int(s), len(s) == %zu", ndigits);
    PrDigit *d = parse_timed(text, &size, label);
    snprintf(label, sizeof label, "str(x), %zu digits", ndigits);
    str_timed(d, size, text, label);
    pr_raw_free(d);
    pr_raw_free(text);
}

/* Repeats q, r = divmod(a * b + c, b) and checks q == a, r == c on 1000-digit a, b. */
static void mul_div_loop(int iters)
{
    char *ta = decimal_text(1000), *tb = decimal_text(999), *tc = decimal_text(990);
    tb[0] = '9';
    ptrdiff_t na, nb, nc, np, nq, nr;
    size_t la = strlen(ta), lb = strlen(tb), lc = strlen(tc);
    PrDigit *a = must(pr_raw_malloc((size_t)pr_bigint_from_string_size(la, 10) * 4));
    PrDigit *b = must(pr_raw_malloc((size_t)pr_bigint_from_string_size(lb, 10) * 4));
    PrDigit *c = must(pr_raw_malloc((size_t)pr_bigint_from_string_size(lc, 10) * 4));
    pr_bigint_from_string(a, &na, ta, la, 10);
    pr_bigint_from_string(b, &nb, tb, lb, 10);
    pr_bigint_from_string(c, &nc, tc, lc, 10);
    PrDigit *p = must(pr_raw_malloc((size_t)(na + nb + 1) * 4));
    PrDigit *q = must(pr_raw_malloc((size_t)pr_bigint_div_size(na + nb + 1, nb) * 4));
    PrDigit *r = must(pr_raw_malloc((size_t)nb * 4));
    double tmul = 1e30, tdiv = 1e30;
    int ok = 1;
    for (int i = 0; i < iters; i++) {
        double t0 = now();
        np = pr_bigint_mul(p, a, na, b, nb);
        double t1 = now();
        np = pr_bigint_add(p, p, np, c, nc);
        double t2 = now();
        pr_bigint_divrem(q, &nq, r, &nr, p, np, b, nb);
        double t3 = now();
        tmul = t1 - t0 < tmul ? t1 - t0 : tmul;
        tdiv = t3 - t2 < tdiv ? t3 - t2 : tdiv;
        ok &= pr_bigint_cmp(q, nq, a, na) == 0 && pr_bigint_cmp(r, nr, c, nc) == 0;
    }
    printf("%-44s %10.3f us%s\n", "a * b, 1000 x 999 decimal digits", tmul * 1e6,
           ok ? "" : "  WRONG");
    printf("%-44s %10.3f us\n", "divmod(a*b + c, b), 2000 / 999 digits", tdiv * 1e6);
    void *all[] = {ta, tb, tc, a, b, c, p, q, r};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        pr_raw_free(all[i]);
    }
}

/* Products of n-digit operands (30-bit digits), to see Karatsuba's growth. */
static void mul_sizes(void)
{
    static const ptrdiff_t sizes[] = {10, 40, 100, 1000, 10000};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        ptrdiff_t n = sizes[s];
        PrDigit *a = must(pr_raw_malloc((size_t)n * 4)), *b = must(pr_raw_malloc((size_t)n * 4));
        PrDigit *r = must(pr_raw_malloc((size_t)(2 * n) * 4));
        for (ptrdiff_t i = 0; i < n; i++) {
            a[i] = (PrDigit)(i * 2654435761u) & PR_DIGIT_MASK;
            b[i] = (PrDigit)(i * 40503u + 7) & PR_DIGIT_MASK;
        }
        a[n - 1] = b[n - 1] = 1;
        int iters = (int)(2000000 / (n * n)) + 3;
        double best = 1e30;
        for (int rep = 0; rep < REPEATS; rep++) {
            double t0 = now();
            for (int i = 0; i < iters; i++) {
                pr_bigint_mul(r, a, n, b, n);
            }
            double t = (now() - t0) / iters;
            best = t < best ? t : best;
        }
        char label[64];
        snprintf(label, sizeof label, "a * b, %td x %td 30-bit digits", n, n);
        printf("%-44s %10.3f us\n", label, best * 1e6);
        pr_raw_free(a);
        pr_raw_free(b);
        pr_raw_free(r);
    }
}

int main(void)
{
    conversions(10000);
    conversions(100000);
    mul_div_loop(2000);
    mul_sizes();
    return 0;
}
