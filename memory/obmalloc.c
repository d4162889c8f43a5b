/* memory/obmalloc.c — the object allocator: size classes, pools, arenas, the arena map, and
 * the fast paths of pr_mem_alloc/pr_mem_free. Not here: parsing the configuration
 * (memconfig.c), the debug preset's checks (memdebug.c), statistics and pointer lookup
 * (memstats.c). Read docs/memory-apis.md §7 for the history each preset reproduces.
 *
 * ============================================================================================
 *  DESIGN
 * ============================================================================================
 *
 * 1. Layers
 *
 *      objects/ (layer 5), type free lists (layer 4)
 *          |   pr_mem_alloc(n) / pr_mem_realloc / pr_mem_free
 *          v
 *      +------------------------- layer 3: this file ------------------------------+
 *      |  n <= threshold                              | n > threshold, or preset   |
 *      |  class c = (n - 1) >> shift                  | `malloc`:                  |
 *      |  used[c] -> a partly used pool -> a block    |   pr_raw_malloc(16 + n),   |
 *      |  pools (pool_size, one class at a time)      |   a 16-byte header keeps   |
 *      |  carved from arenas (arena_size),            |   the size ("large block") |
 *      |  which the arena map finds from an address   |                            |
 *      +-----------------------------------------------------------------------------+
 *          |   pr_raw_map / pr_raw_malloc (arenas, large blocks, the allocator's tables)
 *          v
 *      layer 2: memory/raw.c, counted malloc/free/mmap/munmap
 *          v
 *      layer 1: the kernel (mmap, munmap) and glibc (malloc's own trimming, malloc_trim)
 *
 *    The debug preset is a thin layer between the caller and layer 3 (memdebug.c): it adds
 *    guard bytes and a header to each request and checks them on every free.
 *
 * 2. Geometry
 *
 *      address from the OS                                          address + arena_size
 *      |slack|<-- pool 0 -->|<-- pool 1 -->| ... |<-- pool k-1 -->|slack|
 *            ^first_pool                   ^pool_address: pools below have headers,
 *                                           pools from here on were never touched
 *
 *    Pools are aligned to pool_size so that a block's pool is `p & pool_mask`. If the OS
 *    returns an address that is not pool-aligned (always for malloc'd arenas, for mmap'd
 *    ones when pools are bigger than a page), the two slack pieces add up to exactly one
 *    pool: "bytes lost to arena alignment".
 *
 *      pool: | header (48) | block 0 | block 1 | ... | block m-1 | tail < one block |
 *                                           ^nextoffset: blocks from here were never carved
 *
 *    Blocks are carved lazily: a fresh pool hands out block 0, puts block 1 on its free list
 *    and remembers nextoffset; when the free list runs dry the next block is carved by
 *    bumping nextoffset. A pool that never fills never has its tail touched, so untouched
 *    pages stay out of RSS. The tail is "bytes lost to quantization".
 *
 * 3. States of a pool, and what moves it
 *
 *                      taken                   last free block handed out
 *      uncarved pool ----------------> USED ---------------------------------> FULL
 *                                     |  ^  <---------------------------------
 *                   last block freed  |  |  taken             one block freed
 *                                     v  |
 *                                     EMPTY  (on its arena's freepools list)
 *
 *    "taken": a request finds used[c] empty and starts a pool for class c (below).
 *
 *    USED:  0 < count < capacity, linked in used[szidx], freeblock != NULL.
 *    FULL:  count == capacity, in no list, freeblock == NULL.
 *    EMPTY: count == 0, on arena->freepools; it keeps its class and free list, so an EMPTY
 *           pool taken again for the same class is reused without rebuilding anything.
 *    A request whose used[c] list is empty takes a pool from the first usable arena: an
 *    EMPTY pool if it has one, else it carves the pool at pool_address.
 *
 * 4. States of an arena
 *
 *      table slot --needed, no usable arena--> USABLE (all pools free)
 *      USABLE --last free pool taken--> FULL (in no list)
 *      FULL --a pool empties--> USABLE (pushed at the head: one free pool is the fullest)
 *      USABLE --all pools free again--> released to the OS, or kept, as arena_release says
 *
 *    USABLE arenas form one doubly linked list. Under arena_order=fullest (Evan Jones, 2.5)
 *    it is sorted by nfreepools, ascending, and pools are taken from its head, so new blocks
 *    go to the arenas most used and the least used ones get a chance to empty. Taking a pool
 *    keeps the head the smallest; freeing one raises an arena's count by one, and the arena
 *    moves right past the arenas that had its new count: nfp2lasta[k], the last arena with k
 *    free pools, makes that O(1) (CPython 3.8). Under arena_order=none the list is a stack:
 *    an arena that regains a free pool goes to the head and nothing is re-sorted (2.4).
 *    arena_release: always (2.5..3.8), never (<= 2.4, the process stays at its high-water
 *    mark), keep1 (3.9, bpo-37257: one wholly empty arena stays spare, so a loop that
 *    allocates and frees around an arena boundary does not map and unmap on every turn; an
 *    empty arena is released only if another empty one is already kept).
 *
 * 5. Finding out whether a block is ours: the arena map
 *
 *    pr_mem_free gets any pointer: a small block, a large block from the raw layer, and must
 *    tell which in O(1) and exactly. CPython <= 3.9 read the would-be pool header at
 *    `p & pool_mask` and compared its arena index with the arena table: cheap, but it reads
 *    memory the allocator may not own (valgrind and ASan had to be told to look away). 3.10
 *    replaced it with a radix tree keyed by the address bits above the arena size, and so do
 *    we: three levels (root, mid, bottom), the root and mid indexed by (64 - arena_bits + 2)/3
 *    bits each and the bottom by the rest, the layout of CPython 3.11. A bottom slot stands
 *    for one arena-sized, arena-aligned range of addresses. An arena that is not aligned to
 *    its size covers the head of one slot and the tail of the next, so a slot records both
 *    boundaries (tail_lo: the tail of an arena ending in it; tail_hi: where an arena starting
 *    in it begins) and p is ours iff `tail < tail_lo || (tail >= tail_hi && tail_hi != 0)`.
 *    The test reads only the map: three dependent loads that stay in cache. Nodes are mapped
 *    from the OS (zero-filled, so only the pages touched become resident) when an arena first
 *    needs them, and kept until pr_mem_finalize; pr_mem_print_stats shows their size. A slot
 *    also keeps the indexes of its two arenas (16 bytes a slot where CPython keeps 8), so
 *    pr_mem_locate and the debug checks name the arena of any pointer without a search.
 *    Alternatives: arenas aligned to their size (map twice the size, trim) would need no
 *    boundaries in a slot, but arenas from malloc (py24, py25) cannot be aligned; a hash
 *    table of arena addresses costs a hash and a probe on every free; a sorted array, log n.
 *
 * 6. Invariants (checked by pr_mem_check in memstats.c, which the tests run)
 *
 *    - Arenas never overlap; every carved pool lies in one arena, every block in one pool.
 *    - A pool in used[c] is USED with szidx == c; FULL pools are in no list; an EMPTY pool is
 *      on its arena's freepools and counted in nfreepools.
 *    - count == carved blocks - blocks on the pool's free list.
 *    - arena.nfreepools == uncarved pools + EMPTY pools; an arena is on the usable list iff
 *      nfreepools > 0; nempty counts the arenas with all pools free.
 *    - Under fullest, the usable list is sorted by nfreepools and nfp2lasta[k] is its last
 *      arena with k free pools (NULL if none).
 *    - Byte accounting: arenas * arena_size == allocated + available + unused pools + pool
 *      headers + quantization + arena alignment, exactly.
 *
 * 7. Tunables and their constraints (runtime ones checked by pr_mem_config_check)
 *
 *    align (8 | 16)       the class step and block alignment; pool headers are 48 bytes, a
 *                         multiple of 16, and pools are pool-aligned, so every block is
 *                         aligned (static assertions in obmalloc_impl.h).
 *    threshold            a multiple of align, <= PR_MEM_MAX_THRESHOLD; 0 = no pools.
 *    pool_size            a power of two in [1K, 1M] holding the header and two blocks of the
 *                         largest class (a fresh pool always puts a second block on its list).
 *    arena_size           a power of two in [64K, 64M] and at least 4 pools, so an arena is a
 *                         whole number of pools and keeps >= 3 when one is lost to alignment;
 *                         < 2^31 so slot boundaries fit in int32 (static assertion below).
 *    arena_release, arena_order, arena_source: see 4 and the preset table in DESIGN.md.
 *
 * 8. Speed
 *
 *    Allocation of a small block: the class is one shift, the pool is the head of used[c],
 *    the block is popped from its free list; only when that list runs dry is a block carved
 *    (a bump) or the pool retired. Freeing: the arena map test, a push onto the pool's free
 *    list, and the count; only the full->used and used->empty transitions take a branch
 *    out. No division anywhere on these paths; the configuration is read from the state's
 *    first cache lines.
 */
