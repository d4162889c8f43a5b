/* objects/str_methods.c — the methods of str and its sequence behaviour: indexing, slicing,
 * iteration (the str iterators), `in`, repetition, searching, case mapping, the is*()
 * predicates, padding, stripping, join, replace, partition, encode. Formatting (str.format,
 * `%`, __format__) is in objects/str_format.c. Contracts in objects/str.h.
 *
 * Text is UTF-8, which is self-synchronising: a substring search on bytes finds exactly the
 * code point matches, so searching works on bytes and converts offsets to code point indices
 * only at the edges (free for ASCII strings, which index in O(1)). Case mapping and the
 * predicates use objects/ucd.h, tables generated from CPython 3.11. */
#include "objects/str.h"

#include "memory/obmalloc.h"
#include "objects/bytes.h"
#include "objects/codecs.h"
#include "objects/exceptions.h"
#include "objects/long.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/strargs.h"
#include "objects/strsearch.h"
#include "objects/tuple.h"
#include "objects/ucd.h"
#include "vm/errors.h"

#include <stdio.h>
#include <string.h>

#define DATA(s) PR_STR_DATA(s)
#define NBYTES(s) PR_STR_BYTES(s)
#define LEN(s) PR_STR_LENGTH(s)
#define IS_ASCII(s) (((PrStr *)(s))->ascii)

/* ============================================================================================
 *  Positions: code point index <-> byte offset
 * ============================================================================================ */

/* Byte offset of code point i (0 <= i <= len). */
static ssize_t offset_of(PrObject *s, ssize_t i)
{
    if (IS_ASCII(s) || i == 0) {
        return i;
    }
    if (i >= LEN(s)) {
        return NBYTES(s);
    }
    return (ssize_t)pr_ucd_utf8_prefix(DATA(s), (size_t)NBYTES(s), (size_t)i);
}

/* Code point index of byte offset off. */
static ssize_t index_of(PrObject *s, ssize_t off)
{
    return IS_ASCII(s) ? off : (ssize_t)pr_ucd_utf8_count(DATA(s), (size_t)off);
}

/* The code point at byte offset off; *next gets the offset after it. */
static uint32_t cp_at(const char *p, ssize_t n, ssize_t off, ssize_t *next)
{
    uint32_t cp;
    *next = off + (ssize_t)pr_ucd_utf8_decode(p + off, (size_t)(n - off), &cp);
    return cp;
}

/* The code point ending just before byte offset off; *prev gets its start. */
static uint32_t cp_before(const char *p, ssize_t off, ssize_t *prev)
{
    ssize_t i = off - 1;
    while (i > 0 && ((unsigned char)p[i] & 0xC0) == 0x80) {
        i--;
    }
    uint32_t cp;
    pr_ucd_utf8_decode(p + i, (size_t)(off - i), &cp);
    *prev = i;
    return cp;
}

/* A str of the bytes [from, to) of s: s itself when that is all of an exact str. */
static PrObject *substr(PrObject *s, ssize_t from, ssize_t to)
{
    if (from == 0 && to == NBYTES(s) && PR_STR_CHECK_EXACT(s)) {
        return PR_NEWREF(s);
    }
    return pr_str_from_utf8(DATA(s) + from, to - from);
}

/* The piece [from, to) (byte offsets) of a str being split. */
static PrObject *split_piece(PrObject *self, ssize_t from, ssize_t to)
{
    return substr(self, from, to);
}

static int is_str(PrObject *o)
{
    return PR_STR_CHECK(o);
}

static void str_text(PrObject *s, PrStrText *t)
{
    t->p = DATA(s);
    t->nbytes = NBYTES(s);
    t->len = LEN(s);
}

static PrObject *must_be_str(PrObject *o)
{
    return pr_err_format(PR_EXC(TypeError), "must be str, not %s", PR_TYPE_OF(o)->name);
}

/* The messages of CPython 3.11's str methods for an argument that is not a str. */
static PrObject *str_wrong_type(PrObject *o, PrStrArg role, const char *name)
{
    const char *type = PR_TYPE_OF(o)->name;
    switch (role) {
    case PR_STRARG_PREFIX_ITEM:
        return pr_err_format(PR_EXC(TypeError), "tuple for %s must only contain str, not %s", name,
                             type);
    case PR_STRARG_SEP:
        return pr_err_format(PR_EXC(TypeError), "must be str or None, not %s", type);
    case PR_STRARG_CHARS:
        return pr_err_format(PR_EXC(TypeError), "%s arg must be None or str", name);
    default:
        return must_be_str(o);
    }
}

/* str for the bodies shared with bytes (objects/strsearch.h): units are code points. */
static const PrStrKind str_kind = {
    .name = "str",
    .not_found = "substring not found",
    .chars = PR_SPLIT_UNICODE,
    .piece = split_piece,
    .check = is_str,
    .text = str_text,
    .offset = offset_of,
    .index = index_of,
    .wrong_type = str_wrong_type,
    .item = pr_str_getitem,
    .slice = pr_str_slice,
    .bad_index = "string indices must be integers, not '%s'",
};

/* ============================================================================================
 *  Sequence behaviour
 * ============================================================================================ */

