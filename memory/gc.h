/* memory/gc.h — the cycle collector's data: the 16-byte header in front of every object of a
 * PR_TPFLAG_GC type, and the generation lists those objects are tracked in. What exists now is
 * the bookkeeping (track, untrack, allocation counts, the flag and gc_refs fields); the collection
 * itself (CPython's algorithm, DESIGN.md "Cycle collector") is a later issue and fits on top.
 *
 * The header is CPython 3.8+'s PyGC_Head:
 *
 *        block from pr_mem_alloc
 *        v
 *        +-----------+-----------+---------------------+-------------------------+
 *        |   next    | prev|bits |  refcnt  |   type   |  the type's own fields  |
 *        +-----------+-----------+---------------------+-------------------------+
 *        PrGCHead (16 bytes)      ^ the PrObject * everyone sees
 *
 *   next  the next header in the generation list, 0 while the object is untracked.
 *   prev  the previous header, with two flag bits in its low bits (headers are 8-aligned):
 *         PR_GC_FINALIZED  __del__ has run (PEP 442: a finalizer runs once per object);
 *         PR_GC_COLLECTING the object is in the set being collected.
 *         During a collection the collector stores gc_refs (refcnt minus internal references)
 *         in the bits above them, pr_gc_refs/pr_gc_set_refs, and rebuilds the prev links after:
 *         the same trick that keeps CPython's header at two words.
 *
 * Lists are circular and doubly linked through a sentinel PrGCHead; there are three generations
 * (thresholds 700, 10, 10) and a permanent one for gc.freeze(). */
#ifndef PR_MEMORY_GC_H
#define PR_MEMORY_GC_H

#include <stdint.h>

struct PrObject;

typedef struct PrGCHead {
    uintptr_t next; /* PrGCHead * of the next node; 0 = untracked */
    uintptr_t prev; /* PrGCHead * of the previous node | flag bits */
} PrGCHead;

_Static_assert(sizeof(PrGCHead) == 16, "the collector header is two words, as CPython's");

#define PR_GC_FINALIZED ((uintptr_t)1)
#define PR_GC_COLLECTING ((uintptr_t)2)
#define PR_GC_FLAG_BITS ((uintptr_t)3)
#define PR_GC_REFS_SHIFT 2

#define PR_GC_NGENERATIONS 3

typedef struct PrGCGeneration {
    PrGCHead head; /* sentinel of the circular list */
    int threshold; /* collect when count exceeds it (0: never automatically) */
    int count;     /* gen 0: allocations minus frees; older: collections of the younger one */
} PrGCGeneration;

typedef struct PrGCState {
    PrGCGeneration generations[PR_GC_NGENERATIONS];
    PrGCGeneration permanent; /* gc.freeze() */
    int enabled;
} PrGCState;

/* The header of o (which must be of a PR_TPFLAG_GC type) and back. */
#define PR_GC_HEAD(o) (((PrGCHead *)(void *)(o)) - 1)
#define PR_GC_OBJECT(h) ((struct PrObject *)(void *)((PrGCHead *)(h) + 1))

/* Sets up empty lists, thresholds (700, 10, 10), zero counts, enabled. */
void pr_gc_init(PrGCState *gc);

/* Whether o (of a GC type) is in a generation list. */
static inline int pr_gc_is_tracked(const struct PrObject *o)
{
    return PR_GC_HEAD(o)->next != 0;
}

/* Appends o (of a GC type, untracked) to the youngest generation. Call it once the object is
 * fully initialised, so a collection never traverses half-built fields. */
void pr_gc_track(struct PrObject *o);

/* Removes o from its generation list; untracking an untracked object does nothing. Dealloc
 * functions call it first, before they drop references. */
void pr_gc_untrack(struct PrObject *o);

/* The list operations, exposed for the collector and the gc module. A list is a sentinel
 * PrGCHead; pr_gc_list_init makes it empty. */
void pr_gc_list_init(PrGCHead *list);
int pr_gc_list_is_empty(const PrGCHead *list);
void pr_gc_list_append(PrGCHead *node, PrGCHead *list);
void pr_gc_list_remove(PrGCHead *node);
/* Moves every node of from to the end of to; from becomes empty. */
void pr_gc_list_merge(PrGCHead *from, PrGCHead *to);
/* Number of nodes in list (a walk). */
long pr_gc_list_size(const PrGCHead *list);

/* The PEP 442 bit: set once the finalizer of o has run. */
static inline int pr_gc_is_finalized(const struct PrObject *o)
{
    return (PR_GC_HEAD(o)->prev & PR_GC_FINALIZED) != 0;
}
static inline void pr_gc_set_finalized(struct PrObject *o)
{
    PR_GC_HEAD(o)->prev |= PR_GC_FINALIZED;
}

/* gc_refs, valid only while the collector owns the prev field (PR_GC_COLLECTING set). */
static inline intptr_t pr_gc_refs(const struct PrObject *o)
{
    return (intptr_t)(PR_GC_HEAD(o)->prev >> PR_GC_REFS_SHIFT);
}
static inline void pr_gc_set_refs(struct PrObject *o, intptr_t refs)
{
    PrGCHead *h = PR_GC_HEAD(o);
    h->prev = (h->prev & PR_GC_FLAG_BITS) | ((uintptr_t)refs << PR_GC_REFS_SHIFT);
}

/* Allocation accounting for automatic collection (gc.get_count()[0]): the object allocator
 * calls these for every object of a GC type it makes and frees. */
void pr_gc_note_alloc(PrGCState *gc);
void pr_gc_note_free(PrGCState *gc);

#endif
