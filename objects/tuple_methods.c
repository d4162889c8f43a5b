/* objects/tuple_methods.c — the tuple type beyond its core: the iterator, t[i] and t[i:j:k],
 * repetition, index/count and tuple(iterable). The core (allocation, free lists, repr, hash,
 * comparison, concatenation) is objects/tuple.c; contracts in objects/tuple.h. */
#include "objects/tuple_impl.h"

#include "objects/iterate.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "vm/errors.h"

#include <limits.h>

PrObject *pr_tuple_from_iterable(PrObject *iterable)
{
    if (PR_TUPLE_CHECK_EXACT(iterable)) {
        return PR_NEWREF(iterable);
    }
    if (PR_LIST_CHECK(iterable)) {
        return pr_list_as_tuple(iterable);
    }
    PrObject *l = pr_list_from_iterable(iterable);
    if (!l) {
        return NULL;
    }
    PrObject *t = pr_list_as_tuple(l);
    PR_DECREF(l);
    return t;
}

PrObject *pr_tuple_type_new(PrType *type, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (kwnames && PR_TUPLE_SIZE(kwnames)) {
        return pr_err_set(PR_EXC(TypeError), "tuple() takes no keyword arguments");
    }
    if (nargs > 1) {
        return pr_err_format(PR_EXC(TypeError), "tuple expected at most 1 argument, got %zu",
                             nargs);
    }
    return nargs ? pr_tuple_from_iterable(args[0]) : pr_tuple_new(0);
}

/* ============================================================================================
 *  Items, slices, repetition
 * ============================================================================================ */

PrObject *pr_tuple_type_subscript(PrObject *self, PrObject *key)
{
    ssize_t n = PR_TUPLE_SIZE(self);
    if (pr_index_check(key)) {
        ssize_t i;
        if (pr_index_as_ssize(key, &i, PR_EXC(IndexError)) < 0) {
            return NULL;
        }
        PrObject *item = pr_tuple_get_borrow(self, i < 0 ? i + n : i);
        return item ? PR_NEWREF(item) : NULL;
    }
    if (!PR_SLICE_CHECK(key)) {
        return pr_err_format(PR_EXC(TypeError), "tuple indices must be integers or slices, not %s",
                             key->type->name);
    }
    ssize_t start, stop, step;
    if (pr_slice_unpack(key, &start, &stop, &step) < 0) {
        return NULL;
    }
    ssize_t len = pr_slice_adjust_indices(n, &start, &stop, step);
    if (len == n && step == 1 && PR_TUPLE_CHECK_EXACT(self)) {
        return PR_NEWREF(self);
    }
    PrObject *r = pr_tuple_new(len);
    for (ssize_t i = 0; r && i < len; i++) {
        PR_TUPLE_ITEMS(r)[i] = PR_NEWREF(PR_TUPLE_ITEMS(self)[start + i * step]);
    }
    return r;
}

PrObject *pr_tuple_type_repeat(PrObject *self, ssize_t n)
{
    ssize_t size = PR_TUPLE_SIZE(self);
    if (n == 1 && PR_TUPLE_CHECK_EXACT(self)) {
        return PR_NEWREF(self);
    }
    if (n < 0 || size == 0) {
        n = 0;
    }
    if (size && n > SSIZE_MAX / (ssize_t)sizeof(PrObject *) / size) {
        return pr_err_no_memory();
    }
    PrObject *r = pr_tuple_new(size * n);
    for (ssize_t k = 0; r && k < n; k++) {
        for (ssize_t i = 0; i < size; i++) {
            PR_TUPLE_ITEMS(r)[k * size + i] = PR_NEWREF(PR_TUPLE_ITEMS(self)[i]);
        }
    }
    return r;
}