#include "memory/obmalloc.h"

#include "memory/obmalloc_impl.h"
#include "memory/raw.h"

#include <stdint.h>
#include <string.h>

_Static_assert(sizeof(uintptr_t) == 8, "the arena map is laid out for 64-bit addresses");
_Static_assert(PR_MEM_MAX_CLASSES * 8 == PR_MEM_MAX_THRESHOLD, "one class per 8-byte step");
_Static_assert(PR_MEM_MAX_ARENA <= ((size_t)1 << 31), "slot tails of the largest arena fit int32");
_Static_assert(PR_MEM_POOL_HEADER + 2 * PR_MEM_MAX_THRESHOLD <= PR_MEM_MAX_POOL,
               "some pool size holds two blocks of the largest class allowed");

PrMemState pr_mem_state;

/* ============================================================================================
 *  Lists of pools
 * ============================================================================================ */

static void list_unlink(PrPoolLink *l)
{
    l->prev->next = l->next;
    l->next->prev = l->prev;
}

static void list_push_front(PrPoolLink *head, PrPoolLink *l)
{
    l->next = head->next;
    l->prev = head;
    head->next->prev = l;
    head->next = l;
}

static PrPool *pool_of(const PrMemState *st, const void *p)
{
    return (PrPool *)((uintptr_t)p & st->pool_mask);
}

