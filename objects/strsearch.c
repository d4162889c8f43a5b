/* objects/strsearch.c — the method bodies str and bytes share (objects/strsearch.h): a byte
 * search, find/count in the receiver's units, the prefix test, subscription, and the argument
 * handling of find, startswith, strip, split and splitlines, with each type's messages from
 * its PrStrKind. */
#include "objects/strsearch.h"

#include "objects/long.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/tuple.h"
#include "vm/errors.h"

#include <string.h>

ssize_t pr_strsearch_bytes(const char *hay, ssize_t n, const char *needle, ssize_t m, int dir)
{
    if (m == 0) {
        return dir > 0 ? 0 : n;
    }
    if (m > n) {
        return -1;
    }
    if (dir > 0) {
        const char *p = memmem(hay, (size_t)n, needle, (size_t)m);
        return p ? p - hay : -1;
    }
    for (ssize_t i = n - m; i >= 0; i--) {
        if (hay[i] == needle[0] && memcmp(hay + i, needle, (size_t)m) == 0) {
            return i;
        }
    }
    return -1;
}

/* Reads self into *t and adjusts start/end to it. Returns: whether sub may fit in between. */
static int sub_fits(const PrStrKind *k, PrObject *self, const PrStrText *sub, ssize_t *start,
                    ssize_t *end, PrStrText *t)
{
    k->text(self, t);
    pr_strargs_adjust(start, end, t->len);
    return *end - *start >= sub->len;
}

ssize_t pr_strsearch_find(const PrStrKind *k, PrObject *self, const PrStrText *sub,
                          ssize_t start, ssize_t end, int dir)
{
    PrStrText t;
    if (!sub_fits(k, self, sub, &start, &end, &t)) {
        return -1;
    }
    ssize_t from = k->offset(self, start), to = k->offset(self, end);
    ssize_t at = pr_strsearch_bytes(t.p + from, to - from, sub->p, sub->nbytes, dir);
    return at < 0 ? -1 : k->index(self, from + at);
}

ssize_t pr_strsearch_count(const PrStrKind *k, PrObject *self, const PrStrText *sub,
                           ssize_t start, ssize_t end)
{
    PrStrText t;
    if (!sub_fits(k, self, sub, &start, &end, &t)) {
        return 0;
    }
    if (sub->len == 0) {
        return end - start + 1;
    }
    ssize_t from = k->offset(self, start), to = k->offset(self, end), count = 0;
    for (;;) {
        ssize_t at = pr_strsearch_bytes(t.p + from, to - from, sub->p, sub->nbytes, 1);
        if (at < 0) {
            return count;
        }
        count++;
        from += at + sub->nbytes;
    }
}

PrObject *pr_strsearch_subscript(const PrStrKind *k, PrObject *self, PrObject *key)
{
    PrStrText t;
    ssize_t i, start, stop, step;
    k->text(self, &t);
    if (PR_SLICE_CHECK(key)) {
        if (pr_slice_unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        pr_slice_adjust_indices(t.len, &start, &stop, step);
        return k->slice(self, start, stop, step);
    }
    if (!PR_TYPE_HAS_FLAG(PR_TYPE_OF(key), PR_TPFLAG_INT_SUBCLASS) &&
        !PR_TYPE_OF(key)->number.nb_index) {
        return pr_err_format(PR_EXC(TypeError), k->bad_index, PR_TYPE_OF(key)->name);
    }
    if (pr_strargs_ssize(key, &i) < 0) {
        if (pr_err_matches((PrObject *)PR_EXC(OverflowError))) {
            pr_err_clear();
            pr_err_set(PR_EXC(IndexError), "cannot fit 'int' into an index-sized integer");
        }
        return NULL;
    }
    return k->item(self, i < 0 ? i + t.len : i);
}

/* The sub argument of find() and count(): of the type, or for bytes an int 0..255 read into
 * *byte. Returns: 0 with *t, or -1 with TypeError / ValueError. */
static int sub_arg(const PrStrKind *k, PrObject *o, const char *name, char *byte, PrStrText *t)
{
    if (k->check(o)) {
        k->text(o, t);
        return 0;
    }
    if (!k->byte_value ||
        (!PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_INT_SUBCLASS) &&
         !PR_TYPE_OF(o)->number.nb_index)) {
        k->wrong_type(o, PR_STRARG_SUB, name);
        return -1;
    }
    int v = k->byte_value(o);
    if (v < 0) {
        return -1;
    }
    *byte = (char)v;
    t->p = byte;
    t->nbytes = t->len = 1;
    return 0;
}

