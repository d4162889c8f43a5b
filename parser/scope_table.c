/* parser/scope_table.c — the containers of scope analysis: interned names, each block's symbols
 * with their O(1) index, the node -> block map, lookups, mangling, names and the dump. All of it
 * is bump-allocated in the compile-time arena; a table that grows leaves its old array behind in
 * the arena (at most as much again). The analysis itself is in scope.c and scope_resolve.c. */
#include "parser/scope_impl.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------- */
/* Names                                                                                        */

static const char *const kind_names[] = {
#define SCOPE_KIND(UPPER, name, cpython) name,
#include "parser/scope.def"
};
_Static_assert(sizeof kind_names / sizeof kind_names[0] == PR_SCOPE__COUNT, "scope kinds");

const char *pr_scope_kind_name(PrScopeKind kind)
{
    return (unsigned)kind < PR_SCOPE__COUNT ? kind_names[kind] : "?";
}

const char *pr_sym_scope_name(PrSymScope scope)
{
    switch (scope) {
#define SYM_SCOPE(UPPER, value)                                                                    \
    case PR_SYM_##UPPER:                                                                           \
        return #UPPER;
#include "parser/scope.def"
    case PR_SYM_UNRESOLVED:
        break;
    }
    return "UNRESOLVED";
}

static const struct {
    unsigned bit;
    const char *name;
} flag_names[] = {
#define SYM_FLAG(UPPER, bit) {bit, #UPPER},
#include "parser/scope.def"
};

const char *pr_sym_flags_str(unsigned flags, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
        if (flags & flag_names[i].bit) {
            int w = snprintf(buf + len, n - len, "%s%s", len ? "|" : "", flag_names[i].name);
            if (w < 0 || (size_t)w >= n - len) {
                break;
            }
            len += (size_t)w;
        }
    }
    if (len == 0) {
        snprintf(buf, n, "-");
    }
    return buf;
}

/* ------------------------------------------------------------------------------------------- */
/* Hashing                                                                                      */

static uint64_t hash_bytes(const char *s, size_t len)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    }
    return h;
}

/* Interned names and nodes are distinct pointers: mixing the address is enough. */
static uint64_t hash_ptr(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdu;
    x ^= x >> 33;
    return x;
}

/* ------------------------------------------------------------------------------------------- */
/* The table and interned names                                                                 */

PrScopeTable *pr_scope_table_new(PrArena *arena, const char *filename)
{
    PrScopeTable *t = pr_arena_calloc(arena, sizeof *t);
    struct PrScopeTablePriv *p = pr_arena_calloc(arena, sizeof *p);
    if (!t || !p) {
        return NULL;
    }
    t->filename = filename;
    t->priv_ = p;
    p->arena = arena;
    return t;
}

static int grow_names(struct PrScopeTablePriv *p)
{
    size_t cap = p->names_cap ? p->names_cap * 2 : 256;
    const char **names = pr_arena_calloc(p->arena, cap * sizeof *names);
    if (!names) {
        return -1;
    }
    for (size_t i = 0; i < p->names_cap; i++) {
        const char *s = p->names[i];
        if (s) {
            size_t j = hash_bytes(s, strlen(s)) & (cap - 1);
            while (names[j]) {
                j = (j + 1) & (cap - 1);
            }
            names[j] = s;
        }
    }
    p->names = names;
    p->names_cap = cap;
    return 0;
}

/* Finds s in the intern table: the slot holding it, or the empty slot where it belongs. */
static size_t name_slot(const struct PrScopeTablePriv *p, const char *s, size_t len)
{
    size_t j = hash_bytes(s, len) & (p->names_cap - 1);
    while (p->names[j] && !(strncmp(p->names[j], s, len) == 0 && p->names[j][len] == '\0')) {
        j = (j + 1) & (p->names_cap - 1);
    }
    return j;
}

