/* objects/strsearch.h — the bodies of the methods str and bytes share: find, rfind, index,
 * rindex, count, startswith, endswith, the argument of strip/lstrip/rstrip, split, rsplit and
 * splitlines, and subscription. They work on the bytes of the text (str is UTF-8, which is self-synchronising, so a
 * byte search finds exactly the code point matches) and are parameterised by a PrStrKind: the
 * receiver's type check, its units (code points or bytes) and its error messages, which are
 * CPython 3.11's for each type. Internal to objects/str*.c and objects/bytes.c. */
#ifndef PR_OBJECTS_STRSEARCH_H
#define PR_OBJECTS_STRSEARCH_H

#include "objects/strargs.h"

/* The text of a str or bytes: its bytes, and its length in the receiver's units. */
typedef struct PrStrText {
    const char *p;
    ssize_t nbytes;
    ssize_t len;
} PrStrText;

/* The role of an argument, which picks the message of a TypeError for a wrong type. */
typedef enum PrStrArg {
    PR_STRARG_SUB,         /* find(sub), count(sub), ... */
    PR_STRARG_PREFIX,      /* startswith(prefix) not a tuple */
    PR_STRARG_PREFIX_ITEM, /* an item of startswith's tuple */
    PR_STRARG_SEP,         /* split(sep) */
    PR_STRARG_CHARS,       /* strip(chars) */
} PrStrArg;

/* What the shared bodies know of a type. */
typedef struct PrStrKind {
    const char *name;      /* "str" or "bytes", as the messages name it */
    const char *not_found; /* what index() and rindex() raise */
    PrSplitChars chars;    /* what split() and splitlines() break on */
    PrSplitPiece piece;    /* self's piece [from, to), byte offsets */
    /* Whether o is of the type (subclasses included). */
    int (*check)(PrObject *o);
    /* Fills *t for o of the type. */
    void (*text)(PrObject *o, PrStrText *t);
    /* The byte offset of unit i of o (0 <= i <= len) and the unit at byte offset off. */
    ssize_t (*offset)(PrObject *o, ssize_t i);
    ssize_t (*index)(PrObject *o, ssize_t off);
    /* Raises the type's TypeError for o, not of the type, as an argument of method name in the
     * role role. Returns: NULL. */
    PrObject *(*wrong_type)(PrObject *o, PrStrArg role, const char *name);
    /* For bytes, whose find(sub) and count(sub) also take an int: its value 0..255, or -1 with
     * the exception. NULL for str. */
    int (*byte_value)(PrObject *o);
    /* self[i] for 0 <= i < len (IndexError otherwise) and self[start:stop:step], adjusted. */
    PrObject *(*item)(PrObject *self, ssize_t i);
    PrObject *(*slice)(PrObject *self, ssize_t start, ssize_t stop, ssize_t step);
    /* The TypeError for an index that is neither an int nor a slice: a format with one %s. */
    const char *bad_index;
} PrStrKind;

/* Finds needle (m bytes) in hay[0..n) from the left (dir 1) or the right (dir -1).
 * Returns: the byte offset or -1. */
ssize_t pr_strsearch_bytes(const char *hay, ssize_t n, const char *needle, ssize_t m, int dir);

/* self.find(sub, start, end) (dir 1) / rfind (dir -1) in units, start/end as given (None
 * already read). Returns: the unit index or -1. */
ssize_t pr_strsearch_find(const PrStrKind *k, PrObject *self, const PrStrText *sub,
                          ssize_t start, ssize_t end, int dir);

/* self.count(sub, start, end). Returns: the number of non-overlapping matches. */
ssize_t pr_strsearch_count(const PrStrKind *k, PrObject *self, const PrStrText *sub,
                           ssize_t start, ssize_t end);

/* self[key]: an int-like key as CPython's PyNumber_AsSsize_t(key, IndexError), or a slice.
 * Returns: a new reference, or NULL with the exception. */
