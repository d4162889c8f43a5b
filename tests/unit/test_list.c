/* tests/unit/test_list.c — list (objects/list.h): references, CPython 3.11's capacity after
 * each of 200 appends and the exact/presized cases, insert/pop/remove/index/count with their
 * errors, slices, sort (stable, keys, reverse, failures, modification), repr with recursion,
 * comparison, operators, methods through the type's table, iterators, the free list, tracking
 * and exhaustion. Expected values come from python3.11. */
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/set.h"
#include "objects/iterate.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/range.h"
#include "objects/number.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/tuple.h"
#include "tests/unit/objtest.h"

#include <limits.h>

/* sys.getsizeof(l) after 0..200 appends to [] (python3.11). */
static const short append_sizes[201] = {
    56,   88,   88,   88,   88,   120,  120,  120,  120,  184,  184,  184,  184,  184,  184,  184,
    184,  248,  248,  248,  248,  248,  248,  248,  248,  312,  312,  312,  312,  312,  312,  312,
    312,  376,  376,  376,  376,  376,  376,  376,  376,  472,  472,  472,  472,  472,  472,  472,
    472,  472,  472,  472,  472,  568,  568,  568,  568,  568,  568,  568,  568,  568,  568,  568,
    568,  664,  664,  664,  664,  664,  664,  664,  664,  664,  664,  664,  664,  792,  792,  792,
    792,  792,  792,  792,  792,  792,  792,  792,  792,  792,  792,  792,  792,  920,  920,  920,
    920,  920,  920,  920,  920,  920,  920,  920,  920,  920,  920,  920,  920,  1080, 1080, 1080,
    1080, 1080, 1080, 1080, 1080, 1080, 1080, 1080, 1080, 1080, 1080, 1080, 1080, 1080, 1080, 1080,
    1080, 1240, 1240, 1240, 1240, 1240, 1240, 1240, 1240, 1240, 1240, 1240, 1240, 1240, 1240, 1240,
    1240, 1240, 1240, 1240, 1240, 1432, 1432, 1432, 1432, 1432, 1432, 1432, 1432, 1432, 1432, 1432,
    1432, 1432, 1432, 1432, 1432, 1432, 1432, 1432, 1432, 1432, 1432, 1432, 1432, 1656, 1656, 1656,
    1656, 1656, 1656, 1656, 1656, 1656, 1656, 1656, 1656, 1656, 1656, 1656, 1656, 1656, 1656, 1656,
    1656, 1656, 1656, 1656, 1656, 1656, 1656, 1656, 1656,
};

static PrObject *new_list(void)
{
    PrObject *l = pr_list_new(0);
    ck_assert_ptr_nonnull(l);
    return l;
}

/* A list of one-character strings: "abc" -> ['a', 'b', 'c']. */
static PrObject *chars(const char *s)
{
    PrObject *l = new_list();
    for (; *s; s++) {
        PrObject *c = pr_str_from_utf8(s, 1);
        ck_assert_int_eq(pr_list_append(l, c), 0);
        PR_DECREF(c);
    }
    return l;
}

/* The items of a list of str, concatenated. */
static void assert_joined(PrObject *l, const char *expected)
{
    char buf[256] = "";
    for (ssize_t i = 0; i < pr_list_size(l); i++) {
        strcat(buf, pr_str_utf8(PR_LIST_ITEMS(l)[i]));
    }
    ck_assert_str_eq(buf, expected);
}

START_TEST(test_growth_matches_cpython)
{
    PrObject *l = new_list();
    ck_assert_int_eq(pr_object_sizeof(l), 56);
    for (int i = 1; i <= 200; i++) {
        ck_assert_int_eq(pr_list_append(l, PR_None), 0);
        ck_assert_msg(pr_object_sizeof(l) == append_sizes[i], "after %d appends: %zd, not %d", i,
                      pr_object_sizeof(l), append_sizes[i]);
    }
    /* shrinking by pops keeps the block until fewer than half the slots are used */
    for (int i = 0; i < 100; i++) {
        PR_DECREF(pr_list_pop(l, -1));
    }
    ck_assert_int_eq(pr_object_sizeof(l), 56 + 8 * 200);
    PR_DECREF(pr_list_pop(l, -1)); /* 99 < 200/2: list_resize(99) -> 99+12+6 & ~3 = 116 */
    ck_assert_int_eq(pr_object_sizeof(l), 56 + 8 * 116);
    PR_DECREF(l);
    /* [None] * n is exact; l = []; l.extend(t) presizes to len(t) rounded up to even */
    PrObject *one = pr_list_from_array((PrObject *[]){PR_None}, 1);
    static const int ns[] = {1, 2, 5, 10, 100}, presized[] = {72, 72, 104, 136, 856};
    for (size_t i = 0; i < 5; i++) {
        PrObject *rep = PR_TYPE(list)->sequence.sq_repeat(one, ns[i]);
        ck_assert_int_eq(pr_object_sizeof(rep), 56 + 8 * ns[i]);
        PrObject *t = pr_list_as_tuple(rep), *e = new_list();
        ck_assert_int_eq(pr_list_extend(e, t), 0);
        ck_assert_int_eq(pr_object_sizeof(e), presized[i]);
        PrObject *copy = pr_list_from_iterable(rep); /* list(list): the same presizing */
        ck_assert_int_eq(pr_object_sizeof(copy), presized[i]);
        PR_DECREF(copy);
        PR_DECREF(e);
        PR_DECREF(t);
        PR_DECREF(rep);
    }
    /* [1,2,3] + [4] -> 88, [1,2]*3 -> 104, x[1:3] -> 72, l.insert into a full 4-list -> 120 */
    PrObject *abc = chars("abc"), *d = chars("d"), *cat = PR_TYPE(list)->sequence.sq_concat(abc, d);
    ck_assert_int_eq(pr_object_sizeof(cat), 88);
    PrObject *sl = pr_list_get_slice(cat, 1, 3);
    ck_assert_int_eq(pr_object_sizeof(sl), 72);
    ck_assert_int_eq(pr_list_insert(cat, 0, PR_None), 0);
    ck_assert_int_eq(pr_object_sizeof(cat), 56 + 8 * 8);
    PR_DECREF(abc);
    PR_DECREF(d);
    PR_DECREF(cat);
    PR_DECREF(sl);
    PR_DECREF(one);
}
END_TEST

