/* objects/iterate.h — the generic protocols containers are built from: iter(o) and next(it),
 * len(o) and the length hint that presizes list(iterable), and reading an index-like object
 * (an int or anything with __index__) as a C ssize_t with CPython's overflow rules. The VM's
 * GET_ITER/FOR_ITER and the builtins iter(), next(), len() call the same functions. */
#ifndef PR_OBJECTS_ITERATE_H
#define PR_OBJECTS_ITERATE_H

#include "vm/interp.h"

/* iter(o): o's type's iter slot. Returns: a new iterator. Errors: TypeError "'int' object is
 * not iterable", or what the slot raises. */
PrObject *pr_object_get_iter(PrObject *o);

/* next(it) without a default. Returns: the next item (a new reference); NULL with no
 * exception at the end (a StopIteration raised by the slot is cleared); NULL with an
 * exception on error, TypeError "'int' object is not an iterator" when it has no iternext. */
PrObject *pr_iter_next(PrObject *it);

/* The iter slot of iterators: returns self (a new reference). */
PrObject *pr_iter_self(PrObject *self);

/* len(o) through sq_length or mp_length. Returns: the length, or -1 with TypeError "object of
 * type 'int' has no len()" or what the slot raised. */
ssize_t pr_object_length(PrObject *o);

/* operator.length_hint(o, dflt) for presizing: len(o) when o has a length, else
 * o.__length_hint__() when its type has one (the built-in iterators do), else dflt. Errors of
 * the length slot other than TypeError propagate. Returns: >= 0, or -1 with an exception
 * (ValueError "__length_hint__() should return >= 0"). */
ssize_t pr_object_length_hint(PrObject *o, ssize_t dflt);

/* Whether o is an int (or bool, or a subclass): has int's layout. */
#define PR_INT_CHECK(o) PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_INT_SUBCLASS)

/* o.__index__() as a ssize_t (CPython's PyNumber_AsSsize_t). When the value does not fit:
 * overflow NULL clamps to PY_SSIZE_T_MIN/MAX (slices), else raises overflow with "cannot fit
 * 'int' into an index-sized integer". Returns: 0 with *out set, or -1 with TypeError "'str'
 * object cannot be interpreted as an integer" or the overflow error. */
int pr_index_as_ssize(PrObject *o, ssize_t *out, PrType *overflow);

/* Whether o can be used as an index (has nb_index). */
int pr_index_check(PrObject *o);

#endif
