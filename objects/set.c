/* objects/set.c — set and frozenset: the hash table (lookup, insertion, deletion, resizing),
 * the algebra (union, intersection, difference, symmetric difference, subset tests), methods,
 * operators, repr, hash, iteration and collector support. Layout and growth in objects/set.h. */
#include "objects/set.h"

#include "memory/obmalloc.h"
#include "objects/dict.h"
#include "objects/iterate.h"
#include "objects/long.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"

#include <limits.h>
#include <string.h>

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* The key of a deleted entry: a unique address, never dereferenced. */
static const char dummy_marker;
#define DUMMY ((PrObject *)(void *)&dummy_marker)

/* ============================================================================================
 *  The table
 * ============================================================================================ */

static PrHash key_hash(PrObject *key)
{
    return PR_STR_CHECK_EXACT(key) ? pr_str_hash(key) : pr_object_hash(key);
}

/* Finds key in s. Returns: the entry holding it, or NULL (not found, *err 0; or an exception,
 * *err 1). A comparison that changes the table restarts the search. */
static PrSetEntry *lookup(PrSet *s, PrObject *key, PrHash hash, int *err)
{
    *err = 0;
restart:;
    PrSetEntry *table = s->table;
    size_t mask = (size_t)s->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        PrSetEntry *e = &table[i];
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (e->key == NULL) {
                return NULL;
            }
            if (e->key == key) {
                return e;
            }
            if (e->hash == hash && e->key != DUMMY) {
                PrObject *start = PR_NEWREF(e->key);
                int eq = PR_STR_CHECK_EXACT(start) && PR_STR_CHECK_EXACT(key)
                             ? pr_str_eq(start, key)
                             : pr_object_richcompare_bool(start, key, PR_EQ);
                PR_DECREF(start);
                if (eq < 0) {
                    *err = 1;
                    return NULL;
                }
                if (table != s->table || e->key != start) {
                    goto restart;
                }
                if (eq) {
                    return e;
                }
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Stores a key known to be absent into a table without dummies (resizing). */
static void insert_clean(PrSetEntry *table, size_t mask, PrObject *key, PrHash hash)
{
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        PrSetEntry *e = &table[i];
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j <= LINEAR_PROBES; j++, e++) {
                if (!e->key) {
                    goto found;
                }
            }
        } else if (!e->key) {
            goto found;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

/* Rebuilds the table with the smallest power of two above minused (at least 8) slots. */
static int table_resize(PrSet *s, ssize_t minused)
{
    size_t newsize = PR_SET_MINSIZE;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
    }
    PrSetEntry *old = s->table, small_copy[PR_SET_MINSIZE], *src = old;
    ssize_t oldsize = s->mask + 1;
    PrSetEntry *table;
    if (newsize == PR_SET_MINSIZE) {
        if (old == s->smalltable) { /* only dummies to drop */
            memcpy(small_copy, old, sizeof small_copy);
            src = small_copy;
        }
        table = s->smalltable;
    } else {
        if (newsize > (size_t)SSIZE_MAX / sizeof(PrSetEntry) ||
            !(table = pr_mem_alloc(newsize * sizeof(PrSetEntry)))) {
            pr_err_no_memory();
            return -1;
        }
    }
    memset(table, 0, newsize * sizeof(PrSetEntry));
    s->table = table;
    s->mask = (ssize_t)newsize - 1;
    s->fill = s->used;
    for (ssize_t i = 0; i < oldsize; i++) {
        if (src[i].key && src[i].key != DUMMY) {
            insert_clean(table, newsize - 1, src[i].key, src[i].hash);
        }
    }
    if (old != s->smalltable) {
        pr_mem_free(old);
    }
    return 0;
}

/* Adds key (a new reference is taken) unless present. Returns: 0 or -1. */
static int add_entry(PrSet *s, PrObject *key, PrHash hash)
{
    int err;
    if (lookup(s, key, hash, &err)) {
        return 0;
    }
    if (err) {
        return -1;
    }
    /* the first free or dummy slot on key's probe sequence */
    size_t mask = (size_t)s->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    PrSetEntry *e;
    for (;;) {
        e = &s->table[i];
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (!e->key || e->key == DUMMY) {
                goto found;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    if (!e->key) {
        s->fill++;
    }
    e->key = PR_NEWREF(key);
    e->hash = hash;
    s->used++;
    if ((size_t)s->fill * 5 < mask * 3) {
        return 0;
    }
    return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

/* Returns: the key's hash, or -1 with TypeError. */
static int add_key(PrSet *s, PrObject *key)
{
    PrHash hash = key_hash(key);
    return hash == -1 ? -1 : add_entry(s, key, hash);
}

/* Removes key. Returns: 1, 0 (absent) or -1. */
static int discard_entry(PrSet *s, PrObject *key, PrHash hash)
{
    int err;
    PrSetEntry *e = lookup(s, key, hash, &err);
    if (!e) {
        return err ? -1 : 0;
    }
    PrObject *old = e->key;
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
    PR_DECREF(old);
    return 1;
}

/* A set key is looked up as the frozenset of its items (so {frozenset()} contains set()). */
static int with_hashable_key(PrSet *s, PrObject *key, int (*op)(PrSet *, PrObject *, PrHash))
{
    PrHash hash = key_hash(key);
    if (hash != -1) {
        return op(s, key, hash);
    }
    if (!PR_SET_CHECK(key) || !pr_err_matches((PrObject *)PR_EXC(TypeError))) {
        return -1;
    }
    pr_err_clear();
    PrObject *frozen = pr_frozenset_new(key);
    if (!frozen) {
        return -1;
    }
    hash = pr_object_hash(frozen);
    int rc = hash == -1 ? -1 : op(s, frozen, hash);
    PR_DECREF(frozen);
    return rc;
}

static int contains_entry(PrSet *s, PrObject *key, PrHash hash)
{
    int err;
    return lookup(s, key, hash, &err) ? 1 : err ? -1 : 0;
}

int pr_set_contains(PrObject *s, PrObject *key)
{
    return with_hashable_key((PrSet *)s, key, contains_entry);
}

int pr_set_add(PrObject *s, PrObject *key)
{
    return add_key((PrSet *)s, key);
}

int pr_set_discard(PrObject *s, PrObject *key)
{
    return with_hashable_key((PrSet *)s, key, discard_entry);
}

ssize_t pr_set_size(PrObject *s)
{
    return ((PrSet *)s)->used;
}

int pr_set_next(PrObject *so, ssize_t *pos, PrObject **key, PrHash *hash)
{
    PrSet *s = (PrSet *)so;
    ssize_t i = *pos;
    while (i <= s->mask && (!s->table[i].key || s->table[i].key == DUMMY)) {
        i++;
    }
    *pos = i + 1;
    if (i > s->mask) {
        return 0;
    }
    *key = s->table[i].key;
    if (hash) {
        *hash = s->table[i].hash;
    }
    return 1;
}

/* Empties s: the table is reset before any key's release runs (which may look at s). */
void pr_set_clear(PrObject *so)
{
    PrSet *s = (PrSet *)so;
    PrSetEntry *table = s->table, small_copy[PR_SET_MINSIZE];
    ssize_t n = s->mask + 1, fill = s->fill;
    if (fill == 0) {
        return;
    }
    if (table == s->smalltable) {
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    memset(s->smalltable, 0, sizeof s->smalltable);
    s->table = s->smalltable;
    s->mask = PR_SET_MINSIZE - 1;
    s->fill = s->used = 0;
    s->hash = -1;
    for (ssize_t i = 0; i < n; i++) {
        if (table[i].key && table[i].key != DUMMY) {
            PR_DECREF(table[i].key);
        }
    }
    if (table != small_copy) {
        pr_mem_free(table);
    }
}

PrObject *pr_set_pop(PrObject *so)
{
    PrSet *s = (PrSet *)so;
    if (s->used == 0) {
        return pr_err_set(PR_EXC(KeyError), "pop from an empty set");
    }
    ssize_t i = s->finger & s->mask;
    while (!s->table[i].key || s->table[i].key == DUMMY) {
        i = (i + 1) & s->mask;
    }
    PrObject *key = s->table[i].key;
    s->table[i].key = DUMMY;
    s->table[i].hash = -1;
    s->used--;
    s->finger = i + 1;
    return key;
}

/* ============================================================================================
 *  Making sets
 * ============================================================================================ */

static PrSet *make_set(PrType *type)
{
    PrSet *s = (PrSet *)pr_object_new(type);
    if (!s) {
        return NULL;
    }
    s->table = s->smalltable;
    s->mask = PR_SET_MINSIZE - 1;
    s->hash = -1;
    pr_gc_track((PrObject *)s);
    return s;
}

/* Adds every item of another set, reusing the hashes it stored. */
static int merge_set(PrSet *s, PrSet *other)
{
    if (s == other || other->used == 0) {
        return 0;
    }
    if ((s->fill + other->used) * 5 >= s->mask * 3 &&
        table_resize(s, (s->used + other->used) * 2) < 0) {
        return -1;
    }
    PrObject *key;
    PrHash hash;
    ssize_t pos = 0;
    PR_INCREF(other);
    int rc = 0;
    while (rc == 0 && pr_set_next((PrObject *)other, &pos, &key, &hash)) {
        PR_INCREF(key);
        rc = add_entry(s, key, hash);
        PR_DECREF(key);
    }
    PR_DECREF(other);
    return rc;
}

int pr_set_update(PrObject *so, PrObject *iterable)
{
    PrSet *s = (PrSet *)so;
    if (PR_ANYSET_CHECK(iterable)) {
        return merge_set(s, (PrSet *)iterable);
    }
    if (PR_DICT_CHECK(iterable)) {
        PrObject *key;
        ssize_t pos = 0;
        while (pr_dict_next(iterable, &pos, &key, NULL)) {
            PR_INCREF(key);
            int rc = add_key(s, key);
            PR_DECREF(key);
            if (rc < 0) {
                return -1;
            }
        }
        return 0;
    }
    PrObject *it = pr_object_get_iter(iterable), *key;
    if (!it) {
        return -1;
    }
    int rc = 0;
    while (rc == 0 && (key = pr_iter_next(it))) {
        rc = add_key(s, key);
        PR_DECREF(key);
    }
    PR_DECREF(it);
    return rc == 0 && pr_err_occurred() ? -1 : rc;
}

static PrObject *make_from(PrType *type, PrObject *iterable)
{
    PrSet *s = make_set(type);
    if (s && iterable && pr_set_update((PrObject *)s, iterable) < 0) {
        PR_CLEAR(s);
    }
    return (PrObject *)s;
}

PrObject *pr_set_new(PrObject *iterable)
{
    return make_from(PR_TYPE(set), iterable);
}

PrObject *pr_frozenset_new(PrObject *iterable)
{
    return make_from(PR_TYPE(frozenset), iterable);
}

/* A new set of the same kind as s (set for set subclasses, frozenset for frozensets). */
static PrObject *copy_kind(PrObject *s, PrObject *iterable)
{
    return make_from(PR_FROZENSET_CHECK(s) ? PR_TYPE(frozenset) : PR_TYPE(set), iterable);
}

/* ============================================================================================
 *  Algebra
 * ============================================================================================ */

/* other as a set: itself when it is one, else a temporary set of its items. */
static PrObject *as_set(PrObject *other)
{
    return PR_ANYSET_CHECK(other) ? PR_NEWREF(other) : pr_set_new(other);
}

/* Keeps in s only what other has (s is fresh or being updated in place). */
static PrObject *intersection(PrObject *s, PrObject *other)
{
    PrObject *o = as_set(other), *r = o ? copy_kind(s, NULL) : NULL, *key;
    PrObject *small = s, *big = o;
    ssize_t pos = 0;
    PrHash hash;
    if (!r) {
        goto fail;
    }
    if (pr_set_size(small) > pr_set_size(big)) {
        small = o;
        big = s;
    }
    while (pr_set_next(small, &pos, &key, &hash)) {
        PR_INCREF(key);
        int rc = contains_entry((PrSet *)big, key, hash);
        if (rc > 0) {
            rc = add_entry((PrSet *)r, key, hash);
        }
        PR_DECREF(key);
        if (rc < 0) {
            goto fail;
        }
    }
    PR_DECREF(o);
    return r;
fail:
    PR_XDECREF(o);
    PR_XDECREF(r);
    return NULL;
}

/* Removes from s (in place) everything in other. Returns: 0 or -1. */
static int difference_update(PrObject *s, PrObject *other)
{
    if (s == other) {
        pr_set_clear(s);
        return 0;
    }
    PrObject *o = as_set(other), *key;
    ssize_t pos = 0;
    PrHash hash;
    int rc = o ? 0 : -1;
    while (rc == 0 && pr_set_next(o, &pos, &key, &hash)) {
        PR_INCREF(key);
        rc = discard_entry((PrSet *)s, key, hash) < 0 ? -1 : 0;
        PR_DECREF(key);
    }
    PR_XDECREF(o);
    return rc;
}

/* s ^= other in place. Returns: 0 or -1. */
static int symmetric_difference_update(PrObject *s, PrObject *other)
{
    if (s == other) {
        pr_set_clear(s);
        return 0;
    }
    PrObject *o = pr_set_new(other), *key; /* a copy: other may change as s does */
    ssize_t pos = 0;
    PrHash hash;
    int rc = o ? 0 : -1;
    while (rc == 0 && pr_set_next(o, &pos, &key, &hash)) {
        PR_INCREF(key);
        rc = discard_entry((PrSet *)s, key, hash);
        if (rc == 0) {
            rc = add_entry((PrSet *)s, key, hash);
        } else if (rc > 0) {
            rc = 0;
        }
        PR_DECREF(key);
    }
    PR_XDECREF(o);
    return rc;
}

/* Whether every item of a is in b. Returns: 1, 0 or -1. */
static int is_subset(PrObject *a, PrObject *b)
{
    if (pr_set_size(a) > pr_set_size(b)) {
        return 0;
    }
    PrObject *key;
    ssize_t pos = 0;
    PrHash hash;
    while (pr_set_next(a, &pos, &key, &hash)) {
        PR_INCREF(key);
        int rc = contains_entry((PrSet *)b, key, hash);
        PR_DECREF(key);
        if (rc <= 0) {
            return rc;
        }
    }
    return 1;
}

/* Whether a and other share no item. Returns: 1, 0 or -1. */
static int is_disjoint(PrObject *a, PrObject *other)
{
    PrObject *o = as_set(other), *key;
    if (!o) {
        return -1;
    }
    PrObject *small = pr_set_size(a) <= pr_set_size(o) ? a : o, *big = small == a ? o : a;
    ssize_t pos = 0;
    PrHash hash;
    int rc = 1;
    while (rc == 1 && pr_set_next(small, &pos, &key, &hash)) {
        PR_INCREF(key);
        int in = contains_entry((PrSet *)big, key, hash);
        PR_DECREF(key);
        rc = in < 0 ? -1 : !in;
    }
    PR_DECREF(o);
    return rc;
}

/* ============================================================================================
 *  Methods
 * ============================================================================================ */

static PrObject *none_or_null(int rc)
{
    return rc < 0 ? NULL : PR_NEWREF(PR_None);
}

static PrObject *set_add_meth(PrObject *self, PrObject *const *args, size_t nargs,
                              PrObject *kwnames)
{
    return none_or_null(pr_set_add(self, args[0]));
}

static PrObject *set_discard_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    return none_or_null(pr_set_discard(self, args[0]));
}

static PrObject *set_remove_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kwnames)
{
    int rc = pr_set_discard(self, args[0]);
    if (rc == 0) {
        return pr_err_set_object(PR_EXC(KeyError), args[0]);
    }
    return none_or_null(rc);
}

static PrObject *set_pop_meth(PrObject *self, PrObject *const *args, size_t nargs,
                              PrObject *kwnames)
{
    return pr_set_pop(self);
}

static PrObject *set_clear_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                PrObject *kwnames)
{
    pr_set_clear(self);
    PR_RETURN_NONE;
}

static PrObject *set_copy_meth(PrObject *self, PrObject *const *args, size_t nargs,
                               PrObject *kwnames)
{
    if (PR_TYPE_OF(self) == PR_TYPE(frozenset)) {
        return PR_NEWREF(self);
    }
    return copy_kind(self, self);
}

static PrObject *set_update_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kwnames)
{
    for (size_t i = 0; i < nargs; i++) {
        if (pr_set_update(self, args[i]) < 0) {
            return NULL;
        }
    }
    PR_RETURN_NONE;
}

static PrObject *set_union_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                PrObject *kwnames)
{
    PrObject *r = copy_kind(self, self);
    for (size_t i = 0; r && i < nargs; i++) {
        if (pr_set_update(r, args[i]) < 0) {
            PR_CLEAR(r);
        }
    }
    return r;
}

