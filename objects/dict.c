/* objects/dict.c — the core of dict: the compact ordered table (lookup, insertion, deletion,
 * resizing), iteration by index with change detection, repr, equality and collector support.
 * The layout and contracts are in objects/dict.h. */
#include "objects/dict.h"

#include "objects/dict_impl.h"

#include "memory/obmalloc.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"

#include <string.h>

#define IX_EMPTY (-1)
#define IX_DUMMY (-2) /* a deleted item's index slot */
#define IX_ERROR (-3) /* lookup failed with an exception */
#define PERTURB_SHIFT 5
#define MIN_LOG2_SIZE 3
/* A table of n slots holds at most 2n/3 entries. */
#define USABLE_FRACTION(n) (((n) << 1) / 3)

/* ============================================================================================
 *  The keys block
 * ============================================================================================ */

/* The entry array: {hash, key, value} in a general table, {key, value} in a str-only one
 * (the hash is the str's cached one), as CPython 3.11's two kinds of keys. */
static PrDictEntry *entries_of(PrDictKeys *k)
{
    return (PrDictEntry *)(void *)(k->indices + ((size_t)1 << k->log2_index_bytes));
}

static PrDictStrEntry *str_entries_of(PrDictKeys *k)
{
    return (PrDictStrEntry *)(void *)(k->indices + ((size_t)1 << k->log2_index_bytes));
}

static PrObject **entry_key(PrDictKeys *k, ssize_t i)
{
    return k->str_only ? &str_entries_of(k)[i].key : &entries_of(k)[i].key;
}

static PrObject **entry_value(PrDictKeys *k, ssize_t i)
{
    return k->str_only ? &str_entries_of(k)[i].value : &entries_of(k)[i].value;
}

/* The hash of a str key of a table: computed when it went in, so read directly. */
static PrHash str_key_hash(PrObject *key)
{
    PR_ASSERT(((PrStr *)key)->hash != -1);
    return ((PrStr *)key)->hash;
}

/* The hash of the live entry i. */
static PrHash entry_hash(PrDictKeys *k, ssize_t i)
{
    return k->str_only ? str_key_hash(str_entries_of(k)[i].key) : entries_of(k)[i].hash;
}

static void entry_set(PrDictKeys *k, ssize_t i, PrHash hash, PrObject *key, PrObject *value)
{
    if (k->str_only) {
        str_entries_of(k)[i] = (PrDictStrEntry){key, value};
    } else {
        entries_of(k)[i] = (PrDictEntry){hash, key, value};
    }
}

static ssize_t get_index(const PrDictKeys *k, size_t i)
{
    if (k->log2_size < 8) {
        return ((const int8_t *)k->indices)[i];
    } else if (k->log2_size < 16) {
        return ((const int16_t *)(const void *)k->indices)[i];
    } else if (k->log2_size < 32) {
        return ((const int32_t *)(const void *)k->indices)[i];
    }
    return (ssize_t)((const int64_t *)(const void *)k->indices)[i];
}

static void set_index(PrDictKeys *k, size_t i, ssize_t ix)
{
    if (k->log2_size < 8) {
        ((int8_t *)k->indices)[i] = (int8_t)ix;
    } else if (k->log2_size < 16) {
        ((int16_t *)(void *)k->indices)[i] = (int16_t)ix;
    } else if (k->log2_size < 32) {
        ((int32_t *)(void *)k->indices)[i] = (int32_t)ix;
    } else {
        ((int64_t *)(void *)k->indices)[i] = ix;
    }
}

static size_t keys_bytes(int log2_size, int str_only)
{
    int log2_index_bytes = log2_size + (log2_size < 8    ? 0
                                        : log2_size < 16 ? 1
                                        : log2_size < 32 ? 2
                                                         : 3);
    return sizeof(PrDictKeys) + ((size_t)1 << log2_index_bytes) +
           (size_t)USABLE_FRACTION((ssize_t)1 << log2_size) *
               (str_only ? sizeof(PrDictStrEntry) : sizeof(PrDictEntry));
}

/* Only the smallest str-kind blocks are kept, as CPython 3.11 keeps them. */
static int keys_reusable(int log2_size, int str_only)
{
    return log2_size == MIN_LOG2_SIZE && str_only;
}

