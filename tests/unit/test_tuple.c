/* tests/unit/test_tuple.c — the tuple core (objects/tuple.h): item references, the shared (),
 * free list reuse and its bounds, repr, CPython's tuplehash, comparison, concatenation, the
 * collector's untrack hook, sizes and exhaustion. */
#include "objects/dict.h"
#include "objects/number.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "tests/unit/objtest.h"

START_TEST(test_items_and_refcounts)
{
    PrObject *a = objtest_str("a"), *b = objtest_str("bb");
    ssize_t ra = a->refcnt, rb = b->refcnt;
    PrObject *t = pr_tuple_pack(3, a, b, a);
    ck_assert_int_eq(a->refcnt, ra + 2);
    ck_assert_int_eq(b->refcnt, rb + 1);
    ck_assert_int_eq(pr_tuple_size(t), 3);
    ck_assert_ptr_eq(pr_tuple_get_borrow(t, 1), b);
    ck_assert_int_eq(b->refcnt, rb + 1); /* borrowed */
    ck_assert_ptr_null(pr_tuple_get_borrow(t, 3));
    ASSERT_RAISED(PR_EXC(IndexError), "tuple index out of range");
    ck_assert_ptr_null(pr_tuple_get_borrow(a, 0));
    ASSERT_RAISED(PR_EXC(SystemError), "pr_tuple_get_borrow: bad argument to internal function");
    PrObject *items[2] = {b, b};
    PrObject *u = pr_tuple_from_array(items, 2);
    ck_assert_int_eq(b->refcnt, rb + 3);
    ck_assert_int_eq(pr_tuple_set_steal(u, 0, PR_NEWREF(a)), 0); /* replaces b */
    ck_assert_int_eq(b->refcnt, rb + 2);
    ck_assert_int_eq(pr_tuple_set_steal(u, 5, PR_NEWREF(a)), -1); /* stolen even so */
    ASSERT_RAISED(PR_EXC(IndexError), "tuple assignment index out of range");
    PR_INCREF(u);
    ck_assert_int_eq(pr_tuple_set_steal(u, 0, PR_NEWREF(a)), -1); /* shared: refused */
    ASSERT_RAISED(PR_EXC(SystemError), "pr_tuple_set_steal: bad argument to internal function");
    PR_DECREF(u);
    ck_assert_int_eq(a->refcnt, ra + 3);
    PR_DECREF(u);
    PR_DECREF(t);
    ck_assert_int_eq(a->refcnt, ra);
    ck_assert_int_eq(b->refcnt, rb);
    PrObject *contains_b = pr_tuple_pack(2, a, b);
    ck_assert_int_eq(PR_TYPE(tuple)->sequence.sq_contains(contains_b, b), 1);
    ck_assert_int_eq(PR_TYPE(tuple)->sequence.sq_contains(contains_b, PR_None), 0);
    ASSERT_TEXT(PR_TYPE(tuple)->sequence.sq_item(contains_b, 1), "bb");
    PR_DECREF(contains_b);
    PR_DECREF(a);
    PR_DECREF(b);
    ck_assert_ptr_null(pr_tuple_new(-1));
    ASSERT_RAISED(PR_EXC(SystemError), "pr_tuple_new: bad argument to internal function");
}
END_TEST

