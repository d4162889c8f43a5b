/* parser/arena.h — the compile-time arena: AST nodes, sequences and decoded strings are bump-
 * allocated from big chunks taken from the raw layer (memory/raw.h) and all released at once by
 * pr_arena_free. Nothing is freed one by one. Not the object allocator (memory/obmalloc.h):
 * nothing here is a Python object, and nothing outlives the compilation that made it. */
#ifndef PR_PARSER_ARENA_H
#define PR_PARSER_ARENA_H

#include <stddef.h>

typedef struct PrArena PrArena;

/* Size of an ordinary chunk; a request bigger than a quarter of it gets a chunk of its own. */
#define PR_ARENA_CHUNK_SIZE (64 * 1024)

/* Returns: a new, empty arena (it holds no chunk yet), or NULL when out of memory. */
PrArena *pr_arena_new(void);

/* Releases every chunk and the arena itself. NULL is ignored. */
void pr_arena_free(PrArena *arena);

/* Returns: n bytes aligned for any object type, uninitialised, valid until pr_arena_free;
 * NULL when out of memory (the arena stays usable). */
void *pr_arena_alloc(PrArena *arena, size_t n);

/* Returns: n zeroed bytes, as pr_arena_alloc otherwise. */
void *pr_arena_calloc(PrArena *arena, size_t n);

/* Returns: a NUL-terminated copy of s[0..n) (s may contain NULs), or NULL when out of memory. */
char *pr_arena_strndup(PrArena *arena, const char *s, size_t n);

/* Returns: bytes the arena holds from the raw layer, headers included (for teaching: what a
 * compilation costs). */
size_t pr_arena_size(const PrArena *arena);

/* Returns: bytes handed out by pr_arena_alloc so far (without alignment padding). */
size_t pr_arena_used(const PrArena *arena);

#endif