/* t * n and n * t (see list_multiply in objects/list.c for why a number slot). */
PrObject *pr_tuple_type_mul(PrObject *a, PrObject *b)
{
    PrObject *seq = PR_TUPLE_CHECK(a) ? a : b, *count = seq == a ? b : a;
    ssize_t n;
    if (!pr_index_check(count)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    if (pr_index_as_ssize(count, &n, PR_EXC(OverflowError)) < 0) {
        return NULL;
    }
    return pr_tuple_type_repeat(seq, n);
}

/* ============================================================================================
 *  Methods
 * ============================================================================================ */

static int bound_arg(PrObject *o, ssize_t *out)
{
    if (!pr_index_check(o)) {
        pr_err_set(PR_EXC(TypeError), "slice indices must be integers or have an __index__ method");
        return -1;
    }
    return pr_index_as_ssize(o, out, NULL);
}

static PrObject *tuple_index_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    ssize_t n = PR_TUPLE_SIZE(self), start = 0, stop = SSIZE_MAX;
    if (nargs < 1 || nargs > 3) {
        return pr_err_format(PR_EXC(TypeError), "index expected %s, got %zu",
                             nargs < 1 ? "at least 1 argument" : "at most 3 arguments", nargs);
    }
    if ((nargs > 1 && bound_arg(args[1], &start) < 0) ||
        (nargs > 2 && bound_arg(args[2], &stop) < 0)) {
        return NULL;
    }
    start = start < 0 ? (start + n < 0 ? 0 : start + n) : start;
    stop = stop < 0 ? (stop + n < 0 ? 0 : stop + n) : stop;
    for (ssize_t i = start; i < stop && i < n; i++) {
        int eq = pr_object_richcompare_bool(PR_TUPLE_ITEMS(self)[i], args[0], PR_EQ);
        if (eq != 0) {
            return eq < 0 ? NULL : pr_long_from_int64(i);
        }
    }
    return pr_err_set(PR_EXC(ValueError), "tuple.index(x): x not in tuple");
}

static PrObject *tuple_count_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    ssize_t count = 0;
    for (ssize_t i = 0; i < PR_TUPLE_SIZE(self); i++) {
        int eq = pr_object_richcompare_bool(PR_TUPLE_ITEMS(self)[i], args[0], PR_EQ);
        if (eq < 0) {
            return NULL;
        }
        count += eq;
    }
    return pr_long_from_int64(count);
}

const PrMethodDef pr_tuple_methods[] = {
    {"index", tuple_index_meth, PR_METH_VARARGS, "Return first index of value."},
    {"count", tuple_count_meth, PR_METH_O, "Return number of occurrences of value."},
    {NULL, NULL, 0, NULL},
};

/* ============================================================================================
 *  Iterator
 * ============================================================================================ */

typedef struct TupleIter {
    PrObject ob;
    ssize_t index;
    PrObject *seq; /* NULL once exhausted */
} TupleIter;

PrObject *pr_tuple_type_iter(PrObject *self)
{
    TupleIter *it = (TupleIter *)pr_object_new(PR_TYPE(tuple_iterator));
    if (!it) {
        return NULL;
    }
    it->seq = PR_NEWREF(self);
    pr_gc_track((PrObject *)it);
    return (PrObject *)it;
}

static PrObject *tupleiter_next(PrObject *self)
{
    TupleIter *it = (TupleIter *)self;
    if (it->seq && it->index < PR_TUPLE_SIZE(it->seq)) {
        return PR_NEWREF(PR_TUPLE_ITEMS(it->seq)[it->index++]);
    }
    PR_CLEAR(it->seq);
    return NULL;
}

static void tupleiter_dealloc(PrObject *self)
{
    pr_gc_untrack(self);
    PR_XDECREF(((TupleIter *)self)->seq);
    pr_object_free(self);
}

static int tupleiter_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrObject *seq = ((TupleIter *)self)->seq;
    return seq ? visit(seq, arg) : 0;
}

static PrObject *tupleiter_length_hint(PrObject *self, PrObject *const *args, size_t nargs,
                                       PrObject *kwnames)
{
    TupleIter *it = (TupleIter *)self;
    return pr_long_from_int64(it->seq ? PR_TUPLE_SIZE(it->seq) - it->index : 0);
}

static const PrMethodDef tupleiter_methods[] = {
    {"__length_hint__", tupleiter_length_hint, PR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

const PrType pr_tuple_iter_spec = {
    .name = "tuple_iterator",
    .basicsize = sizeof(TupleIter),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = tupleiter_dealloc,
    .traverse = tupleiter_traverse,
    .iter = pr_iter_self,
    .iternext = tupleiter_next,
    .methods = tupleiter_methods,
};