static PrObject *set_intersection_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                       PrObject *kwnames)
{
    PrObject *r = copy_kind(self, self);
    for (size_t i = 0; r && i < nargs; i++) {
        PR_SETREF(r, intersection(r, args[i]));
    }
    return r;
}

/* Replaces s's contents by those of r (a new set, released). Returns: 0 or -1. */
static int take_contents(PrObject *s, PrObject *r)
{
    if (!r) {
        return -1;
    }
    pr_set_clear(s);
    int rc = merge_set((PrSet *)s, (PrSet *)r);
    PR_DECREF(r);
    return rc;
}

static PrObject *set_intersection_update_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                              PrObject *kwnames)
{
    PrObject *r = set_intersection_meth(self, args, nargs, kwnames);
    return none_or_null(take_contents(self, r));
}

static PrObject *set_difference_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                     PrObject *kwnames)
{
    PrObject *r = copy_kind(self, self);
    for (size_t i = 0; r && i < nargs; i++) {
        if (difference_update(r, args[i]) < 0) {
            PR_CLEAR(r);
        }
    }
    return r;
}

static PrObject *set_difference_update_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                            PrObject *kwnames)
{
    for (size_t i = 0; i < nargs; i++) {
        if (difference_update(self, args[i]) < 0) {
            return NULL;
        }
    }
    PR_RETURN_NONE;
}

