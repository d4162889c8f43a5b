/* tests/unit/test_set.c — set and frozenset (objects/set.h): CPython 3.11's getsizeof growth
 * points, membership with set keys looked up as frozensets, add/discard/remove/pop and their
 * errors, the algebra through methods and operators, comparisons, repr, frozenset's hash
 * (CPython's values), iteration with change detection, tracking and exhaustion. */
#include "objects/dict.h"
#include "objects/iterate.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/range.h"
#include "objects/number.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "tests/unit/objtest.h"

#include <stdio.h>

static PrObject *key(int i)
{
    return pr_str_from_format("k%d", i);
}

/* A set of the characters of s (frozen or not). */
static PrObject *charset(const char *s, int frozen)
{
    PrObject *l = pr_list_new(0);
    for (; *s; s++) {
        PrObject *c = pr_str_from_utf8(s, 1);
        ck_assert_int_eq(pr_list_append(l, c), 0);
        PR_DECREF(c);
    }
    PrObject *r = frozen ? pr_frozenset_new(l) : pr_set_new(l);
    ck_assert_ptr_nonnull(r);
    PR_DECREF(l);
    return r;
}

/* The members of a set of one-character strings, in alphabetical order. */
static void assert_members(PrObject *s, const char *expected)
{
    ck_assert_ptr_nonnull(s);
    char buf[128] = "";
    for (char c = ' '; c <= '~'; c++) {
        PrObject *k = pr_str_from_utf8(&c, 1);
        if (pr_set_contains(s, k) == 1) {
            strncat(buf, &c, 1);
        }
        PR_DECREF(k);
    }
    ck_assert_str_eq(buf, expected);
    ck_assert_int_eq(pr_set_size(s), (ssize_t)strlen(expected));
}

/* s.name(arg) through the method table. */
static PrObject *call1(PrObject *s, const char *name, PrObject *arg)
{
    PrObject *m = pr_object_getattr_cstr(s, name);
    ck_assert_ptr_nonnull(m);
    PrObject *r = pr_object_call(m, &arg, arg ? 1 : 0, NULL);
    PR_DECREF(m);
    return r;
}

START_TEST(test_growth_matches_cpython)
{
    PrObject *s = pr_set_new(NULL), *f = pr_frozenset_new(NULL);
    ck_assert_int_eq(pr_object_sizeof(s), 216);
    ck_assert_int_eq(pr_object_sizeof(f), 216);
    /* python3.11: sizes change after the 5th, 19th and 77th add: 728, 2264, 8408 */
    static const int at[] = {5, 19, 77}, to[] = {728, 2264, 8408};
    int next = 0;
    ssize_t size = 216;
    for (int i = 0; i < 100; i++) {
        PrObject *k = key(i);
        ck_assert_int_eq(pr_set_add(s, k), 0);
        ck_assert_int_eq(pr_set_add(s, k), 0); /* already there: no change */
        PR_DECREF(k);
        if (pr_object_sizeof(s) != size) {
            ck_assert_int_lt(next, 3);
            ck_assert_int_eq(i + 1, at[next]);
            ck_assert_int_eq(pr_object_sizeof(s), to[next]);
            size = to[next++];
        }
    }
    ck_assert_int_eq(next, 3);
    ck_assert_int_eq(pr_set_size(s), 100);
    for (int i = 0; i < 100; i += 2) { /* removing leaves dummies, not a smaller table */
        PrObject *k = key(i);
        ck_assert_int_eq(pr_set_discard(s, k), 1);
        ck_assert_int_eq(pr_set_discard(s, k), 0);
        PR_DECREF(k);
    }
    ck_assert_int_eq(pr_object_sizeof(s), 8408);
    for (int i = 0; i < 100; i++) {
        PrObject *k = key(i);
        ck_assert_int_eq(pr_set_contains(s, k), i % 2);
        PR_DECREF(k);
    }
    pr_set_clear(s);
    ck_assert_int_eq(pr_object_sizeof(s), 216);
    ck_assert(pr_gc_is_tracked(s)); /* always, even empty */
    ck_assert(pr_gc_is_tracked(f));
    PR_DECREF(s);
    PR_DECREF(f);
}
END_TEST

