/* objects/iterate.c — iter(), next(), len(), length hints and index conversion. Contracts in
 * objects/iterate.h. */
#include "objects/iterate.h"

#include "objects/long.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/number.h"
#include "vm/errors.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

PrObject *pr_object_get_iter(PrObject *o)
{
    if (!o->type->iter) {
        return pr_err_format(PR_EXC(TypeError), "'%s' object is not iterable", o->type->name);
    }
    PrObject *it = o->type->iter(o);
    if (it && !it->type->iternext) {
        pr_err_format(PR_EXC(TypeError), "iter() returned non-iterator of type '%s'",
                      it->type->name);
        PR_DECREF(it);
        return NULL;
    }
    return it;
}

PrObject *pr_iter_next(PrObject *it)
{
    if (!it->type->iternext) {
        return pr_err_format(PR_EXC(TypeError), "'%s' object is not an iterator", it->type->name);
    }
    PrObject *item = it->type->iternext(it);
    if (!item && pr_err_matches((PrObject *)PR_EXC(StopIteration))) {
        pr_err_clear();
    }
    return item;
}

PrObject *pr_iter_self(PrObject *self)
{
    return PR_NEWREF(self);
}

ssize_t pr_object_length(PrObject *o)
{
    if (o->type->sequence.sq_length) {
        return o->type->sequence.sq_length(o);
    }
    if (o->type->mapping.mp_length) {
        return o->type->mapping.mp_length(o);
    }
    pr_err_format(PR_EXC(TypeError), "object of type '%s' has no len()", o->type->name);
    return -1;
}

/* o.__length_hint__() when o's type defines it (iterators do). Returns: the hint, dflt when
 * there is none or it answers NotImplemented, or -1 with an exception. */
static ssize_t call_length_hint(PrObject *o, ssize_t dflt)
{
    PrObject *name = pr_str_intern_cstr("__length_hint__");
    if (!name) {
        return -1;
    }
    int has = pr_type_lookup_borrow(o->type, name) != NULL;
    PrObject *r = has ? pr_object_call_method(o, name, NULL, 0) : NULL;
    PR_DECREF(name);
    if (!has) {
        return dflt;
    }
    if (!r) {
        return -1;
    }
    ssize_t n = dflt;
    if (r != PR_NotImplemented) {
        if (!PR_INT_CHECK(r)) {
            pr_err_format(PR_EXC(TypeError), "'%s' object cannot be interpreted as an integer",
                          r->type->name);
            n = -1;
        } else if (pr_index_as_ssize(r, &n, PR_EXC(OverflowError)) == 0 && n < 0) {
            pr_err_set(PR_EXC(ValueError), "__length_hint__() should return >= 0");
            n = -1;
        }
    }
    PR_DECREF(r);
    return n;
}

ssize_t pr_object_length_hint(PrObject *o, ssize_t dflt)
{
    if (!o->type->sequence.sq_length && !o->type->mapping.mp_length) {
        return call_length_hint(o, dflt);
    }
    ssize_t n = pr_object_length(o);
    if (n < 0 && pr_err_matches((PrObject *)PR_EXC(TypeError))) {
        pr_err_clear();
        return call_length_hint(o, dflt);
    }
    return n;
}

int pr_index_check(PrObject *o)
{
    return PR_INT_CHECK(o) || o->type->number.nb_index != NULL;
}

/* Reads an int object (objects/long.h: signed digit count, then 30-bit digits) into *out,
 * saturating instead of raising. Returns: 0, or 1 when the value does not fit (*out then has the
 * sign). */
static int int_to_ssize(PrObject *o, ssize_t *out)
{
    ssize_t size = PR_SIZE(o), n = size < 0 ? -size : size;
    const PrDigit *d = PR_LONG_DIGITS(o);
    uint64_t v = 0;
    for (ssize_t i = n; i-- > 0;) {
        if (v >> (64 - PR_DIGIT_BITS)) {
            *out = size < 0 ? -1 : 1;
            return 1;
        }
        v = (v << PR_DIGIT_BITS) | d[i];
    }
    if (size >= 0 ? v > (uint64_t)SSIZE_MAX : v > (uint64_t)SSIZE_MAX + 1) {
        *out = size < 0 ? -1 : 1;
        return 1;
    }
    *out = size < 0 ? (ssize_t)(0 - v) : (ssize_t)v;
    return 0;
}

int pr_index_as_ssize(PrObject *o, ssize_t *out, PrType *overflow)
{
    PrObject *i = PR_INT_CHECK(o) ? PR_NEWREF(o) : pr_number_index(o);
    if (!i) {
        return -1;
    }
    ssize_t v;
    int over = int_to_ssize(i, &v);
    PR_DECREF(i);
    if (over) {
        if (overflow) {
            pr_err_format(overflow, "cannot fit '%s' into an index-sized integer", o->type->name);
            return -1;
        }
        v = v < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX;
    }
    *out = v;
    return 0;
}
