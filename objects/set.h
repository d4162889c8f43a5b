/* objects/set.h — set and frozenset: CPython's setobject, an open-addressing hash table of
 * (key, hash) entries probed linearly 9 slots at a time and then by perturbation, with an
 * inline table of 8 entries for small sets, dummies for deleted keys, and CPython's growth
 * rule (resize when fill*5 >= mask*3, to 4x the used entries; 2x above 50,000), so
 * sys.getsizeof matches 3.11: 216 bytes up to 4 items, then 728, 2264, 8408 at 5, 19, 77.
 * frozenset's hash is CPython's (shuffled entry hashes xor-ed); both types are always tracked
 * by the collector. */
#ifndef PR_OBJECTS_SET_H
#define PR_OBJECTS_SET_H

#include "vm/interp.h"

#define PR_SET_MINSIZE 8

typedef struct PrSetEntry {
    PrObject *key; /* NULL: never used; the dummy: deleted */
    PrHash hash;
} PrSetEntry;

typedef struct PrSet {
    PrObject ob;
    ssize_t fill;      /* active and dummy entries */
    ssize_t used;      /* active entries */
    ssize_t mask;      /* table size - 1 */
    PrSetEntry *table; /* smalltable or a separate block */
    PrHash hash;       /* frozenset's, -1 until computed */
    ssize_t finger;    /* where pop() looks next */
    PrSetEntry smalltable[PR_SET_MINSIZE];
    PrObject *weakreflist; /* reserved (CPython's layout and size) */
} PrSet;

extern const PrType pr_set_spec;
extern const PrType pr_frozenset_spec;
extern const PrType pr_set_iter_spec;

#define PR_FROZENSET_CHECK(o) pr_type_is_subtype(PR_TYPE_OF(o), PR_TYPE(frozenset))
#define PR_SET_CHECK(o) pr_type_is_subtype(PR_TYPE_OF(o), PR_TYPE(set))
#define PR_ANYSET_CHECK(o) (PR_SET_CHECK(o) || PR_FROZENSET_CHECK(o))

/* set(iterable) / frozenset(iterable); iterable may be NULL for an empty one.
 * Returns: a new set. Errors: TypeError (not iterable, unhashable item), MemoryError. */
PrObject *pr_set_new(PrObject *iterable);
PrObject *pr_frozenset_new(PrObject *iterable);

/* Returns: len(s). */
ssize_t pr_set_size(PrObject *s);

/* key in s; a set key is looked up as a frozenset, as CPython does.
 * Returns: 1, 0, or -1 (TypeError "unhashable type: 'list'", comparison errors). */
int pr_set_contains(PrObject *s, PrObject *key);

/* s.add(key). Returns: 0 or -1 (unhashable, MemoryError). */
int pr_set_add(PrObject *s, PrObject *key);

/* s.discard(key). Returns: 1 when found and removed, 0 when absent, -1 on error. */
int pr_set_discard(PrObject *s, PrObject *key);

/* s.pop(). Returns: an arbitrary item (a new reference). Errors: KeyError "pop from an empty
 * set". */
PrObject *pr_set_pop(PrObject *s);

/* s.clear(). */
void pr_set_clear(PrObject *s);

/* s |= iterable (s.update). Returns: 0 or -1. */
int pr_set_update(PrObject *s, PrObject *iterable);

/* Steps through s: *pos = 0 first; stores the borrowed key and its hash. s must not change.
 * Returns: 1 for an item, 0 at the end. */
int pr_set_next(PrObject *s, ssize_t *pos, PrObject **key, PrHash *hash);

#endif
