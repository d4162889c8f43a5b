/* objects/tuple.c — the core of tuple: allocation with free lists, the empty tuple, repr, hash,
 * comparison, concatenation, collector support. Contracts in objects/tuple.h. */
#include "objects/tuple.h"

#include "objects/tuple_impl.h"

#include "objects/singletons.h"
#include "objects/str.h"
#include "vm/errors.h"

#include <stdarg.h>
#include <string.h>

/* ============================================================================================
 *  Allocation
 * ============================================================================================ */

/* An untracked tuple of n NULL items, from the free list of its size when it has one. */
static PrTuple *tuple_alloc(ssize_t n)
{
    PrTuple *t = NULL;
    if (n > 0 && n <= PR_TUPLE_MAXSAVESIZE) {
        t = pr_freelist_pop(&pr_interp.tuple.free[n - 1]);
    }
    if (t) {
        t->ob.ob.refcnt = 1;
    } else if (!(t = (PrTuple *)pr_object_new_var(PR_TYPE(tuple), n))) {
        return NULL;
    }
    memset(t->items, 0, (size_t)n * sizeof(PrObject *));
    return t;
}

/* Hands a tuple kept on a free list back to the allocator. */
static void release_tuple(void *block)
{
    pr_object_free(block);
}

int pr_tuple_init_state(void)
{
    for (int i = 0; i < PR_TUPLE_MAXSAVESIZE; i++) {
        pr_freelist_init(&pr_interp.tuple.free[i], PR_TUPLE_MAXFREELIST, release_tuple);
    }
    PrTuple *e = tuple_alloc(0); /* () is never tracked */
    pr_interp.tuple.empty = (PrObject *)e;
    return e ? 0 : -1;
}

void pr_tuple_fini_state(void)
{
    PR_CLEAR(pr_interp.tuple.empty);
}

ssize_t pr_tuple_clear_free_lists(void)
{
    ssize_t freed = 0;
    for (int i = 0; i < PR_TUPLE_MAXSAVESIZE; i++) {
        freed += pr_freelist_clear(&pr_interp.tuple.free[i]);
    }
    return freed;
}

PrObject *pr_tuple_new(ssize_t n)
{
    if (n < 0) {
        return pr_err_bad_internal_call("pr_tuple_new");
    }
    if (n == 0) {
        return PR_NEWREF(pr_interp.tuple.empty);
    }
    PrTuple *t = tuple_alloc(n);
    if (t) {
        pr_gc_track((PrObject *)t);
    }
    return (PrObject *)t;
}

PrObject *pr_tuple_from_array(PrObject *const *items, ssize_t n)
{
    PrObject *t = pr_tuple_new(n);
    if (t) {
        for (ssize_t i = 0; i < n; i++) {
            PR_TUPLE_ITEMS(t)[i] = PR_NEWREF(items[i]);
        }
    }
    return t;
}

PrObject *pr_tuple_pack(ssize_t n, ...)
{
    va_list ap;
    PrObject *t = pr_tuple_new(n);
    va_start(ap, n);
    for (ssize_t i = 0; t && i < n; i++) {
        PR_TUPLE_ITEMS(t)[i] = PR_NEWREF(va_arg(ap, PrObject *));
    }
    va_end(ap);
    return t;
}

static void tuple_dealloc(PrObject *self)
{
    ssize_t n = PR_TUPLE_SIZE(self);
    if (n == 0) { /* the shared (), at shutdown */
        pr_object_free(self);
        return;
    }
    pr_gc_untrack(self);
    for (ssize_t i = 0; i < n; i++) {
        PR_XDECREF(PR_TUPLE_ITEMS(self)[i]);
    }
    if (n > PR_TUPLE_MAXSAVESIZE || !PR_TUPLE_CHECK_EXACT(self) ||
        !pr_freelist_push(&pr_interp.tuple.free[n - 1], self)) {
        pr_object_free(self);
    }
}

/* ============================================================================================
 *  Access
 * ============================================================================================ */

ssize_t pr_tuple_size(PrObject *t)
{
    return PR_TUPLE_SIZE(t);
}

PrObject *pr_tuple_get_borrow(PrObject *t, ssize_t i)
{
    if (!PR_TUPLE_CHECK(t)) {
        return pr_err_bad_internal_call("pr_tuple_get_borrow");
    }
    if (i < 0 || i >= PR_TUPLE_SIZE(t)) {
        return pr_err_set(PR_EXC(IndexError), "tuple index out of range");
    }
    return PR_TUPLE_ITEMS(t)[i];
}

int pr_tuple_set_steal(PrObject *t, ssize_t i, PrObject *item)
{
    if (!PR_TUPLE_CHECK(t) || t->refcnt != 1) {
        PR_XDECREF(item);
        pr_err_bad_internal_call("pr_tuple_set_steal");
        return -1;
    }
    if (i < 0 || i >= PR_TUPLE_SIZE(t)) {
        PR_XDECREF(item);
        pr_err_set(PR_EXC(IndexError), "tuple assignment index out of range");
        return -1;
    }
    PR_SETREF(PR_TUPLE_ITEMS(t)[i], item);
    return 0;
}

static ssize_t tuple_length(PrObject *self)
{
    return PR_TUPLE_SIZE(self);
}

static PrObject *tuple_item(PrObject *self, ssize_t i)
{
    PrObject *item = pr_tuple_get_borrow(self, i);
    return item ? PR_NEWREF(item) : NULL;
}

static int tuple_contains(PrObject *self, PrObject *o)
{
    int rc = 0;
    for (ssize_t i = 0; rc == 0 && i < PR_TUPLE_SIZE(self); i++) {
        rc = pr_object_richcompare_bool(PR_TUPLE_ITEMS(self)[i], o, PR_EQ);
    }
    return rc;
}

