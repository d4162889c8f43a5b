/* memory/obmalloc.h — the object allocator (layer 3 of DESIGN.md): blocks of fixed size classes,
 * carved from pools, carved from arenas, with CPython's pymalloc design and its history as
 * presets. Everything a pyrena value lives in comes from pr_mem_alloc. Big requests and the
 * `malloc` preset go to the raw layer (memory/raw.h). The design essay is at the top of
 * memory/obmalloc.c. These functions never set a Python exception: callers raise MemoryError. */
#ifndef PR_MEMORY_OBMALLOC_H
#define PR_MEMORY_OBMALLOC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ------------------------------------------------------------------------------------------ */
/* Configuration, chosen once at start-up                                                     */
/* ------------------------------------------------------------------------------------------ */

/* How the program starts the allocator (cli/main.c), before anything allocates:
 *
 *      PrMemConfig cfg;
 *      char err[256];
 *      pr_mem_config_default(&cfg);
 *      if (pr_mem_config_from_env(&cfg, err, sizeof err) < 0)          -> print err, exit 2
 *      for each `-X key=value` with pr_mem_config_is_key(key), in order:
 *          if (pr_mem_config_set(&cfg, key, value, err, sizeof err) < 0) -> print err, exit 2
 *      if (pr_mem_config_check(&cfg, err, sizeof err) < 0)             -> print err, exit 2
 *      if (pr_mem_init(&cfg) < 0)                                      -> out of memory
 *
 * `-X malloc=NAME` is the knob that picks a preset, so `-X malloc=py24 -X arena_size=1M` works
 * as it reads; $PYRENAMALLOC comes first and any -X overrides it. */

/* The environment variable that names a preset, as PYTHONMALLOC does for CPython. */
#define PR_MEM_ENV "PYRENAMALLOC"

/* Largest threshold a configuration may ask for, and so the most size classes there can be. */
#define PR_MEM_MAX_THRESHOLD 1024
#define PR_MEM_MAX_CLASSES (PR_MEM_MAX_THRESHOLD / 8)

/* Bytes at the start of every pool taken by its header (CPython's POOL_OVERHEAD on 64-bit). */
#define PR_MEM_POOL_HEADER 48

/* What happens to an arena when its last pool becomes free. */
typedef enum PrMemRelease {
    PR_MEM_RELEASE_ALWAYS, /* "always": returned to the OS at once (2.5 .. 3.8) */
    PR_MEM_RELEASE_NEVER,  /* "never": kept for reuse forever (<= 2.4) */
    PR_MEM_RELEASE_KEEP1,  /* "keep1": one wholly empty arena is kept spare, others go (3.9+) */
} PrMemRelease;

/* Which arena a new pool comes from. */
typedef enum PrMemOrder {
    PR_MEM_ORDER_FULLEST, /* "fullest": usable arenas sorted, the most used first (2.5+) */
    PR_MEM_ORDER_NONE,    /* "none" (alias "address"): the arena that last gained a free pool (2.4) */
} PrMemOrder;

/* Where arenas come from. */
typedef enum PrMemSource {
    PR_MEM_SOURCE_MMAP,   /* "mmap": anonymous mappings, unmapped when released (3.3+) */
    PR_MEM_SOURCE_MALLOC, /* "malloc": the C library's heap, which may keep what is freed */
} PrMemSource;

/* One allocator configuration. threshold == 0 means "no pools": every request goes to the raw
 * layer (the `malloc` preset); the arena and pool fields are then unused. */
typedef struct PrMemConfig {
    const char *preset;        /* name of the preset it started from (a static string) */
    size_t arena_size;         /* bytes per arena: a power of two, >= 4 pools */
    size_t pool_size;          /* bytes per pool: a power of two */
    size_t align;              /* size-class step and block alignment: 8 or 16 */
    size_t threshold;          /* largest request served from pools; 0 = none */
    PrMemRelease arena_release;
    PrMemOrder arena_order;
    PrMemSource arena_source;
    int debug;                 /* guard bytes, poison on free, checks on every free */
} PrMemConfig;

/* Fills *cfg with the default preset (py33). */
void pr_mem_config_default(PrMemConfig *cfg);

/* Replaces *cfg by the preset `name`: py24, py25, py33, py310, malloc, debug (and CPython's
 * PYTHONMALLOC names pymalloc, pymalloc_debug, malloc_debug). Returns: 0, or -1 with a message
 * in err (leaving *cfg untouched) for an unknown name. */
