/* objects/list.c — list: storage and growth, the free list, item and slice access, methods,
 * sorting, repr, comparison, operators, iterators and collector support. Contracts and the
 * memory layout in objects/list.h. */
#include "objects/list.h"

#include "memory/obmalloc.h"
#include "objects/float.h"
#include "objects/iterate.h"
#include "objects/long.h"
#include "objects/number.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"

#include <limits.h>
#include <string.h>

#define LIST_MAXFREELIST PR_LIST_MAXFREELIST
#define MAX_ITEMS ((ssize_t)(SSIZE_MAX / (ssize_t)sizeof(PrObject *)))

/* ============================================================================================
 *  Storage
 * ============================================================================================ */

/* Sets the item block to exactly cap slots (cap >= size). */
static int set_capacity(PrList *l, ssize_t cap)
{
    if (cap > MAX_ITEMS) {
        pr_err_no_memory();
        return -1;
    }
    PrObject **items = NULL;
    if (cap > 0) {
        items = pr_mem_realloc(l->items, (size_t)cap * sizeof(PrObject *));
        if (!items) {
            pr_err_no_memory();
            return -1;
        }
    } else {
        pr_mem_free(l->items);
    }
    l->items = items;
    l->allocated = cap;
    return 0;
}

/* CPython 3.11's list_resize: makes room for newsize items and sets the size to it (the new
 * slots are uninitialised), over-allocating by n/8 + 6 rounded down to a multiple of 4. */
static int list_resize(PrList *l, ssize_t newsize)
{
    ssize_t allocated = l->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        l->ob.size = newsize;
        return 0;
    }
    size_t cap = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - l->ob.size > (ssize_t)(cap - (size_t)newsize)) {
        cap = ((size_t)newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        cap = 0;
    }
    if (cap > (size_t)MAX_ITEMS || set_capacity(l, (ssize_t)cap) < 0) {
        if (!pr_err_occurred()) {
            pr_err_no_memory();
        }
        return -1;
    }
    l->ob.size = newsize;
    return 0;
}

/* An empty list's first block for n items: n rounded up to even (list_preallocate_exact). */
static int preallocate_exact(PrList *l, ssize_t n)
{
    PR_ASSERT(l->items == NULL && n > 0);
    return set_capacity(l, n > MAX_ITEMS - 1 ? n : (n + 1) & ~(ssize_t)1);
}

/* An untracked empty list, from the free list when it has one. */
static PrList *list_alloc(void)
{
    PrList *l = pr_freelist_pop(&pr_interp.list.free);
    if (l) {
        l->ob.ob.refcnt = 1;
        pr_gc_note_alloc(&pr_interp.gc);
    } else if (!(l = (PrList *)pr_object_new(PR_TYPE(list)))) {
        return NULL;
    }
    l->ob.size = 0;
    l->items = NULL;
    l->allocated = 0;
    return l;
}

PrObject *pr_list_new(ssize_t n)
{
    if (n < 0) {
        return pr_err_bad_internal_call("pr_list_new");
    }
    PrList *l = list_alloc();
    if (!l) {
        return NULL;
    }
    if (n > 0) {
        if (set_capacity(l, n) < 0) {
            pr_object_free((PrObject *)l);
            return NULL;
        }
        memset(l->items, 0, (size_t)n * sizeof(PrObject *));
        l->ob.size = n;
    }
    pr_gc_track((PrObject *)l);
    return (PrObject *)l;
}

PrObject *pr_list_from_array(PrObject *const *items, ssize_t n)
{
    PrObject *l = pr_list_new(n);
    for (ssize_t i = 0; l && i < n; i++) {
        PR_LIST_ITEMS(l)[i] = PR_NEWREF(items[i]);
    }
    return l;
}

/* Drops every item and the block (CPython's _list_clear): the list is empty before any
 * item's release can run code that looks at it. */
static void list_clear_items(PrList *l)
{
    PrObject **items = l->items;
    ssize_t n = l->ob.size;
    if (!items) {
        return;
    }
    l->items = NULL;
    l->ob.size = 0;
    l->allocated = 0;
    while (n-- > 0) {
        PR_XDECREF(items[n]);
    }
    pr_mem_free(items);
}

static void list_dealloc(PrObject *self)
{
    PrList *l = (PrList *)self;
    pr_gc_untrack(self);
    list_clear_items(l);
    if (PR_LIST_CHECK_EXACT(self) && pr_freelist_push(&pr_interp.list.free, self)) {
        pr_gc_note_free(&pr_interp.gc);
        return;
    }
    pr_object_free(self);
}

/* Hands a list kept on the free list back to the allocator. */
static void release_list(void *block)
{
    pr_gc_note_alloc(&pr_interp.gc); /* pr_object_free counts the free again */
    pr_object_free(block);
}

void pr_list_init_state(void)
{
    pr_freelist_init(&pr_interp.list.free, LIST_MAXFREELIST, release_list);
}

ssize_t pr_list_clear_free_list(void)
{
    return pr_freelist_clear(&pr_interp.list.free);
}

/* ============================================================================================
 *  Items
 * ============================================================================================ */

ssize_t pr_list_size(PrObject *l)
{
    return PR_LIST_SIZE(l);
}

PrObject *pr_list_get_borrow(PrObject *l, ssize_t i)
{
    if (!PR_LIST_CHECK(l)) {
        return pr_err_bad_internal_call("pr_list_get_borrow");
    }
    if ((size_t)i >= (size_t)PR_LIST_SIZE(l)) {
        return pr_err_set(PR_EXC(IndexError), "list index out of range");
    }
    return PR_LIST_ITEMS(l)[i];
}

int pr_list_set_steal(PrObject *l, ssize_t i, PrObject *item)
{
    if (!PR_LIST_CHECK(l)) {
        PR_XDECREF(item);
        pr_err_bad_internal_call("pr_list_set_steal");
        return -1;
    }
    if ((size_t)i >= (size_t)PR_LIST_SIZE(l)) {
        PR_XDECREF(item);
        pr_err_set(PR_EXC(IndexError), "list assignment index out of range");
        return -1;
    }
    PR_SETREF(PR_LIST_ITEMS(l)[i], item);
    return 0;
}

