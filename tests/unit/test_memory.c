/* tests/unit/test_memory.c — the object allocator (memory/obmalloc.h): every size class of every
 * preset, statistics against a model of 10^6 random operations, RSS given back, each release
 * policy, fullest-first ordering, large blocks, configuration errors, the debug preset's fatal
 * checks, and injected exhaustion. Each test starts its own allocator and stops it after. */
#include "memory/obmalloc.h"
#include "memory/raw.h"
#include "tests/unit/suites.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define KIB ((size_t)1 << 10)
#define MIB ((size_t)1 << 20)

/* Fails the test when cond is false. Unlike ck_assert, a check that passes costs nothing (Check
 * reports every passing ck_assert to its parent process), so this is the one used in loops. */
#define REQUIRE(cond, ...)                                                                       \
    do {                                                                                         \
        if (!(cond)) {                                                                           \
            ck_abort_msg(__VA_ARGS__);                                                           \
        }                                                                                        \
    } while (0)

static const char *const all_presets[] = {"py24",   "py25",  "py33",        "py310",
                                          "malloc", "debug", "malloc_debug"};
#define NPRESETS (sizeof all_presets / sizeof *all_presets)

/* ============================================================================================
 *  Helpers
 * ============================================================================================ */

static void start_config(const PrMemConfig *cfg)
{
    char err[256] = "";
    pr_mem_finalize();
    ck_assert_msg(pr_mem_config_check(cfg, err, sizeof err) == 0, "%s", err);
    ck_assert_int_eq(pr_mem_init(cfg), 0);
}

/* Starts the allocator from "preset" or "preset:key=value,key=value". */
static void start(const char *spec)
{
    PrMemConfig cfg;
    char err[256] = "", text[256];
    snprintf(text, sizeof text, "%s", spec);
    char *knobs = strchr(text, ':');
    if (knobs) {
        *knobs++ = '\0';
    }
    ck_assert_msg(pr_mem_config_preset(&cfg, text, err, sizeof err) == 0, "%s", err);
    for (char *kv = knobs ? strtok(knobs, ",") : NULL; kv; kv = strtok(NULL, ",")) {
        char *eq = strchr(kv, '=');
        ck_assert_ptr_nonnull(eq);
        *eq = '\0';
        ck_assert_msg(pr_mem_config_set(&cfg, kv, eq + 1, err, sizeof err) == 0, "%s", err);
    }
    start_config(&cfg);
}

static void assert_consistent(void)
{
    char err[256] = "";
    ck_assert_msg(pr_mem_check(err, sizeof err) == 0, "invariant broken: %s", err);
}

static void teardown(void)
{
    pr_raw_fail_after(-1);
    pr_mem_finalize();
}

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static size_t arena_of(const void *p)
{
    PrMemLocation loc;
    REQUIRE(pr_mem_locate(p, &loc) == 1, "%p is in no arena", p);
    return loc.arena_index;
}

static PrMemStats stats_now(void)
{
    PrMemStats s;
    pr_mem_stats(&s);
    return s;
}

/* What the allocator should have mapped: its arenas (when mmap'd) and its arena map. */
static size_t expected_mapped(const PrMemStats *s)
{
    size_t arenas = pr_mem_config()->arena_source == PR_MEM_SOURCE_MMAP ? s->arena_bytes : 0;
    return arenas + s->map_root_bytes + s->map_mid_bytes + s->map_bot_bytes;
}

/* ============================================================================================
 *  Every size class of every preset
 * ============================================================================================ */

/* Allocates every request size from 0 to the threshold, all alive at once, each block filled
 * to its last usable byte with its own pattern; then proves no block overlapped another and
 * each sits where its class says. */
static void exercise_preset(const char *name)
{
    static unsigned char *blocks[PR_MEM_MAX_THRESHOLD + 1];
    start(name);
    const PrMemConfig *cfg = pr_mem_config();
    size_t top = cfg->threshold ? cfg->threshold : 512, step = cfg->threshold ? cfg->align : 16;
    for (size_t n = 0; n <= top; n++) {
        unsigned char *p = blocks[n] = pr_mem_alloc(n);
        REQUIRE(p, "%s: no block for %zu bytes", name, n);
        REQUIRE((uintptr_t)p % step == 0, "%s: %zu-byte block %p not aligned to %zu", name, n,
                (void *)p, step);
        size_t usable = pr_mem_usable_size(p);
        REQUIRE(usable >= n, "%s: %zu bytes usable for %zu", name, usable, n);
        memset(p, (int)(n & 0xff), usable);
        size_t c = pr_mem_size_class_of(n);
        PrMemLocation loc;
        int in_arena = pr_mem_locate(p, &loc);
        if (c == PR_MEM_LARGE) {
            REQUIRE(!in_arena, "%s: large block of %zu bytes in an arena", name, n);
            continue;
        }
        REQUIRE(in_arena && loc.place == PR_MEM_PLACE_BLOCK && loc.allocated,
                "%s: %zu-byte block not found allocated in an arena", name, n);
        REQUIRE(loc.size_class == c && loc.block_size == pr_mem_class_size(c),
                "%s: %zu bytes in class %zu of %zu bytes, expected class %zu", name, n,
                loc.size_class, loc.block_size, c);
        REQUIRE(loc.offset == (cfg->debug ? 32u : 0u), "%s: offset %zu", name, loc.offset);
        REQUIRE(loc.offset + usable <= loc.block_size, "%s: usable size past the block", name);
        REQUIRE(cfg->debug || usable == loc.block_size, "%s: usable %zu", name, usable);
    }
    for (size_t n = 0; n <= top; n++) {
        size_t usable = pr_mem_usable_size(blocks[n]);
        for (size_t i = 0; i < usable; i++) {
            REQUIRE(blocks[n][i] == (n & 0xff), "%s: block of %zu bytes overwritten", name, n);
        }
    }
    ck_assert_ptr_ne(blocks[0], blocks[1]); /* n == 0 gives a pointer of its own */
    assert_consistent();
    for (size_t n = 0; n <= top; n++) {
        pr_mem_free(blocks[n]);
    }
    assert_consistent();
    PrMemStats s = stats_now();
    ck_assert_uint_eq(s.blocks_in_use, 0);
    ck_assert_uint_eq(s.large_blocks, 0);
    ck_assert_uint_eq(pr_mem_finalize(), 0);
}

START_TEST(test_every_class_of_every_preset)
{
    exercise_preset(all_presets[_i]);
}
END_TEST

