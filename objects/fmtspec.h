/* objects/fmtspec.h — parsing the two small languages that describe how to format one value:
 * format()'s spec `[[fill]align][sign][z][#][0][width][grouping][.precision][type]` (PEP 3101,
 * PEP 378, PEP 515, PEP 682) and one `%` conversion of printf-style formatting. Parsing only:
 * objects/numfmt.h applies the result. Texts are UTF-8; error messages are CPython 3.11's.
 * Parsers write the message into err (errlen bytes, always NUL-terminated, may be truncated). */
#ifndef PR_OBJECTS_FMTSPEC_H
#define PR_OBJECTS_FMTSPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A parsed format() spec. What the parser cannot decide alone (the alignment when none is given,
 * which depends on the type of the value) is left for the formatter, see pr_fmtspec_align. */
typedef struct PrFormatSpec {
    uint32_t fill;       /* fill code point: as given, else '0' with the 0 flag, else ' ' */
    char align;          /* '<', '>', '^', '=', or 0 when not given */
    char sign;           /* '+', '-', ' ', or 0 when not given */
    char grouping;       /* ',' or '_', or 0 */
    bool no_neg_0;       /* 'z': a negative zero (after rounding) is shown without its sign */
    bool alternate;      /* '#' */
    bool zero;           /* the '0' flag before the width (only when no fill was given) */
    ptrdiff_t width;     /* minimum width in code points, -1 when not given */
    ptrdiff_t precision; /* -1 when not given */
    uint32_t type;       /* presentation type (a code point), 0 when not given */
    bool has_type;       /* a type was given (it can be U+0000, which differs from none) */
} PrFormatSpec;

/* Error codes shared by fmtspec and numfmt: which Python exception the caller raises, with the
 * message left in err. */
#define PR_FMT_EVALUE (-1)    /* ValueError */
#define PR_FMT_EOVERFLOW (-2) /* OverflowError */
#define PR_FMT_ENOMEM (-3)    /* MemoryError: the result's size does not fit in ptrdiff_t */

/* Parses spec[0..len) into *out. type_name is the Python type of the value being formatted
 * (e.g. "float"); it only appears in error messages. Validates what CPython validates while
 * parsing: digits overflow, missing precision, trailing junk, ',' with '_', and ',' / '_' with a
 * type that does not accept them (only when the type is given: a str formatter checks its
 * default 's' itself). Returns: 0, or PR_FMT_EVALUE.
 * Errors: "Invalid format specifier '...' for object of type '...'", "Too many decimal digits in
 * format string", "Format specifier missing precision", "Cannot specify both ',' and '_'.",
 * "Cannot specify ',' with 's'." */
int pr_fmtspec_parse(const char *spec, size_t len, const char *type_name, PrFormatSpec *out,
                     char *err, size_t errlen);

/* The alignment to use: the given one, else '=' for numbers zero-padded with the 0 flag, else
 * default_align ('>' for numbers, '<' for strings). */
char pr_fmtspec_align(const PrFormatSpec *spec, char default_align);

/* Writes CPython's "Unknown format code 'x' for object of type 'T'" for spec->type. Returns:
 * PR_FMT_EVALUE, so that callers can `return pr_fmtspec_unknown(...)`. */
int pr_fmtspec_unknown(uint32_t type, const char *type_name, char *err, size_t errlen);

/* Writes "Cannot specify ',' with 'x'." (or '_'). Returns: PR_FMT_EVALUE. */
int pr_fmtspec_bad_grouping(char grouping, uint32_t type, char *err, size_t errlen);

/* ------------------------------------------------------------------------------------------ */
/* printf-style: one conversion of `format % args` */

#define PR_PCT_LJUST 0x01 /* '-' */
#define PR_PCT_SIGN 0x02  /* '+' */
#define PR_PCT_BLANK 0x04 /* ' ' */
#define PR_PCT_ALT 0x08   /* '#' */
#define PR_PCT_ZERO 0x10  /* '0' */

typedef struct PrPercentSpec {
    int flags;        /* PR_PCT_* */
    ptrdiff_t width;  /* -1 when not given */
    int prec;         /* -1 when not given */
    bool width_star;  /* '*': the caller takes the width from the arguments, see below */
    bool prec_star;   /* '.*' */
    bool has_key;     /* "%(key)": the value comes from a mapping */
    size_t key_start; /* byte offset of the key in the format string */
    size_t key_len;   /* its length in bytes */
    uint32_t conv;    /* the conversion character, not validated (see pr_fmtspec_pct_unsupported) */
} PrPercentSpec;

/* Parses one conversion of fmt[0..len) starting at *pos, just after its '%' (a literal "%%" is
 * the caller's: it checks fmt[*pos] == '%' first). On success *pos is just past the conversion
 * character. Returns: 0, or PR_FMT_EVALUE.
 * Errors: "incomplete format key", "incomplete format", "width too big", "precision too big". */
int pr_fmtspec_parse_pct(const char *fmt, size_t len, size_t *pos, PrPercentSpec *out, char *err,
                         size_t errlen);

/* Sets the width taken from the argument list for '*': a negative width means left-justified. */
void pr_fmtspec_pct_width(PrPercentSpec *spec, ptrdiff_t width);

/* Sets the precision taken from the argument list for '.*': a negative one counts as 0. */
void pr_fmtspec_pct_prec(PrPercentSpec *spec, int prec);

/* Writes "unsupported format character 'y' (0x79) at index N" (index: in code points, of the
 * conversion character in the format string). Returns: PR_FMT_EVALUE. */
int pr_fmtspec_pct_unsupported(uint32_t conv, size_t index, char *err, size_t errlen);

#endif
