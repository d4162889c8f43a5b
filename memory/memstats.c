/* memory/memstats.c — what the allocator can say about itself: statistics gathered by walking
 * every arena and pool, printed in the layout of CPython's sys._debugmallocstats(); where a
 * pointer lives (arena, pool, size class, block); and a checker of every invariant listed in
 * §6 of the essay at the top of memory/obmalloc.c. Nothing here is on a fast path. */
#include "memory/obmalloc.h"

#include "memory/obmalloc_impl.h"
#include "memory/raw.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ============================================================================================
 *  Where a pointer lives
 * ============================================================================================ */

/* Whether the block at b of a carved pool in use is handed out: not if it was never carved,
 * not if it is on the pool's free list (walked at most `carved` steps, so a damaged list
 * cannot loop). */
static int block_allocated(const PrPool *pool, uintptr_t b, size_t size)
{
    if (b >= (uintptr_t)pool + pool->nextoffset) {
        return 0;
    }
    size_t carved = (pool->nextoffset - PR_MEM_POOL_HEADER) / size;
    const PrBlock *f = pool->freeblock;
    for (size_t i = 0; f && i < carved; i++, f = f->next) {
        if ((uintptr_t)f == b) {
            return 0;
        }
    }
    return 1;
}

/* Fills *out for address a inside arena `arena` (checked by the caller with the arena map). */
static void locate_in_arena(const PrMemState *st, uintptr_t a, size_t arena, PrMemLocation *out)
{
    const PrArena *ao = &st->arenas[arena];
    size_t psize = st->cfg.pool_size;
    memset(out, 0, sizeof *out);
    out->arena_index = arena;
    out->arena_address = ao->address;
    if (a < ao->first_pool || a >= ao->first_pool + (uintptr_t)ao->ntotalpools * psize) {
        out->place = PR_MEM_PLACE_SLACK;
        return;
    }
    uintptr_t pa = a & st->pool_mask;
    const PrPool *pool = (const PrPool *)pa;
    out->pool_address = pa;
    out->pool_index = (pa - ao->first_pool) / psize;
    if (pa >= ao->pool_address || pool->count == 0) {
        out->place = PR_MEM_PLACE_FREE_POOL;
        return;
    }
    size_t size = pr_mem_index_size(st, pool->szidx);
    size_t off = a - pa;
    out->size_class = pool->szidx;
    out->block_size = size;
    out->place = PR_MEM_PLACE_HEADER;
    if (off < PR_MEM_POOL_HEADER || (off - PR_MEM_POOL_HEADER) / size >=
                                        (psize - PR_MEM_POOL_HEADER) / size) {
        return;
    }
    out->place = PR_MEM_PLACE_BLOCK;
    out->block_index = (off - PR_MEM_POOL_HEADER) / size;
    out->block_address = pa + PR_MEM_POOL_HEADER + out->block_index * size;
    out->offset = a - out->block_address;
    out->allocated = block_allocated(pool, out->block_address, size);
}

int pr_mem_block_of(const void *p, size_t arena, PrMemLocation *out)
{
    locate_in_arena(&pr_mem_state, (uintptr_t)p, arena, out);
    return out->place == PR_MEM_PLACE_BLOCK;
}

int pr_mem_locate(const void *p, PrMemLocation *out)
{
    size_t arena;
    if (!pr_mem_arena_of(p, &arena)) {
        return 0;
    }
    locate_in_arena(&pr_mem_state, (uintptr_t)p, arena, out);
    return 1;
}

/* ============================================================================================
 *  Statistics
 * ============================================================================================ */

static size_t pool_capacity(const PrMemState *st, size_t c)
{
    return (st->cfg.pool_size - PR_MEM_POOL_HEADER) / pr_mem_index_size(st, c);
}

/* Adds the pools of one arena to the per-class counts. */
static void stats_arena(const PrMemState *st, const PrArena *ao, PrMemStats *s)
{
    s->unused_pools += ao->nfreepools;
    if (ao->first_pool != ao->address) {
        s->arena_alignment_bytes += st->cfg.pool_size;
    }
    for (uintptr_t p = ao->first_pool; p < ao->pool_address; p += st->cfg.pool_size) {
        const PrPool *pool = (const PrPool *)p;
        if (pool->count == 0) {
            continue;
        }
        PrMemClassStats *c = &s->classes[pool->szidx];
        c->num_pools++;
        c->blocks_in_use += pool->count;
        c->avail_blocks += pool_capacity(st, pool->szidx) - pool->count;
    }
}

