/* objects/range.c — range objects and their iterators. Contracts in objects/range.h; the
 * algorithms (length, slicing, equality, hash) are CPython's rangeobject.c with int objects. */
#include "objects/range.h"

#include "objects/iterate.h"
#include "objects/long.h"
#include "objects/number.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"

#include <limits.h>

/* ============================================================================================
 *  Arithmetic on int objects
 * ============================================================================================ */

/* Releases a and b (either may be NULL) and returns r: lets expressions chain. */
static PrObject *drop2(PrObject *r, PrObject *a, PrObject *b)
{
    PR_XDECREF(a);
    PR_XDECREF(b);
    return r;
}

/* a + b * c. Returns: a new int or NULL. */
static PrObject *add_mul(PrObject *a, PrObject *b, PrObject *c)
{
    PrObject *m = pr_number_mul(b, c);
    return m ? drop2(pr_number_add(a, m), m, NULL) : NULL;
}

/* The sign of an int: -1, 0, 1. */
static int sign(PrObject *o)
{
    return pr_long_sign(o);
}

/* a < b for ints. Returns: 1, 0 or -1. */
static int lt(PrObject *a, PrObject *b)
{
    return pr_object_richcompare_bool(a, b, PR_LT);
}

/* CPython's compute_range_length: (hi - lo - 1) // step + 1 when lo < hi, with lo, hi the
 * bounds in the direction of step; otherwise 0. */
static PrObject *compute_length(PrObject *start, PrObject *stop, PrObject *step)
{
    int neg = sign(step) < 0;
    PrObject *lo = neg ? stop : start, *hi = neg ? start : stop;
    int less = lt(lo, hi);
    if (less <= 0) {
        return less < 0 ? NULL : pr_long_from_int64(0);
    }
    PrObject *one = pr_long_from_int64(1), *diff = pr_number_sub(hi, lo), *d1 = NULL;
    PrObject *astep = NULL, *q = NULL, *r = NULL;
    if (diff && (d1 = pr_number_sub(diff, one)) && (astep = pr_number_absolute(step)) &&
        (q = pr_number_floordiv(d1, astep))) {
        r = pr_number_add(q, one);
    }
    drop2(NULL, one, diff);
    drop2(NULL, d1, astep);
    PR_XDECREF(q);
    return r;
}

/* ============================================================================================
 *  Making ranges
 * ============================================================================================ */