PrObject *pr_str_slice(PrObject *s, ssize_t start, ssize_t stop, ssize_t step)
{
    ssize_t count = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0)
                             : (stop < start ? (start - stop - 1) / -step + 1 : 0);
    if (count <= 0) {
        return pr_str_from_utf8("", 0);
    }
    if (step == 1) {
        return substr(s, offset_of(s, start), offset_of(s, stop));
    }
    PrStrBuilder b;
    pr_str_builder_init(&b);
    if (IS_ASCII(s)) {
        for (ssize_t k = 0, i = start; k < count; k++, i += step) {
            pr_str_builder_append(&b, DATA(s) + i, 1);
        }
        return pr_str_builder_finish(&b);
    }
    /* One pass over the text: record the byte offset of every code point, then pick. */
    ssize_t *offs = pr_mem_alloc(sizeof(ssize_t) * (size_t)(LEN(s) + 1));
    if (!offs) {
        return pr_err_no_memory();
    }
    for (ssize_t i = 0, off = 0; i <= LEN(s); i++) {
        offs[i] = off;
        if (i < LEN(s)) {
            cp_at(DATA(s), NBYTES(s), off, &off);
        }
    }
    for (ssize_t k = 0, i = start; k < count; k++, i += step) {
        pr_str_builder_append(&b, DATA(s) + offs[i], offs[i + 1] - offs[i]);
    }
    pr_mem_free(offs);
    return pr_str_builder_finish(&b);
}

/* s[key]: an int-like key as CPython's PyNumber_AsSsize_t(key, IndexError), or a slice. */
PrObject *pr_str_subscript(PrObject *s, PrObject *key)
{
    return pr_strsearch_subscript(&str_kind, s, key);
}

PrObject *pr_str_repeat(PrObject *s, ssize_t n)
{
    if (n <= 0 || NBYTES(s) == 0) {
        return pr_str_from_utf8("", 0);
    }
    if (n == 1 && PR_STR_CHECK_EXACT(s)) {
        return PR_NEWREF(s);
    }
    if (NBYTES(s) > PTRDIFF_MAX / n) {
        return pr_err_no_memory();
    }
    PrStrBuilder b;
    pr_str_builder_init(&b);
    for (ssize_t i = 0; i < n; i++) {
        if (pr_str_builder_append_str(&b, s) < 0) {
            break;
        }
    }
    return pr_str_builder_finish(&b);
}

ssize_t pr_str_find(PrObject *s, PrObject *sub, ssize_t start, ssize_t end, int direction)
{
    PrStrText t;
    str_text(sub, &t);
    return pr_strsearch_find(&str_kind, s, &t, start, end, direction);
}

ssize_t pr_str_count(PrObject *s, PrObject *sub, ssize_t start, ssize_t end)
{
    PrStrText t;
    str_text(sub, &t);
    return pr_strsearch_count(&str_kind, s, &t, start, end);
}

int pr_str_contains(PrObject *s, PrObject *sub)
{
    if (!PR_STR_CHECK(sub)) {
        pr_err_format(PR_EXC(TypeError), "'in <string>' requires string as left operand, not %s",
                      PR_TYPE_OF(sub)->name);
        return -1;
    }
    return pr_strsearch_bytes(DATA(s), NBYTES(s), DATA(sub), NBYTES(sub), 1) >= 0;
}

/* ============================================================================================
 *  Iterators: str_ascii_iterator and str_iterator (CPython 3.11's two types)
 * ============================================================================================ */

typedef struct StrIter {
    PrObject ob;
    PrObject *str;  /* NULL once exhausted */
    ssize_t offset; /* byte offset of the next character */
} StrIter;

PrObject *pr_str_iter(PrObject *s)
{
    PrType *t = IS_ASCII(s) ? PR_TYPE(str_ascii_iterator) : PR_TYPE(str_iterator);
    StrIter *it = (StrIter *)pr_object_new(t);
    if (it) {
        it->str = PR_NEWREF(s);
        it->offset = 0;
    }
    return (PrObject *)it;
}

static PrObject *iter_self(PrObject *self)
{
    return PR_NEWREF(self);
}

static PrObject *iter_next(PrObject *self)
{
    StrIter *it = (StrIter *)self;
    if (!it->str) {
        return NULL;
    }
    if (it->offset >= NBYTES(it->str)) {
        PR_CLEAR(it->str);
        return NULL;
    }
    ssize_t next;
    uint32_t cp = cp_at(DATA(it->str), NBYTES(it->str), it->offset, &next);
    it->offset = next;
    return pr_str_from_codepoint(cp);
}

static void iter_dealloc(PrObject *self)
{
    PR_XDECREF(((StrIter *)self)->str);
    pr_object_free(self);
}

const PrType pr_str_ascii_iterator_spec = {
    .name = "str_ascii_iterator",
    .basicsize = sizeof(StrIter),
    .flags = PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = iter_dealloc,
    .iter = iter_self,
    .iternext = iter_next,
};

const PrType pr_str_iterator_spec = {
    .name = "str_iterator",
    .basicsize = sizeof(StrIter),
    .flags = PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = iter_dealloc,
    .iter = iter_self,
    .iternext = iter_next,
};