/* ============================================================================================
 *  The arena map
 * ============================================================================================ */

/* The slot covering address a, or NULL if no arena ever needed its nodes. */
static inline const PrMapSlot *map_slot(const PrMemState *st, uintptr_t a)
{
    PrMapSlot **mid = st->root[a >> st->top_shift];
    if (!mid) {
        return NULL;
    }
    PrMapSlot *bot = mid[(a >> st->mid_shift) & st->mid_mask];
    if (!bot) {
        return NULL;
    }
    return &bot[(a >> st->arena_bits) & st->bot_mask];
}

static inline int slot_owns(const PrMemState *st, const PrMapSlot *s, uintptr_t a)
{
    int32_t tail = (int32_t)(a & st->arena_mask);
    return tail < s->tail_lo || (tail >= s->tail_hi && s->tail_hi != 0);
}

/* The exact ownership test of essay §5. */
static inline int map_owns(const PrMemState *st, const void *p)
{
    const PrMapSlot *s = map_slot(st, (uintptr_t)p);
    return s && slot_owns(st, s, (uintptr_t)p);
}

/* Like map_slot, making the nodes on the way when `create`. NULL when out of memory. */
static PrMapSlot *map_slot_make(PrMemState *st, uintptr_t a, int create)
{
    PrMapSlot ***top = &st->root[a >> st->top_shift];
    if (!*top) {
        if (!create || !(*top = pr_raw_map(st->mid_len * sizeof(PrMapSlot *)))) {
            return NULL;
        }
        st->map_mid_nodes++;
    }
    PrMapSlot **mid = &(*top)[(a >> st->mid_shift) & st->mid_mask];
    if (!*mid) {
        if (!create || !(*mid = pr_raw_map(st->bot_len * sizeof(PrMapSlot)))) {
            return NULL;
        }
        st->map_bot_nodes++;
    }
    return &(*mid)[(a >> st->arena_bits) & st->bot_mask];
}

/* Records (used) or forgets (!used) the arena `idx` at base in the map. Returns: 0, or -1 if a
 * node could not be allocated, with the map as it was. Forgetting never fails. */
static int map_mark(PrMemState *st, uintptr_t base, uint32_t idx, int used)
{
    PrMapSlot *hi = map_slot_make(st, base, used);
    int32_t tail = (int32_t)(base & st->arena_mask);
    if (!hi) {
        return -1;
    }
    if (used) {
        hi->hi_arena = idx;
    }
    if (tail == 0) {
        hi->tail_hi = used ? -1 : 0;
        return 0;
    }
    hi->tail_hi = used ? tail : 0;
    PrMapSlot *lo = map_slot_make(st, base + st->cfg.arena_size, used);
    if (!lo) {
        hi->tail_hi = 0;
        return -1;
    }
    lo->tail_lo = used ? tail : 0;
    lo->lo_arena = idx;
    return 0;
}