/* Takes over four new references (all non-NULL). */
static PrObject *make_range_steal(PrObject *start, PrObject *stop, PrObject *step, PrObject *length)
{
    PrRange *r = (PrRange *)pr_object_new(PR_TYPE(range));
    if (!r) {
        drop2(NULL, start, stop);
        drop2(NULL, step, length);
        return NULL;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    return (PrObject *)r;
}

PrObject *pr_range_new(PrObject *start, PrObject *stop, PrObject *step)
{
    if (sign(step) == 0) {
        return pr_err_set(PR_EXC(ValueError), "range() arg 3 must not be zero");
    }
    PrObject *length = compute_length(start, stop, step);
    if (!length) {
        return NULL;
    }
    return make_range_steal(PR_NEWREF(start), PR_NEWREF(stop), PR_NEWREF(step), length);
}

PrObject *pr_range_from_int64(int64_t start, int64_t stop, int64_t step)
{
    PrObject *a = pr_long_from_int64(start), *b = pr_long_from_int64(stop);
    PrObject *c = pr_long_from_int64(step), *r = NULL;
    if (a && b && c) {
        r = pr_range_new(a, b, c);
    }
    drop2(NULL, a, b);
    PR_XDECREF(c);
    return r;
}

/* range(stop) / range(start, stop[, step]): each argument through __index__. */
static PrObject *range_new(PrType *type, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (kwnames && PR_TUPLE_SIZE(kwnames)) {
        return pr_err_set(PR_EXC(TypeError), "range() takes no keyword arguments");
    }
    if (nargs < 1 || nargs > 3) {
        return pr_err_format(PR_EXC(TypeError), "range expected %s %d argument%s, got %zu",
                             nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : 3,
                             nargs < 1 ? "" : "s", nargs);
    }
    PrObject *v[3] = {NULL, NULL, NULL}, *r = NULL;
    for (size_t i = 0; i < nargs; i++) {
        if (!(v[i] = pr_number_index(args[i]))) {
            goto done;
        }
    }
    if (nargs == 1) {
        v[1] = v[0];
        v[0] = pr_long_from_int64(0);
    }
    if (nargs < 3) {
        v[2] = pr_long_from_int64(1);
    }
    r = pr_range_new(v[0], v[1], v[2]);
done:
    for (int i = 0; i < 3; i++) {
        PR_XDECREF(v[i]);
    }
    return r;
}

static void range_dealloc(PrObject *self)
{
    PrRange *r = (PrRange *)self;
    drop2(NULL, r->start, r->stop);
    drop2(NULL, r->step, r->length);
    pr_object_free(self);
}

/* ============================================================================================
 *  Sequence operations
 * ============================================================================================ */

static ssize_t range_length(PrObject *self)
{
    ssize_t n;
    return pr_long_as_ssize(((PrRange *)self)->length, &n) < 0 ? -1 : n;
}

static int range_bool(PrObject *self)
{
    return sign(((PrRange *)self)->length) != 0;
}

/* r[i] for an int i (negative counts from the end). */
static PrObject *item_obj(PrRange *r, PrObject *i)
{
    PrObject *idx = PR_NEWREF(i);
    if (sign(idx) < 0) {
        PR_SETREF(idx, pr_number_add(idx, r->length));
        if (!idx) {
            return NULL;
        }
    }
    int in = sign(idx) >= 0 ? lt(idx, r->length) : 0;
    if (in <= 0) {
        PR_DECREF(idx);
        return in < 0 ? NULL : pr_err_set(PR_EXC(IndexError), "range object index out of range");
    }
    PrObject *v = add_mul(r->start, idx, r->step);
    PR_DECREF(idx);
    return v;
}

static PrObject *range_item(PrObject *self, ssize_t i)
{
    PrObject *idx = pr_long_from_int64(i);
    return idx ? drop2(item_obj((PrRange *)self, idx), idx, NULL) : NULL;
}

/* One bound of a slice (CPython's _PySlice_GetLongIndices): None gives dflt; negative values
 * count from the end; the result is clamped to [lower, upper]. */
static PrObject *slice_bound(PrObject *v, PrObject *dflt, PrObject *length, PrObject *lower,
                             PrObject *upper)
{
    if (v == PR_None) {
        return PR_NEWREF(dflt);
    }
    PrObject *b = pr_number_index(v);
    if (b && sign(b) < 0) {
        PR_SETREF(b, pr_number_add(b, length));
    }
    if (!b) {
        return NULL;
    }
    int below = lt(b, lower), above = below ? 0 : lt(upper, b);
    if (below < 0 || above < 0) {
        PR_DECREF(b);
        return NULL;
    }
    if (below || above) {
        PR_SETREF(b, PR_NEWREF(below ? lower : upper));
    }
    return b;
}

/* r[slice]: another range (CPython's compute_slice). */
static PrObject *range_slice(PrRange *r, PrSlice *s)
{
    PrObject *step = NULL, *lower = NULL, *upper = NULL, *start = NULL, *stop = NULL;
    PrObject *nstart = NULL, *nstop = NULL, *nstep = NULL, *res = NULL;
    if (s->step == PR_None) {
        step = pr_long_from_int64(1);
    } else if (pr_index_check(s->step)) {
        step = pr_number_index(s->step);
    } else {
        pr_err_set(PR_EXC(TypeError),
                   "slice indices must be integers or None or have an __index__ method");
    }
    if (!step) {
        goto done;
    }
    if (sign(step) == 0) {
        pr_err_set(PR_EXC(ValueError), "slice step cannot be zero");
        goto done;
    }
    int neg = sign(step) < 0;
    lower = pr_long_from_int64(neg ? -1 : 0);
    upper = neg ? (lower ? pr_number_add(r->length, lower) : NULL) : PR_NEWREF(r->length);
    if (!lower || !upper) {
        goto done;
    }
    start = slice_bound(s->start, neg ? upper : lower, r->length, lower, upper);
    stop = start ? slice_bound(s->stop, neg ? lower : upper, r->length, lower, upper) : NULL;
    if (stop && (nstart = add_mul(r->start, start, r->step)) &&
        (nstop = add_mul(r->start, stop, r->step)) && (nstep = pr_number_mul(r->step, step))) {
        res = pr_range_new(nstart, nstop, nstep);
    }
done:
    drop2(NULL, step, lower);
    drop2(NULL, upper, start);
    drop2(NULL, stop, nstart);
    drop2(NULL, nstop, nstep);
    return res;
}

static PrObject *range_subscript(PrObject *self, PrObject *key)
{
    if (PR_SLICE_CHECK(key)) {
        return range_slice((PrRange *)self, (PrSlice *)key);
    }
    if (pr_index_check(key)) {
        PrObject *i = pr_number_index(key);
        return i ? drop2(item_obj((PrRange *)self, i), i, NULL) : NULL;
    }
    return pr_err_format(PR_EXC(TypeError), "range indices must be integers or slices, not %s",
                         key->type->name);
}

/* For an int x: whether x is one of r's values. Returns: 1, 0 or -1. */
static int contains_long(PrRange *r, PrObject *x)
{
    int neg = sign(r->step) < 0;
    int in = neg ? lt(r->stop, x) : pr_object_richcompare_bool(r->start, x, PR_LE);
    if (in > 0) {
        in = neg ? pr_object_richcompare_bool(x, r->start, PR_LE) : lt(x, r->stop);
    }
    if (in <= 0) {
        return in;
    }
    PrObject *d = pr_number_sub(x, r->start), *m = d ? pr_number_mod(d, r->step) : NULL;
    int rc = m ? sign(m) == 0 : -1;
    drop2(NULL, d, m);
    return rc;
}

/* The slow path for other objects: compares with every value. Returns: the first index where
 * x == r[i], -1 when none (no exception), or -2 with an exception. */
static ssize_t search(PrObject *self, PrObject *x, ssize_t *count)
{
    PrObject *it = pr_object_get_iter(self), *v;
    ssize_t i = 0, first = -1;
    if (!it) {
        return -2;
    }
    while ((v = pr_iter_next(it))) {
        int eq = pr_object_richcompare_bool(v, x, PR_EQ);
        PR_DECREF(v);
        if (eq < 0) {
            first = -2;
            break;
        }
        if (eq && first < 0) {
            first = i;
            if (!count) {
                break;
            }
        }
        if (eq && count) {
            (*count)++;
        }
        i++;
    }
    PR_DECREF(it);
    return pr_err_occurred() ? -2 : first;
}

static int range_contains(PrObject *self, PrObject *x)
{
    if (PR_LONG_CHECK(x)) {
        return contains_long((PrRange *)self, x);
    }
    ssize_t i = search(self, x, NULL);
    return i == -2 ? -1 : i >= 0;
}

/* ============================================================================================
 *  Methods, repr, equality, hash
 * ============================================================================================ */

static PrObject *range_index_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    PrRange *r = (PrRange *)self;
    PrObject *x = args[0];
    if (PR_LONG_CHECK(x)) {
        int in = contains_long(r, x);
        if (in < 0) {
            return NULL;
        }
        if (!in) {
            return pr_err_format(PR_EXC(ValueError), "%R is not in range", x);
        }
        PrObject *d = pr_number_sub(x, r->start);
        return d ? drop2(pr_number_floordiv(d, r->step), d, NULL) : NULL;
    }
    ssize_t i = search(self, x, NULL);
    if (i == -1) {
        return pr_err_set(PR_EXC(ValueError), "sequence.index(x): x not in sequence");
    }
    return i < 0 ? NULL : pr_long_from_int64(i);
}

