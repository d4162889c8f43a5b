/* tests/unit/test_bytes.c — the bytes type (objects/bytes.h) against CPython 3.11: a generated
 * table of cases (tests/unit/gen_str_cases.py) run normally and under allocation failures, the
 * sizes CPython reports (getsizeof 33 + n), bytes() and fromhex. */
#include "tests/unit/casetest.h"

static const StrCase bytes_cases[] = {
#include "tests/unit/bytes_cases.inc"
};
#define NCASES (sizeof bytes_cases / sizeof bytes_cases[0])

START_TEST(test_cases)
{
    casetest_run(&bytes_cases[_i]);
}
END_TEST

START_TEST(test_cases_oom)
{
    casetest_oom(&bytes_cases[_i]);
}
END_TEST

START_TEST(test_sizes)
{
    PrObject *e = pr_bytes_from_buf("", 0), *b = pr_bytes_from_buf("abc\0d", 5);
    ck_assert_int_eq(pr_object_sizeof(e), 33);
    ck_assert_int_eq(pr_object_sizeof(b), 38);
    ck_assert_int_eq(PR_BYTES_DATA(b)[5], '\0');
    ASSERT_REPR(b, "b'abc\\x00d'");
    PR_DECREF(e);
    PR_DECREF(b);
}
END_TEST

/* bytes(...) through the type's call. */
START_TEST(test_constructor)
{
    static const struct {
        const char *args[3];
        const char *expected;
    } cases[] = {
        {{NULL}, "b''"},
        {{"s\xc3\xa9", "sutf-8"}, "b'\\xc3\\xa9'"},
        {{"s\xc3\xa9", "slatin-1"}, "b'\\xe9'"},
        {{"s\xe2\x82\xac", "sascii", "sreplace"}, "b'?'"},
        {{"s\xe2\x82\xac", "sascii"},
         "!UnicodeEncodeError: 'ascii' codec can't encode character "
         "'\\u20ac' in position 0: ordinal not in range(128)"},
        {{"sa"}, "!TypeError: string argument without an encoding"},
        {{"i3"}, "b'\\x00\\x00\\x00'"},
        {{"i-1"}, "!ValueError: negative count"},
        {{"t"
          "i104\x1ei105"},
         "b'hi'"},
        {{"t"
          "i256"},
         "!ValueError: bytes must be in range(0, 256)"},
        {{"t"
          "sa"},
         "!TypeError: 'str' object cannot be interpreted as an integer"},
        {{"bff00"}, "b'\\xff\\x00'"},
        {{"N"}, "!TypeError: cannot convert 'NoneType' object to bytes"},
        {{"bff", "sutf-8"}, "!TypeError: encoding without a string argument"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        PrObject *args[3];
        ssize_t refcnts[3];
        size_t n = 0;
        for (; n < 3 && cases[i].args[n]; n++) {
            args[n] = casetest_value(cases[i].args[n], strlen(cases[i].args[n]));
            refcnts[n] = args[n]->refcnt;
        }
        PrObject *r = pr_object_call((PrObject *)PR_TYPE(bytes), args, n, NULL);
        StrCase c = {"bytes()", "N", {NULL}, cases[i].expected};
        casetest_check(&c, r, 1);
        for (size_t k = 0; k < n; k++) {
            ck_assert_int_eq(args[k]->refcnt, refcnts[k]);
            PR_DECREF(args[k]);
        }
    }
}
END_TEST

START_TEST(test_fromhex)
{
    static const struct {
        const char *in, *expected;
    } cases[] = {
        {" 1a b2 ", "b'\\x1a\\xb2'"},
        {"", "b''"},
        {"0g", "!ValueError: non-hexadecimal number found in fromhex() arg at position 1"},
        {"01 02 f", "!ValueError: non-hexadecimal number found in fromhex() arg at position 7"},
        {"\xc3\xa9"
         "0",
         "!ValueError: non-hexadecimal number found in fromhex() arg at position 0"},
        {"00\xc3\xa9", "!ValueError: non-hexadecimal number found in fromhex() arg at position 2"},
        {"FFfe", "b'\\xff\\xfe'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        PrObject *s = objtest_str(cases[i].in);
        StrCase c = {"fromhex", "N", {NULL}, cases[i].expected};
        casetest_check(&c, pr_bytes_fromhex(s), 1);
        PR_DECREF(s);
    }
    PrObject *b = pr_bytes_from_buf("x", 1);
    ck_assert_ptr_null(pr_bytes_fromhex(b));
    ASSERT_RAISED(PR_EXC(TypeError), "fromhex() argument must be str, not bytes");
    PR_DECREF(b);
}
END_TEST

Suite *pr_test_bytes_suite(void)
{
    Suite *s = suite_create("bytes");
    TCase *tc = tcase_create("cases");
    tcase_add_checked_fixture(tc, casetest_setup, casetest_teardown);
    tcase_add_loop_test(tc, test_cases, 0, (int)NCASES);
    tcase_add_test(tc, test_sizes);
    tcase_add_test(tc, test_constructor);
    tcase_add_test(tc, test_fromhex);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, casetest_setup_malloc, casetest_teardown);
    tcase_add_loop_test(oom, test_cases_oom, 0, (int)NCASES);
    suite_add_tcase(s, oom);
    return s;
}