PrObject *pr_tuple_concat(PrObject *a, PrObject *b)
{
    if (!PR_TUPLE_CHECK(b)) {
        return pr_err_format(PR_EXC(TypeError), "can only concatenate tuple (not \"%s\") to tuple",
                             b->type->name);
    }
    ssize_t na = PR_TUPLE_SIZE(a), nb = PR_TUPLE_SIZE(b);
    if (nb == 0 && PR_TUPLE_CHECK_EXACT(a)) {
        return PR_NEWREF(a);
    }
    if (na == 0 && PR_TUPLE_CHECK_EXACT(b)) {
        return PR_NEWREF(b);
    }
    PrObject *r = pr_tuple_new(na + nb);
    if (r) {
        for (ssize_t i = 0; i < na; i++) {
            PR_TUPLE_ITEMS(r)[i] = PR_NEWREF(PR_TUPLE_ITEMS(a)[i]);
        }
        for (ssize_t i = 0; i < nb; i++) {
            PR_TUPLE_ITEMS(r)[na + i] = PR_NEWREF(PR_TUPLE_ITEMS(b)[i]);
        }
    }
    return r;
}

/* ============================================================================================
 *  repr, hash, compare
 * ============================================================================================ */

static PrObject *tuple_repr(PrObject *self)
{
    ssize_t n = PR_TUPLE_SIZE(self);
    if (n == 0) {
        return pr_str_from_cstr("()");
    }
    int rc = pr_repr_enter(self);
    if (rc != 0) {
        return rc > 0 ? pr_str_from_cstr("(...)") : NULL;
    }
    PrStrBuilder b;
    pr_str_builder_init(&b);
    pr_str_builder_append(&b, "(", 1);
    for (ssize_t i = 0; i < n; i++) {
        if ((i && pr_str_builder_append(&b, ", ", 2) < 0) ||
            pr_str_builder_append_repr(&b, PR_TUPLE_ITEMS(self)[i]) < 0) {
            break;
        }
    }
    pr_str_builder_append_cstr(&b, n == 1 ? ",)" : ")");
    pr_repr_leave(self);
    return pr_str_builder_finish(&b);
}

/* CPython 3.8+'s tuplehash, after xxHash's round function (64-bit constants). */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static PrHash tuple_hash(PrObject *self)
{
    ssize_t n = PR_TUPLE_SIZE(self);
    uint64_t acc = XXPRIME_5;
    for (ssize_t i = 0; i < n; i++) {
        PrHash lane = pr_object_hash(PR_TUPLE_ITEMS(self)[i]);
        if (lane == -1) {
            return -1;
        }
        acc += (uint64_t)lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) {
        return 1546275796;
    }
    return (PrHash)acc;
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

static PrObject *tuple_richcompare(PrObject *v, PrObject *w, PrCompareOp op)
{
    if (!PR_TUPLE_CHECK(v) || !PR_TUPLE_CHECK(w)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    ssize_t nv = PR_TUPLE_SIZE(v), nw = PR_TUPLE_SIZE(w), i = 0;
    for (; i < nv && i < nw; i++) {
        int eq = pr_object_richcompare_bool(PR_TUPLE_ITEMS(v)[i], PR_TUPLE_ITEMS(w)[i], PR_EQ);
        if (eq < 0) {
            return NULL;
        }
        if (!eq) {
            break;
        }
    }
    if (i >= nv || i >= nw) {
        return compare_sizes(nv, nw, op);
    }
    if (op == PR_EQ || op == PR_NE) {
        return pr_bool_from_long(op == PR_NE);
    }
    return pr_object_richcompare(PR_TUPLE_ITEMS(v)[i], PR_TUPLE_ITEMS(w)[i], op);
}

/* ============================================================================================
 *  Collector support
 * ============================================================================================ */

static int tuple_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    for (ssize_t i = PR_TUPLE_SIZE(self); i-- > 0;) {
        PrObject *item = PR_TUPLE_ITEMS(self)[i];
        int rc = item ? visit(item, arg) : 0;
        if (rc) {
            return rc;
        }
    }
    return 0;
}

void pr_tuple_maybe_untrack(PrObject *t)
{
    if (!pr_gc_is_tracked(t)) {
        return;
    }
    for (ssize_t i = 0; i < PR_TUPLE_SIZE(t); i++) {
        PrObject *item = PR_TUPLE_ITEMS(t)[i];
        if (!item || pr_object_gc_may_be_tracked(item)) { /* NULL: still being built */
            return;
        }
    }
    pr_gc_untrack(t);
}

const PrType pr_tuple_spec = {
    .name = "tuple",
    .doc = "Built-in immutable sequence.",
    .basicsize = offsetof(PrTuple, items),
    .itemsize = sizeof(PrObject *),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE | PR_TPFLAG_TUPLE_SUBCLASS,
    .dealloc = tuple_dealloc,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .richcompare = tuple_richcompare,
    .traverse = tuple_traverse,
    .iter = pr_tuple_type_iter,
    .new = pr_tuple_type_new,
    .methods = pr_tuple_methods,
    .number.nb_mul = pr_tuple_type_mul,
    .sequence.sq_repeat = pr_tuple_type_repeat,
    .mapping.mp_length = tuple_length,
    .mapping.mp_subscript = pr_tuple_type_subscript,
    .sequence.sq_length = tuple_length,
    .sequence.sq_concat = pr_tuple_concat,
    .sequence.sq_item = tuple_item,
    .sequence.sq_contains = tuple_contains,
};
