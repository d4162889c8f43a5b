/* tests/unit/test_freelist.c — the free lists of layer 4 (memory/freelist.h): push and pop in
 * LIFO order under a bound, "off" and "kept forever", trimming and clearing through the release
 * function, the preset's bound, and pr_freelists_clear_all over the lists of every type. */
#include "memory/freelist.h"
#include "memory/obmalloc.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "tests/unit/objtest.h"

static int released;

static void count_release(void *block)
{
    released++;
    pr_mem_free(block);
}

/* Pushes n fresh blocks on fl. Returns: how many it kept (the others are freed). */
static int push_blocks(PrFreeList *fl, int n)
{
    int kept = 0;
    for (int i = 0; i < n; i++) {
        void *b = pr_mem_alloc(32);
        ck_assert_ptr_nonnull(b);
        if (pr_freelist_push(fl, b)) {
            kept++;
        } else {
            pr_mem_free(b);
        }
    }
    return kept;
}

START_TEST(test_bound_and_order)
{
    PrFreeList fl;
    pr_freelist_init(&fl, 3, count_release);
    released = 0;
    ck_assert_ptr_null(pr_freelist_pop(&fl));
    void *a = pr_mem_alloc(32), *b = pr_mem_alloc(32);
    ck_assert_int_eq(pr_freelist_push(&fl, a), 1);
    ck_assert_int_eq(pr_freelist_push(&fl, b), 1);
    ck_assert_ptr_eq(pr_freelist_pop(&fl), b); /* the last block kept comes back first */
    ck_assert_int_eq(fl.count, 1);
    pr_mem_free(b);
    ck_assert_int_eq(push_blocks(&fl, 5), 2); /* bound 3 */
    ck_assert_int_eq(fl.count, 3);
    pr_freelist_set_max(&fl, 1); /* lowering trims */
    ck_assert_int_eq(fl.count, 1);
    ck_assert_int_eq(released, 2);
    pr_freelist_set_max(&fl, 0); /* off */
    ck_assert_int_eq(fl.count, 0);
    ck_assert_int_eq(push_blocks(&fl, 2), 0);
    pr_freelist_set_max(&fl, -5); /* any negative: kept forever */
    ck_assert_int_eq(fl.max, -1);
    ck_assert_int_eq(push_blocks(&fl, 50), 50);
    pr_freelists_clear_all(PR_FREELISTS_BOUNDED);
    ck_assert_int_eq(fl.count, 50); /* a collection leaves a list kept forever alone */
    ck_assert_int_eq(pr_freelist_clear(&fl), 50);
    ck_assert_int_eq(released, 53);
    ck_assert_int_eq(fl.count, 0);
    pr_interp.freelists = fl.next_list; /* fl dies with this frame: unregister it */
}
END_TEST

/* Every type's free list is registered: after clearing them all, no block is left over. */
START_TEST(test_clear_all)
{
    pr_freelists_clear_all(PR_FREELISTS_ALL);
    size_t blocks = objtest_blocks();
    PrObject *f = pr_float_from_double(0.5), *t = pr_tuple_pack(1, f), *l = pr_list_new(0);
    PrObject *d = pr_dict_new();
    ck_assert_int_eq(pr_dict_setitem(d, f, t), 0); /* a float key: a general keys block */
    PR_DECREF(d);
    d = pr_dict_new();
    PrObject *k = objtest_str("key");
    ck_assert_int_eq(pr_dict_setitem(d, k, l), 0);
    PR_DECREF(k);
    PR_DECREF(d);
    PR_DECREF(l);
    PR_DECREF(t);
    PR_DECREF(f);
    ck_assert_int_eq(pr_interp.float_.free.count, 1);
    ck_assert_int_eq(pr_interp.tuple.free[0].count, 1);
    ck_assert_int_eq(pr_interp.list.free.count, 1);
    ck_assert_int_eq(pr_interp.dict.free.count, 1); /* one dict kept: the second took its block */
    ck_assert_int_eq(pr_interp.dict.keys_free.count, 1);
    ck_assert_uint_gt(objtest_blocks(), blocks);
    ck_assert_int_ge(pr_freelists_clear_all(PR_FREELISTS_BOUNDED), 5);
    ck_assert_uint_eq(objtest_blocks(), blocks);
}
END_TEST

/* The bound a preset gives the number free lists (the float and int lists take it). */
START_TEST(test_preset_bound)
{
    ck_assert_str_eq(pr_mem_config()->preset, "py33");
    ck_assert_int_eq(pr_freelist_preset_bound(100), 100);
    ck_assert_int_eq(pr_freelist_preset_bound(0), 0);
    ck_assert_int_eq(pr_interp.float_.free.max, PR_FLOAT_MAXFREELIST);
    ck_assert_int_eq(pr_interp.long_.free.max, 0);
    ck_assert_int_eq(pr_interp.list.free.max, PR_LIST_MAXFREELIST);
    ck_assert_int_eq(pr_interp.dict.free.max, PR_DICT_MAXFREELIST);
    ck_assert_int_eq(pr_interp.dict.keys_free.max, PR_DICT_MAXFREELIST);
    for (int i = 0; i < PR_TUPLE_MAXSAVESIZE; i++) {
        ck_assert_int_eq(pr_interp.tuple.free[i].max, PR_TUPLE_MAXFREELIST);
    }
}
END_TEST

Suite *pr_test_freelist_suite(void)
{
    Suite *s = suite_create("freelist");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_bound_and_order);
    tcase_add_test(tc, test_clear_all);
    tcase_add_test(tc, test_preset_bound);
    suite_add_tcase(s, tc);
    return s;
}