START_TEST(test_class_arithmetic)
{
    start("py33");
    ck_assert_uint_eq(pr_mem_size_class_of(0), 0);
    ck_assert_uint_eq(pr_mem_size_class_of(1), 0);
    ck_assert_uint_eq(pr_mem_size_class_of(8), 0);
    ck_assert_uint_eq(pr_mem_size_class_of(9), 1);
    ck_assert_uint_eq(pr_mem_size_class_of(512), 63);
    ck_assert_uint_eq(pr_mem_size_class_of(513), PR_MEM_LARGE);
    ck_assert_uint_eq(pr_mem_class_size(63), 512);
    ck_assert_uint_eq(pr_mem_class_size(64), 0);
    start("py310");
    ck_assert_uint_eq(pr_mem_size_class_of(17), 1);
    ck_assert_uint_eq(pr_mem_class_size(31), 512);
    start("debug"); /* 40 bytes of guards and header ride along */
    ck_assert_uint_eq(pr_mem_size_class_of(24), 7);
    ck_assert_uint_eq(pr_mem_size_class_of(473), PR_MEM_LARGE);
    start("malloc");
    ck_assert_uint_eq(pr_mem_size_class_of(8), PR_MEM_LARGE);
}
END_TEST

/* ============================================================================================
 *  Statistics against a model
 * ============================================================================================ */

#define MODEL_SLOTS 40000

typedef struct {
    unsigned char *p;
    size_t n;
    uint32_t tag;
} LiveBlock;

static LiveBlock live[MODEL_SLOTS];

typedef struct {
    size_t nlive;
    size_t per_class[PR_MEM_MAX_CLASSES];
    size_t large, large_bytes;
} Model;

/* The tag goes in the first 4 bytes (when the block has more) and its low byte in the last. */
static void model_stamp(LiveBlock *b)
{
    if (b->n > 4) {
        memcpy(b->p, &b->tag, 4);
    }
    if (b->n) {
        b->p[b->n - 1] = (unsigned char)b->tag;
    }
}

static void model_verify(const LiveBlock *b)
{
    uint32_t t = b->tag;
    REQUIRE(b->n <= 4 || memcmp(b->p, &t, 4) == 0, "block %p overwritten at its start",
            (void *)b->p);
    REQUIRE(!b->n || b->p[b->n - 1] == (unsigned char)t, "block %p overwritten at its end",
            (void *)b->p);
}

static void model_count(Model *m, size_t n, int delta)
{
    size_t c = pr_mem_size_class_of(n);
    if (c == PR_MEM_LARGE) {
        /* the debug preset asks the raw layer for 40 more bytes: header and guards */
        size_t bytes = n + (pr_mem_config()->debug ? 40 : 0);
        m->large += (size_t)delta;
        m->large_bytes += (size_t)delta * bytes;
    } else {
        m->per_class[c] += (size_t)delta;
    }
}

/* Every counter of the statistics against the model, and the byte accounting against the
 * arenas and against what the raw layer really holds. */
static void model_compare(const Model *m, size_t mapped_before)
{
    const PrMemConfig *cfg = pr_mem_config();
    PrMemStats s = stats_now();
    PrRawStats raw;
    size_t total_live = 0;
    assert_consistent();
    for (size_t c = 0; c < s.nclasses; c++) {
        const PrMemClassStats *k = &s.classes[c];
        size_t cap = (cfg->pool_size - PR_MEM_POOL_HEADER) / k->size;
        ck_assert_uint_eq(k->blocks_in_use, m->per_class[c]);
        ck_assert_uint_eq(k->blocks_in_use + k->avail_blocks, k->num_pools * cap);
        ck_assert_uint_ge(k->num_pools * cap, m->per_class[c]);
        total_live += m->per_class[c];
    }
    ck_assert_uint_eq(s.blocks_in_use, total_live);
    ck_assert_uint_eq(s.large_blocks, m->large);
    ck_assert_uint_eq(s.large_bytes, m->large_bytes);
    ck_assert_uint_eq(s.allocated_bytes + s.available_bytes + s.unused_pool_bytes +
                          s.pool_header_bytes + s.quantization_bytes + s.arena_alignment_bytes,
                      s.arenas_current * cfg->arena_size);
    ck_assert_uint_eq(s.arena_bytes, s.arenas_current * cfg->arena_size);
    ck_assert_uint_eq(s.arenas_allocated_total - s.arenas_reclaimed, s.arenas_current);
    ck_assert_uint_ge(s.arenas_highwater, s.arenas_current);
    pr_raw_stats(&raw);
    ck_assert_uint_eq(raw.mapped_bytes - mapped_before, expected_mapped(&s));
}

/* Random allocations and frees in waves (the live count rises to MODEL_SLOTS and falls back to
 * near zero, so arenas come and go), 1 in 64 requests above the threshold. Every block carries a
 * tag checked when it is freed, so overlapping blocks cannot go unnoticed. */
static void run_model(const char *preset, long ops, long check_every)
{
    static Model m;
    PrRawStats raw;
    memset(&m, 0, sizeof m);
    pr_mem_finalize();
    pr_raw_stats(&raw);
    start(preset);
    size_t threshold = pr_mem_config()->threshold;
    size_t target = MODEL_SLOTS;
    for (long op = 1; op <= ops; op++) {
        int grow = rnd() % 100 < (m.nlive < target ? 70u : 30u);
        if (m.nlive == target) {
            target = target == MODEL_SLOTS ? 100 : MODEL_SLOTS;
        }
        if (m.nlive < MODEL_SLOTS && (grow || m.nlive == 0)) {
            LiveBlock *b = &live[m.nlive++];
            b->n = rnd() % 64 == 0 ? threshold + 1 + rnd() % 3000 : rnd() % (threshold + 1);
            b->p = pr_mem_alloc(b->n);
            REQUIRE(b->p, "no block for %zu bytes", b->n);
            b->tag = (uint32_t)rnd();
            model_stamp(b);
            model_count(&m, b->n, +1);
        } else {
            size_t i = rnd() % m.nlive;
            model_verify(&live[i]);
            pr_mem_free(live[i].p);
            model_count(&m, live[i].n, -1);
            live[i] = live[--m.nlive];
        }
        if (op % check_every == 0) {
            model_compare(&m, raw.mapped_bytes);
        }
    }
    model_compare(&m, raw.mapped_bytes);
    while (m.nlive) {
        LiveBlock *b = &live[--m.nlive];
        model_verify(b);
        pr_mem_free(b->p);
        model_count(&m, b->n, -1);
    }
    model_compare(&m, raw.mapped_bytes);
    if (threshold) {
        ck_assert_uint_ge(stats_now().arenas_highwater, 10);
    }
}

