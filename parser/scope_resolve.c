/* parser/scope_resolve.c — the second pass of scope analysis: CPython 3.11's analyze_block.
 * Each block is resolved from three sets its parent hands down (copies, so siblings do not see
 * each other): `bound`, the names bound by enclosing functions (NULL at the module); `global`,
 * the names declared global around it; and `free`, where it returns the free names it and its
 * children still need from outside. Then the slots are numbered. Read parser/scope.h first.
 *
 * The sets hold interned names, so they compare pointers. They are temporary and come from the
 * raw layer (memory/raw.h), freed before returning, unlike the table which lives in the arena. */
#include "memory/raw.h"
#include "parser/scope_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------- */
/* Name sets: open addressing over interned pointers, with tombstones for discard              */

typedef struct NameSet {
    const char **slots;
    size_t cap;  /* 0 or a power of two */
    size_t used; /* live names + tombstones */
    size_t len;  /* live names */
} NameSet;

static const char tombstone_[1];
#define TOMBSTONE (tombstone_)

static size_t slot_of(const char *name, size_t cap)
{
    uint64_t x = (uint64_t)(uintptr_t)name;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdu;
    x ^= x >> 33;
    return (size_t)x & (cap - 1);
}

static void set_free(NameSet *s)
{
    pr_raw_free(s->slots);
    memset(s, 0, sizeof *s);
}

static int set_has(const NameSet *s, const char *name)
{
    if (s->cap == 0) {
        return 0;
    }
    for (size_t j = slot_of(name, s->cap); s->slots[j]; j = (j + 1) & (s->cap - 1)) {
        if (s->slots[j] == name) {
            return 1;
        }
    }
    return 0;
}

static void insert_new(NameSet *s, const char *name)
{
    size_t j = slot_of(name, s->cap);
    while (s->slots[j] && s->slots[j] != TOMBSTONE) {
        j = (j + 1) & (s->cap - 1);
    }
    if (!s->slots[j]) {
        s->used++;
    }
    s->slots[j] = name;
    s->len++;
}

/* Rebuilds the set with room for at least `need` names, dropping tombstones. */
static int set_rehash(NameSet *s, size_t need)
{
    size_t cap = 8;
    while (cap < need * 2) {
        cap *= 2;
    }
    NameSet n = {pr_raw_calloc(cap, sizeof(const char *)), cap, 0, 0};
    if (!n.slots) {
        return -1;
    }
    for (size_t i = 0; i < s->cap; i++) {
        if (s->slots[i] && s->slots[i] != TOMBSTONE) {
            insert_new(&n, s->slots[i]);
        }
    }
    pr_raw_free(s->slots);
    *s = n;
    return 0;
}

static int set_add(NameSet *s, const char *name)
{
    if (set_has(s, name)) {
        return 0;
    }
    if ((s->used + 1) * 4 > s->cap * 3 && set_rehash(s, s->len + 1) < 0) {
        return -1;
    }
    insert_new(s, name);
    return 0;
}

static void set_discard(NameSet *s, const char *name)
{
    if (s->cap == 0) {
        return;
    }
    for (size_t j = slot_of(name, s->cap); s->slots[j]; j = (j + 1) & (s->cap - 1)) {
        if (s->slots[j] == name) {
            s->slots[j] = TOMBSTONE;
            s->len--;
            return;
        }
    }
}