/* The byte accounting of the class table, as CPython's _PyObject_DebugMallocStats does it. */
static void stats_bytes(const PrMemState *st, PrMemStats *s)
{
    for (size_t c = 0; c < s->nclasses; c++) {
        const PrMemClassStats *k = &s->classes[c];
        s->blocks_in_use += k->blocks_in_use;
        s->allocated_bytes += k->blocks_in_use * k->size;
        s->available_bytes += k->avail_blocks * k->size;
        s->pool_header_bytes += k->num_pools * PR_MEM_POOL_HEADER;
        s->quantization_bytes +=
            k->num_pools * ((st->cfg.pool_size - PR_MEM_POOL_HEADER) % k->size);
    }
    s->unused_pool_bytes = s->unused_pools * st->cfg.pool_size;
    s->arena_bytes = s->arenas_current * st->cfg.arena_size;
}

static void stats_map(const PrMemState *st, PrMemStats *s)
{
    s->map_mid_nodes = st->map_mid_nodes;
    s->map_bot_nodes = st->map_bot_nodes;
    s->map_root_bytes = st->top_len * sizeof(PrMapSlot **);
    s->map_mid_bytes = st->map_mid_nodes * st->mid_len * sizeof(PrMapSlot *);
    s->map_bot_bytes = st->map_bot_nodes * st->bot_len * sizeof(PrMapSlot);
}

void pr_mem_stats(PrMemStats *s)
{
    const PrMemState *st = &pr_mem_state;
    const PrMemConfig *cfg = pr_mem_config();
    PrRawStats raw;
    memset(s, 0, sizeof *s);
    pr_raw_stats(&raw);
    s->os_mapped_bytes = raw.mapped_bytes;
    s->os_malloc_bytes = raw.malloc_bytes;
    s->large_blocks = st->large_blocks;
    s->large_bytes = st->large_bytes;
    s->serialno = st->serialno;
    s->debug = cfg->debug;
    s->threshold = cfg->threshold;
    s->align = cfg->align;
    s->pools = st->running && cfg->threshold;
    if (!s->pools) {
        return;
    }
    s->nclasses = st->nclasses;
    s->arena_size = cfg->arena_size;
    s->pool_size = cfg->pool_size;
    s->pool_header = PR_MEM_POOL_HEADER;
    for (size_t c = 0; c < s->nclasses; c++) {
        s->classes[c].size = pr_mem_index_size(st, c);
    }
    for (size_t i = 0; i < st->maxarenas; i++) {
        if (st->arenas[i].address) {
            s->arenas_current++;
            stats_arena(st, &st->arenas[i], s);
        }
    }
    s->arenas_allocated_total = st->ntimes_arena_allocated;
    s->arenas_reclaimed = st->ntimes_arena_allocated - s->arenas_current;
    s->arenas_highwater = st->narenas_highwater;
    stats_bytes(st, s);
    stats_map(st, s);
}

/* ============================================================================================
 *  The printer
 * ============================================================================================ */

/* One `label = value` line, the value right-aligned with thousands separators (CPython's
 * printone: label padded to 35 columns, then '=', then 21 columns). Returns: value. */
static size_t printone(FILE *out, const char *label, size_t value)
{
    char digits[32], buf[32];
    int n = snprintf(digits, sizeof digits, "%zu", value), j = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) {
            buf[j++] = ',';
        }
        buf[j++] = digits[i];
    }
    buf[j] = '\0';
    fprintf(out, "%-35s=%21s\n", label, buf);
    return value;
}

static void print_classes(FILE *out, const PrMemStats *s)
{
    fprintf(out, "Small block threshold = %zu, in %zu size classes.\n", s->threshold,
            s->nclasses);
    fputs("\nclass   size   num pools   blocks in use  avail blocks\n"
          "-----   ----   ---------   -------------  ------------\n",
          out);
    for (size_t c = 0; c < s->nclasses; c++) {
        const PrMemClassStats *k = &s->classes[c];
        if (k->num_pools) {
            fprintf(out, "%5zu %6zu %11zu %15zu %13zu\n", c, k->size, k->num_pools,
                    k->blocks_in_use, k->avail_blocks);
        }
    }
    fputc('\n', out);
}

static void print_arenas(FILE *out, const PrMemStats *s)
{
    char buf[128];
    if (s->debug) {
        printone(out, "# times object malloc called", s->serialno);
    }
    printone(out, "# arenas allocated total", s->arenas_allocated_total);
    printone(out, "# arenas reclaimed", s->arenas_reclaimed);
    printone(out, "# arenas highwater mark", s->arenas_highwater);
    printone(out, "# arenas allocated current", s->arenas_current);
    snprintf(buf, sizeof buf, "%zu arenas * %zu bytes/arena", s->arenas_current, s->arena_size);
    printone(out, buf, s->arena_bytes);
    fputc('\n', out);
}

