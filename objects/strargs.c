/* objects/strargs.c — argument helpers for str and bytes methods (objects/strargs.h). */
#include "objects/strargs.h"

#include "objects/number.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

/* Reads an int object by its layout: signed digit count, then 30-bit digits (vm/interp.h).
 * Returns: 0, or 1 when it does not fit (the sign is in *negative). */
static int read_int(PrObject *o, ssize_t *out, int *negative)
{
    ssize_t size = PR_SIZE(o);
    const uint32_t *digit = ((PrBoolObject *)o)->digit;
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
    int negative;
    PrObject *i = pr_number_index(o);
    if (!i) {
        return -1;
    }
    int rc = read_int(i, out, &negative);
    PR_DECREF(i);
    if (rc) {
        pr_err_set(PR_EXC(OverflowError), "Python int too large to convert to C ssize_t");
        return -1;
    }
    return 0;
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
        pr_err_format(PR_EXC(TypeError), "%s expected at least %zu argument%s, got %zu", name,
                      min, min == 1 ? "" : "s", nargs);
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

int pr_strargs_keywords(const char *fname, PrObject *const *args, size_t nargs,
                        PrObject *kwnames, const char *const *names, size_t nnames,
                        PrObject **out)
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
            pr_err_format(PR_EXC(TypeError), "'%U' is an invalid keyword argument for %s()",
                          key, fname);
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

/* encodings.normalize_encoding, then lower case, '-' and ' ' as '_'. */
static void normalize(const char *s, size_t n, char *buf, size_t cap)
{
    size_t j = 0;
    for (size_t i = 0; i < n && j + 1 < cap; i++) {
        char c = s[i];
        buf[j++] = c == '-' || c == ' ' ? '_' : (char)tolower((unsigned char)c);
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
    static const char *const ascii[] = {"ascii", "us_ascii", "646", "us", "ansi_x3.4_1968",
                                        NULL};
    static const char *const latin1[] = {"latin_1", "latin1", "iso_8859_1", "iso8859_1",
                                         "8859", "cp819", "latin", "l1", "iso_ir_100", NULL};
    char buf[32];
    if (must_be_str(fname, "encoding", name) < 0) {
        return -1;
    }
    normalize(pr_str_utf8(name), (size_t)PR_STR_BYTES(name), buf, sizeof buf);
    if (PR_STR_BYTES(name) < (ssize_t)sizeof buf && in_list(buf, utf8)) {
        *codec = PR_CODEC_UTF8;
    } else if (PR_STR_BYTES(name) < (ssize_t)sizeof buf && in_list(buf, ascii)) {
        *codec = PR_CODEC_ASCII;
    } else if (PR_STR_BYTES(name) < (ssize_t)sizeof buf && in_list(buf, latin1)) {
        *codec = PR_CODEC_LATIN1;
    } else {
        pr_err_format(PR_EXC(LookupError), "unknown encoding: %U", name);
        return -1;
    }
    return 0;
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
