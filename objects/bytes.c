/* objects/bytes.c — the bytes type: construction, repr, comparison and hashing, the sequence
 * operators and the methods (objects/bytes.h). Decoding shares the codec and error-handler
 * names of str.encode (objects/strargs.h) and CPython's UTF-8 error delimitation
 * (pr_str_utf8_bad_length in objects/str.h). */
#include "objects/bytes.h"

#include "memory/obmalloc.h"
#include "objects/codecs.h"
#include "objects/exceptions.h"
#include "objects/long.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/strargs.h"
#include "objects/strsearch.h"
#include "objects/tuple.h"
#include "objects/ucd.h"
#include "vm/errors.h"

#include <stdio.h>
#include <string.h>

#define HEADER_BYTES offsetof(PrBytes, data)
#define DATA(o) PR_BYTES_DATA(o)
#define SIZE(o) PR_BYTES_SIZE(o)

/* ============================================================================================
 *  Making bytes
 * ============================================================================================ */

/* A bytes of n bytes whose content the caller writes. */
static PrBytes *bytes_alloc(ssize_t n)
{
    PrBytes *b = (PrBytes *)pr_object_new_var(PR_TYPE(bytes), n);
    if (b) {
        b->hash = -1;
        b->data[n] = '\0';
    }
    return b;
}

PrObject *pr_bytes_from_buf(const char *s, ssize_t n)
{
    PrBytes *b = bytes_alloc(n);
    if (b && n) {
        if (s) {
            memcpy(b->data, s, (size_t)n);
        } else {
            memset(b->data, 0, (size_t)n);
        }
    }
    return (PrObject *)b;
}

/* The argument as bytes, or TypeError "a bytes-like object is required, not 'str'". */
static int need_bytes(PrObject *o)
{
    if (PR_BYTES_CHECK(o)) {
        return 0;
    }
    pr_err_format(PR_EXC(TypeError), "a bytes-like object is required, not '%s'",
                  PR_TYPE_OF(o)->name);
    return -1;
}

/* A byte value from an int-like object. Returns: 0..255, or -1 with an exception. */
static int byte_value(PrObject *o, const char *range_msg)
{
    ssize_t v;
    if (pr_strargs_ssize(o, &v) < 0) {
        return -1;
    }
    if (v < 0 || v > 255) {
        pr_err_set(PR_EXC(ValueError), range_msg);
        return -1;
    }
    return (int)v;
}

/* ============================================================================================
 *  bytes for the bodies shared with str (objects/strsearch.h): units are bytes
 * ============================================================================================ */

static int is_bytes(PrObject *o)
{
    return PR_BYTES_CHECK(o);
}

static void bytes_text(PrObject *b, PrStrText *t)
{
    t->p = DATA(b);
    t->nbytes = t->len = SIZE(b);
}

static ssize_t same_position(PrObject *b, ssize_t i)
{
    return i;
}

/* The messages of CPython 3.11's bytes methods for an argument that is not a bytes. */
static PrObject *bytes_wrong_type(PrObject *o, PrStrArg role, const char *name)
{
    if (role == PR_STRARG_SUB) {
        return pr_err_format(PR_EXC(TypeError),
                             "argument should be integer or bytes-like object, not '%s'",
                             PR_TYPE_OF(o)->name);
    }
    need_bytes(o);
    return NULL;
}

/* b[i]: a byte is an int. */
static PrObject *bytes_item(PrObject *self, ssize_t i)
{
    if (i < 0 || i >= SIZE(self)) {
        return pr_err_set(PR_EXC(IndexError), "index out of range");
    }
    return pr_long_from_int64((unsigned char)DATA(self)[i]);
}

/* find(sub) and count(sub) with an int sub. */
static int sub_byte_value(PrObject *o)
{
    return byte_value(o, "byte must be in range(0, 256)");
}

/* The piece [from, to) of a bytes being split. */
static PrObject *split_piece(PrObject *self, ssize_t from, ssize_t to)
{
    return pr_bytes_slice(self, from, to, 1);
}

static const PrStrKind bytes_kind = {
    .name = "bytes",
    .not_found = "subsection not found",
    .chars = PR_SPLIT_ASCII,
    .piece = split_piece,
    .check = is_bytes,
    .text = bytes_text,
    .offset = same_position,
    .index = same_position,
    .wrong_type = bytes_wrong_type,
    .byte_value = sub_byte_value,
    .item = bytes_item,
    .slice = pr_bytes_slice,
    .bad_index = "byte indices must be integers or slices, not %s",
};

/* ============================================================================================
 *  repr, hash, compare
 * ============================================================================================ */