START_TEST(test_stats_match_model_py33)
{
    run_model("py33", 1000000, 100000);
    PrMemStats s = stats_now();
    ck_assert_uint_eq(s.arenas_current, 0);
    ck_assert_uint_eq(s.arenas_reclaimed, s.arenas_allocated_total);
}
END_TEST

START_TEST(test_stats_match_model_other_presets)
{
    run_model("py310", 200000, 50000);
    ck_assert_uint_eq(stats_now().arenas_current, 1);
    run_model("py24", 200000, 50000);
    ck_assert_uint_eq(stats_now().arenas_reclaimed, 0);
    run_model("debug", 100000, 50000);
    run_model("malloc", 50000, 25000);
    run_model("py25", 100000, 50000);
    run_model("py33", 60000, 300); /* every invariant, every 300 operations */
    /* small arenas of 7 or 8 pools (mmap'd 64K arenas are 8K-aligned one time in two), no
     * ordering, one spare */
    run_model("py33:arena_size=64K,pool_size=8K,align=16,arena_order=none,arena_release=keep1",
              200000, 20000);
}
END_TEST

/* ============================================================================================
 *  Giving memory back
 * ============================================================================================ */

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

static int under_valgrind(void)
{
    const char *pre = getenv("LD_PRELOAD");
    return pre && strstr(pre, "vgpreload") != NULL;
}

/* 48 MiB of 64-byte blocks, touched, then all freed: RSS comes back to within one arena. */
START_TEST(test_rss_returns_py33)
{
    const size_t n = 48 * MIB / 64;
    void **ptrs = pr_raw_map(n * sizeof *ptrs);
    ck_assert_ptr_nonnull(ptrs);
    memset(ptrs, 0, n * sizeof *ptrs);
    start("py33");
    pr_mem_free(pr_mem_alloc(64)); /* the arena map's nodes stay: count them in the baseline */
    size_t before = pr_raw_rss();
    for (size_t i = 0; i < n; i++) {
        ptrs[i] = pr_mem_alloc(64);
        REQUIRE(ptrs[i], "no block %zu", i);
        memset(ptrs[i], 0x5a, 64);
    }
    size_t peak = pr_raw_rss();
    PrMemStats s = stats_now();
    for (size_t i = 0; i < n; i++) {
        pr_mem_free(ptrs[i]);
    }
    size_t after = pr_raw_rss();
    PrMemStats e = stats_now();
    pr_raw_unmap(ptrs, n * sizeof *ptrs);
    ck_assert_uint_ge(s.arenas_current, 48 * MIB / (256 * KIB));
    ck_assert_uint_eq(e.arenas_reclaimed, e.arenas_allocated_total);
    ck_assert_uint_eq(e.arenas_current, 0);
    /* AddressSanitizer keeps the shadow bytes (one per 8 bytes) of unmapped arenas whose
     * shadow does not cover whole pages: allow for them, and nothing else. */
    size_t slack = 256 * KIB + (UNDER_ASAN ? (peak - before) / 8 : 0);
    if (!under_valgrind()) {
        ck_assert_uint_ge(peak, before + 40 * MIB);
        ck_assert_msg(after <= before + slack, "RSS %zu KiB before, %zu KiB at the peak, %zu KiB after",
                      before / KIB, peak / KIB, after / KIB);
    }
}
END_TEST

/* Allocates 64-byte blocks (kept in ptrs) until `narenas` arenas are in use; returns how many
 * blocks. */
static size_t fill_arenas(void **ptrs, size_t max, size_t narenas)
{
    size_t n = 0;
    do {
        for (int i = 0; i < 256; i++, n++) {
            REQUIRE(n < max, "more than %zu blocks", max);
            ptrs[n] = pr_mem_alloc(64);
            REQUIRE(ptrs[n], "no block %zu", n);
        }
    } while (stats_now().arenas_current < narenas);
    return n;
}

static void *blocks[200000];

START_TEST(test_py24_never_returns)
{
    start("py24");
    size_t n = fill_arenas(blocks, 200000, 12);
    for (size_t i = 0; i < n; i++) {
        pr_mem_free(blocks[i]);
    }
    PrMemStats s = stats_now();
    ck_assert_uint_eq(s.arenas_reclaimed, 0);
    ck_assert_uint_eq(s.arenas_current, s.arenas_highwater);
    ck_assert_uint_ge(s.arenas_current, 12);
    /* The kept arenas serve the next wave: no arena is added. */
    for (size_t i = 0; i < n; i++) {
        blocks[i] = pr_mem_alloc(64);
    }
    ck_assert_uint_eq(stats_now().arenas_allocated_total, s.arenas_allocated_total);
    for (size_t i = 0; i < n; i++) {
        pr_mem_free(blocks[i]);
    }
    assert_consistent();
}
END_TEST

START_TEST(test_py25_frees_to_malloc)
{
    PrRawStats before, after;
    pr_mem_finalize();
    pr_raw_stats(&before);
    start("py25");
    size_t n = fill_arenas(blocks, 200000, 6);
    pr_raw_stats(&after);
    PrMemStats full = stats_now();
    ck_assert_uint_ge(after.malloc_bytes - before.malloc_bytes, 6 * 256 * KIB);
    ck_assert_uint_eq(after.mapped_bytes - before.mapped_bytes, expected_mapped(&full));
    for (size_t i = 0; i < n; i++) {
        pr_mem_free(blocks[i]);
    }
    PrMemStats s = stats_now();
    ck_assert_uint_eq(s.arenas_current, 0);
    ck_assert_uint_eq(s.arenas_reclaimed, s.arenas_allocated_total);
    ck_assert_uint_eq(s.arena_alignment_bytes, 0);
}
END_TEST

START_TEST(test_py310_keeps_one_spare)
{
    start("py310");
    size_t n = fill_arenas(blocks, 200000, 8);
    for (size_t i = 0; i < n; i++) {
        pr_mem_free(blocks[i]);
    }
    PrMemStats s = stats_now();
    ck_assert_uint_eq(s.arenas_current, 1);
    ck_assert_uint_eq(s.arenas_reclaimed, s.arenas_allocated_total - 1);
    /* bpo-37257: a loop allocating and freeing one block reuses the spare... */
    for (int i = 0; i < 1000; i++) {
        pr_mem_free(pr_mem_alloc(32));
    }
    ck_assert_uint_eq(stats_now().arenas_allocated_total, s.arenas_allocated_total);
    assert_consistent();
    /* ...where py33 maps and unmaps an arena on every turn. */
    start("py33");
    for (int i = 0; i < 1000; i++) {
        pr_mem_free(pr_mem_alloc(32));
    }
    ck_assert_uint_eq(stats_now().arenas_allocated_total, 1000);
    ck_assert_uint_eq(stats_now().arenas_current, 0);
}
END_TEST

