/* objects/slice.h — slice objects (start, stop, step: any objects, None when absent) and the
 * helpers every sequence uses to turn a slice into C indices with CPython's clamping rules:
 * pr_slice_unpack reads the three fields, pr_slice_adjust_indices clamps them to a length and
 * returns how many items the slice selects; slice.indices(len) exposes the two. Memory: a slice is
 * a GC object of 16 + 40 bytes, as in CPython 3.11. */
#ifndef PR_OBJECTS_SLICE_H
#define PR_OBJECTS_SLICE_H

#include "vm/interp.h"

typedef struct PrSlice {
    PrObject ob;
    PrObject *start, *stop, *step; /* never NULL: None when not given */
} PrSlice;

extern const PrType pr_slice_spec;

#define PR_SLICE_CHECK(o) (PR_TYPE_OF(o) == PR_TYPE(slice))

/* slice(start, stop, step); NULL stands for None. Arguments borrowed.
 * Returns: a new slice. Errors: MemoryError. */
PrObject *pr_slice_new(PrObject *start, PrObject *stop, PrObject *step);

/* Reads s's fields as C indices (CPython's PySlice_Unpack): None becomes 0 / SSIZE_MAX for a
 * positive step and SSIZE_MAX / SSIZE_MIN for a negative one; values beyond ssize_t clamp.
 * Returns: 0, or -1 with ValueError "slice step cannot be zero" or TypeError "slice indices
 * must be integers or None or have an __index__ method". */
int pr_slice_unpack(PrObject *s, ssize_t *start, ssize_t *stop, ssize_t *step);

/* Clamps *start and *stop (as unpacked) to a sequence of length len: negative values count from
 * the end, then they are limited to [0, len] (or [-1, len - 1] for a negative step).
 * Returns: the number of items selected (PySlice_AdjustIndices). */
ssize_t pr_slice_adjust_indices(ssize_t len, ssize_t *start, ssize_t *stop, ssize_t step);

#endif