static PrObject *bytes_repr(PrObject *self)
{
    const char *p = DATA(self);
    size_t n = (size_t)SIZE(self);
    char quote = memchr(p, '\'', n) && !memchr(p, '"', n) ? '"' : '\'';
    PrStrBuilder b;
    pr_str_builder_init(&b);
    pr_str_builder_append(&b, "b", 1);
    pr_str_builder_append(&b, &quote, 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        char esc[8];
        if (c == (unsigned char)quote || c == '\\') {
            esc[0] = '\\';
            esc[1] = (char)c;
            esc[2] = '\0';
        } else if (c == '\t' || c == '\n' || c == '\r') {
            snprintf(esc, sizeof esc, "\\%c", c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
        } else if (c < 0x20 || c >= 0x7F) {
            snprintf(esc, sizeof esc, "\\x%02x", c);
        } else {
            esc[0] = (char)c;
            esc[1] = '\0';
        }
        if (pr_str_builder_append_cstr(&b, esc) < 0) {
            break;
        }
    }
    pr_str_builder_append(&b, &quote, 1);
    return pr_str_builder_finish(&b);
}

static PrHash bytes_hash(PrObject *self)
{
    PrBytes *b = (PrBytes *)self;
    if (b->hash == -1) {
        b->hash = pr_hash_bytes(b->data, (size_t)SIZE(self));
    }
    return b->hash;
}

static PrObject *bytes_richcompare(PrObject *a, PrObject *b, PrCompareOp op)
{
    if (!PR_BYTES_CHECK(a) || !PR_BYTES_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    ssize_t na = SIZE(a), nb = SIZE(b);
    if ((op == PR_EQ || op == PR_NE) && na != nb) {
        return pr_bool_from_long(op == PR_NE);
    }
    int c = memcmp(DATA(a), DATA(b), (size_t)(na < nb ? na : nb));
    c = c ? c : (na > nb) - (na < nb);
    switch (op) {
    case PR_EQ:
        return pr_bool_from_long(c == 0);
    case PR_NE:
        return pr_bool_from_long(c != 0);
    case PR_LT:
        return pr_bool_from_long(c < 0);
    case PR_LE:
        return pr_bool_from_long(c <= 0);
    case PR_GT:
        return pr_bool_from_long(c > 0);
    default:
        return pr_bool_from_long(c >= 0);
    }
}

/* ============================================================================================
 *  Sequence behaviour
 * ============================================================================================ */

static ssize_t bytes_length(PrObject *self)
{
    return SIZE(self);
}

static PrObject *bytes_concat(PrObject *a, PrObject *b)
{
    if (!PR_BYTES_CHECK(b)) {
        return pr_err_format(PR_EXC(TypeError), "can't concat %s to %s", PR_TYPE_OF(b)->name,
                             PR_TYPE_OF(a)->name);
    }
    if (SIZE(b) == 0 && PR_BYTES_CHECK_EXACT(a)) {
        return PR_NEWREF(a);
    }
    if (SIZE(a) == 0 && PR_BYTES_CHECK_EXACT(b)) {
        return PR_NEWREF(b);
    }
    if (SIZE(a) > PTRDIFF_MAX - SIZE(b)) {
        return pr_err_no_memory();
    }
    PrBytes *r = bytes_alloc(SIZE(a) + SIZE(b));
    if (r) {
        memcpy(r->data, DATA(a), (size_t)SIZE(a));
        memcpy(r->data + SIZE(a), DATA(b), (size_t)SIZE(b));
    }
    return (PrObject *)r;
}

static PrObject *bytes_repeat(PrObject *self, ssize_t n)
{
    ssize_t len = SIZE(self);
    if (n < 0) {
        n = 0;
    }
    if (n == 1 && PR_BYTES_CHECK_EXACT(self)) {
        return PR_NEWREF(self);
    }
    if (len && n > (PTRDIFF_MAX - (ssize_t)HEADER_BYTES - 1) / len) {
        return pr_err_no_memory();
    }
    PrBytes *r = bytes_alloc(len * n);
    for (ssize_t i = 0; r && i < n; i++) {
        memcpy(r->data + i * len, DATA(self), (size_t)len);
    }
    return (PrObject *)r;
}

static int bytes_contains(PrObject *self, PrObject *o)
{
    if (PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_INT_SUBCLASS) ||
        (!PR_BYTES_CHECK(o) && PR_TYPE_OF(o)->number.nb_index)) {
        int v = byte_value(o, "byte must be in range(0, 256)");
        return v < 0 ? -1 : memchr(DATA(self), v, (size_t)SIZE(self)) != NULL;
    }
    if (need_bytes(o) < 0) {
        return -1;
    }
    return pr_strsearch_bytes(DATA(self), SIZE(self), DATA(o), SIZE(o), 1) >= 0;
}

PrObject *pr_bytes_slice(PrObject *b, ssize_t start, ssize_t stop, ssize_t step)
{
    ssize_t count = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0)
                             : (stop < start ? (start - stop - 1) / -step + 1 : 0);
    if (count == SIZE(b) && step == 1 && PR_BYTES_CHECK_EXACT(b)) {
        return PR_NEWREF(b);
    }
    PrBytes *r = bytes_alloc(count > 0 ? count : 0);
    for (ssize_t k = 0, i = start; r && k < count; k++, i += step) {
        r->data[k] = DATA(b)[i];
    }
    return (PrObject *)r;
}