int pr_list_append(PrObject *self, PrObject *x)
{
    PrList *l = (PrList *)self;
    ssize_t n = l->ob.size;
    if (n < l->allocated) { /* the common case, without a call */
        l->items[n] = PR_NEWREF(x);
        l->ob.size = n + 1;
        return 0;
    }
    if (list_resize(l, n + 1) < 0) {
        return -1;
    }
    l->items[n] = PR_NEWREF(x);
    return 0;
}

int pr_list_insert(PrObject *self, ssize_t where, PrObject *x)
{
    PrList *l = (PrList *)self;
    ssize_t n = l->ob.size;
    if (list_resize(l, n + 1) < 0) {
        return -1;
    }
    if (where < 0) {
        where += n;
        if (where < 0) {
            where = 0;
        }
    }
    if (where > n) {
        where = n;
    }
    memmove(l->items + where + 1, l->items + where, (size_t)(n - where) * sizeof(PrObject *));
    l->items[where] = PR_NEWREF(x);
    return 0;
}

PrObject *pr_list_pop(PrObject *self, ssize_t i)
{
    PrList *l = (PrList *)self;
    ssize_t n = l->ob.size;
    if (n == 0) {
        return pr_err_set(PR_EXC(IndexError), "pop from empty list");
    }
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        return pr_err_set(PR_EXC(IndexError), "pop index out of range");
    }
    PrObject *item = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(n - i - 1) * sizeof(PrObject *));
    if (list_resize(l, n - 1) < 0) { /* shrinking: cannot fail, realloc keeps the block */
        pr_err_clear();
        l->ob.size = n - 1;
    }
    return item;
}

/* Appends the n items of an array (which may be l's own). */
static int extend_array(PrList *l, PrObject *const *src, ssize_t n, PrObject *keep)
{
    ssize_t m = l->ob.size;
    if (n == 0) {
        return 0;
    }
    PR_INCREF(keep); /* src may belong to l, which realloc moves */
    int rc;
    if (!l->items) {
        rc = preallocate_exact(l, n);
        l->ob.size = rc < 0 ? 0 : n;
    } else {
        rc = list_resize(l, m + n);
    }
    if (rc == 0) {
        if (keep == (PrObject *)l) {
            src = l->items;
        }
        for (ssize_t i = 0; i < n; i++) {
            l->items[m + i] = PR_NEWREF(src[i]);
        }
    }
    PR_DECREF(keep);
    return rc;
}

int pr_list_extend(PrObject *self, PrObject *iterable)
{
    PrList *l = (PrList *)self;
    if (PR_LIST_CHECK(iterable) || PR_TUPLE_CHECK(iterable)) {
        PrObject **src =
            PR_LIST_CHECK(iterable) ? PR_LIST_ITEMS(iterable) : PR_TUPLE_ITEMS(iterable);
        return extend_array(l, src, PR_SIZE(iterable), iterable);
    }
    PrObject *it = pr_object_get_iter(iterable), *item;
    if (!it) {
        return -1;
    }
    ssize_t hint = pr_object_length_hint(iterable, 8), m = l->ob.size;
    int rc = hint < 0 ? -1 : 0;
    if (rc == 0 && hint > 0 && !l->items) {
        rc = preallocate_exact(l, hint); /* list(range(n)): exactly n, rounded up to even */
    } else if (rc == 0 && hint > 0 && m + hint > l->allocated) {
        rc = list_resize(l, m + hint);
        l->ob.size = m;
    }
    while (rc == 0 && (item = pr_iter_next(it))) {
        if (l->ob.size < l->allocated) {
            l->items[l->ob.size++] = item;
        } else {
            rc = pr_list_append(self, item);
            PR_DECREF(item);
        }
    }
    if (rc == 0 && pr_err_occurred()) {
        rc = -1;
    }
    if (l->ob.size < l->allocated && l->ob.size < (l->allocated >> 1)) {
        list_resize(l, l->ob.size); /* give back an over-estimate, as CPython does */
    }
    PR_DECREF(it);
    return rc;
}

PrObject *pr_list_from_iterable(PrObject *iterable)
{
    PrObject *l = pr_list_new(0);
    if (l && pr_list_extend(l, iterable) < 0) {
        PR_CLEAR(l);
    }
    return l;
}

PrObject *pr_list_as_tuple(PrObject *l)
{
    return pr_tuple_from_array(PR_LIST_ITEMS(l), PR_LIST_SIZE(l));
}

/* ============================================================================================
 *  Slices
 * ============================================================================================ */

static void clamp_slice(ssize_t n, ssize_t *lo, ssize_t *hi)
{
    *lo = *lo < 0 ? 0 : *lo > n ? n : *lo;
    *hi = *hi < *lo ? *lo : *hi > n ? n : *hi;
}

PrObject *pr_list_get_slice(PrObject *l, ssize_t lo, ssize_t hi)
{
    clamp_slice(PR_LIST_SIZE(l), &lo, &hi);
    return pr_list_from_array(PR_LIST_ITEMS(l) + lo, hi - lo);
}

/* l[lo:hi] = the n items of src (CPython's list_ass_slice once v is an array). The items
 * replaced are released last, after the list is consistent again. */
static int assign_slice(PrList *l, ssize_t lo, ssize_t hi, PrObject *const *src, ssize_t n)
{
    ssize_t size = l->ob.size, d = n - (hi - lo);
    if (size + d == 0) {
        list_clear_items(l);
        return 0;
    }
    ssize_t nold = hi - lo;
    PrObject *small[8], **old = nold <= 8 ? small : pr_mem_alloc((size_t)nold * sizeof *old);
    if (!old) {
        pr_err_no_memory();
        return -1;
    }
    memcpy(old, l->items + lo, (size_t)nold * sizeof *old);
    if (d < 0) {
        memmove(l->items + hi + d, l->items + hi, (size_t)(size - hi) * sizeof(PrObject *));
        list_resize(l, size + d); /* shrinking never fails */
        pr_err_clear();
        l->ob.size = size + d;
    } else if (d > 0) {
        if (list_resize(l, size + d) < 0) {
            if (old != small) {
                pr_mem_free(old);
            }
            return -1;
        }
        memmove(l->items + hi + d, l->items + hi, (size_t)(size - hi) * sizeof(PrObject *));
    }
    for (ssize_t i = 0; i < n; i++) {
        l->items[lo + i] = PR_NEWREF(src[i]);
    }
    for (ssize_t i = nold; i-- > 0;) {
        PR_XDECREF(old[i]);
    }
    if (old != small) {
        pr_mem_free(old);
    }
    return 0;
}

