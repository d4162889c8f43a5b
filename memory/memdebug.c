/* memory/memdebug.c — the debug preset: a layer over the allocator that wraps every request in
 * a header and guard bytes, fills new blocks with 0xCD and freed ones with 0xDD, and checks
 * each block on every free and realloc. A damaged guard, a double free or a pointer the
 * allocator never handed out is a fatal error: a message naming the block, then abort().
 *
 * A debug block, for a request of n bytes (the same bytes as CPython's debug hooks, bigger):
 *
 *      | state (8) | n (8) | serial (8) | 0xFD x 8 | n bytes for the caller | 0xFD x 8 |
 *      ^ block from the allocator                   ^ pointer the caller gets
 *
 * `state` is PR_DEBUG_ALIVE while the block is handed out. Freeing overwrites it (with the
 * pool's free-list link, or 0xDD), and the link is a canonical address, never the non-canonical
 * ALIVE pattern, so a second free is seen for what it is; n and the serial number survive the
 * free, so the message can still name the block's size. Whether a pointer is a block at all is
 * decided without reading memory that may not be ours: the arena map for small blocks, and a
 * set of the live large blocks (kept only under this preset) for the rest. */
#include "memory/obmalloc.h"

#include "memory/obmalloc_impl.h"
#include "memory/raw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PR_DEBUG_ALIVE ((uint64_t)0xA1A1A1A1A1A1A1A1u)
#define PR_DEBUG_DEAD ((uint64_t)0xDDDDDDDDDDDDDDDDu)
#define FORBIDDEN_BYTE 0xFD /* guards */
#define CLEAN_BYTE 0xCD     /* new blocks */
#define DEAD_BYTE 0xDD      /* freed blocks */

#define OFF_STATE 0
#define OFF_SIZE 8
#define OFF_SERIAL 16
#define OFF_GUARD 24

_Static_assert(OFF_GUARD + 8 == PR_MEM_DEBUG_FRONT, "the front guard ends where data starts");
_Static_assert(PR_MEM_DEBUG_FRONT % 16 == 0, "the front keeps the caller's block aligned");

/* ============================================================================================
 *  The set of live large blocks
 * ============================================================================================ */

#define REG_EMPTY 0u
#define REG_DELETED 1u

static size_t reg_hash(uintptr_t k, size_t cap)
{
    uint64_t h = (uint64_t)k;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    return (size_t)h & (cap - 1);
}

static void reg_put(uintptr_t *keys, size_t cap, uintptr_t k)
{
    size_t i = reg_hash(k, cap);
    while (keys[i] != REG_EMPTY) {
        i = (i + 1) & (cap - 1);
    }
    keys[i] = k;
}

/* Rebuilds the table, twice as big if it is more than a quarter full of live keys. */
static int reg_rebuild(PrMemRegistry *r)
{
    size_t cap = r->cap == 0 ? 64 : r->live * 4 >= r->cap ? r->cap * 2 : r->cap;
    uintptr_t *keys = pr_raw_calloc(cap, sizeof *keys);
    if (!keys) {
        return -1;
    }
    for (size_t i = 0; i < r->cap; i++) {
        if (r->keys[i] > REG_DELETED) {
            reg_put(keys, cap, r->keys[i]);
        }
    }
    pr_raw_free(r->keys);
    r->keys = keys;
    r->cap = cap;
    r->used = r->live;
    return 0;
}

static int reg_add(PrMemRegistry *r, uintptr_t k)
{
    if ((r->used + 1) * 2 > r->cap && reg_rebuild(r) < 0) {
        return -1;
    }
    reg_put(r->keys, r->cap, k);
    r->used++;
    r->live++;
    return 0;
}

static uintptr_t *reg_find(const PrMemRegistry *r, uintptr_t k)
{
    if (!r->cap) {
        return NULL;
    }
    for (size_t i = reg_hash(k, r->cap); r->keys[i] != REG_EMPTY; i = (i + 1) & (r->cap - 1)) {
        if (r->keys[i] == k) {
            return &r->keys[i];
        }
    }
    return NULL;
}

