/* tests/unit/test_dict_methods.c — the dict type beyond its table (objects/dict_methods.c):
 * get/setdefault/pop/popitem with CPython 3.11's errors, update and dict() from mappings,
 * pairs and keywords, copy/fromkeys/|/|=, the views (len, in, repr, set operations and
 * comparisons, isdisjoint), iterators with their change detection, tracking and exhaustion. */
#include "objects/dict.h"
#include "objects/iterate.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/number.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "tests/unit/objtest.h"

#include <stdio.h>

/* A dict from "k=v k=v ..." with one-word str keys and values. */
static PrObject *make(const char *spec)
{
    PrObject *d = pr_dict_new();
    char k[32], v[32];
    int n;
    while (sscanf(spec, " %31[^= ]=%31s%n", k, v, &n) == 2) {
        PrObject *ko = objtest_str(k), *vo = objtest_str(v);
        ck_assert_int_eq(pr_dict_setitem(d, ko, vo), 0);
        PR_DECREF(ko);
        PR_DECREF(vo);
        spec += n;
    }
    return d;
}

/* o.name(*args, **kw); kwnames names the last values. */
static PrObject *call(PrObject *o, const char *name, PrObject *const *args, size_t nargs,
                      PrObject *kwnames)
{
    PrObject *m = pr_object_getattr_cstr(o, name);
    ck_assert_ptr_nonnull(m);
    PrObject *r = pr_object_call(m, args, nargs, kwnames);
    PR_DECREF(m);
    return r;
}

static void release(PrObject **objs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        PR_XDECREF(objs[i]);
    }
}
#define RELEASE(...)                                                                               \
    do {                                                                                           \
        PrObject *objs_[] = {__VA_ARGS__};                                                         \
        release(objs_, sizeof objs_ / sizeof objs_[0]);                                            \
    } while (0)