START_TEST(test_items_and_errors)
{
    PrObject *l = chars("abcde"), *x = objtest_str("x");
    ssize_t rx = x->refcnt;
    ck_assert_int_eq(pr_list_insert(l, -2, x), 0);   /* abcxde */
    ck_assert_int_eq(pr_list_insert(l, 100, x), 0);  /* abcxdex */
    ck_assert_int_eq(pr_list_insert(l, -100, x), 0); /* xabcxdex */
    assert_joined(l, "xabcxdex");
    ck_assert_int_eq(x->refcnt, rx + 3);
    ck_assert_int_eq(pr_list_count(l, x), 3);
    ck_assert_int_eq(pr_list_index(l, x, 1, SSIZE_MAX), 4);
    ck_assert_int_eq(pr_list_index(l, x, -3, SSIZE_MAX), 7);
    ck_assert_int_eq(pr_list_index(l, x, 1, 4), -1);
    ASSERT_RAISED(PR_EXC(ValueError), "'x' is not in list");
    PrObject *p = pr_list_pop(l, 0); /* the reference moves to us */
    ck_assert_ptr_eq(p, x);
    ck_assert_int_eq(x->refcnt, rx + 3);
    PR_DECREF(p);
    ck_assert_int_eq(pr_list_remove(l, x), 0);
    assert_joined(l, "abcdex");
    ck_assert_int_eq(x->refcnt, rx + 1);
    ck_assert_ptr_null(pr_list_pop(l, 6));
    ASSERT_RAISED(PR_EXC(IndexError), "pop index out of range");
    PrObject *y = objtest_str("y");
    ck_assert_int_eq(pr_list_remove(l, y), -1);
    ASSERT_RAISED(PR_EXC(ValueError), "list.remove(x): x not in list");
    ck_assert_ptr_null(pr_list_get_borrow(l, 6));
    ASSERT_RAISED(PR_EXC(IndexError), "list index out of range");
    ck_assert_ptr_null(pr_list_get_borrow(l, -1));
    ASSERT_RAISED(PR_EXC(IndexError), "list index out of range");
    ck_assert_int_eq(pr_list_set_steal(l, 6, PR_NEWREF(y)), -1);
    ASSERT_RAISED(PR_EXC(IndexError), "list assignment index out of range");
    ck_assert_int_eq(pr_list_set_steal(l, 5, PR_NEWREF(y)), 0);
    ck_assert_int_eq(x->refcnt, rx);
    ck_assert_int_eq(PR_TYPE(list)->sequence.sq_contains(l, y), 1);
    ck_assert_int_eq(PR_TYPE(list)->sequence.sq_contains(l, x), 0);
    ck_assert_int_eq(PR_TYPE(list)->sequence.sq_ass_item(l, 5, NULL), 0);
    assert_joined(l, "abcde");
    pr_list_reverse(l);
    assert_joined(l, "edcba");
    while (pr_list_size(l)) {
        PR_DECREF(pr_list_pop(l, -1));
    }
    ck_assert_ptr_null(pr_list_pop(l, -1));
    ASSERT_RAISED(PR_EXC(IndexError), "pop from empty list");
    ck_assert_int_eq(pr_object_sizeof(l), 56);
    ck_assert_ptr_null(pr_list_new(-1));
    ASSERT_RAISED(PR_EXC(SystemError), "pr_list_new: bad argument to internal function");
    ck_assert_int_eq(pr_list_extend(l, PR_None), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "'NoneType' object is not iterable");
    PR_DECREF(l);
    PR_DECREF(x);
    PR_DECREF(y);
}
END_TEST