START_TEST(test_members_and_errors)
{
    PrObject *s = charset("abracadabra", 0), *x = objtest_str("x");
    assert_members(s, "abcdr");
    ck_assert_int_eq(pr_object_length(s), 5);
    PrObject *r = call1(s, "remove", x);
    ck_assert_ptr_null(r);
    ASSERT_RAISED(PR_EXC(KeyError), "'x'");
    PrObject *l = pr_list_new(0);
    ck_assert_int_eq(pr_set_add(s, l), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "unhashable type: 'list'");
    ck_assert_int_eq(pr_set_contains(s, l), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "unhashable type: 'list'");
    /* a set key is looked up as a frozenset */
    PrObject *empty_set = pr_set_new(NULL), *empty_frozen = pr_frozenset_new(NULL);
    ck_assert_int_eq(pr_set_add(s, empty_set), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "unhashable type: 'set'");
    ck_assert_int_eq(pr_set_add(s, empty_frozen), 0);
    ck_assert_int_eq(pr_set_contains(s, empty_set), 1);
    ck_assert_int_eq(pr_set_discard(s, empty_set), 1);
    ck_assert_int_eq(pr_set_size(s), 5);
    /* pop empties it in some order */
    for (int i = 0; i < 5; i++) {
        PrObject *k = pr_set_pop(s);
        ck_assert_int_eq(pr_set_contains(s, k), 0);
        PR_DECREF(k);
    }
    ck_assert_ptr_null(pr_set_pop(s));
    ASSERT_RAISED(PR_EXC(KeyError), "'pop from an empty set'");
    ck_assert_int_eq(pr_object_hash(s), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "unhashable type: 'set'");
    /* constructors */
    ck_assert_int_eq(pr_list_append(l, x), 0);
    PrObject *made = pr_object_call((PrObject *)PR_TYPE(set), &l, 1, NULL);
    assert_members(made, "x");
    PrObject *two[] = {x, x};
    ck_assert_ptr_null(pr_object_call((PrObject *)PR_TYPE(set), two, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "set expected at most 1 argument, got 2");
    ck_assert_ptr_null(pr_object_call((PrObject *)PR_TYPE(frozenset), &l, 0, x));
    ASSERT_RAISED(PR_EXC(TypeError), "frozenset() takes no keyword arguments");
    ck_assert_ptr_null(pr_set_new(PR_None));
    ASSERT_RAISED(PR_EXC(TypeError), "'NoneType' object is not iterable");
    PrObject *same = pr_object_call((PrObject *)PR_TYPE(frozenset), &empty_frozen, 1, NULL);
    ck_assert_ptr_eq(same, empty_frozen);
    PrObject *objs[] = {s, x, l, empty_set, empty_frozen, made, same};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_algebra)
{
    PrObject *a = charset("abcd", 0), *b = charset("cdef", 1), *r;
    assert_members(r = pr_number_or(a, b), "abcdef");
    ck_assert_ptr_eq(r->type, PR_TYPE(set));
    PR_DECREF(r);
    assert_members(r = pr_number_or(b, a), "abcdef");
    ck_assert_ptr_eq(r->type, PR_TYPE(frozenset)); /* the left operand's kind */
    PR_DECREF(r);
    assert_members(r = pr_number_and(a, b), "cd");
    PR_DECREF(r);
    assert_members(r = pr_number_sub(a, b), "ab");
    PR_DECREF(r);
    assert_members(r = pr_number_xor(a, b), "abef");
    PR_DECREF(r);
    PrObject *l = pr_list_new(0);
    ck_assert_ptr_null(pr_number_or(a, l));
    ASSERT_RAISED(PR_EXC(TypeError), "unsupported operand type(s) for |: 'set' and 'list'");
    /* methods accept any iterable */
    PrObject *str_list = pr_list_new(0), *e = objtest_str("e"), *c = objtest_str("c");
    pr_list_append(str_list, e);
    pr_list_append(str_list, c);
    assert_members(r = call1(a, "union", str_list), "abcde");
    PR_DECREF(r);
    assert_members(r = call1(a, "intersection", str_list), "c");
    PR_DECREF(r);
    assert_members(r = call1(a, "difference", str_list), "abd");
    PR_DECREF(r);
    assert_members(r = call1(a, "symmetric_difference", str_list), "abde");
    PR_DECREF(r);
    ASSERT_TEXT(pr_object_repr(r = call1(a, "isdisjoint", str_list)), "False");
    PR_DECREF(r);
    ASSERT_TEXT(pr_object_repr(r = call1(a, "issuperset", str_list)), "False");
    PR_DECREF(r);
    ASSERT_TEXT(pr_object_repr(r = call1(b, "issubset", a)), "False");
    PR_DECREF(r);
    /* in place */
    PrObject *s = charset("abcd", 0);
    PR_DECREF(call1(s, "intersection_update", b));
    assert_members(s, "cd");
    PR_DECREF(call1(s, "update", str_list));
    assert_members(s, "cde");
    PR_DECREF(call1(s, "difference_update", str_list));
    assert_members(s, "d");
    PR_DECREF(call1(s, "symmetric_difference_update", b));
    assert_members(s, "cef");
    r = pr_number_inplace_or(s, a);
    ck_assert_ptr_eq(r, s);
    PR_DECREF(r);
    assert_members(s, "abcdef");
    PR_DECREF(r = pr_number_inplace_sub(s, b));
    assert_members(s, "ab");
    PR_DECREF(r = pr_number_inplace_xor(s, a));
    assert_members(s, "cd");
    PR_DECREF(r = pr_number_inplace_and(s, b));
    assert_members(s, "cd");
    PR_DECREF(r = pr_number_inplace_sub(s, s));
    assert_members(s, "");
    r = pr_number_inplace_or(b, a); /* frozenset: a new object */
    ck_assert_ptr_ne(r, b);
    assert_members(b, "cdef");
    PR_DECREF(r);
    /* comparisons */
    PrObject *cd = charset("cd", 0), *cd2 = charset("dc", 1);
    ck_assert_int_eq(pr_object_richcompare_bool(cd, cd2, PR_EQ), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(cd, a, PR_LT), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(cd, cd2, PR_LT), 0);
    ck_assert_int_eq(pr_object_richcompare_bool(cd, cd2, PR_LE), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(a, cd, PR_GT), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(a, b, PR_GE), 0);
    ck_assert_int_eq(pr_object_richcompare_bool(a, b, PR_NE), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(a, l, PR_EQ), 0);
    ck_assert_int_eq(pr_object_richcompare_bool(a, l, PR_LT), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "'<' not supported between instances of 'set' and 'list'");
    PrObject *objs[] = {a, b, l, str_list, e, c, s, cd, cd2};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_repr_hash_iteration)
{
    PrObject *s = pr_set_new(NULL), *f = pr_frozenset_new(NULL), *x = objtest_str("x");
    ASSERT_REPR(s, "set()");
    ASSERT_REPR(f, "frozenset()");
    pr_set_add(s, x);
    ASSERT_REPR(s, "{'x'}");
    PrObject *fx = pr_frozenset_new(s);
    ASSERT_REPR(fx, "frozenset({'x'})");
    PrObject *ab = charset("ab", 0);
    ASSERT_TEXT(pr_object_repr(ab), pr_set_contains(ab, x) ? "" : "{'a', 'b'}");
    /* python3.11: hash(frozenset()), hash(frozenset({True})),
     * hash(frozenset({(True, False), ()})), hash(frozenset({frozenset()})) */
    ck_assert_int_eq(pr_object_hash(f), 133146708735736LL);
    PrObject *ft = pr_set_new(NULL), *t0 = pr_tuple_new(0),
             *tf = pr_tuple_pack(2, PR_True, PR_False);
    pr_set_add(ft, PR_True);
    PrObject *fft = pr_frozenset_new(ft);
    ck_assert_int_eq(pr_object_hash(fft), -558064481276695278LL);
    PrObject *tt = pr_set_new(NULL);
    pr_set_add(tt, tf);
    pr_set_add(tt, t0);
    PrObject *ftt = pr_frozenset_new(tt);
    ck_assert_int_eq(pr_object_hash(ftt), 77521506742319646LL);
    PrObject *nested = pr_set_new(NULL);
    pr_set_add(nested, f);
    PrObject *fnested = pr_frozenset_new(nested);
    ck_assert_int_eq(pr_object_hash(fnested), -6993584179861130285LL);
    /* iteration, and a change of size under it */
    PrObject *it = pr_object_get_iter(ab), *k;
    ck_assert_ptr_eq(it->type, PR_TYPE(set_iterator));
    int n = 0;
    while ((k = pr_iter_next(it))) {
        n++;
        PR_DECREF(k);
    }
    ck_assert(!pr_err_occurred());
    ck_assert_int_eq(n, 2);
    PR_DECREF(it);
    it = pr_object_get_iter(ab);
    PR_DECREF(pr_iter_next(it));
    pr_set_add(ab, x);
    ck_assert_ptr_null(pr_iter_next(it));
    ASSERT_RAISED(PR_EXC(RuntimeError), "Set changed size during iteration");
    ck_assert_ptr_null(pr_iter_next(it));
    ASSERT_RAISED(PR_EXC(RuntimeError), "Set changed size during iteration");
    PR_DECREF(it);
    PrObject *objs[] = {s, f, x, fx, ab, ft, t0, tf, fft, tt, ftt, nested, fnested};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

/* With CPython's int hashes, the table is CPython's: same repr order, same frozenset hash. */
START_TEST(test_int_sets_match_cpython)
{
    static const int64_t vals[] = {
        100, 5, 37, -1, 8, 1000, 1099511627776LL, -2305843009213693952LL, 77777};
    PrObject *s = pr_set_new(NULL);
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        PrObject *v = pr_long_from_int64(vals[i]);
        ck_assert_int_eq(pr_set_add(s, v), 0);
        PR_DECREF(v);
    }
    /* python3: s = set(); for v in vals: s.add(v) */
    ASSERT_REPR(s, "{1099511627776, 100, 37, 5, 8, 1000, 77777, -2305843009213693952, -1}");
    PR_DECREF(s);
    /* s = set(range(0, 400, 7)); discard multiples of 21; add 1001, -5 */
    PrObject *r = pr_range_from_int64(0, 400, 7);
    s = pr_set_new(r);
    PR_DECREF(r);
    for (int64_t x = 0; x < 400; x += 21) {
        PrObject *v = pr_long_from_int64(x);
        ck_assert_int_ge(pr_set_discard(s, v), 0);
        PR_DECREF(v);
    }
    PrObject *a = pr_long_from_int64(1001), *b = pr_long_from_int64(-5);
    pr_set_add(s, a);
    pr_set_add(s, b);
    ASSERT_REPR(s, "{385, 259, 133, 7, 392, 266, 140, 14, 280, 154, 28, 287, 161, 35, 301, 175, "
                   "49, 308, 182, 56, 322, 196, 70, 329, 203, 77, 343, 217, 91, 350, 224, 98, "
                   "1001, 364, 238, 112, 371, 245, 119, -5}");
    PR_DECREF(s);
    PR_DECREF(a);
    PR_DECREF(b);
    r = pr_range_from_int64(1, 4, 1);
    PrObject *f = pr_frozenset_new(r);
    PR_DECREF(r);
    ASSERT_REPR(f, "frozenset({1, 2, 3})");
    ck_assert_int_eq(pr_object_hash(f), -272375401224217160LL);
    PR_DECREF(f);
    r = pr_range_from_int64(0, 100, 1);
    f = pr_frozenset_new(r);
    PR_DECREF(r);
    ck_assert_int_eq(pr_object_hash(f), 4411996150312757951LL);
    PR_DECREF(f);
}
END_TEST

START_TEST(test_out_of_memory)
{
    int done = 0;
    for (long k = 0; k < 400 && !done; k++) {
        objtest_clear_free_lists();
        size_t before = objtest_blocks();
        pr_raw_fail_after(k);
        PrObject *s = pr_set_new(NULL), *t = NULL, *u = NULL;
        int ok = s != NULL;
        for (int i = 0; ok && i < 30; i++) {
            PrObject *kk = key(i);
            ok = kk && pr_set_add(s, kk) == 0;
            PR_XDECREF(kk);
        }
        ok = ok && (t = pr_frozenset_new(s)) && (u = pr_number_xor(s, t));
        pr_raw_fail_after(-1);
        if (ok) {
            done = 1;
            ck_assert_int_eq(pr_set_size(u), 0);
        } else {
            ck_assert_ptr_eq(pr_err_occurred_borrow(), pr_interp.memory_error);
            pr_err_clear();
        }
        PR_XDECREF(s);
        PR_XDECREF(t);
        PR_XDECREF(u);
        objtest_clear_free_lists();
        ck_assert_uint_eq(objtest_blocks(), before);
    }
    ck_assert(done);
}
END_TEST

Suite *pr_test_set_suite(void)
{
    Suite *s = suite_create("set");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_growth_matches_cpython);
    tcase_add_test(tc, test_members_and_errors);
    tcase_add_test(tc, test_algebra);
    tcase_add_test(tc, test_repr_hash_iteration);
    tcase_add_test(tc, test_int_sets_match_cpython);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, objtest_setup_malloc, objtest_teardown);
    tcase_add_test(oom, test_out_of_memory);
    suite_add_tcase(s, oom);
    return s;
}
