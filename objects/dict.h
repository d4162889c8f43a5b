/* objects/dict.h — the core of dict: CPython 3.6+'s compact, insertion-ordered hash table.
 * A dict points at a keys block: a sparse array of indices (1, 2, 4 or 8 bytes each, by table
 * size) followed by a dense array of entries in insertion order: {key, value} while every key
 * is an exact str (the hash is the str's own), {hash, key, value} otherwise — CPython 3.11's
 * unicode and general kinds; the first non-str key converts the table. Lookups
 * probe the indices with CPython's perturbation scheme; deletion leaves a dummy index and an
 * empty entry, compacted away by the next resize. A table of size 2**k holds 2/3 of it in
 * entries; when full it is rebuilt for 3 * used entries. An empty dict has no keys block.
 *
 * Memory: the dict object and the keys block are laid out as CPython 3.11's, so sys.getsizeof
 * matches it: {} 64; str keys 184, 272, 464, 832, 1584, 3328 from 1, 6, 11, 22, 43, 86 items;
 * other keys 224, 352, 632, 1168, 2264, 4688 at the same points; copy() and update() from a
 * dict clone or presize the keys as CPython's dict_copy and dict_merge. As CPython 3.11, up to
 * 80 freed dicts and 80 freed 8-slot str-kind keys blocks are kept for reuse
 * (pr_dict_clear_free_lists empties them: a full collection, shutdown, and tests that count
 * blocks).
 *
 * Str fast path: while every key is an exact str (type dicts, globals, instance dicts), the
 * table is of the str kind, so lookups with a str key compare pointers, then cached hashes and
 * bytes, never calling __eq__. Every change bumps the dict's version, drawn from one counter for
 * all dicts (PEP 509), so the VM can cache a global lookup under (dict, version).
 *
 * The collector sees a dict only once it may hold a container: new dicts are untracked and
 * start being tracked when a key or value of a GC type is stored (CPython's MAINTAIN_TRACKING).
 * Views, iterators, methods (keys, items, get, pop, update...) and dict() are in
 * objects/dict_methods.c; pr_dict_iter_next gives them the "changed size during iteration"
 * check. */
#ifndef PR_OBJECTS_DICT_H
#define PR_OBJECTS_DICT_H

#include "vm/interp.h"

#include <stdint.h>

/* An entry of a general table. */
typedef struct PrDictEntry {
    PrHash hash;
    PrObject *key; /* NULL: a deleted entry */
    PrObject *value;
} PrDictEntry;

/* An entry of a str-only table: the hash is the key's cached one (CPython's unicode kind). */
typedef struct PrDictStrEntry {
    PrObject *key; /* NULL: a deleted entry */
    PrObject *value;
} PrDictStrEntry;

/* CPython 3.11's PyDictKeysObject, field for field, so sizes match (32-byte header). */
typedef struct PrDictKeys {
    ssize_t refcnt;           /* 1: keys are not shared (no split tables yet) */
    uint8_t log2_size;        /* the table has 2**log2_size index slots */
    uint8_t log2_index_bytes; /* log2 of the bytes of the index array */
    uint8_t str_only;         /* every key is an exact str: PrDictStrEntry entries */
    uint32_t version;         /* keys version for attribute caches; 0: none assigned */
    ssize_t usable;           /* entries still free at the end of the entry array */
    ssize_t nentries;         /* entries used, deleted ones included */
    char indices[];           /* then the entries */
} PrDictKeys;

/* CPython 3.11's PyDictObject layout (48 bytes + the collector header: getsizeof({}) == 64). */
typedef struct PrDict {
    PrObject ob;
    ssize_t used;      /* live items */
    uint64_t version;  /* changes on every mutation */
    PrDictKeys *keys;  /* NULL for an empty dict that never held anything */
    PrObject **values; /* split-table values (instance dicts sharing keys): not used yet */
} PrDict;

extern const PrType pr_dict_spec;

#define PR_DICT_CHECK(o) PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_DICT_SUBCLASS)
#define PR_DICT_CHECK_EXACT(o) (PR_TYPE_OF(o) == PR_TYPE(dict))

/* Returns: a new empty dict. Errors: MemoryError. */
PrObject *pr_dict_new(void);

/* Returns: len(d). */
ssize_t pr_dict_size(PrObject *d);

/* d.version: a value no other dict state has had. */
uint64_t pr_dict_version(PrObject *d);

/* d[key] without raising KeyError. Returns: the value, borrowed; NULL with no exception when
 * key is absent; NULL with an exception when hashing or comparing key failed. */
PrObject *pr_dict_getitem_borrow(PrObject *d, PrObject *key);

/* The same with a C string key (compared by text; nothing is allocated). */
PrObject *pr_dict_getitem_cstr_borrow(PrObject *d, const char *key);

/* key in d. Returns: 1, 0, or -1 with an exception (unhashable key...). */
int pr_dict_contains(PrObject *d, PrObject *key);

/* d[key] = value (both borrowed; d takes references). Returns: 0, or -1 with TypeError
 * "unhashable type: 'list'", MemoryError, or what comparing keys raised. */
int pr_dict_setitem(PrObject *d, PrObject *key, PrObject *value);