static PrObject *set_symmetric_difference_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                               PrObject *kwnames)
{
    PrObject *r = copy_kind(self, self);
    if (r && symmetric_difference_update(r, args[0]) < 0) {
        PR_CLEAR(r);
    }
    return r;
}

static PrObject *set_symmetric_difference_update_meth(PrObject *self, PrObject *const *args,
                                                      size_t nargs, PrObject *kwnames)
{
    return none_or_null(symmetric_difference_update(self, args[0]));
}

static PrObject *bool_or_null(int rc)
{
    return rc < 0 ? NULL : pr_bool_from_long(rc);
}

static PrObject *set_isdisjoint_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                     PrObject *kwnames)
{
    return bool_or_null(is_disjoint(self, args[0]));
}

static PrObject *set_issubset_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                   PrObject *kwnames)
{
    PrObject *o = as_set(args[0]);
    int rc = o ? is_subset(self, o) : -1;
    PR_XDECREF(o);
    return bool_or_null(rc);
}

static PrObject *set_issuperset_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                     PrObject *kwnames)
{
    PrObject *o = as_set(args[0]);
    int rc = o ? is_subset(o, self) : -1;
    PR_XDECREF(o);
    return bool_or_null(rc);
}

#define SET_COMMON_METHODS                                                                         \
    {"copy", set_copy_meth, PR_METH_NOARGS, "Return a shallow copy of a set."},                    \
        {"union", set_union_meth, PR_METH_VARARGS, "Return the union of sets as a new set."},      \
        {"intersection", set_intersection_meth, PR_METH_VARARGS,                                   \
         "Return the intersection of two sets as a new set."},                                     \
        {"difference", set_difference_meth, PR_METH_VARARGS,                                       \
         "Return the difference of two or more sets as a new set."},                               \
        {"symmetric_difference", set_symmetric_difference_meth, PR_METH_O,                         \
         "Return the symmetric difference of two sets as a new set."},                             \
        {"isdisjoint", set_isdisjoint_meth, PR_METH_O,                                             \
         "Return True if two sets have a null intersection."},                                     \
        {"issubset", set_issubset_meth, PR_METH_O,                                                 \
         "Report whether another set contains this set."},                                         \
        {"issuperset", set_issuperset_meth, PR_METH_O,                                             \
         "Report whether this set contains another set."},

