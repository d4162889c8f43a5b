/* tests/unit/test_dict.c — the dict core (objects/dict.h): references held by the table,
 * insertion order through deletions and resizes, colliding keys, a key whose __eq__ changes the
 * dict, the version counter, KeyError and unhashable keys, C-string access, iteration with its
 * change detection, repr (recursive too), equality, lazy tracking, sizes and exhaustion. */
#include "objects/dict.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "tests/unit/objtest.h"

#include <stdio.h>

/* ---- Key: a key type with a chosen hash; equal when the ids are; may clear a dict on __eq__ */

typedef struct {
    PrObject ob;
    long id;
    PrHash hash;
} Key;

static PrObject *clear_on_eq; /* a dict to empty from inside __eq__ (borrowed) */
static int eq_calls;

static PrHash key_hash(PrObject *self)
{
    return ((Key *)self)->hash;
}

static PrObject *key_richcompare(PrObject *a, PrObject *b, PrCompareOp op)
{
    eq_calls++;
    if (clear_on_eq) {
        PrObject *d = clear_on_eq;
        clear_on_eq = NULL;
        pr_dict_clear(d);
    }
    if (op != PR_EQ || a->type != b->type) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return pr_bool_from_long(((Key *)a)->id == ((Key *)b)->id);
}

static PrObject *key_repr(PrObject *self)
{
    return pr_str_from_format("K%ld", ((Key *)self)->id);
}

static PrType key_type = {.name = "Key",
                          .basicsize = sizeof(Key),
                          .hash = key_hash,
                          .richcompare = key_richcompare,
                          .repr = key_repr};

static PrObject *new_key(long id, PrHash hash)
{
    Key *k = (Key *)pr_object_new(&key_type);
    ck_assert_ptr_nonnull(k);
    k->id = id;
    k->hash = hash;
    return (PrObject *)k;
}

static void setup(void)
{
    objtest_setup();
    ck_assert_int_eq(pr_type_ready(&key_type), 0);
    clear_on_eq = NULL;
    eq_calls = 0;
}

static void setup_malloc(void)
{
    objtest_setup_malloc();
    ck_assert_int_eq(pr_type_ready(&key_type), 0);
}

static void teardown(void)
{
    pr_type_fini_static(&key_type);
    objtest_teardown();
}

static PrObject *new_dict(void)
{
    PrObject *d = pr_dict_new();
    ck_assert_ptr_nonnull(d);
    return d;
}

/* "k0 k1 ..." : the keys of d in iteration order, through their str(). */
static void assert_keys(PrObject *d, const char *expected)
{
    char buf[512] = "";
    PrObject *k;
    ssize_t pos = 0;
    while (pr_dict_next(d, &pos, &k, NULL)) {
        PrObject *s = pr_object_str(k);
        size_t n = strlen(buf);
        snprintf(buf + n, sizeof buf - n, "%s%s", n ? " " : "", pr_str_utf8(s));
        PR_DECREF(s);
    }
    ck_assert_str_eq(buf, expected);
}

