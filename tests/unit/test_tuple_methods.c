/* tests/unit/test_tuple_methods.c — the tuple type beyond its core (objects/tuple_methods.c):
 * tuple(iterable), the iterator, indexing and slicing, repetition, index/count and their
 * CPython 3.11 errors. */
#include "objects/iterate.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/number.h"
#include "objects/range.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/tuple.h"
#include "tests/unit/objtest.h"

static PrObject *num(int64_t v)
{
    PrObject *o = pr_long_from_int64(v);
    ck_assert_ptr_nonnull(o);
    return o;
}

static PrObject *sub(PrObject *t, PrObject *key)
{
    PrObject *r = PR_TYPE(tuple)->mapping.mp_subscript(t, key);
    PR_DECREF(key);
    return r;
}

START_TEST(test_tuple_methods)
{
    PrObject *r = pr_range_from_int64(0, 6, 1), *args[3] = {r, NULL, NULL};
    PrObject *t = pr_object_call((PrObject *)PR_TYPE(tuple), args, 1, NULL);
    ASSERT_REPR(t, "(0, 1, 2, 3, 4, 5)");
    PrObject *same = pr_tuple_from_iterable(t);
    ck_assert_ptr_eq(same, t);
    PR_DECREF(same);
    PrObject *empty = pr_object_call((PrObject *)PR_TYPE(tuple), NULL, 0, NULL);
    ck_assert_ptr_eq(empty, pr_interp.tuple.empty);
    PR_DECREF(empty);
    PrObject *two[] = {t, t};
    ck_assert_ptr_null(pr_object_call((PrObject *)PR_TYPE(tuple), two, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "tuple expected at most 1 argument, got 2");
    ck_assert_ptr_null(pr_tuple_from_iterable(PR_None));
    ASSERT_RAISED(PR_EXC(TypeError), "'NoneType' object is not iterable");
    /* items and slices: python3 t[-1], t[::-2], t[1:4], t[:] is t */
    ASSERT_REPR_STEAL(sub(t, num(-1)), "5");
    ck_assert_ptr_null(sub(t, num(6)));
    ASSERT_RAISED(PR_EXC(IndexError), "tuple index out of range");
    ASSERT_REPR_STEAL(sub(t, pr_slice_new(NULL, NULL, args[1] = num(-2))), "(5, 3, 1)");
    PR_DECREF(args[1]);
    PrObject *one = num(1), *four = num(4);
    ASSERT_REPR_STEAL(sub(t, pr_slice_new(one, four, NULL)), "(1, 2, 3)");
    PrObject *all = sub(t, pr_slice_new(NULL, NULL, NULL));
    ck_assert_ptr_eq(all, t);
    PR_DECREF(all);
    ck_assert_ptr_null(sub(t, PR_NEWREF(PR_None)));
    ASSERT_RAISED(PR_EXC(TypeError), "tuple indices must be integers or slices, not NoneType");
    /* repetition */
    PrObject *small = pr_tuple_pack(2, one, four), *n2 = num(2), *n0 = num(0);
    ASSERT_REPR_STEAL(pr_number_mul(small, n2), "(1, 4, 1, 4)");
    ASSERT_REPR_STEAL(pr_number_mul(n2, small), "(1, 4, 1, 4)");
    PrObject *z = pr_number_mul(small, n0);
    ck_assert_ptr_eq(z, pr_interp.tuple.empty);
    PR_DECREF(z);
    z = pr_number_mul(small, one);
    ck_assert_ptr_eq(z, small);
    PR_DECREF(z);
    ck_assert_int_eq(pr_object_sizeof(small), 56);
    /* index/count */
    PrObject *m = pr_object_getattr_cstr(t, "index");
    PrObject *iargs[] = {four, one, n2};
    ASSERT_REPR_STEAL(pr_object_call(m, iargs, 2, NULL), "4");
    ck_assert_ptr_null(pr_object_call(m, iargs, 3, NULL));
    ASSERT_RAISED(PR_EXC(ValueError), "tuple.index(x): x not in tuple");
    ck_assert_ptr_null(pr_object_call(m, iargs, 0, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "index expected at least 1 argument, got 0");
    PR_DECREF(m);
    m = pr_object_getattr_cstr(t, "count");
    ASSERT_REPR_STEAL(pr_object_call(m, &one, 1, NULL), "1");
    PrObject *none = PR_None;
    ASSERT_REPR_STEAL(pr_object_call(m, &none, 1, NULL), "0");
    PR_DECREF(m);
    /* the iterator */
    PrObject *it = pr_object_get_iter(t);
    ck_assert_ptr_eq(it->type, PR_TYPE(tuple_iterator));
    ck_assert(pr_gc_is_tracked(it));
    ASSERT_REPR_STEAL(pr_list_from_iterable(it), "[0, 1, 2, 3, 4, 5]");
    ck_assert_ptr_null(pr_iter_next(it));
    ck_assert(!pr_err_occurred());
    PR_DECREF(it);
    PrObject *objs[] = {r, t, one, four, small, n2, n0};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

Suite *pr_test_tuple_methods_suite(void)
{
    Suite *s = suite_create("tuple_methods");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_tuple_methods);
    suite_add_tcase(s, tc);
    return s;
}