static const PrMethodDef set_methods[] = {
    {"add", set_add_meth, PR_METH_O, "Add an element to a set."},
    {"discard", set_discard_meth, PR_METH_O, "Remove an element from a set if it is a member."},
    {"remove", set_remove_meth, PR_METH_O, "Remove an element from a set; it must be a member."},
    {"pop", set_pop_meth, PR_METH_NOARGS, "Remove and return an arbitrary set element."},
    {"clear", set_clear_meth, PR_METH_NOARGS, "Remove all elements from this set."},
    {"update", set_update_meth, PR_METH_VARARGS,
     "Update a set with the union of itself and others."},
    {"intersection_update", set_intersection_update_meth, PR_METH_VARARGS,
     "Update a set with the intersection of itself and another."},
    {"difference_update", set_difference_update_meth, PR_METH_VARARGS,
     "Remove all elements of another set from this set."},
    {"symmetric_difference_update", set_symmetric_difference_update_meth, PR_METH_O,
     "Update a set with the symmetric difference of itself and another."},
    SET_COMMON_METHODS{NULL, NULL, 0, NULL},
};

static const PrMethodDef frozenset_methods[] = {
    SET_COMMON_METHODS{NULL, NULL, 0, NULL},
};

/* ============================================================================================
 *  Operators and comparison
 * ============================================================================================ */

