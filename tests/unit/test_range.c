/* tests/unit/test_range.c — range (objects/range.h): construction and its errors, len, items,
 * slices to ranges (CPython's values), O(1) membership, index/count, equality and hash,
 * iteration over C and big values, reversed, list(range(n)) presizing, size and tracking.
 * Expected values from python3.11. */
#include "objects/dict.h"
#include "objects/iterate.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/tuple.h"
#include "tests/unit/objtest.h"

#include <string.h>

static PrObject *num(int64_t v)
{
    PrObject *o = pr_long_from_int64(v);
    ck_assert_ptr_nonnull(o);
    return o;
}

static PrObject *big(const char *digits)
{
    PrObject *o = pr_long_from_string(digits, strlen(digits), 10);
    ck_assert_ptr_nonnull(o);
    return o;
}

/* range(*args) through the type, as Python calls it. */
static PrObject *range_call(size_t n, int64_t a, int64_t b, int64_t c)
{
    PrObject *args[3] = {num(a), num(b), num(c)};
    PrObject *r = pr_object_call((PrObject *)PR_TYPE(range), args, n, NULL);
    for (int i = 0; i < 3; i++) {
        PR_DECREF(args[i]);
    }
    return r;
}

static PrObject *slice3(PrObject *a, PrObject *b, PrObject *c)
{
    PrObject *s = pr_slice_new(a, b, c);
    PR_XDECREF(a);
    PR_XDECREF(b);
    PR_XDECREF(c);
    return s;
}

static PrObject *meth(PrObject *o, const char *name, PrObject *arg)
{
    PrObject *m = pr_object_getattr_cstr(o, name);
    ck_assert_ptr_nonnull(m);
    PrObject *r = pr_object_call(m, &arg, arg ? 1 : 0, NULL);
    PR_DECREF(m);
    return r;
}