/* One block kept in each arena keeps every arena; freeing those releases them all. */
static void survivors(const char *preset)
{
    static void *keep[64];
    start(preset);
    size_t n = fill_arenas(blocks, 200000, 10), narenas = stats_now().arenas_current;
    ck_assert_uint_le(narenas, 64);
    memset(keep, 0, sizeof keep);
    for (size_t i = 0; i < n; i++) {
        size_t a = arena_of(blocks[i]);
        ck_assert_uint_lt(a, 64);
        if (!keep[a]) {
            keep[a] = blocks[i];
        } else {
            pr_mem_free(blocks[i]);
        }
    }
    PrMemStats s = stats_now();
    ck_assert_uint_eq(s.arenas_current, narenas);
    ck_assert_uint_eq(s.arenas_reclaimed, 0);
    ck_assert_uint_eq(s.blocks_in_use, narenas);
    assert_consistent();
    for (size_t a = 0; a < 64; a++) {
        pr_mem_free(keep[a]);
    }
    s = stats_now();
    ck_assert_uint_eq(s.arenas_current, strcmp(preset, "py310") == 0);
}

START_TEST(test_survivor_keeps_arena)
{
    survivors("py33");
    survivors("py310");
}
END_TEST

/* ============================================================================================
 *  Fullest arena first
 * ============================================================================================ */

/* Three full arenas of 512-byte blocks (7 a pool, 64 pools an arena in py33); then whole pools
 * are freed so the arenas keep `keep[a]` pools in use, freeing arena 0's pools first, then 1's,
 * then 2's. Returns the arena index of each of the three. */
static void three_arenas(const size_t keep[3], size_t idx[3])
{
    size_t n = 3 * 64 * 7, per_arena = 64 * 7;
    for (size_t i = 0; i < n; i++) {
        blocks[i] = pr_mem_alloc(512);
        REQUIRE(blocks[i], "no block %zu", i);
    }
    ck_assert_uint_eq(stats_now().arenas_current, 3);
    for (size_t a = 0; a < 3; a++) {
        idx[a] = arena_of(blocks[a * per_arena]);
        ck_assert_uint_eq(arena_of(blocks[a * per_arena + per_arena - 1]), idx[a]);
        for (size_t i = a * per_arena + keep[a] * 7; i < (a + 1) * per_arena; i++) {
            pr_mem_free(blocks[i]);
        }
    }
    assert_consistent();
}

/* The arena of the first block of the next new pool, taking pools of 16-byte blocks. */
static size_t next_pool_arena(void)
{
    void *first = pr_mem_alloc(16);
    for (int i = 1; i < 253; i++) { /* 253 blocks of 16 fill a 4K pool */
        (void)pr_mem_alloc(16);
    }
    return arena_of(first);
}

START_TEST(test_fullest_arena_first)
{
    const size_t keep[3] = {10, 50, 30};
    size_t idx[3];
    start("py33");
    three_arenas(keep, idx);
    /* Free pools: arena 0 has 54, arena 1 has 14, arena 2 has 34. */
    for (int i = 0; i < 14; i++) {
        ck_assert_uint_eq(next_pool_arena(), idx[1]);
    }
    for (int i = 0; i < 34; i++) {
        ck_assert_uint_eq(next_pool_arena(), idx[2]);
    }
    for (int i = 0; i < 54; i++) {
        ck_assert_uint_eq(next_pool_arena(), idx[0]);
    }
    ck_assert_uint_eq(stats_now().arenas_current, 3);
    ck_assert_uint_ne(next_pool_arena(), idx[0]); /* all full: a fourth arena */
    ck_assert_uint_eq(stats_now().arenas_current, 4);
    assert_consistent();
}
END_TEST

START_TEST(test_unordered_arenas)
{
    const size_t keep[3] = {10, 50, 30};
    size_t idx[3];
    PrMemConfig cfg;
    pr_mem_config_default(&cfg);
    ck_assert_int_eq(pr_mem_config_set(&cfg, "arena_order", "none", NULL, 0), 0);
    start_config(&cfg);
    three_arenas(keep, idx);
    /* The last arena to regain a free pool is used first, fullest or not. */
    ck_assert_uint_eq(next_pool_arena(), idx[2]);
    assert_consistent();
}
END_TEST

/* ============================================================================================
 *  Large blocks and realloc
 * ============================================================================================ */

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) {
        p[i] = (unsigned char)(i * 7 + seed);
    }
}

static void expect(const unsigned char *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) {
        REQUIRE(p[i] == (unsigned char)(i * 7 + seed), "byte %zu of %zu lost", i, n);
    }
}

START_TEST(test_large_blocks_counted)
{
    PrRawStats before, during, after;
    start("py33");
    pr_raw_stats(&before);
    unsigned char *p = pr_mem_alloc(513);
    ck_assert_ptr_nonnull(p);
    fill(p, 513, 1);
    PrMemLocation loc;
    ck_assert_int_eq(pr_mem_locate(p, &loc), 0);
    pr_raw_stats(&during);
    ck_assert_uint_eq(during.malloc_blocks, before.malloc_blocks + 1);
    PrMemStats s = stats_now();
    ck_assert_uint_eq(s.large_blocks, 1);
    ck_assert_uint_eq(s.large_bytes, 513);
    ck_assert_uint_eq(s.arenas_current, 0);
    ck_assert_uint_eq(pr_mem_usable_size(p), 513);
    pr_mem_free(p);
    pr_raw_stats(&after);
    ck_assert_uint_eq(after.malloc_blocks, before.malloc_blocks);
    ck_assert_uint_eq(after.malloc_bytes, before.malloc_bytes);
    ck_assert_uint_eq(stats_now().large_blocks, 0);
    pr_mem_free(NULL);
}
END_TEST

static void realloc_round_trip(const char *preset)
{
    PrMemLocation loc;
    start(preset);
    unsigned char *p = pr_mem_realloc(NULL, 100);
    fill(p, 100, 3);
    unsigned char *q = pr_mem_realloc(p, 10000); /* small -> large */
    ck_assert_ptr_nonnull(q);
    ck_assert_int_eq(pr_mem_locate(q, &loc), 0);
    expect(q, 100, 3);
    fill(q, 10000, 4);
    q = pr_mem_realloc(q, 200000); /* large -> larger */
    expect(q, 10000, 4);
    ck_assert_uint_eq(stats_now().large_bytes, 200000 + (pr_mem_config()->debug ? 40 : 0));
    q = pr_mem_realloc(q, 50); /* large -> small */
    ck_assert_int_eq(pr_mem_locate(q, &loc), !!pr_mem_config()->threshold);
    expect(q, 50, 4);
    ck_assert_uint_eq(stats_now().large_blocks, 0);
    pr_mem_free(q);
    ck_assert_uint_eq(stats_now().blocks_in_use, 0);
}