void pr_mem_debug_finalize(void)
{
    PrMemRegistry *r = &pr_mem_state.registry;
    pr_raw_free(r->keys);
    memset(r, 0, sizeof *r);
}

/* ============================================================================================
 *  Fatal errors
 * ============================================================================================ */

/* What the checks know about a block, for the messages. */
typedef struct DebugBlock {
    unsigned char *base; /* the allocator's block */
    const void *user;    /* the caller's pointer */
    size_t size;         /* bytes requested (from the header) */
    size_t serial;
    size_t size_class;   /* PR_MEM_LARGE for a large block */
    size_t block_size;
} DebugBlock;

static uint64_t word_at(const unsigned char *b, size_t off)
{
    uint64_t w;
    memcpy(&w, b + off, sizeof w);
    return w;
}

static void word_put(unsigned char *b, size_t off, uint64_t w)
{
    memcpy(b + off, &w, sizeof w);
}

static _Noreturn void die(void)
{
    fflush(stderr);
    abort();
}

static void describe(const DebugBlock *d)
{
    fprintf(stderr, "  requested size %zu bytes, ", d->size);
    if (d->size_class == PR_MEM_LARGE) {
        fprintf(stderr, "large block (raw layer, no size class)");
    } else {
        fprintf(stderr, "size class %zu (%zu-byte blocks)", d->size_class, d->block_size);
    }
    fprintf(stderr, ", allocation #%zu\n", d->serial);
}

static _Noreturn void fatal_block(const char *op, const char *what, const DebugBlock *d,
                                  const char *detail)
{
    fprintf(stderr, "pyrena: fatal error in the debug allocator: %s: %s of block %p\n", op, what,
            d->user);
    describe(d);
    if (detail) {
        fprintf(stderr, "  %s\n", detail);
    }
    die();
}

static _Noreturn void fatal_foreign(const char *op, const void *p, const char *why)
{
    fprintf(stderr,
            "pyrena: fatal error in the debug allocator: %s: foreign pointer %p: %s\n", op, p,
            why);
    die();
}

/* ============================================================================================
 *  Checks
 * ============================================================================================ */

/* Finds out what p is without touching memory that is not ours; dies if it is not a block. */
static void identify(const void *p, const char *op, DebugBlock *d)
{
    size_t arena;
    PrMemLocation loc;
    if ((uintptr_t)p < PR_MEM_DEBUG_FRONT) {
        fatal_foreign(op, p, "not an address pr_mem_alloc returns");
    }
    d->user = p;
    d->base = (unsigned char *)p - PR_MEM_DEBUG_FRONT;
    if (pr_mem_arena_of(d->base, &arena)) {
        (void)pr_mem_block_of(d->base, arena, &loc);
        if (loc.place == PR_MEM_PLACE_FREE_POOL) {
            fatal_foreign(op, p, "it lies in a pool with no block in use (freed twice?)");
        }
        if (loc.place != PR_MEM_PLACE_BLOCK || loc.offset != 0) {
            fatal_foreign(op, p, "it lies in an arena but not where a block's data starts");
        }
        d->size_class = loc.size_class;
        d->block_size = loc.block_size;
        d->size = word_at(d->base, OFF_SIZE);
        d->serial = word_at(d->base, OFF_SERIAL);
        if (!loc.allocated) {
            fatal_block(op, "double free", d, "the block is already on its pool's free list");
        }
        return;
    }
    if (!reg_find(&pr_mem_state.registry, (uintptr_t)d->base)) {
        fatal_foreign(op, p,
                      "neither in an arena nor a live large block (or a large block freed twice)");
    }
    d->size_class = PR_MEM_LARGE;
    d->size = word_at(d->base, OFF_SIZE);
    d->serial = word_at(d->base, OFF_SERIAL);
    d->block_size = 0;
}

/* Returns: the offset of the first byte of n at b that is not FORBIDDEN_BYTE, or n. */
static size_t first_damaged(const unsigned char *b, size_t n)
{
    size_t i = 0;
    while (i < n && b[i] == FORBIDDEN_BYTE) {
        i++;
    }
    return i;
}