int pr_mem_arena_of(const void *p, size_t *arena)
{
    const PrMemState *st = &pr_mem_state;
    if (!st->root) {
        return 0;
    }
    uintptr_t a = (uintptr_t)p;
    const PrMapSlot *s = map_slot(st, a);
    if (!s || !slot_owns(st, s, a)) {
        return 0;
    }
    *arena = (int32_t)(a & st->arena_mask) < s->tail_lo ? s->lo_arena : s->hi_arena;
    return 1;
}

static void map_free(PrMemState *st)
{
    for (size_t i = 0; i < st->top_len; i++) {
        if (st->root[i]) {
            for (size_t j = 0; j < st->mid_len; j++) {
                pr_raw_unmap(st->root[i][j], st->bot_len * sizeof(PrMapSlot));
            }
            pr_raw_unmap(st->root[i], st->mid_len * sizeof(PrMapSlot *));
        }
    }
    pr_raw_unmap(st->root, st->top_len * sizeof(PrMapSlot **));
}

/* ============================================================================================
 *  Arenas
 * ============================================================================================ */

static void *arena_os_get(const PrMemState *st)
{
    if (st->cfg.arena_source == PR_MEM_SOURCE_MMAP) {
        return pr_raw_map(st->cfg.arena_size);
    }
    return pr_raw_malloc(st->cfg.arena_size);
}

static void arena_os_put(const PrMemState *st, uintptr_t address)
{
    if (st->cfg.arena_source == PR_MEM_SOURCE_MMAP) {
        pr_raw_unmap((void *)address, st->cfg.arena_size);
    } else {
        pr_raw_free((void *)address);
    }
}

/* Doubles the arena table. Only called with no usable arena and no unused slot, so no pointer
 * into the table is live while it moves. */
static int arena_table_grow(PrMemState *st)
{
    size_t n = st->maxarenas ? st->maxarenas * 2 : 16;
    assert(!st->usable && !st->unused_arenas);
    if (n > UINT32_MAX || n > SIZE_MAX / sizeof(PrArena)) {
        return -1;
    }
    PrArena *t = pr_raw_realloc(st->arenas, n * sizeof *t);
    if (!t) {
        return -1;
    }
    for (size_t i = st->maxarenas; i < n; i++) {
        memset(&t[i], 0, sizeof t[i]);
        t[i].nextarena = i + 1 < n ? &t[i + 1] : NULL;
    }
    st->unused_arenas = &t[st->maxarenas];
    st->arenas = t;
    st->maxarenas = n;
    return 0;
}

static void usable_unlink(PrMemState *st, PrArena *ao)
{
    if (ao->prevarena) {
        ao->prevarena->nextarena = ao->nextarena;
    } else {
        st->usable = ao->nextarena;
    }
    if (ao->nextarena) {
        ao->nextarena->prevarena = ao->prevarena;
    }
    ao->nextarena = ao->prevarena = NULL;
}

static void usable_push_front(PrMemState *st, PrArena *ao)
{
    ao->prevarena = NULL;
    ao->nextarena = st->usable;
    if (st->usable) {
        st->usable->prevarena = ao;
    }
    st->usable = ao;
}

static void usable_insert_after(PrArena *where, PrArena *ao)
{
    ao->prevarena = where;
    ao->nextarena = where->nextarena;
    if (where->nextarena) {
        where->nextarena->prevarena = ao;
    }
    where->nextarena = ao;
}