static void print_bytes(FILE *out, const PrMemStats *s)
{
    char buf[128];
    size_t total = printone(out, "# bytes in allocated blocks", s->allocated_bytes);
    total += printone(out, "# bytes in available blocks", s->available_bytes);
    snprintf(buf, sizeof buf, "%zu unused pools * %zu bytes", s->unused_pools, s->pool_size);
    total += printone(out, buf, s->unused_pool_bytes);
    total += printone(out, "# bytes lost to pool headers", s->pool_header_bytes);
    total += printone(out, "# bytes lost to quantization", s->quantization_bytes);
    total += printone(out, "# bytes lost to arena alignment", s->arena_alignment_bytes);
    printone(out, "Total", total);
}

static void print_map(FILE *out, const PrMemStats *s)
{
    fputs("\narena map counts\n", out);
    printone(out, "# arena map mid nodes", s->map_mid_nodes);
    printone(out, "# arena map bot nodes", s->map_bot_nodes);
    fputc('\n', out);
    size_t total = printone(out, "# bytes lost to arena map root", s->map_root_bytes);
    total += printone(out, "# bytes lost to arena map mid", s->map_mid_bytes);
    total += printone(out, "# bytes lost to arena map bot", s->map_bot_bytes);
    printone(out, "Total", total);
}

/* Under the malloc preset there are no pools or arenas: only the raw layer's lines apply. */
static void print_raw_only(FILE *out, const PrMemStats *s)
{
    fputs("Small block threshold = 0: every request goes to the C library's malloc.\n\n", out);
    if (s->debug) {
        printone(out, "# times object malloc called", s->serialno);
    }
    printone(out, "# blocks from malloc", s->large_blocks);
    printone(out, "# bytes requested in them", s->large_bytes);
    printone(out, "# bytes malloc holds for pyrena", s->os_malloc_bytes);
}

void pr_mem_print_stats(FILE *out)
{
    PrMemStats s;
    pr_mem_stats(&s);
    if (!s.pools) {
        print_raw_only(out, &s);
        return;
    }
    print_classes(out, &s);
    print_arenas(out, &s);
    print_bytes(out, &s);
    print_map(out, &s);
}

