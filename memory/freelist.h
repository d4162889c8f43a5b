/* memory/freelist.h — layer 4 of DESIGN.md: the free lists that keep recently freed blocks of
 * one kind (floats, small tuples of one size, lists, dicts, dict keys blocks, the ints of the
 * Python 2 presets) for reuse before the allocator is asked again.
 *
 *      dealloc ──push──> [ block ]──>[ block ]──> ... (count ≤ max) ──pop──> the next alloc
 *                    full: the caller frees the block     │
 *                                                         └─ clear / trim: release(block)
 *
 * A kept block is chained through its first pointer-sized word (an object's refcnt, which pop's
 * caller sets again); the rest of it, an object's type included, is left as it was, so release
 * can hand it back to the allocator as the object it was. The list owns no reference: what is on
 * it is dead memory.
 *
 * THE BOUND. max is how many blocks the list keeps: 0 turns it off (every push refuses), -1 keeps
 * every block forever (Python 2's int and float blocks, presets py24/py25). Tuples, lists and
 * dicts have fixed CPython 3.11 bounds; the int and float bounds follow the allocator preset
 * (pr_freelist_preset_bound), set at start-up and changeable later (pr_freelist_set_max).
 *
 * Every list is registered when set up (pr_freelist_init), so one call empties them all
 * (pr_freelists_clear_all): a full collection, which leaves the lists kept forever alone, and the
 * interpreter's shutdown, which empties everything so that no block outlives it. */
#ifndef PR_MEMORY_FREELIST_H
#define PR_MEMORY_FREELIST_H

#include <stddef.h>
#include <sys/types.h>

typedef struct PrFreeList {
    void *head;                    /* the last block pushed, NULL when empty */
    ssize_t count;                 /* blocks on the list */
    ssize_t max;                   /* the bound: 0 = off, -1 = kept forever */
    void (*release)(void *block);  /* hands one block back to the allocator */
    struct PrFreeList *next_list;  /* the registry of every list (pr_interp.freelists) */
} PrFreeList;

/* Sets up an empty list with bound max whose blocks release frees, and registers it for
 * pr_freelists_clear_all. Called once per list, at interpreter start-up. */
void pr_freelist_init(PrFreeList *fl, ssize_t max, void (*release)(void *block));

/* Keeps block on fl when the bound allows. Returns: 1 if kept, 0 if the list is full or off
 * (the caller frees the block itself). */
static inline int pr_freelist_push(PrFreeList *fl, void *block)
{
    if (fl->max >= 0 && fl->count >= fl->max) {
        return 0;
    }
    *(void **)block = fl->head;
    fl->head = block;
    fl->count++;
    return 1;
}

/* Takes the last block kept. Returns: the block (its first word to be set again by the caller),
 * or NULL when the list is empty. */
static inline void *pr_freelist_pop(PrFreeList *fl)
{
    void *block = fl->head;
    if (block) {
        fl->head = *(void **)block;
        fl->count--;
    }
    return block;
}

/* Releases blocks until at most keep remain. Returns: how many were released. */
ssize_t pr_freelist_trim(PrFreeList *fl, ssize_t keep);

/* Releases every block on fl. Returns: how many. */
ssize_t pr_freelist_clear(PrFreeList *fl);

/* Sets the bound (any negative: kept forever), trimming the list to a finite one. */
void pr_freelist_set_max(PrFreeList *fl, ssize_t max);

/* The bound the allocator's preset gives a number free list (int, float) whose bound under the
 * Python 3 presets is py3_bound: 0 under malloc and debug (every object is a visible
 * allocation), -1 under py24 and py25 (blocks kept forever), py3_bound otherwise. Call it once
 * the allocator has started (its preset is known then). */
ssize_t pr_freelist_preset_bound(ssize_t py3_bound);

/* Which lists pr_freelists_clear_all empties. */
typedef enum PrFreeListsClear {
    PR_FREELISTS_BOUNDED, /* a full collection: lists kept forever (max -1) stay */
    PR_FREELISTS_ALL,     /* shutdown: every list */
} PrFreeListsClear;

/* Empties the registered free lists. Returns: how many blocks were released. */
ssize_t pr_freelists_clear_all(PrFreeListsClear which);

#endif