ssize_t pr_bytes_find(PrObject *b, PrObject *sub, ssize_t start, ssize_t end, int direction)
{
    PrStrText t;
    bytes_text(sub, &t);
    return pr_strsearch_find(&bytes_kind, b, &t, start, end, direction);
}

ssize_t pr_bytes_count(PrObject *b, PrObject *sub, ssize_t start, ssize_t end)
{
    PrStrText t;
    bytes_text(sub, &t);
    return pr_strsearch_count(&bytes_kind, b, &t, start, end);
}

static PrObject *bytes_subscript(PrObject *self, PrObject *key)
{
    return pr_strsearch_subscript(&bytes_kind, self, key);
}

/* bytes_find, _rfind, _index, _rindex, _count, _startswith, _endswith, _split, _rsplit and
 * _splitlines: the bodies shared with str (objects/strsearch.h). */
PR_STRSEARCH_METHODS(bytes, bytes_kind)

/* ============================================================================================
 *  bytes_iterator
 * ============================================================================================ */

typedef struct BytesIter {
    PrObject ob;
    PrObject *bytes; /* NULL once exhausted */
    ssize_t index;
} BytesIter;

static PrObject *bytes_iter(PrObject *self)
{
    BytesIter *it = (BytesIter *)pr_object_new(PR_TYPE(bytes_iterator));
    if (it) {
        it->bytes = PR_NEWREF(self);
        it->index = 0;
    }
    return (PrObject *)it;
}

static PrObject *bytes_iter_self(PrObject *self)
{
    return PR_NEWREF(self);
}

static PrObject *bytes_iter_next(PrObject *self)
{
    BytesIter *it = (BytesIter *)self;
    if (!it->bytes) {
        return NULL;
    }
    if (it->index >= SIZE(it->bytes)) {
        PR_CLEAR(it->bytes);
        return NULL;
    }
    return pr_long_from_int64((unsigned char)DATA(it->bytes)[it->index++]);
}

static void bytes_iter_dealloc(PrObject *self)
{
    PR_XDECREF(((BytesIter *)self)->bytes);
    pr_object_free(self);
}

const PrType pr_bytes_iterator_spec = {
    .name = "bytes_iterator",
    .basicsize = sizeof(BytesIter),
    .flags = PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = bytes_iter_dealloc,
    .iter = bytes_iter_self,
    .iternext = bytes_iter_next,
};

/* ============================================================================================
 *  decode
 * ============================================================================================ */

static PrObject *decode_error(PrCodec codec, PrObject *self, ssize_t i)
{
    if (codec == PR_CODEC_ASCII) {
        return pr_unicode_error_raise(PR_EXC(UnicodeDecodeError), "ascii", self, i, i + 1,
                                      "ordinal not in range(128)");
    }
    return pr_str_from_utf8(DATA(self), SIZE(self)); /* raises the UTF-8 error */
}

