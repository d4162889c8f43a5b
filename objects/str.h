/* objects/str.h — the core of str: an immutable string of Unicode code points stored as UTF-8,
 * with its length in code points and its hash cached; interning; the shared '' and one-character
 * Latin-1 strings; building strings (from UTF-8, from printf-like formats, piece by piece);
 * repr with CPython's quoting; comparison by code point; concatenation. The sequence behaviour
 * and methods are in objects/str_methods.c, formatting in objects/str_format.c; case mapping
 * and character properties come from objects/ucd.h.
 *
 * Representation: one block, header then the bytes and a NUL (so data is a C string too):
 *     PrStr { refcnt, type, size = UTF-8 bytes, hash, length = code points, flags } data[size+1]
 * The text is valid UTF-8 (strict: no overlong forms, no surrogates), so byte order is code
 * point order, and an ASCII string (the flag) is indexed in O(1). Lone surrogates, which
 * CPython's str can hold, cannot be represented: a documented difference. */
#ifndef PR_OBJECTS_STR_H
#define PR_OBJECTS_STR_H

#include "vm/interp.h"

#include <stdarg.h>
#include <stdint.h>

typedef struct PrStr {
    PrVarObject ob;   /* size: bytes of UTF-8, without the NUL */
    PrHash hash;      /* -1 until computed */
    ssize_t length;   /* code points */
    uint8_t ascii;    /* every byte < 0x80 */
    uint8_t interned; /* held by the interned table */
    char data[];      /* size bytes, then NUL */
} PrStr;

extern const PrType pr_str_spec;

#define PR_STR_CHECK(o) PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_STR_SUBCLASS)
#define PR_STR_CHECK_EXACT(o) (PR_TYPE_OF(o) == PR_TYPE(str))
/* Unchecked accessors for a str o. */
#define PR_STR_DATA(o) (((PrStr *)(o))->data)
#define PR_STR_BYTES(o) (((PrVarObject *)(o))->size)
#define PR_STR_LENGTH(o) (((PrStr *)(o))->length)

/* ---- making strings ------------------------------------------------------------------------- */

/* str from n bytes of UTF-8 (n == 0 gives the shared '', one character below U+0100 the shared
 * one-character string). Returns: a new str. Errors: UnicodeDecodeError "'utf-8' codec can't
 * decode byte 0xff in position 3: invalid start byte" (CPython's text, carried in args only
 * until bytes exists), MemoryError. */
PrObject *pr_str_from_utf8(const char *s, ssize_t n);

/* The same for a NUL-terminated string. */
PrObject *pr_str_from_cstr(const char *s);

/* The length of the maximal invalid UTF-8 subsequence at text[i] (which does not start a valid
 * sequence), as CPython's decoder delimits it: what one U+FFFD replaces, what an error names.
 * *reason gets "invalid start byte", "invalid continuation byte" or "unexpected end of data".
 * Returns: 1 to 3. */
ssize_t pr_str_utf8_bad_length(const char *text, ssize_t n, ssize_t i, const char **reason);

/* chr(cp) for cp <= U+10FFFF and not a surrogate. Returns: a new str (shared for cp < 256).
 * Errors: ValueError "chr() arg not in range(0x110000)", ValueError for a surrogate. */
PrObject *pr_str_from_codepoint(uint32_t cp);

/* A str from a printf-like format (UTF-8): %s (char *, with an optional precision "%.200s"
 * counted in characters), %c (an int code point), %d %i %u %x %X with l, ll or z modifiers and
 * an optional width and 0 flag ("%02x"), %p, %%, and the object
 * conversions %R (repr), %S (str) and %U (a str object). Returns: a new str. Errors: whatever
 * repr/str raise, MemoryError, SystemError for an unknown conversion. */
PrObject *pr_str_from_format(const char *fmt, ...);
PrObject *pr_str_from_vformat(const char *fmt, va_list ap);

/* ---- interning ------------------------------------------------------------------------------ */

/* The interned string equal to *p (an exact str): if one exists, *p is replaced by it (the old
 * reference released), else *p becomes interned. Identifiers (names in code, attribute names)
 * go through here so lookups can compare pointers. Interned strings live until
 * pr_interp_finalize. Returns: 0, or -1 with MemoryError (*p unchanged). */
int pr_str_intern_inplace(PrObject **p);

/* The interned str for a C string. Returns: a new reference. Errors: as pr_str_from_cstr. */
PrObject *pr_str_intern_cstr(const char *s);

/* ---- reading -------------------------------------------------------------------------------- */

/* Returns: the UTF-8 text of a str, NUL-terminated, borrowed (lives as long as s). */
const char *pr_str_utf8(PrObject *s);

/* Returns: the number of code points (len(s)). */
ssize_t pr_str_length(PrObject *s);