static PrObject *range_count_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    if (PR_LONG_CHECK(args[0])) {
        int in = contains_long((PrRange *)self, args[0]);
        return in < 0 ? NULL : pr_long_from_int64(in);
    }
    ssize_t count = 0;
    return search(self, args[0], &count) == -2 ? NULL : pr_long_from_int64(count);
}

static PrObject *range_reversed_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                     PrObject *kwnames);

static const PrMethodDef range_methods[] = {
    {"index", range_index_meth, PR_METH_O, "Return index of value."},
    {"count", range_count_meth, PR_METH_O, "Return number of occurrences of value."},
    {"__reversed__", range_reversed_meth, PR_METH_NOARGS, "Return a reverse iterator."},
    {NULL, NULL, 0, NULL},
};

static const PrMemberDef range_members[] = {
    {"start", PR_MEMBER_OBJECT, offsetof(PrRange, start), PR_MEMBER_READONLY, NULL},
    {"stop", PR_MEMBER_OBJECT, offsetof(PrRange, stop), PR_MEMBER_READONLY, NULL},
    {"step", PR_MEMBER_OBJECT, offsetof(PrRange, step), PR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PrObject *range_repr(PrObject *self)
{
    PrRange *r = (PrRange *)self;
    PrObject *one = pr_long_from_int64(1);
    int is_one = pr_object_richcompare_bool(r->step, one, PR_EQ);
    PR_DECREF(one);
    if (is_one) {
        return pr_str_from_format("range(%R, %R)", r->start, r->stop);
    }
    return pr_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

/* CPython's range_equals: equal when they produce the same values. Returns: 1, 0 or -1. */
static int range_equals(PrRange *a, PrRange *b)
{
    if (a == b) {
        return 1;
    }
    int eq = pr_object_richcompare_bool(a->length, b->length, PR_EQ);
    if (eq <= 0) {
        return eq;
    }
    if (sign(a->length) == 0) {
        return 1;
    }
    eq = pr_object_richcompare_bool(a->start, b->start, PR_EQ);
    if (eq <= 0) {
        return eq;
    }
    PrObject *one = pr_long_from_int64(1);
    int single = pr_object_richcompare_bool(a->length, one, PR_EQ);
    PR_DECREF(one);
    if (single != 0) {
        return single;
    }
    return pr_object_richcompare_bool(a->step, b->step, PR_EQ);
}

static PrObject *range_richcompare(PrObject *a, PrObject *b, PrCompareOp op)
{
    if (!PR_RANGE_CHECK(a) || !PR_RANGE_CHECK(b) || (op != PR_EQ && op != PR_NE)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    int eq = range_equals((PrRange *)a, (PrRange *)b);
    return eq < 0 ? NULL : pr_bool_from_long(op == PR_EQ ? eq : !eq);
}

/* hash((len, start, step)), with None for start when empty and for step when len <= 1. */
static PrHash range_hash(PrObject *self)
{
    PrRange *r = (PrRange *)self;
    PrObject *start = PR_None, *step = PR_None;
    if (sign(r->length) != 0) {
        start = r->start;
        PrObject *one = pr_long_from_int64(1);
        if (pr_object_richcompare_bool(r->length, one, PR_EQ) == 0) {
            step = r->step;
        }
        PR_DECREF(one);
    }
    PrObject *t = pr_tuple_pack(3, r->length, start, step);
    if (!t) {
        return -1;
    }
    PrHash h = pr_object_hash(t);
    PR_DECREF(t);
    return h;
}

/* ============================================================================================
 *  Iterators
 * ============================================================================================ */

/* Over C values: start + i * step for i in [0, len). */
typedef struct RangeIter {
    PrObject ob;
    int64_t start, step, len, index;
} RangeIter;

/* Over int objects, when some value does not fit in int64. */
typedef struct LongRangeIter {
    PrObject ob;
    PrObject *next, *step, *remaining;
} LongRangeIter;

/* An iterator from first, step and length (ints, borrowed). */
static PrObject *make_iter(PrObject *first, PrObject *step, PrObject *length)
{
    int64_t a, s, n, end;
    PrObject *last = add_mul(first, length, step); /* one step past the end: must fit too */
    int fits = last && pr_long_as_int64(first, &a) == 0 && pr_long_as_int64(step, &s) == 0 &&
               pr_long_as_int64(length, &n) == 0 && pr_long_as_int64(last, &end) == 0;
    PR_XDECREF(last);
    if (!last) {
        return NULL;
    }
    if (fits) {
        RangeIter *it = (RangeIter *)pr_object_new(PR_TYPE(range_iterator));
        if (it) {
            it->start = a;
            it->step = s;
            it->len = n;
        }
        return (PrObject *)it;
    }
    if (!pr_err_matches((PrObject *)PR_EXC(OverflowError))) {
        return NULL;
    }
    pr_err_clear();
    LongRangeIter *it = (LongRangeIter *)pr_object_new(PR_TYPE(longrange_iterator));
    if (it) {
        it->next = PR_NEWREF(first);
        it->step = PR_NEWREF(step);
        it->remaining = PR_NEWREF(length);
    }
    return (PrObject *)it;
}

static PrObject *range_iter(PrObject *self)
{
    PrRange *r = (PrRange *)self;
    return make_iter(r->start, r->step, r->length);
}

static PrObject *range_reversed_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                     PrObject *kwnames)
{
    PrRange *r = (PrRange *)self;
    PrObject *one = pr_long_from_int64(1), *n1 = NULL, *last = NULL, *neg = NULL, *it = NULL;
    if (one && (n1 = pr_number_sub(r->length, one)) && (last = add_mul(r->start, n1, r->step)) &&
        (neg = pr_number_negative(r->step))) {
        it = make_iter(last, neg, r->length);
    }
    drop2(NULL, one, n1);
    drop2(NULL, last, neg);
    return it;
}

int pr_range_iter_next_value(PrObject *self, int64_t *v)
{
    RangeIter *it = (RangeIter *)self;
    if (it->index >= it->len) {
        return 0;
    }
    /* in unsigned arithmetic: the value fits, the product on the way may not */
    *v = (int64_t)((uint64_t)it->start + (uint64_t)it->index++ * (uint64_t)it->step);
    return 1;
}

static PrObject *rangeiter_next(PrObject *self)
{
    int64_t v;
    return pr_range_iter_next_value(self, &v) ? pr_long_from_int64(v) : NULL;
}

static PrObject *longrangeiter_next(PrObject *self)
{
    LongRangeIter *it = (LongRangeIter *)self;
    if (sign(it->remaining) == 0) {
        return NULL;
    }
    PrObject *one = pr_long_from_int64(1), *rem = one ? pr_number_sub(it->remaining, one) : NULL;
    PrObject *next = rem ? pr_number_add(it->next, it->step) : NULL;
    PR_XDECREF(one);
    if (!next) {
        PR_XDECREF(rem);
        return NULL;
    }
    PrObject *v = it->next;
    it->next = next;
    PR_SETREF(it->remaining, rem);
    return v;
}

static void longrangeiter_dealloc(PrObject *self)
{
    LongRangeIter *it = (LongRangeIter *)self;
    drop2(NULL, it->next, it->step);
    PR_DECREF(it->remaining);
    pr_object_free(self);
}

static void plain_dealloc(PrObject *self)
{
    pr_object_free(self);
}

static PrObject *rangeiter_length_hint(PrObject *self, PrObject *const *args, size_t nargs,
                                       PrObject *kwnames)
{
    RangeIter *it = (RangeIter *)self;
    return pr_long_from_int64(it->len - it->index);
}

static PrObject *longrangeiter_length_hint(PrObject *self, PrObject *const *args, size_t nargs,
                                           PrObject *kwnames)
{
    return PR_NEWREF(((LongRangeIter *)self)->remaining);
}

static const PrMethodDef rangeiter_methods[] = {
    {"__length_hint__", rangeiter_length_hint, PR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

static const PrMethodDef longrangeiter_methods[] = {
    {"__length_hint__", longrangeiter_length_hint, PR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

const PrType pr_range_iter_spec = {
    .name = "range_iterator",
    .basicsize = sizeof(RangeIter),
    .flags = PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = plain_dealloc,
    .iter = pr_iter_self,
    .iternext = rangeiter_next,
    .methods = rangeiter_methods,
};

const PrType pr_longrange_iter_spec = {
    .name = "longrange_iterator",
    .basicsize = sizeof(LongRangeIter),
    .flags = PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = longrangeiter_dealloc,
    .iter = pr_iter_self,
    .iternext = longrangeiter_next,
    .methods = longrangeiter_methods,
};

const PrType pr_range_spec = {
    .name = "range",
    .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object",
    .basicsize = sizeof(PrRange),
    .flags = PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = range_dealloc,
    .repr = range_repr,
    .hash = range_hash,
    .richcompare = range_richcompare,
    .iter = range_iter,
    .new = range_new,
    .number.nb_bool = range_bool,
    .sequence.sq_length = range_length,
    .sequence.sq_item = range_item,
    .sequence.sq_contains = range_contains,
    .mapping.mp_length = range_length,
    .mapping.mp_subscript = range_subscript,
    .methods = range_methods,
    .members = range_members,
};