int pr_mem_config_preset(PrMemConfig *cfg, const char *name, char *err, size_t errlen);

/* Sets one knob from its `-X key=value` text: malloc (a preset), arena_size, pool_size, align,
 * threshold, arena_release, arena_order, arena_source, debug. Sizes take K/M/G suffixes.
 * Checks the value alone; pr_mem_config_check checks how the knobs fit together.
 * Returns: 0, or -1 with a message in err (leaving *cfg untouched). */
int pr_mem_config_set(PrMemConfig *cfg, const char *key, const char *value, char *err,
                      size_t errlen);

/* Returns: 1 if `key` is one of the knobs pr_mem_config_set knows, else 0. */
int pr_mem_config_is_key(const char *key);

/* Applies the preset named by $PYRENAMALLOC, if set and not empty. Returns: 0, or -1 with a
 * message in err for an unknown name. Call it before the -X options, which then override it. */
int pr_mem_config_from_env(PrMemConfig *cfg, char *err, size_t errlen);

/* Checks that the knobs fit together (arena a power-of-two multiple of the pool, threshold a
 * multiple of the alignment, two blocks of the largest class fit in a pool, ...).
 * Returns: 0, or -1 with a message in err naming the knob to change. */
int pr_mem_config_check(const PrMemConfig *cfg, char *err, size_t errlen);

/* Writes the knobs of *cfg as `-X` options ("arena_size=256K pool_size=4K ...") into buf. */
void pr_mem_config_format(const PrMemConfig *cfg, char *buf, size_t buflen);

/* Starts the allocator with *cfg (copied). Call once, before any allocation; if something
 * allocates first, the allocator starts itself with the default preset overridden by
 * $PYRENAMALLOC. Returns: 0, or -1 if cfg fails pr_mem_config_check, if the allocator is
 * already running, or if its tables cannot be allocated. */
int pr_mem_init(const PrMemConfig *cfg);

/* Stops the allocator: returns every arena to the OS (empty or not) and frees its tables, so
 * pr_mem_init may run again with another configuration. Blocks still live in arenas die with
 * them; large blocks stay valid and may still be freed later. Returns: how many small blocks
 * were still live (0 for a program that freed everything). */
size_t pr_mem_finalize(void);

/* Returns: the active configuration (the default before pr_mem_init). Borrowed. */
const PrMemConfig *pr_mem_config(void);

/* ------------------------------------------------------------------------------------------ */
/* Allocation                                                                                 */
/* ------------------------------------------------------------------------------------------ */

/* Allocates n bytes aligned to the configured step (n == 0 gives a unique pointer). Requests
 * above the threshold go to the raw layer. Returns: the block, or NULL when memory is
 * exhausted. */
void *pr_mem_alloc(size_t n);

/* Resizes p (NULL: allocates) to n bytes, keeping min(old, n) bytes of content; a block may
 * move between the pools and the raw layer. Returns: the new block, or NULL with p untouched. */
void *pr_mem_realloc(void *p, size_t n);

/* Frees a block from pr_mem_alloc/pr_mem_realloc, small or large. NULL is ignored. Under the
 * debug preset a foreign pointer, a double free or a damaged guard is a fatal error. */
void pr_mem_free(void *p);

/* Returns: the size class a request of n bytes is served from (counting the debug preset's
 * guard bytes), or PR_MEM_LARGE if it goes to the raw layer. */
#define PR_MEM_LARGE ((size_t)-1)
size_t pr_mem_size_class_of(size_t n);

/* Returns: the block size of size class c (0 if there is no such class). */
size_t pr_mem_class_size(size_t c);

/* Returns: how many bytes the caller may use at p: the block size for a small block, the
 * requested size for a large one or under the debug preset. */
size_t pr_mem_usable_size(const void *p);

/* ------------------------------------------------------------------------------------------ */
/* Where a pointer lives                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* The part of an arena a pointer falls in. */
typedef enum PrMemPlace {
    PR_MEM_PLACE_BLOCK,     /* inside a block of a pool in use */
    PR_MEM_PLACE_HEADER,    /* in a pool header or the unusable tail of a pool in use */
    PR_MEM_PLACE_FREE_POOL, /* in a pool that is free or not carved yet */
    PR_MEM_PLACE_SLACK,     /* in the bytes lost to aligning the arena's pools */
} PrMemPlace;