START_TEST(test_construct_len_repr)
{
    PrObject *r = range_call(1, 10, 0, 0);
    ASSERT_REPR(r, "range(0, 10)");
    ck_assert_int_eq(pr_object_sizeof(r), 48);
    ck_assert(!PR_TYPE_IS_GC(r->type)); /* never tracked */
    ck_assert_int_eq(pr_object_length(r), 10);
    PR_DECREF(r);
    r = range_call(3, 10, 0, -3);
    ASSERT_REPR(r, "range(10, 0, -3)");
    ck_assert_int_eq(pr_object_length(r), 4);
    PR_DECREF(r);
    r = range_call(3, -10, 10, 7);
    ck_assert_int_eq(pr_object_length(r), 3);
    ck_assert_int_eq(pr_object_is_true(r), 1);
    PR_DECREF(r);
    r = range_call(2, 5, 5, 0);
    ck_assert_int_eq(pr_object_length(r), 0);
    ck_assert_int_eq(pr_object_is_true(r), 0);
    PR_DECREF(r);
    ck_assert_ptr_null(range_call(3, 1, 2, 0));
    ASSERT_RAISED(PR_EXC(ValueError), "range() arg 3 must not be zero");
    ck_assert_ptr_null(range_call(0, 0, 0, 0));
    ASSERT_RAISED(PR_EXC(TypeError), "range expected at least 1 argument, got 0");
    PrObject *four[] = {PR_None, PR_None, PR_None, PR_None};
    ck_assert_ptr_null(pr_object_call((PrObject *)PR_TYPE(range), four, 4, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "range expected at most 3 arguments, got 4");
    ck_assert_ptr_null(pr_object_call((PrObject *)PR_TYPE(range), four, 1, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "'NoneType' object cannot be interpreted as an integer");
    /* huge bounds: len() overflows, bool() does not */
    PrObject *huge = big("18446744073709551616"), *zero = num(0), *one = num(1);
    r = pr_range_new(zero, huge, one);
    ck_assert_int_eq(pr_object_length(r), -1);
    ASSERT_RAISED(PR_EXC(OverflowError), "Python int too large to convert to C ssize_t");
    ck_assert_int_eq(pr_object_is_true(r), 1);
    ASSERT_REPR(r, "range(0, 18446744073709551616)");
    PR_DECREF(r);
    PR_DECREF(huge);
    PR_DECREF(zero);
    PR_DECREF(one);
}
END_TEST

START_TEST(test_items_and_slices)
{
    PrObject *r = range_call(3, 0, 20, 3), *i, *v;
    ASSERT_REPR_STEAL(PR_TYPE(range)->mapping.mp_subscript(r, i = num(-1)), "18");
    PR_DECREF(i);
    ASSERT_REPR_STEAL(PR_TYPE(range)->sequence.sq_item(r, 2), "6");
    ck_assert_ptr_null(PR_TYPE(range)->mapping.mp_subscript(r, i = num(7)));
    PR_DECREF(i);
    ASSERT_RAISED(PR_EXC(IndexError), "range object index out of range");
    ck_assert_ptr_null(PR_TYPE(range)->mapping.mp_subscript(r, i = num(-8)));
    PR_DECREF(i);
    ASSERT_RAISED(PR_EXC(IndexError), "range object index out of range");
    ck_assert_ptr_null(PR_TYPE(range)->mapping.mp_subscript(r, PR_None));
    ASSERT_RAISED(PR_EXC(TypeError), "range indices must be integers or slices, not NoneType");
    /* python3: range(0, 20, 3)[1:-1:2], [::-1], [100:], [-100:2], [::2], [5:1:-2] */
    struct {
        PrObject *s;
        const char *expected;
    } cases[] = {
        {slice3(num(1), num(-1), num(2)), "range(3, 18, 6)"},
        {slice3(NULL, NULL, num(-1)), "range(18, -3, -3)"},
        {slice3(num(100), NULL, NULL), "range(21, 21, 3)"},
        {slice3(num(-100), num(2), NULL), "range(0, 6, 3)"},
        {slice3(NULL, NULL, num(2)), "range(0, 21, 6)"},
        {slice3(num(5), num(1), num(-2)), "range(15, 3, -6)"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ASSERT_REPR_STEAL(PR_TYPE(range)->mapping.mp_subscript(r, cases[k].s), cases[k].expected);
        PR_DECREF(cases[k].s);
    }
    PrObject *zero_step = slice3(NULL, NULL, num(0));
    ck_assert_ptr_null(PR_TYPE(range)->mapping.mp_subscript(r, zero_step));
    ASSERT_RAISED(PR_EXC(ValueError), "slice step cannot be zero");
    PR_DECREF(zero_step);
    PR_DECREF(r);
    /* big: range(0, 2**101, 2)[2**100] is out of range, [2**99:2**99+4] a range of bigs */
    PrObject *two101 = big("2535301200456458802993406410752"), *zero = num(0), *two = num(2);
    r = pr_range_new(zero, two101, two);
    PrObject *two100 = big("1267650600228229401496703205376");
    ck_assert_ptr_null(PR_TYPE(range)->mapping.mp_subscript(r, two100));
    ASSERT_RAISED(PR_EXC(IndexError), "range object index out of range");
    PrObject *two99 = big("633825300114114700748351602688");
    PrObject *end = big("633825300114114700748351602692");
    PrObject *s = slice3(PR_NEWREF(two99), end, NULL);
    ASSERT_REPR_STEAL(PR_TYPE(range)->mapping.mp_subscript(r, s),
                      "range(1267650600228229401496703205376, 1267650600228229401496703205384, 2)");
    ASSERT_REPR_STEAL(meth(r, "index", two100), "633825300114114700748351602688");
    ck_assert_int_eq(PR_TYPE(range)->sequence.sq_contains(r, two100), 1);
    ck_assert_int_eq(PR_TYPE(range)->sequence.sq_contains(r, two101), 0);
    v = num(1);
    ck_assert_int_eq(PR_TYPE(range)->sequence.sq_contains(r, v), 0);
    PR_DECREF(v);
    PrObject *objs[] = {two101, zero, two, r, two100, two99, s};
    for (size_t k = 0; k < sizeof objs / sizeof objs[0]; k++) {
        PR_DECREF(objs[k]);
    }
}
END_TEST

START_TEST(test_search_equality_hash)
{
    PrObject *r = range_call(3, 0, 20, 3), *x;
    int64_t probes[] = {9, 10, -3, 18, 21, 0};
    int in[] = {1, 0, 0, 1, 0, 1};
    for (int k = 0; k < 6; k++) {
        x = num(probes[k]);
        ck_assert_int_eq(PR_TYPE(range)->sequence.sq_contains(r, x), in[k]);
        PR_DECREF(x);
    }
    ck_assert_int_eq(PR_TYPE(range)->sequence.sq_contains(r, PR_True), 0); /* 1 */
    ck_assert_int_eq(PR_TYPE(range)->sequence.sq_contains(r, PR_None), 0);
    ASSERT_REPR_STEAL(meth(r, "index", x = num(18)), "6");
    PR_DECREF(x);
    ck_assert_ptr_null(meth(r, "index", x = num(10)));
    PR_DECREF(x);
    ASSERT_RAISED(PR_EXC(ValueError), "10 is not in range");
    ck_assert_ptr_null(meth(r, "index", PR_None));
    ASSERT_RAISED(PR_EXC(ValueError), "sequence.index(x): x not in sequence");
    ASSERT_REPR_STEAL(meth(r, "count", x = num(9)), "1");
    PR_DECREF(x);
    ASSERT_REPR_STEAL(meth(r, "count", PR_None), "0");
    ASSERT_REPR_STEAL(meth(r, "count", PR_False), "1"); /* 0 == False */
    /* equal when the values are */
    PrObject *e1 = range_call(1, 0, 0, 0), *e2 = range_call(2, 5, 5, 0);
    PrObject *a = range_call(3, 0, 3, 2), *b = range_call(3, 0, 4, 2);
    PrObject *s1 = range_call(3, 3, 4, 1), *s2 = range_call(3, 3, 5, 7);
    ck_assert_int_eq(pr_object_richcompare_bool(e1, e2, PR_EQ), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(a, b, PR_EQ), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(s1, s2, PR_EQ), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(a, s1, PR_NE), 1);
    ck_assert_int_eq(pr_object_hash(e1), pr_object_hash(e2));
    ck_assert_int_eq(pr_object_hash(s1), pr_object_hash(s2));
    ck_assert_int_eq(pr_object_richcompare_bool(a, b, PR_LT), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "'<' not supported between instances of 'range' and 'range'");
    PrObject *evens = range_call(3, 0, 10, 2);
    ck_assert_int_eq(pr_object_hash(evens), -6143170332311272345LL); /* hash((5, 0, 2)) */
    PrObject *objs[] = {r, e1, e2, a, b, s1, s2, evens};
    for (size_t k = 0; k < sizeof objs / sizeof objs[0]; k++) {
        PR_DECREF(objs[k]);
    }
}
END_TEST

START_TEST(test_iteration)
{
    PrObject *r = range_call(3, 0, 20, 3);
    PrObject *it = pr_object_get_iter(r);
    ck_assert_ptr_eq(it->type, PR_TYPE(range_iterator));
    ASSERT_REPR_STEAL(pr_list_from_iterable(it), "[0, 3, 6, 9, 12, 15, 18]");
    ck_assert_ptr_null(pr_iter_next(it));
    ck_assert(!pr_err_occurred());
    PR_DECREF(it);
    it = meth(r, "__reversed__", NULL);
    ASSERT_REPR_STEAL(pr_list_from_iterable(it), "[18, 15, 12, 9, 6, 3, 0]");
    PR_DECREF(it);
    PR_DECREF(r);
    r = range_call(3, 5, 5, 1);
    it = meth(r, "__reversed__", NULL);
    ASSERT_REPR_STEAL(pr_list_from_iterable(it), "[]");
    PR_DECREF(it);
    PR_DECREF(r);
    /* across 2**63: the iterator over int objects */
    PrObject *lo = big("9223372036854775806"), *hi = big("9223372036854775810"), *one = num(1);
    r = pr_range_new(lo, hi, one);
    it = pr_object_get_iter(r);
    ck_assert_ptr_eq(it->type, PR_TYPE(longrange_iterator));
    ASSERT_REPR_STEAL(pr_list_from_iterable(it), "[9223372036854775806, 9223372036854775807, "
                                                 "9223372036854775808, 9223372036854775809]");
    PR_DECREF(it);
    it = meth(r, "__reversed__", NULL);
    ASSERT_REPR_STEAL(pr_list_from_iterable(it), "[9223372036854775809, 9223372036854775808, "
                                                 "9223372036854775807, 9223372036854775806]");
    PR_DECREF(it);
    PR_DECREF(r);
    PR_DECREF(lo);
    PR_DECREF(hi);
    PR_DECREF(one);
    /* extremes of int64 on the fast path */
    r = pr_range_from_int64(INT64_MIN, INT64_MIN + 4, 2);
    ASSERT_REPR_STEAL(pr_list_from_iterable(r), "[-9223372036854775808, -9223372036854775806]");
    PR_DECREF(r);
    /* list(range(n)) is presized from len(): n rounded up to even */
    static const int ns[] = {1, 2, 5, 10, 100}, sizes[] = {72, 72, 104, 136, 856};
    for (int k = 0; k < 5; k++) {
        r = range_call(1, ns[k], 0, 0);
        PrObject *l = pr_list_from_iterable(r);
        ck_assert_int_eq(pr_object_sizeof(l), sizes[k]);
        PR_DECREF(l);
        PR_DECREF(r);
    }
}
END_TEST

/* Big ranges, slices and iteration with each allocation refused in turn: MemoryError, no leak. */
START_TEST(test_out_of_memory)
{
    PrObject *warm = pr_list_new(0);
    ASSERT_REPR(warm, "[]");
    pr_list_append(warm, PR_None);
    ASSERT_REPR(warm, "[None]"); /* the repr guard's stack is made once and kept */
    PR_DECREF(warm);
    int done = 0;
    for (long k = 0; k < 400 && !done; k++) {
        objtest_clear_free_lists();
        size_t before = objtest_blocks();
        pr_raw_fail_after(k);
        PrObject *lo = pr_long_from_string("9223372036854775806", 19, 10), *hi = NULL;
        PrObject *step = NULL, *r = NULL, *s = NULL, *sub = NULL, *l = NULL, *rep = NULL;
        int ok = lo && (hi = pr_long_from_string("9223372036854775830", 19, 10)) &&
                 (step = pr_long_from_int64(3)) && (r = pr_range_new(lo, hi, step)) &&
                 (s = pr_slice_new(NULL, NULL, step)) &&
                 (sub = PR_TYPE(range)->mapping.mp_subscript(r, s)) &&
                 (l = pr_list_from_iterable(sub)) && (rep = pr_object_repr(l));
        pr_raw_fail_after(-1);
        if (ok) {
            done = 1;
            ck_assert_int_eq(pr_list_size(l), 3);
        } else {
            ck_assert_ptr_eq(pr_err_occurred_borrow(), pr_interp.memory_error);
            pr_err_clear();
        }
        PrObject *objs[] = {lo, hi, step, r, s, sub, l, rep};
        for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
            PR_XDECREF(objs[i]);
        }
        objtest_clear_free_lists();
        ck_assert_msg(objtest_blocks() == before, "k=%ld", k);
    }
    ck_assert(done);
}
END_TEST

Suite *pr_test_range_suite(void)
{
    Suite *s = suite_create("range");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_construct_len_repr);
    tcase_add_test(tc, test_items_and_slices);
    tcase_add_test(tc, test_search_equality_hash);
    tcase_add_test(tc, test_iteration);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, objtest_setup_malloc, objtest_teardown);
    tcase_add_test(oom, test_out_of_memory);
    suite_add_tcase(s, oom);
    return s;
}