START_TEST(test_set_get_delete)
{
    PrObject *d = new_dict(), *k = objtest_str("key"), *v = objtest_str("value");
    PrObject *v2 = objtest_str("other");
    ssize_t rk = k->refcnt, rv = v->refcnt;
    ck_assert_int_eq(pr_dict_size(d), 0);
    ck_assert_ptr_null(pr_dict_getitem_borrow(d, k));
    ck_assert(!pr_err_occurred());
    ck_assert_int_eq(pr_dict_setitem(d, k, v), 0);
    ck_assert_int_eq(k->refcnt, rk + 1);
    ck_assert_int_eq(v->refcnt, rv + 1);
    ck_assert_ptr_eq(pr_dict_getitem_borrow(d, k), v);
    ck_assert_int_eq(v->refcnt, rv + 1); /* borrowed */
    ck_assert_int_eq(pr_dict_contains(d, k), 1);
    /* replacing keeps the first key object and releases the old value */
    PrObject *k_again = objtest_str("key");
    ck_assert_int_eq(pr_dict_setitem(d, k_again, v2), 0);
    ck_assert_int_eq(k_again->refcnt, 1);
    ck_assert_int_eq(v->refcnt, rv);
    ck_assert_int_eq(pr_dict_size(d), 1);
    PrObject *sub = pr_dict_subscript(d, k_again);
    ck_assert_ptr_eq(sub, v2);
    PR_DECREF(sub);
    ck_assert_int_eq(pr_dict_delitem(d, k_again), 0);
    ck_assert_int_eq(k->refcnt, rk);
    ck_assert_int_eq(pr_dict_size(d), 0);
    ck_assert_int_eq(pr_dict_delitem(d, k), -1);
    ASSERT_RAISED(PR_EXC(KeyError), "'key'");
    ck_assert_ptr_null(pr_dict_subscript(d, k));
    ASSERT_RAISED(PR_EXC(KeyError), "'key'");
    ck_assert_int_eq(pr_dict_contains(d, k), 0);
    /* unhashable keys */
    ck_assert_int_eq(pr_dict_setitem(d, d, v), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "unhashable type: 'dict'");
    ck_assert_ptr_null(pr_dict_getitem_borrow(d, d));
    ASSERT_RAISED(PR_EXC(TypeError), "unhashable type: 'dict'");
    ck_assert_int_eq(pr_dict_contains(d, d), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "unhashable type: 'dict'");
    /* C-string keys */
    ck_assert_int_eq(pr_dict_setitem_cstr(d, "name", v), 0);
    ck_assert_ptr_eq(pr_dict_getitem_cstr_borrow(d, "name"), v);
    ck_assert_ptr_null(pr_dict_getitem_cstr_borrow(d, "nam"));
    PrObject *name = objtest_str("name");
    ck_assert_ptr_eq(pr_dict_getitem_borrow(d, name), v);
    ck_assert_int_eq(pr_dict_delitem_cstr(d, "name"), 0);
    ck_assert_int_eq(pr_dict_delitem_cstr(d, "name"), -1);
    ASSERT_RAISED(PR_EXC(KeyError), "'name'");
    /* the mapping slots */
    ck_assert_int_eq(PR_TYPE(dict)->mapping.mp_ass_subscript(d, k, v), 0);
    ck_assert_int_eq(PR_TYPE(dict)->mapping.mp_length(d), 1);
    ck_assert_int_eq(PR_TYPE(dict)->mapping.mp_ass_subscript(d, k, NULL), 0);
    ck_assert_int_eq(PR_TYPE(dict)->sequence.sq_contains(d, k), 0);
    PrObject *objs[] = {d, k, v, v2, k_again, name};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_order_resize_version)
{
    PrObject *d = new_dict(), *keys[200];
    uint64_t v = pr_dict_version(d), v_other;
    char name[16];
    for (int i = 0; i < 200; i++) {
        snprintf(name, sizeof name, "k%d", i);
        keys[i] = objtest_str(name);
        ck_assert_int_eq(pr_dict_setitem(d, keys[i], keys[i]), 0);
        ck_assert_uint_gt(pr_dict_version(d), v); /* every change bumps the version */
        v = pr_dict_version(d);
    }
    ck_assert_int_eq(pr_dict_size(d), 200);
    for (int i = 0; i < 200; i++) {
        ck_assert_ptr_eq(pr_dict_getitem_borrow(d, keys[i]), keys[i]);
    }
    /* deleting and re-inserting: the new item goes last */
    PrObject *small = new_dict();
    for (int i = 0; i < 5; i++) {
        pr_dict_setitem(small, keys[i], PR_None);
    }
    pr_dict_delitem(small, keys[1]);
    pr_dict_delitem(small, keys[3]);
    assert_keys(small, "k0 k2 k4");
    pr_dict_setitem(small, keys[1], PR_None);
    assert_keys(small, "k0 k2 k4 k1");
    pr_dict_setitem(small, keys[2], PR_True); /* replacing keeps the place */
    assert_keys(small, "k0 k2 k4 k1");
    /* deleted entries are compacted by the next resize, order kept */
    for (int i = 5; i < 40; i++) {
        pr_dict_setitem(small, keys[i], PR_None);
        pr_dict_delitem(small, keys[i]);
    }
    assert_keys(small, "k0 k2 k4 k1");
    ck_assert_int_le(((PrDict *)small)->keys->nentries, 10);
    v = pr_dict_version(small);
    v_other = pr_dict_version(d);
    ck_assert_uint_ne(v, v_other); /* versions are unique across dicts */
    pr_dict_clear(small);
    ck_assert_uint_gt(pr_dict_version(small), v);
    ck_assert_int_eq(pr_dict_size(small), 0);
    assert_keys(small, "");
    ck_assert_int_eq(pr_dict_size(d), 200);
    for (int i = 0; i < 200; i++) {
        ck_assert_int_eq(pr_dict_delitem(d, keys[i]), 0);
        ck_assert_int_eq(keys[i]->refcnt, 1);
        PR_DECREF(keys[i]);
    }
    PR_DECREF(d);
    PR_DECREF(small);
}
END_TEST