const char *pr_scope_intern(PrScopeTable *t, const char *s, size_t len)
{
    struct PrScopeTablePriv *p = t->priv_;
    if ((p->names_len + 1) * 2 > p->names_cap && grow_names(p) < 0) {
        return NULL;
    }
    size_t j = name_slot(p, s, len);
    if (!p->names[j]) {
        char *copy = pr_arena_strndup(p->arena, s, len);
        if (!copy) {
            return NULL;
        }
        p->names[j] = copy;
        p->names_len++;
    }
    return p->names[j];
}

/* The interned name equal to s, or NULL when no block mentions it (nothing is added). */
static const char *interned_or_null(const PrScopeTable *t, const char *s)
{
    const struct PrScopeTablePriv *p = t->priv_;
    if (p->names_cap == 0) {
        return NULL;
    }
    return p->names[name_slot(p, s, strlen(s))];
}

/* ------------------------------------------------------------------------------------------- */
/* Blocks and the node map                                                                      */

static int grow_nodes(struct PrScopeTablePriv *p)
{
    size_t cap = p->nodes_cap ? p->nodes_cap * 2 : 64;
    PrScopeNodeEntry *nodes = pr_arena_calloc(p->arena, cap * sizeof *nodes);
    if (!nodes) {
        return -1;
    }
    for (size_t i = 0; i < p->nodes_cap; i++) {
        if (p->nodes[i].node) {
            size_t j = hash_ptr(p->nodes[i].node) & (cap - 1);
            while (nodes[j].node) {
                j = (j + 1) & (cap - 1);
            }
            nodes[j] = p->nodes[i];
        }
    }
    p->nodes = nodes;
    p->nodes_cap = cap;
    return 0;
}

static int map_node(PrScopeTable *t, const void *node, PrScope *scope)
{
    struct PrScopeTablePriv *p = t->priv_;
    if ((p->nodes_len + 1) * 2 > p->nodes_cap && grow_nodes(p) < 0) {
        return -1;
    }
    size_t j = hash_ptr(node) & (p->nodes_cap - 1);
    while (p->nodes[j].node) {
        j = (j + 1) & (p->nodes_cap - 1);
    }
    p->nodes[j].node = node;
    p->nodes[j].scope = scope;
    p->nodes_len++;
    return 0;
}

PrScope *pr_scope_of(const PrScopeTable *t, const void *node)
{
    const struct PrScopeTablePriv *p = t->priv_;
    if (p->nodes_cap == 0 || !node) {
        return NULL;
    }
    size_t j = hash_ptr(node) & (p->nodes_cap - 1);
    while (p->nodes[j].node) {
        if (p->nodes[j].node == node) {
            return p->nodes[j].scope;
        }
        j = (j + 1) & (p->nodes_cap - 1);
    }
    return NULL;
}

static int add_child(PrArena *arena, PrScope *parent, PrScope *child)
{
    struct PrScopePriv *pp = parent->priv_;
    if (parent->nchildren == pp->child_cap) {
        size_t cap = pp->child_cap ? pp->child_cap * 2 : 4;
        PrScope **children = pr_arena_alloc(arena, cap * sizeof *children);
        if (!children) {
            return -1;
        }
        if (parent->nchildren) {
            memcpy(children, parent->children, parent->nchildren * sizeof *children);
        }
        parent->children = children;
        pp->child_cap = cap;
    }
    parent->children[parent->nchildren++] = child;
    return 0;
}

/* CPython's ste_nested: inside a function-like block, directly or through classes. */
static int nested_under(const PrScope *parent)
{
    return parent && (parent->is_nested ||
                      (parent->kind != PR_SCOPE_MODULE && parent->kind != PR_SCOPE_CLASS));
}