/* v as a sequence of items: a tuple or list as is (a copy when it is l itself), anything
 * iterable made into a tuple. Returns: a new reference, or NULL with "must assign iterable to
 * extended slice" / "can only assign an iterable". */
static PrObject *as_sequence(PrList *l, PrObject *v, const char *msg)
{
    if (PR_TUPLE_CHECK(v) || (PR_LIST_CHECK(v) && v != (PrObject *)l)) {
        return PR_NEWREF(v);
    }
    if (!v->type->iter) {
        return pr_err_set(PR_EXC(TypeError), msg);
    }
    return pr_list_from_iterable(v);
}

int pr_list_set_slice(PrObject *self, ssize_t lo, ssize_t hi, PrObject *v)
{
    PrList *l = (PrList *)self;
    clamp_slice(l->ob.size, &lo, &hi);
    if (!v) {
        return assign_slice(l, lo, hi, NULL, 0);
    }
    PrObject *seq = as_sequence(l, v, "can only assign an iterable");
    if (!seq) {
        return -1;
    }
    PrObject **src = PR_LIST_CHECK(seq) ? PR_LIST_ITEMS(seq) : PR_TUPLE_ITEMS(seq);
    int rc = assign_slice(l, lo, hi, src, PR_SIZE(seq));
    PR_DECREF(seq);
    return rc;
}

/* l[start:stop:step] for an extended slice. */
static PrObject *get_extended(PrList *l, ssize_t start, ssize_t step, ssize_t n)
{
    PrObject *r = pr_list_new(n);
    for (ssize_t i = 0; r && i < n; i++) {
        PR_LIST_ITEMS(r)[i] = PR_NEWREF(l->items[start + i * step]);
    }
    return r;
}

/* del l[start:stop:step] with step != 1: compacts the survivors, then releases the others. */
static int del_extended(PrList *l, ssize_t start, ssize_t step, ssize_t n)
{
    if (n == 0) {
        return 0;
    }
    if (step < 0) { /* the same items, walked forwards */
        start += step * (n - 1);
        step = -step;
    }
    PrObject **gone = pr_mem_alloc((size_t)n * sizeof *gone);
    if (!gone) {
        pr_err_no_memory();
        return -1;
    }
    ssize_t size = l->ob.size, w = start, k = 0;
    for (ssize_t i = start; i < size; i++) {
        if (k < n && i == start + k * step) {
            gone[k++] = l->items[i];
        } else {
            l->items[w++] = l->items[i];
        }
    }
    list_resize(l, size - n);
    pr_err_clear();
    l->ob.size = size - n;
    for (ssize_t i = 0; i < n; i++) {
        PR_DECREF(gone[i]);
    }
    pr_mem_free(gone);
    return 0;
}

static int set_extended(PrList *l, ssize_t start, ssize_t step, ssize_t n, PrObject *v)
{
    PrObject *seq = as_sequence(l, v, "must assign iterable to extended slice");
    if (!seq) {
        return -1;
    }
    int rc = -1;
    PrObject **gone = NULL;
    if (PR_SIZE(seq) != n) {
        pr_err_format(PR_EXC(ValueError),
                      "attempt to assign sequence of size %zd to extended slice of size %zd",
                      PR_SIZE(seq), n);
        goto done;
    }
    if (n && !(gone = pr_mem_alloc((size_t)n * sizeof *gone))) {
        pr_err_no_memory();
        goto done;
    }
    PrObject **src = PR_LIST_CHECK(seq) ? PR_LIST_ITEMS(seq) : PR_TUPLE_ITEMS(seq);
    for (ssize_t i = 0; i < n; i++) {
        gone[i] = l->items[start + i * step];
        l->items[start + i * step] = PR_NEWREF(src[i]);
    }
    for (ssize_t i = 0; i < n; i++) {
        PR_DECREF(gone[i]);
    }
    rc = 0;
done:
    pr_mem_free(gone);
    PR_DECREF(seq);
    return rc;
}

/* ============================================================================================
 *  Searching, reversing
 * ============================================================================================ */

ssize_t pr_list_index(PrObject *l, PrObject *x, ssize_t start, ssize_t stop)
{
    ssize_t n = PR_LIST_SIZE(l);
    start = start < 0 ? (start + n < 0 ? 0 : start + n) : start;
    stop = stop < 0 ? (stop + n < 0 ? 0 : stop + n) : stop;
    for (ssize_t i = start; i < stop && i < PR_LIST_SIZE(l); i++) {
        PrObject *item = PR_NEWREF(PR_LIST_ITEMS(l)[i]);
        int eq = pr_object_richcompare_bool(item, x, PR_EQ);
        PR_DECREF(item);
        if (eq != 0) {
            return eq > 0 ? i : -1;
        }
    }
    pr_err_format(PR_EXC(ValueError), "%R is not in list", x);
    return -1;
}

ssize_t pr_list_count(PrObject *l, PrObject *x)
{
    ssize_t count = 0;
    for (ssize_t i = 0; i < PR_LIST_SIZE(l); i++) {
        PrObject *item = PR_NEWREF(PR_LIST_ITEMS(l)[i]);
        int eq = pr_object_richcompare_bool(item, x, PR_EQ);
        PR_DECREF(item);
        if (eq < 0) {
            return -1;
        }
        count += eq;
    }
    return count;
}

