/* objects/list.h — list: a resizable array of references (CPython's layout and growth rule, so
 * sys.getsizeof matches 3.11 at every length), its free list, methods, slicing, sorting, the
 * list iterators, and the C API the VM and builtins use (BUILD_LIST, LIST_APPEND, sorted()).
 *
 * Memory: the object is 40 bytes (+16 collector header): size, items, allocated. The items live
 * in a separate block of `allocated` pointers. When `n` items no longer fit, the capacity
 * becomes (n + n/8 + 6) rounded down to a multiple of 4 (just n rounded up to 4 when the jump
 * is big); it shrinks the same way when fewer than half are used. An empty list that extends
 * from something with a length allocates exactly that length rounded up to even, and lists
 * made whole (concatenation, repetition, slices, BUILD_LIST) are allocated exactly. Up to 80
 * freed list objects are kept (their item blocks are freed) and reused. Lists are always
 * tracked by the collector. */
#ifndef PR_OBJECTS_LIST_H
#define PR_OBJECTS_LIST_H

#include "vm/interp.h"

typedef struct PrList {
    PrVarObject ob;   /* size: the number of items */
    PrObject **items; /* allocated slots; NULL when allocated == 0 */
    ssize_t allocated;
} PrList;

extern const PrType pr_list_spec;
extern const PrType pr_list_iter_spec;
extern const PrType pr_list_reverseiter_spec;

#define PR_LIST_CHECK(o) PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_LIST_SUBCLASS)
#define PR_LIST_CHECK_EXACT(o) (PR_TYPE_OF(o) == PR_TYPE(list))
/* Unchecked access for a list l. */
#define PR_LIST_ITEMS(l) (((PrList *)(l))->items)
#define PR_LIST_SIZE(l) (((PrVarObject *)(l))->size)

/* A list of n NULL items with capacity exactly n (fill with pr_list_set_steal, as BUILD_LIST
 * does), tracked. Returns: a new list. Errors: MemoryError; SystemError for n < 0. */
PrObject *pr_list_new(ssize_t n);

/* A list holding new references to items[0..n) (capacity n). Returns: a new list.
 * Errors: MemoryError. */
PrObject *pr_list_from_array(PrObject *const *items, ssize_t n);

/* list(iterable): presized by its length when it has one. Returns: a new list.
 * Errors: TypeError "'int' object is not iterable", what iteration raises, MemoryError. */
PrObject *pr_list_from_iterable(PrObject *iterable);

/* Returns: len(l). */
ssize_t pr_list_size(PrObject *l);

/* l[i] for 0 <= i < len(l). Returns: borrowed item. Errors: IndexError "list index out of
 * range"; SystemError when l is not a list. */
PrObject *pr_list_get_borrow(PrObject *l, ssize_t i);

/* Stores item at l[i] (0 <= i < len(l)), releasing what was there. Steals: item, even on
 * error. Returns: 0, or -1 with IndexError "list assignment index out of range". */
int pr_list_set_steal(PrObject *l, ssize_t i, PrObject *item);

/* l.append(x). Returns: 0, or -1 with MemoryError. */
int pr_list_append(PrObject *l, PrObject *x);

/* l.insert(i, x): i counts from the end when negative and is clamped to [0, len].
 * Returns: 0 or -1 (MemoryError). */
int pr_list_insert(PrObject *l, ssize_t i, PrObject *x);

/* l.pop(i) (i negative counts from the end). Returns: the item (the list's reference moves to
 * the caller). Errors: IndexError "pop from empty list", "pop index out of range". */
PrObject *pr_list_pop(PrObject *l, ssize_t i);

/* l.extend(iterable); l may be iterable itself. Returns: 0 or -1 with what iteration raised. */
int pr_list_extend(PrObject *l, PrObject *iterable);

/* l[lo:hi] (clamped). Returns: a new list. Errors: MemoryError. */
PrObject *pr_list_get_slice(PrObject *l, ssize_t lo, ssize_t hi);

/* l[lo:hi] = v (v an iterable, or NULL to delete). Returns: 0 or -1 (TypeError "can only
 * assign an iterable", MemoryError). */
int pr_list_set_slice(PrObject *l, ssize_t lo, ssize_t hi, PrObject *v);

/* l.sort(key=key, reverse=reverse): stable (merge sort with insertion-sorted runs); key NULL
 * or None sorts the items themselves. Returns: 0, or -1 with what a comparison or key raised
 * (l then holds every item, in some order), or ValueError "list modified during sort". */
int pr_list_sort(PrObject *l, PrObject *key, int reverse);

/* l.reverse(). */
void pr_list_reverse(PrObject *l);

/* l.remove(x). Returns: 0, or -1 with ValueError "list.remove(x): x not in list" or what
 * comparing raised. */
int pr_list_remove(PrObject *l, PrObject *x);

/* l.index(x, start, stop) with clamped C bounds. Returns: the index, or -1 with ValueError
 * "'x' is not in list" (the repr of x) or what comparing raised. */
ssize_t pr_list_index(PrObject *l, PrObject *x, ssize_t start, ssize_t stop);

/* l.count(x). Returns: the count, or -1 with what comparing raised. */
ssize_t pr_list_count(PrObject *l, PrObject *x);

/* tuple(l). Returns: a new tuple. Errors: MemoryError. */
PrObject *pr_list_as_tuple(PrObject *l);

/* Empties the free list (a full collection, shutdown). Returns: how many objects were freed. */
ssize_t pr_list_clear_free_list(void);

/* Sets up the free list, bound PR_LIST_MAXFREELIST (pr_interp_init, before the first list). */
void pr_list_init_state(void);

#endif
