/* memory/memconfig.c — the allocator's configuration: the presets, each `-X` knob alone, the
 * checks of how knobs fit together, and $PYRENAMALLOC. It only fills PrMemConfig structs;
 * pr_mem_init (obmalloc.c) puts one to work. The constraints it checks are explained in §7 of
 * the essay at the top of memory/obmalloc.c; the presets are DESIGN.md's table. */
#include "memory/obmalloc.h"

#include "memory/obmalloc_impl.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KIB PR_MEM_KIB
#define MIB PR_MEM_MIB
#define GIB ((size_t)1 << 30)

#define MIN_POOL PR_MEM_MIN_POOL
#define MAX_POOL PR_MEM_MAX_POOL
#define MIN_ARENA PR_MEM_MIN_ARENA
#define MAX_ARENA PR_MEM_MAX_ARENA
#define MIN_POOLS_PER_ARENA PR_MEM_MIN_POOLS_PER_ARENA

/* ============================================================================================
 *  Names of the policies
 * ============================================================================================ */

static const char *const release_names[] = {"always", "never", "keep1"};
static const char *const order_names[] = {"fullest", "none"};
static const char *const source_names[] = {"mmap", "malloc"};
_Static_assert(sizeof release_names / sizeof *release_names == PR_MEM_RELEASE_KEEP1 + 1,
               "one name per release policy");
_Static_assert(sizeof order_names / sizeof *order_names == PR_MEM_ORDER_NONE + 1,
               "one name per arena order");
_Static_assert(sizeof source_names / sizeof *source_names == PR_MEM_SOURCE_MALLOC + 1,
               "one name per arena source");

/* Index of `value` in names[0..n), or -1. */
static int name_index(const char *const *names, int n, const char *value)
{
    for (int i = 0; i < n; i++) {
        if (strcmp(names[i], value) == 0) {
            return i;
        }
    }
    return -1;
}

/* ============================================================================================
 *  Presets
 * ============================================================================================ */

typedef struct Preset {
    const char *name;
    const char *alias_of; /* NULL, or the preset this name stands for */
    PrMemConfig cfg;
} Preset;

static const Preset presets[] = {
    {"py24", NULL,
     {"py24", 256 * KIB, 4 * KIB, 8, 256, PR_MEM_RELEASE_NEVER, PR_MEM_ORDER_NONE,
      PR_MEM_SOURCE_MALLOC, 0}},
    {"py25", NULL,
     {"py25", 256 * KIB, 4 * KIB, 8, 256, PR_MEM_RELEASE_ALWAYS, PR_MEM_ORDER_FULLEST,
      PR_MEM_SOURCE_MALLOC, 0}},
    {"py33", NULL,
     {"py33", 256 * KIB, 4 * KIB, 8, 512, PR_MEM_RELEASE_ALWAYS, PR_MEM_ORDER_FULLEST,
      PR_MEM_SOURCE_MMAP, 0}},
    {"py310", NULL,
     {"py310", MIB, 16 * KIB, 16, 512, PR_MEM_RELEASE_KEEP1, PR_MEM_ORDER_FULLEST,
      PR_MEM_SOURCE_MMAP, 0}},
    {"malloc", NULL,
     {"malloc", 256 * KIB, 4 * KIB, 16, 0, PR_MEM_RELEASE_ALWAYS, PR_MEM_ORDER_FULLEST,
      PR_MEM_SOURCE_MMAP, 0}},
    {"debug", NULL,
     {"debug", 256 * KIB, 4 * KIB, 8, 512, PR_MEM_RELEASE_ALWAYS, PR_MEM_ORDER_FULLEST,
      PR_MEM_SOURCE_MMAP, 1}},
    /* CPython's PYTHONMALLOC names. */
    {"pymalloc", "py33", {0}},
    {"pymalloc_debug", "debug", {0}},
    {"malloc_debug", "malloc", {0}},
};

#define PRESET_LIST "py24, py25, py33, py310, malloc, debug"