/* Gets a new arena from the OS and makes it the only usable one. Returns: it, or NULL. */
static PrArena *arena_new(PrMemState *st)
{
    if (!st->unused_arenas && arena_table_grow(st) < 0) {
        return NULL;
    }
    PrArena *ao = st->unused_arenas;
    void *raw = arena_os_get(st);
    if (!raw) {
        return NULL;
    }
    uintptr_t base = (uintptr_t)raw;
    if (map_mark(st, base, (uint32_t)(ao - st->arenas), 1) < 0) {
        arena_os_put(st, base);
        return NULL;
    }
    st->unused_arenas = ao->nextarena;
    ao->address = base;
    ao->first_pool = (base + st->cfg.pool_size - 1) & st->pool_mask;
    ao->pool_address = ao->first_pool;
    ao->ntotalpools = (uint32_t)(st->cfg.arena_size / st->cfg.pool_size);
    ao->ntotalpools -= ao->first_pool != base;
    ao->nfreepools = ao->ntotalpools;
    ao->freepools = NULL;
    st->ntimes_arena_allocated++;
    if (++st->narenas_current > st->narenas_highwater) {
        st->narenas_highwater = st->narenas_current;
    }
    st->nempty++;
    usable_push_front(st, ao);
    if (st->fullest) {
        st->nfp2lasta[ao->ntotalpools] = ao;
    }
    return ao;
}

/* Gives a wholly empty usable arena back to the OS. */
static void arena_release(PrMemState *st, PrArena *ao)
{
    usable_unlink(st, ao);
    (void)map_mark(st, ao->address, (uint32_t)(ao - st->arenas), 0);
    arena_os_put(st, ao->address);
    ao->address = 0;
    ao->nextarena = st->unused_arenas;
    st->unused_arenas = ao;
    st->narenas_current--;
}

/* Whether an arena that just became wholly empty goes back to the OS (essay §4). */
static int release_now(const PrMemState *st)
{
    switch (st->cfg.arena_release) {
    case PR_MEM_RELEASE_ALWAYS:
        return 1;
    case PR_MEM_RELEASE_NEVER:
        return 0;
    case PR_MEM_RELEASE_KEEP1:
        return st->nempty > 0;
    }
    return 1;
}

/* Takes a pool from the head of the usable list: an EMPTY one, or the next uncarved one. Under
 * `fullest` the head has the fewest free pools, so it stays the head with one less. */
static PrPool *arena_take_pool(PrMemState *st)
{
    PrArena *ao = st->usable;
    uint32_t nf = ao->nfreepools;
    if (nf == ao->ntotalpools) {
        st->nempty--;
    }
    if (st->fullest) {
        if (st->nfp2lasta[nf] == ao) {
            st->nfp2lasta[nf] = NULL;
        }
        if (nf > 1) {
            assert(st->nfp2lasta[nf - 1] == NULL);
            st->nfp2lasta[nf - 1] = ao;
        }
    }
    PrPool *pool = ao->freepools;
    if (pool) {
        ao->freepools = (PrPool *)pool->link.next;
    } else {
        pool = (PrPool *)ao->pool_address;
        ao->pool_address += st->cfg.pool_size;
        pool->arenaindex = (uint32_t)(ao - st->arenas);
        pool->szidx = PR_MEM_NO_CLASS;
        pool->count = 0;
    }
    if (--ao->nfreepools == 0) {
        usable_unlink(st, ao);
    }
    return pool;
}

/* An arena got one more free pool (essay §4): re-sort, or release it. Follows CPython 3.9's
 * insert_to_freepool, with the release rule made a policy. */
static void arena_gained_pool(PrMemState *st, PrArena *ao)
{
    uint32_t nf = ao->nfreepools;
    PrArena *lastnf = st->fullest ? st->nfp2lasta[nf] : NULL;
    if (lastnf == ao) {
        PrArena *p = ao->prevarena;
        st->nfp2lasta[nf] = (p && p->nfreepools == nf) ? p : NULL;
    }
    ao->nfreepools = ++nf;
    if (nf == ao->ntotalpools) {
        if (release_now(st)) {
            arena_release(st, ao);
            return;
        }
        st->nempty++;
    }
    if (nf == 1) {
        usable_push_front(st, ao);
        if (st->fullest && !st->nfp2lasta[1]) {
            st->nfp2lasta[1] = ao;
        }
        return;
    }
    if (!st->fullest) {
        return;
    }
    if (!st->nfp2lasta[nf]) {
        st->nfp2lasta[nf] = ao;
    }
    if (ao == lastnf) {
        return;
    }
    /* Slide right: ao goes just after the last arena that had its old count. */
    usable_unlink(st, ao);
    usable_insert_after(lastnf, ao);
}

/* ============================================================================================
 *  Pools and blocks
 * ============================================================================================ */

