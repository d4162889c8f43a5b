/* memory/gc.c — generation lists and tracking for the cycle collector (see memory/gc.h for the
 * header layout). The collection algorithm will live here too; it is a later issue. */
#include "memory/gc.h"

#include "vm/interp.h"

static PrGCHead *head_prev(const PrGCHead *h)
{
    return (PrGCHead *)(h->prev & ~PR_GC_FLAG_BITS);
}

static void set_prev(PrGCHead *h, PrGCHead *prev)
{
    h->prev = (h->prev & PR_GC_FLAG_BITS) | (uintptr_t)prev;
}

void pr_gc_list_init(PrGCHead *list)
{
    list->next = (uintptr_t)list;
    list->prev = (uintptr_t)list;
}

int pr_gc_list_is_empty(const PrGCHead *list)
{
    return list->next == (uintptr_t)list;
}

void pr_gc_list_append(PrGCHead *node, PrGCHead *list)
{
    PrGCHead *last = head_prev(list);
    last->next = (uintptr_t)node;
    set_prev(node, last);
    node->next = (uintptr_t)list;
    set_prev(list, node);
}

void pr_gc_list_remove(PrGCHead *node)
{
    PrGCHead *prev = head_prev(node), *next = (PrGCHead *)node->next;
    prev->next = (uintptr_t)next;
    set_prev(next, prev);
    node->next = 0;
    node->prev &= PR_GC_FLAG_BITS;
}

void pr_gc_list_merge(PrGCHead *from, PrGCHead *to)
{
    if (pr_gc_list_is_empty(from)) {
        return;
    }
    PrGCHead *to_last = head_prev(to), *first = (PrGCHead *)from->next, *last = head_prev(from);
    to_last->next = (uintptr_t)first;
    set_prev(first, to_last);
    last->next = (uintptr_t)to;
    set_prev(to, last);
    pr_gc_list_init(from);
}

long pr_gc_list_size(const PrGCHead *list)
{
    long n = 0;
    for (const PrGCHead *h = (const PrGCHead *)list->next; h != list;
         h = (const PrGCHead *)h->next) {
        n++;
    }
    return n;
}

void pr_gc_init(PrGCState *gc)
{
    static const int thresholds[PR_GC_NGENERATIONS] = {700, 10, 10};
    for (int i = 0; i < PR_GC_NGENERATIONS; i++) {
        pr_gc_list_init(&gc->generations[i].head);
        gc->generations[i].threshold = thresholds[i];
        gc->generations[i].count = 0;
    }
    pr_gc_list_init(&gc->permanent.head);
    gc->permanent.threshold = 0;
    gc->permanent.count = 0;
    gc->enabled = 1;
}

void pr_gc_track(PrObject *o)
{
    PR_ASSERT(PR_TYPE_IS_GC(o->type));
    PR_ASSERT(!pr_gc_is_tracked(o));
    pr_gc_list_append(PR_GC_HEAD(o), &pr_interp.gc.generations[0].head);
}

void pr_gc_untrack(PrObject *o)
{
    PR_ASSERT(PR_TYPE_IS_GC(o->type));
    if (pr_gc_is_tracked(o)) {
        pr_gc_list_remove(PR_GC_HEAD(o));
    }
}

void pr_gc_note_alloc(PrGCState *gc)
{
    gc->generations[0].count++;
}

void pr_gc_note_free(PrGCState *gc)
{
    if (gc->generations[0].count > 0) {
        gc->generations[0].count--;
    }
}