/* s[i] for 0 <= i < len(s) (O(1) for ASCII, a scan otherwise). Returns: a new one-character
 * str. Errors: IndexError "string index out of range". */
PrObject *pr_str_getitem(PrObject *s, ssize_t i);

/* ---- comparing, hashing, combining ---------------------------------------------------------- */

/* Whether two str have the same text (pointer first; two different interned strings differ).
 * Never fails. Returns: 1 or 0. */
int pr_str_eq(PrObject *a, PrObject *b);

/* Whether str s is the C string c. Returns: 1 or 0. */
int pr_str_eq_cstr(PrObject *s, const char *c);

/* Orders two str by code point. Returns: <0, 0 or >0. */
int pr_str_compare(PrObject *a, PrObject *b);

/* hash(s): FNV-1a of the UTF-8 bytes, cached. Never -1. (Not CPython's value.) */
PrHash pr_str_hash(PrObject *s);

/* a + b for two str. Returns: a new str (a or b itself when the other is empty).
 * Errors: TypeError 'can only concatenate str (not "int") to str' when b is not a str,
 * MemoryError. */
PrObject *pr_str_concat(PrObject *a, PrObject *b);

/* repr(s): quoted with ' unless s has ' and no ", escaping \\ the quote \t \n \r, other
 * control characters as \xhh, non-printable non-ASCII as \xhh, \uhhhh or \Uhhhhhhhh.
 * Returns: a new str. Errors: MemoryError. */
PrObject *pr_str_repr(PrObject *s);

/* ---- sequence behaviour and methods (objects/str_methods.c) --------------------------------- */

/* The str type's method table (upper, strip, join, replace, format, encode, ...). */
extern const PrMethodDef pr_str_methods[];

/* The iterator types of iter(s): CPython 3.11 has one for ASCII strings and one for the rest. */
extern const PrType pr_str_ascii_iterator_spec;
extern const PrType pr_str_iterator_spec;

/* iter(s): yields one-character strings, O(1) per step. Returns: a new iterator.
 * Errors: MemoryError. */
PrObject *pr_str_iter(PrObject *s);

/* s[start:stop:step] with indices already adjusted to the length (CPython's
 * PySlice_AdjustIndices: step != 0; for step > 0, 0 <= start, stop <= len; for step < 0,
 * -1 <= start, stop <= len - 1). Returns: a new str (s itself for a whole exact str).
 * Errors: MemoryError. */
PrObject *pr_str_slice(PrObject *s, ssize_t start, ssize_t stop, ssize_t step);

/* s[key] for an integer key (an int, a bool, or anything with __index__; negative counts from
 * the end) or a slice. Returns: a new str. Errors: IndexError "string index out of range",
 * TypeError "string indices must be integers, not 'str'", the slice's errors. */
PrObject *pr_str_subscript(PrObject *s, PrObject *key);

/* s * n (n <= 0 gives ''). Returns: a new str. Errors: MemoryError. */
PrObject *pr_str_repeat(PrObject *s, ssize_t n);

/* sub in s. Returns: 1, 0, or -1 with TypeError "'in <string>' requires string as left
 * operand, not int". */
int pr_str_contains(PrObject *s, PrObject *sub);

/* s.find(sub, start, end) (direction 1) or s.rfind (direction -1), start/end with slice
 * semantics (negative from the end, clamped). Returns: the index in code points, or -1. */
ssize_t pr_str_find(PrObject *s, PrObject *sub, ssize_t start, ssize_t end, int direction);

/* s.count(sub, start, end). Returns: the number of non-overlapping occurrences. */
ssize_t pr_str_count(PrObject *s, PrObject *sub, ssize_t start, ssize_t end);

/* sep.join(iterable): a tuple, or anything with an iterator. Returns: a new str.
 * Errors: TypeError "can only join an iterable", "sequence item 1: expected str instance, int
 * found", what iteration raises, MemoryError. */
PrObject *pr_str_join(PrObject *sep, PrObject *iterable);

/* s.replace(old, new, count) (count < 0: all). Returns: a new str. Errors: MemoryError. */
PrObject *pr_str_replace(PrObject *s, PrObject *old, PrObject *new_, ssize_t count);

/* The methods str.maketrans (static: self is the str type, ignored) and str.translate
 * (objects/str_translate.c), in the PrCFunction convention for str's method table. */
PrObject *pr_str_maketrans_method(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames);
PrObject *pr_str_translate_method(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames);

/* ---- formatting (objects/str_format.c) ------------------------------------------------------ */

/* ascii(o): repr(o) with non-ASCII characters escaped (\xe9, \u20ac, \U0001f600).
 * Returns: a new str. Errors: what repr raises, MemoryError. */
PrObject *pr_str_ascii(PrObject *o);