/* A pool taken for class idx hands out its first block. */
static void *pool_start(PrMemState *st, PrPool *pool, size_t idx)
{
    list_push_front(&st->used[idx], &pool->link);
    pool->count = 1;
    if (pool->szidx == idx) {
        /* EMPTY pool of the same class: its free list holds >= 2 blocks, ready as they are. */
        PrBlock *bp = pool->freeblock;
        pool->freeblock = bp->next;
        return bp;
    }
    size_t size = pr_mem_index_size(st, idx);
    PrBlock *bp = (PrBlock *)((char *)pool + PR_MEM_POOL_HEADER);
    pool->szidx = (uint32_t)idx;
    pool->nextoffset = (uint32_t)(PR_MEM_POOL_HEADER + 2 * size);
    pool->maxnextoffset = (uint32_t)(st->cfg.pool_size - size);
    pool->freeblock = (PrBlock *)((char *)bp + size);
    pool->freeblock->next = NULL;
    return bp;
}

static void *large_alloc(PrMemState *st, size_t n);

/* used[idx] is empty: start a pool. If no arena can be had, the request goes to the raw layer
 * as CPython's does; NULL only if that fails too. */
static void *alloc_from_new_pool(PrMemState *st, size_t idx, size_t n)
{
    if (!st->usable && !arena_new(st)) {
        return large_alloc(st, n);
    }
    return pool_start(st, arena_take_pool(st), idx);
}

/* The pool's free list ran dry after handing out a block: carve the next one, or the pool is
 * FULL and leaves used[]. */
static void pool_refill(PrMemState *st, PrPool *pool)
{
    if (pool->nextoffset <= pool->maxnextoffset) {
        PrBlock *b = (PrBlock *)((char *)pool + pool->nextoffset);
        pool->nextoffset += (uint32_t)pr_mem_index_size(st, pool->szidx);
        b->next = NULL;
        pool->freeblock = b;
        return;
    }
    list_unlink(&pool->link);
}

static inline void *pool_alloc(PrMemState *st, size_t idx, size_t n)
{
    PrPoolLink *head = &st->used[idx];
    PrPoolLink *first = head->next;
    if (PR_MEM_LIKELY(first != head)) {
        PrPool *pool = (PrPool *)first;
        PrBlock *bp = pool->freeblock;
        pool->count++;
        if (PR_MEM_UNLIKELY((pool->freeblock = bp->next) == NULL)) {
            pool_refill(st, pool);
        }
        return bp;
    }
    return alloc_from_new_pool(st, idx, n);
}

/* The last block of a pool was freed: the pool goes to its arena's free pools. */
static void pool_emptied(PrMemState *st, PrPool *pool)
{
    list_unlink(&pool->link);
    PrArena *ao = &st->arenas[pool->arenaindex];
    pool->link.next = (PrPoolLink *)ao->freepools;
    ao->freepools = pool;
    arena_gained_pool(st, ao);
}

static inline void pool_free(PrMemState *st, void *p)
{
    PrPool *pool = pool_of(st, p);
    PrBlock *last = pool->freeblock;
    ((PrBlock *)p)->next = last;
    pool->freeblock = p;
    pool->count--;
    if (PR_MEM_UNLIKELY(last == NULL)) {
        /* It was FULL: back in used[], at the front. */
        list_push_front(&st->used[pool->szidx], &pool->link);
        return;
    }
    if (PR_MEM_UNLIKELY(pool->count == 0)) {
        pool_emptied(st, pool);
    }
}

/* ============================================================================================
 *  Large blocks (the raw layer)
 * ============================================================================================ */

static void *large_alloc(PrMemState *st, size_t n)
{
    if (n > SIZE_MAX - sizeof(PrLargeHeader)) {
        return NULL;
    }
    PrLargeHeader *h = pr_raw_malloc(sizeof *h + n);
    if (!h) {
        return NULL;
    }
    h->size = n;
    st->large_blocks++;
    st->large_bytes += n;
    return h + 1;
}

static void large_free(PrMemState *st, void *p)
{
    if (p) {
        PrLargeHeader *h = (PrLargeHeader *)p - 1;
        st->large_blocks--;
        st->large_bytes -= h->size;
        pr_raw_free(h);
    }
}

