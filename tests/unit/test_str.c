/* tests/unit/test_str.c — the str core (objects/str.h): construction and UTF-8 validation with
 * CPython's error texts, shared and interned strings (identity), repr against CPython 3.11,
 * code point order, hashing, concatenation, indexing, the builder, sizes and exhaustion. */
#include "objects/dict.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "tests/unit/objtest.h"

START_TEST(test_from_utf8)
{
    PrObject *s = pr_str_from_utf8("h\xc3\xa9llo \xf0\x9f\x98\x80", 11);
    ck_assert_int_eq(pr_str_length(s), 7);
    ck_assert_int_eq(PR_STR_BYTES(s), 11);
    ck_assert(!((PrStr *)s)->ascii);
    ck_assert_int_eq(s->refcnt, 1);
    PR_DECREF(s);
    s = objtest_str("plain");
    ck_assert(((PrStr *)s)->ascii);
    ck_assert_int_eq(pr_str_length(s), 5);
    ck_assert_str_eq(pr_str_utf8(s), "plain");
    PR_DECREF(s);
    /* CPython's own messages for bad input */
    static const struct {
        const char *bytes;
        int n;
        const char *msg;
    } bad[] = {
        {"\xe4\xb8", 2, "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"},
        {"\xe4"
         "A",
         2, "'utf-8' codec can't decode byte 0xe4 in position 0: invalid continuation byte"},
        {"\xff", 1, "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"},
        {"a\x80", 2, "'utf-8' codec can't decode byte 0x80 in position 1: invalid start byte"},
        {"\xf0\x9f\x98", 3,
         "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data"},
        {"\xed\xa0\x80", 3,
         "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"},
        {"\xc0\x80", 2, "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_ptr_null(pr_str_from_utf8(bad[i].bytes, bad[i].n));
        ASSERT_RAISED(PR_EXC(UnicodeDecodeError), bad[i].msg);
    }
}
END_TEST

START_TEST(test_shared_strings)
{
    PrObject *e1 = pr_str_from_utf8("", 0), *e2 = pr_str_from_cstr("");
    ck_assert_ptr_eq(e1, e2);
    ck_assert_ptr_eq(e1, pr_interp.str.empty);
    PrObject *a1 = objtest_str("a"), *a2 = pr_str_from_utf8("ab", 1);
    ck_assert_ptr_eq(a1, a2);
    PrObject *eacute = pr_str_from_codepoint(0xe9), *eacute2 = objtest_str("\xc3\xa9");
    ck_assert_ptr_eq(eacute, eacute2);
    PrObject *euro = pr_str_from_codepoint(0x20ac), *euro2 = objtest_str("\xe2\x82\xac");
    ck_assert_ptr_ne(euro, euro2); /* only Latin-1 is shared */
    ck_assert(pr_str_eq(euro, euro2));
    PrObject *c = pr_str_getitem(eacute, 0);
    ck_assert_ptr_eq(c, eacute);
    PrObject *objs[] = {e1, e2, a1, a2, eacute, eacute2, euro, euro2, c};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
    ck_assert_ptr_null(pr_str_from_codepoint(0x110000));
    ASSERT_RAISED(PR_EXC(ValueError), "chr() arg not in range(0x110000)");
    ck_assert_ptr_null(pr_str_from_codepoint(0xd800));
    ASSERT_RAISED(PR_EXC(ValueError), "pyrena's str cannot hold the lone surrogate U+D800");
}
END_TEST

START_TEST(test_interning)
{
    PrObject *a = objtest_str("identifier"), *b = objtest_str("identifier");
    ck_assert_ptr_ne(a, b);
    ck_assert(pr_str_eq(a, b));
    ck_assert_int_eq(pr_str_intern_inplace(&a), 0);
    ck_assert(((PrStr *)a)->interned);
    ssize_t held = a->refcnt; /* ours + the table's key and value */
    ck_assert_int_eq(held, 3);
    PrObject *old_b = b;
    PR_INCREF(old_b);
    ck_assert_int_eq(pr_str_intern_inplace(&b), 0);
    ck_assert_ptr_eq(a, b);             /* b now names the interned one */
    ck_assert_int_eq(old_b->refcnt, 1); /* its reference was released */
    PR_DECREF(old_b);
    ck_assert_int_eq(pr_str_intern_inplace(&b), 0); /* already interned: nothing changes */
    PrObject *c = pr_str_intern_cstr("identifier");
    ck_assert_ptr_eq(c, a);
    ck_assert_int_eq(a->refcnt, held + 2);
    /* two different interned strings differ without comparing bytes */
    PrObject *d = pr_str_intern_cstr("identifies");
    ck_assert(!pr_str_eq(a, d));
    PR_DECREF(a);
    PR_DECREF(b);
    PR_DECREF(c);
    PR_DECREF(d);
}
END_TEST

START_TEST(test_repr)
{
    static const struct {
        const char *text, *repr;
    } cases[] = {
        {"", "''"},
        {"a'b", "\"a'b\""},
        {"a\"b'", "'a\"b\\''"},
        {"\t\n\r\\", "'\\t\\n\\r\\\\'"},
        {"\x01\x1f\x7f", "'\\x01\\x1f\\x7f'"},
        {"\xc2\x80\xc2\xa0\xc2\xad", "'\\x80\\xa0\\xad'"},
        {"\xc3\xa9\xe2\x82\xac", "'\xc3\xa9\xe2\x82\xac'"},
        {"\xe2\x80\xa8", "'\\u2028'"},
        {"\xf0\x9f\x98\x80", "'\xf0\x9f\x98\x80'"},
        {"\xf3\xa0\x80\x80", "'\\U000e0000'"},
        {"plain text", "'plain text'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        PrObject *s = objtest_str(cases[i].text);
        ASSERT_REPR(s, cases[i].repr);
        PR_DECREF(s);
    }
}
END_TEST

START_TEST(test_compare_hash_concat)
{
    PrObject *a = objtest_str("a"), *b = objtest_str("b"), *ab = objtest_str("ab");
    PrObject *z = objtest_str("z"), *e = objtest_str("\xc3\xa9");
    PrObject *bmp = objtest_str("\xef\xbf\xbf"), *astral = objtest_str("\xf0\x90\x80\x80");
    ck_assert_int_lt(pr_str_compare(a, b), 0);
    ck_assert_int_lt(pr_str_compare(a, ab), 0);
    ck_assert_int_gt(pr_str_compare(e, z), 0);
    ck_assert_int_lt(pr_str_compare(bmp, astral), 0); /* U+FFFF < U+10000 by code point */
    ck_assert_int_eq(pr_object_richcompare_bool(a, b, PR_LT), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(b, a, PR_LE), 0);
    ck_assert_int_eq(pr_object_richcompare_bool(astral, bmp, PR_GE), 1);
    PrObject *ab2 = pr_str_concat(a, b);
    ck_assert_ptr_ne(ab2, ab);
    ck_assert_int_eq(pr_object_richcompare_bool(ab, ab2, PR_EQ), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(ab, ab2, PR_NE), 0);
    ck_assert_int_eq(pr_str_hash(ab), pr_str_hash(ab2));
    ck_assert_int_eq(pr_object_hash(ab), pr_str_hash(ab));
    ck_assert_int_eq(((PrStr *)ab)->hash, pr_str_hash(ab)); /* cached */
    ck_assert_int_ne(pr_str_hash(a), pr_str_hash(b));
    ck_assert(pr_str_eq_cstr(ab2, "ab"));
    ck_assert(!pr_str_eq_cstr(ab2, "a"));
    PrObject *mixed = pr_str_concat(e, astral);
    ck_assert_int_eq(pr_str_length(mixed), 2);
    ck_assert(!((PrStr *)mixed)->ascii);
    ASSERT_TEXT(pr_str_getitem(mixed, 1), "\xf0\x90\x80\x80");
    ASSERT_TEXT(pr_str_getitem(ab, 1), "b");
    ck_assert_ptr_null(pr_str_getitem(ab, 2));
    ASSERT_RAISED(PR_EXC(IndexError), "string index out of range");
    PrObject *empty = pr_str_from_cstr("");
    PrObject *same = pr_str_concat(a, empty);
    ck_assert_ptr_eq(same, a);
    PR_DECREF(same);
    ck_assert_ptr_null(pr_str_concat(a, PR_None));
    ASSERT_RAISED(PR_EXC(TypeError), "can only concatenate str (not \"NoneType\") to str");
    ck_assert_int_eq(PR_TYPE(str)->sequence.sq_length(mixed), 2);
    PrObject *objs[] = {a, b, ab, z, e, bmp, astral, ab2, mixed, empty};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_builder_and_format)
{
    PrStrBuilder b;
    pr_str_builder_init(&b);
    for (int i = 0; i < 100; i++) {
        ck_assert_int_eq(pr_str_builder_append_cstr(&b, "ab"), 0);
    }
    ck_assert_int_eq(pr_str_builder_append_codepoint(&b, 0x1F600), 0);
    ck_assert_int_eq(pr_str_builder_append_repr(&b, PR_None), 0);
    PrObject *s = pr_str_builder_finish(&b);
    ck_assert_int_eq(pr_str_length(s), 205);
    ck_assert_int_eq(PR_STR_BYTES(s), 208);
    ck_assert_int_eq(pr_object_sizeof(s), (ssize_t)offsetof(PrStr, data) + 209);
    ck_assert_ptr_null(b.str);
    PR_DECREF(s);
    pr_str_builder_append_cstr(&b, "x");
    s = pr_str_builder_finish(&b); /* one Latin-1 character: the shared one */
    PrObject *x = objtest_str("x");
    ck_assert_ptr_eq(s, x);
    PR_DECREF(s);
    PR_DECREF(x);
    pr_str_builder_append_cstr(&b, "discarded");
    pr_str_builder_discard(&b);
    s = pr_str_builder_finish(&b);
    ck_assert_ptr_eq(s, pr_interp.str.empty);
    PR_DECREF(s);
    ASSERT_TEXT(pr_str_from_format("%d-%s-%.1s|", 3, "x", "\xc3\xa9t\xc3\xa9"), "3-x-\xc3\xa9|");
    ASSERT_TEXT(pr_str_from_format("%02x|%5d|%X|%04X", 7, 42, 255u, 0xd800u), "07|   42|FF|D800");
}
END_TEST

/* Every allocation refused in turn: the failure is the preallocated MemoryError, nothing leaks,
 * and with enough memory the result is right. */
START_TEST(test_out_of_memory)
{
    PrObject *a = objtest_str("a fairly long string that needs its own block ");
    int done = 0;
    for (long k = 0; k < 40 && !done; k++) {
        size_t before = objtest_blocks();
        pr_raw_fail_after(k);
        PrObject *s = pr_str_concat(a, a), *r = s ? pr_str_repr(s) : NULL;
        PrObject *f = r ? pr_str_from_format("[%U|%R]", r, a) : NULL;
        pr_raw_fail_after(-1);
        if (f) {
            ck_assert_int_eq(pr_str_length(f), 2 * pr_str_length(a) + 2 + pr_str_length(a) + 5);
            done = 1;
        } else {
            ck_assert_ptr_eq(pr_err_occurred_borrow(), pr_interp.memory_error);
            pr_err_clear();
        }
        PR_XDECREF(s);
        PR_XDECREF(r);
        PR_XDECREF(f);
        ck_assert_uint_eq(objtest_blocks(), before);
    }
    ck_assert(done);
    PR_DECREF(a);
}
END_TEST

Suite *pr_test_str_suite(void)
{
    Suite *s = suite_create("str");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_from_utf8);
    tcase_add_test(tc, test_shared_strings);
    tcase_add_test(tc, test_interning);
    tcase_add_test(tc, test_repr);
    tcase_add_test(tc, test_compare_hash_concat);
    tcase_add_test(tc, test_builder_and_format);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, objtest_setup_malloc, objtest_teardown);
    tcase_add_test(oom, test_out_of_memory);
    suite_add_tcase(s, oom);
    return s;
}