static PrObject *decode(PrObject *self, PrCodec codec, PrCodecErrors errors, PrObject *errname)
{
    const char *p = DATA(self);
    ssize_t n = SIZE(self);
    PrStrBuilder b;
    pr_str_builder_init(&b);
    for (ssize_t i = 0; i < n;) {
        unsigned char c = (unsigned char)p[i];
        unsigned cp;
        int k = c < 0x80 ? 1
                : codec == PR_CODEC_UTF8
                    ? pr_ucd_utf8_decode_strict((const unsigned char *)p + i, (size_t)(n - i), &cp)
                    : 0;
        if (codec == PR_CODEC_LATIN1 && c >= 0x80) {
            pr_str_builder_append_codepoint(&b, c);
            i++;
            continue;
        }
        if (k > 0) {
            pr_str_builder_append(&b, p + i, k);
            i += k;
            continue;
        }
        const char *reason;
        ssize_t bad = codec == PR_CODEC_UTF8 ? pr_str_utf8_bad_length(p, n, i, &reason) : 1;
        switch (errors) {
        case PR_ERRORS_STRICT:
            pr_str_builder_discard(&b);
            return decode_error(codec, self, i);
        case PR_ERRORS_UNKNOWN:
            pr_str_builder_discard(&b);
            return pr_strargs_unknown_errors(errname);
        case PR_ERRORS_REPLACE:
            pr_str_builder_append_codepoint(&b, 0xFFFD);
            break;
        case PR_ERRORS_BACKSLASHREPLACE:
            for (ssize_t j = 0; j < bad; j++) {
                char esc[8];
                snprintf(esc, sizeof esc, "\\x%02x", (unsigned char)p[i + j]);
                pr_str_builder_append_cstr(&b, esc);
            }
            break;
        case PR_ERRORS_XMLCHARREFREPLACE:
            pr_str_builder_discard(&b);
            return pr_err_set(PR_EXC(TypeError),
                              "don't know how to handle UnicodeDecodeError in error callback");
        default: /* ignore */
            break;
        }
        i += bad;
    }
    return pr_str_builder_finish(&b);
}

/* decode() with the names already checked by fname's caller. */
static PrObject *decode_named(PrObject *self, const char *fname, PrObject *encoding,
                              PrObject *errname)
{
    PrCodec codec = PR_CODEC_UTF8;
    PrCodecErrors errors = PR_ERRORS_STRICT;
    if ((encoding && pr_strargs_codec(fname, encoding, &codec) < 0) ||
        (errname && pr_strargs_errors(fname, errname, &errors) < 0)) {
        return NULL;
    }
    if (codec == PR_CODEC_UTF8 && errors == PR_ERRORS_STRICT) {
        return pr_str_from_utf8(DATA(self), SIZE(self));
    }
    if (pr_codecs_is_wide(codec)) {
        return pr_codecs_decode_wide(DATA(self), SIZE(self), codec, errors, errname);
    }
    return decode(self, codec, errors, errname);
}

PrObject *pr_bytes_decode(PrObject *b, PrObject *encoding, PrObject *errors)
{
    return decode_named(b, "str", encoding, errors);
}

static PrObject *bytes_decode(PrObject *self, PrObject *const *args, size_t nargs,
                              PrObject *kwnames)
{
    static const char *const names[] = {"encoding", "errors"};
    PrObject *arg[2] = {NULL, NULL};
    if (pr_strargs_keywords("decode", args, nargs, kwnames, names, 2, arg) < 0) {
        return NULL;
    }
    return decode_named(self, "decode", arg[0], arg[1]);
}

/* ============================================================================================
 *  hex, fromhex
 * ============================================================================================ */

/* The separator of hex(sep): one ASCII character given as str or bytes. Returns: 0 with *out,
 * or -1 with TypeError / ValueError as CPython's. */
static int hex_separator(PrObject *sep, char *out)
{
    ssize_t len;
    const char *p;
    if (PR_STR_CHECK(sep)) {
        len = pr_str_length(sep);
        p = PR_STR_DATA(sep);
    } else if (PR_BYTES_CHECK(sep)) {
        len = SIZE(sep);
        p = DATA(sep);
    } else {
        pr_err_format(PR_EXC(TypeError), "object of type '%s' has no len()", PR_TYPE_OF(sep)->name);
        return -1;
    }
    if (len != 1) {
        pr_err_set(PR_EXC(ValueError), "sep must be length 1.");
        return -1;
    }
    if ((unsigned char)p[0] >= 0x80) {
        pr_err_set(PR_EXC(ValueError), "sep must be ASCII.");
        return -1;
    }
    *out = p[0];
    return 0;
}

/* b.hex(sep=None, bytes_per_sep=1): groups of |bytes_per_sep| bytes counted from the right
 * (positive) or the left (negative). */
static PrObject *bytes_hex(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    static const char digits[] = "0123456789abcdef";
    static const char *const names[] = {"sep", "bytes_per_sep"};
    PrObject *arg[2] = {NULL, NULL};
    ssize_t group = 1, n = SIZE(self);
    char sep = 0;
    if (pr_strargs_keywords("hex", args, nargs, kwnames, names, 2, arg) < 0 ||
        (arg[0] && hex_separator(arg[0], &sep) < 0) ||
        (arg[1] && pr_strargs_ssize(arg[1], &group) < 0)) {
        return NULL;
    }
    if (group == 0) {
        sep = 0;
    }
    ssize_t width = group < 0 ? -group : group;
    PrStrBuilder b;
    pr_str_builder_init(&b);
    for (ssize_t i = 0; i < n; i++) {
        /* A separator goes before byte i when a group boundary falls there. */
        ssize_t pos = group > 0 ? n - i : i;
        if (sep && i > 0 && pos % width == 0) {
            pr_str_builder_append(&b, &sep, 1);
        }
        unsigned char c = (unsigned char)DATA(self)[i];
        char two[2] = {digits[c >> 4], digits[c & 15]};
        if (pr_str_builder_append(&b, two, 2) < 0) {
            break;
        }
    }
    return pr_str_builder_finish(&b);
}