START_TEST(test_realloc_across_threshold)
{
    realloc_round_trip("py33");
    realloc_round_trip("py310");
    realloc_round_trip("debug");
    start("malloc");
    unsigned char *p = pr_mem_realloc(NULL, 100);
    fill(p, 100, 9);
    p = pr_mem_realloc(p, 5000);
    expect(p, 100, 9);
    pr_mem_free(p);
    ck_assert_uint_eq(stats_now().large_blocks, 0);
}
END_TEST

START_TEST(test_realloc_in_place)
{
    start("py33");
    unsigned char *p = pr_mem_alloc(60); /* class of 64-byte blocks */
    fill(p, 60, 5);
    ck_assert_ptr_eq(pr_mem_realloc(p, 64), p);
    ck_assert_ptr_eq(pr_mem_realloc(p, 49), p); /* shrinks by less than a quarter: stays */
    unsigned char *q = pr_mem_realloc(p, 16); /* by more: moves to the 16-byte class */
    ck_assert_ptr_ne(q, p);
    expect(q, 16, 5);
    ck_assert_uint_eq(pr_mem_usable_size(q), 16);
    pr_mem_free(q);
    assert_consistent();
}
END_TEST

/* ============================================================================================
 *  Where a pointer lives
 * ============================================================================================ */

START_TEST(test_locate)
{
    PrMemLocation loc;
    start("py33");
    unsigned char *a = pr_mem_alloc(24), *b = pr_mem_alloc(24);
    ck_assert_int_eq(pr_mem_locate(b + 5, &loc), 1);
    ck_assert_int_eq(loc.place, PR_MEM_PLACE_BLOCK);
    ck_assert_uint_eq(loc.size_class, 2);
    ck_assert_uint_eq(loc.block_size, 24);
    ck_assert_uint_eq(loc.block_index, 1);
    ck_assert_uint_eq(loc.offset, 5);
    ck_assert_uint_eq(loc.block_address, (uintptr_t)b);
    ck_assert_uint_eq(loc.pool_address, (uintptr_t)a - PR_MEM_POOL_HEADER);
    ck_assert_uint_eq(loc.pool_index, 0);
    ck_assert_int_eq(loc.allocated, 1);
    pr_mem_free(b);
    ck_assert_int_eq(pr_mem_locate(b, &loc), 1);
    ck_assert_int_eq(loc.allocated, 0);
    ck_assert_int_eq(pr_mem_locate(a + 48, &loc), 1); /* the third block: never carved */
    ck_assert_int_eq(loc.allocated, 0);
    ck_assert_int_eq(pr_mem_locate(a - 1, &loc), 1);
    ck_assert_int_eq(loc.place, PR_MEM_PLACE_HEADER);
    ck_assert_int_eq(pr_mem_locate(a + 4096, &loc), 1);
    ck_assert_int_eq(loc.place, PR_MEM_PLACE_FREE_POOL);
    ck_assert_uint_eq(loc.pool_index, 1);
    int on_stack = 0;
    ck_assert_int_eq(pr_mem_locate(&on_stack, &loc), 0);
    ck_assert_int_eq(pr_mem_locate((void *)(loc.arena_address + 256 * KIB), &loc), 0);
    pr_mem_free(a);
}
END_TEST

START_TEST(test_locate_alignment_slack)
{
    PrMemLocation loc;
    start("py310"); /* 16K pools in mmap'd arenas: the arena is rarely pool-aligned */
    void *p = pr_mem_alloc(16);
    ck_assert_int_eq(pr_mem_locate(p, &loc), 1);
    uintptr_t base = loc.arena_address;
    ck_assert_int_eq(pr_mem_locate((void *)base, &loc), 1);
    ck_assert_int_eq(pr_mem_locate((void *)(base + MIB - 1), &loc), 1);
    ck_assert_int_eq(pr_mem_locate((void *)(base + MIB), &loc), 0);
    ck_assert_int_eq(pr_mem_locate((void *)(base - 1), &loc), 0);
    PrMemStats s = stats_now();
    if (base % (16 * KIB)) {
        ck_assert_int_eq(pr_mem_locate((void *)base, &loc), 1);
        ck_assert_int_eq(loc.place, PR_MEM_PLACE_SLACK);
        ck_assert_uint_eq(s.arena_alignment_bytes, 16 * KIB);
        ck_assert_uint_eq(s.unused_pools, 62);
    } else {
        ck_assert_uint_eq(s.arena_alignment_bytes, 0);
        ck_assert_uint_eq(s.unused_pools, 63);
    }
    pr_mem_free(p);
}
END_TEST

/* ============================================================================================
 *  The printer
 * ============================================================================================ */

static char *print_to_buffer(char *buf, size_t len)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    pr_mem_print_stats(f);
    rewind(f);
    size_t got = fread(buf, 1, len - 1, f);
    buf[got] = '\0';
    fclose(f);
    return buf;
}

START_TEST(test_print_layout)
{
    static char out[16384];
    start("py33");
    void *p[3] = {pr_mem_alloc(16), pr_mem_alloc(16), pr_mem_alloc(512)};
    print_to_buffer(out, sizeof out);
    const char *want[] = {
        "Small block threshold = 512, in 64 size classes.\n\n"
        "class   size   num pools   blocks in use  avail blocks\n"
        "-----   ----   ---------   -------------  ------------\n"
        "    1     16           1               2           251\n"
        "   63    512           1               1             6\n\n",
        "# arenas allocated total           =                    1\n"
        "# arenas reclaimed                 =                    0\n"
        "# arenas highwater mark            =                    1\n"
        "# arenas allocated current         =                    1\n"
        "1 arenas * 262144 bytes/arena      =              262,144\n\n"
        "# bytes in allocated blocks        =                  544\n"
        "# bytes in available blocks        =                7,088\n"
        "62 unused pools * 4096 bytes       =              253,952\n"
        "# bytes lost to pool headers       =                   96\n"
        "# bytes lost to quantization       =                  464\n"
        "# bytes lost to arena alignment    =                    0\n"
        "Total                              =              262,144\n\n"
        "arena map counts\n"
        "# arena map mid nodes              =                    1\n"
        "# arena map bot nodes              =                    1\n\n"
        "# bytes lost to arena map root     =              524,288\n"
        "# bytes lost to arena map mid      =              524,288\n"
        "# bytes lost to arena map bot      =              262,144\n"
        "Total                              =            1,310,720\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        ck_assert_msg(strstr(out, want[i]), "missing:\n%s\nin:\n%s", want[i], out);
    }
    ck_assert_ptr_eq(strstr(out, "Small block"), out);
    for (int i = 0; i < 3; i++) {
        pr_mem_free(p[i]);
    }
    start("malloc");
    void *q = pr_mem_alloc(100);
    print_to_buffer(out, sizeof out);
    ck_assert_ptr_nonnull(strstr(out, "# blocks from malloc               =                    1\n"
                                      "# bytes requested in them          =                  100\n"));
    ck_assert_ptr_null(strstr(out, "arena"));
    pr_mem_free(q);
}
END_TEST

