/* cli/alloc_demo.c — the seed experiment at the allocator layer: allocate many small objects
 * and the array that holds them, drop the array and all but every k-th object, then the rest.
 * Each step prints RSS (from /proc/self/statm) and the arena counters, so the effect of a
 * preset (py24 never returns arenas, py33 unmaps them, malloc leaves it to glibc) is visible. */
#include "cli/alloc_demo.h"

#include "memory/obmalloc.h"
#include "memory/raw.h"

#include <string.h>

static double mib(size_t bytes)
{
    return (double)bytes / (1024.0 * 1024.0);
}

/* Prints one step. The first step (baseline 0) is its own baseline. Returns: the RSS read. */
static size_t report(FILE *out, const char *step, size_t baseline)
{
    PrMemStats st;
    pr_mem_stats(&st);
    size_t rss = pr_raw_rss();
    if (baseline == 0) {
        baseline = rss;
    }
    double pct = 100.0 * ((double)rss - (double)baseline) / (double)baseline;
    fprintf(out, "%-24s %9.2f %+9.1f%%   %7zu %7zu %7zu %8zu\n", step, mib(rss), pct,
            st.arenas_current, st.arenas_allocated_total, st.arenas_reclaimed,
            st.blocks_in_use);
    return rss;
}

/* `keep = foo[::k]; del foo`: moves every k-th object (none when k is 0) into a new array
 * and frees the rest with the old array. Returns: the new array, or NULL when out of memory. */
static void **keep_every_kth(void **objs, size_t count, size_t k, size_t *kept)
{
    size_t n = k ? (count + k - 1) / k : 0;
    void **keep = pr_mem_alloc((n ? n : 1) * sizeof *keep);
    if (!keep) {
        return NULL;
    }
    *kept = 0;
    for (size_t i = 0; i < count; i++) {
        if (k && i % k == 0) {
            keep[(*kept)++] = objs[i];
        } else {
            pr_mem_free(objs[i]);
        }
    }
    pr_mem_free(objs);
    return keep;
}

static void free_all(void **objs, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        pr_mem_free(objs[i]);
    }
    pr_mem_free(objs);
}

int pr_alloc_demo_run(FILE *out, const PrAllocDemo *demo)
{
    char knobs[256];
    pr_mem_config_format(pr_mem_config(), knobs, sizeof knobs);
    fprintf(out, "allocator: %s (%s)\n", pr_mem_config()->preset, knobs);
    fprintf(out, "foo = %zu objects of %zu bytes; keep = foo[::%zu]; del foo; del keep\n\n",
            demo->count, demo->size, demo->keep_every);
    fprintf(out, "%-24s %9s %10s   %7s %7s %7s %8s\n", "step", "RSS MiB", "vs start", "arenas",
            "total", "freed", "blocks");
    size_t baseline = report(out, "start", 0);
    void **objs = pr_mem_alloc((demo->count ? demo->count : 1) * sizeof *objs);
    if (!objs) {
        goto oom;
    }
    for (size_t i = 0; i < demo->count; i++) {
        objs[i] = pr_mem_alloc(demo->size);
        if (!objs[i]) {
            free_all(objs, i);
            goto oom;
        }
        memset(objs[i], 0x5a, demo->size);
    }
    report(out, "foo = [...]", baseline);
    size_t kept = 0;
    void **keep = keep_every_kth(objs, demo->count, demo->keep_every, &kept);
    if (!keep) {
        free_all(objs, demo->count);
        goto oom;
    }
    report(out, "keep = foo[::k]; del foo", baseline);
    free_all(keep, kept);
    report(out, "del keep", baseline);
    return 0;
oom:
    fputs("out of memory\n", out);
    return 1;
}
