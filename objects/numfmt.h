/* objects/numfmt.h — turning numbers and strings into text the way CPython 3.11 does, byte for
 * byte: repr(float), format(value, spec) for float, int and str, printf-style '%' conversions,
 * float(str) and round(float, n). Works on C values and caller-provided buffers only: no Python
 * objects, no allocation. Specs are parsed by objects/fmtspec.h; digits come from objects/dtoa.h.
 *
 * Output convention, for every function that writes text: like snprintf. At most cap bytes are
 * written, NUL-terminated whenever cap > 0; the return value is the full length in bytes without
 * the NUL, so a result >= cap means "call again with result + 1 bytes". Text is UTF-8 (only a
 * fill character or a str value can make it non-ASCII). Functions that can fail return a
 * negative PR_FMT_* code instead (see fmtspec.h: ValueError, OverflowError, MemoryError) with
 * CPython's message in err (errlen bytes, NUL-terminated). */
#ifndef PR_OBJECTS_NUMFMT_H
#define PR_OBJECTS_NUMFMT_H

#include "objects/fmtspec.h"

#include <stdbool.h>
#include <stddef.h>

/* Enough for any repr(float) and its NUL: the longest is 24 bytes, "-2.2250738585072014e-308". */
#define PR_NUMFMT_REPR_SIZE 32

/* Flags of pr_numfmt_dtostr (CPython's Py_DTSF_*). */
#define PR_DTSF_SIGN 0x01      /* a '+' on non-negative values too */
#define PR_DTSF_ADD_DOT_0 0x02 /* an integral value in fixed notation gets ".0" ('r' and 'g') */
#define PR_DTSF_ALT 0x04       /* '#': keep the decimal point, and trailing zeros for 'g' */
#define PR_DTSF_NO_NEG_0 0x08  /* 'z': no '-' on a value that rounds to zero */

/* ---- floats --------------------------------------------------------------------------------- */

/* repr(x), which is also str(x): the shortest string that reads back as x, nearest to x among
 * those; scientific when the decimal exponent is < -4 or >= 16; "inf", "-inf", "nan", "-0.0".
 * Returns: its length (at most 24). */
size_t pr_numfmt_repr(double x, char *buf, size_t cap);

/* CPython's PyOS_double_to_string(x, code, precision, flags): code is one of e E f F g G, or 'r'
 * (repr digits; precision is then ignored). precision >= 0. Returns: the length. */
size_t pr_numfmt_dtostr(double x, char code, int precision, int flags, char *buf, size_t cap);

/* format(x, spec) for a float; type_name names the value's type in error messages ("float").
 * Type 'n' uses the C locale ('.', no grouping): CPython's result unless a program changes
 * LC_NUMERIC with locale.setlocale, which pyrena does not offer.
 * Returns: the length, or PR_FMT_EVALUE (unknown type, precision too big) / PR_FMT_ENOMEM. */
ptrdiff_t pr_numfmt_format_float(double x, const PrFormatSpec *spec, const char *type_name,
                                 char *buf, size_t cap, char *err, size_t errlen);

/* float(text) (also right for the text of a float literal): optional surrounding whitespace
 * (any Unicode space), sign, digits with '_' only between digits, Unicode decimal digits,
 * "inf", "infinity", "nan" in any case. Out-of-range values become inf or 0.0, as in CPython.
 * Returns: 0 with *out set, or -1 when the text is not a float (the caller raises
 * "ValueError: could not convert string to float: 'abc'"). Bytes input: reject non-ASCII first. */
int pr_numfmt_parse_float(const char *text, size_t len, double *out);

/* round(x, ndigits) for a float, as CPython's float.__round__: x rounded half to even on its
 * exact value, at 10**-ndigits, then read back correctly rounded. inf and nan come back as is.
 * Returns: 0 with *out set, or PR_FMT_EOVERFLOW ("rounded value too large to represent"). */
int pr_numfmt_round(double x, long long ndigits, double *out);

/* round(x) without ndigits, before the conversion to int: x rounded half to even to an integral
 * double (inf and nan come back; the caller raises on them). */