START_TEST(test_print_py310_geometry)
{
    static char out[16384];
    start("py310");
    void *p = pr_mem_alloc(100);
    print_to_buffer(out, sizeof out);
    ck_assert_ptr_nonnull(strstr(out, "Small block threshold = 512, in 32 size classes.\n"));
    ck_assert_ptr_nonnull(strstr(out, "    6    112           1               1           144\n"));
    ck_assert_ptr_nonnull(strstr(out, "1 arenas * 1048576 bytes/arena     =            1,048,576\n"));
    ck_assert_ptr_nonnull(strstr(out, "# bytes lost to arena map root     =              262,144\n"));
    pr_mem_free(p);
}
END_TEST

/* ============================================================================================
 *  Configuration
 * ============================================================================================ */

static void expect_set_error(const char *key, const char *value, const char *message)
{
    PrMemConfig cfg, orig;
    char err[256] = "";
    pr_mem_config_default(&cfg);
    orig = cfg;
    ck_assert_int_eq(pr_mem_config_set(&cfg, key, value, err, sizeof err), -1);
    ck_assert_msg(strstr(err, message) != NULL, "-X %s=%s said: %s", key, value, err);
    ck_assert_int_eq(memcmp(&cfg, &orig, sizeof cfg), 0);
}

static void expect_check_error(const char *k1, const char *v1, const char *k2, const char *v2,
                               const char *message)
{
    PrMemConfig cfg;
    char err[256] = "";
    pr_mem_config_default(&cfg);
    ck_assert_int_eq(pr_mem_config_set(&cfg, k1, v1, err, sizeof err), 0);
    ck_assert_int_eq(pr_mem_config_set(&cfg, k2, v2, err, sizeof err), 0);
    ck_assert_int_eq(pr_mem_config_check(&cfg, err, sizeof err), -1);
    ck_assert_msg(strstr(err, message) != NULL, "said: %s", err);
    ck_assert_int_eq(pr_mem_init(&cfg), -1);
}

START_TEST(test_config_errors)
{
    PrMemConfig cfg;
    char err[256] = "";
    ck_assert_int_eq(pr_mem_config_preset(&cfg, "py99", err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "unknown allocator preset 'py99'"));
    expect_set_error("arena_size", "3K",
                     "pyrena: -X arena_size=3K: the arena size must be a power-of-two multiple "
                     "of the pool size");
    expect_set_error("arena_size", "lots", "expected a size");
    expect_set_error("arena_size", "32K", "between 64K and 64M");
    expect_set_error("arena_size", "1M5", "expected a size");
    expect_set_error("pool_size", "3000", "power of two between 1K and 1M");
    expect_set_error("align", "12", "8 or 16");
    expect_set_error("threshold", "2048", "from 0 (no pools) to 1024");
    expect_set_error("threshold", "100", "multiple of 8");
    expect_set_error("arena_release", "sometimes", "always, never or keep1");
    expect_set_error("arena_order", "random", "fullest, none or address");
    expect_set_error("arena_source", "sbrk", "mmap or malloc");
    expect_set_error("debug", "maybe", "on or off");
    expect_set_error("malloc", "py99", "unknown allocator preset");
    expect_set_error("arenasize", "1M", "unknown allocator option");
    expect_check_error("pool_size", "64K", "arena_size", "64K", "at least 4 pools");
    expect_check_error("pool_size", "512K", "arena_size", "256K",
                       "power-of-two multiple of the pool size (pool_size=512K)");
    expect_check_error("pool_size", "1K", "threshold", "512", "two blocks of the largest");
    expect_check_error("align", "16", "threshold", "264", "multiple of the alignment");
}
END_TEST

START_TEST(test_config_values)
{
    PrMemConfig cfg;
    char text[256];
    pr_mem_config_default(&cfg);
    ck_assert_str_eq(cfg.preset, "py33");
    ck_assert_int_eq(pr_mem_config_set(&cfg, "arena_size", "1M", NULL, 0), 0);
    ck_assert_uint_eq(cfg.arena_size, MIB);
    ck_assert_int_eq(pr_mem_config_set(&cfg, "arena_size", "262144", NULL, 0), 0);
    ck_assert_uint_eq(cfg.arena_size, 256 * KIB);
    ck_assert_int_eq(pr_mem_config_set(&cfg, "pool_size", "16KiB", NULL, 0), 0);
    ck_assert_uint_eq(cfg.pool_size, 16 * KIB);
    ck_assert_int_eq(pr_mem_config_set(&cfg, "arena_order", "address", NULL, 0), 0);
    ck_assert_int_eq(cfg.arena_order, PR_MEM_ORDER_NONE);
    ck_assert_int_eq(pr_mem_config_set(&cfg, "arena_release", "keep1", NULL, 0), 0);
    ck_assert_int_eq(pr_mem_config_set(&cfg, "align", "16", NULL, 0), 0);
    ck_assert_int_eq(pr_mem_config_check(&cfg, NULL, 0), 0);
    pr_mem_config_format(&cfg, text, sizeof text);
    ck_assert_str_eq(text, "malloc=py33 arena_size=256K pool_size=16K align=16 threshold=512 "
                           "arena_release=keep1 arena_order=none arena_source=mmap debug=off");
    ck_assert_int_eq(pr_mem_config_set(&cfg, "malloc", "py24", NULL, 0), 0);
    ck_assert_uint_eq(cfg.threshold, 256);
    ck_assert_int_eq(cfg.arena_source, PR_MEM_SOURCE_MALLOC);
    ck_assert_int_eq(cfg.arena_release, PR_MEM_RELEASE_NEVER);
    ck_assert_int_eq(pr_mem_config_is_key("arena_size"), 1);
    ck_assert_int_eq(pr_mem_config_is_key("dis"), 0);
    for (size_t i = 0; i < NPRESETS; i++) {
        ck_assert_int_eq(pr_mem_config_preset(&cfg, all_presets[i], NULL, 0), 0);
        ck_assert_int_eq(pr_mem_config_check(&cfg, NULL, 0), 0);
    }
    ck_assert_int_eq(pr_mem_config_preset(&cfg, "malloc_debug", NULL, 0), 0);
    ck_assert_int_eq(cfg.debug, 1);
    ck_assert_uint_eq(cfg.threshold, 0);
}
END_TEST