START_TEST(test_lookup_methods)
{
    PrObject *d = make("a=x b=y"), *a = objtest_str("a"), *z = objtest_str("z"), *r;
    PrObject *az[] = {a, z}, *zz[] = {z, z}, *three[] = {a, a, a};
    ASSERT_TEXT(call(d, "get", &a, 1, NULL), "x");
    r = call(d, "get", &z, 1, NULL);
    ck_assert_ptr_eq(r, PR_None);
    PR_DECREF(r);
    ASSERT_TEXT(call(d, "get", zz, 2, NULL), "z");
    ck_assert_ptr_null(call(d, "get", NULL, 0, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "get expected at least 1 argument, got 0");
    ck_assert_ptr_null(call(d, "get", three, 3, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "get expected at most 2 arguments, got 3");
    ASSERT_TEXT(call(d, "setdefault", az, 2, NULL), "x");
    ASSERT_TEXT(call(d, "setdefault", zz, 2, NULL), "z");
    ASSERT_REPR(d, "{'a': 'x', 'b': 'y', 'z': 'z'}");
    ASSERT_TEXT(call(d, "pop", &z, 1, NULL), "z");
    ck_assert_ptr_null(call(d, "pop", &z, 1, NULL));
    ASSERT_RAISED(PR_EXC(KeyError), "'z'");
    ASSERT_TEXT(call(d, "pop", zz, 2, NULL), "z");
    ck_assert_ptr_null(call(d, "pop", NULL, 0, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "pop expected at least 1 argument, got 0");
    ASSERT_REPR_STEAL(call(d, "popitem", NULL, 0, NULL), "('b', 'y')");
    ASSERT_REPR_STEAL(call(d, "popitem", NULL, 0, NULL), "('a', 'x')");
    ck_assert_ptr_null(call(d, "popitem", NULL, 0, NULL));
    ASSERT_RAISED(PR_EXC(KeyError), "'popitem(): dictionary is empty'");
    ck_assert_ptr_null(pr_dict_subscript(d, a));
    ASSERT_RAISED(PR_EXC(KeyError), "'a'");
    ASSERT_REPR_STEAL(call(d, "__contains__", &a, 1, NULL), "False");
    /* popitem reuses the entry it freed: inserting again does not grow the table */
    ssize_t size = pr_object_sizeof(d);
    for (int i = 0; i < 20; i++) {
        ck_assert_int_eq(pr_dict_setitem(d, a, z), 0);
        PR_DECREF(pr_dict_popitem(d));
    }
    ck_assert_int_eq(pr_object_sizeof(d), size);
    RELEASE(d, a, z);
}
END_TEST

START_TEST(test_update_and_constructors)
{
    PrObject *d = make("a=1"), *other = make("b=2 a=3"), *r;
    PR_DECREF(call(d, "update", &other, 1, NULL));
    ASSERT_REPR(d, "{'a': '3', 'b': '2'}");
    /* pairs: tuples and lists */
    PrObject *k = objtest_str("k"), *v = objtest_str("v");
    PrObject *pair = pr_tuple_pack(2, k, v), *lpair = pr_list_from_array((PrObject *[]){v, k}, 2);
    PrObject *pairs = pr_list_from_array((PrObject *[]){pair, lpair}, 2);
    PR_DECREF(call(d, "update", &pairs, 1, NULL));
    ASSERT_REPR(d, "{'a': '3', 'b': '2', 'k': 'v', 'v': 'k'}");
    PrObject *bad = pr_list_from_array((PrObject *[]){PR_None}, 1);
    ck_assert_ptr_null(call(d, "update", &bad, 1, NULL));
    ASSERT_RAISED(PR_EXC(TypeError),
                  "cannot convert dictionary update sequence element #0 to a sequence");
    PrObject *triple = pr_tuple_pack(3, k, k, k), *bad3 = pr_list_from_array(&triple, 1);
    ck_assert_ptr_null(call(d, "update", &bad3, 1, NULL));
    ASSERT_RAISED(PR_EXC(ValueError),
                  "dictionary update sequence element #0 has length 3; 2 is required");
    PrObject *two[] = {d, d};
    ck_assert_ptr_null(call(d, "update", two, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "update expected at most 1 argument, got 2");
    /* keywords, and dict(...) */
    PrObject *kw = pr_tuple_pack(1, k), *args[] = {other, v};
    PrObject *made = pr_object_call((PrObject *)PR_TYPE(dict), args, 1, kw);
    ASSERT_REPR(made, "{'b': '2', 'a': '3', 'k': 'v'}");
    ck_assert_ptr_null(pr_object_call((PrObject *)PR_TYPE(dict), two, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "dict expected at most 1 argument, got 2");
    /* copy keeps order; fromkeys; | and |= */
    PrObject *c = call(made, "copy", NULL, 0, NULL);
    ASSERT_REPR(c, "{'b': '2', 'a': '3', 'k': 'v'}");
    PrObject *fk = pr_dict_fromkeys(pairs, NULL);
    ck_assert_ptr_null(fk);
    ASSERT_RAISED(PR_EXC(TypeError), "unhashable type: 'list'");
    PrObject *keys = pr_list_from_array((PrObject *[]){k, v, k}, 3);
    fk = pr_dict_fromkeys(keys, NULL);
    ASSERT_REPR(fk, "{'k': None, 'v': None}");
    r = pr_number_or(other, fk);
    ASSERT_REPR(r, "{'b': '2', 'a': '3', 'k': None, 'v': None}");
    PR_DECREF(r);
    ck_assert_ptr_null(pr_number_or(other, pairs));
    ASSERT_RAISED(PR_EXC(TypeError), "unsupported operand type(s) for |: 'dict' and 'list'");
    r = pr_number_inplace_or(other, pairs); /* |= takes pairs too */
    ck_assert_ptr_eq(r, other);
    ASSERT_REPR(other, "{'b': '2', 'a': '3', 'k': 'v', 'v': 'k'}");
    PR_DECREF(r);
    PR_DECREF(call(other, "clear", NULL, 0, NULL));
    ASSERT_REPR(other, "{}");
    RELEASE(d, other, k, v, pair, lpair, pairs, bad, triple, bad3, kw, made, c, keys, fk);
}
END_TEST

START_TEST(test_views)
{
    PrObject *d = make("a=x b=y"), *a = objtest_str("a"), *x = objtest_str("x");
    PrObject *keys = call(d, "keys", NULL, 0, NULL), *values = call(d, "values", NULL, 0, NULL);
    PrObject *items = call(d, "items", NULL, 0, NULL);
    ASSERT_REPR(keys, "dict_keys(['a', 'b'])");
    ASSERT_REPR(values, "dict_values(['x', 'y'])");
    ASSERT_REPR(items, "dict_items([('a', 'x'), ('b', 'y')])");
    ck_assert(pr_gc_is_tracked(keys));
    ck_assert_int_eq(pr_object_length(items), 2);
    ck_assert_int_eq(keys->type->sequence.sq_contains(keys, a), 1);
    ck_assert_int_eq(keys->type->sequence.sq_contains(keys, x), 0);
    PrObject *ax = pr_tuple_pack(2, a, x), *aa = pr_tuple_pack(2, a, a);
    ck_assert_int_eq(items->type->sequence.sq_contains(items, ax), 1);
    ck_assert_int_eq(items->type->sequence.sq_contains(items, aa), 0);
    ck_assert_int_eq(items->type->sequence.sq_contains(items, a), 0);
    /* views are live */
    ck_assert_int_eq(pr_dict_setitem(d, x, a), 0);
    ASSERT_REPR(keys, "dict_keys(['a', 'b', 'x'])");
    /* set operations give sets, from either side */
    PrObject *only_a = pr_set_new(NULL), *r;
    pr_set_add(only_a, a);
    r = pr_number_and(keys, only_a);
    ck_assert_ptr_eq(r->type, PR_TYPE(set));
    ASSERT_REPR(r, "{'a'}");
    PR_DECREF(r);
    PrObject *lx = pr_list_from_array(&x, 1);
    r = pr_number_sub(keys, lx);
    ck_assert_int_eq(pr_set_size(r), 2);
    PR_DECREF(r);
    r = pr_number_or(lx, keys);
    ck_assert_int_eq(pr_set_size(r), 3);
    PR_DECREF(r);
    r = pr_number_xor(keys, only_a);
    ck_assert_int_eq(pr_set_size(r), 2);
    ck_assert_int_eq(pr_set_contains(r, a), 0);
    PR_DECREF(r);
    ck_assert_ptr_null(pr_number_and(keys, PR_None));
    ASSERT_RAISED(PR_EXC(TypeError),
                  "unsupported operand type(s) for &: 'dict_keys' and 'NoneType'");
    ck_assert_ptr_null(pr_number_and(values, values));
    ASSERT_RAISED(PR_EXC(TypeError),
                  "unsupported operand type(s) for &: 'dict_values' and 'dict_values'");
    /* comparisons as sets */
    PrObject *same = pr_set_new(keys);
    ck_assert_int_eq(pr_object_richcompare_bool(keys, same, PR_EQ), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(only_a, keys, PR_LT), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(keys, only_a, PR_GE), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(keys, lx, PR_EQ), 0);
    ck_assert_int_eq(pr_object_richcompare_bool(values, values, PR_EQ), 1); /* identity */
    ASSERT_REPR_STEAL(call(keys, "isdisjoint", &lx, 1, NULL), "False");
    ASSERT_REPR_STEAL(call(items, "isdisjoint", &lx, 1, NULL), "True");
    RELEASE(d, a, x, keys, values, items, ax, aa, only_a, lx, same);
}
END_TEST

START_TEST(test_iterators)
{
    PrObject *d = make("a=1 b=2 c=3"), *it, *k;
    it = pr_object_get_iter(d);
    ck_assert_ptr_eq(it->type, PR_TYPE(dict_keyiterator));
    ck_assert(pr_gc_is_tracked(it));
    PrObject *l = pr_list_from_iterable(it);
    ASSERT_REPR(l, "['a', 'b', 'c']");
    ck_assert_ptr_null(pr_iter_next(it));
    ck_assert(!pr_err_occurred());
    PR_DECREF(it);
    PR_DECREF(l);
    PrObject *items = pr_dict_items(d), *values = pr_dict_values(d);
    ASSERT_REPR_STEAL(pr_list_from_iterable(items), "[('a', '1'), ('b', '2'), ('c', '3')]");
    ASSERT_REPR_STEAL(pr_list_from_iterable(values), "['1', '2', '3']");
    /* size changes: an error, and it stays */
    it = pr_object_get_iter(d);
    k = pr_iter_next(it);
    ck_assert_int_eq(pr_dict_delitem(d, k), 0);
    PR_DECREF(k);
    ck_assert_ptr_null(pr_iter_next(it));
    ASSERT_RAISED(PR_EXC(RuntimeError), "dictionary changed size during iteration");
    ck_assert_int_eq(pr_dict_setitem(d, PR_None, PR_None), 0);
    ck_assert_ptr_null(pr_iter_next(it));
    ASSERT_RAISED(PR_EXC(RuntimeError), "dictionary changed size during iteration");
    PR_DECREF(it);
    /* the same size with other keys */
    it = pr_object_get_iter(values);
    PR_DECREF(pr_iter_next(it));
    PrObject *b = objtest_str("b"), *z = objtest_str("z");
    ck_assert_int_eq(pr_dict_delitem(d, b), 0);
    ck_assert_int_eq(pr_dict_setitem(d, z, z), 0);
    PR_DECREF(pr_iter_next(it));
    PR_DECREF(pr_iter_next(it));
    ck_assert_ptr_null(pr_iter_next(it));
    ASSERT_RAISED(PR_EXC(RuntimeError), "dictionary keys changed during iteration");
    PR_DECREF(it);
    RELEASE(d, items, values, b, z);
}
END_TEST

/* python3: list(reversed(d)), reversed(d.values()), reversed(d.items()) after a deletion */
START_TEST(test_reversed)
{
    PrObject *d = make("a=1 b=2 c=3 d=4"), *b = objtest_str("b"), *it;
    ck_assert_int_eq(pr_dict_delitem(d, b), 0);
    it = call(d, "__reversed__", NULL, 0, NULL);
    ck_assert_ptr_eq(it->type, PR_TYPE(dict_reversekeyiterator));
    ASSERT_REPR_STEAL(pr_list_from_iterable(it), "['d', 'c', 'a']");
    ck_assert_ptr_null(pr_iter_next(it));
    ck_assert(!pr_err_occurred());
    PR_DECREF(it);
    PrObject *values = pr_dict_values(d), *items = pr_dict_items(d), *keys = pr_dict_keys(d);
    it = call(values, "__reversed__", NULL, 0, NULL);
    ASSERT_REPR_STEAL(pr_list_from_iterable(it), "['4', '3', '1']");
    PR_DECREF(it);
    it = call(items, "__reversed__", NULL, 0, NULL);
    ASSERT_REPR_STEAL(pr_list_from_iterable(it), "[('d', '4'), ('c', '3'), ('a', '1')]");
    PR_DECREF(it);
    it = call(keys, "__reversed__", NULL, 0, NULL);
    PR_DECREF(pr_iter_next(it));
    ck_assert_int_eq(pr_dict_setitem(d, b, b), 0);
    ck_assert_ptr_null(pr_iter_next(it));
    ASSERT_RAISED(PR_EXC(RuntimeError), "dictionary changed size during iteration");
    PR_DECREF(it);
    PrObject *empty = pr_dict_new();
    it = call(empty, "__reversed__", NULL, 0, NULL);
    ck_assert_ptr_null(pr_iter_next(it));
    ck_assert(!pr_err_occurred());
    RELEASE(it, empty, d, b, values, items, keys);
}
END_TEST

/* python3.11: getsizeof after each insertion changes at 1, 6, 11, 22, 43, 86 items. */
START_TEST(test_sizes_match_cpython)
{
    static const int at[] = {1, 6, 11, 22, 43, 86};
    static const int str_sizes[] = {184, 272, 464, 832, 1584, 3328};
    static const int int_sizes[] = {224, 352, 632, 1168, 2264, 4688};
    PrObject *ds = pr_dict_new(), *di = pr_dict_new();
    ck_assert_int_eq(pr_object_sizeof(ds), 64);
    ssize_t last_s = 64, last_i = 64;
    int ns = 0, ni = 0;
    for (int i = 0; i < 100; i++) {
        PrObject *k = pr_str_from_format("k%d", i), *n = pr_long_from_int64(i);
        ck_assert_int_eq(pr_dict_setitem(ds, k, n), 0);
        ck_assert_int_eq(pr_dict_setitem(di, n, k), 0);
        PR_DECREF(k);
        PR_DECREF(n);
        if (pr_object_sizeof(ds) != last_s) {
            ck_assert_int_eq(i + 1, at[ns]);
            ck_assert_int_eq(pr_object_sizeof(ds), str_sizes[ns++]);
            last_s = pr_object_sizeof(ds);
        }
        if (pr_object_sizeof(di) != last_i) {
            ck_assert_int_eq(i + 1, at[ni]);
            ck_assert_int_eq(pr_object_sizeof(di), int_sizes[ni++]);
            last_i = pr_object_sizeof(di);
        }
    }
    ck_assert_int_eq(ns, 6);
    ck_assert_int_eq(ni, 6);
    /* a non-str key converts a str table: {'a': 1} -> 184; then d[1] = 2 -> 352 */
    PrObject *d = pr_dict_new(), *a = objtest_str("a"), *one = pr_long_from_int64(1);
    ck_assert_int_eq(pr_dict_setitem(d, a, one), 0);
    ck_assert_int_eq(pr_object_sizeof(d), 184);
    ck_assert_int_eq(pr_dict_setitem(d, one, a), 0);
    ck_assert_int_eq(pr_object_sizeof(d), 352);
    ASSERT_REPR(d, "{'a': 1, 1: 'a'}");
    ck_assert_ptr_eq(pr_dict_getitem_borrow(d, a), one);
    ck_assert_ptr_eq(pr_dict_getitem_cstr_borrow(d, "a"), one);
    /* python3: 5 str keys each deleted but the last, then 'a': the rebuild for 1 item makes
     * 16 slots -> 272; then 1: a general table -> 352 */
    PrObject *e = pr_dict_new();
    for (int i = 0; i < 5; i++) {
        PrObject *k = pr_str_from_format("k%d", i);
        ck_assert_int_eq(pr_dict_setitem(e, k, k), 0);
        if (i < 4) {
            ck_assert_int_eq(pr_dict_delitem(e, k), 0);
        }
        PR_DECREF(k);
    }
    ck_assert_int_eq(pr_object_sizeof(e), 184);
    ck_assert_int_eq(pr_dict_setitem(e, a, a), 0);
    ck_assert_int_eq(pr_object_sizeof(e), 272);
    ck_assert_int_eq(pr_dict_setitem(e, one, a), 0);
    ck_assert_int_eq(pr_object_sizeof(e), 352);
    RELEASE(ds, di, d, a, one, e);
}
END_TEST

/* A dict of n str keys "k0".."k{n-1}" (or int keys 0..n-1), inserted in order. */
static PrObject *keyed(int n, int str_keys)
{
    PrObject *d = pr_dict_new();
    for (int i = 0; i < n; i++) {
        PrObject *k = str_keys ? pr_str_from_format("k%d", i) : pr_long_from_int64(i);
        ck_assert_int_eq(pr_dict_setitem(d, k, k), 0);
        PR_DECREF(k);
    }
    return d;
}

/* python3.11: copy() clones the table unless many entries are deleted; dict(d), update() and
 * | presize as dict_merge. */
START_TEST(test_copy_and_merge_sizes)
{
    PrObject *d = keyed(12, 1), *c = pr_dict_copy(d), *r;
    ck_assert_int_eq(pr_object_sizeof(d), 464);
    ck_assert_int_eq(pr_object_sizeof(c), 464);
    ASSERT_REPR(c, "{'k0': 'k0', 'k1': 'k1', 'k2': 'k2', 'k3': 'k3', 'k4': 'k4', 'k5': 'k5', "
                   "'k6': 'k6', 'k7': 'k7', 'k8': 'k8', 'k9': 'k9', 'k10': 'k10', 'k11': 'k11'}");
    PR_DECREF(c);
    for (int i = 0; i < 8; i++) {
        PrObject *k = pr_str_from_format("k%d", i);
        ck_assert_int_eq(pr_dict_delitem(d, k), 0);
        PR_DECREF(k);
    }
    ck_assert_int_eq(pr_object_sizeof(d), 464);
    c = pr_dict_copy(d);
    ck_assert_int_eq(pr_object_sizeof(c), 272);
    ASSERT_REPR(c, "{'k8': 'k8', 'k9': 'k9', 'k10': 'k10', 'k11': 'k11'}");
    r = pr_object_call((PrObject *)PR_TYPE(dict), &d, 1, NULL);
    ck_assert_int_eq(pr_object_sizeof(r), 272);
    RELEASE(c, r, d);
    PrObject *e = keyed(12, 1), *g = make("x=1"), *h = keyed(3, 0);
    r = pr_object_call((PrObject *)PR_TYPE(dict), &e, 1, NULL);
    ck_assert_int_eq(pr_object_sizeof(r), 464);
    PR_DECREF(r);
    ck_assert_int_eq(pr_dict_update(g, e, 1), 0);
    ck_assert_int_eq(pr_object_sizeof(g), 464);
    r = pr_number_or(h, e);
    ck_assert_int_eq(pr_object_sizeof(r), 632);
    PR_DECREF(r);
    r = pr_number_or(e, h);
    ck_assert_int_eq(pr_object_sizeof(r), 1168);
    ck_assert_int_eq(pr_dict_size(r), 15);
    RELEASE(r, e, g, h);
    /* a clone of a tracked dict is tracked */
    PrObject *l = pr_list_new(0), *t = make("a=1"), *a = objtest_str("a");
    ck_assert_int_eq(pr_dict_setitem(t, a, l), 0);
    c = pr_dict_copy(t);
    ck_assert(pr_gc_is_tracked(c));
    PrObject *m = pr_dict_new();
    ck_assert_int_eq(pr_dict_merge(m, t), 0);
    ck_assert(pr_gc_is_tracked(m));
    RELEASE(l, t, a, c, m);
}
END_TEST

START_TEST(test_free_lists)
{
    pr_dict_clear_free_lists();
    size_t blocks = objtest_blocks();
    PrObject *d = make("a=1"), *where = d;
    size_t with = objtest_blocks();
    PR_DECREF(d);
    ck_assert_uint_eq(objtest_blocks(), with); /* the dict and its keys block are kept */
    ck_assert_int_eq(pr_interp.dict.free.count, 1);
    ck_assert_int_eq(pr_interp.dict.keys_free.count, 1);
    d = pr_dict_new();
    ck_assert_ptr_eq(d, where); /* the same block again, empty */
    ck_assert_int_eq(pr_dict_size(d), 0);
    ck_assert(!pr_gc_is_tracked(d));
    PrObject *a = objtest_str("a");
    ck_assert_int_eq(pr_dict_setitem(d, a, a), 0); /* reuses the keys block */
    ck_assert_int_eq(pr_interp.dict.keys_free.count, 0);
    ck_assert_int_eq(pr_object_sizeof(d), 184);
    RELEASE(d, a);
    enum { N = 90 };
    PrObject *many[N];
    for (int i = 0; i < N; i++) {
        many[i] = pr_dict_new();
    }
    for (int i = 0; i < N; i++) {
        PR_DECREF(many[i]);
    }
    ck_assert_int_eq(pr_interp.dict.free.count, 80);
    ck_assert_int_eq(pr_dict_clear_free_lists(), 81);
    ck_assert_uint_le(objtest_blocks(), with - 2); /* 'a' and '1' stay cached */
    ck_assert_uint_ge(objtest_blocks(), blocks);
}
END_TEST

START_TEST(test_tracking)
{
    PrObject *d = make("a=x"), *a = objtest_str("a"), *l = pr_list_new(0);
    ck_assert(!pr_gc_is_tracked(d)); /* atoms only */
    PrObject *c = pr_dict_copy(d);
    ck_assert(!pr_gc_is_tracked(c));
    ck_assert_int_eq(pr_dict_setitem(c, a, l), 0);
    ck_assert(pr_gc_is_tracked(c)); /* holds a list */
    PrObject *c2 = pr_dict_copy(c);
    ck_assert(pr_gc_is_tracked(c2));
    RELEASE(d, a, l, c, c2);
}
END_TEST

START_TEST(test_out_of_memory)
{
    PrObject *warm = pr_list_new(0); /* interns "keys" once, outside the counted loop */
    ck_assert_ptr_null(pr_object_getattr_cstr(warm, "keys"));
    ASSERT_RAISED(PR_EXC(AttributeError), "'list' object has no attribute 'keys'");
    ck_assert_int_eq(pr_list_append(warm, PR_None), 0);
    ASSERT_REPR(warm, "[None]"); /* the repr guard's stack is made once and kept */
    PR_DECREF(warm);
    int done = 0;
    for (long k = 0; k < 400 && !done; k++) {
        objtest_clear_free_lists();
        size_t before = objtest_blocks();
        pr_raw_fail_after(k);
        PrObject *d = pr_dict_new(), *items = NULL, *l = NULL, *c = NULL, *r = NULL;
        int ok = d != NULL;
        for (int i = 0; ok && i < 12; i++) {
            PrObject *key = pr_str_from_format("k%d", i);
            ok = key && pr_dict_setitem(d, key, key) == 0;
            PR_XDECREF(key);
        }
        ok = ok && (items = pr_dict_items(d)) && (l = pr_list_from_iterable(items)) &&
             (c = pr_dict_copy(d)) && pr_dict_update(c, l, 1) == 0 && (r = pr_object_repr(items));
        pr_raw_fail_after(-1);
        if (ok) {
            done = 1;
            ck_assert_int_eq(pr_dict_size(c), 12);
        } else {
            ck_assert_ptr_eq(pr_err_occurred_borrow(), pr_interp.memory_error);
            pr_err_clear();
        }
        RELEASE(d, items, l, c, r);
        objtest_clear_free_lists();
        ck_assert_msg(objtest_blocks() == before, "k=%ld", k);
    }
    ck_assert(done);
}
END_TEST

Suite *pr_test_dict_methods_suite(void)
{
    Suite *s = suite_create("dict_methods");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_lookup_methods);
    tcase_add_test(tc, test_update_and_constructors);
    tcase_add_test(tc, test_views);
    tcase_add_test(tc, test_iterators);
    tcase_add_test(tc, test_reversed);
    tcase_add_test(tc, test_sizes_match_cpython);
    tcase_add_test(tc, test_copy_and_merge_sizes);
    tcase_add_test(tc, test_free_lists);
    tcase_add_test(tc, test_tracking);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, objtest_setup_malloc, objtest_teardown);
    tcase_add_test(oom, test_out_of_memory);
    suite_add_tcase(s, oom);
    return s;
}
