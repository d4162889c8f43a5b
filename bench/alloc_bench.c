/* bench/alloc_bench.c — small-object workloads (8 to 512 bytes) run through pyrena's
 * pr_mem_alloc/pr_mem_free and through glibc's malloc/free, several runs each; prints the median
 * times and their ratio (pyrena / glibc: below 1 means pyrena is faster).
 * Usage: alloc_bench [RUNS [CONFIG...]]   (defaults: 7 runs; py33, py33:arena_release=keep1,
 * py310). A CONFIG is a preset, optionally followed by knobs: "py33:arena_release=keep1,..."
 * It calls malloc and free directly: they are the yardstick, not part of pyrena. */
#include "memory/obmalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NOPS 4000000  /* allocations + frees per workload run */
#define BATCH 1000    /* LIFO: blocks allocated, then freed in reverse */
#define MAX_LIVE 100000

static size_t sizes_any[NOPS / 2];   /* uniform in 8..512 */
static size_t sizes_small[NOPS / 2]; /* uniform in 16..64: ints, floats, small tuples */
static uint32_t slots[NOPS / 2];     /* random victims for the random-lifetime workloads */
static void *live[MAX_LIVE];
static size_t checksum;

static uint64_t rng = 88172645463325252u;

static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void make_inputs(void)
{
    for (size_t i = 0; i < NOPS / 2; i++) {
        sizes_any[i] = 8 + next_random() % 505;
        sizes_small[i] = 16 + next_random() % 49;
        slots[i] = (uint32_t)next_random();
    }
}

/* Every workload writes a word into each block it gets, as an object's header would be. */

/* LIFO lifetimes: BATCH blocks allocated, then freed newest first. */
#define LIFO(NAME, ALLOC, FREE)                                                                  \
    static void NAME(const size_t *sizes)                                                        \
    {                                                                                            \
        for (size_t base = 0; base < NOPS / 2; base += BATCH) {                                  \
            for (size_t i = 0; i < BATCH; i++) {                                                 \
                size_t *p = ALLOC(sizes[base + i]);                                              \
                *p = i;                                                                          \
                live[i] = p;                                                                     \
            }                                                                                    \
            for (size_t i = BATCH; i-- > 0;) {                                                   \
                checksum += *(size_t *)live[i];                                                  \
                FREE(live[i]);                                                                   \
            }                                                                                    \
        }                                                                                        \
    }

/* Random lifetimes: `nlive` blocks alive; each step frees a random one and allocates anew. */
#define RANDOM(NAME, ALLOC, FREE)                                                                \
    static void NAME(const size_t *sizes, size_t nlive)                                          \
    {                                                                                            \
        for (size_t i = 0; i < nlive; i++) {                                                     \
            live[i] = ALLOC(sizes[i]);                                                           \
            *(size_t *)live[i] = i;                                                              \
        }                                                                                        \
        for (size_t i = nlive; i < NOPS / 2; i++) {                                              \
            size_t k = slots[i] % nlive;                                                         \
            checksum += *(size_t *)live[k];                                                      \
            FREE(live[k]);                                                                       \
            live[k] = ALLOC(sizes[i]);                                                           \
            *(size_t *)live[k] = i;                                                              \
        }                                                                                        \
        for (size_t i = 0; i < nlive; i++) {                                                     \
            FREE(live[i]);                                                                       \
        }                                                                                        \
    }

LIFO(lifo_pyrena, pr_mem_alloc, pr_mem_free)
LIFO(lifo_glibc, malloc, free)
RANDOM(random_pyrena, pr_mem_alloc, pr_mem_free)
RANDOM(random_glibc, malloc, free)

typedef struct Workload {
    const char *name;
    const size_t *sizes;
    size_t nlive; /* 0: LIFO */
} Workload;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double run_once(const Workload *w, int pyrena)
{
    double t0 = now_ms();
    if (w->nlive == 0) {
        (pyrena ? lifo_pyrena : lifo_glibc)(w->sizes);
    } else {
        (pyrena ? random_pyrena : random_glibc)(w->sizes, w->nlive);
    }
    return now_ms() - t0;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Alternates the two allocators run by run, so drift in the machine hits both alike. */
static void measure(const Workload *w, int runs, double *pyrena_ms, double *glibc_ms)
{
    double p[64] = {0}, g[64] = {0};
    for (int r = 0; r < runs; r++) {
        p[r] = run_once(w, 1);
        g[r] = run_once(w, 0);
    }
    qsort(p, (size_t)runs, sizeof *p, by_value);
    qsort(g, (size_t)runs, sizeof *g, by_value);
    *pyrena_ms = p[runs / 2];
    *glibc_ms = g[runs / 2];
}

/* Starts the allocator from "preset[:key=value,...]". */
static int start_config(const char *spec)
{
    PrMemConfig cfg;
    char err[256] = "pyrena: out of memory", text[256];
    snprintf(text, sizeof text, "%s", spec);
    char *knobs = strchr(text, ':');
    if (knobs) {
        *knobs++ = '\0';
    }
    pr_mem_finalize();
    if (pr_mem_config_preset(&cfg, text, err, sizeof err) < 0) {
        goto fail;
    }
    for (char *kv = knobs ? strtok(knobs, ",") : NULL; kv; kv = strtok(NULL, ",")) {
        char *eq = strchr(kv, '=');
        if (eq) {
            *eq = '\0';
        }
        if (pr_mem_config_set(&cfg, kv, eq ? eq + 1 : "", err, sizeof err) < 0) {
            goto fail;
        }
    }
    if (pr_mem_config_check(&cfg, err, sizeof err) < 0 || pr_mem_init(&cfg) < 0) {
        goto fail;
    }
    return 0;
fail:
    fprintf(stderr, "%s\n", err);
    return -1;
}

static void bench_preset(const char *preset, int runs)
{
    const Workload workloads[] = {
        {"LIFO, 8-512 B", sizes_any, 0},
        {"LIFO, 16-64 B", sizes_small, 0},
        {"random, 8-512 B, 10k live", sizes_any, 10000},
        {"random, 16-64 B, 10k live", sizes_small, 10000},
        {"random, 8-512 B, 100k live", sizes_any, 100000},
    };
    if (start_config(preset) < 0) {
        return;
    }
    printf("\n%s: median of %d runs, %d operations (allocations + frees) each\n", preset, runs,
           NOPS);
    printf("%-28s %11s %11s %8s\n", "workload", "pyrena ms", "glibc ms", "ratio");
    for (size_t i = 0; i < sizeof workloads / sizeof *workloads; i++) {
        double p, g;
        run_once(&workloads[i], 1); /* warm both up: arenas and malloc's heap */
        run_once(&workloads[i], 0);
        measure(&workloads[i], runs, &p, &g);
        printf("%-28s %11.1f %11.1f %8.2f\n", workloads[i].name, p, g, p / g);
    }
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 7;
    if (runs < 1 || runs > 64) {
        fprintf(stderr, "usage: alloc_bench [RUNS (1-64) [PRESET[:key=value,...]...]]\n");
        return 2;
    }
    make_inputs();
    printf("allocator: pr_mem_alloc/pr_mem_free vs glibc malloc/free (ratio = pyrena / glibc)\n");
    if (argc > 2) {
        for (int i = 2; i < argc; i++) {
            bench_preset(argv[i], runs);
        }
    } else {
        bench_preset("py33", runs);
        bench_preset("py33:arena_release=keep1", runs); /* the same, without 3.3's thrashing */
        bench_preset("py310", runs);
    }
    pr_mem_finalize();
    printf("(checksum %zu)\n", checksum);
    return 0;
}