static int hex_value(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

static int is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

PrObject *pr_bytes_fromhex(PrObject *s)
{
    if (!PR_STR_CHECK(s)) {
        return pr_err_format(PR_EXC(TypeError), "fromhex() argument must be str, not %s",
                             pr_strargs_type_name(s));
    }
    const char *p = PR_STR_DATA(s);
    ssize_t n = PR_STR_BYTES(s), k = 0;
    PrBytes *r = bytes_alloc(n / 2);
    if (!r) {
        return NULL;
    }
    for (ssize_t i = 0; i < n;) {
        if (is_ascii_space((unsigned char)p[i])) {
            i++;
            continue;
        }
        int hi = hex_value(p[i]), lo = i + 1 < n ? hex_value(p[i + 1]) : -1;
        if (hi < 0 || lo < 0) {
            ssize_t pos = pr_str_length(s) == n
                              ? (hi < 0 ? i : i + 1)
                              : (ssize_t)pr_ucd_utf8_count_starts(p, (size_t)(hi < 0 ? i : i + 1));
            PR_DECREF(r);
            return pr_err_format(PR_EXC(ValueError),
                                 "non-hexadecimal number found in fromhex() arg at position %zd",
                                 pos);
        }
        r->data[k++] = (char)(hi * 16 + lo);
        i += 2;
    }
    PrObject *out = pr_bytes_from_buf(r->data, k);
    PR_DECREF(r);
    return out;
}

/* bytes.fromhex(string), a class method: self is bytes or a subclass, called with the bytes. */
static PrObject *bytes_fromhex(PrObject *self, PrObject *const *args, size_t nargs,
                               PrObject *kwnames)
{
    PrObject *b = pr_bytes_fromhex(args[0]);
    if (!b || self == (PrObject *)PR_TYPE(bytes)) {
        return b;
    }
    PrObject *r = pr_object_call(self, &b, 1, NULL);
    PR_DECREF(b);
    return r;
}

/* ============================================================================================
 *  join, strip, startswith/endswith, replace, upper/lower
 * ============================================================================================ */

/* Appends item to a raw buffer, checking its type. */
static int join_item(PrObject *item, ssize_t i)
{
    if (PR_BYTES_CHECK(item)) {
        return 0;
    }
    pr_err_format(PR_EXC(TypeError), "sequence item %zd: expected a bytes-like object, %s found", i,
                  PR_TYPE_OF(item)->name);
    return -1;
}

/* The items of an iterable in a new tuple (CPython's PySequence_Fast). Returns: the tuple, or
 * NULL with what iteration raised or MemoryError. */
static PrObject *collect(PrObject *it)
{
    PrObject *seq = NULL;
    PrObject *iter = PR_TYPE_OF(it)->iter(it);
    ssize_t n = 0, cap = 8;
    PrObject **items = iter ? pr_mem_alloc(sizeof(PrObject *) * (size_t)cap) : NULL;
    if (iter && !items) {
        pr_err_no_memory();
    }
    while (items) {
        PrObject *x = PR_TYPE_OF(iter)->iternext(iter);
        if (!x) {
            if (!pr_err_occurred()) {
                seq = pr_tuple_from_array(items, n);
            }
            break;
        }
        if (n == cap) {
            PrObject **more = pr_mem_realloc(items, sizeof(PrObject *) * (size_t)(cap *= 2));
            if (!more) {
                PR_DECREF(x);
                pr_err_no_memory();
                break;
            }
            items = more;
        }
        items[n++] = x;
    }
    for (ssize_t i = 0; i < n; i++) {
        PR_DECREF(items[i]);
    }
    pr_mem_free(items);
    PR_XDECREF(iter);
    return seq;
}

/* sep.join over a tuple of items (borrowed). */
static PrObject *join_array(PrObject *sep, PrObject *const *items, ssize_t n)
{
    ssize_t total = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (join_item(items[i], i) < 0) {
            return NULL;
        }
        if (SIZE(items[i]) > PTRDIFF_MAX / 2 - total - SIZE(sep)) {
            return pr_err_no_memory();
        }
        total += SIZE(items[i]) + (i ? SIZE(sep) : 0);
    }
    PrBytes *r = bytes_alloc(total);
    for (ssize_t i = 0, at = 0; r && i < n; i++) {
        if (i) {
            memcpy(r->data + at, DATA(sep), (size_t)SIZE(sep));
            at += SIZE(sep);
        }
        memcpy(r->data + at, DATA(items[i]), (size_t)SIZE(items[i]));
        at += SIZE(items[i]);
    }
    return (PrObject *)r;
}

