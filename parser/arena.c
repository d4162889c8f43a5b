/* parser/arena.c — bump allocation of compile-time data from chunks of the raw layer.
 * A chunk list, newest first; allocation moves a pointer in the newest chunk and takes a new
 * chunk when it does not fit. Big requests get a chunk of their own, linked *behind* the
 * current one so the space left in the current chunk is not wasted. See parser/arena.h. */
#include "parser/arena.h"

#include "memory/raw.h"

#include <stdalign.h>
#include <stddef.h>
#include <string.h>

#define ALIGN (alignof(max_align_t))

typedef struct Chunk {
    struct Chunk *next;
    size_t size; /* bytes of data[] */
    size_t used;
    alignas(max_align_t) unsigned char data[];
} Chunk;

struct PrArena {
    Chunk *head;
    size_t held; /* bytes obtained from the raw layer, the arena struct included */
    size_t used; /* bytes handed out */
};

_Static_assert((PR_ARENA_CHUNK_SIZE % 4096) == 0, "chunks are a whole number of pages");

PrArena *pr_arena_new(void)
{
    PrArena *arena = pr_raw_malloc(sizeof *arena);
    if (!arena) {
        return NULL;
    }
    arena->head = NULL;
    arena->held = sizeof *arena;
    arena->used = 0;
    return arena;
}

void pr_arena_free(PrArena *arena)
{
    if (!arena) {
        return;
    }
    Chunk *c = arena->head;
    while (c) {
        Chunk *next = c->next;
        pr_raw_free(c);
        c = next;
    }
    pr_raw_free(arena);
}

static Chunk *chunk_new(PrArena *arena, size_t size)
{
    Chunk *c = pr_raw_malloc(offsetof(Chunk, data) + size);
    if (!c) {
        return NULL;
    }
    c->size = size;
    c->used = 0;
    c->next = NULL;
    arena->held += offsetof(Chunk, data) + size;
    return c;
}

/* A request of more than a quarter chunk would waste the rest of the current chunk if it
 * started a new one; it gets an exact-size chunk placed second in the list instead. */
static void *alloc_big(PrArena *arena, size_t n)
{
    Chunk *c = chunk_new(arena, n);
    if (!c) {
        return NULL;
    }
    c->used = n;
    if (arena->head) {
        c->next = arena->head->next;
        arena->head->next = c;
    } else {
        arena->head = c;
    }
    return c->data;
}

void *pr_arena_alloc(PrArena *arena, size_t n)
{
    size_t rounded = (n + ALIGN - 1) & ~(ALIGN - 1);
    if (rounded < n) {
        return NULL; /* overflow */
    }
    if (rounded > PR_ARENA_CHUNK_SIZE / 4) {
        void *big = alloc_big(arena, rounded);
        arena->used += big ? n : 0;
        return big;
    }
    Chunk *c = arena->head;
    if (!c || c->size - c->used < rounded) {
        c = chunk_new(arena, PR_ARENA_CHUNK_SIZE - offsetof(Chunk, data));
        if (!c) {
            return NULL;
        }
        c->next = arena->head;
        arena->head = c;
    }
    void *p = c->data + c->used;
    c->used += rounded;
    arena->used += n;
    return p;
}

void *pr_arena_calloc(PrArena *arena, size_t n)
{
    void *p = pr_arena_alloc(arena, n);
    if (p) {
        memset(p, 0, n);
    }
    return p;
}

char *pr_arena_strndup(PrArena *arena, const char *s, size_t n)
{
    char *p = pr_arena_alloc(arena, n + 1);
    if (p) {
        if (n) {
            memcpy(p, s, n);
        }
        p[n] = '\0';
    }
    return p;
}

size_t pr_arena_size(const PrArena *arena)
{
    return arena ? arena->held : 0;
}

size_t pr_arena_used(const PrArena *arena)
{
    return arena ? arena->used : 0;
}