START_TEST(test_colliding_and_foreign_keys)
{
    PrObject *d = new_dict(), *k[20];
    for (int i = 0; i < 20; i++) {
        k[i] = new_key(i, 7); /* every key in one probe chain */
        ck_assert_int_eq(pr_dict_setitem(d, k[i], k[i]), 0);
    }
    ck_assert(!((PrDict *)d)->keys->str_only);
    for (int i = 0; i < 20; i += 2) {
        ck_assert_int_eq(pr_dict_delitem(d, k[i]), 0);
    }
    for (int i = 0; i < 20; i++) {
        PrObject *probe = new_key(i, 7); /* equal but not identical: __eq__ decides */
        ck_assert_ptr_eq(pr_dict_getitem_borrow(d, probe), i % 2 ? k[i] : NULL);
        PR_DECREF(probe);
    }
    assert_keys(d, "K1 K3 K5 K7 K9 K11 K13 K15 K17 K19");
    ASSERT_REPR(d, "{K1: K1, K3: K3, K5: K5, K7: K7, K9: K9, K11: K11, K13: K13, K15: K15, "
                   "K17: K17, K19: K19}");
    /* a str key and a hash-equal foreign key coexist */
    PrObject *s = objtest_str("x"), *fake = new_key(99, pr_str_hash(s));
    PrObject *d2 = new_dict();
    pr_dict_setitem(d2, s, PR_True);
    ck_assert(((PrDict *)d2)->keys->str_only);
    eq_calls = 0;
    pr_dict_setitem(d2, fake, PR_False);
    ck_assert_int_eq(eq_calls, 1); /* str declined, Key's reflected __eq__ said no */
    ck_assert(!((PrDict *)d2)->keys->str_only);
    ck_assert_int_eq(pr_dict_size(d2), 2);
    ck_assert_ptr_eq(pr_dict_getitem_borrow(d2, s), PR_True);
    /* an __eq__ that empties the dict: the lookup starts again and finds nothing */
    PrObject *d3 = new_dict(), *a = new_key(1, 5), *b = new_key(2, 5);
    pr_dict_setitem(d3, a, PR_None);
    clear_on_eq = d3;
    ck_assert_ptr_null(pr_dict_getitem_borrow(d3, b));
    ck_assert(!pr_err_occurred());
    ck_assert_int_eq(pr_dict_size(d3), 0);
    for (int i = 0; i < 20; i++) {
        PR_DECREF(k[i]);
    }
    PrObject *objs[] = {d, s, fake, d2, d3, a, b};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_iteration_changes)
{
    PrObject *d = new_dict(), *a = objtest_str("a"), *b = objtest_str("b"), *c = objtest_str("c");
    PrObject *k, *v;
    PrDictIterState st;
    pr_dict_setitem(d, a, PR_None);
    pr_dict_setitem(d, b, PR_None);
    pr_dict_iter_init(d, &st);
    ck_assert_int_eq(pr_dict_iter_next(d, &st, &k, &v), 1);
    ck_assert_ptr_eq(k, a);
    pr_dict_setitem(d, c, PR_None);
    ck_assert_int_eq(pr_dict_iter_next(d, &st, &k, &v), -1);
    ASSERT_RAISED(PR_EXC(RuntimeError), "dictionary changed size during iteration");
    pr_dict_delitem(d, c);
    ck_assert_int_eq(pr_dict_iter_next(d, &st, &k, &v), -1); /* the error stays */
    ASSERT_RAISED(PR_EXC(RuntimeError), "dictionary changed size during iteration");
    /* same size, different keys */
    pr_dict_iter_init(d, &st);
    ck_assert_int_eq(pr_dict_iter_next(d, &st, &k, NULL), 1);
    pr_dict_delitem(d, a);
    pr_dict_setitem(d, c, PR_None);
    ck_assert_int_eq(pr_dict_iter_next(d, &st, &k, NULL), 1); /* b */
    ck_assert_int_eq(pr_dict_iter_next(d, &st, &k, NULL), -1);
    ASSERT_RAISED(PR_EXC(RuntimeError), "dictionary keys changed during iteration");
    /* undisturbed: every item, then the end */
    pr_dict_iter_init(d, &st);
    int n = 0;
    while (pr_dict_iter_next(d, &st, &k, &v) == 1) {
        n++;
    }
    ck_assert_int_eq(n, 2);
    ck_assert(!pr_err_occurred());
    PR_DECREF(d);
    PR_DECREF(a);
    PR_DECREF(b);
    PR_DECREF(c);
}
END_TEST

