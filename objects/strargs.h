/* objects/strargs.h — argument handling shared by the methods of str and bytes: integers
 * (through objects/long.h), slice-style start/end arguments with CPython's clamping, codec and
 * error-handler names. Used by objects/str*.c, objects/bytes.c and the builtins (stdlib/);
 * errors are CPython 3.11's texts. */
#ifndef PR_OBJECTS_STRARGS_H
#define PR_OBJECTS_STRARGS_H

#include "vm/interp.h"

#include <stdint.h>

/* operator.index(o) as a C ssize_t: o an int (or bool), or an object with __index__.
 * Returns: 0 with *out, or -1 with TypeError "'str' object cannot be interpreted as an
 * integer" or OverflowError "Python int too large to convert to C ssize_t". */
int pr_strargs_ssize(PrObject *o, ssize_t *out);

/* The same for a start/end argument of find(), count(), startswith()...: None leaves *out
 * unchanged, out-of-range values are clamped (PySlice's _PyEval_SliceIndex).
 * Returns: 0, or -1 with TypeError "slice indices must be integers or None or have an
 * __index__ method". */
int pr_strargs_slice_index(PrObject *o, ssize_t *out);

/* The optional start and end arguments at args[first...] (nargs in all): end defaults to
 * PTRDIFF_MAX. Returns: 0 or -1 as pr_strargs_slice_index. */
int pr_strargs_start_end(PrObject *const *args, size_t nargs, size_t first, ssize_t *start,
                         ssize_t *end);

/* CPython's ADJUST_INDICES: negative start/end count from len, end is clamped to len. */
void pr_strargs_adjust(ssize_t *start, ssize_t *end, ssize_t len);

/* Raises "NAME expected at least MIN arguments, got N" / "at most" (Argument Clinic's texts)
 * unless min <= nargs <= max. Returns: 0, or -1 with TypeError. */
int pr_strargs_count(const char *name, size_t nargs, size_t min, size_t max);

/* The same check with the older PyArg_ParseTuple texts that startswith/endswith keep:
 * "startswith() takes at least 1 argument (0 given)", "... at most 3 arguments (4 given)". */
int pr_strargs_count_old(const char *name, size_t nargs, size_t min, size_t max);

/* How Argument Clinic names an argument's type in "must be str, not X": "None" for None, else
 * the type's name. Returns: a static string. */
const char *pr_strargs_type_name(PrObject *o);

/* Positional-or-keyword arguments: fills out[0..nnames) from args (nargs positional, then the
 * values of kwnames) by the names given; missing ones stay as they were (defaults).
 * Returns: 0, or -1 with TypeError "'x' is an invalid keyword argument for encode()",
 * "encode() takes at most 2 arguments (3 given)", "argument for encode() given by name
 * ('errors') and position (2)". */
int pr_strargs_keywords(const char *fname, PrObject *const *args, size_t nargs, PrObject *kwnames,
                        const char *const *names, size_t nnames, PrObject **out);

/* ---- split, rsplit, splitlines: the algorithms of CPython's stringlib, on bytes ------------ */

/* Makes the piece text[from, to) of the object being split (a str or a bytes).
 * Returns: a new reference, or NULL with an exception. */
typedef PrObject *(*PrSplitPiece)(PrObject *self, ssize_t from, ssize_t to);

/* What counts as whitespace (sep None) and as a line break. */
typedef enum PrSplitChars {
    PR_SPLIT_UNICODE, /* text is UTF-8; str.isspace() and str.splitlines()'s boundaries */
    PR_SPLIT_ASCII,   /* bytes: ASCII whitespace; \n, \r and \r\n only */
} PrSplitChars;

/* self.split(sep, maxsplit) (right: rsplit) over its bytes text[0..n): sep NULL splits on runs
 * of whitespace. maxsplit < 0: no limit. Returns: a new list. Errors: MemoryError, piece's. */
PrObject *pr_strargs_split(PrObject *self, const char *text, ssize_t n, const char *sep,
                           ssize_t seplen, ssize_t maxsplit, int right, PrSplitChars chars,
                           PrSplitPiece piece);

/* self.splitlines(keepends) over text[0..n). Returns: a new list. Errors: MemoryError. */
PrObject *pr_strargs_splitlines(PrObject *self, const char *text, ssize_t n, int keepends,
                                PrSplitChars chars, PrSplitPiece piece);

/* Codecs that str.encode and bytes.decode know; the UTF-16 and UTF-32 ones (in this order) are
 * objects/codecs.h's. */
typedef enum PrCodec {
    PR_CODEC_UTF8,
    PR_CODEC_ASCII,
    PR_CODEC_LATIN1,
    PR_CODEC_UTF16,
    PR_CODEC_UTF16_LE,
    PR_CODEC_UTF16_BE,
    PR_CODEC_UTF32,
    PR_CODEC_UTF32_LE,
    PR_CODEC_UTF32_BE,
} PrCodec;

/* Error handlers they know. */
typedef enum PrCodecErrors {
    PR_ERRORS_STRICT,
    PR_ERRORS_IGNORE,
    PR_ERRORS_REPLACE,
    PR_ERRORS_BACKSLASHREPLACE,
    PR_ERRORS_XMLCHARREFREPLACE, /* encoding only */
    PR_ERRORS_UNKNOWN,           /* raised only when an error happens, as CPython */
} PrCodecErrors;

/* The codec named by an encoding argument (a str): 'utf-8', 'UTF8', 'utf_8', 'ascii',
 * 'latin-1', 'iso-8859-1', 'utf-16-le', 'U32'... normalized as CPython's
 * encodings.normalize_encoding.
 * Returns: 0 with *codec, or -1 with LookupError "unknown encoding: x" or TypeError
 * "encode() argument 'encoding' must be str, not int". */
int pr_strargs_codec(const char *fname, PrObject *name, PrCodec *codec);

/* The error handler named by an errors argument (a str). Returns: 0, or -1 with TypeError. */
int pr_strargs_errors(const char *fname, PrObject *name, PrCodecErrors *errors);

/* Raises LookupError "unknown error handler name 'x'" for the errors argument (NULL: none).
 * Returns: NULL. */
PrObject *pr_strargs_unknown_errors(PrObject *name);

#endif