static void *large_resize(PrMemState *st, void *p, size_t n)
{
    PrLargeHeader *h = (PrLargeHeader *)p - 1;
    size_t old = h->size;
    if (n > SIZE_MAX - sizeof *h) {
        return NULL;
    }
    h = pr_raw_realloc(h, sizeof *h + n);
    if (!h) {
        return NULL;
    }
    h->size = n;
    st->large_bytes = st->large_bytes - old + n;
    return h + 1;
}

/* ============================================================================================
 *  Start and stop
 * ============================================================================================ */

static unsigned log2_of(size_t n)
{
    unsigned b = 0;
    while (((size_t)1 << b) < n) {
        b++;
    }
    return b;
}

/* Lays out the arena map for the arena size (essay §5) and allocates its root. */
static int map_init(PrMemState *st)
{
    unsigned key_bits = 64 - st->arena_bits;
    unsigned inner = (key_bits + 2) / 3;
    unsigned bot_bits = key_bits - 2 * inner;
    st->top_shift = 64 - inner;
    st->mid_shift = st->arena_bits + bot_bits;
    st->top_len = (size_t)1 << inner;
    st->mid_len = (size_t)1 << inner;
    st->bot_len = (size_t)1 << bot_bits;
    st->mid_mask = st->mid_len - 1;
    st->bot_mask = st->bot_len - 1;
    st->root = pr_raw_map(st->top_len * sizeof(PrMapSlot **));
    return st->root ? 0 : -1;
}

static int pools_init(PrMemState *st)
{
    const PrMemConfig *cfg = &st->cfg;
    st->pool_mask = ~(uintptr_t)(cfg->pool_size - 1);
    st->arena_bits = log2_of(cfg->arena_size);
    st->arena_mask = cfg->arena_size - 1;
    st->fullest = cfg->arena_order == PR_MEM_ORDER_FULLEST;
    st->nfp2lasta = pr_raw_calloc(cfg->arena_size / cfg->pool_size + 1, sizeof(PrArena *));
    if (!st->nfp2lasta || map_init(st) < 0) {
        pr_raw_free(st->nfp2lasta);
        st->nfp2lasta = NULL;
        return -1;
    }
    return 0;
}

int pr_mem_init(const PrMemConfig *cfg)
{
    PrMemState *st = &pr_mem_state;
    if (st->running || pr_mem_config_check(cfg, NULL, 0) < 0) {
        return -1;
    }
    st->cfg = *cfg;
    st->shift = log2_of(cfg->align);
    st->nclasses = cfg->threshold >> st->shift;
    for (size_t c = 0; c < PR_MEM_MAX_CLASSES; c++) {
        st->used[c].next = st->used[c].prev = &st->used[c];
    }
    if (cfg->threshold && pools_init(st) < 0) {
        return -1;
    }
    st->fast_limit = cfg->debug ? 0 : cfg->threshold;
    st->fast_free = !cfg->debug && cfg->threshold;
    st->running = 1;
    return 0;
}

/* Started by the first allocation when pr_mem_init was not called. */
static int autostart(void)
{
    PrMemConfig cfg;
    pr_mem_config_default(&cfg);
    if (pr_mem_config_from_env(&cfg, NULL, 0) < 0) {
        pr_mem_config_default(&cfg);
    }
    return pr_mem_init(&cfg);
}

static size_t arenas_free_all(PrMemState *st)
{
    size_t live = 0;
    for (size_t i = 0; i < st->maxarenas; i++) {
        PrArena *ao = &st->arenas[i];
        if (!ao->address) {
            continue;
        }
        for (uintptr_t p = ao->first_pool; p < ao->pool_address; p += st->cfg.pool_size) {
            live += ((PrPool *)p)->count;
        }
        arena_os_put(st, ao->address);
    }
    return live;
}

size_t pr_mem_finalize(void)
{
    PrMemState *st = &pr_mem_state;
    if (!st->running) {
        return 0;
    }
    size_t live = arenas_free_all(st);
    if (st->root) {
        map_free(st);
    }
    pr_raw_free(st->arenas);
    pr_raw_free(st->nfp2lasta);
    pr_mem_debug_finalize();
    size_t large_blocks = st->large_blocks, large_bytes = st->large_bytes;
    memset(st, 0, sizeof *st);
    st->large_blocks = large_blocks;
    st->large_bytes = large_bytes;
    return live;
}

const PrMemConfig *pr_mem_config(void)
{
    PrMemState *st = &pr_mem_state;
    if (!st->running) {
        pr_mem_config_default(&st->cfg);
    }
    return &st->cfg;
}