static PrObject *set_or(PrObject *a, PrObject *b)
{
    if (!PR_ANYSET_CHECK(a) || !PR_ANYSET_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return set_union_meth(a, &b, 1, NULL);
}

static PrObject *set_and(PrObject *a, PrObject *b)
{
    if (!PR_ANYSET_CHECK(a) || !PR_ANYSET_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return set_intersection_meth(a, &b, 1, NULL);
}

static PrObject *set_sub(PrObject *a, PrObject *b)
{
    if (!PR_ANYSET_CHECK(a) || !PR_ANYSET_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return set_difference_meth(a, &b, 1, NULL);
}

static PrObject *set_xor(PrObject *a, PrObject *b)
{
    if (!PR_ANYSET_CHECK(a) || !PR_ANYSET_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return set_symmetric_difference_meth(a, &b, 1, NULL);
}

/* In place: only a set on the left and any set on the right. */
static PrObject *inplace_result(PrObject *a, int rc)
{
    return rc < 0 ? NULL : PR_NEWREF(a);
}

static PrObject *set_ior(PrObject *a, PrObject *b)
{
    if (!PR_SET_CHECK(a) || !PR_ANYSET_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return inplace_result(a, pr_set_update(a, b));
}

static PrObject *set_iand(PrObject *a, PrObject *b)
{
    if (!PR_SET_CHECK(a) || !PR_ANYSET_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return inplace_result(a, take_contents(a, intersection(a, b)));
}

static PrObject *set_isub(PrObject *a, PrObject *b)
{
    if (!PR_SET_CHECK(a) || !PR_ANYSET_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return inplace_result(a, difference_update(a, b));
}

static PrObject *set_ixor(PrObject *a, PrObject *b)
{
    if (!PR_SET_CHECK(a) || !PR_ANYSET_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return inplace_result(a, symmetric_difference_update(a, b));
}

static PrObject *set_richcompare(PrObject *a, PrObject *b, PrCompareOp op)
{
    if (!PR_ANYSET_CHECK(a) || !PR_ANYSET_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    ssize_t na = pr_set_size(a), nb = pr_set_size(b);
    int rc;
    switch (op) {
    case PR_EQ:
    case PR_NE:
        if (na != nb) {
            return pr_bool_from_long(op == PR_NE);
        }
        if (PR_FROZENSET_CHECK(a) && PR_FROZENSET_CHECK(b) && ((PrSet *)a)->hash != -1 &&
            ((PrSet *)b)->hash != -1 && ((PrSet *)a)->hash != ((PrSet *)b)->hash) {
            return pr_bool_from_long(op == PR_NE);
        }
        rc = is_subset(a, b);
        return rc < 0 ? NULL : pr_bool_from_long(op == PR_EQ ? rc : !rc);
    case PR_LE:
        return bool_or_null(is_subset(a, b));
    case PR_GE:
        return bool_or_null(is_subset(b, a));
    case PR_LT:
        return na >= nb ? pr_bool_from_long(0) : bool_or_null(is_subset(a, b));
    default:
        return na <= nb ? pr_bool_from_long(0) : bool_or_null(is_subset(b, a));
    }
}

/* ============================================================================================
 *  repr, hash, slots
 * ============================================================================================ */

static PrObject *set_repr(PrObject *self)
{
    const char *name = PR_TYPE_OF(self)->name;
    int plain = PR_TYPE_OF(self) == PR_TYPE(set);
    if (pr_set_size(self) == 0) {
        return pr_str_from_format("%s()", name);
    }
    int rc = pr_repr_enter(self);
    if (rc != 0) {
        return rc > 0 ? pr_str_from_format("%s(...)", name) : NULL;
    }
    PrStrBuilder b;
    pr_str_builder_init(&b);
    if (!plain) {
        pr_str_builder_append_cstr(&b, name);
        pr_str_builder_append(&b, "(", 1);
    }
    pr_str_builder_append(&b, "{", 1);
    /* The keys are held in a list while their repr runs, which may change the set. */
    PrObject *keys = pr_tuple_new(pr_set_size(self)), *key;
    ssize_t pos = 0, i = 0;
    while (keys && pr_set_next(self, &pos, &key, NULL)) {
        PR_TUPLE_ITEMS(keys)[i++] = PR_NEWREF(key);
    }
    for (ssize_t j = 0; keys && j < i; j++) {
        if ((j && pr_str_builder_append(&b, ", ", 2) < 0) ||
            pr_str_builder_append_repr(&b, PR_TUPLE_ITEMS(keys)[j]) < 0) {
            break;
        }
    }
    pr_str_builder_append_cstr(&b, plain ? "}" : "})");
    pr_repr_leave(self);
    if (!keys) {
        pr_str_builder_discard(&b);
        return NULL;
    }
    PR_DECREF(keys);
    return pr_str_builder_finish(&b);
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

/* CPython's frozenset_hash: independent of the order of entries. */
static PrHash frozenset_hash(PrObject *self)
{
    PrSet *s = (PrSet *)self;
    if (s->hash != -1) {
        return s->hash;
    }
    uint64_t hash = 0;
    for (ssize_t i = 0; i <= s->mask; i++) {
        if (s->table[i].key && s->table[i].key != DUMMY) {
            hash ^= shuffle_bits((uint64_t)s->table[i].hash);
        }
    }
    hash ^= ((uint64_t)s->used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == (uint64_t)-1) {
        hash = 590923713ULL;
    }
    s->hash = (PrHash)hash;
    return s->hash;
}

static ssize_t set_length(PrObject *self)
{
    return pr_set_size(self);
}

static int set_sq_contains(PrObject *self, PrObject *key)
{
    return pr_set_contains(self, key);
}

static void set_dealloc(PrObject *self)
{
    PrSet *s = (PrSet *)self;
    pr_gc_untrack(self);
    for (ssize_t i = 0; i <= s->mask; i++) {
        if (s->table[i].key && s->table[i].key != DUMMY) {
            PR_DECREF(s->table[i].key);
        }
    }
    if (s->table != s->smalltable) {
        pr_mem_free(s->table);
    }
    pr_object_free(self);
}

static int set_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrObject *key;
    ssize_t pos = 0;
    while (pr_set_next(self, &pos, &key, NULL)) {
        int rc = visit(key, arg);
        if (rc) {
            return rc;
        }
    }
    return 0;
}

static int set_gc_clear(PrObject *self)
{
    pr_set_clear(self);
    return 0;
}

static ssize_t set_sizeof(PrObject *self)
{
    PrSet *s = (PrSet *)self;
    ssize_t size = (ssize_t)sizeof(PrSet);
    if (s->table != s->smalltable) {
        size += (s->mask + 1) * (ssize_t)sizeof(PrSetEntry);
    }
    return size;
}

/* set(iterable=()) and frozenset(iterable=()). */
static int check_ctor_args(PrType *type, size_t nargs, PrObject *kwnames)
{
    if (kwnames && PR_TUPLE_SIZE(kwnames)) {
        pr_err_format(PR_EXC(TypeError), "%s() takes no keyword arguments", type->name);
        return -1;
    }
    if (nargs > 1) {
        pr_err_format(PR_EXC(TypeError), "%s expected at most 1 argument, got %zu", type->name,
                      nargs);
        return -1;
    }
    return 0;
}

static PrObject *set_new(PrType *type, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    return (PrObject *)make_set(type);
}

static int set_init(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (check_ctor_args(PR_TYPE_OF(self), nargs, kwnames) < 0) {
        return -1;
    }
    pr_set_clear(self);
    return nargs ? pr_set_update(self, args[0]) : 0;
}

static PrObject *frozenset_new(PrType *type, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (check_ctor_args(type, nargs, kwnames) < 0) {
        return NULL;
    }
    if (type == PR_TYPE(frozenset) && nargs && PR_TYPE_OF(args[0]) == PR_TYPE(frozenset)) {
        return PR_NEWREF(args[0]);
    }
    return make_from(type, nargs ? args[0] : NULL);
}

/* ============================================================================================
 *  Iterator
 * ============================================================================================ */

typedef struct SetIter {
    PrObject ob;
    PrObject *set; /* NULL once exhausted */
    ssize_t used;  /* the set's size when iteration began */
    ssize_t pos, remaining;
} SetIter;

static PrObject *set_iter(PrObject *self)
{
    SetIter *it = (SetIter *)pr_object_new(PR_TYPE(set_iterator));
    if (!it) {
        return NULL;
    }
    it->set = PR_NEWREF(self);
    it->used = it->remaining = pr_set_size(self);
    pr_gc_track((PrObject *)it);
    return (PrObject *)it;
}

static PrObject *setiter_next(PrObject *self)
{
    SetIter *it = (SetIter *)self;
    PrObject *key;
    if (!it->set) {
        return NULL;
    }
    if (it->used != pr_set_size(it->set)) {
        it->used = -1; /* the error stays */
        return pr_err_set(PR_EXC(RuntimeError), "Set changed size during iteration");
    }
    if (!pr_set_next(it->set, &it->pos, &key, NULL) || it->remaining == 0) {
        PR_CLEAR(it->set);
        return NULL;
    }
    it->remaining--;
    return PR_NEWREF(key);
}

static void setiter_dealloc(PrObject *self)
{
    pr_gc_untrack(self);
    PR_XDECREF(((SetIter *)self)->set);
    pr_object_free(self);
}

static int setiter_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrObject *s = ((SetIter *)self)->set;
    return s ? visit(s, arg) : 0;
}

static PrObject *setiter_length_hint(PrObject *self, PrObject *const *args, size_t nargs,
                                     PrObject *kwnames)
{
    SetIter *it = (SetIter *)self;
    int live = it->set && it->used == pr_set_size(it->set);
    return pr_long_from_int64(live ? it->remaining : 0);
}

static const PrMethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, PR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

const PrType pr_set_iter_spec = {
    .name = "set_iterator",
    .basicsize = sizeof(SetIter),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = setiter_dealloc,
    .traverse = setiter_traverse,
    .iter = pr_iter_self,
    .iternext = setiter_next,
    .methods = setiter_methods,
};

#define SET_SLOTS                                                                                  \
    .basicsize = sizeof(PrSet), .dealloc = set_dealloc, .repr = set_repr,                          \
    .richcompare = set_richcompare, .iter = set_iter, .traverse = set_traverse,                    \
    .clear = set_gc_clear, .size_of = set_sizeof, .number.nb_or = set_or,                          \
    .number.nb_and = set_and, .number.nb_sub = set_sub, .number.nb_xor = set_xor,                  \
    .sequence.sq_length = set_length, .sequence.sq_contains = set_sq_contains

const PrType pr_set_spec = {
    .name = "set",
    .doc = "Build an unordered collection of unique elements.",
    .flags = PR_TPFLAG_GC | PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE,
    SET_SLOTS,
    .hash = pr_object_hash_not_implemented,
    .new = set_new,
    .init = set_init,
    .number.nb_inplace_or = set_ior,
    .number.nb_inplace_and = set_iand,
    .number.nb_inplace_sub = set_isub,
    .number.nb_inplace_xor = set_ixor,
    .methods = set_methods,
};

const PrType pr_frozenset_spec = {
    .name = "frozenset",
    .doc = "Build an immutable unordered collection of unique elements.",
    .flags = PR_TPFLAG_GC | PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE,
    SET_SLOTS,
    .hash = frozenset_hash,
    .new = frozenset_new,
    .methods = frozenset_methods,
};
