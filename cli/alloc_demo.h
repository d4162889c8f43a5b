/* cli/alloc_demo.h — `pyrena --alloc-demo`: the seed documents' memory experiment replayed
 * directly against the allocator, so a class can watch arenas fill, fragment and go back to
 * the OS under each preset before (and beside) running the Python version of the script. */
#ifndef PR_CLI_ALLOC_DEMO_H
#define PR_CLI_ALLOC_DEMO_H

#include <stddef.h>
#include <stdio.h>

typedef struct PrAllocDemo {
    size_t count;      /* objects to allocate (default 10**6, as the seed's experiments) */
    size_t size;       /* bytes per object (default 56: a str(i) object in pyrena) */
    size_t keep_every; /* after the "del", keep every k-th object alive (default 100) */
} PrAllocDemo;

/* Runs the experiment with the running allocator and prints one line per step to out:
 * RSS, its change against the baseline, and the arena counters. Returns: 0, or 1 when the
 * allocator ran out of memory (reported on out). */
int pr_alloc_demo_run(FILE *out, const PrAllocDemo *demo);

#endif