START_TEST(test_repr_equality_tracking_size)
{
    PrObject *d = new_dict(), *e = new_dict(), *a = objtest_str("a"), *b = objtest_str("it's");
    ASSERT_REPR(d, "{}");
    ck_assert_int_eq(pr_object_sizeof(d), (ssize_t)sizeof(PrDict) + 16);
    ck_assert(!pr_gc_is_tracked(d)); /* created untracked */
    pr_dict_setitem(d, a, b);
    ck_assert(!pr_gc_is_tracked(d)); /* atomic values keep it so */
    ck_assert_int_gt(pr_object_sizeof(d), (ssize_t)sizeof(PrDict) + 16);
    ASSERT_REPR(d, "{'a': \"it's\"}");
    ck_assert_int_eq(pr_object_richcompare_bool(d, e, PR_EQ), 0);
    pr_dict_setitem(e, a, b);
    ck_assert_int_eq(pr_object_richcompare_bool(d, e, PR_EQ), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(d, e, PR_NE), 0);
    pr_dict_setitem(e, a, a);
    ck_assert_int_eq(pr_object_richcompare_bool(d, e, PR_EQ), 0);
    ck_assert_int_eq(pr_object_richcompare_bool(d, e, PR_LT), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "'<' not supported between instances of 'dict' and 'dict'");
    /* a container value starts tracking; a dict inside itself prints as {...} */
    pr_dict_setitem(d, b, d);
    ck_assert(pr_gc_is_tracked(d));
    ASSERT_REPR(d, "{'a': \"it's\", \"it's\": {...}}");
    pr_dict_clear(d); /* breaks the cycle */
    PrObject *t = pr_tuple_pack(1, a);
    pr_dict_setitem(e, b, t);
    ck_assert(pr_gc_is_tracked(e)); /* a tracked tuple counts */
    PR_DECREF(t);
    PR_DECREF(d);
    PR_DECREF(e);
    PR_DECREF(a);
    PR_DECREF(b);
}
END_TEST

/* Growing a dict with each allocation refused in turn: MemoryError, no leak, contents intact. */
START_TEST(test_out_of_memory)
{
    PrObject *keys[50];
    char name[16];
    for (int i = 0; i < 50; i++) {
        snprintf(name, sizeof name, "key%d", i);
        keys[i] = objtest_str(name);
    }
    int done = 0;
    for (long k = 0; k < 60 && !done; k++) {
        pr_dict_clear_free_lists(); /* freed dicts and keys blocks wait there */
        size_t before = objtest_blocks();
        PrObject *d = pr_dict_new();
        ck_assert_ptr_nonnull(d);
        pr_raw_fail_after(k);
        int i = 0;
        while (i < 50 && pr_dict_setitem(d, keys[i], keys[i]) == 0) {
            i++;
        }
        pr_raw_fail_after(-1);
        if (i == 50) {
            done = 1;
        } else {
            ck_assert_ptr_eq(pr_err_occurred_borrow(), pr_interp.memory_error);
            pr_err_clear();
        }
        ck_assert_int_eq(pr_dict_size(d), i);
        for (int j = 0; j < i; j++) {
            ck_assert_ptr_eq(pr_dict_getitem_borrow(d, keys[j]), keys[j]);
        }
        PR_DECREF(d);
        pr_dict_clear_free_lists();
        ck_assert_uint_eq(objtest_blocks(), before);
    }
    ck_assert(done);
    for (int i = 0; i < 50; i++) {
        PR_DECREF(keys[i]);
    }
}
END_TEST

Suite *pr_test_dict_suite(void)
{
    Suite *s = suite_create("dict");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_set_get_delete);
    tcase_add_test(tc, test_order_resize_version);
    tcase_add_test(tc, test_colliding_and_foreign_keys);
    tcase_add_test(tc, test_iteration_changes);
    tcase_add_test(tc, test_repr_equality_tracking_size);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, setup_malloc, teardown);
    tcase_add_test(oom, test_out_of_memory);
    suite_add_tcase(s, oom);
    return s;
}