static PrObject *bytes_join(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    PrObject *it = args[0], *seq = NULL, *r = NULL;
    if (PR_TUPLE_CHECK(it)) {
        return join_array(self, PR_TUPLE_ITEMS(it), PR_TUPLE_SIZE(it));
    }
    if (!PR_TYPE_OF(it)->iter) {
        return pr_err_format(PR_EXC(TypeError), "can only join an iterable");
    }
    seq = collect(it);
    if (seq) {
        r = join_array(self, PR_TUPLE_ITEMS(seq), PR_TUPLE_SIZE(seq));
        PR_DECREF(seq);
    }
    return r;
}

/* which: 1 left, 2 right, 3 both. */
static PrObject *do_strip(PrObject *self, PrObject *const *args, size_t nargs, const char *name,
                          int which)
{
    PrObject *chars;
    if (pr_strsearch_strip_arg(&bytes_kind, args, nargs, name, &chars) < 0) {
        return NULL;
    }
    ssize_t from = 0, to = SIZE(self);
#define STRIPPED(c)                                                                                \
    (chars ? memchr(DATA(chars), (c), (size_t)SIZE(chars)) != NULL : is_ascii_space(c))
    while ((which & 1) && from < to && STRIPPED((unsigned char)DATA(self)[from])) {
        from++;
    }
    while ((which & 2) && to > from && STRIPPED((unsigned char)DATA(self)[to - 1])) {
        to--;
    }
#undef STRIPPED
    return pr_bytes_slice(self, from, to, 1);
}

static PrObject *bytes_strip(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return do_strip(self, args, nargs, "strip", 3);
}

static PrObject *bytes_lstrip(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return do_strip(self, args, nargs, "lstrip", 1);
}

static PrObject *bytes_rstrip(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return do_strip(self, args, nargs, "rstrip", 2);
}

/* Result size of replacing `done` occurrences, or -1 when too big. */
static PrObject *replace(PrObject *self, PrObject *old, PrObject *new_, ssize_t count)
{
    ssize_t n = SIZE(self), m = SIZE(old), done = 0;
    ssize_t occurrences = m ? pr_bytes_count(self, old, 0, n) : n + 1;
    if (count < 0 || count > occurrences) {
        count = occurrences;
    }
    if (count == 0) {
        return pr_bytes_slice(self, 0, n, 1);
    }
    if (SIZE(new_) - m > 0 && count > (PTRDIFF_MAX / 2 - n) / (SIZE(new_) - m)) {
        return pr_err_no_memory();
    }
    PrBytes *r = bytes_alloc(n + count * (SIZE(new_) - m));
    if (!r) {
        return NULL;
    }
    char *out = r->data;
    ssize_t off = 0;
    while (done < count) {
        ssize_t at = m ? pr_strsearch_bytes(DATA(self) + off, n - off, DATA(old), m, 1) : (done ? 1 : 0);
        if (!m && off + at > n) {
            break;
        }
        memcpy(out, DATA(self) + off, (size_t)at);
        out += at;
        memcpy(out, DATA(new_), (size_t)SIZE(new_));
        out += SIZE(new_);
        off += at + m;
        done++;
    }
    memcpy(out, DATA(self) + off, (size_t)(n - off));
    return (PrObject *)r;
}

static PrObject *bytes_replace(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    ssize_t count = -1;
    if (pr_strargs_count("replace", nargs, 2, 3) < 0 || need_bytes(args[0]) < 0 ||
        need_bytes(args[1]) < 0 || (nargs == 3 && pr_strargs_ssize(args[2], &count) < 0)) {
        return NULL;
    }
    return replace(self, args[0], args[1], count);
}