static int set_update(NameSet *dst, const NameSet *src)
{
    for (size_t i = 0; i < src->cap; i++) {
        if (src->slots[i] && src->slots[i] != TOMBSTONE && set_add(dst, src->slots[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------- */
/* Resolution                                                                                   */

typedef struct Resolve {
    PrScopeTable *t;
    PrSyntaxError *err;
    const char *class_name; /* interned "__class__" */
} Resolve;

static int nomem(Resolve *r)
{
    pr_scope_error_nomem(r->err, r->t);
    return -1;
}

/* CPython reports these at the first global/nonlocal statement (or := target) naming the name. */
static int error_at_directive(Resolve *r, const PrScope *s, const char *name, const char *fmt)
{
    const PrScopeDirective *d = s->priv_->directives;
    while (d && d->name != name) {
        d = d->next;
    }
    if (!d) { /* cannot happen: every DEF_GLOBAL/DEF_NONLOCAL comes with a directive */
        pr_scope_error_at(r->err, r->t, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset,
                          fmt, name);
        return -1;
    }
    pr_scope_error_at(r->err, r->t, d->lineno, d->col_offset, d->end_lineno, d->end_col_offset, fmt,
                      name);
    return -1;
}

/* analyze_name: decides one symbol of block s from what the enclosing blocks provide. */
static int analyze_name(Resolve *r, PrScope *s, PrSymbol *sym, NameSet *bound, NameSet *local,
                        NameSet *free, NameSet *global)
{
    const char *name = sym->name;
    if (sym->flags & PR_SYM_DEF_GLOBAL) {
        if (sym->flags & PR_SYM_DEF_NONLOCAL) {
            return error_at_directive(r, s, name, "name '%s' is nonlocal and global");
        }
        sym->scope = PR_SYM_GLOBAL_EXPLICIT;
        if (bound) {
            set_discard(bound, name);
        }
        return set_add(global, name) < 0 ? nomem(r) : 0;
    }
    if (sym->flags & PR_SYM_DEF_NONLOCAL) {
        if (!bound) {
            return error_at_directive(r, s, name,
                                      "nonlocal declaration not allowed at module level%.0s");
        }
        if (!set_has(bound, name)) {
            return error_at_directive(r, s, name, "no binding for nonlocal '%s' found");
        }
        sym->scope = PR_SYM_FREE;
        s->has_free = 1;
        return set_add(free, name) < 0 ? nomem(r) : 0;
    }
    if (sym->flags & PR_SYM_DEF_BOUND) {
        sym->scope = PR_SYM_LOCAL;
        set_discard(global, name);
        return set_add(local, name) < 0 ? nomem(r) : 0;
    }
    /* A binding in an enclosing function makes it free (a non-NULL bound means nested). */
    if (bound && set_has(bound, name)) {
        sym->scope = PR_SYM_FREE;
        s->has_free = 1;
        return set_add(free, name) < 0 ? nomem(r) : 0;
    }
    if (!set_has(global, name) && s->is_nested) {
        s->has_free = 1;
    }
    sym->scope = PR_SYM_GLOBAL_IMPLICIT;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* update_symbols' second half: a free name of a child that this block neither binds nor sees
 * as a global passes through as FREE (flags 0), so that the cell reaches the child. A class that
 * binds the name itself marks it DEF_FREE_CLASS. The new names are appended in name order (in
 * CPython, in the order of a set, which varies from run to run). */
static int add_passthrough(Resolve *r, PrScope *s, const NameSet *bound, const NameSet *free)
{
    const char **names = pr_raw_malloc((free->len + 1) * sizeof *names);
    size_t n = 0;
    if (!names) {
        return nomem(r);
    }
    for (size_t i = 0; i < free->cap; i++) {
        const char *name = free->slots[i];
        if (!name || name == TOMBSTONE) {
            continue;
        }
        PrSymbol *sym = pr_scope_find(s, name);
        if (sym) {
            if (s->kind == PR_SCOPE_CLASS &&
                (sym->flags & (PR_SYM_DEF_BOUND | PR_SYM_DEF_GLOBAL))) {
                sym->flags |= PR_SYM_DEF_FREE_CLASS;
            }
        } else if (!bound || set_has(bound, name)) {
            names[n++] = name;
        }
    }
    qsort(names, n, sizeof *names, by_name);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        PrSymbol *sym = pr_scope_find_or_add(s, names[i]);
        if (!sym) {
            rc = nomem(r);
        } else {
            sym->scope = PR_SYM_FREE;
        }
    }
    pr_raw_free(names);
    return rc;
}

static int analyze_block(Resolve *r, PrScope *s, NameSet *bound, NameSet *free, NameSet *global);

/* analyze_child_block: the child works on copies, and its free names are collected. */
static int analyze_child(Resolve *r, PrScope *child, const NameSet *bound, const NameSet *global,
                         NameSet *allfree)
{
    NameSet b = {0}, g = {0}, f = {0};
    int rc = -1;
    if (set_update(&b, bound) < 0 || set_update(&g, global) < 0) {
        nomem(r);
    } else if (analyze_block(r, child, &b, &f, &g) == 0) {
        rc = set_update(allfree, &f) < 0 ? nomem(r) : 0;
    }
    set_free(&b);
    set_free(&g);
    set_free(&f);
    return rc;
}

/* The names a block hands to its children. A class's own bindings are invisible to them (they
 * get what the class got, plus __class__); a function adds its locals. */
static int prepare_children(Resolve *r, PrScope *s, const NameSet *bound, const NameSet *local,
                            const NameSet *global, NameSet *newbound, NameSet *newglobal)
{
    if (s->kind == PR_SCOPE_CLASS) {
        /* newbound/newglobal were filled from the parent's sets before the names were analysed */
        return set_add(newbound, r->class_name) < 0 ? nomem(r) : 0;
    }
    if (s->kind != PR_SCOPE_MODULE && set_update(newbound, local) < 0) {
        return nomem(r);
    }
    if ((bound && set_update(newbound, bound) < 0) || set_update(newglobal, global) < 0) {
        return nomem(r);
    }
    return 0;
}

/* analyze_cells (functions) and drop_class_free (classes): a local that a child needs becomes
 * a cell; a class satisfies its methods' __class__. */
static void settle_free(Resolve *r, PrScope *s, NameSet *newfree)
{
    if (s->kind == PR_SCOPE_CLASS) {
        if (set_has(newfree, r->class_name)) {
            set_discard(newfree, r->class_name);
            s->needs_class_closure = 1;
        }
        return;
    }
    if (s->kind == PR_SCOPE_MODULE) {
        return;
    }
    for (size_t i = 0; i < s->nsymbols; i++) {
        PrSymbol *sym = &s->symbols[i];
        if (sym->scope == PR_SYM_LOCAL && set_has(newfree, sym->name)) {
            sym->scope = PR_SYM_CELL;
            set_discard(newfree, sym->name);
        }
    }
}

static int analyze_block(Resolve *r, PrScope *s, NameSet *bound, NameSet *free, NameSet *global)
{
    NameSet local = {0}, newbound = {0}, newglobal = {0}, newfree = {0};
    int rc = -1;
    if (s->kind == PR_SCOPE_CLASS &&
        (set_update(&newglobal, global) < 0 || (bound && set_update(&newbound, bound) < 0))) {
        nomem(r);
        goto done;
    }
    for (size_t i = 0; i < s->nsymbols; i++) {
        if (analyze_name(r, s, &s->symbols[i], bound, &local, free, global) < 0) {
            goto done;
        }
    }
    if (prepare_children(r, s, bound, &local, global, &newbound, &newglobal) < 0) {
        goto done;
    }
    for (size_t i = 0; i < s->nchildren; i++) {
        PrScope *child = s->children[i];
        if (analyze_child(r, child, &newbound, &newglobal, &newfree) < 0) {
            goto done;
        }
        if (child->has_free || child->child_free) {
            s->child_free = 1;
        }
    }
    settle_free(r, s, &newfree);
    if (add_passthrough(r, s, bound, &newfree) < 0) {
        goto done;
    }
    rc = set_update(free, &newfree) < 0 ? nomem(r) : 0;
done:
    set_free(&local);
    set_free(&newbound);
    set_free(&newglobal);
    set_free(&newfree);
    return rc;
}

/* ------------------------------------------------------------------------------------------- */
/* Slots                                                                                        */

/* Numbers one kind of symbol after those already numbered; returns how many it numbered. */
static int number(PrScope *s, PrSymScope scope, int next)
{
    int n = 0;
    for (size_t i = 0; i < s->nsymbols; i++) {
        PrSymbol *sym = &s->symbols[i];
        if (sym->scope == scope && sym->param < 0) {
            sym->slot = next + n++;
        }
    }
    return n;
}

static void number_slots(PrScope *s)
{
    int next = 0;
    if (s->kind != PR_SCOPE_MODULE && s->kind != PR_SCOPE_CLASS) {
        for (size_t i = 0; i < s->nsymbols; i++) {
            if (s->symbols[i].param >= 0) {
                s->symbols[i].slot = s->symbols[i].param;
            }
        }
        next = (int)s->nparams;
        next += number(s, PR_SYM_LOCAL, next);
        s->nlocals = next;
    }
    if (s->kind != PR_SCOPE_MODULE) {
        s->ncells = number(s, PR_SYM_CELL, next);
        s->nfrees = number(s, PR_SYM_FREE, next + s->ncells);
    }
    for (size_t i = 0; i < s->nchildren; i++) {
        number_slots(s->children[i]);
    }
}

int pr_scope_resolve(PrScopeTable *t, PrSyntaxError *err)
{
    Resolve r = {t, err, pr_scope_intern(t, "__class__", 9)};
    NameSet free = {0}, global = {0};
    if (!r.class_name) {
        return nomem(&r);
    }
    int rc = analyze_block(&r, t->top, NULL, &free, &global);
    set_free(&free);
    set_free(&global);
    if (rc == 0) {
        number_slots(t->top);
    }
    return rc;
}