int pr_list_remove(PrObject *l, PrObject *x)
{
    for (ssize_t i = 0; i < PR_LIST_SIZE(l); i++) {
        PrObject *item = PR_NEWREF(PR_LIST_ITEMS(l)[i]);
        int eq = pr_object_richcompare_bool(item, x, PR_EQ);
        PR_DECREF(item);
        if (eq > 0) {
            return assign_slice((PrList *)l, i, i + 1, NULL, 0);
        }
        if (eq < 0) {
            return -1;
        }
    }
    pr_err_set(PR_EXC(ValueError), "list.remove(x): x not in list");
    return -1;
}

static void reverse_range(PrObject **lo, PrObject **hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        PrObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

void pr_list_reverse(PrObject *l)
{
    if (PR_LIST_SIZE(l) > 1) {
        reverse_range(PR_LIST_ITEMS(l), PR_LIST_ITEMS(l) + PR_LIST_SIZE(l));
    }
}

/* ============================================================================================
 *  Sorting: a stable merge sort on (key, value) pairs
 * ============================================================================================ */

typedef struct SortItem {
    PrObject *key;
    PrObject *value;
} SortItem;

/* How the sort compares keys. As CPython's list.sort, the keys are scanned once before sorting:
 * when they all have the same type, a comparison specialised for that type replaces the generic
 * pr_object_richcompare_bool (unsafe_long_compare, unsafe_float_compare, unsafe_latin_compare,
 * unsafe_object_compare, unsafe_tuple_compare), with the same results and errors. */
typedef struct SortCmp SortCmp;
typedef int (*SortLtFunc)(PrObject *a, PrObject *b, SortCmp *c);

struct SortCmp {
    SortLtFunc lt;      /* a < b: 1, 0, or -1 with an exception */
    SortLtFunc elem_lt; /* for tuples: how first items compare */
    PrRichCmpFunc richcompare; /* the keys' type's, for lt_same_type */
    int failed;
};

static int lt_generic(PrObject *a, PrObject *b, SortCmp *c)
{
    (void)c;
    return pr_object_richcompare_bool(a, b, PR_LT);
}

/* Keys all of one type with a richcompare: called directly; NotImplemented falls back. */
static int lt_same_type(PrObject *a, PrObject *b, SortCmp *c)
{
    PrObject *r = c->richcompare(a, b, PR_LT);
    if (r == PR_NotImplemented) {
        PR_DECREF(r);
        return lt_generic(a, b, c);
    }
    if (!r) {
        return -1;
    }
    int truth = r == PR_True ? 1 : r == PR_False ? 0 : pr_object_is_true(r);
    PR_DECREF(r);
    return truth;
}

static int lt_compact_int(PrObject *a, PrObject *b, SortCmp *c)
{
    (void)c;
    return pr_long_compact_value(a) < pr_long_compact_value(b);
}

static int lt_float(PrObject *a, PrObject *b, SortCmp *c)
{
    (void)c;
    return PR_FLOAT_VALUE(a) < PR_FLOAT_VALUE(b);
}

static int lt_str(PrObject *a, PrObject *b, SortCmp *c)
{
    (void)c;
    return pr_str_compare(a, b) < 0;
}

/* Non-empty exact tuples: the first items that differ decide, as tuple's richcompare. */
static int lt_tuple(PrObject *a, PrObject *b, SortCmp *c)
{
    ssize_t na = PR_TUPLE_SIZE(a), nb = PR_TUPLE_SIZE(b), i = 0;
    for (; i < na && i < nb; i++) {
        int eq = pr_object_richcompare_bool(PR_TUPLE_ITEMS(a)[i], PR_TUPLE_ITEMS(b)[i], PR_EQ);
        if (eq < 0) {
            return -1;
        }
        if (!eq) {
            break;
        }
    }
    if (i >= na || i >= nb) {
        return na < nb;
    }
    if (i == 0) {
        return c->elem_lt(PR_TUPLE_ITEMS(a)[0], PR_TUPLE_ITEMS(b)[0], c);
    }
    return pr_object_richcompare_bool(PR_TUPLE_ITEMS(a)[i], PR_TUPLE_ITEMS(b)[i], PR_LT);
}

/* The comparison for keys (or, tuples is set, the first items of the tuples keys) when they
 * all have one type. */
static SortLtFunc pick_lt(const SortItem *v, ssize_t n, int tuples, PrRichCmpFunc *rc)
{
#define SORT_KEY(i) (tuples ? PR_TUPLE_ITEMS(v[i].key)[0] : v[i].key)
    PrType *t = PR_TYPE_OF(SORT_KEY(0));
    int compact = 1;
    for (ssize_t i = 0; i < n; i++) {
        PrObject *k = SORT_KEY(i);
        if (PR_TYPE_OF(k) != t) {
            return lt_generic;
        }
        if (tuples == 0 && t == PR_TYPE(tuple) && PR_TUPLE_SIZE(k) == 0) {
            return lt_generic;
        }
        compact = compact && t == PR_TYPE(int) && pr_long_is_compact(k);
    }
#undef SORT_KEY
    *rc = t->richcompare;
    if (compact) {
        return lt_compact_int;
    }
    if (t == PR_TYPE(float)) {
        return lt_float;
    }
    if (t == PR_TYPE(str)) {
        return lt_str;
    }
    if (t == PR_TYPE(tuple) && !tuples) {
        return lt_tuple;
    }
    return t->richcompare ? lt_same_type : lt_generic;
}

/* a < b for the sort; after the first failure every answer is "no", so the merge finishes as
 * a plain copy and no item is lost. */
static int sort_lt(PrObject *a, PrObject *b, SortCmp *c)
{
    if (c->failed) {
        return 0;
    }
    int r = c->lt(a, b, c);
    if (r < 0) {
        c->failed = 1;
        return 0;
    }
    return r;
}

static void insertion_sort(SortItem *v, ssize_t n, SortCmp *c)
{
    for (ssize_t i = 1; i < n; i++) {
        SortItem x = v[i];
        ssize_t j = i;
        while (j > 0 && sort_lt(x.key, v[j - 1].key, c)) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/* Merges the sorted runs v[0..mid) and v[mid..n) through tmp (n items). */
static void merge(SortItem *v, ssize_t mid, ssize_t n, SortItem *tmp, SortCmp *c)
{
    if (!sort_lt(v[mid].key, v[mid - 1].key, c)) {
        return; /* already in order */
    }
    memcpy(tmp, v, (size_t)n * sizeof *tmp);
    ssize_t i = 0, j = mid, k = 0;
    while (i < mid && j < n) {
        v[k++] = sort_lt(tmp[j].key, tmp[i].key, c) ? tmp[j++] : tmp[i++];
    }
    while (i < mid) {
        v[k++] = tmp[i++];
    }
    while (j < n) {
        v[k++] = tmp[j++];
    }
}

static void merge_sort(SortItem *v, ssize_t n, SortItem *tmp, SortCmp *c)
{
    if (n <= 16) {
        insertion_sort(v, n, c);
        return;
    }
    ssize_t mid = n / 2;
    merge_sort(v, mid, tmp, c);
    merge_sort(v + mid, n - mid, tmp, c);
    merge(v, mid, n, tmp, c);
}

/* Computes the keys (or borrows the values as keys) and sorts pairs. Returns: 0 or -1. */
static int sort_items(PrObject **items, ssize_t n, PrObject *key)
{
    int failed = 0;
    ssize_t nkeys = 0;
    SortItem *v = pr_mem_alloc((size_t)n * 2 * sizeof *v);
    if (!v) {
        pr_err_no_memory();
        return -1;
    }
    for (ssize_t i = 0; i < n; i++) {
        v[i].value = items[i];
        v[i].key = items[i];
        if (key && !(v[i].key = pr_object_call(key, &items[i], 1, NULL))) {
            failed = 1;
            break;
        }
        nkeys = i + 1;
    }
    if (!failed) {
        SortCmp c = {.failed = 0};
        c.lt = pick_lt(v, n, 0, &c.richcompare);
        if (c.lt == lt_tuple) {
            c.elem_lt = pick_lt(v, n, 1, &c.richcompare);
        }
        merge_sort(v, n, v + n, &c);
        failed = c.failed;
        for (ssize_t i = 0; i < n; i++) {
            items[i] = v[i].value;
        }
    }
    for (ssize_t i = 0; key && i < nkeys; i++) {
        PR_DECREF(v[i].key);
    }
    pr_mem_free(v);
    return failed ? -1 : 0;
}

/* As CPython: the list is emptied while it is sorted, so code run by comparisons sees an empty
 * list; if that code fills it, the sort reports the change and the sorted items win. */
int pr_list_sort(PrObject *self, PrObject *key, int reverse)
{
    PrList *l = (PrList *)self;
    PrObject **items = l->items;
    ssize_t n = l->ob.size, allocated = l->allocated;
    if (key == PR_None) {
        key = NULL;
    }
    l->items = NULL;
    l->ob.size = 0;
    l->allocated = -1; /* any resize while sorting is a modification */
    if (reverse && n > 1) {
        reverse_range(items, items + n); /* keeps equal items in their order */
    }
    int rc = n > 1 ? sort_items(items, n, key) : 0;
    if (reverse && n > 1) {
        reverse_range(items, items + n);
    }
    int modified = l->allocated != -1 || l->items != NULL;
    PrObject **stray = l->items;
    ssize_t nstray = l->ob.size;
    l->items = items;
    l->ob.size = n;
    l->allocated = allocated;
    if (modified) {
        if (rc == 0) {
            pr_err_set(PR_EXC(ValueError), "list modified during sort");
        }
        rc = -1;
        while (nstray-- > 0) {
            PR_DECREF(stray[nstray]);
        }
        pr_mem_free(stray);
    }
    return rc;
}

/* ============================================================================================
 *  Sequence and mapping slots, operators
 * ============================================================================================ */

static ssize_t list_length(PrObject *self)
{
    return PR_LIST_SIZE(self);
}

static PrObject *list_item(PrObject *self, ssize_t i)
{
    PrObject *item = pr_list_get_borrow(self, i);
    return item ? PR_NEWREF(item) : NULL;
}

static int list_ass_item(PrObject *self, ssize_t i, PrObject *value)
{
    if ((size_t)i >= (size_t)PR_LIST_SIZE(self)) {
        pr_err_set(PR_EXC(IndexError), "list assignment index out of range");
        return -1;
    }
    if (!value) {
        return assign_slice((PrList *)self, i, i + 1, NULL, 0);
    }
    return pr_list_set_steal(self, i, PR_NEWREF(value));
}

static int list_contains(PrObject *self, PrObject *o)
{
    int rc = 0;
    for (ssize_t i = 0; rc == 0 && i < PR_LIST_SIZE(self); i++) {
        PrObject *item = PR_NEWREF(PR_LIST_ITEMS(self)[i]);
        rc = pr_object_richcompare_bool(item, o, PR_EQ);
        PR_DECREF(item);
    }
    return rc;
}

static PrObject *list_concat(PrObject *a, PrObject *b)
{
    if (!PR_LIST_CHECK(b)) {
        return pr_err_format(PR_EXC(TypeError), "can only concatenate list (not \"%s\") to list",
                             b->type->name);
    }
    ssize_t na = PR_LIST_SIZE(a), nb = PR_LIST_SIZE(b);
    PrObject *r = pr_list_new(na + nb);
    for (ssize_t i = 0; r && i < na; i++) {
        PR_LIST_ITEMS(r)[i] = PR_NEWREF(PR_LIST_ITEMS(a)[i]);
    }
    for (ssize_t i = 0; r && i < nb; i++) {
        PR_LIST_ITEMS(r)[na + i] = PR_NEWREF(PR_LIST_ITEMS(b)[i]);
    }
    return r;
}

static PrObject *list_repeat(PrObject *self, ssize_t n)
{
    ssize_t size = PR_LIST_SIZE(self);
    if (n < 0) {
        n = 0;
    }
    if (size && n > MAX_ITEMS / size) {
        return pr_err_no_memory();
    }
    PrObject *r = pr_list_new(size * n);
    for (ssize_t k = 0; r && k < n; k++) {
        for (ssize_t i = 0; i < size; i++) {
            PR_LIST_ITEMS(r)[k * size + i] = PR_NEWREF(PR_LIST_ITEMS(self)[i]);
        }
    }
    return r;
}

static PrObject *list_inplace_repeat(PrObject *self, ssize_t n)
{
    PrList *l = (PrList *)self;
    ssize_t size = l->ob.size;
    if (size == 0 || n == 1) {
        return PR_NEWREF(self);
    }
    if (n < 1) {
        list_clear_items(l);
        return PR_NEWREF(self);
    }
    if (n > MAX_ITEMS / size || list_resize(l, size * n) < 0) {
        return pr_err_no_memory();
    }
    for (ssize_t k = 1; k < n; k++) {
        for (ssize_t i = 0; i < size; i++) {
            l->items[k * size + i] = PR_NEWREF(l->items[i]);
        }
    }
    return PR_NEWREF(self);
}

/* list * n and n * list: the number slot, since the operator dispatch only falls back to
 * sequences for +. */
static PrObject *list_multiply(PrObject *a, PrObject *b)
{
    PrObject *seq = PR_LIST_CHECK(a) ? a : b, *count = seq == a ? b : a;
    ssize_t n;
    if (!pr_index_check(count)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    if (pr_index_as_ssize(count, &n, PR_EXC(OverflowError)) < 0) {
        return NULL;
    }
    return list_repeat(seq, n);
}

static PrObject *list_inplace_multiply(PrObject *a, PrObject *b)
{
    ssize_t n;
    if (!PR_LIST_CHECK(a) || !pr_index_check(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    if (pr_index_as_ssize(b, &n, PR_EXC(OverflowError)) < 0) {
        return NULL;
    }
    return list_inplace_repeat(a, n);
}

static PrObject *list_inplace_concat(PrObject *a, PrObject *b)
{
    if (!PR_LIST_CHECK(a)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return pr_list_extend(a, b) < 0 ? NULL : PR_NEWREF(a);
}

static PrObject *list_subscript(PrObject *self, PrObject *key)
{
    if (pr_index_check(key)) {
        ssize_t i;
        if (pr_index_as_ssize(key, &i, PR_EXC(IndexError)) < 0) {
            return NULL;
        }
        return list_item(self, i < 0 ? i + PR_LIST_SIZE(self) : i);
    }
    if (PR_SLICE_CHECK(key)) {
        ssize_t start, stop, step, n;
        if (pr_slice_unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        n = pr_slice_adjust_indices(PR_LIST_SIZE(self), &start, &stop, step);
        if (step == 1) {
            return pr_list_from_array(PR_LIST_ITEMS(self) + start, n);
        }
        return get_extended((PrList *)self, start, step, n);
    }
    return pr_err_format(PR_EXC(TypeError), "list indices must be integers or slices, not %s",
                         key->type->name);
}

static int list_ass_subscript(PrObject *self, PrObject *key, PrObject *value)
{
    if (pr_index_check(key)) {
        ssize_t i;
        if (pr_index_as_ssize(key, &i, PR_EXC(IndexError)) < 0) {
            return -1;
        }
        return list_ass_item(self, i < 0 ? i + PR_LIST_SIZE(self) : i, value);
    }
    if (!PR_SLICE_CHECK(key)) {
        pr_err_format(PR_EXC(TypeError), "list indices must be integers or slices, not %s",
                      key->type->name);
        return -1;
    }
    ssize_t start, stop, step, n;
    if (pr_slice_unpack(key, &start, &stop, &step) < 0) {
        return -1;
    }
    n = pr_slice_adjust_indices(PR_LIST_SIZE(self), &start, &stop, step);
    if (step == 1) {
        return pr_list_set_slice(self, start, stop, value);
    }
    if (!value) {
        return del_extended((PrList *)self, start, step, n);
    }
    return set_extended((PrList *)self, start, step, n, value);
}

/* ============================================================================================
 *  repr, comparison
 * ============================================================================================ */

static PrObject *list_repr(PrObject *self)
{
    if (PR_LIST_SIZE(self) == 0) {
        return pr_str_from_cstr("[]");
    }
    int rc = pr_repr_enter(self);
    if (rc != 0) {
        return rc > 0 ? pr_str_from_cstr("[...]") : NULL;
    }
    PrStrBuilder b;
    pr_str_builder_init(&b);
    pr_str_builder_append(&b, "[", 1);
    for (ssize_t i = 0; i < PR_LIST_SIZE(self); i++) { /* repr may shrink the list */
        PrObject *item = PR_NEWREF(PR_LIST_ITEMS(self)[i]);
        rc = (i && pr_str_builder_append(&b, ", ", 2) < 0) ||
             pr_str_builder_append_repr(&b, item) < 0;
        PR_DECREF(item);
        if (rc) {
            break;
        }
    }
    pr_str_builder_append(&b, "]", 1);
    pr_repr_leave(self);
    return pr_str_builder_finish(&b);
}

static PrObject *compare_sizes(ssize_t a, ssize_t b, PrCompareOp op)
{
    int r = op == PR_LT   ? a < b
            : op == PR_LE ? a <= b
            : op == PR_EQ ? a == b
            : op == PR_NE ? a != b
            : op == PR_GT ? a > b
                          : a >= b;
    return pr_bool_from_long(r);
}

static PrObject *list_richcompare(PrObject *v, PrObject *w, PrCompareOp op)
{
    if (!PR_LIST_CHECK(v) || !PR_LIST_CHECK(w)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    if (PR_LIST_SIZE(v) != PR_LIST_SIZE(w) && (op == PR_EQ || op == PR_NE)) {
        return pr_bool_from_long(op == PR_NE);
    }
    ssize_t i = 0;
    for (; i < PR_LIST_SIZE(v) && i < PR_LIST_SIZE(w); i++) {
        PrObject *a = PR_NEWREF(PR_LIST_ITEMS(v)[i]), *b = PR_NEWREF(PR_LIST_ITEMS(w)[i]);
        int eq = a == b ? 1 : pr_object_richcompare_bool(a, b, PR_EQ);
        if (eq == 0 && op != PR_EQ && op != PR_NE) {
            PrObject *r = pr_object_richcompare(a, b, op);
            PR_DECREF(a);
            PR_DECREF(b);
            return r;
        }
        PR_DECREF(a);
        PR_DECREF(b);
        if (eq < 0) {
            return NULL;
        }
        if (!eq) {
            return pr_bool_from_long(op == PR_NE);
        }
    }
    return compare_sizes(PR_LIST_SIZE(v), PR_LIST_SIZE(w), op);
}

/* ============================================================================================
 *  Methods
 * ============================================================================================ */

static PrObject *none_or_null(int rc)
{
    return rc < 0 ? NULL : PR_NEWREF(PR_None);
}

static PrObject *list_append_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    return none_or_null(pr_list_append(self, args[0]));
}

static PrObject *list_extend_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    return none_or_null(pr_list_extend(self, args[0]));
}

/* Checks that a method got between min and max positional arguments. */
static int check_nargs(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs < min) {
        pr_err_format(PR_EXC(TypeError),
                      min == max ? "%s expected %zu argument%s, got %zu"
                                 : "%s expected at least %zu argument%s, got %zu",
                      name, min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        pr_err_format(PR_EXC(TypeError),
                      min == max ? "%s expected %zu argument%s, got %zu"
                                 : "%s expected at most %zu argument%s, got %zu",
                      name, max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* An index argument: TypeError for non-integers, OverflowError beyond ssize_t. */
static int index_arg(PrObject *o, ssize_t *out)
{
    return pr_index_as_ssize(o, out, PR_EXC(OverflowError));
}

static PrObject *list_insert_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    ssize_t i;
    if (check_nargs("insert", nargs, 2, 2) < 0 || index_arg(args[0], &i) < 0) {
        return NULL;
    }
    return none_or_null(pr_list_insert(self, i, args[1]));
}

static PrObject *list_pop_meth(PrObject *self, PrObject *const *args, size_t nargs,
                               PrObject *kwnames)
{
    ssize_t i = -1;
    if (check_nargs("pop", nargs, 0, 1) < 0 || (nargs && index_arg(args[0], &i) < 0)) {
        return NULL;
    }
    return pr_list_pop(self, i);
}

static PrObject *list_remove_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    return none_or_null(pr_list_remove(self, args[0]));
}

static PrObject *list_clear_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kwnames)
{
    list_clear_items((PrList *)self);
    PR_RETURN_NONE;
}

static PrObject *list_copy_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                PrObject *kwnames)
{
    return pr_list_from_array(PR_LIST_ITEMS(self), PR_LIST_SIZE(self));
}

static PrObject *list_reverse_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                   PrObject *kwnames)
{
    pr_list_reverse(self);
    PR_RETURN_NONE;
}

static PrObject *list_sort_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                PrObject *kwnames)
{
    PrObject *key = NULL;
    int reverse = 0;
    if (nargs) {
        return pr_err_set(PR_EXC(TypeError), "sort() takes no positional arguments");
    }
    for (ssize_t i = 0; kwnames && i < PR_TUPLE_SIZE(kwnames); i++) {
        PrObject *name = PR_TUPLE_ITEMS(kwnames)[i], *value = args[i];
        if (pr_str_eq_cstr(name, "key")) {
            key = value;
        } else if (pr_str_eq_cstr(name, "reverse")) {
            if ((reverse = pr_object_is_true(value)) < 0) {
                return NULL;
            }
        } else {
            return pr_err_format(PR_EXC(TypeError),
                                 "'%U' is an invalid keyword argument for sort()", name);
        }
    }
    return none_or_null(pr_list_sort(self, key, reverse));
}

/* An optional start/stop argument of index(): clamped like a slice bound. */
static int bound_arg(PrObject *o, ssize_t *out)
{
    if (!pr_index_check(o)) {
        pr_err_set(PR_EXC(TypeError), "slice indices must be integers or have an __index__ method");
        return -1;
    }
    return pr_index_as_ssize(o, out, NULL);
}

static PrObject *list_index_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kwnames)
{
    ssize_t start = 0, stop = SSIZE_MAX;
    if (check_nargs("index", nargs, 1, 3) < 0 || (nargs > 1 && bound_arg(args[1], &start) < 0) ||
        (nargs > 2 && bound_arg(args[2], &stop) < 0)) {
        return NULL;
    }
    ssize_t i = pr_list_index(self, args[0], start, stop);
    return i < 0 ? NULL : pr_long_from_int64(i);
}

static PrObject *list_count_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kwnames)
{
    ssize_t n = pr_list_count(self, args[0]);
    return n < 0 ? NULL : pr_long_from_int64(n);
}

static PrObject *list_reversed_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames);

static const PrMethodDef list_methods[] = {
    {"append", list_append_meth, PR_METH_O, "Append object to the end of the list."},
    {"extend", list_extend_meth, PR_METH_O, "Extend list by appending elements from the iterable."},
    {"insert", list_insert_meth, PR_METH_VARARGS, "Insert object before index."},
    {"pop", list_pop_meth, PR_METH_VARARGS, "Remove and return item at index (default last)."},
    {"remove", list_remove_meth, PR_METH_O, "Remove first occurrence of value."},
    {"index", list_index_meth, PR_METH_VARARGS, "Return first index of value."},
    {"count", list_count_meth, PR_METH_O, "Return number of occurrences of value."},
    {"clear", list_clear_meth, PR_METH_NOARGS, "Remove all items from list."},
    {"copy", list_copy_meth, PR_METH_NOARGS, "Return a shallow copy of the list."},
    {"reverse", list_reverse_meth, PR_METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", list_sort_meth, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Sort the list in ascending order."},
    {"__reversed__", list_reversed_meth, PR_METH_NOARGS,
     "Return a reverse iterator over the list."},
    {NULL, NULL, 0, NULL},
};

/* list(iterable=()) */
static PrObject *list_new(PrType *type, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (type == PR_TYPE(list)) {
        return pr_list_new(0);
    }
    PrObject *l = pr_object_new(type);
    if (l) {
        pr_gc_track(l);
    }
    return l;
}

static int list_init(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (kwnames && PR_TUPLE_SIZE(kwnames)) {
        pr_err_set(PR_EXC(TypeError), "list() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        pr_err_format(PR_EXC(TypeError), "list expected at most 1 argument, got %zu", nargs);
        return -1;
    }
    list_clear_items((PrList *)self);
    return nargs ? pr_list_extend(self, args[0]) : 0;
}

/* ============================================================================================
 *  Collector support and size
 * ============================================================================================ */

static int list_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    for (ssize_t i = PR_LIST_SIZE(self); i-- > 0;) {
        PrObject *item = PR_LIST_ITEMS(self)[i];
        int rc = item ? visit(item, arg) : 0;
        if (rc) {
            return rc;
        }
    }
    return 0;
}

static int list_gc_clear(PrObject *self)
{
    list_clear_items((PrList *)self);
    return 0;
}

static ssize_t list_sizeof(PrObject *self)
{
    ssize_t cap = ((PrList *)self)->allocated;
    return (ssize_t)sizeof(PrList) + (cap > 0 ? cap : 0) * (ssize_t)sizeof(PrObject *);
}

/* ============================================================================================
 *  Iterators
 * ============================================================================================ */

typedef struct ListIter {
    PrObject ob;
    ssize_t index;
    PrObject *seq; /* NULL once exhausted */
} ListIter;

static PrObject *iter_new(PrObject *seq, const PrType *spec_type, ssize_t index)
{
    ListIter *it = (ListIter *)pr_object_new((PrType *)spec_type);
    if (!it) {
        return NULL;
    }
    it->index = index;
    it->seq = PR_NEWREF(seq);
    pr_gc_track((PrObject *)it);
    return (PrObject *)it;
}

static PrObject *list_iter(PrObject *self)
{
    return iter_new(self, PR_TYPE(list_iterator), 0);
}

static PrObject *list_reversed_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames)
{
    return iter_new(self, PR_TYPE(list_reverseiterator), PR_LIST_SIZE(self) - 1);
}