static const Preset *preset_find(const char *name)
{
    for (size_t i = 0; i < sizeof presets / sizeof *presets; i++) {
        if (strcmp(presets[i].name, name) == 0) {
            return presets[i].alias_of ? preset_find(presets[i].alias_of) : &presets[i];
        }
    }
    return NULL;
}

/* Fills *cfg from a preset name, or returns -1. malloc_debug is malloc with the debug checks. */
static int preset_apply(PrMemConfig *cfg, const char *name)
{
    const Preset *p = preset_find(name);
    if (!p) {
        return -1;
    }
    *cfg = p->cfg;
    if (strcmp(name, "malloc_debug") == 0) {
        cfg->debug = 1;
        cfg->preset = "malloc_debug";
    }
    return 0;
}

void pr_mem_config_default(PrMemConfig *cfg)
{
    (void)preset_apply(cfg, "py33");
}

/* ============================================================================================
 *  Messages
 * ============================================================================================ */

static void say(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    if (!err || !errlen) {
        return;
    }
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* Writes a size the way a user would type it: 256K, 1M, or plain bytes. */
static const char *size_text(size_t n, char *buf, size_t len)
{
    if (n && n % MIB == 0) {
        snprintf(buf, len, "%zuM", n / MIB);
    } else if (n && n % KIB == 0) {
        snprintf(buf, len, "%zuK", n / KIB);
    } else {
        snprintf(buf, len, "%zu", n);
    }
    return buf;
}

/* ============================================================================================
 *  One knob at a time
 * ============================================================================================ */

/* Parses "262144", "256K", "256k", "1M", "1MiB", "1G". Returns: 0, or -1 if not a size. */
static int parse_size(const char *s, size_t *out)
{
    size_t n = 0, unit = 1;
    if (!isdigit((unsigned char)*s)) {
        return -1;
    }
    for (; isdigit((unsigned char)*s); s++) {
        if (n > (SIZE_MAX - 9) / 10) {
            return -1;
        }
        n = n * 10 + (size_t)(*s - '0');
    }
    switch (toupper((unsigned char)*s)) {
    case 'K': unit = KIB; s++; break;
    case 'M': unit = MIB; s++; break;
    case 'G': unit = GIB; s++; break;
    default: break;
    }
    if (unit > 1 && (strcmp(s, "iB") == 0 || strcmp(s, "B") == 0)) {
        s += strlen(s);
    }
    if (*s || n > SIZE_MAX / unit) {
        return -1;
    }
    *out = n * unit;
    return 0;
}

static int is_pow2(size_t n)
{
    return n && (n & (n - 1)) == 0;
}

/* Each setter changes its field or returns the reason it cannot. */
typedef const char *(*KnobSetter)(PrMemConfig *cfg, const char *value);

static const char *set_malloc(PrMemConfig *cfg, const char *value)
{
    return preset_apply(cfg, value) < 0 ? "unknown allocator preset (choose " PRESET_LIST ")"
                                        : NULL;
}

static const char *set_arena_size(PrMemConfig *cfg, const char *value)
{
    size_t n;
    if (parse_size(value, &n) < 0) {
        return "expected a size such as 262144, 256K or 1M";
    }
    if (!is_pow2(n)) {
        return "the arena size must be a power-of-two multiple of the pool size";
    }
    if (n < MIN_ARENA || n > MAX_ARENA) {
        return "the arena size must be between 64K and 64M";
    }
    cfg->arena_size = n;
    return NULL;
}

static const char *set_pool_size(PrMemConfig *cfg, const char *value)
{
    size_t n;
    if (parse_size(value, &n) < 0) {
        return "expected a size such as 4096, 4K or 16K";
    }
    if (!is_pow2(n) || n < MIN_POOL || n > MAX_POOL) {
        return "the pool size must be a power of two between 1K and 1M";
    }
    cfg->pool_size = n;
    return NULL;
}

static const char *set_align(PrMemConfig *cfg, const char *value)
{
    if (strcmp(value, "8") != 0 && strcmp(value, "16") != 0) {
        return "the alignment must be 8 or 16";
    }
    cfg->align = (size_t)atoi(value);
    return NULL;
}

static const char *set_threshold(PrMemConfig *cfg, const char *value)
{
    size_t n;
    if (parse_size(value, &n) < 0) {
        return "expected a size in bytes such as 256 or 512";
    }
    if (n > PR_MEM_MAX_THRESHOLD || n % 8) {
        return "the threshold must be a multiple of 8 from 0 (no pools) to 1024";
    }
    cfg->threshold = n;
    return NULL;
}

static const char *set_release(PrMemConfig *cfg, const char *value)
{
    int i = name_index(release_names, PR_MEM_RELEASE_KEEP1 + 1, value);
    if (i < 0) {
        return "expected always, never or keep1";
    }
    cfg->arena_release = (PrMemRelease)i;
    return NULL;
}

static const char *set_order(PrMemConfig *cfg, const char *value)
{
    int i = strcmp(value, "address") == 0 ? PR_MEM_ORDER_NONE
                                          : name_index(order_names, PR_MEM_ORDER_NONE + 1, value);
    if (i < 0) {
        return "expected fullest, none or address";
    }
    cfg->arena_order = (PrMemOrder)i;
    return NULL;
}

static const char *set_source(PrMemConfig *cfg, const char *value)
{
    int i = name_index(source_names, PR_MEM_SOURCE_MALLOC + 1, value);
    if (i < 0) {
        return "expected mmap or malloc";
    }
    cfg->arena_source = (PrMemSource)i;
    return NULL;
}

static const char *set_debug(PrMemConfig *cfg, const char *value)
{
    static const char *const on[] = {"1", "on", "yes"};
    static const char *const off[] = {"0", "off", "no"};
    if (name_index(on, 3, value) >= 0) {
        cfg->debug = 1;
    } else if (name_index(off, 3, value) >= 0) {
        cfg->debug = 0;
    } else {
        return "expected on or off";
    }
    return NULL;
}

static const struct {
    const char *key;
    KnobSetter set;
} knobs[] = {
    {"malloc", set_malloc},          {"arena_size", set_arena_size},
    {"pool_size", set_pool_size},    {"align", set_align},
    {"threshold", set_threshold},    {"arena_release", set_release},
    {"arena_order", set_order},      {"arena_source", set_source},
    {"debug", set_debug},
};

static KnobSetter knob_find(const char *key)
{
    for (size_t i = 0; i < sizeof knobs / sizeof *knobs; i++) {
        if (strcmp(knobs[i].key, key) == 0) {
            return knobs[i].set;
        }
    }
    return NULL;
}

int pr_mem_config_is_key(const char *key)
{
    return knob_find(key) != NULL;
}

int pr_mem_config_set(PrMemConfig *cfg, const char *key, const char *value, char *err,
                      size_t errlen)
{
    KnobSetter set = knob_find(key);
    PrMemConfig tmp = *cfg;
    if (!set) {
        say(err, errlen,
            "pyrena: -X %s=%s: unknown allocator option (known: malloc, arena_size, pool_size, "
            "align, threshold, arena_release, arena_order, arena_source, debug)",
            key, value);
        return -1;
    }
    const char *why = set(&tmp, value);
    if (why) {
        say(err, errlen, "pyrena: -X %s=%s: %s", key, value, why);
        return -1;
    }
    *cfg = tmp;
    return 0;
}

int pr_mem_config_preset(PrMemConfig *cfg, const char *name, char *err, size_t errlen)
{
    if (preset_apply(cfg, name) < 0) {
        say(err, errlen, "pyrena: unknown allocator preset '%s' (choose %s)", name, PRESET_LIST);
        return -1;
    }
    return 0;
}

int pr_mem_config_from_env(PrMemConfig *cfg, char *err, size_t errlen)
{
    const char *name = getenv(PR_MEM_ENV);
    if (!name || !*name) {
        return 0;
    }
    if (preset_apply(cfg, name) < 0) {
        say(err, errlen, "pyrena: %s=%s: unknown allocator preset (choose %s)", PR_MEM_ENV, name,
            PRESET_LIST);
        return -1;
    }
    return 0;
}

/* ============================================================================================
 *  How the knobs fit together
 * ============================================================================================ */

/* Checks one knob's own range again, for configs not built with pr_mem_config_set. */
static int check_alone(const PrMemConfig *cfg, char *err, size_t errlen)
{
    char a[32], p[32];
    if (cfg->align != 8 && cfg->align != 16) {
        say(err, errlen, "pyrena: -X align=%zu: the alignment must be 8 or 16", cfg->align);
        return -1;
    }
    if (cfg->threshold > PR_MEM_MAX_THRESHOLD) {
        say(err, errlen, "pyrena: -X threshold=%zu: the threshold must be at most %d",
            cfg->threshold, PR_MEM_MAX_THRESHOLD);
        return -1;
    }
    if (!is_pow2(cfg->pool_size) || cfg->pool_size < MIN_POOL || cfg->pool_size > MAX_POOL) {
        say(err, errlen,
            "pyrena: -X pool_size=%s: the pool size must be a power of two between 1K and 1M",
            size_text(cfg->pool_size, p, sizeof p));
        return -1;
    }
    if (!is_pow2(cfg->arena_size) || cfg->arena_size < MIN_ARENA || cfg->arena_size > MAX_ARENA) {
        say(err, errlen,
            "pyrena: -X arena_size=%s: the arena size must be a power of two between 64K and 64M",
            size_text(cfg->arena_size, a, sizeof a));
        return -1;
    }
    return 0;
}

int pr_mem_config_check(const PrMemConfig *cfg, char *err, size_t errlen)
{
    char a[32], p[32];
    if (cfg->threshold == 0 && (cfg->align == 8 || cfg->align == 16)) {
        return 0; /* no pools: the geometry is unused */
    }
    if (check_alone(cfg, err, errlen) < 0) {
        return -1;
    }
    size_text(cfg->arena_size, a, sizeof a);
    size_text(cfg->pool_size, p, sizeof p);
    if (cfg->threshold % cfg->align) {
        say(err, errlen, "pyrena: -X threshold=%zu: the threshold must be a multiple of the "
            "alignment (align=%zu)", cfg->threshold, cfg->align);
        return -1;
    }
    if (cfg->arena_size < cfg->pool_size) {
        say(err, errlen, "pyrena: -X arena_size=%s: the arena size must be a power-of-two "
            "multiple of the pool size (pool_size=%s)", a, p);
        return -1;
    }
    if (cfg->arena_size / cfg->pool_size < MIN_POOLS_PER_ARENA) {
        say(err, errlen, "pyrena: -X arena_size=%s: an arena must hold at least %d pools "
            "(pool_size=%s)", a, MIN_POOLS_PER_ARENA, p);
        return -1;
    }
    if (cfg->pool_size < PR_MEM_POOL_HEADER + 2 * cfg->threshold) {
        say(err, errlen, "pyrena: -X pool_size=%s: a pool must hold its %d-byte header and two "
            "blocks of the largest size class (threshold=%zu)", p, PR_MEM_POOL_HEADER,
            cfg->threshold);
        return -1;
    }
    return 0;
}

void pr_mem_config_format(const PrMemConfig *cfg, char *buf, size_t buflen)
{
    char a[32], p[32];
    snprintf(buf, buflen,
             "malloc=%s arena_size=%s pool_size=%s align=%zu threshold=%zu arena_release=%s "
             "arena_order=%s arena_source=%s debug=%s",
             cfg->preset ? cfg->preset : "py33", size_text(cfg->arena_size, a, sizeof a),
             size_text(cfg->pool_size, p, sizeof p), cfg->align, cfg->threshold,
             release_names[cfg->arena_release], order_names[cfg->arena_order],
             source_names[cfg->arena_source], cfg->debug ? "on" : "off");
}