START_TEST(test_slices)
{
    PrObject *l = chars("abcdef");
    PrObject *s = pr_list_get_slice(l, -5, 100); /* clamped to [0, 6] */
    assert_joined(s, "abcdef");
    PR_DECREF(s);
    s = pr_list_get_slice(l, 4, 2);
    ck_assert_int_eq(pr_list_size(s), 0);
    PR_DECREF(s);
    PrObject *xy = chars("XY");
    ck_assert_int_eq(pr_list_set_slice(l, 1, 4, xy), 0); /* shrink */
    assert_joined(l, "aXYef");
    ck_assert_int_eq(pr_list_set_slice(l, 0, 0, l), 0); /* l[:0] = l */
    assert_joined(l, "aXYefaXYef");
    ck_assert_int_eq(pr_list_set_slice(l, 2, 8, NULL), 0);
    assert_joined(l, "aXef");
    ck_assert_int_eq(pr_list_set_slice(l, 4, 4, PR_None), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "can only assign an iterable");
    ck_assert_int_eq(pr_list_set_slice(l, 0, 100, NULL), 0);
    ck_assert_int_eq(pr_object_sizeof(l), 56); /* emptied: the block is gone */
    /* slice objects and the clamping rules */
    ssize_t start = -SSIZE_MAX - 1, stop = SSIZE_MAX, n;
    n = pr_slice_adjust_indices(10, &start, &stop, 1);
    ck_assert(n == 10 && start == 0 && stop == 10);
    start = SSIZE_MAX;
    stop = -SSIZE_MAX - 1;
    n = pr_slice_adjust_indices(10, &start, &stop, -1);
    ck_assert(n == 10 && start == 9 && stop == -1);
    start = -3;
    stop = -100;
    n = pr_slice_adjust_indices(10, &start, &stop, -2);
    ck_assert(n == 4 && start == 7 && stop == -1);
    start = 1;
    stop = 8;
    n = pr_slice_adjust_indices(10, &start, &stop, 3); /* 1 4 7 */
    ck_assert_int_eq(n, 3);
    PrObject *sl = pr_slice_new(NULL, PR_True, NULL);
    ASSERT_REPR(sl, "slice(None, True, None)");
    ck_assert_int_eq(pr_slice_unpack(sl, &start, &stop, &n), 0);
    ck_assert(start == 0 && stop == 1 && n == 1);
    PrObject *got = PR_TYPE(list)->mapping.mp_subscript(xy, sl);
    assert_joined(got, "X");
    PR_DECREF(got);
    PrObject *zero_step = pr_slice_new(NULL, NULL, PR_False);
    ck_assert_ptr_null(PR_TYPE(list)->mapping.mp_subscript(xy, zero_step));
    ASSERT_RAISED(PR_EXC(ValueError), "slice step cannot be zero");
    PrObject *bad = pr_slice_new(xy, NULL, NULL);
    ck_assert_ptr_null(PR_TYPE(list)->mapping.mp_subscript(xy, bad));
    ASSERT_RAISED(PR_EXC(TypeError),
                  "slice indices must be integers or None or have an __index__ method");
    ck_assert_ptr_null(PR_TYPE(list)->mapping.mp_subscript(xy, xy));
    ASSERT_RAISED(PR_EXC(TypeError), "list indices must be integers or slices, not list");
    got = PR_TYPE(list)->mapping.mp_subscript(xy, PR_True);
    ASSERT_TEXT(got, "Y");
    ck_assert_int_eq(pr_object_richcompare_bool(sl, sl, PR_EQ), 1);
    ck_assert_int_eq(pr_object_hash(sl), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "unhashable type: 'slice'");
    ck_assert(pr_gc_is_tracked(sl));
    ck_assert_int_eq(pr_object_sizeof(sl), 56);
    PR_DECREF(sl);
    PR_DECREF(zero_step);
    PR_DECREF(bad);
    PR_DECREF(xy);
    PR_DECREF(l);
}
END_TEST

/* key=first: the first item of a tuple. */
static PrObject *first(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    return PR_NEWREF(PR_TUPLE_ITEMS(args[0])[0]);
}
static const PrMethodDef first_def = {"first", first, PR_METH_O, NULL};

static PrObject *sort_victim;
/* A key that appends to the list being sorted. */
static PrObject *meddle(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (pr_list_append(sort_victim, PR_None) < 0) {
        return NULL;
    }
    return PR_NEWREF(args[0]);
}
static const PrMethodDef meddle_def = {"meddle", meddle, PR_METH_O, NULL};

/* [(k, tag), ...] from "k0 t0 k1 t1 ..." pairs of characters. */
static PrObject *pairs(const char *s)
{
    PrObject *l = new_list();
    for (; s[0] && s[1]; s += 2) {
        PrObject *k = pr_str_from_utf8(s, 1), *t = pr_str_from_utf8(s + 1, 1);
        PrObject *p = pr_tuple_pack(2, k, t);
        ck_assert_int_eq(pr_list_append(l, p), 0);
        PR_DECREF(k);
        PR_DECREF(t);
        PR_DECREF(p);
    }
    return l;
}

/* The tags of a list of pairs, concatenated. */
static void assert_tags(PrObject *l, const char *expected)
{
    char buf[1024] = "";
    for (ssize_t i = 0; i < pr_list_size(l); i++) {
        strcat(buf, pr_str_utf8(PR_TUPLE_ITEMS(PR_LIST_ITEMS(l)[i])[1]));
    }
    ck_assert_str_eq(buf, expected);
}