static void listiter_dealloc(PrObject *self)
{
    pr_gc_untrack(self);
    PR_XDECREF(((ListIter *)self)->seq);
    pr_object_free(self);
}

static int listiter_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrObject *seq = ((ListIter *)self)->seq;
    return seq ? visit(seq, arg) : 0;
}

static PrObject *listiter_next(PrObject *self)
{
    ListIter *it = (ListIter *)self;
    if (it->seq && it->index < PR_LIST_SIZE(it->seq)) {
        return PR_NEWREF(PR_LIST_ITEMS(it->seq)[it->index++]);
    }
    PR_CLEAR(it->seq);
    return NULL;
}

static PrObject *listreviter_next(PrObject *self)
{
    ListIter *it = (ListIter *)self;
    if (it->seq && it->index >= 0 && it->index < PR_LIST_SIZE(it->seq)) {
        return PR_NEWREF(PR_LIST_ITEMS(it->seq)[it->index--]);
    }
    it->index = -1;
    PR_CLEAR(it->seq);
    return NULL;
}

static PrObject *listiter_length_hint(PrObject *self, PrObject *const *args, size_t nargs,
                                      PrObject *kwnames)
{
    ListIter *it = (ListIter *)self;
    ssize_t n =
        it->seq && it->index < PR_LIST_SIZE(it->seq) ? PR_LIST_SIZE(it->seq) - it->index : 0;
    return pr_long_from_int64(n);
}