static PrDictKeys *new_keys(int log2_size, int str_only)
{
    if (log2_size >= 8 * (int)sizeof(ssize_t) - 3) {
        pr_err_no_memory();
        return NULL;
    }
    PrDictKeys *k = NULL;
    if (keys_reusable(log2_size, str_only)) {
        k = pr_freelist_pop(&pr_interp.dict.keys_free);
    }
    if (!k) {
        k = pr_mem_alloc(keys_bytes(log2_size, str_only));
    }
    if (!k) {
        pr_err_no_memory();
        return NULL;
    }
    k->log2_size = (uint8_t)log2_size;
    k->log2_index_bytes = (uint8_t)(log2_size + (log2_size < 8    ? 0
                                                 : log2_size < 16 ? 1
                                                 : log2_size < 32 ? 2
                                                                  : 3));
    k->refcnt = 1;
    k->version = 0;
    k->str_only = (uint8_t)str_only;
    k->usable = USABLE_FRACTION((ssize_t)1 << log2_size);
    k->nentries = 0;
    memset(k->indices, 0xff, (size_t)1 << k->log2_index_bytes); /* IX_EMPTY at every width */
    return k;
}

/* The first index slot for hash that holds no live entry (empty or dummy). */
static size_t find_empty_slot(const PrDictKeys *k, PrHash hash)
{
    size_t mask = ((size_t)1 << k->log2_size) - 1, perturb = (size_t)hash, i = perturb & mask;
    while (get_index(k, i) >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The index slot that points at entry ix. */
static size_t find_slot_of(const PrDictKeys *k, PrHash hash, ssize_t ix)
{
    size_t mask = ((size_t)1 << k->log2_size) - 1, perturb = (size_t)hash, i = perturb & mask;
    while (get_index(k, i) != ix) {
        PR_ASSERT(get_index(k, i) != IX_EMPTY);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

static void bump_version(PrDict *d)
{
    d->version = ++pr_interp.dict.next_version;
}

/* ============================================================================================
 *  Lookup
 * ============================================================================================ */

/* Finds key (with its hash) in d. Returns: the entry index, IX_EMPTY when absent, or IX_ERROR
 * with an exception when a comparison failed. A user __eq__ that changes d restarts the
 * search, as in CPython. */
static ssize_t lookup(PrDict *d, PrObject *key, PrHash hash)
{
    int fast = PR_STR_CHECK_EXACT(key);
restart:;
    PrDictKeys *k = d->keys;
    if (!k) {
        return IX_EMPTY;
    }
    size_t mask = ((size_t)1 << k->log2_size) - 1, perturb = (size_t)hash, i = perturb & mask;
    if (fast && k->str_only) {
        /* str in a str-only table: no comparison can run code, so no restart */
        const PrDictStrEntry *e = str_entries_of(k);
        for (;;) {
            ssize_t ix = get_index(k, i);
            if (ix == IX_EMPTY) {
                return IX_EMPTY;
            }
            if (ix >= 0 && (e[ix].key == key || (str_key_hash(e[ix].key) == hash &&
                                                  pr_str_eq(e[ix].key, key)))) {
                return ix;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
    }
    for (;;) {
        ssize_t ix = get_index(k, i);
        if (ix == IX_EMPTY) {
            return IX_EMPTY;
        }
        if (ix >= 0) {
            PrObject *ekey = *entry_key(k, ix);
            if (ekey == key) {
                return ix;
            }
            if (entry_hash(k, ix) == hash) {
                if (fast && PR_STR_CHECK_EXACT(ekey)) {
                    if (pr_str_eq(ekey, key)) {
                        return ix;
                    }
                } else {
                    PrObject *start = PR_NEWREF(ekey);
                    int eq = pr_object_richcompare_bool(start, key, PR_EQ);
                    PR_DECREF(start);
                    if (eq < 0) {
                        return IX_ERROR;
                    }
                    if (d->keys != k || *entry_key(k, ix) != start) {
                        goto restart;
                    }
                    if (eq) {
                        return ix;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* hash(key), the cached one for str. Returns: the hash or -1 with an exception. */
static PrHash key_hash(PrObject *key)
{
    return PR_STR_CHECK_EXACT(key) ? pr_str_hash(key) : pr_object_hash(key);
}

PrObject *pr_dict_getitem_borrow(PrObject *d, PrObject *key)
{
    PrHash hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    ssize_t ix = lookup((PrDict *)d, key, hash);
    return ix >= 0 ? *entry_value(((PrDict *)d)->keys, ix) : NULL;
}

PrObject *pr_dict_getitem_cstr_borrow(PrObject *d, const char *key)
{
    PrDictKeys *k = ((PrDict *)d)->keys;
    if (!k) {
        return NULL;
    }
    size_t n = strlen(key);
    PrHash hash = pr_hash_bytes(key, n); /* str's hash: the same function on the same bytes */
    size_t mask = ((size_t)1 << k->log2_size) - 1, perturb = (size_t)hash, i = perturb & mask;
    for (ssize_t ix; (ix = get_index(k, i)) != IX_EMPTY;) {
        if (ix >= 0 && PR_STR_CHECK(*entry_key(k, ix)) && entry_hash(k, ix) == hash &&
            pr_str_eq_cstr(*entry_key(k, ix), key)) {
            return *entry_value(k, ix);
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return NULL;
}

int pr_dict_contains(PrObject *d, PrObject *key)
{
    PrHash hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    ssize_t ix = lookup((PrDict *)d, key, hash);
    return ix == IX_ERROR ? -1 : ix >= 0;
}

PrObject *pr_dict_subscript(PrObject *d, PrObject *key)
{
    PrObject *v = pr_dict_getitem_borrow(d, key);
    if (v) {
        return PR_NEWREF(v);
    }
    return pr_err_occurred() ? NULL : pr_err_set_object(PR_EXC(KeyError), key);
}

/* ============================================================================================
 *  Insertion, resizing, deletion
 * ============================================================================================ */

static void free_keys(PrDictKeys *k);

/* Returns an emptied keys block to the free list or the allocator. */
static void release_keys_block(PrDictKeys *k)
{
    if (!keys_reusable(k->log2_size, k->str_only) ||
        !pr_freelist_push(&pr_interp.dict.keys_free, k)) {
        pr_mem_free(k);
    }
}

/* Rebuilds d's table with room for minsize entries, compacting deleted ones away; str_only
 * chooses the kind of the new table (a general one once a key is not an exact str). */
static int resize(PrDict *d, ssize_t minsize, int str_only)
{
    /* CPython's calculate_log2_keysize: bit_length(((minsize | 8) - 1) | 7), so 1..7 give
     * 16 slots (a conversion of {'a': 1} to a general table makes 16, as in CPython). */
    size_t bits = (((size_t)minsize | 8) - 1) | 7;
    int log2 = 0;
    while (bits >> log2) {
        log2++;
    }
    PrDictKeys *old = d->keys, *k = new_keys(log2, str_only);
    if (!k) {
        return -1;
    }
    if (old) {
        ssize_t j = 0;
        for (ssize_t i = 0; i < old->nentries; i++) {
            PrObject *key = *entry_key(old, i);
            if (key) {
                PrHash hash = entry_hash(old, i);
                entry_set(k, j, hash, key, *entry_value(old, i));
                set_index(k, find_empty_slot(k, hash), j);
                j++;
            }
        }
        k->nentries = j;
        k->usable -= j;
        release_keys_block(old);
    }
    d->keys = k;
    return 0;
}

static void maintain_tracking(PrDict *d, PrObject *key, PrObject *value)
{
    if (!pr_gc_is_tracked((PrObject *)d) &&
        (pr_object_gc_may_be_tracked(key) || pr_object_gc_may_be_tracked(value))) {
        pr_gc_track((PrObject *)d);
    }
}

static int insert(PrDict *d, PrObject *key, PrHash hash, PrObject *value)
{
    ssize_t ix = lookup(d, key, hash);
    if (ix == IX_ERROR) {
        return -1;
    }
    maintain_tracking(d, key, value);
    if (ix >= 0) {
        PrObject **slot = entry_value(d->keys, ix), *old = *slot;
        *slot = PR_NEWREF(value);
        bump_version(d);
        PR_DECREF(old);
        return 0;
    }
    int str_key = PR_STR_CHECK_EXACT(key);
    if (!d->keys) { /* the first key decides the kind, as CPython's insert_to_emptydict */
        if (resize(d, 0, str_key) < 0) {
            return -1;
        }
    } else if (d->keys->str_only && !str_key) { /* CPython's insertion_resize to general */
        if (resize(d, d->used * 3, 0) < 0) {
            return -1;
        }
    }
    if (d->keys->usable <= 0 && resize(d, d->used * 3, d->keys->str_only) < 0) {
        return -1;
    }
    PrDictKeys *k = d->keys;
    set_index(k, find_empty_slot(k, hash), k->nentries);
    entry_set(k, k->nentries, hash, PR_NEWREF(key), PR_NEWREF(value));
    k->nentries++;
    k->usable--;
    d->used++;
    bump_version(d);
    return 0;
}

int pr_dict_setitem(PrObject *d, PrObject *key, PrObject *value)
{
    PrHash hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return insert((PrDict *)d, key, hash, value);
}

int pr_dict_setitem_cstr(PrObject *d, const char *key, PrObject *value)
{
    PrObject *k = pr_str_intern_cstr(key);
    if (!k) {
        return -1;
    }
    int rc = pr_dict_setitem(d, k, value);
    PR_DECREF(k);
    return rc;
}

int pr_dict_delitem(PrObject *dict, PrObject *key)
{
    PrDict *d = (PrDict *)dict;
    PrHash hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    ssize_t ix = lookup(d, key, hash);
    if (ix == IX_ERROR) {
        return -1;
    }
    if (ix == IX_EMPTY) {
        pr_err_set_object(PR_EXC(KeyError), key);
        return -1;
    }
    PrDictKeys *k = d->keys;
    PrObject *old_key = *entry_key(k, ix), *old_value = *entry_value(k, ix);
    set_index(k, find_slot_of(k, hash, ix), IX_DUMMY);
    *entry_key(k, ix) = *entry_value(k, ix) = NULL;
    d->used--;
    bump_version(d);
    PR_DECREF(old_key);
    PR_DECREF(old_value);
    return 0;
}

int pr_dict_delitem_cstr(PrObject *d, const char *key)
{
    PrObject *k = pr_str_from_cstr(key);
    if (!k) {
        return -1;
    }
    int rc = pr_dict_delitem(d, k);
    PR_DECREF(k);
    return rc;
}

/* Releases every key and value of a keys block and frees it. */
static void free_keys(PrDictKeys *k)
{
    if (!k) {
        return;
    }
    for (ssize_t i = 0; i < k->nentries; i++) {
        PR_XDECREF(*entry_key(k, i));
        PR_XDECREF(*entry_value(k, i));
    }
    release_keys_block(k);
}

/* Hands a dict kept on the free list back to the allocator. */
static void release_dict(void *block)
{
    pr_gc_note_alloc(&pr_interp.gc); /* pr_object_free counts the free again */
    pr_object_free(block);
}

void pr_dict_init_state(void)
{
    pr_freelist_init(&pr_interp.dict.free, PR_DICT_MAXFREELIST, release_dict);
    pr_freelist_init(&pr_interp.dict.keys_free, PR_DICT_MAXFREELIST, pr_mem_free);
}

ssize_t pr_dict_clear_free_lists(void)
{
    return pr_freelist_clear(&pr_interp.dict.free) + pr_freelist_clear(&pr_interp.dict.keys_free);
}

void pr_dict_clear(PrObject *dict)
{
    PrDict *d = (PrDict *)dict;
    PrDictKeys *k = d->keys;
    if (!k) {
        return;
    }
    d->keys = NULL; /* the dict is empty before any __del__ can look at it */
    d->used = 0;
    bump_version(d);
    free_keys(k);
}

/* ============================================================================================
 *  Copying and merging (CPython 3.11's dict_copy and dict_merge, so sizes match)
 * ============================================================================================ */

/* A new dict whose keys block is a byte copy of d's (every key and value gains a reference). */
static PrObject *clone(PrDict *d)
{
    PrDictKeys *k = d->keys;
    size_t n = keys_bytes(k->log2_size, k->str_only);
    PrDict *r = (PrDict *)pr_dict_new();
    PrDictKeys *c = r ? pr_mem_alloc(n) : NULL;
    if (!c) {
        if (r) {
            PR_DECREF(r);
            pr_err_no_memory();
        }
        return NULL;
    }
    memcpy(c, k, n);
    for (ssize_t i = 0; i < c->nentries; i++) {
        PR_XINCREF(*entry_key(c, i));
        PR_XINCREF(*entry_value(c, i));
    }
    r->keys = c;
    r->used = d->used;
    if (pr_gc_is_tracked((PrObject *)d)) {
        pr_gc_track((PrObject *)r);
    }
    return (PrObject *)r;
}

/* Adds every item of the dict o to d (both borrowed). */
static int insert_all(PrDict *d, PrDict *o)
{
    PrObject *key, *value;
    ssize_t pos = 0;
    while (pr_dict_next((PrObject *)o, &pos, &key, &value)) {
        PR_INCREF(key);
        PR_INCREF(value);
        PrHash hash = key_hash(key); /* cached for str; others are hashable already */
        int rc = hash == -1 ? -1 : insert(d, key, hash, value);
        PR_DECREF(key);
        PR_DECREF(value);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

PrObject *pr_dict_copy(PrObject *dict)
{
    PrDict *d = (PrDict *)dict;
    if (d->used == 0) {
        return pr_dict_new();
    }
    if (d->used >= (d->keys->nentries * 2) / 3) { /* few deleted entries: copy the table */
        return clone(d);
    }
    PrObject *r = pr_dict_new();
    if (r && pr_dict_merge(r, dict) < 0) {
        PR_CLEAR(r);
    }
    return r;
}

int pr_dict_merge(PrObject *dict, PrObject *other)
{
    PrDict *d = (PrDict *)dict, *o = (PrDict *)other;
    if (d == o || o->used == 0) {
        return 0;
    }
    if (d->used == 0 && o->used == o->keys->nentries) { /* an empty dict takes a copy */
        PrDict *c = (PrDict *)clone(o);
        if (!c) {
            return -1;
        }
        PrDictKeys *old = d->keys;
        d->keys = c->keys;
        d->used = c->used;
        c->keys = NULL;
        c->used = 0;
        if (pr_gc_is_tracked((PrObject *)c) && !pr_gc_is_tracked(dict)) {
            pr_gc_track(dict);
        }
        PR_DECREF(c);
        bump_version(d);
        free_keys(old);
        return 0;
    }
    ssize_t size = d->keys ? (ssize_t)1 << d->keys->log2_size : 0;
    if (USABLE_FRACTION(size) < o->used) { /* estimate_log2_keysize(used + other's used) */
        int str_only = (d->keys ? d->keys->str_only : 1) && o->keys->str_only;
        if (resize(d, ((d->used + o->used) * 3 + 1) / 2, str_only) < 0) {
            return -1;
        }
    }
    return insert_all(d, o);
}

/* As CPython 3.11's popitem: the last entry goes, and the entry count drops to it. The
 * result tuple is made first, so a MemoryError leaves the dict as it was. */
PrObject *pr_dict_popitem(PrObject *dict)
{
    PrDict *d = (PrDict *)dict;
    if (d->used == 0) {
        return pr_err_set(PR_EXC(KeyError), "popitem(): dictionary is empty");
    }
    PrObject *pair = pr_tuple_new(2);
    if (!pair) {
        return NULL;
    }
    PrDictKeys *k = d->keys;
    ssize_t i = k->nentries - 1;
    while (!*entry_key(k, i)) {
        i--;
    }
    set_index(k, find_slot_of(k, entry_hash(k, i), i), IX_DUMMY);
    PR_TUPLE_ITEMS(pair)[0] = *entry_key(k, i);
    PR_TUPLE_ITEMS(pair)[1] = *entry_value(k, i);
    *entry_key(k, i) = *entry_value(k, i) = NULL;
    k->nentries = i;
    d->used--;
    bump_version(d);
    return pair;
}

/* ============================================================================================
 *  Reading and iterating
 * ============================================================================================ */

PrObject *pr_dict_new(void)
{
    PrDict *d = pr_freelist_pop(&pr_interp.dict.free);
    if (d) {
        d->ob.refcnt = 1;
        d->used = 0;
        d->keys = NULL;
        d->values = NULL;
        pr_gc_note_alloc(&pr_interp.gc);
    } else if (!(d = (PrDict *)pr_object_new(PR_TYPE(dict)))) {
        return NULL;
    }
    bump_version(d);
    return (PrObject *)d;
}

ssize_t pr_dict_size(PrObject *d)
{
    return ((PrDict *)d)->used;
}

uint64_t pr_dict_version(PrObject *d)
{
    return ((PrDict *)d)->version;
}

int pr_dict_next(PrObject *dict, ssize_t *pos, PrObject **key, PrObject **value)
{
    PrDictKeys *k = ((PrDict *)dict)->keys;
    ssize_t i = *pos;
    if (!k) {
        return 0;
    }
    while (i < k->nentries && !*entry_key(k, i)) {
        i++;
    }
    if (i >= k->nentries) {
        return 0;
    }
    *pos = i + 1;
    if (key) {
        *key = *entry_key(k, i);
    }
    if (value) {
        *value = *entry_value(k, i);
    }
    return 1;
}

void pr_dict_iter_init(PrObject *d, PrDictIterState *st)
{
    st->pos = 0;
    st->used = st->remaining = ((PrDict *)d)->used;
}

int pr_dict_iter_next(PrObject *d, PrDictIterState *st, PrObject **key, PrObject **value)
{
    if (st->used != ((PrDict *)d)->used) {
        st->used = -1; /* the error stays */
        pr_err_set(PR_EXC(RuntimeError), "dictionary changed size during iteration");
        return -1;
    }
    if (!pr_dict_next(d, &st->pos, key, value)) {
        return 0;
    }
    if (st->remaining == 0) {
        pr_err_set(PR_EXC(RuntimeError), "dictionary keys changed during iteration");
        return -1;
    }
    st->remaining--;
    return 1;
}

void pr_dict_iter_init_reversed(PrObject *d, PrDictIterState *st)
{
    PrDictKeys *k = ((PrDict *)d)->keys;
    st->pos = k ? k->nentries - 1 : -1;
    st->used = st->remaining = ((PrDict *)d)->used;
}

int pr_dict_iter_prev(PrObject *dict, PrDictIterState *st, PrObject **key, PrObject **value)
{
    PrDict *d = (PrDict *)dict;
    if (st->used != d->used) {
        st->used = -1;
        pr_err_set(PR_EXC(RuntimeError), "dictionary changed size during iteration");
        return -1;
    }
    PrDictKeys *k = d->keys;
    ssize_t i = st->pos;
    if (!k || st->remaining == 0 || i < 0) {
        return 0;
    }
    if (i >= k->nentries) {
        i = k->nentries - 1;
    }
    while (i >= 0 && !*entry_key(k, i)) {
        i--;
    }
    if (i < 0) {
        return 0;
    }
    st->pos = i - 1;
    st->remaining--;
    if (key) {
        *key = *entry_key(k, i);
    }
    if (value) {
        *value = *entry_value(k, i);
    }
    return 1;
}

/* ============================================================================================
 *  The type
 * ============================================================================================ */

/* A freed exact dict goes to the free list (up to 80, CPython 3.11's PyDict_MAXFREELIST). */
static void dict_dealloc(PrObject *self)
{
    pr_gc_untrack(self);
    free_keys(((PrDict *)self)->keys);
    if (PR_DICT_CHECK_EXACT(self) && pr_freelist_push(&pr_interp.dict.free, self)) {
        pr_gc_note_free(&pr_interp.gc);
        return;
    }
    pr_object_free(self);
}

static ssize_t dict_length(PrObject *self)
{
    return ((PrDict *)self)->used;
}

static int dict_ass_subscript(PrObject *self, PrObject *key, PrObject *value)
{
    return value ? pr_dict_setitem(self, key, value) : pr_dict_delitem(self, key);
}

/* Appends "key: value" for the entry at i (both held while their repr runs). */
static int repr_item(PrStrBuilder *b, PrObject *key, PrObject *value)
{
    PR_INCREF(key);
    PR_INCREF(value);
    int rc = pr_str_builder_append_repr(b, key) < 0 || pr_str_builder_append(b, ": ", 2) < 0 ||
                     pr_str_builder_append_repr(b, value) < 0
                 ? -1
                 : 0;
    PR_DECREF(key);
    PR_DECREF(value);
    return rc;
}

static PrObject *dict_repr(PrObject *self)
{
    if (((PrDict *)self)->used == 0) {
        return pr_str_from_cstr("{}");
    }
    int rc = pr_repr_enter(self);
    if (rc != 0) {
        return rc > 0 ? pr_str_from_cstr("{...}") : NULL;
    }
    PrStrBuilder b;
    PrObject *key, *value;
    ssize_t pos = 0;
    int first = 1;
    pr_str_builder_init(&b);
    pr_str_builder_append(&b, "{", 1);
    while (pr_dict_next(self, &pos, &key, &value)) { /* re-reads the table: repr may change it */
        if ((!first && pr_str_builder_append(&b, ", ", 2) < 0) || repr_item(&b, key, value) < 0) {
            break;
        }
        first = 0;
    }
    pr_str_builder_append(&b, "}", 1);
    pr_repr_leave(self);
    return pr_str_builder_finish(&b);
}

/* a == b for two dicts. Returns: 1, 0 or -1. */
static int dict_equal(PrDict *a, PrDict *b)
{
    if (a->used != b->used) {
        return 0;
    }
    PrObject *key, *avalue;
    ssize_t pos = 0;
    while (pr_dict_next((PrObject *)a, &pos, &key, &avalue)) {
        PR_INCREF(key);
        PR_INCREF(avalue);
        PrObject *bvalue = pr_dict_getitem_borrow((PrObject *)b, key);
        int eq = bvalue ? (PR_INCREF(bvalue), pr_object_richcompare_bool(avalue, bvalue, PR_EQ))
                        : (pr_err_occurred() ? -1 : 0);
        PR_XDECREF(bvalue);
        PR_DECREF(avalue);
        PR_DECREF(key);
        if (eq <= 0) {
            return eq;
        }
    }
    return 1;
}

static PrObject *dict_richcompare(PrObject *a, PrObject *b, PrCompareOp op)
{
    if (!PR_DICT_CHECK(a) || !PR_DICT_CHECK(b) || (op != PR_EQ && op != PR_NE)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    int eq = dict_equal((PrDict *)a, (PrDict *)b);
    return eq < 0 ? NULL : pr_bool_from_long(op == PR_EQ ? eq : !eq);
}

/* As CPython: a table of str keys shows only its values (str cannot hold references). */
static int dict_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrDictKeys *k = ((PrDict *)self)->keys;
    if (!k) {
        return 0;
    }
    for (ssize_t i = 0; i < k->nentries; i++) {
        int rc = 0;
        if (*entry_key(k, i)) {
            rc =
                (!k->str_only ? visit(*entry_key(k, i), arg) : 0) || visit(*entry_value(k, i), arg);
        }
        if (rc) {
            return rc;
        }
    }
    return 0;
}

static int dict_gc_clear(PrObject *self)
{
    pr_dict_clear(self);
    return 0;
}

static int dict_sq_contains(PrObject *self, PrObject *key)
{
    return pr_dict_contains(self, key);
}

/* The dict (48 bytes) and its keys block (32-byte header, indices, entries of 16 or 24 bytes),
 * as allocated: CPython 3.11's numbers. */
static ssize_t dict_sizeof(PrObject *self)
{
    PrDictKeys *k = ((PrDict *)self)->keys;
    return (ssize_t)sizeof(PrDict) + (k ? (ssize_t)keys_bytes(k->log2_size, k->str_only) : 0);
}

const PrType pr_dict_spec = {
    .name = "dict",
    .doc = "dict() -> new empty dictionary",
    .basicsize = sizeof(PrDict),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE | PR_TPFLAG_DICT_SUBCLASS,
    .dealloc = dict_dealloc,
    .repr = dict_repr,
    .hash = pr_object_hash_not_implemented,
    .richcompare = dict_richcompare,
    .traverse = dict_traverse,
    .clear = dict_gc_clear,
    .size_of = dict_sizeof,
    .iter = pr_dict_type_iter,
    .new = pr_dict_type_new,
    .init = pr_dict_type_init,
    .methods = pr_dict_methods,
    .number.nb_or = pr_dict_type_or,
    .number.nb_inplace_or = pr_dict_type_ior,
    .sequence.sq_contains = dict_sq_contains,
    .mapping.mp_length = dict_length,
    .mapping.mp_subscript = pr_dict_subscript,
    .mapping.mp_ass_subscript = dict_ass_subscript,
};