START_TEST(test_config_env_and_init)
{
    PrMemConfig cfg;
    char err[256] = "";
    pr_mem_config_default(&cfg);
    setenv(PR_MEM_ENV, "py310", 1);
    ck_assert_int_eq(pr_mem_config_from_env(&cfg, err, sizeof err), 0);
    ck_assert_str_eq(cfg.preset, "py310");
    setenv(PR_MEM_ENV, "bogus", 1);
    ck_assert_int_eq(pr_mem_config_from_env(&cfg, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "PYRENAMALLOC=bogus: unknown allocator preset"));
    unsetenv(PR_MEM_ENV);
    ck_assert_int_eq(pr_mem_config_from_env(&cfg, err, sizeof err), 0);
    ck_assert_str_eq(cfg.preset, "py310");
    /* Started once; a second start is refused until pr_mem_finalize. */
    start("py24");
    ck_assert_int_eq(pr_mem_init(&cfg), -1);
    ck_assert_str_eq(pr_mem_config()->preset, "py24");
    pr_mem_finalize();
    /* Allocating first starts the default allocator. */
    void *p = pr_mem_alloc(10);
    ck_assert_ptr_nonnull(p);
    ck_assert_str_eq(pr_mem_config()->preset, "py33");
    pr_mem_free(p);
}
END_TEST

/* ============================================================================================
 *  The debug preset
 * ============================================================================================ */

/* Each of these writes "target <address>" to stderr, then makes the mistake. */
static void target(const void *p)
{
    fprintf(stderr, "target %p\n", p);
    fflush(stderr);
}

static void overflow_by_one(void)
{
    start("debug");
    unsigned char *p = pr_mem_alloc(24);
    target(p);
    p[24] = 'x';
    pr_mem_free(p);
}

static void double_free(void)
{
    start("debug");
    void *keep = pr_mem_alloc(24), *p = pr_mem_alloc(24);
    target(p);
    pr_mem_free(p);
    pr_mem_free(p);
    pr_mem_free(keep);
}

/* The only block of its pool, freed twice: the pool is empty by then. */
static void double_free_emptied(void)
{
    start("debug");
    void *keep = pr_mem_alloc(200), *p = pr_mem_alloc(24);
    target(p);
    pr_mem_free(p);
    pr_mem_free(p);
    pr_mem_free(keep);
}

static void foreign_free(void)
{
    static char not_ours[64];
    start("debug");
    void *keep = pr_mem_alloc(24);
    target(not_ours + 32);
    pr_mem_free(not_ours + 32);
    pr_mem_free(keep);
}

static void interior_free(void)
{
    start("debug");
    char *p = pr_mem_alloc(24);
    target(p + 8);
    pr_mem_free(p + 8);
}

static void underrun_by_one(void)
{
    start("debug");
    unsigned char *p = pr_mem_alloc(1000); /* a large block */
    target(p);
    p[-1] = 0;
    pr_mem_free(p);
}

static void large_double_free(void)
{
    start("debug");
    void *p = pr_mem_alloc(1000);
    target(p);
    pr_mem_free(p);
    pr_mem_free(p);
}

/* The forked tests that must abort send their message to /dev/null; the message itself is
 * checked by test_debug_messages_name_the_block. */
static void quiet(void)
{
    FILE *null = fopen("/dev/null", "w");
    if (null) {
        dup2(fileno(null), 2);
        fclose(null);
    }
}

START_TEST(test_debug_overflow_aborts)
{
    quiet();
    overflow_by_one();
}
END_TEST

START_TEST(test_debug_double_free_aborts)
{
    quiet();
    double_free();
}
END_TEST

START_TEST(test_debug_foreign_free_aborts)
{
    quiet();
    foreign_free();
}
END_TEST

START_TEST(test_debug_interior_free_aborts)
{
    quiet();
    interior_free();
}
END_TEST

START_TEST(test_debug_underrun_aborts)
{
    quiet();
    underrun_by_one();
}
END_TEST

/* Runs `fn` in a child whose stderr is a pipe; returns what it wrote, and checks it died of
 * SIGABRT. Works with and without CK_FORK. */
static void run_dying(void (*fn)(void), char *out, size_t len)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        fn();
        _exit(0);
    }
    close(fds[1]);
    size_t got = 0;
    ssize_t r;
    while (got < len - 1 && (r = read(fds[0], out + got, len - 1 - got)) > 0) {
        got += (size_t)r;
    }
    out[got] = '\0';
    close(fds[0]);
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT, "no abort; said: %s", out);
}

/* Runs fn in a child that must abort; checks that the message names the pointer the child
 * announced ("target 0x...") as `noun 0x...` and contains each of parts. */
static void expect_message(void (*fn)(void), const char *noun, const char *const parts[],
                           size_t nparts)
{
    char out[2048], named[96];
    void *p = NULL;
    run_dying(fn, out, sizeof out);
    const char *t = strstr(out, "target ");
    ck_assert_msg(t && sscanf(t, "target %p", &p) == 1, "no target in:\n%s", out);
    snprintf(named, sizeof named, "%s %p", noun, p);
    ck_assert_msg(strstr(strstr(out, "fatal"), named) != NULL, "\"%s\" missing from:\n%s",
                  named, out);
    for (size_t i = 0; i < nparts; i++) {
        ck_assert_msg(strstr(out, parts[i]) != NULL, "\"%s\" missing from:\n%s", parts[i], out);
    }
}

START_TEST(test_debug_messages_name_the_block)
{
    const char *overflow[] = {"fatal error in the debug allocator", "pr_mem_free",
                              "buffer overflow of", "requested size 24 bytes",
                              "size class 7 (64-byte blocks)", "byte 24 (0 past the end)"};
    expect_message(overflow_by_one, "block", overflow, sizeof overflow / sizeof *overflow);
    const char *twice[] = {"double free of", "requested size 24 bytes",
                           "size class 7 (64-byte blocks)"};
    expect_message(double_free, "block", twice, sizeof twice / sizeof *twice);
    const char *emptied[] = {"pr_mem_free", "a pool with no block in use (freed twice?)"};
    expect_message(double_free_emptied, "foreign pointer", emptied,
                   sizeof emptied / sizeof *emptied);
    const char *foreign[] = {"foreign pointer", "neither in an arena nor a live large block"};
    expect_message(foreign_free, "foreign pointer", foreign, sizeof foreign / sizeof *foreign);
    const char *interior[] = {"foreign pointer", "lies in an arena but not where a block"};
    expect_message(interior_free, "foreign pointer", interior, sizeof interior / sizeof *interior);
    const char *under[] = {"buffer underrun of", "requested size 1000 bytes", "large block"};
    expect_message(underrun_by_one, "block", under, sizeof under / sizeof *under);
    const char *large_twice[] = {"foreign pointer", "or a large block freed twice"};
    expect_message(large_double_free, "foreign pointer", large_twice, sizeof large_twice / sizeof *large_twice);
}
END_TEST