PrScope *pr_scope_new_block(PrScopeTable *t, PrScope *parent, PrScopeKind kind, const char *name,
                            const void *node, int lineno, int col, int end_lineno, int end_col)
{
    PrArena *arena = t->priv_->arena;
    PrScope *s = pr_arena_calloc(arena, sizeof *s);
    struct PrScopePriv *p = pr_arena_calloc(arena, sizeof *p);
    if (!s || !p) {
        return NULL;
    }
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->lineno = lineno;
    s->col_offset = col;
    s->end_lineno = end_lineno;
    s->end_col_offset = end_col;
    s->parent = parent;
    s->is_nested = nested_under(parent);
    s->priv_ = p;
    p->table = t;
    p->directives_end = &p->directives;
    /* A block starts inside its parent's comprehension iterable (bpo-37757: no := in there,
     * not even in a nested lambda or comprehension). */
    p->comp_iter_expr = parent ? parent->priv_->comp_iter_expr : 0;
    if (map_node(t, node, s) < 0 || (parent && add_child(arena, parent, s) < 0)) {
        return NULL;
    }
    t->nscopes++;
    return s;
}

/* ------------------------------------------------------------------------------------------- */
/* Symbols                                                                                      */

static int grow_index(PrArena *arena, PrScope *s)
{
    struct PrScopePriv *p = s->priv_;
    size_t cap = p->index_cap ? p->index_cap * 2 : 16;
    uint32_t *index = pr_arena_calloc(arena, cap * sizeof *index);
    if (!index) {
        return -1;
    }
    for (size_t i = 0; i < s->nsymbols; i++) {
        size_t j = hash_ptr(s->symbols[i].name) & (cap - 1);
        while (index[j]) {
            j = (j + 1) & (cap - 1);
        }
        index[j] = (uint32_t)(i + 1);
    }
    p->index = index;
    p->index_cap = cap;
    return 0;
}

PrSymbol *pr_scope_find(const PrScope *s, const char *interned)
{
    const struct PrScopePriv *p = s->priv_;
    if (p->index_cap == 0) {
        return NULL;
    }
    size_t j = hash_ptr(interned) & (p->index_cap - 1);
    while (p->index[j]) {
        PrSymbol *sym = &s->symbols[p->index[j] - 1];
        if (sym->name == interned) {
            return sym;
        }
        j = (j + 1) & (p->index_cap - 1);
    }
    return NULL;
}

static int grow_symbols(PrArena *arena, PrScope *s)
{
    struct PrScopePriv *p = s->priv_;
    size_t cap = p->sym_cap ? p->sym_cap * 2 : 8;
    PrSymbol *symbols = pr_arena_alloc(arena, cap * sizeof *symbols);
    if (!symbols) {
        return -1;
    }
    if (s->nsymbols) {
        memcpy(symbols, s->symbols, s->nsymbols * sizeof *symbols);
    }
    s->symbols = symbols;
    p->sym_cap = cap;
    return 0;
}

PrSymbol *pr_scope_find_or_add(PrScope *s, const char *interned)
{
    PrSymbol *sym = pr_scope_find(s, interned);
    if (sym) {
        return sym;
    }
    struct PrScopePriv *p = s->priv_;
    PrArena *arena = p->table->priv_->arena;
    if (s->nsymbols == p->sym_cap && grow_symbols(arena, s) < 0) {
        return NULL;
    }
    if ((s->nsymbols + 1) * 2 > p->index_cap && grow_index(arena, s) < 0) {
        return NULL;
    }
    sym = &s->symbols[s->nsymbols++];
    sym->name = interned;
    sym->flags = 0;
    sym->scope = PR_SYM_UNRESOLVED;
    sym->param = -1;
    sym->slot = -1;
    size_t j = hash_ptr(interned) & (p->index_cap - 1);
    while (p->index[j]) {
        j = (j + 1) & (p->index_cap - 1);
    }
    p->index[j] = (uint32_t)s->nsymbols;
    return sym;
}

const PrSymbol *pr_scope_lookup(const PrScope *scope, const char *name)
{
    const char *interned = interned_or_null(scope->priv_->table, name);
    return interned ? pr_scope_find(scope, interned) : NULL;
}

/* ------------------------------------------------------------------------------------------- */
/* Mangling                                                                                     */