static PrObject *listreviter_length_hint(PrObject *self, PrObject *const *args, size_t nargs,
                                         PrObject *kwnames)
{
    ListIter *it = (ListIter *)self;
    ssize_t n = it->seq && it->index < PR_LIST_SIZE(it->seq) ? it->index + 1 : 0;
    return pr_long_from_int64(n);
}

static const PrMethodDef listiter_methods[] = {
    {"__length_hint__", listiter_length_hint, PR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static const PrMethodDef listreviter_methods[] = {
    {"__length_hint__", listreviter_length_hint, PR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

const PrType pr_list_iter_spec = {
    .name = "list_iterator",
    .basicsize = sizeof(ListIter),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .iter = pr_iter_self,
    .iternext = listiter_next,
    .methods = listiter_methods,
};

const PrType pr_list_reverseiter_spec = {
    .name = "list_reverseiterator",
    .basicsize = sizeof(ListIter),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = listiter_dealloc,
    .traverse = listiter_traverse,
    .iter = pr_iter_self,
    .iternext = listreviter_next,
    .methods = listreviter_methods,
};

const PrType pr_list_spec = {
    .name = "list",
    .doc = "Built-in mutable sequence.",
    .basicsize = sizeof(PrList),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE | PR_TPFLAG_LIST_SUBCLASS,
    .dealloc = list_dealloc,
    .repr = list_repr,
    .hash = pr_object_hash_not_implemented,
    .richcompare = list_richcompare,
    .iter = list_iter,
    .traverse = list_traverse,
    .clear = list_gc_clear,
    .new = list_new,
    .init = list_init,
    .size_of = list_sizeof,
    .number.nb_inplace_add = list_inplace_concat,
    .number.nb_mul = list_multiply,
    .number.nb_inplace_mul = list_inplace_multiply,
    .sequence.sq_length = list_length,
    .sequence.sq_concat = list_concat,
    .sequence.sq_repeat = list_repeat,
    .sequence.sq_item = list_item,
    .sequence.sq_ass_item = list_ass_item,
    .sequence.sq_contains = list_contains,
    .mapping.mp_length = list_length,
    .mapping.mp_subscript = list_subscript,
    .mapping.mp_ass_subscript = list_ass_subscript,
    .methods = list_methods,
};
