/* memory/obmalloc_impl.h — the allocator's own state, shared by the files of memory/ that make
 * up the object allocator (obmalloc.c, memconfig.c, memdebug.c, memstats.c) and by no one else.
 * The design these structures implement is the essay at the top of memory/obmalloc.c. */
#ifndef PR_MEMORY_OBMALLOC_IMPL_H
#define PR_MEMORY_OBMALLOC_IMPL_H

#include "memory/obmalloc.h"

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define PR_MEM_LIKELY(x) __builtin_expect(!!(x), 1)
#define PR_MEM_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define PR_MEM_LIKELY(x) (x)
#define PR_MEM_UNLIKELY(x) (x)
#endif

/* Bounds of the geometry knobs (essay §7 in obmalloc.c; checked by memconfig.c). */
#define PR_MEM_KIB ((size_t)1 << 10)
#define PR_MEM_MIB ((size_t)1 << 20)
#define PR_MEM_MIN_POOL PR_MEM_KIB
#define PR_MEM_MAX_POOL PR_MEM_MIB
#define PR_MEM_MIN_ARENA (64 * PR_MEM_KIB)
#define PR_MEM_MAX_ARENA (64 * PR_MEM_MIB)
#define PR_MEM_MIN_POOLS_PER_ARENA 4

_Static_assert(PR_MEM_MAX_ARENA / PR_MEM_MIN_POOL <= 65536, "an arena holds at most 2^16 pools");

/* A free block: its first word links it to the next free block of its pool. */
typedef struct PrBlock {
    struct PrBlock *next;
} PrBlock;

/* The links of a doubly linked circular list of pools. Each size class has a bare PrPoolLink as
 * the head of its list of partly used pools; a pool's links come first in its header, so a link
 * that is not a head converts to its pool. */
typedef struct PrPoolLink {
    struct PrPoolLink *next;
    struct PrPoolLink *prev;
} PrPoolLink;

/* The header at the start of every carved pool. */
typedef struct PrPool {
    PrPoolLink link;        /* in used[szidx] while partly used; link.next chains free pools */
    PrBlock *freeblock;     /* first free block; never NULL while the pool is partly used */
    uint32_t count;         /* blocks handed out */
    uint32_t szidx;         /* size class, or PR_MEM_NO_CLASS for a pool never used */
    uint32_t nextoffset;    /* offset of the first never-carved block */
    uint32_t maxnextoffset; /* largest offset a whole block can start at */
    uint32_t arenaindex;    /* the arena it was carved from */
    uint32_t spare;
} PrPool;

#define PR_MEM_NO_CLASS 0xffffu

_Static_assert(sizeof(PrPool) <= PR_MEM_POOL_HEADER, "a pool header must fit its overhead");
_Static_assert(PR_MEM_POOL_HEADER % 16 == 0, "the pool header keeps blocks 16-byte aligned");
_Static_assert(offsetof(PrPool, link) == 0, "a pool's list links must come first");

/* One arena: a run of arena_size bytes from the OS, cut into pool-aligned pools. */
typedef struct PrArena {
    uintptr_t address;       /* what the OS returned; 0 when this slot holds no arena */
    uintptr_t first_pool;    /* address rounded up to the pool size */
    uintptr_t pool_address;  /* next pool to carve; the pools below it have headers */
    uint32_t nfreepools;     /* free pools, carved or not */
    uint32_t ntotalpools;    /* whole pools in the arena */
    PrPool *freepools;       /* carved pools that emptied, chained through link.next */
    struct PrArena *nextarena; /* usable list (or the list of unused slots) */
    struct PrArena *prevarena;
} PrArena;

/* One slot of a bottom node of the arena map: the address range [k * A, (k + 1) * A), A the
 * arena size, holds the tail of at most one arena, [0, tail_lo), and the head of at most one,
 * [tail_hi, A). tail_hi == -1 marks an arena that starts exactly at k * A. */
typedef struct PrMapSlot {
    int32_t tail_hi;
    int32_t tail_lo;
    uint32_t hi_arena; /* arena index of the head part */
    uint32_t lo_arena; /* arena index of the tail part */
} PrMapSlot;

/* Requests above the threshold carry this header in front of their bytes. */
typedef struct PrLargeHeader {
    size_t size; /* bytes requested */
    size_t spare;
} PrLargeHeader;

