/* memory/freelist.c — the free lists of layer 4 (memory/freelist.h has the design): trimming
 * and clearing through each list's release function, the bound a preset gives the int and float
 * lists, and the registry that lets one call empty every list. */
#include "memory/freelist.h"

#include "memory/obmalloc.h"
#include "vm/interp.h"

#include <string.h>

void pr_freelist_init(PrFreeList *fl, ssize_t max, void (*release)(void *block))
{
    fl->head = NULL;
    fl->count = 0;
    fl->max = max < 0 ? -1 : max;
    fl->release = release;
    fl->next_list = pr_interp.freelists;
    pr_interp.freelists = fl;
}

ssize_t pr_freelist_trim(PrFreeList *fl, ssize_t keep)
{
    ssize_t freed = 0;
    while (fl->count > keep) {
        fl->release(pr_freelist_pop(fl));
        freed++;
    }
    return freed;
}

ssize_t pr_freelist_clear(PrFreeList *fl)
{
    return pr_freelist_trim(fl, 0);
}

void pr_freelist_set_max(PrFreeList *fl, ssize_t max)
{
    fl->max = max < 0 ? -1 : max;
    if (max >= 0) {
        pr_freelist_trim(fl, max);
    }
}

ssize_t pr_freelist_preset_bound(ssize_t py3_bound)
{
    const PrMemConfig *cfg = pr_mem_config();
    if (cfg->threshold == 0 || cfg->debug) {
        return 0;
    }
    if (strcmp(cfg->preset, "py24") == 0 || strcmp(cfg->preset, "py25") == 0) {
        return -1;
    }
    return py3_bound;
}

ssize_t pr_freelists_clear_all(PrFreeListsClear which)
{
    ssize_t freed = 0;
    for (PrFreeList *fl = pr_interp.freelists; fl; fl = fl->next_list) {
        if (which == PR_FREELISTS_ALL || fl->max >= 0) {
            freed += pr_freelist_clear(fl);
        }
    }
    return freed;
}