PrObject *pr_strsearch_subscript(const PrStrKind *k, PrObject *self, PrObject *key);

/* Method bodies: which is 'f' find, 'r' rfind, 'i' index, 'x' rindex, 'c' count; dir is -1 for
 * startswith and 1 for endswith. Returns: a new int / bool, or NULL with the exception. */
PrObject *pr_strsearch_method(const PrStrKind *k, PrObject *self, PrObject *const *args,
                              size_t nargs, const char *name, char which);
PrObject *pr_strsearch_starts_ends(const PrStrKind *k, PrObject *self, PrObject *const *args,
                                   size_t nargs, const char *name, int dir);

/* The chars argument of strip(), lstrip(), rstrip() (named name): *chars NULL for none or None.
 * Returns: 0, or -1 with TypeError. */
int pr_strsearch_strip_arg(const PrStrKind *k, PrObject *const *args, size_t nargs,
                           const char *name, PrObject **chars);

/* self.split(sep=None, maxsplit=-1) (right: rsplit) and self.splitlines(keepends=False).
 * Returns: a new list, or NULL with the exception. */
PrObject *pr_strsearch_split(const PrStrKind *k, PrObject *self, PrObject *const *args,
                             size_t nargs, PrObject *kwnames, const char *name, int right);
PrObject *pr_strsearch_splitlines(const PrStrKind *k, PrObject *self, PrObject *const *args,
                                  size_t nargs, PrObject *kwnames);

/* Defines the method functions T_find, T_rfind, T_index, T_rindex, T_count, T_startswith,
 * T_endswith, T_split, T_rsplit and T_splitlines of the type whose PrStrKind is kind, for its
 * method table (one set of bodies for str and bytes instead of one per type). */
#define PR_STRSEARCH_METHODS(T, kind)                                                              \
    PR_STRSEARCH_ARGS_METHOD(T, kind, find, pr_strsearch_method, 'f')                              \
    PR_STRSEARCH_ARGS_METHOD(T, kind, rfind, pr_strsearch_method, 'r')                             \
    PR_STRSEARCH_ARGS_METHOD(T, kind, index, pr_strsearch_method, 'i')                             \
    PR_STRSEARCH_ARGS_METHOD(T, kind, rindex, pr_strsearch_method, 'x')                            \
    PR_STRSEARCH_ARGS_METHOD(T, kind, count, pr_strsearch_method, 'c')                             \
    PR_STRSEARCH_ARGS_METHOD(T, kind, startswith, pr_strsearch_starts_ends, -1)                    \
    PR_STRSEARCH_ARGS_METHOD(T, kind, endswith, pr_strsearch_starts_ends, 1)                       \
    static PrObject *T##_split(PrObject *self, PrObject *const *args, size_t nargs,                \
                               PrObject *kwnames)                                                  \
    {                                                                                              \
        return pr_strsearch_split(&kind, self, args, nargs, kwnames, "split", 0);                  \
    }                                                                                              \
    static PrObject *T##_rsplit(PrObject *self, PrObject *const *args, size_t nargs,               \
                                PrObject *kwnames)                                                 \
    {                                                                                              \
        return pr_strsearch_split(&kind, self, args, nargs, kwnames, "rsplit", 1);                 \
    }                                                                                              \
    static PrObject *T##_splitlines(PrObject *self, PrObject *const *args, size_t nargs,           \
                                    PrObject *kwnames)                                             \
    {                                                                                              \
        return pr_strsearch_splitlines(&kind, self, args, nargs, kwnames);                         \
    }

/* One method T_name calling body(&kind, self, args, nargs, "name", how). */
#define PR_STRSEARCH_ARGS_METHOD(T, kind, name, body, how)                                         \
    static PrObject *T##_##name(PrObject *self, PrObject *const *args, size_t nargs,               \
                                PrObject *kwnames)                                                 \
    {                                                                                              \
        return body(&kind, self, args, nargs, #name, how);                                         \
    }

#endif
