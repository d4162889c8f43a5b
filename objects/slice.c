/* objects/slice.c — slice objects and index clamping. Contracts in objects/slice.h. */
#include "objects/slice.h"

#include "objects/iterate.h"
#include "objects/long.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"

#include <limits.h>

PrObject *pr_slice_new(PrObject *start, PrObject *stop, PrObject *step)
{
    PrSlice *s = (PrSlice *)pr_object_new(PR_TYPE(slice));
    if (!s) {
        return NULL;
    }
    s->start = PR_NEWREF(start ? start : PR_None);
    s->stop = PR_NEWREF(stop ? stop : PR_None);
    s->step = PR_NEWREF(step ? step : PR_None);
    pr_gc_track((PrObject *)s);
    return (PrObject *)s;
}

/* _PyEval_SliceIndex: None leaves *out alone; an index clamps to the ssize_t range. */
static int slice_index(PrObject *v, ssize_t *out)
{
    if (v == PR_None) {
        return 0;
    }
    if (!pr_index_check(v)) {
        pr_err_set(PR_EXC(TypeError),
                   "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    return pr_index_as_ssize(v, out, NULL);
}

int pr_slice_unpack(PrObject *o, ssize_t *start, ssize_t *stop, ssize_t *step)
{
    PrSlice *s = (PrSlice *)o;
    *step = 1;
    if (slice_index(s->step, step) < 0) {
        return -1;
    }
    if (*step == 0) {
        pr_err_set(PR_EXC(ValueError), "slice step cannot be zero");
        return -1;
    }
    if (*step < -SSIZE_MAX) { /* so that -step cannot overflow */
        *step = -SSIZE_MAX;
    }
    *start = *step < 0 ? SSIZE_MAX : 0;
    *stop = *step < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX;
    return slice_index(s->start, start) < 0 || slice_index(s->stop, stop) < 0 ? -1 : 0;
}

/* Clamps one bound of a slice to a length (CPython's PySlice_AdjustIndices, per bound). */
static ssize_t clamp(ssize_t v, ssize_t len, ssize_t step)
{
    if (v < 0) {
        v += len;
        if (v < 0) {
            v = step < 0 ? -1 : 0;
        }
    } else if (v >= len) {
        v = step < 0 ? len - 1 : len;
    }
    return v;
}

ssize_t pr_slice_adjust_indices(ssize_t len, ssize_t *start, ssize_t *stop, ssize_t step)
{
    *start = clamp(*start, len, step);
    *stop = clamp(*stop, len, step);
    if (step < 0) {
        return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
    }
    return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

/* ============================================================================================
 *  The type
 * ============================================================================================ */

static void slice_dealloc(PrObject *self)
{
    PrSlice *s = (PrSlice *)self;
    pr_gc_untrack(self);
    PR_DECREF(s->start);
    PR_DECREF(s->stop);
    PR_DECREF(s->step);
    pr_object_free(self);
}

static PrObject *slice_repr(PrObject *self)
{
    PrSlice *s = (PrSlice *)self;
    return pr_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static int slice_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrSlice *s = (PrSlice *)self;
    int rc = visit(s->start, arg);
    if (!rc) {
        rc = visit(s->stop, arg);
    }
    return rc ? rc : visit(s->step, arg);
}

/* Slices compare as the tuples (start, stop, step). */
static PrObject *slice_richcompare(PrObject *a, PrObject *b, PrCompareOp op)
{
    if (!PR_SLICE_CHECK(a) || !PR_SLICE_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    PrSlice *x = (PrSlice *)a, *y = (PrSlice *)b;
    PrObject *tx = pr_tuple_pack(3, x->start, x->stop, x->step);
    PrObject *ty = tx ? pr_tuple_pack(3, y->start, y->stop, y->step) : NULL;
    PrObject *r = ty ? pr_object_richcompare(tx, ty, op) : NULL;
    PR_XDECREF(tx);
    PR_XDECREF(ty);
    return r;
}

/* slice(stop) / slice(start, stop[, step]) */
static PrObject *slice_new(PrType *type, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (kwnames && PR_TUPLE_SIZE(kwnames)) {
        return pr_err_set(PR_EXC(TypeError), "slice() takes no keyword arguments");
    }
    if (nargs < 1 || nargs > 3) {
        return pr_err_format(PR_EXC(TypeError), "slice expected %s 3 arguments, got %zu",
                             nargs < 1 ? "at least 1" : "at most", nargs);
    }
    if (nargs == 1) {
        return pr_slice_new(NULL, args[0], NULL);
    }
    return pr_slice_new(args[0], args[1], nargs == 3 ? args[2] : NULL);
}

/* slice.indices(length): (start, stop, step) clamped to a sequence of that length. */
static PrObject *slice_indices_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames)
{
    ssize_t len, start, stop, step;
    if (pr_index_as_ssize(args[0], &len, PR_EXC(OverflowError)) < 0) {
        return NULL;
    }
    if (len < 0) {
        return pr_err_set(PR_EXC(ValueError), "length should not be negative");
    }
    if (pr_slice_unpack(self, &start, &stop, &step) < 0) {
        return NULL;
    }
    pr_slice_adjust_indices(len, &start, &stop, step);
    PrObject *a = pr_long_from_int64(start), *b = pr_long_from_int64(stop);
    PrObject *c = pr_long_from_int64(step), *t = NULL;
    if (a && b && c) {
        t = pr_tuple_pack(3, a, b, c);
    }
    PR_XDECREF(a);
    PR_XDECREF(b);
    PR_XDECREF(c);
    return t;
}

static const PrMethodDef slice_methods[] = {
    {"indices", slice_indices_meth, PR_METH_O,
     "Assuming a sequence of length len, calculate the start and stop indices, and the stride "
     "length of the extended slice described by S."},
    {NULL, NULL, 0, NULL},
};

static const PrMemberDef slice_members[] = {
    {"start", PR_MEMBER_OBJECT, offsetof(PrSlice, start), PR_MEMBER_READONLY, NULL},
    {"stop", PR_MEMBER_OBJECT, offsetof(PrSlice, stop), PR_MEMBER_READONLY, NULL},
    {"step", PR_MEMBER_OBJECT, offsetof(PrSlice, step), PR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

const PrType pr_slice_spec = {
    .name = "slice",
    .doc = "slice(stop)\nslice(start, stop[, step])",
    .basicsize = sizeof(PrSlice),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = slice_dealloc,
    .repr = slice_repr,
    .hash = pr_object_hash_not_implemented,
    .richcompare = slice_richcompare,
    .traverse = slice_traverse,
    .new = slice_new,
    .members = slice_members,
    .methods = slice_methods,
};
