/* objects/bytes_text.c — the ASCII text methods of bytes: the is*() predicates, title /
 * capitalize / swapcase, padding (center, ljust, rjust, zfill), partition / rpartition and
 * removeprefix / removesuffix, with CPython 3.11's results and messages. The rows of bytes's
 * method table are in objects/bytes.c; the declarations in objects/bytes.h. */
#include "objects/bytes.h"

#include "objects/singletons.h"
#include "objects/strargs.h"
#include "objects/tuple.h"
#include "vm/errors.h"

#include <ctype.h>
#include <string.h>

#define DATA(o) PR_BYTES_DATA(o)
#define SIZE(o) PR_BYTES_SIZE(o)

/* ============================================================================================
 *  Predicates (pyctype's ASCII classes: bytes over 0x7f are in none)
 * ============================================================================================ */

static int is_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static int is_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_alpha(int c)
{
    return is_upper(c) || is_lower(c);
}

static int is_alnum(int c)
{
    return is_alpha(c) || is_digit(c);
}

static int is_space(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* True when self is not empty and every byte satisfies pred. */
static PrObject *all_bytes(PrObject *self, int (*pred)(int))
{
    const unsigned char *p = (const unsigned char *)DATA(self);
    ssize_t n = SIZE(self);
    for (ssize_t i = 0; i < n; i++) {
        if (!pred(p[i])) {
            return PR_NEWREF(PR_False);
        }
    }
    return pr_bool_from_long(n > 0);
}

#define PREDICATE(name, pred)                                                                      \
    PrObject *pr_bytes_##name(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)   \
    {                                                                                              \
        return all_bytes(self, pred);                                                              \
    }
PREDICATE(isdigit, is_digit)
PREDICATE(isalpha, is_alpha)
PREDICATE(isalnum, is_alnum)
PREDICATE(isspace, is_space)
#undef PREDICATE

PrObject *pr_bytes_isascii(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    for (ssize_t i = 0; i < SIZE(self); i++) {
        if ((unsigned char)DATA(self)[i] >= 0x80) {
            return PR_NEWREF(PR_False);
        }
    }
    return PR_NEWREF(PR_True);
}

/* isupper (upper set) / islower: some cased byte, none of the other case. */
static PrObject *cased_only(PrObject *self, int upper)
{
    int cased = 0;
    for (ssize_t i = 0; i < SIZE(self); i++) {
        int c = (unsigned char)DATA(self)[i];
        if (upper ? is_lower(c) : is_upper(c)) {
            return PR_NEWREF(PR_False);
        }
        cased |= upper ? is_upper(c) : is_lower(c);
    }
    return pr_bool_from_long(cased);
}

PrObject *pr_bytes_isupper(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return cased_only(self, 1);
}

PrObject *pr_bytes_islower(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return cased_only(self, 0);
}

/* Uppercase bytes only after uncased ones, lowercase only after cased ones, and one cased. */
PrObject *pr_bytes_istitle(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    int cased = 0, previous_cased = 0;
    for (ssize_t i = 0; i < SIZE(self); i++) {
        int c = (unsigned char)DATA(self)[i];
        if (is_upper(c)) {
            if (previous_cased) {
                return PR_NEWREF(PR_False);
            }
            previous_cased = cased = 1;
        } else if (is_lower(c)) {
            if (!previous_cased) {
                return PR_NEWREF(PR_False);
            }
            previous_cased = cased = 1;
        } else {
            previous_cased = 0;
        }
    }
    return pr_bool_from_long(cased);
}

/* ============================================================================================
 *  Case changes
 * ============================================================================================ */

typedef enum { TITLE, CAPITALIZE, SWAPCASE } CaseChange;

static PrObject *change(PrObject *self, CaseChange how)
{
    PrObject *r = pr_bytes_from_buf(DATA(self), SIZE(self));
    unsigned char *p = r ? (unsigned char *)DATA(r) : NULL;
    int previous_cased = 0;
    for (ssize_t i = 0; r && i < SIZE(r); i++) {
        int c = p[i];
        if (how == SWAPCASE) {
            p[i] = (unsigned char)(is_upper(c) ? tolower(c) : is_lower(c) ? toupper(c) : c);
        } else if (how == CAPITALIZE) {
            p[i] = (unsigned char)(i == 0 ? (is_lower(c) ? toupper(c) : c)
                                          : (is_upper(c) ? tolower(c) : c));
        } else {
            p[i] = (unsigned char)(!previous_cased && is_lower(c)  ? toupper(c)
                                   : previous_cased && is_upper(c) ? tolower(c)
                                                                   : c);
            previous_cased = is_alpha(c);
        }
    }
    return r;
}

PrObject *pr_bytes_title(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return change(self, TITLE);
}

PrObject *pr_bytes_capitalize(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return change(self, CAPITALIZE);
}

PrObject *pr_bytes_swapcase(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return change(self, SWAPCASE);
}

/* ============================================================================================
 *  Padding
 * ============================================================================================ */

/* self with left and right copies of fill around it. */
static PrObject *pad(PrObject *self, ssize_t left, ssize_t right, char fill)
{
    ssize_t n = SIZE(self);
    PrObject *r = pr_bytes_from_buf(NULL, left + n + right);
    if (r) {
        memset(DATA(r), fill, (size_t)left);
        memcpy(DATA(r) + left, DATA(self), (size_t)n);
        memset(DATA(r) + left + n, fill, (size_t)right);
    }
    return r;
}

/* center, ljust, rjust: (width[, fillchar]); how is 'c', 'l' or 'r'. */
static PrObject *justify(PrObject *self, PrObject *const *args, size_t nargs, const char *name,
                         char how)
{
    ssize_t width;
    char fill = ' ';
    if (pr_strargs_count(name, nargs, 1, 2) < 0 || pr_strargs_ssize(args[0], &width) < 0) {
        return NULL;
    }
    if (nargs > 1) {
        if (!PR_BYTES_CHECK(args[1]) || SIZE(args[1]) != 1) {
            return pr_err_format(PR_EXC(TypeError),
                                 "%s() argument 2 must be a byte string of length 1, not %s", name,
                                 pr_strargs_type_name(args[1]));
        }
        fill = DATA(args[1])[0];
    }
    ssize_t padding = width > SIZE(self) ? width - SIZE(self) : 0;
    ssize_t left = how == 'l' ? 0 : how == 'r' ? padding : padding / 2 + (padding & width & 1);
    return pad(self, left, padding - left, fill);
}

PrObject *pr_bytes_center(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return justify(self, args, nargs, "center", 'c');
}

PrObject *pr_bytes_ljust(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return justify(self, args, nargs, "ljust", 'l');
}

PrObject *pr_bytes_rjust(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return justify(self, args, nargs, "rjust", 'r');
}

/* zfill(width): zeros after a leading sign. */
PrObject *pr_bytes_zfill(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    ssize_t width;
    if (pr_strargs_ssize(args[0], &width) < 0) {
        return NULL;
    }
    ssize_t fill = width > SIZE(self) ? width - SIZE(self) : 0;
    PrObject *r = pad(self, fill, 0, '0');
    if (r && fill && SIZE(self) && (DATA(self)[0] == '+' || DATA(self)[0] == '-')) {
        DATA(r)[0] = DATA(self)[0];
        DATA(r)[fill] = '0';
    }
    return r;
}

/* ============================================================================================
 *  partition, rpartition, removeprefix, removesuffix
 * ============================================================================================ */

static int need_bytes_arg(PrObject *o)
{
    if (PR_BYTES_CHECK(o)) {
        return 0;
    }
    pr_err_format(PR_EXC(TypeError), "a bytes-like object is required, not '%s'",
                  PR_TYPE_OF(o)->name);
    return -1;
}

static PrObject *partition(PrObject *self, PrObject *sep, int right)
{
    if (need_bytes_arg(sep) < 0) {
        return NULL;
    }
    if (SIZE(sep) == 0) {
        return pr_err_set(PR_EXC(ValueError), "empty separator");
    }
    ssize_t n = SIZE(self), at = pr_bytes_find(self, sep, 0, n, right ? -1 : 1);
    PrObject *empty = pr_bytes_from_buf(NULL, 0), *r;
    if (!empty) {
        return NULL;
    }
    if (at < 0) {
        PrObject *whole = pr_bytes_from_buf(DATA(self), n);
        r = !whole  ? NULL
            : right ? pr_tuple_pack(3, empty, empty, whole)
                    : pr_tuple_pack(3, whole, empty, empty);
        PR_XDECREF(whole);
    } else {
        PrObject *head = pr_bytes_from_buf(DATA(self), at);
        PrObject *mid = pr_bytes_from_buf(DATA(sep), SIZE(sep));
        ssize_t after = at + SIZE(sep);
        PrObject *tail = pr_bytes_from_buf(DATA(self) + after, n - after);
        r = head && mid && tail ? pr_tuple_pack(3, head, mid, tail) : NULL;
        PR_XDECREF(head);
        PR_XDECREF(mid);
        PR_XDECREF(tail);
    }
    PR_DECREF(empty);
    return r;
}

PrObject *pr_bytes_partition(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return partition(self, args[0], 0);
}

PrObject *pr_bytes_rpartition(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return partition(self, args[0], 1);
}

static PrObject *remove_affix(PrObject *self, PrObject *affix, int suffix)
{
    if (need_bytes_arg(affix) < 0) {
        return NULL;
    }
    ssize_t n = SIZE(self), k = SIZE(affix);
    int match = k <= n && memcmp(DATA(self) + (suffix ? n - k : 0), DATA(affix), (size_t)k) == 0;
    if (!match || k == 0) {
        return pr_bytes_from_buf(DATA(self), n);
    }
    return pr_bytes_from_buf(DATA(self) + (suffix ? 0 : k), n - k);
}

PrObject *pr_bytes_removeprefix(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return remove_affix(self, args[0], 0);
}

PrObject *pr_bytes_removesuffix(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return remove_affix(self, args[0], 1);
}
