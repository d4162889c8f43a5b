/* objects/tuple.h — the core of tuple: an immutable array of references after a PrVarObject
 * header, the shared empty tuple, CPython 3.11's free lists of small tuples, repr, hash
 * (CPython's xxHash-based tuplehash, so hash((1, 2)) matches once int's hash does), rich
 * comparison, concatenation, and the hook that lets the collector untrack tuples of atomic
 * values. Iteration, slicing, repetition, count/index and tuple() are objects/tuple_methods.c.
 *
 * Memory: a tuple of n items is one block of 16 (collector header) + 24 + 8n bytes, as in
 * CPython (sys.getsizeof((1, 2, 3)) == 64). A freed tuple of 1..20 items goes to the free list
 * of its size (up to 2000 each) and is reused by the next pr_tuple_new of that size;
 * pr_tuple_clear_free_lists returns them to the allocator (a full collection calls it). */
#ifndef PR_OBJECTS_TUPLE_H
#define PR_OBJECTS_TUPLE_H

#include "vm/interp.h"

typedef struct PrTuple {
    PrVarObject ob;
    PrObject *items[];
} PrTuple;

extern const PrType pr_tuple_spec;

#define PR_TUPLE_CHECK(o) PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_TUPLE_SUBCLASS)
#define PR_TUPLE_CHECK_EXACT(o) (PR_TYPE_OF(o) == PR_TYPE(tuple))
/* Unchecked access for a tuple t. */
#define PR_TUPLE_ITEMS(t) (((PrTuple *)(t))->items)
#define PR_TUPLE_SIZE(t) (((PrVarObject *)(t))->size)

/* A tuple of n NULL items (n == 0: the shared empty tuple), tracked by the collector. Fill it
 * with pr_tuple_set_steal before anyone else sees it. Returns: a new tuple.
 * Errors: MemoryError; SystemError for n < 0. */
PrObject *pr_tuple_new(ssize_t n);

/* A tuple holding new references to items[0..n). Returns: a new tuple. Errors: MemoryError. */
PrObject *pr_tuple_from_array(PrObject *const *items, ssize_t n);

/* A tuple of the n PrObject * arguments that follow (borrowed; the tuple takes references).
 * Returns: a new tuple. Errors: MemoryError. */
PrObject *pr_tuple_pack(ssize_t n, ...);

/* Returns: len(t). */
ssize_t pr_tuple_size(PrObject *t);

/* t[i] for 0 <= i < len(t). Returns: the item, borrowed. Errors: IndexError "tuple index out
 * of range"; SystemError when t is not a tuple. */
PrObject *pr_tuple_get_borrow(PrObject *t, ssize_t i);

/* Stores item at t[i] of a tuple under construction (refcnt 1), releasing what was there.
 * Steals: item, even on error. Returns: 0, or -1 with IndexError / SystemError. */
int pr_tuple_set_steal(PrObject *t, ssize_t i, PrObject *item);

/* tuple(iterable): iterable itself when it is an exact tuple. Returns: a new reference.
 * Errors: TypeError "'int' object is not iterable", what iteration raises, MemoryError. */
PrObject *pr_tuple_from_iterable(PrObject *iterable);

extern const PrType pr_tuple_iter_spec;

/* a + b. Returns: a new tuple (a itself when b is empty and a is exact, and vice versa).
 * Errors: TypeError 'can only concatenate tuple (not "int") to tuple', MemoryError. */
PrObject *pr_tuple_concat(PrObject *a, PrObject *b);

/* The collector's hook: untracks t when no item may be part of a cycle (every item is of a
 * non-GC type, or an untracked GC object), as CPython's _PyTuple_MaybeUntrack. */
void pr_tuple_maybe_untrack(PrObject *t);

/* Sets up the free lists and makes () (pr_interp_init) / releases () (pr_interp_finalize;
 * pr_freelists_clear_all empties the free lists after). Returns: 0 or -1. */
int pr_tuple_init_state(void);
void pr_tuple_fini_state(void);

/* Frees every tuple kept on the free lists. Returns: how many were freed. */
ssize_t pr_tuple_clear_free_lists(void);

#endif
