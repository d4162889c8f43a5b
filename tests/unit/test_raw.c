/* tests/unit/test_raw.c — the raw layer counts exactly what it holds and fails on demand. */
#include "memory/raw.h"
#include "tests/unit/suites.h"

#include <string.h>

START_TEST(test_malloc_counted)
{
    PrRawStats before, during, after;
    pr_raw_stats(&before);
    char *p = pr_raw_malloc(1000);
    ck_assert_ptr_nonnull(p);
    memset(p, 1, 1000);
    pr_raw_stats(&during);
    ck_assert_uint_eq(during.malloc_blocks, before.malloc_blocks + 1);
    ck_assert_uint_ge(during.malloc_bytes - before.malloc_bytes, 1000);
    p = pr_raw_realloc(p, 100000);
    ck_assert_ptr_nonnull(p);
    pr_raw_free(p);
    pr_raw_stats(&after);
    ck_assert_uint_eq(after.malloc_blocks, before.malloc_blocks);
    ck_assert_uint_eq(after.malloc_bytes, before.malloc_bytes);
    ck_assert_uint_ge(after.malloc_peak, before.malloc_bytes + 100000);
}
END_TEST

START_TEST(test_map_counted)
{
    PrRawStats before, after;
    pr_raw_stats(&before);
    char *p = pr_raw_map(1 << 20);
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(p[12345], 0);
    pr_raw_stats(&after);
    ck_assert_uint_eq(after.mapped_bytes, before.mapped_bytes + (1 << 20));
    ck_assert_uint_eq(after.mapped_regions, before.mapped_regions + 1);
    pr_raw_unmap(p, 1 << 20);
    pr_raw_stats(&after);
    ck_assert_uint_eq(after.mapped_bytes, before.mapped_bytes);
}
END_TEST

START_TEST(test_fail_after)
{
    pr_raw_fail_after(1);
    void *a = pr_raw_malloc(8);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_null(pr_raw_malloc(8));
    ck_assert_ptr_null(pr_raw_map(4096));
    pr_raw_fail_after(-1);
    void *b = pr_raw_malloc(8);
    ck_assert_ptr_nonnull(b);
    pr_raw_free(a);
    pr_raw_free(b);
}
END_TEST

START_TEST(test_calloc_overflow)
{
    ck_assert_ptr_null(pr_raw_calloc((size_t)-1 / 2, 4));
    int *z = pr_raw_calloc(16, sizeof(int));
    ck_assert_ptr_nonnull(z);
    ck_assert_int_eq(z[15], 0);
    pr_raw_free(z);
}
END_TEST

START_TEST(test_rss_moves)
{
    size_t before = pr_raw_rss();
    ck_assert_uint_gt(before, 0);
    size_t n = 32u << 20;
    char *p = pr_raw_map(n);
    ck_assert_ptr_nonnull(p);
    memset(p, 7, n);
    ck_assert_uint_ge(pr_raw_rss(), before + n / 2);
    pr_raw_unmap(p, n);
    ck_assert_uint_lt(pr_raw_rss(), before + n / 2);
}
END_TEST

Suite *pr_test_raw_suite(void)
{
    Suite *s = suite_create("raw");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_malloc_counted);
    tcase_add_test(tc, test_map_counted);
    tcase_add_test(tc, test_fail_after);
    tcase_add_test(tc, test_calloc_overflow);
    tcase_add_test(tc, test_rss_moves);
    suite_add_tcase(s, tc);
    return s;
}