START_TEST(test_debug_fills_and_poisons)
{
    start("debug");
    unsigned char *p = pr_mem_alloc(30);
    for (int i = 0; i < 30; i++) {
        ck_assert_uint_eq(p[i], 0xCD);
    }
    ck_assert_uint_eq(pr_mem_usable_size(p), 30);
    void *keep = pr_mem_alloc(30);
    memset(p, 1, 30);
    pr_mem_free(p);
    for (int i = 0; i < 30; i++) { /* still in a live pool: we may look */
        ck_assert_uint_eq(p[i], 0xDD);
    }
    PrMemStats s = stats_now();
    ck_assert_uint_eq(s.serialno, 2);
    pr_mem_free(keep);
}
END_TEST

/* ============================================================================================
 *  Exhaustion
 * ============================================================================================ */

/* With the k-th raw request failing, allocate until NULL: the allocator stays consistent, holds
 * nothing it does not account for, and works again once memory comes back. */
static void exhaust_after(const char *preset, long k)
{
    PrRawStats before, after;
    pr_mem_finalize();
    pr_raw_stats(&before);
    start(preset);
    size_t n = 0;
    pr_raw_fail_after(k);
    while (n < 150000 && (blocks[n] = pr_mem_alloc(n % 3 == 0 ? 700 : 64)) != NULL) {
        n++;
    }
    pr_raw_fail_after(-1);
    ck_assert_uint_lt(n, 150000);
    assert_consistent();
    PrMemStats s = stats_now();
    pr_raw_stats(&after);
    ck_assert_uint_eq(after.mapped_bytes - before.mapped_bytes, expected_mapped(&s));
    for (size_t i = 0; i < 2000; i++) {
        blocks[n] = pr_mem_alloc(64);
        REQUIRE(blocks[n], "no block after the failure");
        n++;
    }
    while (n) {
        pr_mem_free(blocks[--n]);
    }
    assert_consistent();
    ck_assert_uint_eq(stats_now().blocks_in_use, 0);
    ck_assert_uint_eq(stats_now().large_blocks, 0);
    ck_assert_uint_eq(pr_mem_finalize(), 0);
}

START_TEST(test_exhaustion_is_clean)
{
    for (long k = 0; k < 40; k++) {
        exhaust_after("py33", k);
    }
    for (long k = 0; k < 12; k++) {
        exhaust_after("py310", k * 3);
        exhaust_after("py24", k * 3);
        exhaust_after("debug", k * 3);
        exhaust_after("malloc", k * 3);
    }
}
END_TEST

START_TEST(test_failed_realloc_keeps_block)
{
    start("py33");
    unsigned char *p = pr_mem_alloc(100);
    fill(p, 100, 7);
    pr_raw_fail_after(0);
    ck_assert_ptr_null(pr_mem_realloc(p, 100000));
    ck_assert_ptr_null(pr_mem_alloc(5000));
    pr_raw_fail_after(-1);
    expect(p, 100, 7);
    unsigned char *q = pr_mem_realloc(p, 100000);
    ck_assert_ptr_nonnull(q);
    expect(q, 100, 7);
    pr_raw_fail_after(0);
    ck_assert_ptr_null(pr_mem_realloc(q, 200000));
    pr_raw_fail_after(-1);
    expect(q, 100, 7);
    pr_mem_free(q);
    assert_consistent();
}
END_TEST

/* ============================================================================================
 *  The suite
 * ============================================================================================ */

static int forking(void)
{
    const char *f = getenv("CK_FORK");
    return !f || strcmp(f, "no") != 0;
}

Suite *pr_test_memory_suite(void)
{
    Suite *s = suite_create("memory");
    TCase *core = tcase_create("core");
    tcase_add_checked_fixture(core, NULL, teardown);
    tcase_set_timeout(core, 60);
    tcase_add_loop_test(core, test_every_class_of_every_preset, 0, (int)NPRESETS);
    tcase_add_test(core, test_class_arithmetic);
    tcase_add_test(core, test_stats_match_model_py33);
    tcase_add_test(core, test_stats_match_model_other_presets);
    tcase_add_test(core, test_rss_returns_py33);
    tcase_add_test(core, test_py24_never_returns);
    tcase_add_test(core, test_py25_frees_to_malloc);
    tcase_add_test(core, test_py310_keeps_one_spare);
    tcase_add_test(core, test_survivor_keeps_arena);
    tcase_add_test(core, test_fullest_arena_first);
    tcase_add_test(core, test_unordered_arenas);
    tcase_add_test(core, test_large_blocks_counted);
    tcase_add_test(core, test_realloc_across_threshold);
    tcase_add_test(core, test_realloc_in_place);
    tcase_add_test(core, test_locate);
    tcase_add_test(core, test_locate_alignment_slack);
    tcase_add_test(core, test_print_layout);
    tcase_add_test(core, test_print_py310_geometry);
    tcase_add_test(core, test_config_errors);
    tcase_add_test(core, test_config_values);
    tcase_add_test(core, test_config_env_and_init);
    tcase_add_test(core, test_debug_messages_name_the_block);
    tcase_add_test(core, test_debug_fills_and_poisons);
    tcase_add_test(core, test_exhaustion_is_clean);
    tcase_add_test(core, test_failed_realloc_keeps_block);
    suite_add_tcase(s, core);
    if (forking()) { /* a test that must abort needs a process of its own */
        TCase *fatal = tcase_create("debug_fatal");
        tcase_add_checked_fixture(fatal, NULL, teardown);
        tcase_add_test_raise_signal(fatal, test_debug_overflow_aborts, SIGABRT);
        tcase_add_test_raise_signal(fatal, test_debug_double_free_aborts, SIGABRT);
        tcase_add_test_raise_signal(fatal, test_debug_foreign_free_aborts, SIGABRT);
        tcase_add_test_raise_signal(fatal, test_debug_interior_free_aborts, SIGABRT);
        tcase_add_test_raise_signal(fatal, test_debug_underrun_aborts, SIGABRT);
        suite_add_tcase(s, fatal);
    }
    return s;
}
