/* objects/strargs.c — argument helpers for str and bytes methods (objects/strargs.h). */
#include "objects/strargs.h"

#include "objects/list.h"
#include "objects/long.h"
#include "objects/number.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/ucd.h"
#include "vm/errors.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

/* Reads an int object: 0, or 1 when it does not fit in ssize_t (the sign is in *negative). */
static int read_int(PrObject *o, ssize_t *out, int *negative)
{
    ssize_t size = PR_SIZE(o);
    const PrDigit *digit = PR_LONG_DIGITS(o);
    ssize_t n = size < 0 ? -size : size;
    uint64_t v = 0;
    *negative = size < 0;
    for (ssize_t i = n - 1; i >= 0; i--) {
        if (v > ((uint64_t)PTRDIFF_MAX + 1) >> 30) {
            return 1;
        }
        v = (v << 30) | digit[i];
    }
    if (v > (uint64_t)PTRDIFF_MAX + (uint64_t)*negative) {
        return 1;
    }
    *out = *negative ? (ssize_t)(0 - v) : (ssize_t)v;
    return 0;
}

#define IS_INT(o) PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_INT_SUBCLASS)

int pr_strargs_ssize(PrObject *o, ssize_t *out)
{
    return pr_long_as_ssize(o, out);
}

int pr_strargs_slice_index(PrObject *o, ssize_t *out)
{
    int negative;
    if (o == PR_None) {
        return 0;
    }
    if (!IS_INT(o) && !PR_TYPE_OF(o)->number.nb_index) {
        pr_err_set(PR_EXC(TypeError),
                   "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    PrObject *i = pr_number_index(o);
    if (!i) {
        return -1;
    }
    if (read_int(i, out, &negative)) {
        *out = negative ? -PTRDIFF_MAX - 1 : PTRDIFF_MAX;
    }
    PR_DECREF(i);
    return 0;
}

int pr_strargs_start_end(PrObject *const *args, size_t nargs, size_t first, ssize_t *start,
                         ssize_t *end)
{
    *start = 0;
    *end = PTRDIFF_MAX;
    if (nargs > first && pr_strargs_slice_index(args[first], start) < 0) {
        return -1;
    }
    if (nargs > first + 1 && pr_strargs_slice_index(args[first + 1], end) < 0) {
        return -1;
    }
    return 0;
}

void pr_strargs_adjust(ssize_t *start, ssize_t *end, ssize_t len)
{
    if (*end > len) {
        *end = len;
    } else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

int pr_strargs_count(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs < min) {
        pr_err_format(PR_EXC(TypeError), "%s expected at least %zu argument%s, got %zu", name, min,
                      min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        pr_err_format(PR_EXC(TypeError), "%s expected at most %zu argument%s, got %zu", name, max,
                      max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int pr_strargs_count_old(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs < min || nargs > max) {
        size_t n = nargs < min ? min : max;
        pr_err_format(PR_EXC(TypeError), "%s() takes at %s %zu argument%s (%zu given)", name,
                      nargs < min ? "least" : "most", n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

const char *pr_strargs_type_name(PrObject *o)
{
    return o == PR_None ? "None" : PR_TYPE_OF(o)->name;
}

int pr_strargs_keywords(const char *fname, PrObject *const *args, size_t nargs, PrObject *kwnames,
                        const char *const *names, size_t nnames, PrObject **out)
{
    size_t nkw = kwnames ? (size_t)PR_TUPLE_SIZE(kwnames) : 0;
    if (nargs + nkw > nnames) {
        pr_err_format(PR_EXC(TypeError), "%s() takes at most %zu argument%s (%zu given)", fname,
                      nnames, nnames == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    for (size_t k = 0; k < nkw; k++) {
        PrObject *key = PR_TUPLE_ITEMS(kwnames)[k];
        size_t i = 0;
        while (i < nnames && !pr_str_eq_cstr(key, names[i])) {
            i++;
        }
        if (i == nnames) {
            pr_err_format(PR_EXC(TypeError), "'%U' is an invalid keyword argument for %s()", key,
                          fname);
            return -1;
        }
        if (i < nargs) {
            pr_err_format(PR_EXC(TypeError),
                          "argument for %s() given by name ('%s') and position (%zu)", fname,
                          names[i], i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    return 0;
}

/* encodings.normalize_encoding in lower case: a run of characters other than ASCII letters,
 * digits and '.' becomes one '_' between kept characters; non-ASCII ones are dropped. */
static void normalize(const char *s, size_t n, char *buf, size_t cap)
{
    size_t j = 0;
    int punct = 0;
    for (size_t i = 0; i < n && j + 2 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isalnum(c) || c == '.') {
            if (punct && j > 0) {
                buf[j++] = '_';
            }
            buf[j++] = (char)tolower(c);
            punct = 0;
        } else if (c < 0x80) {
            punct = 1;
        }
    }
    buf[j] = '\0';
}

static int in_list(const char *name, const char *const *list)
{
    for (; *list; list++) {
        if (strcmp(name, *list) == 0) {
            return 1;
        }
    }
    return 0;
}

static int must_be_str(const char *fname, const char *arg, PrObject *o)
{
    if (PR_STR_CHECK(o)) {
        return 0;
    }
    pr_err_format(PR_EXC(TypeError), "%s() argument '%s' must be str, not %s", fname, arg,
                  pr_strargs_type_name(o));
    return -1;
}

int pr_strargs_codec(const char *fname, PrObject *name, PrCodec *codec)
{
    static const char *const utf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const ascii[] = {"ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", NULL};
    static const char *const latin1[] = {"latin_1", "latin1", "iso_8859_1", "iso8859_1",  "8859",
                                         "cp819",   "latin",  "l1",         "iso_ir_100", NULL};
    static const char *const utf16[] = {"utf_16", "utf16", "u16", NULL};
    static const char *const utf16le[] = {"utf_16_le", "utf_16le", "unicodelittleunmarked", NULL};
    static const char *const utf16be[] = {"utf_16_be", "utf_16be", "unicodebigunmarked", NULL};
    static const char *const utf32[] = {"utf_32", "utf32", "u32", NULL};
    static const char *const utf32le[] = {"utf_32_le", "utf_32le", NULL};
    static const char *const utf32be[] = {"utf_32_be", "utf_32be", NULL};
    /* indexed by PrCodec */
    static const char *const *const lists[] = {utf8,    ascii, latin1,  utf16,  utf16le,
                                               utf16be, utf32, utf32le, utf32be};
    char buf[32];
    if (must_be_str(fname, "encoding", name) < 0) {
        return -1;
    }
    normalize(pr_str_utf8(name), (size_t)PR_STR_BYTES(name), buf, sizeof buf);
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        if (PR_STR_BYTES(name) < (ssize_t)sizeof buf && in_list(buf, lists[i])) {
            *codec = (PrCodec)i;
            return 0;
        }
    }
    pr_err_format(PR_EXC(LookupError), "unknown encoding: %U", name);
    return -1;
}

int pr_strargs_errors(const char *fname, PrObject *name, PrCodecErrors *errors)
{
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "xmlcharrefreplace"};
    if (must_be_str(fname, "errors", name) < 0) {
        return -1;
    }
    *errors = PR_ERRORS_UNKNOWN;
    for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++) {
        if (pr_str_eq_cstr(name, names[i])) {
            *errors = (PrCodecErrors)i;
        }
    }
    return 0;
}

PrObject *pr_strargs_unknown_errors(PrObject *name)
{
    return pr_err_format(PR_EXC(LookupError), "unknown error handler name '%U'", name);
}

/* ============================================================================================
 *  split, rsplit, splitlines
 * ============================================================================================ */

static int ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Whether the character at / before byte offset i is whitespace; *next / *prev get the offset
 * past / at its start. */
static int space_at(const char *p, ssize_t n, ssize_t i, PrSplitChars chars, ssize_t *next)
{
    if (chars == PR_SPLIT_ASCII || (unsigned char)p[i] < 0x80) {
        *next = i + 1;
        return chars == PR_SPLIT_ASCII ? ascii_space((unsigned char)p[i])
                                       : pr_ucd_isspace((unsigned char)p[i]);
    }
    uint32_t cp;
    *next = i + (ssize_t)pr_ucd_utf8_decode(p + i, (size_t)(n - i), &cp);
    return pr_ucd_isspace(cp);
}

static int space_before(const char *p, ssize_t i, PrSplitChars chars, ssize_t *prev)
{
    ssize_t j = i - 1;
    if (chars == PR_SPLIT_UNICODE) {
        while (j > 0 && ((unsigned char)p[j] & 0xC0) == 0x80) {
            j--;
        }
    }
    ssize_t next;
    *prev = j;
    return space_at(p, i, j, chars, &next);
}

/* Appends self's piece [from, to) to list. Returns: 0 or -1. */
static int add_piece(PrObject *list, PrObject *self, ssize_t from, ssize_t to, PrSplitPiece piece)
{
    PrObject *x = piece(self, from, to);
    if (!x) {
        return -1;
    }
    int rc = pr_list_append(list, x);
    PR_DECREF(x);
    return rc;
}

/* Reverses a list in place (rsplit collects from the right). */
static void reverse(PrObject *list)
{
    PrObject **items = PR_LIST_ITEMS(list);
    for (ssize_t i = 0, j = PR_LIST_SIZE(list) - 1; i < j; i++, j--) {
        PrObject *t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
}

static int split_whitespace(PrObject *list, PrObject *self, const char *p, ssize_t n, ssize_t max,
                            PrSplitChars chars, PrSplitPiece piece)
{
    ssize_t i = 0, j, next;
    while (max-- > 0) {
        while (i < n && space_at(p, n, i, chars, &next)) {
            i = next;
        }
        if (i == n) {
            return 0;
        }
        j = i;
        while (i < n && !space_at(p, n, i, chars, &next)) {
            i = next;
        }
        if (add_piece(list, self, j, i, piece) < 0) {
            return -1;
        }
    }
    while (i < n && space_at(p, n, i, chars, &next)) {
        i = next;
    }
    return i < n ? add_piece(list, self, i, n, piece) : 0;
}

static int rsplit_whitespace(PrObject *list, PrObject *self, const char *p, ssize_t n, ssize_t max,
                             PrSplitChars chars, PrSplitPiece piece)
{
    ssize_t i = n, j, prev;
    while (max-- > 0) {
        while (i > 0 && space_before(p, i, chars, &prev)) {
            i = prev;
        }
        if (i == 0) {
            return 0;
        }
        j = i;
        while (i > 0 && !space_before(p, i, chars, &prev)) {
            i = prev;
        }
        if (add_piece(list, self, i, j, piece) < 0) {
            return -1;
        }
    }
    while (i > 0 && space_before(p, i, chars, &prev)) {
        i = prev;
    }
    return i > 0 ? add_piece(list, self, 0, i, piece) : 0;
}

static ssize_t find_sep(const char *p, ssize_t n, const char *sep, ssize_t m, int right)
{
    if (m > n) {
        return -1;
    }
    if (!right) {
        const char *at = memmem(p, (size_t)n, sep, (size_t)m);
        return at ? at - p : -1;
    }
    for (ssize_t i = n - m; i >= 0; i--) {
        if (memcmp(p + i, sep, (size_t)m) == 0) {
            return i;
        }
    }
    return -1;
}

PrObject *pr_strargs_split(PrObject *self, const char *text, ssize_t n, const char *sep,
                           ssize_t seplen, ssize_t maxsplit, int right, PrSplitChars chars,
                           PrSplitPiece piece)
{
    PrObject *list = pr_list_new(0);
    ssize_t max = maxsplit < 0 ? PTRDIFF_MAX : maxsplit;
    int rc = 0;
    if (!list) {
        return NULL;
    }
    if (!sep) {
        rc = right ? rsplit_whitespace(list, self, text, n, max, chars, piece)
                   : split_whitespace(list, self, text, n, max, chars, piece);
    } else if (!right) {
        ssize_t i = 0, at;
        while (rc == 0 && max-- > 0 && (at = find_sep(text + i, n - i, sep, seplen, 0)) >= 0) {
            rc = add_piece(list, self, i, i + at, piece);
            i += at + seplen;
        }
        rc = rc < 0 ? rc : add_piece(list, self, i, n, piece);
    } else {
        ssize_t j = n, at;
        while (rc == 0 && max-- > 0 && (at = find_sep(text, j, sep, seplen, 1)) >= 0) {
            rc = add_piece(list, self, at + seplen, j, piece);
            j = at;
        }
        rc = rc < 0 ? rc : add_piece(list, self, 0, j, piece);
    }
    if (rc < 0) {
        PR_DECREF(list);
        return NULL;
    }
    if (right) {
        reverse(list);
    }
    return list;
}

/* The length of the line break at text[i], or 0. */
static ssize_t line_break(const char *p, ssize_t n, ssize_t i, PrSplitChars chars)
{
    unsigned char c = (unsigned char)p[i];
    if (c == '\r') {
        return i + 1 < n && p[i + 1] == '\n' ? 2 : 1;
    }
    if (c == '\n') {
        return 1;
    }
    if (chars == PR_SPLIT_ASCII) {
        return 0;
    }
    if (c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E)) {
        return 1;
    }
    if (c == 0xC2 && i + 1 < n && (unsigned char)p[i + 1] == 0x85) {
        return 2; /* U+0085 */
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)p[i + 1] == 0x80 &&
        ((unsigned char)p[i + 2] == 0xA8 || (unsigned char)p[i + 2] == 0xA9)) {
        return 3; /* U+2028, U+2029 */
    }
    return 0;
}

PrObject *pr_strargs_splitlines(PrObject *self, const char *text, ssize_t n, int keepends,
                                PrSplitChars chars, PrSplitPiece piece)
{
    PrObject *list = pr_list_new(0);
    if (!list) {
        return NULL;
    }
    for (ssize_t i = 0, start = 0; i < n; start = i) {
        ssize_t eol = 0;
        while (i < n && (eol = line_break(text, n, i, chars)) == 0) {
            i++;
        }
        ssize_t end = i;
        i += eol;
        if (add_piece(list, self, start, keepends ? i : end, piece) < 0) {
            PR_DECREF(list);
            return NULL;
        }
    }
    return list;
}
