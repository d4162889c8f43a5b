/* memory/raw.c — the raw layer (layer 2): counted calls to the C library and the kernel.
 * No other file in pyrena calls malloc, free, mmap or munmap. Counting uses
 * malloc_usable_size, so the totals are what glibc really set aside, not what was asked for. */
#include "memory/raw.h"

#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static PrRawStats stats;
static long fail_countdown = -1; /* < 0: no injected failures */

/* Counts down the injected-failure budget; true when this request must fail. */
static int injected_failure(void)
{
    if (fail_countdown < 0) {
        return 0;
    }
    if (fail_countdown == 0) {
        return 1;
    }
    fail_countdown--;
    return 0;
}

static void count_malloc(void *p)
{
    stats.malloc_bytes += malloc_usable_size(p);
    stats.malloc_blocks++;
    stats.malloc_calls++;
    if (stats.malloc_bytes > stats.malloc_peak) {
        stats.malloc_peak = stats.malloc_bytes;
    }
}

static void uncount_malloc(void *p)
{
    stats.malloc_bytes -= malloc_usable_size(p);
    stats.malloc_blocks--;
}

void *pr_raw_malloc(size_t n)
{
    if (injected_failure()) {
        return NULL;
    }
    void *p = malloc(n ? n : 1);
    if (p) {
        count_malloc(p);
    }
    return p;
}

void *pr_raw_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) {
        return NULL;
    }
    if (injected_failure()) {
        return NULL;
    }
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p) {
        count_malloc(p);
    }
    return p;
}

/* realloc may move the block, so the old size is uncounted only once the call has succeeded. */
void *pr_raw_realloc(void *p, size_t n)
{
    if (!p) {
        return pr_raw_malloc(n);
    }
    if (injected_failure()) {
        return NULL;
    }
    size_t old = malloc_usable_size(p);
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        return NULL;
    }
    stats.malloc_bytes -= old;
    stats.malloc_blocks--;
    count_malloc(q);
    return q;
}

void pr_raw_free(void *p)
{
    if (p) {
        uncount_malloc(p);
        free(p);
    }
}

void *pr_raw_map(size_t n)
{
    if (injected_failure()) {
        return NULL;
    }
    void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        return NULL;
    }
    stats.mapped_bytes += n;
    stats.mapped_regions++;
    stats.map_calls++;
    if (stats.mapped_bytes > stats.mapped_peak) {
        stats.mapped_peak = stats.mapped_bytes;
    }
    return p;
}

void pr_raw_unmap(void *p, size_t n)
{
    if (p) {
        munmap(p, n);
        stats.mapped_bytes -= n;
        stats.mapped_regions--;
    }
}

void pr_raw_stats(PrRawStats *out)
{
    *out = stats;
}

void pr_raw_fail_after(long n)
{
    fail_countdown = n;
}

size_t pr_raw_rss(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long size = 0, resident = 0;
    if (!f) {
        return 0;
    }
    int got = fscanf(f, "%lu %lu", &size, &resident);
    fclose(f);
    return got == 2 ? (size_t)resident * (size_t)sysconf(_SC_PAGESIZE) : 0;
}