typedef struct PrMemLocation {
    PrMemPlace place;
    size_t arena_index;       /* slot in the arena table */
    uintptr_t arena_address;  /* what the OS returned for the arena */
    uintptr_t pool_address;   /* pool-aligned start of the pool holding p (0 for SLACK) */
    size_t pool_index;        /* pool number inside the arena, from its first whole pool */
    size_t size_class;        /* for BLOCK and HEADER: the pool's size class */
    size_t block_size;        /* its block size */
    size_t block_index;       /* for BLOCK: which block of the pool */
    uintptr_t block_address;  /* for BLOCK: where that block starts */
    size_t offset;            /* for BLOCK: p - block_address */
    int allocated;            /* for BLOCK: 1 if the block is handed out, 0 if free */
} PrMemLocation;

/* Says exactly, without touching memory the allocator does not own, whether p lies in an arena
 * and where. Returns: 1 and fills *out if p is inside an arena; 0 otherwise (a large block,
 * or memory that is not the allocator's). */
int pr_mem_locate(const void *p, PrMemLocation *out);

/* ------------------------------------------------------------------------------------------ */
/* Statistics                                                                                 */
/* ------------------------------------------------------------------------------------------ */

typedef struct PrMemClassStats {
    size_t size;          /* block size */
    size_t num_pools;     /* pools in use serving this class */
    size_t blocks_in_use; /* blocks handed out */
    size_t avail_blocks;  /* free blocks in those pools, carved or not */
} PrMemClassStats;

typedef struct PrMemStats {
    /* geometry of the active configuration */
    int pools;            /* 0 under the malloc preset: everything below about arenas is 0 */
    int debug;
    size_t threshold, nclasses, align, arena_size, pool_size, pool_header;
    /* arenas */
    size_t arenas_allocated_total; /* ever obtained from the OS */
    size_t arenas_reclaimed;       /* given back */
    size_t arenas_highwater;       /* most held at once */
    size_t arenas_current;         /* held now */
    /* pools and blocks, per size class (nclasses entries) */
    PrMemClassStats classes[PR_MEM_MAX_CLASSES];
    size_t blocks_in_use;          /* sum over the classes */
    /* byte accounting: the seven terms below sum exactly to arena_bytes */
    size_t arena_bytes;            /* arenas_current * arena_size */
    size_t allocated_bytes;        /* in blocks handed out */
    size_t available_bytes;        /* in free blocks of pools in use */
    size_t unused_pools;           /* free or uncarved pools */
    size_t unused_pool_bytes;      /* unused_pools * pool_size */
    size_t pool_header_bytes;      /* pool headers of pools in use */
    size_t quantization_bytes;     /* pool tails too small for one more block */
    size_t arena_alignment_bytes;  /* one pool per arena not aligned to the pool size */
    /* the arena map (radix tree) */
    size_t map_mid_nodes, map_bot_nodes;
    size_t map_root_bytes, map_mid_bytes, map_bot_bytes;
    /* the raw layer */
    size_t large_blocks;           /* live blocks above the threshold (or all, under malloc) */
    size_t large_bytes;            /* bytes requested for them (under the debug preset,
                                      with its 40 bytes of header and guards each) */
    size_t os_mapped_bytes;        /* all of pyrena's live mappings (pr_raw_stats) */
    size_t os_malloc_bytes;        /* all of pyrena's live malloc blocks (pr_raw_stats) */
    size_t serialno;               /* debug preset: allocations made so far */
} PrMemStats;

/* Fills *out by walking every arena and pool (cost: one visit per carved pool). */
void pr_mem_stats(PrMemStats *out);

/* Prints the statistics in the layout of CPython's sys._debugmallocstats(): the class table,
 * the arena counters, the byte accounting and the arena map. Under the malloc preset it
 * prints only the raw-layer lines that apply. */
void pr_mem_print_stats(FILE *out);

/* Checks every invariant of the allocator's lists and counters (usable arenas sorted, free
 * pool counts, used pools not full, ...), a slow walk meant for tests and the debug preset.
 * Returns: 0, or -1 with a description of the first broken invariant in err. */
int pr_mem_check(char *err, size_t errlen);

#endif