/* ============================================================================================
 *  The entry points
 * ============================================================================================ */

void *pr_mem_base_alloc(size_t n)
{
    PrMemState *st = &pr_mem_state;
    if (n <= st->cfg.threshold && st->cfg.threshold) {
        return pool_alloc(st, n ? (n - 1) >> st->shift : 0, n);
    }
    return large_alloc(st, n);
}

void pr_mem_base_free(void *p)
{
    PrMemState *st = &pr_mem_state;
    if (st->root && map_owns(st, p)) {
        pool_free(st, p);
    } else {
        large_free(st, p);
    }
}

static void *alloc_slow(PrMemState *st, size_t n)
{
    if (!st->running && autostart() < 0) {
        return NULL;
    }
    if (st->cfg.debug) {
        return pr_mem_debug_alloc(n);
    }
    return pr_mem_base_alloc(n);
}

void *pr_mem_alloc(size_t n)
{
    PrMemState *st = &pr_mem_state;
    size_t m = n - 1; /* n == 0 wraps around and takes the slow path */
    if (PR_MEM_LIKELY(m < st->fast_limit)) {
        return pool_alloc(st, m >> st->shift, n);
    }
    return alloc_slow(st, n);
}

void pr_mem_free(void *p)
{
    PrMemState *st = &pr_mem_state;
    if (PR_MEM_UNLIKELY(!st->fast_free)) {
        if (st->running && st->cfg.debug) {
            pr_mem_debug_free(p);
        } else {
            pr_mem_base_free(p);
        }
        return;
    }
    if (PR_MEM_LIKELY(map_owns(st, p))) {
        pool_free(st, p);
        return;
    }
    large_free(st, p);
}

/* Same class, or shrinking by less than a quarter: stay. Else move, as CPython does. */
static void *small_realloc(PrMemState *st, void *p, size_t n)
{
    size_t size = pr_mem_index_size(st, pool_of(st, p)->szidx);
    if (n <= size) {
        if (4 * n > 3 * size) {
            return p;
        }
        size = n;
    }
    void *q = pr_mem_base_alloc(n);
    if (q) {
        memcpy(q, p, size);
        pool_free(st, p);
    }
    return q;
}

/* A large block that shrinks to the threshold moves into a pool. */
static void *large_realloc(PrMemState *st, void *p, size_t n)
{
    if (n > st->cfg.threshold || !st->cfg.threshold) {
        return large_resize(st, p, n);
    }
    size_t old = ((PrLargeHeader *)p - 1)->size;
    void *q = pr_mem_base_alloc(n);
    if (q) {
        memcpy(q, p, old < n ? old : n);
        large_free(st, p);
    }
    return q;
}

void *pr_mem_realloc(void *p, size_t n)
{
    PrMemState *st = &pr_mem_state;
    if (!p) {
        return pr_mem_alloc(n);
    }
    if (!st->running && autostart() < 0) {
        return NULL;
    }
    if (st->cfg.debug) {
        return pr_mem_debug_realloc(p, n);
    }
    if (st->root && map_owns(st, p)) {
        return small_realloc(st, p, n);
    }
    return large_realloc(st, p, n);
}

size_t pr_mem_usable_size(const void *p)
{
    PrMemState *st = &pr_mem_state;
    if (!p) {
        return 0;
    }
    if (st->running && st->cfg.debug) {
        return pr_mem_debug_usable_size(p);
    }
    if (st->root && map_owns(st, p)) {
        return pr_mem_index_size(st, pool_of(st, p)->szidx);
    }
    return ((const PrLargeHeader *)p - 1)->size;
}

size_t pr_mem_size_class_of(size_t n)
{
    const PrMemConfig *cfg = pr_mem_config();
    size_t extra = cfg->debug ? PR_MEM_DEBUG_OVERHEAD : 0;
    if (!cfg->threshold || n > SIZE_MAX - extra || n + extra > cfg->threshold) {
        return PR_MEM_LARGE;
    }
    n += extra;
    return n ? (n - 1) / cfg->align : 0;
}

size_t pr_mem_class_size(size_t c)
{
    const PrMemConfig *cfg = pr_mem_config();
    return c < cfg->threshold / cfg->align ? (c + 1) * cfg->align : 0;
}