static void check_guards(const char *op, const DebugBlock *d)
{
    char detail[160];
    size_t i = first_damaged(d->base + OFF_GUARD, 8);
    if (i < 8) {
        snprintf(detail, sizeof detail, "byte %d before the block is 0x%02x, not 0x%02x",
                 (int)(8 - i), d->base[OFF_GUARD + i], FORBIDDEN_BYTE);
        fatal_block(op, "buffer underrun", d, detail);
    }
    const unsigned char *tail = d->base + PR_MEM_DEBUG_FRONT + d->size;
    i = first_damaged(tail, PR_MEM_DEBUG_BACK);
    if (i < PR_MEM_DEBUG_BACK) {
        snprintf(detail, sizeof detail,
                 "byte %zu (%zu past the end) is 0x%02x, not 0x%02x", d->size + i, i, tail[i],
                 FORBIDDEN_BYTE);
        fatal_block(op, "buffer overflow", d, detail);
    }
}

/* Every check the preset makes on a block handed back: dies, or fills *d. */
static void debug_check(const void *p, const char *op, DebugBlock *d)
{
    identify(p, op, d);
    if (word_at(d->base, OFF_STATE) != PR_DEBUG_ALIVE) {
        fatal_block(op, "double free", d, "the block's state word says it was freed");
    }
    if (d->size_class != PR_MEM_LARGE && d->size + PR_MEM_DEBUG_OVERHEAD > d->block_size) {
        fatal_block(op, "damaged header", d, "the requested size does not fit the block");
    }
    if (d->size_class == PR_MEM_LARGE &&
        ((const PrLargeHeader *)d->base - 1)->size != d->size + PR_MEM_DEBUG_OVERHEAD) {
        fatal_block(op, "damaged header", d, "the requested size disagrees with the raw block");
    }
    check_guards(op, d);
}

/* ============================================================================================
 *  The entry points
 * ============================================================================================ */

void *pr_mem_debug_alloc(size_t n)
{
    PrMemState *st = &pr_mem_state;
    size_t arena;
    if (n > SIZE_MAX - PR_MEM_DEBUG_OVERHEAD) {
        return NULL;
    }
    unsigned char *b = pr_mem_base_alloc(n + PR_MEM_DEBUG_OVERHEAD);
    if (!b) {
        return NULL;
    }
    if (!pr_mem_arena_of(b, &arena) && reg_add(&st->registry, (uintptr_t)b) < 0) {
        pr_mem_base_free(b);
        return NULL;
    }
    word_put(b, OFF_STATE, PR_DEBUG_ALIVE);
    word_put(b, OFF_SIZE, n);
    word_put(b, OFF_SERIAL, ++st->serialno);
    memset(b + OFF_GUARD, FORBIDDEN_BYTE, 8);
    memset(b + PR_MEM_DEBUG_FRONT, CLEAN_BYTE, n);
    memset(b + PR_MEM_DEBUG_FRONT + n, FORBIDDEN_BYTE, PR_MEM_DEBUG_BACK);
    return b + PR_MEM_DEBUG_FRONT;
}

void pr_mem_debug_free(void *p)
{
    DebugBlock d;
    if (!p) {
        return;
    }
    debug_check(p, "pr_mem_free", &d);
    memset(d.base + PR_MEM_DEBUG_FRONT, DEAD_BYTE, d.size);
    word_put(d.base, OFF_STATE, PR_DEBUG_DEAD);
    if (d.size_class == PR_MEM_LARGE) {
        uintptr_t *slot = reg_find(&pr_mem_state.registry, (uintptr_t)d.base);
        *slot = REG_DELETED;
        pr_mem_state.registry.live--;
    }
    pr_mem_base_free(d.base);
}

void *pr_mem_debug_realloc(void *p, size_t n)
{
    DebugBlock d;
    debug_check(p, "pr_mem_realloc", &d);
    void *q = pr_mem_debug_alloc(n);
    if (q) {
        memcpy(q, p, d.size < n ? d.size : n);
        pr_mem_debug_free(p);
    }
    return q;
}

size_t pr_mem_debug_usable_size(const void *p)
{
    DebugBlock d;
    debug_check(p, "pr_mem_usable_size", &d);
    return d.size;
}
