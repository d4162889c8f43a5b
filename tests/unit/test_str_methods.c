/* tests/unit/test_str_methods.c — str's sequence behaviour, methods and formatting
 * (objects/str_methods.c, objects/str_format.c) against CPython 3.11: a table of cases generated
 * by tests/unit/gen_str_cases.py (results and exact error texts, with é € 😀 wherever they
 * matter), run once normally and once with every allocation failing in turn; the case and
 * property tables of objects/ucd.h checked for every code point; identities CPython keeps
 * (s.strip() is s...), the iterator types. */
#include "objects/ucd.h"
#include "tests/unit/casetest.h"
#include "tests/unit/unicase_digest.h"

static const StrCase str_cases[] = {
#include "tests/unit/str_cases.inc"
};
#define NCASES (sizeof str_cases / sizeof str_cases[0])

START_TEST(test_cases)
{
    casetest_run(&str_cases[_i]);
}
END_TEST

START_TEST(test_cases_oom)
{
    casetest_oom(&str_cases[_i]);
}
END_TEST

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ p[i]) * 0x100000001b3ULL;
    }
    return h;
}

START_TEST(test_unicase_every_code_point)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            continue;
        }
        unsigned char props[8] = {
            (unsigned char)pr_ucd_isalpha(cp),   (unsigned char)pr_ucd_isdigit(cp),
            (unsigned char)pr_ucd_isnumeric(cp), (unsigned char)pr_ucd_islower(cp),
            (unsigned char)pr_ucd_isupper(cp),   (unsigned char)pr_ucd_istitle(cp),
            (unsigned char)pr_ucd_iscased(cp),   (unsigned char)pr_ucd_isignorable(cp),
        };
        h = fnv(h, props, 8);
        for (int m = PR_CASE_UPPER; m <= PR_CASE_FOLD; m++) {
            uint32_t out[3];
            int n = pr_ucd_case_map(cp, (PrCaseMap)m, out);
            /* not ck_assert: in fork mode each passing one is a message to Check's parent, and
             * 4.4 million of them took minutes under the sanitizers */
            if (n < 1 || n > 3) {
                ck_abort_msg("case map of U+%04X has %d code points", (unsigned)cp, n);
            }
            for (int i = 0; i < n; i++) {
                unsigned char le[4] = {(unsigned char)out[i], (unsigned char)(out[i] >> 8),
                                       (unsigned char)(out[i] >> 16),
                                       (unsigned char)(out[i] >> 24)};
                h = fnv(h, le, 4);
            }
            h = fnv(h, "\xff", 1);
        }
    }
    ck_assert_msg(h == UNICASE_DIGEST, "unicase tables differ from CPython's: %llx",
                  (unsigned long long)h);
}
END_TEST

/* Decimal values, whitespace, printable, the identifier properties and the identifier NFKC of
 * every code point (the rest of objects/ucd.h's data) against CPython's. */
START_TEST(test_ucd_every_code_point)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        unsigned char props[5] = {
            (unsigned char)(pr_ucd_decimal(cp) + 1),   (unsigned char)pr_ucd_isspace(cp),
            (unsigned char)pr_ucd_isprintable(cp),     (unsigned char)pr_ucd_is_xid_start(cp),
            (unsigned char)pr_ucd_is_xid_continue(cp),
        };
        h = fnv(h, props, 5);
        uint32_t out[4];
        int n = pr_ucd_nfkc_char(cp, out);
        if (n < 1 || n > 4) { /* not ck_assert in a loop this long (see above) */
            ck_abort_msg("NFKC of U+%04X has %d code points", (unsigned)cp, n);
        }
        for (int i = 0; i < n; i++) {
            unsigned char le[4] = {(unsigned char)out[i], (unsigned char)(out[i] >> 8),
                                   (unsigned char)(out[i] >> 16), (unsigned char)(out[i] >> 24)};
            h = fnv(h, le, 4);
        }
        h = fnv(h, "\xff", 1);
    }
    ck_assert_msg(h == UCD_DIGEST, "ucd tables differ from CPython's: %llx", (unsigned long long)h);
    ck_assert_uint_eq(pr_ucd_compose('e', 0x301), 0xE9);
    ck_assert_uint_eq(pr_ucd_compose(0x30AB, 0x3099), 0x30AC);
    ck_assert_uint_eq(pr_ucd_compose('e', 'e'), 0);
    uint32_t cp = 0;
    ck_assert_int_eq(pr_ucd_utf8_decode_strict((const unsigned char *)"\xc3\xa9", 2, &cp), 2);
    ck_assert_uint_eq(cp, 0xE9);
    ck_assert_int_eq(pr_ucd_utf8_decode_strict((const unsigned char *)"\xc0\x80", 2, &cp), 0);
    ck_assert_int_eq(pr_ucd_utf8_decode_strict((const unsigned char *)"\xed\xa0\x80", 3, &cp), 0);
    ck_assert_int_eq(pr_ucd_utf8_decode_strict((const unsigned char *)"\xe2\x82", 2, &cp), 0);
    ck_assert_uint_eq(pr_ucd_utf8_decode("\xed\xa0\x80", 3, &cp), 3); /* valid text only */
    ck_assert_uint_eq(cp, 0xD800);
    ck_assert_uint_eq(pr_ucd_utf8_count_starts("a\xc3\xa9\x80", 4), 2);
}
END_TEST