/* ============================================================================================
 *  Case mapping
 * ============================================================================================ */

typedef enum CaseOp { OP_UPPER, OP_LOWER, OP_FOLD, OP_TITLE, OP_CAPITALIZE, OP_SWAPCASE } CaseOp;

/* CPython's handle_capital_sigma: U+03A3 at byte offset off (2 bytes) lowers to final sigma
 * when preceded by a cased letter (skipping case-ignorable ones) and not followed by one. */
static uint32_t lower_sigma(const char *p, ssize_t n, ssize_t off)
{
    ssize_t j = off, k;
    uint32_t c = 0;
    int before = 0;
    while (j > 0) {
        c = cp_before(p, j, &j);
        if (!pr_ucd_isignorable(c)) {
            before = pr_ucd_iscased(c);
            break;
        }
    }
    if (!before) {
        return 0x3C3;
    }
    for (j = off + 2; j < n; j = k) {
        c = cp_at(p, n, j, &k);
        if (!pr_ucd_isignorable(c)) {
            return pr_ucd_iscased(c) ? 0x3C3 : 0x3C2;
        }
    }
    return 0x3C2;
}

static int append_mapped(PrStrBuilder *b, uint32_t cp, PrCaseMap which, const char *p, ssize_t n,
                         ssize_t off)
{
    uint32_t out[3];
    if (which == PR_CASE_LOWER && cp == 0x3A3) {
        return pr_str_builder_append_codepoint(b, lower_sigma(p, n, off));
    }
    int k = pr_ucd_case_map(cp, which, out);
    for (int i = 0; i < k; i++) {
        pr_str_builder_append_codepoint(b, out[i]);
    }
    return 0;
}

static PrCaseMap mapping_for(CaseOp op, uint32_t cp, ssize_t index, int prev_cased)
{
    switch (op) {
    case OP_UPPER:
        return PR_CASE_UPPER;
    case OP_LOWER:
        return PR_CASE_LOWER;
    case OP_FOLD:
        return PR_CASE_FOLD;
    case OP_TITLE:
        return prev_cased ? PR_CASE_LOWER : PR_CASE_TITLE;
    case OP_CAPITALIZE:
        return index == 0 ? PR_CASE_TITLE : PR_CASE_LOWER;
    default:
        return pr_ucd_isupper(cp) ? PR_CASE_LOWER : PR_CASE_UPPER;
    }
}