PrObject *pr_strsearch_method(const PrStrKind *k, PrObject *self, PrObject *const *args,
                              size_t nargs, const char *name, char which)
{
    char byte;
    PrStrText sub;
    ssize_t start, end;
    if (pr_strargs_count_old(name, nargs, 1, 3) < 0 ||
        pr_strargs_start_end(args, nargs, 1, &start, &end) < 0 ||
        sub_arg(k, args[0], name, &byte, &sub) < 0) {
        return NULL;
    }
    if (which == 'c') {
        return pr_long_from_int64(pr_strsearch_count(k, self, &sub, start, end));
    }
    ssize_t at = pr_strsearch_find(k, self, &sub, start, end, which == 'f' || which == 'i' ? 1 : -1);
    if (at < 0 && (which == 'i' || which == 'x')) {
        return pr_err_set(PR_EXC(ValueError), k->not_found);
    }
    return pr_long_from_int64(at);
}

/* Whether sub occurs in self[start:end] at its start (dir -1) or its end (dir 1): CPython's
 * tailmatch. */
static int tailmatch(const PrStrKind *k, PrObject *self, PrObject *sub, ssize_t start,
                     ssize_t end, int dir)
{
    PrStrText t, s;
    k->text(self, &t);
    k->text(sub, &s);
    pr_strargs_adjust(&start, &end, t.len);
    end -= s.len;
    if (end < start) {
        return 0;
    }
    if (s.len == 0) {
        return 1;
    }
    ssize_t at = k->offset(self, dir < 0 ? start : end);
    return at + s.nbytes <= t.nbytes && memcmp(t.p + at, s.p, (size_t)s.nbytes) == 0;
}

PrObject *pr_strsearch_starts_ends(const PrStrKind *k, PrObject *self, PrObject *const *args,
                                   size_t nargs, const char *name, int dir)
{
    ssize_t start, end;
    if (pr_strargs_count_old(name, nargs, 1, 3) < 0 ||
        pr_strargs_start_end(args, nargs, 1, &start, &end) < 0) {
        return NULL;
    }
    PrObject *arg = args[0];
    if (PR_TUPLE_CHECK(arg)) {
        for (ssize_t i = 0; i < PR_TUPLE_SIZE(arg); i++) {
            PrObject *sub = PR_TUPLE_ITEMS(arg)[i];
            if (!k->check(sub)) {
                return k->wrong_type(sub, PR_STRARG_PREFIX_ITEM, name);
            }
            if (tailmatch(k, self, sub, start, end, dir)) {
                return pr_bool_from_long(1);
            }
        }
        return pr_bool_from_long(0);
    }
    if (!k->check(arg)) {
        return pr_err_format(PR_EXC(TypeError), "%s first arg must be %s or a tuple of %s, not %s",
                             name, k->name, k->name, PR_TYPE_OF(arg)->name);
    }
    return pr_bool_from_long(tailmatch(k, self, arg, start, end, dir));
}

int pr_strsearch_strip_arg(const PrStrKind *k, PrObject *const *args, size_t nargs,
                           const char *name, PrObject **chars)
{
    *chars = NULL;
    if (pr_strargs_count(name, nargs, 0, 1) < 0) {
        return -1;
    }
    if (nargs == 1 && args[0] != PR_None) {
        if (!k->check(args[0])) {
            k->wrong_type(args[0], PR_STRARG_CHARS, name);
            return -1;
        }
        *chars = args[0];
    }
    return 0;
}

PrObject *pr_strsearch_split(const PrStrKind *k, PrObject *self, PrObject *const *args,
                             size_t nargs, PrObject *kwnames, const char *name, int right)
{
    static const char *const names[] = {"sep", "maxsplit"};
    PrObject *arg[2] = {NULL, NULL};
    ssize_t maxsplit = -1;
    if (pr_strargs_keywords(name, args, nargs, kwnames, names, 2, arg) < 0 ||
        (arg[1] && pr_strargs_ssize(arg[1], &maxsplit) < 0)) {
        return NULL;
    }
    PrStrText t, sep = {NULL, 0, 0};
    if (arg[0] && arg[0] != PR_None) {
        if (!k->check(arg[0])) {
            return k->wrong_type(arg[0], PR_STRARG_SEP, name);
        }
        k->text(arg[0], &sep);
        if (sep.nbytes == 0) {
            return pr_err_set(PR_EXC(ValueError), "empty separator");
        }
    }
    k->text(self, &t);
    return pr_strargs_split(self, t.p, t.nbytes, sep.p, sep.nbytes, maxsplit, right, k->chars,
                            k->piece);
}

PrObject *pr_strsearch_splitlines(const PrStrKind *k, PrObject *self, PrObject *const *args,
                                  size_t nargs, PrObject *kwnames)
{
    static const char *const names[] = {"keepends"};
    PrObject *arg = NULL;
    ssize_t keepends = 0;
    if (pr_strargs_keywords("splitlines", args, nargs, kwnames, names, 1, &arg) < 0 ||
        (arg && pr_strargs_ssize(arg, &keepends) < 0)) {
        return NULL;
    }
    PrStrText t;
    k->text(self, &t);
    return pr_strargs_splitlines(self, t.p, t.nbytes, keepends != 0, k->chars, k->piece);
}
