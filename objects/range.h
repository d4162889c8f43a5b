/* objects/range.h — range: a lazy arithmetic sequence holding start, stop, step and its length
 * as int objects (so bounds may be arbitrarily large), with O(1) len, indexing, slicing (to a
 * range) and membership of ints, CPython's equality and hash (ranges equal when they yield the
 * same values), and two iterators: range_iterator over C int64 values when everything fits,
 * longrange_iterator over int objects otherwise.
 * Memory: 48 bytes (sys.getsizeof(range(10)) == 48); not a GC type, as in CPython. */
#ifndef PR_OBJECTS_RANGE_H
#define PR_OBJECTS_RANGE_H

#include "vm/interp.h"

typedef struct PrRange {
    PrObject ob;
    PrObject *start, *stop, *step; /* ints; step != 0 */
    PrObject *length;              /* int >= 0 */
} PrRange;

extern const PrType pr_range_spec;
extern const PrType pr_range_iter_spec;
extern const PrType pr_longrange_iter_spec;

#define PR_RANGE_CHECK(o) (PR_TYPE_OF(o) == PR_TYPE(range))

/* range(start, stop, step) for ints (borrowed). Returns: a new range.
 * Errors: ValueError "range() arg 3 must not be zero", MemoryError. */
PrObject *pr_range_new(PrObject *start, PrObject *stop, PrObject *step);

/* range(start, stop, step) from C values. Returns, Errors: as pr_range_new. */
PrObject *pr_range_from_int64(int64_t start, int64_t stop, int64_t step);

/* For the VM's FOR_ITER over a range (CPython 3.11's FOR_ITER_RANGE): the next value of it, a
 * range_iterator, as a C value, with no int made. Returns: 1 with *v set, 0 when exhausted. */
int pr_range_iter_next_value(PrObject *it, int64_t *v);

#endif