START_TEST(test_sort)
{
    PrObject *l = chars("the quick brown fox jumps over the lazy dog");
    ck_assert_int_eq(pr_list_sort(l, NULL, 0), 0);
    assert_joined(l, "        abcdeeefghhijklmnoooopqrrsttuuvwxyz");
    ck_assert_int_eq(pr_list_sort(l, PR_None, 1), 0);
    assert_joined(l, "zyxwvuuttsrrqpoooonmlkjihhgfeeedcba        ");
    PR_DECREF(l);
    /* stability: python3 -c "sorted(pairs, key=lambda p: p[0])" with ties in input order */
    PrObject *key = pr_cfunction_new(&first_def, NULL, NULL);
    PrObject *p = pairs("b1a2b3a4c5a6b7c8a9b0");
    ck_assert_int_eq(pr_list_sort(p, key, 0), 0);
    assert_tags(p, "2469137058");
    ck_assert_int_eq(pr_list_sort(p, key, 1), 0); /* reverse keeps ties in order too */
    assert_tags(p, "5813702469");
    PR_DECREF(p);
    /* a long run, to go through the merges: 300 pairs with 3 keys */
    char big[601];
    for (int i = 0; i < 300; i++) {
        big[2 * i] = (char)('a' + (i * 7) % 3);
        big[2 * i + 1] = (char)('0' + i % 10);
    }
    big[600] = 0;
    p = pairs(big);
    ck_assert_int_eq(pr_list_sort(p, key, 0), 0);
    for (ssize_t i = 1; i < 300; i++) { /* keys ascending; within a key, original order */
        PrObject *a = PR_TUPLE_ITEMS(PR_LIST_ITEMS(p)[i - 1])[0];
        PrObject *b = PR_TUPLE_ITEMS(PR_LIST_ITEMS(p)[i])[0];
        ck_assert_int_le(pr_str_compare(a, b), 0);
    }
    assert_tags(p, "0369258147036925814703692581470369258147036925814703692581470369258147"
                   "0369258147036925814703692581471470369258147036925814703692581470369258"
                   "1470369258147036925814703692581470369258147036925814703692582581470369"
                   "2581470369258147036925814703692581470369258147036925814703692581470369"
                   "25814703692581470369");
    PR_DECREF(p);
    /* a failing comparison: TypeError, and every item is still there */
    l = chars("cab");
    ck_assert_int_eq(pr_list_append(l, PR_None), 0);
    ck_assert_int_eq(pr_list_sort(l, NULL, 0), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "'<' not supported between instances of 'NoneType' and 'str'");
    ck_assert_int_eq(pr_list_size(l), 4);
    ck_assert_int_eq(pr_list_count(l, PR_None), 1);
    PR_DECREF(l);
    /* a key that changes the list */
    sort_victim = chars("ba");
    PrObject *bad = pr_cfunction_new(&meddle_def, NULL, NULL);
    ck_assert_int_eq(pr_list_sort(sort_victim, bad, 0), -1);
    ASSERT_RAISED(PR_EXC(ValueError), "list modified during sort");
    assert_joined(sort_victim, "ab");
    PR_DECREF(sort_victim);
    PR_DECREF(bad);
    PR_DECREF(key);
}
END_TEST