/* _Py_Mangle: `__spam` inside class `_Ham` becomes `_Ham__spam`. */
const char *pr_scope_mangle(PrScopeTable *t, const PrScope *scope, const char *name)
{
    size_t len = strlen(name);
    const char *cls = scope ? scope->private_name : NULL;
    int mangle = cls && len > 2 && name[0] == '_' && name[1] == '_' &&
                 !(name[len - 1] == '_' && name[len - 2] == '_') && !strchr(name, '.');
    if (mangle) {
        while (*cls == '_') {
            cls++;
        }
        mangle = *cls != '\0'; /* a class named only with underscores mangles nothing */
    }
    if (!mangle) {
        return pr_scope_intern(t, name, len);
    }
    size_t clen = strlen(cls);
    char *buf = pr_arena_alloc(t->priv_->arena, 1 + clen + len + 1);
    if (!buf) {
        return NULL;
    }
    buf[0] = '_';
    memcpy(buf + 1, cls, clen);
    memcpy(buf + 1 + clen, name, len + 1);
    return pr_scope_intern(t, buf, 1 + clen + len);
}

/* ------------------------------------------------------------------------------------------- */
/* Errors                                                                                       */

void pr_scope_error_at(PrSyntaxError *err, const PrScopeTable *t, int lineno, int col,
                       int end_lineno, int end_col, const char *fmt, ...)
{
    va_list ap;
    memset(err, 0, sizeof *err);
    err->kind = PR_SYNERR_SYNTAX;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->filename = t->filename;
    err->lineno = lineno;
    err->offset = col + 1;
    err->end_lineno = end_lineno;
    err->end_offset = end_col + 1;
}

void pr_scope_error_nomem(PrSyntaxError *err, const PrScopeTable *t)
{
    memset(err, 0, sizeof *err);
    err->kind = PR_SYNERR_SYNTAX;
    snprintf(err->msg, sizeof err->msg, "out of memory");
    err->no_memory = 1;
    err->filename = t ? t->filename : NULL;
}

/* ------------------------------------------------------------------------------------------- */
/* Dump                                                                                         */

static void dump_header(FILE *out, const PrScope *s, int depth)
{
    fprintf(out, "%*s%s %s (line %d)", depth * 4, "", pr_scope_kind_name(s->kind), s->name,
            s->lineno);
    static const char *const props[] = {"nested",   "generator",  "varargs",       "varkw",
                                        "has_free", "child_free", "class_closure", "returns_value"};
    int on[] = {s->is_nested, s->is_generator, s->has_varargs,         s->has_varkw,
                s->has_free,  s->child_free,   s->needs_class_closure, s->returns_value};
    for (size_t i = 0; i < sizeof on / sizeof on[0]; i++) {
        if (on[i]) {
            fprintf(out, " %s", props[i]);
        }
    }
    fputc('\n', out);
    if (s->nparams) {
        fprintf(out, "%*s  params:", depth * 4, "");
        for (size_t i = 0; i < s->nsymbols; i++) {
            if (s->symbols[i].param >= 0) {
                fprintf(out, " %d:%s", s->symbols[i].param, s->symbols[i].name);
            }
        }
        fputc('\n', out);
    }
}

static void dump_scope(FILE *out, const PrScope *s, int depth)
{
    char flags[160];
    dump_header(out, s, depth);
    for (size_t i = 0; i < s->nsymbols; i++) {
        const PrSymbol *sym = &s->symbols[i];
        fprintf(out, "%*s  %s: %s %s", depth * 4, "", sym->name, pr_sym_scope_name(sym->scope),
                pr_sym_flags_str(sym->flags, flags, sizeof flags));
        if (sym->slot >= 0) {
            fprintf(out, " slot %d", sym->slot);
        }
        fputc('\n', out);
    }
    for (size_t i = 0; i < s->nchildren; i++) {
        dump_scope(out, s->children[i], depth + 1);
    }
}

void pr_scope_dump(FILE *out, const PrScopeTable *table)
{
    fprintf(out, "symbol table of %s: %zu blocks\n", table->filename ? table->filename : "?",
            table->nscopes);
    dump_scope(out, table->top, 0);
}