/* format(o, spec) for a str spec: str itself for exact str, else o's __format__ (objects
 * without one: str(o) for an empty spec, TypeError "unsupported format string passed to
 * X.__format__" otherwise). Returns: a new str. Errors: ValueError from the spec, TypeError
 * "__format__ must return a str, not int", whatever __format__ raises. */
PrObject *pr_str_format_object(PrObject *o, PrObject *spec);

/* The common start of a number's __format__(o, spec): TypeError "__format__() argument must be
 * str, not X" for a non-str spec; an empty spec asks for str(o); otherwise the spec is parsed
 * for o's type into fs (ValueError with CPython's text when it is bad).
 * Returns: 1 with fs filled, 0 for an empty spec, -1 with the error set. (PrFormatSpec is in
 * objects/fmtspec.h, not included here: its <stdbool.h> would turn the type name bool into a
 * macro for objects/types.def.) */
struct PrFormatSpec;
int pr_format_spec_parse(PrObject *o, PrObject *spec, struct PrFormatSpec *fs);

/* str.__format__(s, spec) (spec a str). Returns: a new str. Errors: ValueError "Unknown format
 * code 'd' for object of type 'str'" and the other spec errors. */
PrObject *pr_str_format_spec(PrObject *s, PrObject *spec);

/* fmt.format(*args, **kw) in the vectorcall convention, and fmt.format_map(mapping).
 * Returns: a new str. Errors: CPython's ValueError/IndexError/KeyError texts ("Single '}'
 * encountered in format string", "Replacement index 1 out of range for positional args tuple",
 * "cannot switch from automatic field numbering to manual field specification", ...), and
 * whatever the values' __format__, attributes and items raise. */
PrObject *pr_str_format_call(PrObject *fmt, PrObject *const *args, size_t nargs, PrObject *kwnames);
PrObject *pr_str_format_map(PrObject *fmt, PrObject *mapping);

/* fmt % args: a tuple gives the arguments, a mapping (not a str) serves '%(key)s', anything
 * else is the single argument. %s %r %a %c %d %i %u %o %x %X %e %E %f %F %g %G %%; numbers
 * go through int() (%d), __index__ (%o %x) or float() (%e %f %g) as in CPython.
 * Returns: a new str. Errors: TypeError "not enough arguments for format string", "not all
 * arguments converted during string formatting", "%d format: a real number is required, not
 * str", ValueError "unsupported format character 'z' (0x7a) at index 1", ... */
PrObject *pr_str_percent(PrObject *fmt, PrObject *args);

/* fmt % args for a bytes fmt, by the same engine: %s and %b take bytes ("%b requires a
 * bytes-like object, or an object that implements __bytes__, not 'str'"), %r and %a give
 * ascii(), %c an int in range(256) or one byte. Returns: a new bytes. */
PrObject *pr_bytes_percent(PrObject *fmt, PrObject *args);

/* ---- interpreter start-up and shutdown ------------------------------------------------------ */

/* Makes '' and the interned table (pr_interp_init). Returns: 0 or -1. */
int pr_str_init_state(void);

/* Releases '', the cached characters and the interned table (pr_interp_finalize). */
void pr_str_fini_state(void);

/* ---- building piece by piece ---------------------------------------------------------------- */

/* A str under construction: bytes are appended into the block that becomes the str, so
 * finishing costs no copy. Every append returns 0, or -1 with MemoryError; after a failure the
 * builder stays valid and pr_str_builder_finish reports the failure again. */
typedef struct PrStrBuilder {
    PrStr *str; /* the growing block (NULL until the first append) */
    ssize_t len, cap;
    int failed;
} PrStrBuilder;

void pr_str_builder_init(PrStrBuilder *b);
/* Makes room for n more bytes at once, so that a result whose size is known fails at once
 * with MemoryError rather than after growing through every smaller size. */
int pr_str_builder_reserve(PrStrBuilder *b, ssize_t n);
int pr_str_builder_append(PrStrBuilder *b, const char *s, ssize_t n); /* UTF-8 bytes */
int pr_str_builder_append_cstr(PrStrBuilder *b, const char *s);
int pr_str_builder_append_codepoint(PrStrBuilder *b, uint32_t cp);
int pr_str_builder_append_str(PrStrBuilder *b, PrObject *s);  /* a str's text */
int pr_str_builder_append_repr(PrStrBuilder *b, PrObject *o); /* repr(o): may raise */
/* Returns: the str built (the builder is reset), or NULL with the pending error. The caller
 * guarantees the bytes appended are valid UTF-8 (each append above keeps it so). */
PrObject *pr_str_builder_finish(PrStrBuilder *b);
/* Frees what was built, for error paths. */
void pr_str_builder_discard(PrStrBuilder *b);

#endif