static PrObject *case_convert(PrObject *s, CaseOp op)
{
    const char *p = DATA(s);
    ssize_t n = NBYTES(s);
    if (IS_ASCII(s) && n <= 256 && (op == OP_LOWER || op == OP_UPPER || op == OP_FOLD)) {
        /* ASCII maps byte for byte (its casefold is lower) */
        char buf[256];
        for (ssize_t i = 0; i < n; i++) {
            char c = p[i];
            buf[i] = op == OP_UPPER ? (c >= 'a' && c <= 'z' ? (char)(c - 32) : c)
                                    : (c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
        }
        return pr_str_from_utf8(buf, n);
    }
    int prev_cased = 0;
    PrStrBuilder b;
    pr_str_builder_init(&b);
    for (ssize_t off = 0, i = 0, next; off < n; off = next, i++) {
        uint32_t cp = cp_at(p, n, off, &next);
        if (op == OP_SWAPCASE && !pr_ucd_isupper(cp) && !pr_ucd_islower(cp)) {
            pr_str_builder_append(&b, p + off, next - off);
        } else {
            append_mapped(&b, cp, mapping_for(op, cp, i, prev_cased), p, n, off);
        }
        prev_cased = pr_ucd_iscased(cp);
    }
    return pr_str_builder_finish(&b);
}

static PrObject *str_upper(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return case_convert(self, OP_UPPER);
}

static PrObject *str_lower(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return case_convert(self, OP_LOWER);
}

static PrObject *str_casefold(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return case_convert(self, OP_FOLD);
}

static PrObject *str_title(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return case_convert(self, OP_TITLE);
}

static PrObject *str_capitalize(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return case_convert(self, OP_CAPITALIZE);
}

static PrObject *str_swapcase(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return case_convert(self, OP_SWAPCASE);
}

/* ============================================================================================
 *  Predicates
 * ============================================================================================ */

/* True when s is not empty and every code point satisfies pred. */
static PrObject *all_chars(PrObject *s, int (*pred)(uint32_t))
{
    ssize_t n = NBYTES(s);
    if (n == 0) {
        return pr_bool_from_long(0);
    }
    for (ssize_t off = 0, next; off < n; off = next) {
        if (!pred(cp_at(DATA(s), n, off, &next))) {
            return pr_bool_from_long(0);
        }
    }
    return pr_bool_from_long(1);
}

static int is_decimal(uint32_t cp)
{
    return pr_ucd_decimal(cp) >= 0;
}

static int is_space(uint32_t cp)
{
    return pr_ucd_isspace(cp);
}

static int is_alnum(uint32_t cp)
{
    return pr_ucd_isalpha(cp) || pr_ucd_isnumeric(cp);
}

static int is_printable(uint32_t cp)
{
    return pr_ucd_isprintable(cp);
}

static PrObject *str_isdigit(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return all_chars(self, pr_ucd_isdigit);
}

static PrObject *str_isdecimal(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return all_chars(self, is_decimal);
}

static PrObject *str_isnumeric(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return all_chars(self, pr_ucd_isnumeric);
}

static PrObject *str_isalpha(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return all_chars(self, pr_ucd_isalpha);
}

static PrObject *str_isalnum(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return all_chars(self, is_alnum);
}

static PrObject *str_isspace(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return all_chars(self, is_space);
}

static PrObject *str_isascii(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return pr_bool_from_long(IS_ASCII(self));
}

static PrObject *str_isprintable(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return NBYTES(self) == 0 ? pr_bool_from_long(1) : all_chars(self, is_printable);
}

static PrObject *str_isidentifier(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    ssize_t nb = NBYTES(self), next;
    if (nb == 0 || !pr_ucd_is_xid_start(cp_at(DATA(self), nb, 0, &next))) {
        return pr_bool_from_long(0);
    }
    for (ssize_t off = next; off < nb; off = next) {
        if (!pr_ucd_is_xid_continue(cp_at(DATA(self), nb, off, &next))) {
            return pr_bool_from_long(0);
        }
    }
    return pr_bool_from_long(1);
}

/* islower (want_lower) and isupper: no character of the other case or titlecase, and at least
 * one cased character of the wanted case. */
static PrObject *case_is(PrObject *s, int want_lower)
{
    int cased = 0;
    for (ssize_t off = 0, next; off < NBYTES(s); off = next) {
        uint32_t cp = cp_at(DATA(s), NBYTES(s), off, &next);
        int lower = pr_ucd_islower(cp), upper = pr_ucd_isupper(cp);
        if ((want_lower ? upper : lower) || pr_ucd_istitle(cp)) {
            return pr_bool_from_long(0);
        }
        cased |= want_lower ? lower : upper;
    }
    return pr_bool_from_long(cased);
}

static PrObject *str_islower(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return case_is(self, 1);
}

static PrObject *str_isupper(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    return case_is(self, 0);
}

static PrObject *str_istitle(PrObject *self, PrObject *const *a, size_t n, PrObject *kw)
{
    int cased = 0, prev_cased = 0;
    for (ssize_t off = 0, next; off < NBYTES(self); off = next) {
        uint32_t cp = cp_at(DATA(self), NBYTES(self), off, &next);
        if (pr_ucd_isupper(cp) || pr_ucd_istitle(cp)) {
            if (prev_cased) {
                return pr_bool_from_long(0);
            }
            prev_cased = cased = 1;
        } else if (pr_ucd_islower(cp)) {
            if (!prev_cased) {
                return pr_bool_from_long(0);
            }
            prev_cased = cased = 1;
        } else {
            prev_cased = 0;
        }
    }
    return pr_bool_from_long(cased);
}

/* ============================================================================================
 *  Stripping
 * ============================================================================================ */

/* Whether cp occurs in chars (a str), or is whitespace when chars is NULL. */
static int strip_match(uint32_t cp, PrObject *chars)
{
    if (!chars) {
        return pr_ucd_isspace(cp);
    }
    for (ssize_t off = 0, next; off < NBYTES(chars); off = next) {
        if (cp_at(DATA(chars), NBYTES(chars), off, &next) == cp) {
            return 1;
        }
    }
    return 0;
}

/* which: 1 left, 2 right, 3 both. */
static PrObject *do_strip(PrObject *s, PrObject *const *args, size_t nargs, const char *name,
                          int which)
{
    PrObject *chars;
    if (pr_strsearch_strip_arg(&str_kind, args, nargs, name, &chars) < 0) {
        return NULL;
    }
    ssize_t from = 0, to = NBYTES(s), next;
    while ((which & 1) && from < to && strip_match(cp_at(DATA(s), to, from, &next), chars)) {
        from = next;
    }
    while ((which & 2) && to > from) {
        ssize_t prev;
        if (!strip_match(cp_before(DATA(s), to, &prev), chars)) {
            break;
        }
        to = prev;
    }
    return substr(s, from, to);
}

static PrObject *str_strip(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return do_strip(self, args, nargs, "strip", 3);
}

static PrObject *str_lstrip(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return do_strip(self, args, nargs, "lstrip", 1);
}

static PrObject *str_rstrip(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return do_strip(self, args, nargs, "rstrip", 2);
}

/* ============================================================================================
 *  Padding
 * ============================================================================================ */

static int append_fill(PrStrBuilder *b, const char *fill, ssize_t fill_bytes, ssize_t count)
{
    for (ssize_t i = 0; i < count; i++) {
        if (pr_str_builder_append(b, fill, fill_bytes) < 0) {
            return -1;
        }
    }
    return 0;
}

/* s with left and right copies of fill around it. */
static PrObject *pad(PrObject *s, ssize_t left, ssize_t right, const char *fill, ssize_t fb)
{
    if (left <= 0 && right <= 0 && PR_STR_CHECK_EXACT(s)) {
        return PR_NEWREF(s);
    }
    if ((left > 0 ? left : 0) + (right > 0 ? right : 0) > (PTRDIFF_MAX - NBYTES(s)) / 4) {
        return pr_err_no_memory();
    }
    PrStrBuilder b;
    pr_str_builder_init(&b);
    pr_str_builder_reserve(&b, (left > 0 ? left : 0) * fb + (right > 0 ? right : 0) * fb +
                                   NBYTES(s));
    append_fill(&b, fill, fb, left);
    pr_str_builder_append_str(&b, s);
    append_fill(&b, fill, fb, right);
    return pr_str_builder_finish(&b);
}

/* which: 0 center, 1 ljust, 2 rjust. */
static PrObject *justify(PrObject *s, PrObject *const *args, size_t nargs, const char *name,
                         int which)
{
    ssize_t width;
    const char *fill = " ";
    ssize_t fb = 1;
    if (pr_strargs_count(name, nargs, 1, 2) < 0 || pr_strargs_ssize(args[0], &width) < 0) {
        return NULL;
    }
    if (nargs == 2) {
        if (!PR_STR_CHECK(args[1])) {
            return pr_err_format(PR_EXC(TypeError),
                                 "The fill character must be a unicode character, not %s",
                                 PR_TYPE_OF(args[1])->name);
        }
        if (LEN(args[1]) != 1) {
            return pr_err_set(PR_EXC(TypeError),
                              "The fill character must be exactly one character long");
        }
        fill = DATA(args[1]);
        fb = NBYTES(args[1]);
    }
    if (width <= LEN(s)) { /* before subtracting: width may be as low as -2**63 */
        return pad(s, 0, 0, fill, fb);
    }
    ssize_t marg = width - LEN(s);
    if (which == 1) {
        return pad(s, 0, marg, fill, fb);
    }
    if (which == 2) {
        return pad(s, marg, 0, fill, fb);
    }
    ssize_t left = marg / 2 + (marg & width & 1);
    return pad(s, left, marg - left, fill, fb);
}

static PrObject *str_center(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return justify(self, args, nargs, "center", 0);
}

static PrObject *str_ljust(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return justify(self, args, nargs, "ljust", 1);
}

static PrObject *str_rjust(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return justify(self, args, nargs, "rjust", 2);
}

static PrObject *str_zfill(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    ssize_t width;
    if (pr_strargs_ssize(args[0], &width) < 0) {
        return NULL;
    }
    if (width <= LEN(self)) {
        return pad(self, 0, 0, "0", 1);
    }
    ssize_t fill = width - LEN(self);
    if (fill > PTRDIFF_MAX - NBYTES(self)) {
        return pr_err_no_memory();
    }
    int sign = NBYTES(self) && (DATA(self)[0] == '+' || DATA(self)[0] == '-');
    PrStrBuilder b;
    pr_str_builder_init(&b);
    pr_str_builder_reserve(&b, fill + NBYTES(self));
    pr_str_builder_append(&b, DATA(self), sign);
    append_fill(&b, "0", 1, fill);
    pr_str_builder_append(&b, DATA(self) + sign, NBYTES(self) - sign);
    return pr_str_builder_finish(&b);
}

static PrObject *str_expandtabs(PrObject *self, PrObject *const *args, size_t nargs,
                                PrObject *kwnames)
{
    static const char *const names[] = {"tabsize"};
    PrObject *arg = NULL;
    ssize_t tabsize = 8, column = 0;
    size_t nkw = kwnames ? (size_t)PR_TUPLE_SIZE(kwnames) : 0;
    if (nkw > 1) {
        return pr_err_format(PR_EXC(TypeError),
                             "expandtabs() takes at most 1 keyword argument (%zu given)", nkw);
    }
    if (pr_strargs_keywords("expandtabs", args, nargs, kwnames, names, 1, &arg) < 0 ||
        (arg && pr_strargs_ssize(arg, &tabsize) < 0)) {
        return NULL;
    }
    PrStrBuilder b;
    pr_str_builder_init(&b);
    for (ssize_t off = 0, next; off < NBYTES(self); off = next) {
        uint32_t cp = cp_at(DATA(self), NBYTES(self), off, &next);
        if (cp == '\t') {
            if (tabsize > 0) {
                ssize_t spaces = tabsize - column % tabsize;
                append_fill(&b, " ", 1, spaces);
                column += spaces;
            }
        } else {
            pr_str_builder_append(&b, DATA(self) + off, next - off);
            column = cp == '\n' || cp == '\r' ? 0 : column + 1;
        }
    }
    return pr_str_builder_finish(&b);
}

/* ============================================================================================
 *  join, replace, partition, prefixes
 * ============================================================================================ */

static int join_item(PrStrBuilder *b, PrObject *sep, PrObject *item, ssize_t i)
{
    if (!PR_STR_CHECK(item)) {
        b->failed = 1;
        pr_err_format(PR_EXC(TypeError), "sequence item %zd: expected str instance, %s found", i,
                      PR_TYPE_OF(item)->name);
        return -1;
    }
    if (i > 0 && pr_str_builder_append_str(b, sep) < 0) {
        return -1;
    }
    return pr_str_builder_append_str(b, item);
}

PrObject *pr_str_join(PrObject *sep, PrObject *iterable)
{
    PrStrBuilder b;
    pr_str_builder_init(&b);
    if (PR_TUPLE_CHECK_EXACT(iterable)) {
        ssize_t n = PR_TUPLE_SIZE(iterable);
        if (n == 1 && PR_STR_CHECK_EXACT(PR_TUPLE_ITEMS(iterable)[0])) {
            return PR_NEWREF(PR_TUPLE_ITEMS(iterable)[0]);
        }
        for (ssize_t i = 0; i < n; i++) {
            if (join_item(&b, sep, PR_TUPLE_ITEMS(iterable)[i], i) < 0) {
                break;
            }
        }
        return pr_str_builder_finish(&b);
    }
    PrType *t = PR_TYPE_OF(iterable);
    if (!t->iter) {
        return pr_err_set(PR_EXC(TypeError), "can only join an iterable");
    }
    PrObject *it = t->iter(iterable);
    if (!it) {
        return NULL;
    }
    for (ssize_t i = 0;; i++) {
        PrObject *item = PR_TYPE_OF(it)->iternext(it);
        if (!item) {
            if (pr_err_occurred()) {
                b.failed = 1;
            }
            break;
        }
        int rc = join_item(&b, sep, item, i);
        PR_DECREF(item);
        if (rc < 0) {
            break;
        }
    }
    PR_DECREF(it);
    return pr_str_builder_finish(&b);
}

/* str_find, _rfind, _index, _rindex, _count, _startswith, _endswith, _split, _rsplit and
 * _splitlines: the bodies shared with bytes (objects/strsearch.h). */
PR_STRSEARCH_METHODS(str, str_kind)

static PrObject *str_join(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return pr_str_join(self, args[0]);
}

PrObject *pr_str_replace(PrObject *s, PrObject *old, PrObject *new, ssize_t count)
{
    if (count < 0) {
        count = PTRDIFF_MAX;
    }
    if (count == 0 || (NBYTES(old) == 0 ? 0 : pr_str_find(s, old, 0, PTRDIFF_MAX, 1) < 0)) {
        return substr(s, 0, NBYTES(s));
    }
    PrStrBuilder b;
    pr_str_builder_init(&b);
    ssize_t off = 0, n = NBYTES(s), done = 0;
    if (NBYTES(old) == 0) { /* new goes before every character and at the end */
        for (ssize_t next; done < count; off = next) {
            pr_str_builder_append_str(&b, new);
            done++;
            if (off >= n) {
                break;
            }
            cp_at(DATA(s), n, off, &next);
            pr_str_builder_append(&b, DATA(s) + off, next - off);
        }
    } else {
        while (done < count) {
            ssize_t at = pr_strsearch_bytes(DATA(s) + off, n - off, DATA(old), NBYTES(old), 1);
            if (at < 0) {
                break;
            }
            pr_str_builder_append(&b, DATA(s) + off, at);
            pr_str_builder_append_str(&b, new);
            off += at + NBYTES(old);
            done++;
        }
    }
    pr_str_builder_append(&b, DATA(s) + off, n - off);
    return pr_str_builder_finish(&b);
}

static PrObject *str_replace(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    ssize_t count = -1;
    if (pr_strargs_count("replace", nargs, 2, 3) < 0) {
        return NULL;
    }
    for (int i = 0; i < 2; i++) {
        if (!PR_STR_CHECK(args[i])) {
            return pr_err_format(PR_EXC(TypeError), "replace() argument %d must be str, not %s",
                                 i + 1, pr_strargs_type_name(args[i]));
        }
    }
    if (nargs == 3 && pr_strargs_ssize(args[2], &count) < 0) {
        return NULL;
    }
    return pr_str_replace(self, args[0], args[1], count);
}

/* partition (dir 1) and rpartition (dir -1). */
static PrObject *do_partition(PrObject *s, PrObject *sep, int dir)
{
    PrObject *parts[3] = {NULL, NULL, NULL}, *r = NULL;
    if (!PR_STR_CHECK(sep)) {
        return must_be_str(sep);
    }
    if (NBYTES(sep) == 0) {
        return pr_err_set(PR_EXC(ValueError), "empty separator");
    }
    ssize_t at = pr_strsearch_bytes(DATA(s), NBYTES(s), DATA(sep), NBYTES(sep), dir);
    if (at < 0) {
        parts[0] = substr(s, 0, dir > 0 ? NBYTES(s) : 0);
        parts[1] = substr(s, 0, 0);
        parts[2] = substr(s, dir > 0 ? NBYTES(s) : 0, NBYTES(s));
    } else {
        parts[0] = substr(s, 0, at);
        parts[1] = PR_NEWREF(sep);
        parts[2] = substr(s, at + NBYTES(sep), NBYTES(s));
    }
    if (parts[0] && parts[1] && parts[2]) {
        r = pr_tuple_from_array(parts, 3);
    }
    for (int i = 0; i < 3; i++) {
        PR_XDECREF(parts[i]);
    }
    return r;
}

static PrObject *str_partition(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return do_partition(self, args[0], 1);
}

static PrObject *str_rpartition(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return do_partition(self, args[0], -1);
}

static PrObject *remove_affix(PrObject *s, PrObject *affix, const char *name, int suffix)
{
    if (!PR_STR_CHECK(affix)) {
        return pr_err_format(PR_EXC(TypeError), "%s() argument must be str, not %s", name,
                             pr_strargs_type_name(affix));
    }
    ssize_t n = NBYTES(s), k = NBYTES(affix);
    if (k > n || memcmp(DATA(s) + (suffix ? n - k : 0), DATA(affix), (size_t)k) != 0) {
        return substr(s, 0, n);
    }
    return suffix ? substr(s, 0, n - k) : substr(s, k, n);
}

static PrObject *str_removeprefix(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return remove_affix(self, args[0], "removeprefix", 0);
}

static PrObject *str_removesuffix(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return remove_affix(self, args[0], "removesuffix", 1);
}

/* ============================================================================================
 *  encode
 * ============================================================================================ */

/* A growing byte buffer for encoders. */
typedef struct ByteBuf {
    char *p;
    ssize_t n, cap;
    int failed;
} ByteBuf;

static void buf_put(ByteBuf *b, const char *s, ssize_t n)
{
    if (b->failed) {
        return;
    }
    if (b->n + n > b->cap) {
        ssize_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n) {
            cap *= 2;
        }
        char *p = pr_mem_realloc(b->p, (size_t)cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, (size_t)n);
    b->n += n;
}

static const char *codec_name(PrCodec codec)
{
    return codec == PR_CODEC_ASCII ? "ascii" : codec == PR_CODEC_LATIN1 ? "latin-1" : "utf-8";
}

/* UnicodeEncodeError for the unencodable run of code points [start, end) of s. */
static PrObject *encode_error(PrObject *s, PrCodec codec, ssize_t start, ssize_t end)
{
    return pr_unicode_error_raise(PR_EXC(UnicodeEncodeError), codec_name(codec), s, start, end,
                                  codec == PR_CODEC_ASCII ? "ordinal not in range(128)"
                                                          : "ordinal not in range(256)");
}

/* Appends the replacement for an unencodable code point. */
static void encode_replace(ByteBuf *b, PrCodecErrors errors, uint32_t cp)
{
    char esc[16];
    if (errors == PR_ERRORS_REPLACE) {
        buf_put(b, "?", 1);
    } else if (errors == PR_ERRORS_BACKSLASHREPLACE) {
        snprintf(esc, sizeof esc,
                 cp <= 0xFF     ? "\\x%02x"
                 : cp <= 0xFFFF ? "\\u%04x"
                                : "\\U%08x",
                 (unsigned)cp);
        buf_put(b, esc, (ssize_t)strlen(esc));
    } else if (errors == PR_ERRORS_XMLCHARREFREPLACE) {
        snprintf(esc, sizeof esc, "&#%u;", (unsigned)cp);
        buf_put(b, esc, (ssize_t)strlen(esc));
    }
}

static PrObject *str_encode_with(PrObject *s, PrCodec codec, PrCodecErrors errors,
                                 PrObject *errors_name)
{
    uint32_t limit = codec == PR_CODEC_ASCII ? 0x80 : 0x100;
    if (pr_codecs_is_wide(codec)) {
        return pr_codecs_encode_wide(s, codec);
    }
    if (codec == PR_CODEC_UTF8 || IS_ASCII(s)) {
        return pr_bytes_from_buf(DATA(s), NBYTES(s));
    }
    ByteBuf b = {NULL, 0, 0, 0};
    PrObject *r = NULL;
    ssize_t i = 0;
    for (ssize_t off = 0, next; off < NBYTES(s); off = next, i++) {
        uint32_t cp = cp_at(DATA(s), NBYTES(s), off, &next);
        if (cp < limit) {
            char c = (char)cp;
            buf_put(&b, &c, 1);
            continue;
        }
        if (errors == PR_ERRORS_STRICT) { /* the error names the whole unencodable run */
            ssize_t end = i + 1, o = next, k;
            while (o < NBYTES(s) && cp_at(DATA(s), NBYTES(s), o, &k) >= limit) {
                o = k;
                end++;
            }
            encode_error(s, codec, i, end);
            goto done;
        }
        if (errors == PR_ERRORS_UNKNOWN) {
            pr_strargs_unknown_errors(errors_name);
            goto done;
        }
        encode_replace(&b, errors, cp);
    }
    r = b.failed ? pr_err_no_memory() : pr_bytes_from_buf(b.p ? b.p : "", b.n);
done:
    pr_mem_free(b.p);
    return r;
}

static PrObject *str_encode(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors"};
    PrObject *arg[2] = {NULL, NULL};
    PrCodec codec = PR_CODEC_UTF8;
    PrCodecErrors errors = PR_ERRORS_STRICT;
    if (pr_strargs_keywords("encode", args, nargs, kwnames, names, 2, arg) < 0 ||
        (arg[0] && pr_strargs_codec("encode", arg[0], &codec) < 0) ||
        (arg[1] && pr_strargs_errors("encode", arg[1], &errors) < 0)) {
        return NULL;
    }
    return str_encode_with(self, codec, errors, arg[1]);
}

static PrObject *str_format(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    return pr_str_format_call(self, args, nargs, kwnames);
}

static PrObject *str_format_map(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return pr_str_format_map(self, args[0]);
}

static PrObject *str___format__(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (!PR_STR_CHECK(args[0])) {
        return pr_err_format(PR_EXC(TypeError), "__format__() argument must be str, not %s",
                             pr_strargs_type_name(args[0]));
    }
    return pr_str_format_spec(self, args[0]);
}

/* ============================================================================================
 *  The method table
 * ============================================================================================ */

#define NOARGS(name, doc)                                                                          \
    {                                                                                              \
#name, str_##name, PR_METH_NOARGS, doc                                                     \
    }
#define ONEARG(name, doc)                                                                          \
    {                                                                                              \
#name, str_##name, PR_METH_O, doc                                                          \
    }
#define VARARGS(name, doc)                                                                         \
    {                                                                                              \
#name, str_##name, PR_METH_VARARGS, doc                                                    \
    }
#define KEYWORDS(name, doc)                                                                        \
    {                                                                                              \
#name, str_##name, PR_METH_VARARGS | PR_METH_KEYWORDS, doc                                 \
    }

const PrMethodDef pr_str_methods[] = {
    NOARGS(upper, "Return a copy of the string converted to uppercase."),
    NOARGS(lower, "Return a copy of the string converted to lowercase."),
    NOARGS(casefold, "Return a version of the string suitable for caseless comparisons."),
    NOARGS(title, "Return a version of the string where each word is titlecased."),
    NOARGS(capitalize, "Return a capitalized version of the string."),
    NOARGS(swapcase, "Convert uppercase characters to lowercase and lowercase to uppercase."),
    NOARGS(isdigit, "Return True if the string is a digit string, False otherwise."),
    NOARGS(isdecimal, "Return True if the string is a decimal string, False otherwise."),
    NOARGS(isnumeric, "Return True if the string is a numeric string, False otherwise."),
    NOARGS(isalpha, "Return True if the string is an alphabetic string, False otherwise."),
    NOARGS(isalnum, "Return True if the string is an alpha-numeric string, False otherwise."),
    NOARGS(isspace, "Return True if the string is a whitespace string, False otherwise."),
    NOARGS(isupper, "Return True if the string is an uppercase string, False otherwise."),
    NOARGS(islower, "Return True if the string is a lowercase string, False otherwise."),
    NOARGS(istitle, "Return True if the string is a title-cased string, False otherwise."),
    NOARGS(isidentifier, "Return True if the string is a valid Python identifier."),
    NOARGS(isascii, "Return True if all characters in the string are ASCII, False otherwise."),
    NOARGS(isprintable, "Return True if the string is printable, False otherwise."),
    VARARGS(strip, "Return a copy of the string with leading and trailing whitespace removed."),
    VARARGS(lstrip, "Return a copy of the string with leading whitespace removed."),
    VARARGS(rstrip, "Return a copy of the string with trailing whitespace removed."),
    VARARGS(center, "Return a centered string of length width."),
    VARARGS(ljust, "Return a left-justified string of length width."),
    VARARGS(rjust, "Return a right-justified string of length width."),
    ONEARG(zfill, "Pad a numeric string with zeros on the left, to fill a field of width."),
    KEYWORDS(expandtabs, "Return a copy where all tab characters are expanded using spaces."),
    ONEARG(join, "Concatenate any number of strings."),
    KEYWORDS(split, "Return a list of the substrings in the string, using sep as the separator."),
    KEYWORDS(rsplit, "Return a list of the substrings in the string, splitting from the end."),
    KEYWORDS(splitlines, "Return a list of the lines in the string, breaking at line boundaries."),
    VARARGS(replace, "Return a copy with all occurrences of substring old replaced by new."),
    ONEARG(partition, "Partition the string into three parts using the given separator."),
    ONEARG(rpartition, "Partition the string into three parts, searching from the end."),
    VARARGS(find, "Return the lowest index in S where substring sub is found, or -1."),
    VARARGS(rfind, "Return the highest index in S where substring sub is found, or -1."),
    VARARGS(index, "Return the lowest index in S where substring sub is found."),
    VARARGS(rindex, "Return the highest index in S where substring sub is found."),
    VARARGS(count, "Return the number of non-overlapping occurrences of substring sub."),
    VARARGS(startswith, "Return True if S starts with the specified prefix, False otherwise."),
    VARARGS(endswith, "Return True if S ends with the specified suffix, False otherwise."),
    ONEARG(removeprefix, "Return a str with the given prefix string removed if present."),
    ONEARG(removesuffix, "Return a str with the given suffix string removed if present."),
    KEYWORDS(encode, "Encode the string using the codec registered for encoding."),
    KEYWORDS(format, "Return a formatted version of S, using substitutions from args and kwargs."),
    ONEARG(format_map, "Return a formatted version of S, using substitutions from mapping."),
    {"__format__", str___format__, PR_METH_O, "Return a formatted version of the string."},
    {"maketrans", pr_str_maketrans_method, PR_METH_VARARGS | PR_METH_STATIC,
     "Return a translation table usable for str.translate()."},
    {"translate", pr_str_translate_method, PR_METH_O,
     "Replace each character in the string using the given translation table."},
    {NULL, NULL, 0, NULL},
};