START_TEST(test_empty_and_tracking)
{
    PrObject *e1 = pr_tuple_new(0), *e2 = pr_tuple_from_array(NULL, 0);
    ck_assert_ptr_eq(e1, e2);
    ck_assert_ptr_eq(e1, pr_interp.tuple.empty);
    ck_assert(!pr_gc_is_tracked(e1)); /* () is never tracked */
    PR_DECREF(e1);
    PR_DECREF(e2);
    PrObject *s = objtest_str("s");
    PrObject *atoms = pr_tuple_pack(2, s, PR_None);
    ck_assert(pr_gc_is_tracked(atoms)); /* tracked when created */
    pr_tuple_maybe_untrack(atoms);
    ck_assert(!pr_gc_is_tracked(atoms)); /* only atomic items: untracked by a pass */
    PrObject *inner = pr_tuple_pack(1, s), *outer = pr_tuple_pack(1, inner);
    pr_tuple_maybe_untrack(outer);
    ck_assert(pr_gc_is_tracked(outer)); /* holds a tracked tuple */
    pr_tuple_maybe_untrack(inner);
    pr_tuple_maybe_untrack(outer);
    ck_assert(!pr_gc_is_tracked(outer)); /* ... which is untracked now */
    PrObject *d = pr_dict_new(), *with_dict = pr_tuple_pack(1, d);
    pr_tuple_maybe_untrack(with_dict);
    ck_assert(pr_gc_is_tracked(with_dict)); /* a dict may become tracked later */
    PrObject *partial = pr_tuple_new(2);
    pr_tuple_maybe_untrack(partial);
    ck_assert(pr_gc_is_tracked(partial)); /* still being built */
    PrObject *objs[] = {s, atoms, inner, outer, d, with_dict, partial};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_free_lists)
{
    pr_tuple_clear_free_lists();
    pr_dict_clear_free_lists();
    size_t blocks = objtest_blocks();
    PrObject *t = pr_tuple_pack(2, PR_None, PR_None);
    ck_assert_uint_eq(objtest_blocks(), blocks + 1);
    PrObject *where = t;
    PR_DECREF(t);
    ck_assert_int_eq(pr_interp.tuple.free[1].count, 1);
    ck_assert_uint_eq(objtest_blocks(), blocks + 1); /* kept for reuse */
    t = pr_tuple_new(2);
    ck_assert_ptr_eq(t, where); /* the same block again */
    ck_assert_int_eq(t->refcnt, 1);
    ck_assert_ptr_null(PR_TUPLE_ITEMS(t)[0]);
    ck_assert(pr_gc_is_tracked(t));
    ck_assert_int_eq(pr_interp.tuple.free[1].count, 0);
    PR_DECREF(t);
    /* each size has its own list, up to 2000 tuples; sizes above 20 are not kept */
    enum { N = PR_TUPLE_MAXFREELIST + 5 };
    static PrObject *many[N];
    for (int i = 0; i < N; i++) {
        many[i] = pr_tuple_new(20);
    }
    PrObject *big = pr_tuple_new(21);
    PR_DECREF(big);
    for (int i = 0; i < N; i++) {
        PR_DECREF(many[i]);
    }
    ck_assert_int_eq(pr_interp.tuple.free[19].count, PR_TUPLE_MAXFREELIST);
    ck_assert_int_eq(pr_tuple_clear_free_lists(), PR_TUPLE_MAXFREELIST + 1);
    ck_assert_int_eq(pr_interp.tuple.free[19].count, 0);
    ck_assert_uint_eq(objtest_blocks(), blocks);
}
END_TEST

