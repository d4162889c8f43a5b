/* tests/unit/objtest.h — what the object-model suites share: a fixture that starts the
 * interpreter and proves at teardown that the allocator holds exactly the blocks it held before,
 * and checks for text, refcounts and raised exceptions. Static inline: each suite uses a part. */
#ifndef PR_TESTS_UNIT_OBJTEST_H
#define PR_TESTS_UNIT_OBJTEST_H

#include "memory/freelist.h"
#include "memory/obmalloc.h"
#include "memory/raw.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "tests/unit/suites.h"
#include "vm/errors.h"
#include "vm/interp.h"

#include <string.h>

/* Blocks the allocator has handed out, small and large. */
static inline size_t objtest_blocks(void)
{
    PrMemStats s;
    pr_mem_stats(&s);
    return s.blocks_in_use + s.large_blocks;
}

/* Empties every free list (memory/freelist.h), so that a count of blocks sees only live objects. */
static inline void objtest_clear_free_lists(void)
{
    pr_freelists_clear_all(PR_FREELISTS_ALL);
}

static size_t objtest_start_blocks;

static inline void objtest_setup(void)
{
    objtest_start_blocks = objtest_blocks();
    ck_assert_int_eq(pr_interp_init(), 0);
}

/* Every test ends with the allocator as it found it: nothing leaked, nothing freed twice. */
static inline void objtest_teardown(void)
{
    pr_raw_fail_after(-1);
    ck_assert_msg(!pr_err_occurred(), "an exception was left pending");
    pr_interp_finalize();
    ck_assert_uint_eq(objtest_blocks(), objtest_start_blocks);
}

/* The same with every request going to the raw layer, where pr_raw_fail_after can refuse any
 * one of them. */
static inline void objtest_setup_malloc(void)
{
    PrMemConfig cfg;
    char err[128];
    pr_mem_finalize();
    ck_assert_int_eq(pr_mem_config_preset(&cfg, "malloc", err, sizeof err), 0);
    ck_assert_int_eq(pr_mem_init(&cfg), 0);
    objtest_setup();
}

/* Checks that s (a new reference, released here) is a str with the text expected. */
#define ASSERT_TEXT(s, expected) objtest_assert_text((s), (expected), __LINE__)
static inline void objtest_assert_text(PrObject *s, const char *expected, int line)
{
    ck_assert_msg(s != NULL, "line %d: NULL (expected \"%s\")", line, expected);
    ck_assert_msg(PR_STR_CHECK(s), "line %d: not a str", line);
    ck_assert_msg(strcmp(pr_str_utf8(s), expected) == 0, "line %d: got \"%s\", expected \"%s\"",
                  line, pr_str_utf8(s), expected);
    PR_DECREF(s);
}

#define ASSERT_REPR(o, expected) objtest_assert_text(pr_object_repr(o), (expected), __LINE__)
#define ASSERT_STR(o, expected) objtest_assert_text(pr_object_str(o), (expected), __LINE__)

/* Checks repr(o) and releases o (a new reference). */
#define ASSERT_REPR_STEAL(o, expected) objtest_assert_repr_steal((o), (expected), __LINE__)
static inline void objtest_assert_repr_steal(PrObject *o, const char *expected, int line)
{
    ck_assert_msg(o != NULL, "line %d: NULL (expected %s)", line, expected);
    objtest_assert_text(pr_object_repr(o), expected, line);
    PR_DECREF(o);
}

/* Checks that exactly an exception of class type (not a subclass) is pending with str() msg,
 * and clears it. */
#define ASSERT_RAISED(type, msg) objtest_assert_raised((type), (msg), __LINE__)
static inline void objtest_assert_raised(PrType *type, const char *msg, int line)
{
    PrObject *exc = pr_err_fetch();
    ck_assert_msg(exc != NULL, "line %d: no exception pending (expected %s)", line, type->name);
    ck_assert_msg(exc->type == type, "line %d: %s raised, expected %s", line, exc->type->name,
                  type->name);
    if (msg) {
        objtest_assert_text(pr_object_str(exc), msg, line);
    }
    PR_DECREF(exc);
}

/* A str from a C literal, checked. */
static inline PrObject *objtest_str(const char *s)
{
    PrObject *o = pr_str_from_cstr(s);
    ck_assert_ptr_nonnull(o);
    return o;
}

#endif