static PrObject *change_case(PrObject *self, int upper)
{
    PrBytes *r = bytes_alloc(SIZE(self));
    for (ssize_t i = 0; r && i < SIZE(self); i++) {
        char c = DATA(self)[i];
        if (upper && c >= 'a' && c <= 'z') {
            c = (char)(c - 'a' + 'A');
        } else if (!upper && c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        r->data[i] = c;
    }
    return (PrObject *)r;
}

static PrObject *bytes_upper(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return change_case(self, 1);
}

static PrObject *bytes_lower(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return change_case(self, 0);
}

/* ============================================================================================
 *  bytes(), the type
 * ============================================================================================ */

/* bytes(iterable of ints) for a tuple. */
static PrObject *from_tuple(PrObject *t)
{
    PrBytes *r = bytes_alloc(PR_TUPLE_SIZE(t));
    for (ssize_t i = 0; r && i < PR_TUPLE_SIZE(t); i++) {
        int v = byte_value(PR_TUPLE_ITEMS(t)[i], "bytes must be in range(0, 256)");
        if (v < 0) {
            PR_CLEAR(r);
            break;
        }
        r->data[i] = (char)v;
    }
    return (PrObject *)r;
}

static PrObject *bytes_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    static const char *const names[] = {"source", "encoding", "errors"};
    PrObject *arg[3] = {NULL, NULL, NULL};
    PrCodec codec;
    PrCodecErrors errors = PR_ERRORS_STRICT;
    ssize_t n;
    if (pr_strargs_keywords("bytes", args, nargs, kwnames, names, 3, arg) < 0) {
        return NULL;
    }
    PrObject *src = arg[0];
    if (!src) {
        return arg[1] || arg[2]
                   ? pr_err_set(PR_EXC(TypeError), "encoding without a string argument")
                   : pr_bytes_from_buf("", 0);
    }
    if (PR_STR_CHECK(src)) {
        if (!arg[1]) {
            return pr_err_set(PR_EXC(TypeError), "string argument without an encoding");
        }
        if (pr_strargs_codec("bytes", arg[1], &codec) < 0 ||
            (arg[2] && pr_strargs_errors("bytes", arg[2], &errors) < 0)) {
            return NULL;
        }
        PrObject *name = pr_str_intern_cstr("encode");
        PrObject *r = name ? pr_object_call_method(src, name, arg + 1, arg[2] ? 2 : 1) : NULL;
        PR_XDECREF(name);
        return r;
    }
    if (arg[1] || arg[2]) {
        return pr_err_set(PR_EXC(TypeError), arg[1] ? "encoding without a string argument"
                                                    : "errors without a string argument");
    }
    if (PR_TYPE_HAS_FLAG(PR_TYPE_OF(src), PR_TPFLAG_INT_SUBCLASS) ||
        PR_TYPE_OF(src)->number.nb_index) {
        if (pr_strargs_ssize(src, &n) < 0) {
            return NULL;
        }
        if (n < 0) {
            return pr_err_set(PR_EXC(ValueError), "negative count");
        }
        return pr_bytes_from_buf(NULL, n);
    }
    return pr_bytes_from_object(src);
}

PrObject *pr_bytes_from_object(PrObject *src)
{
    if (PR_BYTES_CHECK(src)) {
        return pr_bytes_from_buf(DATA(src), SIZE(src));
    }
    if (PR_TUPLE_CHECK(src)) {
        return from_tuple(src);
    }
    if (PR_TYPE_OF(src)->iter && !PR_STR_CHECK(src)) {
        PrObject *items = collect(src);
        PrObject *r = items ? from_tuple(items) : NULL;
        PR_XDECREF(items);
        return r;
    }
    return pr_err_format(PR_EXC(TypeError), "cannot convert '%s' object to bytes",
                         PR_TYPE_OF(src)->name);
}