_Static_assert(sizeof(PrLargeHeader) == 16, "large blocks keep malloc's 16-byte alignment");

/* The set of live large blocks under the debug preset, so a foreign pointer can be told from a
 * block without reading memory that may not be ours. Open addressing; 0 empty, 1 deleted. */
typedef struct PrMemRegistry {
    uintptr_t *keys;
    size_t cap;   /* a power of two, or 0 */
    size_t used;  /* live keys plus deleted markers */
    size_t live;
} PrMemRegistry;

/* The whole allocator. The first fields are the ones the fast paths read. */
typedef struct PrMemState {
    size_t fast_limit;        /* (n - 1) < fast_limit takes the pool fast path; 0 turns it off */
    unsigned shift;           /* log2(align): size class of n is (n - 1) >> shift */
    int fast_free;            /* pr_mem_free may take the fast path (running, pools, no debug) */
    uintptr_t pool_mask;      /* ~(pool_size - 1): a block's pool is p & pool_mask */
    unsigned top_shift;       /* the arena map: root index = p >> top_shift */
    unsigned mid_shift;       /* mid index = (p >> mid_shift) & mid_mask */
    unsigned arena_bits;      /* bottom index = (p >> arena_bits) & bot_mask */
    uintptr_t mid_mask, bot_mask, arena_mask;
    PrMapSlot ***root;        /* root[i1][i2][i3]: 1 << top_bits mid nodes of 1 << mid_bits
                                 bottom nodes of 1 << bot_bits slots */
    PrPoolLink used[PR_MEM_MAX_CLASSES]; /* partly used pools of each class, most recent first */

    /* Geometry and policies, from the configuration. */
    PrMemConfig cfg;
    int running;
    int fullest;              /* arena_order == fullest */
    size_t nclasses;
    size_t top_len, mid_len, bot_len; /* entries per node of the arena map */
    size_t map_mid_nodes, map_bot_nodes;

    /* Arenas. */
    PrArena *arenas;          /* the arena table; indexes are stable, the table may move */
    size_t maxarenas;
    PrArena *unused_arenas;   /* table slots with no arena, chained through nextarena */
    PrArena *usable;          /* arenas with a free pool, fullest first under `fullest` */
    PrArena **nfp2lasta;      /* nfp2lasta[k]: last usable arena with k free pools, or NULL */
    size_t ntimes_arena_allocated, narenas_current, narenas_highwater;
    size_t nempty;            /* arenas whose pools are all free */

    /* Large blocks: outlive pr_mem_finalize, since they belong to the raw layer. */
    size_t large_blocks, large_bytes;

    /* The debug preset. */
    size_t serialno;
    PrMemRegistry registry;
} PrMemState;

/* The allocator's state: the one piece of mutable global state memory/ owns. */
extern PrMemState pr_mem_state;

/* Block size of class c in the active configuration. */
static inline size_t pr_mem_index_size(const PrMemState *st, size_t c)
{
    return (c + 1) << st->shift;
}

/* Bytes the debug preset adds to every request: a 32-byte front (state word, requested size,
 * serial number, 8 guard bytes) and 8 guard bytes behind. */
#define PR_MEM_DEBUG_FRONT 32
#define PR_MEM_DEBUG_BACK 8
#define PR_MEM_DEBUG_OVERHEAD (PR_MEM_DEBUG_FRONT + PR_MEM_DEBUG_BACK)

/* obmalloc.c: the allocator without the debug layer, for memdebug.c. */
void *pr_mem_base_alloc(size_t n);
void pr_mem_base_free(void *p);

/* obmalloc.c: exact arena lookup. Returns: 1 and the arena index in *arena if p lies in an
 * arena, else 0. Reads only the arena map. */
int pr_mem_arena_of(const void *p, size_t *arena);

/* memdebug.c: the debug layer over the base allocator. */
void *pr_mem_debug_alloc(size_t n);
void *pr_mem_debug_realloc(void *p, size_t n);
void pr_mem_debug_free(void *p);
size_t pr_mem_debug_usable_size(const void *p);
void pr_mem_debug_finalize(void);

/* memstats.c: the class of the block at p and whether it is handed out, for a p known to be in
 * arena `arena`. Returns: 1 if p is inside a block of a pool in use, else 0. */
int pr_mem_block_of(const void *p, size_t arena, PrMemLocation *out);

#endif
