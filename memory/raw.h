/* memory/raw.h — the raw layer: the one place that calls malloc/free/mmap/munmap.
 * Everything it hands out is counted, so the statistics can say exactly how many bytes pyrena
 * holds from the C library and from the kernel. Layer 2 of DESIGN.md; the object allocator
 * (memory/obmalloc.h) sits on top of it. These functions never set a Python exception: they
 * return NULL and let the caller decide (MemoryError, or a fatal error at start-up). */
#ifndef PR_MEMORY_RAW_H
#define PR_MEMORY_RAW_H

#include <stddef.h>

/* What the raw layer holds right now and at most, in bytes and in blocks. */
typedef struct PrRawStats {
    size_t malloc_bytes;      /* usable bytes of live malloc blocks (malloc_usable_size) */
    size_t malloc_blocks;     /* live malloc blocks */
    size_t malloc_peak;       /* high-water mark of malloc_bytes */
    size_t mapped_bytes;      /* bytes of live anonymous mappings */
    size_t mapped_regions;    /* live mappings */
    size_t mapped_peak;       /* high-water mark of mapped_bytes */
    size_t malloc_calls;      /* malloc/realloc calls that succeeded, since start */
    size_t map_calls;         /* mmap calls that succeeded, since start */
} PrRawStats;

/* Allocates n bytes (n == 0 is served as 1). Returns: the block, or NULL when the C library
 * refuses or when an injected failure is due (see pr_raw_fail_after). */
void *pr_raw_malloc(size_t n);

/* Allocates n zeroed bytes. Returns: the block or NULL; on overflow of n * size, NULL. */
void *pr_raw_calloc(size_t n, size_t size);

/* Resizes p (NULL allowed) to n bytes. Returns: the new block, or NULL with p untouched. */
void *pr_raw_realloc(void *p, size_t n);

/* Frees a block from pr_raw_malloc/calloc/realloc. NULL is ignored. */
void pr_raw_free(void *p);

/* Maps n bytes of anonymous, private, zero-filled memory. Returns: the address or NULL. */
void *pr_raw_map(size_t n);

/* Unmaps a region from pr_raw_map; n must be the size it was mapped with. */
void pr_raw_unmap(void *p, size_t n);

/* Fills *out with the current counters. */
void pr_raw_stats(PrRawStats *out);

/* Test hook: after `n` more successful requests (malloc, calloc, realloc or map), every request
 * fails until called again; a negative n disables injection. Lets tests drive MemoryError paths. */
void pr_raw_fail_after(long n);

/* Resident set size of this process in bytes, read from /proc/self/statm (0 if unreadable). */
size_t pr_raw_rss(void);

#endif