/* fmt % args for a bytes on the left (objects/str_format.c's engine). */
static PrObject *bytes_nb_mod(PrObject *a, PrObject *b)
{
    if (!PR_BYTES_CHECK(a)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return pr_bytes_percent(a, b);
}

static void bytes_dealloc(PrObject *self)
{
    pr_object_free(self);
}

#define NOARGS(name, doc)                                                                          \
    {                                                                                              \
#name, bytes_##name, PR_METH_NOARGS, doc                                                   \
    }
#define ONEARG(name, doc)                                                                          \
    {                                                                                              \
#name, bytes_##name, PR_METH_O, doc                                                        \
    }
#define VARARGS(name, doc)                                                                         \
    {                                                                                              \
#name, bytes_##name, PR_METH_VARARGS, doc                                                  \
    }

static const PrMethodDef bytes_methods[] = {
    {"decode", bytes_decode, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Decode the bytes using the codec registered for encoding."},
    {"fromhex", bytes_fromhex, PR_METH_O | PR_METH_CLASS,
     "Create a bytes object from a string of hexadecimal numbers."},
    {"hex", bytes_hex, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Create a string of hexadecimal numbers from a bytes object."},
    ONEARG(join, "Concatenate any number of bytes objects."),
    {"split", bytes_split, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Return a list of the sections in the bytes, using sep as the delimiter."},
    {"rsplit", bytes_rsplit, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Return a list of the sections in the bytes, splitting from the end."},
    {"splitlines", bytes_splitlines, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Return a list of the lines in the bytes, breaking at line boundaries."},
    VARARGS(strip, "Strip leading and trailing bytes contained in the argument."),
    VARARGS(lstrip, "Strip leading bytes contained in the argument."),
    VARARGS(rstrip, "Strip trailing bytes contained in the argument."),
    VARARGS(find, "Return the lowest index in B where subsection sub is found, or -1."),
    VARARGS(rfind, "Return the highest index in B where subsection sub is found, or -1."),
    VARARGS(index, "Return the lowest index in B where subsection sub is found."),
    VARARGS(rindex, "Return the highest index in B where subsection sub is found."),
    VARARGS(count, "Return the number of non-overlapping occurrences of subsection sub."),
    VARARGS(startswith, "Return True if B starts with the specified prefix, False otherwise."),
    VARARGS(endswith, "Return True if B ends with the specified suffix, False otherwise."),
    VARARGS(replace, "Return a copy with all occurrences of substring old replaced by new."),
    NOARGS(upper, "B.upper() -> copy of B with all ASCII characters converted to uppercase."),
    NOARGS(lower, "B.lower() -> copy of B with all ASCII characters converted to lowercase."),
    {"isdigit", pr_bytes_isdigit, PR_METH_NOARGS, "B.isdigit() -> bool"},
    {"isalpha", pr_bytes_isalpha, PR_METH_NOARGS, "B.isalpha() -> bool"},
    {"isalnum", pr_bytes_isalnum, PR_METH_NOARGS, "B.isalnum() -> bool"},
    {"isspace", pr_bytes_isspace, PR_METH_NOARGS, "B.isspace() -> bool"},
    {"isascii", pr_bytes_isascii, PR_METH_NOARGS, "B.isascii() -> bool"},
    {"isupper", pr_bytes_isupper, PR_METH_NOARGS, "B.isupper() -> bool"},
    {"islower", pr_bytes_islower, PR_METH_NOARGS, "B.islower() -> bool"},
    {"istitle", pr_bytes_istitle, PR_METH_NOARGS, "B.istitle() -> bool"},
    {"title", pr_bytes_title, PR_METH_NOARGS, "B.title() -> copy of B"},
    {"capitalize", pr_bytes_capitalize, PR_METH_NOARGS, "B.capitalize() -> copy of B"},
    {"swapcase", pr_bytes_swapcase, PR_METH_NOARGS, "B.swapcase() -> copy of B"},
    {"center", pr_bytes_center, PR_METH_VARARGS, "Return a centered string of length width."},
    {"ljust", pr_bytes_ljust, PR_METH_VARARGS, "Return a left-justified string of length width."},
    {"rjust", pr_bytes_rjust, PR_METH_VARARGS, "Return a right-justified string of length width."},
    {"zfill", pr_bytes_zfill, PR_METH_O,
     "Pad a numeric string with zeros on the left, to fill a field of the given width."},
    {"partition", pr_bytes_partition, PR_METH_O,
     "Partition the bytes into three parts using the given separator."},
    {"rpartition", pr_bytes_rpartition, PR_METH_O,
     "Partition the bytes into three parts, searching from the end."},
    {"removeprefix", pr_bytes_removeprefix, PR_METH_O,
     "Return a bytes object with the given prefix string removed if present."},
    {"removesuffix", pr_bytes_removesuffix, PR_METH_O,
     "Return a bytes object with the given suffix string removed if present."},
    {NULL, NULL, 0, NULL},
};

const PrType pr_bytes_spec = {
    .name = "bytes",
    .doc = "bytes(iterable_of_ints) -> bytes",
    .basicsize = HEADER_BYTES + 1,
    .itemsize = 1,
    .flags = PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = bytes_dealloc,
    .repr = bytes_repr,
    .hash = bytes_hash,
    .richcompare = bytes_richcompare,
    .new = bytes_new,
    .number.nb_mod = bytes_nb_mod,
    .sequence.sq_length = bytes_length,
    .sequence.sq_concat = bytes_concat,
    .sequence.sq_repeat = bytes_repeat,
    .sequence.sq_contains = bytes_contains,
    .sequence.sq_item = bytes_item,
    .mapping.mp_length = bytes_length,
    .mapping.mp_subscript = bytes_subscript,
    .iter = bytes_iter,
    .methods = bytes_methods,
};