START_TEST(test_repr_hash_compare)
{
    PrObject *a = objtest_str("a"), *b = objtest_str("b");
    PrObject *t0 = pr_tuple_new(0), *t1 = pr_tuple_pack(1, a), *t2 = pr_tuple_pack(2, a, b);
    PrObject *nested = pr_tuple_pack(2, t1, t0);
    ASSERT_REPR(t0, "()");
    ASSERT_REPR(t1, "('a',)");
    ASSERT_REPR(t2, "('a', 'b')");
    ASSERT_REPR(nested, "(('a',), ())");
    /* CPython 3.11's values: hash(()), hash((True, False)), hash((True,)), hash(((),)) */
    ck_assert_int_eq(pr_object_hash(t0), 5740354900026072187LL);
    PrObject *tf = pr_tuple_pack(2, PR_True, PR_False), *t = pr_tuple_pack(1, PR_True);
    PrObject *te = pr_tuple_pack(1, t0);
    ck_assert_int_eq(pr_object_hash(tf), -5164621852614943976LL);
    ck_assert_int_eq(pr_object_hash(t), -6644214454873602895LL);
    ck_assert_int_eq(pr_object_hash(te), -5486347211504344842LL);
    PrObject *d = pr_dict_new(), *unhashable = pr_tuple_pack(2, a, d);
    ck_assert_int_eq(pr_object_hash(unhashable), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "unhashable type: 'dict'");
    /* comparison: first differing item, else lengths */
    PrObject *t2b = pr_tuple_pack(2, a, b), *tba = pr_tuple_pack(2, b, a);
    ck_assert_int_eq(pr_object_richcompare_bool(t2, t2b, PR_EQ), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(t2, tba, PR_LT), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(t1, t2, PR_LT), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(t2, t1, PR_GE), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(t2, tba, PR_NE), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(t0, t0, PR_LE), 1);
    PrObject *tn = pr_tuple_pack(1, PR_None);
    ck_assert_int_eq(pr_object_richcompare_bool(t1, tn, PR_LT), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "'<' not supported between instances of 'str' and 'NoneType'");
    ck_assert_int_eq(pr_object_richcompare_bool(t1, tn, PR_EQ), 0);
    ck_assert_int_eq(pr_object_richcompare_bool(t1, a, PR_LT), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "'<' not supported between instances of 'tuple' and 'str'");
    /* concatenation */
    PrObject *cat = pr_tuple_concat(t1, tba);
    ASSERT_REPR(cat, "('a', 'b', 'a')");
    PrObject *same = pr_tuple_concat(t1, t0);
    ck_assert_ptr_eq(same, t1);
    PrObject *same2 = pr_number_add(t0, t1);
    ck_assert_ptr_eq(same2, t1);
    ck_assert_ptr_null(pr_tuple_concat(t1, a));
    ASSERT_RAISED(PR_EXC(TypeError), "can only concatenate tuple (not \"str\") to tuple");
    ck_assert_int_eq(pr_object_sizeof(cat), 40 + 3 * 8);
    PrObject *objs[] = {a, b,          t0,  t1,  t2, nested, tf,   t,    te,
                        d, unhashable, t2b, tba, tn, cat,    same, same2};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

/* Making and combining tuples with each allocation refused in turn: MemoryError, no leak. */
START_TEST(test_out_of_memory)
{
    PrObject *a = objtest_str("a"), *warm = pr_tuple_pack(1, a);
    ASSERT_REPR(warm, "('a',)"); /* the repr guard's stack is made once and kept */
    PR_DECREF(warm);
    int done = 0;
    for (long k = 0; k < 40 && !done; k++) {
        pr_tuple_clear_free_lists();
        pr_dict_clear_free_lists();
        size_t before = objtest_blocks();
        pr_raw_fail_after(k);
        PrObject *t = pr_tuple_pack(3, a, a, a), *u = t ? pr_tuple_concat(t, t) : NULL;
        PrObject *r = u ? pr_object_repr(u) : NULL;
        pr_raw_fail_after(-1);
        if (r) {
            done = 1;
        } else {
            ck_assert_ptr_eq(pr_err_occurred_borrow(), pr_interp.memory_error);
            pr_err_clear();
        }
        PR_XDECREF(t);
        PR_XDECREF(u);
        PR_XDECREF(r);
        pr_tuple_clear_free_lists();
        pr_dict_clear_free_lists();
        ck_assert_uint_eq(objtest_blocks(), before);
    }
    ck_assert(done);
    PR_DECREF(a);
}
END_TEST

Suite *pr_test_tuple_suite(void)
{
    Suite *s = suite_create("tuple");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_items_and_refcounts);
    tcase_add_test(tc, test_empty_and_tracking);
    tcase_add_test(tc, test_free_lists);
    tcase_add_test(tc, test_repr_hash_compare);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, objtest_setup_malloc, objtest_teardown);
    tcase_add_test(oom, test_out_of_memory);
    suite_add_tcase(s, oom);
    return s;
}