/* Results CPython gives back unchanged are the same object, as `is` shows. */
START_TEST(test_identities)
{
    PrObject *s = objtest_str("h\xc3\xa9llo"), *r;
    PrObject *x = objtest_str("x"), *empty = objtest_str("");
    r = pr_str_replace(s, x, empty, -1);
    ck_assert_ptr_eq(r, s);
    PR_DECREF(r);
    r = pr_str_slice(s, 0, 5, 1);
    ck_assert_ptr_eq(r, s);
    PR_DECREF(r);
    r = pr_str_repeat(s, 1);
    ck_assert_ptr_eq(r, s);
    PR_DECREF(r);
    PrObject *t = pr_tuple_pack(1, s);
    r = pr_str_join(x, t);
    ck_assert_ptr_eq(r, s);
    PR_DECREF(r);
    PR_DECREF(t);
    r = pr_str_format_object(s, empty);
    ck_assert_ptr_eq(r, s);
    PR_DECREF(r);
    r = casetest_call_method(s, "strip", NULL, 0, NULL);
    ck_assert_ptr_eq(r, s);
    PR_DECREF(r);
    r = casetest_call_method(s, "center", &(PrObject *){PR_False}, 1, NULL);
    ck_assert_ptr_eq(r, s);
    PR_DECREF(r);
    /* one-character results are the shared Latin-1 strings */
    r = pr_str_getitem(s, 1);
    ck_assert_ptr_eq(r, pr_interp.str.latin1[0xe9]);
    PR_DECREF(r);
    ck_assert_int_eq(s->refcnt, 1);
    PR_DECREF(s);
    PR_DECREF(x);
    PR_DECREF(empty);
}
END_TEST

START_TEST(test_iterator_types)
{
    PrObject *a = objtest_str("ab"), *u = objtest_str("\xc3\xa9t\xc3\xa9");
    PrObject *ia = pr_str_iter(a), *iu = pr_str_iter(u);
    ck_assert_str_eq(PR_TYPE_OF(ia)->name, "str_ascii_iterator");
    ck_assert_str_eq(PR_TYPE_OF(iu)->name, "str_iterator");
    ck_assert_int_eq(a->refcnt, 2);
    PrObject *same = PR_TYPE_OF(ia)->iter(ia);
    ck_assert_ptr_eq(same, ia);
    PR_DECREF(same);
    PrObject *c = PR_TYPE_OF(iu)->iternext(iu);
    ASSERT_TEXT(c, "\xc3\xa9");
    PR_DECREF(ia); /* an unfinished iterator releases its str */
    ck_assert_int_eq(a->refcnt, 1);
    PR_DECREF(iu);
    PR_DECREF(a);
    PR_DECREF(u);
}
END_TEST

START_TEST(test_methods_are_attributes)
{
    PrObject *s = objtest_str("abc");
    PrObject *m = pr_object_getattr_cstr(s, "upper");
    ck_assert_ptr_nonnull(m);
    PrObject *r = pr_object_repr(m);
    const char *want = "<built-in method upper of str object at 0x";
    ck_assert_int_eq(strncmp(pr_str_utf8(r), want, strlen(want)), 0);
    PR_DECREF(r);
    PR_DECREF(m);
    PR_DECREF(s);
}
END_TEST

Suite *pr_test_str_methods_suite(void)
{
    Suite *s = suite_create("str_methods");
    TCase *tc = tcase_create("cases");
    tcase_add_checked_fixture(tc, casetest_setup, casetest_teardown);
    tcase_add_loop_test(tc, test_cases, 0, (int)NCASES);
    tcase_add_test(tc, test_identities);
    tcase_add_test(tc, test_iterator_types);
    tcase_add_test(tc, test_methods_are_attributes);
    tcase_add_test(tc, test_unicase_every_code_point);
    tcase_add_test(tc, test_ucd_every_code_point);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, casetest_setup_malloc, casetest_teardown);
    tcase_add_loop_test(oom, test_cases_oom, 0, (int)NCASES);
    tcase_set_timeout(oom, 120);
    suite_add_tcase(s, oom);
    return s;
}