START_TEST(test_repr_compare_operators)
{
    PrObject *l = chars("ab"), *empty = new_list();
    ASSERT_REPR(empty, "[]");
    ASSERT_REPR(l, "['a', 'b']");
    ck_assert_int_eq(pr_list_append(l, l), 0);
    ASSERT_REPR(l, "['a', 'b', [...]]");
    PrObject *outer = pr_list_from_array(&l, 1);
    ASSERT_REPR(outer, "[['a', 'b', [...]]]");
    PR_DECREF(pr_list_pop(l, -1));
    PrObject *ab = chars("ab"), *abc = chars("abc"), *ac = chars("ac");
    ck_assert_int_eq(pr_object_richcompare_bool(l, ab, PR_EQ), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(l, abc, PR_LT), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(abc, ac, PR_LT), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(ac, abc, PR_GE), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(empty, ab, PR_LE), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(ab, abc, PR_NE), 1);
    PrObject *t = pr_list_as_tuple(ab);
    ck_assert_int_eq(pr_object_richcompare_bool(ab, t, PR_EQ), 0);
    ck_assert_int_eq(pr_object_richcompare_bool(ab, t, PR_LT), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "'<' not supported between instances of 'list' and 'tuple'");
    ck_assert_int_eq(pr_object_hash(ab), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "unhashable type: 'list'");
    /* + += * *= */
    PrObject *sum = pr_number_add(ab, abc);
    ASSERT_REPR(sum, "['a', 'b', 'a', 'b', 'c']");
    ck_assert_ptr_null(pr_number_add(ab, t));
    ASSERT_RAISED(PR_EXC(TypeError), "can only concatenate list (not \"tuple\") to list");
    PrObject *same = pr_number_inplace_add(ab, t);
    ck_assert_ptr_eq(same, ab);
    ASSERT_REPR(ab, "['a', 'b', 'a', 'b']");
    ck_assert_ptr_null(pr_number_inplace_add(ab, PR_None));
    ASSERT_RAISED(PR_EXC(TypeError), "'NoneType' object is not iterable");
    PrObject *twice = pr_number_mul(PR_True, ac), *none = pr_number_mul(ac, PR_False);
    ASSERT_REPR(twice, "['a', 'c']");
    ck_assert_ptr_ne(twice, ac);
    ASSERT_REPR(none, "[]");
    ck_assert_ptr_null(pr_number_mul(ac, t));
    ASSERT_RAISED(PR_EXC(TypeError), "can't multiply sequence by non-int of type 'tuple'");
    PrObject *same2 = pr_number_inplace_mul(ac, PR_False);
    ck_assert_ptr_eq(same2, ac);
    ASSERT_REPR(ac, "[]");
    PrObject *objs[] = {l, empty, outer, ab, abc, ac, t, sum, same, twice, none, same2};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

/* Calls o.name(*args, **kw) where kwnames names the last values. */
static PrObject *call_method(PrObject *o, const char *name, PrObject *const *args, size_t nargs,
                             PrObject *kwnames)
{
    PrObject *m = pr_object_getattr_cstr(o, name);
    ck_assert_ptr_nonnull(m);
    PrObject *r = pr_object_call(m, args, nargs, kwnames);
    PR_DECREF(m);
    return r;
}

START_TEST(test_methods_and_constructor)
{
    PrObject *l = chars("cab"), *x = objtest_str("x"), *r;
    r = call_method(l, "append", &x, 1, NULL);
    ck_assert_ptr_eq(r, PR_None);
    PR_DECREF(r);
    ck_assert_ptr_null(call_method(l, "append", NULL, 0, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "list.append() takes exactly one argument (0 given)");
    ck_assert_ptr_null(call_method(l, "insert", &x, 1, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "insert expected 2 arguments, got 1");
    PrObject *two[] = {x, x};
    ck_assert_ptr_null(call_method(l, "pop", two, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "pop expected at most 1 argument, got 2");
    ck_assert_ptr_null(call_method(l, "pop", &x, 1, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "'str' object cannot be interpreted as an integer");
    r = call_method(l, "pop", NULL, 0, NULL);
    ck_assert_ptr_eq(r, x);
    PR_DECREF(r);
    PrObject *insert_args[] = {PR_True, x};
    PR_DECREF(call_method(l, "insert", insert_args, 2, NULL));
    assert_joined(l, "cxab");
    PR_DECREF(call_method(l, "remove", &x, 1, NULL));
    PrObject *kw = pr_tuple_pack(1, objtest_str("reverse")); /* the str is now owned twice */
    PR_DECREF(PR_TUPLE_ITEMS(kw)[0]);
    PrObject *truth = PR_True;
    PR_DECREF(call_method(l, "sort", &truth, 0, kw));
    assert_joined(l, "cba");
    ck_assert_ptr_null(call_method(l, "sort", &truth, 1, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "sort() takes no positional arguments");
    PrObject *kwbad = pr_tuple_pack(1, x);
    ck_assert_ptr_null(call_method(l, "sort", &truth, 0, kwbad));
    ASSERT_RAISED(PR_EXC(TypeError), "'x' is an invalid keyword argument for sort()");
    PrObject *c = call_method(l, "copy", NULL, 0, NULL);
    PR_DECREF(call_method(l, "reverse", NULL, 0, NULL));
    assert_joined(c, "cba");
    assert_joined(l, "abc");
    PR_DECREF(call_method(l, "extend", &c, 1, NULL));
    assert_joined(l, "abccba");
    PR_DECREF(call_method(l, "clear", NULL, 0, NULL));
    ck_assert_int_eq(pr_list_size(l), 0);
    /* list(), list(iterable) */
    PrObject *made = pr_object_call((PrObject *)PR_TYPE(list), &c, 1, NULL);
    ck_assert_ptr_nonnull(made);
    assert_joined(made, "cba");
    ck_assert(pr_gc_is_tracked(made));
    ck_assert_ptr_null(pr_object_call((PrObject *)PR_TYPE(list), two, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "list expected at most 1 argument, got 2");
    PrObject *none = PR_None;
    ck_assert_ptr_null(pr_object_call((PrObject *)PR_TYPE(list), &none, 1, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "'NoneType' object is not iterable");
    /* iterators, forwards and reversed, and list(iterator) */
    PrObject *it = pr_object_get_iter(made), *item;
    ck_assert_ptr_eq(it->type, PR_TYPE(list_iterator));
    ck_assert(pr_gc_is_tracked(it));
    PrObject *back = pr_list_from_iterable(it); /* no length: grows as appends */
    assert_joined(back, "cba");
    ck_assert_ptr_null(pr_iter_next(it)); /* exhausted, and stays so */
    ck_assert(!pr_err_occurred());
    PR_DECREF(it);
    it = call_method(made, "__reversed__", NULL, 0, NULL);
    ck_assert_ptr_eq(it->type, PR_TYPE(list_reverseiterator));
    item = pr_iter_next(it);
    ASSERT_TEXT(item, "a");
    PR_DECREF(pr_list_pop(made, -1)); /* shrinking under the iterator ends it */
    PR_DECREF(pr_list_pop(made, -1));
    ck_assert_ptr_null(pr_iter_next(it));
    ck_assert(!pr_err_occurred());
    PR_DECREF(it);
    ck_assert_ptr_null(pr_object_get_iter(none));
    ASSERT_RAISED(PR_EXC(TypeError), "'NoneType' object is not iterable");
    ck_assert_int_eq(pr_object_length(made), 1);
    ck_assert_int_eq(pr_object_length(PR_None), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "object of type 'NoneType' has no len()");
    PrObject *objs[] = {l, x, kw, kwbad, c, made, back};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

/* l[s] and l[s] = v / del l[s] through the mapping slots, with slices of C ints. */
static PrObject *islice(int64_t start, int64_t stop, int64_t step, int which)
{
    PrObject *v[3] = {which & 1 ? pr_long_from_int64(start) : NULL,
                      which & 2 ? pr_long_from_int64(stop) : NULL,
                      which & 4 ? pr_long_from_int64(step) : NULL};
    PrObject *s = pr_slice_new(v[0], v[1], v[2]);
    for (int i = 0; i < 3; i++) {
        PR_XDECREF(v[i]);
    }
    return s;
}

static PrObject *get(PrObject *l, PrObject *key)
{
    PrObject *r = PR_TYPE(list)->mapping.mp_subscript(l, key);
    PR_DECREF(key);
    return r;
}

static int set(PrObject *l, PrObject *key, PrObject *value)
{
    int rc = PR_TYPE(list)->mapping.mp_ass_subscript(l, key, value);
    PR_DECREF(key);
    return rc;
}

START_TEST(test_int_indices_and_extended_slices)
{
    PrObject *ten = pr_range_from_int64(0, 10, 1), *l = pr_list_from_iterable(ten), *r;
    /* python3: l[-3:], l[::-3], l[8:2:-2], l[-1] */
    ASSERT_REPR_STEAL(get(l, islice(-3, 0, 0, 1)), "[7, 8, 9]");
    ASSERT_REPR_STEAL(get(l, islice(0, 0, -3, 4)), "[9, 6, 3, 0]");
    ASSERT_REPR_STEAL(get(l, islice(8, 2, -2, 7)), "[8, 6, 4]");
    ASSERT_REPR_STEAL(get(l, pr_long_from_int64(-1)), "9");
    ck_assert_ptr_null(get(l, pr_long_from_int64(10)));
    ASSERT_RAISED(PR_EXC(IndexError), "list index out of range");
    ck_assert_ptr_null(get(l, pr_long_from_string("100000000000000000000", 21, 10)));
    ASSERT_RAISED(PR_EXC(IndexError), "cannot fit 'int' into an index-sized integer");
    /* del l[::3]; l[1::2] = 'abc' as a list; l[::-2] = range(3); del l[::-1] */
    ck_assert_int_eq(set(l, islice(0, 0, 3, 4), NULL), 0);
    ASSERT_REPR(l, "[1, 2, 4, 5, 7, 8]");
    PrObject *abc = chars("abc");
    ck_assert_int_eq(set(l, islice(1, 0, 2, 5), abc), 0);
    ASSERT_REPR(l, "[1, 'a', 4, 'b', 7, 'c']");
    PrObject *three = pr_range_from_int64(0, 3, 1);
    ck_assert_int_eq(set(l, islice(0, 0, -2, 4), three), 0);
    ASSERT_REPR(l, "[1, 2, 4, 1, 7, 0]");
    ck_assert_int_eq(set(l, islice(0, 0, 2, 4), abc), 0);
    ASSERT_REPR(l, "['a', 2, 'b', 1, 'c', 0]");
    ck_assert_int_eq(set(l, islice(0, 0, 3, 4), abc), -1);
    ASSERT_RAISED(PR_EXC(ValueError),
                  "attempt to assign sequence of size 3 to extended slice of size 2");
    ck_assert_int_eq(set(l, islice(0, 0, 3, 4), PR_None), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "must assign iterable to extended slice");
    ck_assert_int_eq(set(l, islice(0, 0, -1, 4), l), 0); /* l[::-1] = l reverses */
    ASSERT_REPR(l, "[0, 'c', 1, 'b', 2, 'a']");
    ck_assert_int_eq(set(l, islice(0, 0, -1, 4), NULL), 0);
    ASSERT_REPR(l, "[]");
    ck_assert_int_eq(pr_object_sizeof(l), 56);
    ck_assert_int_eq(set(l, pr_long_from_int64(0), NULL), -1);
    ASSERT_RAISED(PR_EXC(IndexError), "list assignment index out of range");
    /* index and count through the methods */
    ck_assert_int_eq(pr_list_extend(l, ten), 0);
    ck_assert_int_eq(pr_list_extend(l, ten), 0);
    PrObject *five = pr_long_from_int64(5), *args[3] = {five, pr_long_from_int64(6), NULL};
    PrObject *m = pr_object_getattr_cstr(l, "index");
    ASSERT_REPR_STEAL(pr_object_call(m, args, 1, NULL), "5");
    ASSERT_REPR_STEAL(pr_object_call(m, args, 2, NULL), "15");
    args[2] = pr_long_from_int64(-6);
    ck_assert_ptr_null(pr_object_call(m, args, 3, NULL));
    ASSERT_RAISED(PR_EXC(ValueError), "5 is not in list");
    ck_assert_ptr_null(pr_object_call(m, args, 0, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "index expected at least 1 argument, got 0");
    PrObject *bad[] = {five, PR_None};
    ck_assert_ptr_null(pr_object_call(m, bad, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "slice indices must be integers or have an __index__ method");
    PR_DECREF(m);
    m = pr_object_getattr_cstr(l, "count");
    ASSERT_REPR_STEAL(pr_object_call(m, &five, 1, NULL), "2");
    PR_DECREF(m);
    /* insert/pop with ints, * and *= with ints */
    m = pr_object_getattr_cstr(l, "pop");
    ASSERT_REPR_STEAL(pr_object_call(m, args + 2, 1, NULL), "4"); /* pop(-6) */
    PR_DECREF(m);
    PrObject *two = pr_long_from_int64(2), *small = chars("ab");
    ASSERT_REPR_STEAL(pr_number_mul(small, two), "['a', 'b', 'a', 'b']");
    ASSERT_REPR_STEAL(pr_number_mul(two, small), "['a', 'b', 'a', 'b']");
    r = pr_number_inplace_mul(small, two);
    ck_assert_ptr_eq(r, small);
    PR_DECREF(r);
    ck_assert_int_eq(pr_object_sizeof(small), 56 + 8 * 4);
    PrObject *neg = pr_long_from_int64(-1);
    ASSERT_REPR_STEAL(pr_number_mul(small, neg), "[]");
    PrObject *huge = pr_long_from_string("100000000000000000000", 21, 10);
    ck_assert_ptr_null(pr_number_mul(small, huge));
    ASSERT_RAISED(PR_EXC(OverflowError), "cannot fit 'int' into an index-sized integer");
    /* slice.indices */
    PrObject *sl = islice(0, 0, -1, 4), *len10 = pr_long_from_int64(10);
    m = pr_object_getattr_cstr(sl, "indices");
    ASSERT_REPR_STEAL(pr_object_call(m, &len10, 1, NULL), "(9, -1, -1)");
    ck_assert_ptr_null(pr_object_call(m, &neg, 1, NULL));
    ASSERT_RAISED(PR_EXC(ValueError), "length should not be negative");
    PR_DECREF(m);
    PrObject *objs[] = {ten, l,     abc, three, five, args[1], args[2],
                        two, small, neg, huge,  sl,   len10};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

/* python3.11: list(it) and l.extend(it) presize from len() or the iterator's __length_hint__:
 * list(iter(range(10))) 136, list(iter([1]*10)) 136, list(iter((1, 2, 3))) 88,
 * list(iter({1, 2, 3})) 88, list(iter({1: 1, 2: 2, 3: 3})) 88, [1].extend(range(10)) 152,
 * [].extend(range(10)) 136. */
START_TEST(test_presizing_from_iterators)
{
    PrObject *ten = pr_range_from_int64(0, 10, 1), *one = pr_long_from_int64(1);
    PrObject *three = pr_range_from_int64(1, 4, 1);
    PrObject *single = pr_list_from_array(&one, 1);
    PrObject *ones = PR_TYPE(list)->sequence.sq_repeat(single, 10);
    PrObject *t3 = pr_tuple_from_iterable(three), *s3 = pr_set_new(three);
    PrObject *d3 = pr_dict_fromkeys(three, NULL);
    struct {
        PrObject *src;
        ssize_t size;
    } cases[] = {{ten, 136}, {ones, 136}, {t3, 88}, {s3, 88}, {d3, 88}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        PrObject *it = pr_object_get_iter(cases[i].src), *l = pr_list_from_iterable(it);
        ck_assert_msg(pr_object_sizeof(l) == cases[i].size, "case %zu: %zd", i,
                      pr_object_sizeof(l));
        PR_DECREF(l);
        PR_DECREF(it);
    }
    PrObject *l = pr_list_from_array(&one, 1);
    ck_assert_int_eq(pr_list_extend(l, ten), 0);
    ck_assert_int_eq(pr_object_sizeof(l), 152);
    PR_DECREF(l);
    l = pr_list_new(0);
    ck_assert_int_eq(pr_list_extend(l, ten), 0);
    ck_assert_int_eq(pr_object_sizeof(l), 136);
    PR_DECREF(l);
    PrObject *objs[] = {ten, three, single, ones, t3, s3, d3, one};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

static int count_visit(PrObject *o, void *arg)
{
    (void)o;
    ++*(int *)arg;
    return 0;
}

/* What the collector relies on: traverse reports every reference, clear breaks cycles. */
START_TEST(test_traverse_and_clear)
{
    PrObject *l = new_list(), *s = pr_set_new(NULL), *d = pr_dict_new(), *x = objtest_str("x");
    ck_assert_int_eq(pr_list_append(l, l), 0); /* l -> l */
    ck_assert_int_eq(pr_list_append(l, x), 0);
    ck_assert_int_eq(pr_list_append(l, d), 0);
    ck_assert_int_eq(pr_dict_setitem(d, x, l), 0); /* d -> l: a cycle through the dict */
    ck_assert_int_eq(pr_set_add(s, x), 0);
    int n = 0;
    PR_TYPE(list)->traverse(l, count_visit, &n);
    ck_assert_int_eq(n, 3);
    n = 0;
    PR_TYPE(set)->traverse(s, count_visit, &n);
    ck_assert_int_eq(n, 1);
    PrObject *keys = pr_dict_keys(d), *it = pr_object_get_iter(l);
    n = 0;
    keys->type->traverse(keys, count_visit, &n);
    it->type->traverse(it, count_visit, &n);
    ck_assert_int_eq(n, 2);
    PR_DECREF(keys);
    PR_DECREF(it);
    ck_assert(pr_gc_is_tracked(d)); /* holds a list */
    PR_DECREF(d);
    PR_DECREF(l); /* still alive: the cycle holds it */
    ck_assert_int_eq(l->refcnt, 2);
    PR_INCREF(l);            /* the collector holds what it clears */
    PR_TYPE(list)->clear(l); /* drops l's references, which frees d, which releases l */
    ck_assert_int_eq(pr_list_size(l), 0);
    ck_assert_int_eq(l->refcnt, 1);
    PR_DECREF(l);
    PR_TYPE(set)->clear(s);
    ck_assert_int_eq(pr_set_size(s), 0);
    PR_DECREF(s);
    PR_DECREF(x);
}
END_TEST

START_TEST(test_free_list_and_tracking)
{
    pr_list_clear_free_list();
    size_t blocks = objtest_blocks();
    PrObject *l = new_list();
    ck_assert(pr_gc_is_tracked(l)); /* even empty */
    ck_assert_int_eq(pr_list_append(l, PR_None), 0);
    ck_assert_uint_eq(objtest_blocks(), blocks + 2); /* the object and its items */
    PrObject *where = l;
    PR_DECREF(l);
    ck_assert_int_eq(pr_interp.list.free.count, 1);
    ck_assert_uint_eq(objtest_blocks(), blocks + 1); /* the object is kept, its items freed */
    l = new_list();
    ck_assert_ptr_eq(l, where);
    ck_assert_int_eq(pr_list_size(l), 0);
    ck_assert(pr_gc_is_tracked(l));
    PR_DECREF(l);
    enum { N = 90 };
    PrObject *many[N];
    for (int i = 0; i < N; i++) {
        many[i] = new_list();
    }
    for (int i = 0; i < N; i++) {
        PR_DECREF(many[i]);
    }
    ck_assert_int_eq(pr_interp.list.free.count, 80);
    ck_assert_int_eq(pr_list_clear_free_list(), 80);
    ck_assert_uint_eq(objtest_blocks(), blocks);
}
END_TEST

START_TEST(test_out_of_memory)
{
    PrObject *a = objtest_str("a"), *warm = pr_list_from_array(&a, 1);
    ASSERT_REPR(warm, "['a']");
    PR_DECREF(warm);
    int done = 0;
    for (long k = 0; k < 300 && !done; k++) {
        objtest_clear_free_lists();
        size_t before = objtest_blocks();
        pr_raw_fail_after(k);
        int ok = 1;
        PrObject *l = pr_list_new(0), *t = NULL, *r = NULL;
        for (int i = 0; ok && l && i < 20; i++) {
            ok = pr_list_append(l, a) == 0;
        }
        ok = ok && l && pr_list_insert(l, 3, a) == 0 && pr_list_set_slice(l, 0, 2, l) == 0;
        ok = ok && (t = pr_list_as_tuple(l)) && pr_list_extend(l, t) == 0;
        ok = ok && pr_list_sort(l, NULL, 1) == 0 && (r = pr_object_repr(l));
        pr_raw_fail_after(-1);
        if (ok) {
            done = 1;
            ck_assert_int_eq(pr_list_size(l), 80);
        } else {
            ck_assert_ptr_eq(pr_err_occurred_borrow(), pr_interp.memory_error);
            pr_err_clear();
        }
        PR_XDECREF(l);
        PR_XDECREF(t);
        PR_XDECREF(r);
        objtest_clear_free_lists();
        ck_assert_uint_eq(objtest_blocks(), before);
    }
    ck_assert(done);
    PR_DECREF(a);
}
END_TEST

Suite *pr_test_list_suite(void)
{
    Suite *s = suite_create("list");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_growth_matches_cpython);
    tcase_add_test(tc, test_items_and_errors);
    tcase_add_test(tc, test_slices);
    tcase_add_test(tc, test_sort);
    tcase_add_test(tc, test_repr_compare_operators);
    tcase_add_test(tc, test_methods_and_constructor);
    tcase_add_test(tc, test_int_indices_and_extended_slices);
    tcase_add_test(tc, test_presizing_from_iterators);
    tcase_add_test(tc, test_traverse_and_clear);
    tcase_add_test(tc, test_free_list_and_tracking);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, objtest_setup_malloc, objtest_teardown);
    tcase_add_test(oom, test_out_of_memory);
    suite_add_tcase(s, oom);
    return s;
}
