/* objects/bytes.h — bytes: an immutable sequence of bytes in CPython's layout, one block
 *     PrBytes { refcnt, type, size, hash } data[size + 1]     (a NUL always follows the data)
 * so sys.getsizeof(b'') == 33 and getsizeof(b) == 33 + len(b), as in CPython. Literals come from
 * the compiler through pr_bytes_from_buf. The type implements repr (CPython's b'...' escapes),
 * comparison, hash (equal to the hash of the same ASCII text as str), +, *, `in`, len, b[i] (an
 * int), slicing, iteration, and the methods decode, hex, join, split, rsplit, splitlines,
 * strip/lstrip/rstrip, find, rfind, index, rindex, count, startswith, endswith, replace, upper,
 * lower. bytes.fromhex is pr_bytes_fromhex until the type system has classmethods. */
#ifndef PR_OBJECTS_BYTES_H
#define PR_OBJECTS_BYTES_H

#include "vm/interp.h"

typedef struct PrBytes {
    PrVarObject ob; /* size: the number of bytes */
    PrHash hash;    /* -1 until computed */
    char data[];    /* size bytes, then NUL */
} PrBytes;

extern const PrType pr_bytes_spec;
extern const PrType pr_bytes_iterator_spec; /* iter(b): yields the bytes as ints */

#define PR_BYTES_CHECK(o) pr_object_is_instance((PrObject *)(o), PR_TYPE(bytes))
#define PR_BYTES_CHECK_EXACT(o) (PR_TYPE_OF(o) == PR_TYPE(bytes))
/* Unchecked accessors for a bytes o. */
#define PR_BYTES_DATA(o) (((PrBytes *)(o))->data)
#define PR_BYTES_SIZE(o) (((PrVarObject *)(o))->size)

/* bytes holding a copy of s[0..n), or n zero bytes when s is NULL. Returns: a new bytes.
 * Errors: MemoryError. */
PrObject *pr_bytes_from_buf(const char *s, ssize_t n);

/* b[start:stop:step], indices adjusted as for pr_str_slice (objects/str.h). Returns: a new
 * bytes (b itself for all of an exact bytes). Errors: MemoryError. */
PrObject *pr_bytes_slice(PrObject *b, ssize_t start, ssize_t stop, ssize_t step);

/* b.find(sub, start, end) (direction 1) / b.rfind (-1), sub a bytes; slice semantics for
 * start/end. Returns: the index or -1. */
ssize_t pr_bytes_find(PrObject *b, PrObject *sub, ssize_t start, ssize_t end, int direction);

/* b.count(sub, start, end), sub a bytes. Returns: non-overlapping occurrences. */
ssize_t pr_bytes_count(PrObject *b, PrObject *sub, ssize_t start, ssize_t end);

/* b.decode(encoding, errors) for str(b, encoding, errors): each a str or NULL for the default
 * ('utf-8', 'strict'). Returns: a new str. Errors: UnicodeDecodeError (CPython's texts),
 * LookupError "unknown encoding: x" / "unknown error handler name 'x'", TypeError "str()
 * argument 'encoding' must be str, not int" (worded for str(), its caller). */
PrObject *pr_bytes_decode(PrObject *b, PrObject *encoding, PrObject *errors);

/* bytes.fromhex(s) for a str: pairs of hex digits, ASCII whitespace allowed between pairs.
 * Returns: a new bytes. Errors: ValueError "non-hexadecimal number found in fromhex() arg at
 * position 1", TypeError "fromhex() argument must be str, not int", MemoryError. */
PrObject *pr_bytes_fromhex(PrObject *s);

/* bytes(o) for what CPython's PyObject_Bytes takes: a bytes, or an iterable of ints other than
 * a str. Returns: a new bytes. Errors: TypeError "cannot convert 'int' object to bytes",
 * ValueError "bytes must be in range(0, 256)", what iterating raised. */
PrObject *pr_bytes_from_object(PrObject *o);

/* The ASCII text methods of objects/bytes_text.c, in the PrCFunction convention for bytes's
 * method table: is*(), title, capitalize, swapcase, center, ljust, rjust, zfill, partition,
 * rpartition, removeprefix, removesuffix. */
PrObject *pr_bytes_isdigit(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_isalpha(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_isalnum(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_isspace(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_isascii(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_isupper(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_islower(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_istitle(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_title(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_capitalize(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_swapcase(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_center(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_ljust(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_rjust(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_zfill(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_partition(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_rpartition(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_removeprefix(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);
PrObject *pr_bytes_removesuffix(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw);

#endif