/* d[key] = value with a C string key (made into an interned str). */
int pr_dict_setitem_cstr(PrObject *d, const char *key, PrObject *value);

/* del d[key]. Returns: 0, or -1 with KeyError(key) when absent, or a hashing error. */
int pr_dict_delitem(PrObject *d, PrObject *key);

/* del d[key] with a C string key. Returns: as pr_dict_delitem. */
int pr_dict_delitem_cstr(PrObject *d, const char *key);

/* d.popitem(): removes the last item inserted. Returns: a new (key, value) tuple.
 * Errors: KeyError 'popitem(): dictionary is empty', MemoryError (d unchanged). */
PrObject *pr_dict_popitem(PrObject *d);

/* Frees the dicts and keys blocks kept for reuse (a full collection, shutdown).
 * Returns: how many blocks were freed. */
ssize_t pr_dict_clear_free_lists(void);

/* Sets up the free lists of dicts and keys blocks, bound PR_DICT_MAXFREELIST each
 * (pr_interp_init, before the first dict). */
void pr_dict_init_state(void);

/* d.clear(). */
void pr_dict_clear(PrObject *d);

/* Steps through d in insertion order: start with *pos = 0; each call stores borrowed key and
 * value (either pointer may be NULL) and advances *pos. The dict must not change meanwhile.
 * Returns: 1 for an item, 0 at the end. */
int pr_dict_next(PrObject *d, ssize_t *pos, PrObject **key, PrObject **value);

/* What a dict iterator remembers. pr_dict_iter_init fills it; pr_dict_iter_next then works
 * like pr_dict_next but detects changes as CPython's dict iterators do. */
typedef struct PrDictIterState {
    ssize_t pos;       /* next entry to look at */
    ssize_t used;      /* d's size when iteration began */
    ssize_t remaining; /* items not yet produced */
} PrDictIterState;

void pr_dict_iter_init(PrObject *d, PrDictIterState *st);

/* Returns: 1 with borrowed *key and *value (either may be NULL), 0 at the end, -1 with
 * RuntimeError "dictionary changed size during iteration", or "dictionary keys changed during
 * iteration" when the size is the same but the entries moved. */
int pr_dict_iter_next(PrObject *d, PrDictIterState *st, PrObject **key, PrObject **value);

/* d.copy(): a new dict with the same items, in the same order; as CPython, the keys block is
 * copied whole when few entries are deleted (the copy has d's size), else the items are
 * inserted into a presized table. Returns: a new dict. Errors: MemoryError. */
PrObject *pr_dict_copy(PrObject *d);

/* d.update(other) for two dicts, as CPython's dict_merge: an empty d takes a copy of other's
 * table when it has no deleted entries; otherwise d is presized for both before inserting.
 * Returns: 0 or -1 (MemoryError, or what hashing/comparing keys raised). */
int pr_dict_merge(PrObject *d, PrObject *other);

/* d.update(other) for a mapping other (a dict, or anything with keys() and __getitem__), or
 * with pairs=1 for an iterable of key/value pairs. Returns: 0 or -1 with TypeError
 * "cannot convert dictionary update sequence element #0 to a sequence", ValueError
 * "dictionary update sequence element #0 has length 3; 2 is required", or what iteration,
 * hashing and lookups raised. */
int pr_dict_update(PrObject *d, PrObject *other, int pairs);

/* dict.fromkeys(iterable, value): value NULL means None. Returns: a new dict.
 * Errors: what iteration and hashing raise. */
PrObject *pr_dict_fromkeys(PrObject *iterable, PrObject *value);

/* d.pop(key[, dflt]): dflt NULL raises KeyError(key) when key is absent.
 * Returns: a new reference. Errors: KeyError, hashing errors. */
PrObject *pr_dict_pop(PrObject *d, PrObject *key, PrObject *dflt);

/* d.setdefault(key, dflt). Returns: the value now stored, borrowed. Errors: hashing,
 * MemoryError. */
PrObject *pr_dict_setdefault_borrow(PrObject *d, PrObject *key, PrObject *dflt);

/* The view objects of d.keys(), d.values(), d.items(). Returns: a new view. */
PrObject *pr_dict_keys(PrObject *d);
PrObject *pr_dict_values(PrObject *d);
PrObject *pr_dict_items(PrObject *d);

extern const PrType pr_dict_keys_spec, pr_dict_values_spec, pr_dict_items_spec;
extern const PrType pr_dict_keyiter_spec, pr_dict_valueiter_spec, pr_dict_itemiter_spec;
extern const PrType pr_dict_revkeyiter_spec, pr_dict_revvalueiter_spec, pr_dict_revitemiter_spec;

/* The same backwards (reversed(d)): start with pr_dict_iter_init_reversed. Returns: as
 * pr_dict_iter_next ("dictionary changed size during iteration"). */
void pr_dict_iter_init_reversed(PrObject *d, PrDictIterState *st);
int pr_dict_iter_prev(PrObject *d, PrDictIterState *st, PrObject **key, PrObject **value);

/* The mapping slot d[key]: Returns: a new reference. Errors: KeyError(key), hashing errors. */
PrObject *pr_dict_subscript(PrObject *d, PrObject *key);

#endif