double pr_numfmt_round_int(double x);

/* ---- integers ------------------------------------------------------------------------------- */

/* An integer handed over as text, so that ints of any size can be formatted: the caller converts
 * the magnitude to digits in the base that pr_numfmt_int_base asks for. */
typedef struct PrIntDigits {
    bool negative;
    /* The magnitude, most significant digit first: no prefix, no leading zeros ("0" for zero),
     * hex digits in either case. */
    const char *digits;
    size_t len;
} PrIntDigits;

/* The base pr_numfmt_format_int wants the digits in for this spec: 2 for 'b', 8 for 'o', 16 for
 * 'x' and 'X', 10 for everything else (including the float types e E f F g G %, which format the
 * int converted to float, and 'c', whose digits give the code point). */
int pr_numfmt_int_base(const PrFormatSpec *spec);

/* format(n, spec) for an int (type_name: "int", "bool", ... for error messages).
 * Returns: the length, or PR_FMT_EVALUE (unknown type, precision given, 'z', sign or '#' with
 * 'c', ...), PR_FMT_EOVERFLOW ("%c arg not in range(0x110000)", "int too large to convert to
 * float"), PR_FMT_ENOMEM. */
ptrdiff_t pr_numfmt_format_int(const PrIntDigits *n, const PrFormatSpec *spec,
                               const char *type_name, char *buf, size_t cap, char *err,
                               size_t errlen);

/* pr_numfmt_format_int for a C long long. */
ptrdiff_t pr_numfmt_format_ll(long long v, const PrFormatSpec *spec, const char *type_name,
                              char *buf, size_t cap, char *err, size_t errlen);

/* ---- strings -------------------------------------------------------------------------------- */

/* format(s, spec) for a str given as UTF-8; width and precision count code points.
 * Returns: the length, or PR_FMT_EVALUE (unknown type, sign, 'z', '#', '=', ',' ...) or
 * PR_FMT_ENOMEM. */
ptrdiff_t pr_numfmt_format_str(const char *s, size_t len, const PrFormatSpec *spec,
                               const char *type_name, char *buf, size_t cap, char *err,
                               size_t errlen);

/* ---- printf-style ('%' operator) ------------------------------------------------------------ */

/* %e %E %f %F %g %G of a float (precision 6 when not given). Returns: the length, or
 * PR_FMT_ENOMEM. */
ptrdiff_t pr_numfmt_pct_float(const PrPercentSpec *spec, double x, char *buf, size_t cap);

/* The base pr_numfmt_pct_int wants for a conversion: 8 for 'o', 16 for 'x' and 'X', else 10. */
int pr_numfmt_pct_int_base(uint32_t conv);

/* %d %i %u %o %x %X of an int given as digits (the precision is a minimum digit count).
 * Returns: the length, or PR_FMT_EOVERFLOW ("precision too large") or PR_FMT_ENOMEM. */
ptrdiff_t pr_numfmt_pct_int(const PrPercentSpec *spec, const PrIntDigits *n, char *buf, size_t cap,
                            char *err, size_t errlen);

/* pr_numfmt_pct_int for a C long long. */
ptrdiff_t pr_numfmt_pct_ll(const PrPercentSpec *spec, long long v, char *buf, size_t cap, char *err,
                           size_t errlen);

/* %s %r %a %c once the caller has the text (str(), repr(), ascii() or the character): pads to
 * the width; for s, r and a the precision truncates (in code points). Returns: the length, or
 * PR_FMT_ENOMEM. */
ptrdiff_t pr_numfmt_pct_text(const PrPercentSpec *spec, const char *s, size_t len, char *buf,
                             size_t cap);

/* %c of an int code point. Returns: the length, or PR_FMT_EOVERFLOW ("%c arg not in
 * range(0x110000)") or PR_FMT_ENOMEM. */
ptrdiff_t pr_numfmt_pct_char(const PrPercentSpec *spec, long long cp, char *buf, size_t cap,
                             char *err, size_t errlen);

#endif
