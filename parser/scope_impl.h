/* parser/scope_impl.h — private to parser/scope.c, scope_table.c and scope_resolve.c: the parts
 * of a block and a table that only scope analysis touches, and the helpers the three share.
 * The public surface is parser/scope.h. */
#ifndef PR_PARSER_SCOPE_IMPL_H
#define PR_PARSER_SCOPE_IMPL_H

#include "parser/scope.h"

#include <stdint.h>

/* Where a global/nonlocal statement (or the target of a := that acts as one) declared a name:
 * CPython reports the errors found while resolving at the first such place. */
typedef struct PrScopeDirective {
    const char *name; /* interned */
    int lineno, col_offset, end_lineno, end_col_offset;
    struct PrScopeDirective *next;
} PrScopeDirective;

/* Which comprehension a block is (for "'yield' inside list comprehension" and :=). */
typedef enum PrCompKind {
    PR_COMP_NONE,
    PR_COMP_LIST,
    PR_COMP_SET,
    PR_COMP_DICT,
    PR_COMP_GENEXPR,
} PrCompKind;

struct PrScopePriv {
    struct PrScopeTable *table;
    size_t sym_cap;   /* capacity of scope->symbols */
    uint32_t *index;  /* open addressing over symbols: i + 1, 0 = empty */
    size_t index_cap; /* a power of two, or 0 */
    size_t child_cap;
    PrScopeDirective *directives; /* in the order they were met */
    PrScopeDirective **directives_end;
    PrCompKind comprehension;
    int comp_iter_target; /* visiting a comprehension's target: names get DEF_COMP_ITER */
    int comp_iter_expr;   /* > 0 while visiting a comprehension's iterable */
    int loops;            /* for/while bodies around the statement being visited */
};

typedef struct PrScopeNodeEntry {
    const void *node;
    PrScope *scope;
} PrScopeNodeEntry;

struct PrScopeTablePriv {
    PrArena *arena;
    const char **names; /* interned names: open addressing by content */
    size_t names_cap, names_len;
    PrScopeNodeEntry *nodes; /* node -> block: open addressing by address */
    size_t nodes_cap, nodes_len;
};

/* A new table with an empty module-less state. Returns: NULL when out of memory. */
PrScopeTable *pr_scope_table_new(PrArena *arena, const char *filename);

/* A new block under parent (NULL for the module), registered for node and appended to
 * parent's children. Returns: NULL when out of memory. */
PrScope *pr_scope_new_block(PrScopeTable *t, PrScope *parent, PrScopeKind kind, const char *name,
                            const void *node, int lineno, int col, int end_lineno, int end_col);

/* The interned copy of s[0..len). Returns: NULL when out of memory. */
const char *pr_scope_intern(PrScopeTable *t, const char *s, size_t len);

/* The symbol for an interned name, or NULL. */
PrSymbol *pr_scope_find(const PrScope *s, const char *interned);

/* The symbol for an interned name, added (flags 0, unresolved) at the end if absent.
 * Returns: NULL when out of memory. */
PrSymbol *pr_scope_find_or_add(PrScope *s, const char *interned);

/* The second pass: resolves every symbol of every block and numbers the slots.
 * Returns: 0, or -1 with *err set (a SyntaxError, or out of memory). */
int pr_scope_resolve(PrScopeTable *t, PrSyntaxError *err);

/* Finds the block error ('return'/'yield' outside function, 'break'/'continue' outside loop)
 * that CPython's compiler meets first, walking mod in the compiler's order (scope_check.c).
 * Returns: -1 with *err set when there is one, else 0. */
int pr_scope_check_blocks(const PrAstMod *mod, const PrScopeTable *t, PrSyntaxError *err);

/* Fills *err with a SyntaxError at an AST position (0-based byte columns, as the AST has them). */
void pr_scope_error_at(PrSyntaxError *err, const PrScopeTable *t, int lineno, int col,
                       int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Fills *err for an allocation that failed. */
void pr_scope_error_nomem(PrSyntaxError *err, const PrScopeTable *t);

#endif