/* ============================================================================================
 *  The invariant checker
 * ============================================================================================ */

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    if (err && errlen) {
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* A carved pool: its counts, its free list, and its list membership as its state requires. */
static int check_pool(const PrMemState *st, const PrPool *pool, size_t arena, size_t *nused,
                      char *err, size_t errlen)
{
    if (pool->arenaindex != arena) {
        return fail(err, errlen, "pool %p says arena %u, lies in %zu", (const void *)pool,
                    pool->arenaindex, arena);
    }
    if (pool->count == 0) {
        return 0;
    }
    if (pool->szidx >= st->nclasses) {
        return fail(err, errlen, "pool %p in use has class %u", (const void *)pool, pool->szidx);
    }
    size_t size = pr_mem_index_size(st, pool->szidx);
    size_t carved = (pool->nextoffset - PR_MEM_POOL_HEADER) / size, nfree = 0;
    for (const PrBlock *f = pool->freeblock; f; f = f->next) {
        uintptr_t off = (uintptr_t)f - (uintptr_t)pool;
        if (++nfree > carved || off < PR_MEM_POOL_HEADER || (off - PR_MEM_POOL_HEADER) % size ||
            off >= pool->nextoffset) {
            return fail(err, errlen, "pool %p: bad free list", (const void *)pool);
        }
    }
    if (pool->count + nfree != carved) {
        return fail(err, errlen, "pool %p: count %u + free %zu != carved %zu",
                    (const void *)pool, pool->count, nfree, carved);
    }
    *nused += pool->count < pool_capacity(st, pool->szidx);
    return 0;
}

/* An arena: its pools, its free pools, its place in the map. */
static int check_arena(const PrMemState *st, size_t i, size_t *nused, char *err, size_t errlen)
{
    const PrArena *ao = &st->arenas[i];
    size_t found, nfree = (ao->first_pool + (uintptr_t)ao->ntotalpools * st->cfg.pool_size -
                           ao->pool_address) / st->cfg.pool_size;
    for (const PrPool *p = ao->freepools; p; p = (const PrPool *)p->link.next) {
        if (p->count != 0 || ++nfree > ao->ntotalpools) {
            return fail(err, errlen, "arena %zu: bad free pool list", i);
        }
    }
    if (nfree != ao->nfreepools) {
        return fail(err, errlen, "arena %zu: nfreepools %u, counted %zu", i, ao->nfreepools,
                    nfree);
    }
    for (uintptr_t p = ao->first_pool; p < ao->pool_address; p += st->cfg.pool_size) {
        if (check_pool(st, (const PrPool *)p, i, nused, err, errlen) < 0) {
            return -1;
        }
    }
    uintptr_t last = ao->address + st->cfg.arena_size - 1;
    if (!pr_mem_arena_of((void *)ao->address, &found) || found != i ||
        !pr_mem_arena_of((void *)last, &found) || found != i ||
        (pr_mem_arena_of((void *)(ao->address - 1), &found) && found == i) ||
        (pr_mem_arena_of((void *)(last + 1), &found) && found == i)) {
        return fail(err, errlen, "arena %zu: the arena map disagrees", i);
    }
    return 0;
}

/* The lists of partly used pools: each member USED, of its class, and all of them there. */
static int check_used_lists(const PrMemState *st, size_t nused, char *err, size_t errlen)
{
    size_t listed = 0;
    for (size_t c = 0; c < PR_MEM_MAX_CLASSES; c++) {
        const PrPoolLink *head = &st->used[c];
        for (const PrPoolLink *l = head->next; l != head; l = l->next) {
            const PrPool *pool = (const PrPool *)l;
            if (l->next->prev != l || pool->szidx != c || pool->count == 0 ||
                pool->count >= pool_capacity(st, c) || !pool->freeblock || ++listed > nused) {
                return fail(err, errlen, "used[%zu]: pool %p does not belong", c,
                            (const void *)pool);
            }
        }
    }
    return listed == nused ? 0
                           : fail(err, errlen, "%zu partly used pools, %zu listed", nused, listed);
}

/* The usable arenas: linked both ways, all with free pools, sorted under `fullest`, and
 * nfp2lasta pointing at the last arena of each count. */
static int check_usable(const PrMemState *st, size_t nusable, char *err, size_t errlen)
{
    size_t n = 0, lasts = 0, maxpools = st->cfg.arena_size / st->cfg.pool_size;
    const PrArena *prev = NULL;
    for (const PrArena *a = st->usable; a; prev = a, a = a->nextarena) {
        if (a->prevarena != prev || a->nfreepools == 0 || ++n > nusable) {
            return fail(err, errlen, "usable list broken at arena %zu", (size_t)(a - st->arenas));
        }
        if (st->fullest && prev && prev->nfreepools > a->nfreepools) {
            return fail(err, errlen, "usable list not sorted at arena %zu",
                        (size_t)(a - st->arenas));
        }
        int last = !a->nextarena || a->nextarena->nfreepools != a->nfreepools;
        if (st->fullest && (st->nfp2lasta[a->nfreepools] == a) != last) {
            return fail(err, errlen, "nfp2lasta[%u] wrong", a->nfreepools);
        }
        lasts += last;
    }
    for (size_t k = 0; st->fullest && k <= maxpools; k++) {
        lasts -= st->nfp2lasta[k] != NULL;
    }
    if (st->fullest && lasts != 0) {
        return fail(err, errlen, "nfp2lasta holds an arena that is not the last of its count");
    }
    return n == nusable ? 0 : fail(err, errlen, "%zu usable arenas, %zu listed", nusable, n);
}

static int check_bytes(char *err, size_t errlen)
{
    PrMemStats s;
    pr_mem_stats(&s);
    size_t sum = s.allocated_bytes + s.available_bytes + s.unused_pool_bytes +
                 s.pool_header_bytes + s.quantization_bytes + s.arena_alignment_bytes;
    if (sum != s.arena_bytes) {
        return fail(err, errlen, "byte accounting sums to %zu, arenas hold %zu", sum,
                    s.arena_bytes);
    }
    return 0;
}

int pr_mem_check(char *err, size_t errlen)
{
    const PrMemState *st = &pr_mem_state;
    size_t narenas = 0, nusable = 0, nempty = 0, nused = 0;
    if (!st->running || !st->cfg.threshold) {
        return 0;
    }
    for (size_t i = 0; i < st->maxarenas; i++) {
        const PrArena *ao = &st->arenas[i];
        if (!ao->address) {
            continue;
        }
        narenas++;
        nusable += ao->nfreepools > 0;
        nempty += ao->nfreepools == ao->ntotalpools;
        if (check_arena(st, i, &nused, err, errlen) < 0) {
            return -1;
        }
    }
    if (narenas != st->narenas_current || nempty != st->nempty ||
        narenas > st->narenas_highwater || st->ntimes_arena_allocated < narenas) {
        return fail(err, errlen, "arena counters: %zu arenas (state %zu), %zu empty (state %zu)",
                    narenas, st->narenas_current, nempty, st->nempty);
    }
    if (check_used_lists(st, nused, err, errlen) < 0 ||
        check_usable(st, nusable, err, errlen) < 0) {
        return -1;
    }
    return check_bytes(err, errlen);
}
