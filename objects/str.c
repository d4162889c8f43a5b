/* objects/str.c — the core of str: making strings (UTF-8, formats, builders), the shared '' and
 * Latin-1 characters, interning, repr, comparison, hashing, concatenation. Contracts and the
 * representation are in objects/str.h. UTF-8 helpers (strict decoding, walking text known to
 * be valid) and the printable property come from objects/ucd.h. */
#include "objects/str.h"

#include "memory/obmalloc.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/dict.h"
#include "objects/singletons.h"
#include "objects/strargs.h"
#include "objects/tuple.h"
#include "objects/ucd.h"
#include "vm/errors.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define HEADER_BYTES offsetof(PrStr, data)

/* ============================================================================================
 *  Allocation and the shared strings
 * ============================================================================================ */

static void fill_header(PrStr *s, ssize_t nbytes, ssize_t length, int ascii)
{
    s->hash = -1;
    s->length = length;
    s->ascii = (uint8_t)ascii;
    s->interned = 0;
    s->data[nbytes] = '\0';
}

/* A str of nbytes bytes whose content the caller writes. */
static PrStr *str_alloc(ssize_t nbytes, ssize_t length, int ascii)
{
    PrStr *s = (PrStr *)pr_object_new_var(PR_TYPE(str), nbytes);
    if (s) {
        fill_header(s, nbytes, length, ascii);
    }
    return s;
}

int pr_str_init_state(void)
{
    PrStr *e = str_alloc(0, 0, 1);
    if (!e) {
        return -1;
    }
    pr_interp.str.empty = (PrObject *)e;
    pr_interp.str.interned = pr_dict_new();
    return pr_interp.str.interned ? 0 : -1;
}

void pr_str_fini_state(void)
{
    for (int i = 0; i < 256; i++) {
        PR_CLEAR(pr_interp.str.latin1[i]);
    }
    if (pr_interp.str.interned) {
        pr_dict_clear(pr_interp.str.interned);
        PR_CLEAR(pr_interp.str.interned);
    }
    PR_CLEAR(pr_interp.str.empty);
}

static PrObject *empty(void)
{
    return PR_NEWREF(pr_interp.str.empty);
}

/* The shared one-character string for cp < 256, made on first use. */
static PrObject *latin1(uint32_t cp)
{
    PrObject **slot = &pr_interp.str.latin1[cp];
    if (!*slot) {
        char buf[4];
        size_t n = pr_ucd_utf8_encode(cp, buf);
        PrStr *s = str_alloc((ssize_t)n, 1, cp < 0x80);
        if (!s) {
            return NULL;
        }
        memcpy(s->data, buf, n);
        *slot = (PrObject *)s;
    }
    return PR_NEWREF(*slot);
}

/* ============================================================================================
 *  From UTF-8
 * ============================================================================================ */

ssize_t pr_str_utf8_bad_length(const char *text, ssize_t n, ssize_t i, const char **reason)
{
    const unsigned char *s = (const unsigned char *)text;
    unsigned c = s[i];
    int need = c >= 0xC2 && c <= 0xDF   ? 1
               : c >= 0xE0 && c <= 0xEF ? 2
               : c >= 0xF0 && c <= 0xF4 ? 3
                                        : 0;
    *reason = "invalid start byte";
    if (!need) {
        return 1;
    }
    ssize_t k = 1;
    for (; k <= need && i + k < n; k++) {
        unsigned b = s[i + k], lo = 0x80, hi = 0xBF;
        if (k == 1) {
            lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        }
        if (b < lo || b > hi) {
            break;
        }
    }
    if (k <= need && i + k >= n) {
        *reason = "unexpected end of data";
        return n - i;
    }
    *reason = "invalid continuation byte";
    return k;
}

/* Raises CPython's UnicodeDecodeError for the bad sequence starting at s[i]. */
static void utf8_error(const unsigned char *s, ssize_t n, ssize_t i)
{
    const char *reason;
    ssize_t len = pr_str_utf8_bad_length((const char *)s, n, i, &reason);
    PrObject *b = pr_bytes_from_buf((const char *)s, n);
    if (b) {
        pr_unicode_error_raise(PR_EXC(UnicodeDecodeError), "utf-8", b, i, i + len, reason);
        PR_DECREF(b);
    }
}

/* Checks s[0..n) is strict UTF-8 and counts its code points. Returns: the count, or -1 with
 * UnicodeDecodeError. *ascii says whether every byte is ASCII; *first is the first code
 * point. */
static ssize_t validate(const char *text, ssize_t n, int *ascii, uint32_t *first)
{
    const unsigned char *s = (const unsigned char *)text;
    ssize_t count = 0;
    *ascii = 1;
    for (ssize_t i = 0; i < n;) {
        unsigned cp = s[i];
        int k = 1;
        if (cp >= 0x80) {
            *ascii = 0;
            k = pr_ucd_utf8_decode_strict(s + i, (size_t)(n - i), &cp);
            if (k == 0) {
                utf8_error(s, n, i);
                return -1;
            }
        }
        if (count == 0) {
            *first = cp;
        }
        count++;
        i += k;
    }
    return count;
}

PrObject *pr_str_from_utf8(const char *s, ssize_t n)
{
    int ascii;
    uint32_t first = 0;
    if (n == 0) {
        return empty();
    }
    ssize_t length = validate(s, n, &ascii, &first);
    if (length < 0) {
        return NULL;
    }
    if (length == 1 && first < 256) {
        return latin1(first);
    }
    PrStr *r = str_alloc(n, length, ascii);
    if (r) {
        memcpy(r->data, s, (size_t)n);
    }
    return (PrObject *)r;
}

PrObject *pr_str_from_cstr(const char *s)
{
    return pr_str_from_utf8(s, (ssize_t)strlen(s));
}

PrObject *pr_str_from_codepoint(uint32_t cp)
{
    if (cp > 0x10FFFF) {
        return pr_err_set(PR_EXC(ValueError), "chr() arg not in range(0x110000)");
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
        return pr_err_format(PR_EXC(ValueError),
                             "pyrena's str cannot hold the lone surrogate "
                             "U+%04X",
                             (unsigned)cp);
    }
    if (cp < 256) {
        return latin1(cp);
    }
    char buf[4];
    size_t n = pr_ucd_utf8_encode(cp, buf);
    PrStr *r = str_alloc((ssize_t)n, 1, 0);
    if (r) {
        memcpy(r->data, buf, n);
    }
    return (PrObject *)r;
}

/* ============================================================================================
 *  Interning
 * ============================================================================================ */

int pr_str_intern_inplace(PrObject **p)
{
    PrStr *s = (PrStr *)*p;
    PR_ASSERT(PR_STR_CHECK_EXACT(s));
    if (s->interned) {
        return 0;
    }
    PrObject *t = pr_dict_getitem_borrow(pr_interp.str.interned, *p);
    if (t) {
        PR_SETREF(*p, PR_NEWREF(t));
        return 0;
    }
    if (pr_err_occurred() || pr_dict_setitem(pr_interp.str.interned, *p, *p) < 0) {
        return -1;
    }
    s->interned = 1;
    return 0;
}

PrObject *pr_str_intern_cstr(const char *s)
{
    PrObject *t = pr_dict_getitem_cstr_borrow(pr_interp.str.interned, s);
    if (t) {
        return PR_NEWREF(t);
    }
    PrObject *r = pr_str_from_cstr(s);
    if (r && pr_str_intern_inplace(&r) < 0) {
        PR_CLEAR(r);
    }
    return r;
}

/* ============================================================================================
 *  Reading, comparing, hashing, concatenating
 * ============================================================================================ */

const char *pr_str_utf8(PrObject *s)
{
    return PR_STR_DATA(s);
}

ssize_t pr_str_length(PrObject *s)
{
    return PR_STR_LENGTH(s);
}

PrObject *pr_str_getitem(PrObject *s, ssize_t i)
{
    PrStr *str = (PrStr *)s;
    if (i < 0 || i >= str->length) {
        return pr_err_set(PR_EXC(IndexError), "string index out of range");
    }
    if (str->ascii) {
        return latin1((unsigned char)str->data[i]);
    }
    size_t off = pr_ucd_utf8_prefix(str->data, (size_t)PR_STR_BYTES(s), (size_t)i);
    uint32_t cp;
    pr_ucd_utf8_decode(str->data + off, (size_t)PR_STR_BYTES(s) - off, &cp);
    return pr_str_from_codepoint(cp);
}

static ssize_t str_sq_length(PrObject *s)
{
    return PR_STR_LENGTH(s);
}

int pr_str_eq(PrObject *a, PrObject *b)
{
    if (a == b) {
        return 1;
    }
    PrStr *x = (PrStr *)a, *y = (PrStr *)b;
    if ((x->interned && y->interned) || PR_STR_BYTES(a) != PR_STR_BYTES(b) ||
        (x->hash != -1 && y->hash != -1 && x->hash != y->hash)) {
        return 0;
    }
    return memcmp(x->data, y->data, (size_t)PR_STR_BYTES(a)) == 0;
}

int pr_str_eq_cstr(PrObject *s, const char *c)
{
    size_t n = strlen(c);
    return (size_t)PR_STR_BYTES(s) == n && memcmp(PR_STR_DATA(s), c, n) == 0;
}

int pr_str_compare(PrObject *a, PrObject *b)
{
    ssize_t na = PR_STR_BYTES(a), nb = PR_STR_BYTES(b);
    int c = memcmp(PR_STR_DATA(a), PR_STR_DATA(b), (size_t)(na < nb ? na : nb));
    return c ? c : (na > nb) - (na < nb);
}

PrHash pr_str_hash(PrObject *s)
{
    PrStr *str = (PrStr *)s;
    if (str->hash == -1) {
        str->hash = pr_hash_bytes(str->data, (size_t)PR_STR_BYTES(s));
    }
    return str->hash;
}

static PrObject *str_richcompare(PrObject *a, PrObject *b, PrCompareOp op)
{
    if (!PR_STR_CHECK(a) || !PR_STR_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    int c;
    switch (op) {
    case PR_EQ:
        return pr_bool_from_long(pr_str_eq(a, b));
    case PR_NE:
        return pr_bool_from_long(!pr_str_eq(a, b));
    default:
        c = pr_str_compare(a, b);
        return pr_bool_from_long(op == PR_LT   ? c < 0
                                 : op == PR_LE ? c <= 0
                                 : op == PR_GT ? c > 0
                                               : c >= 0);
    }
}

PrObject *pr_str_concat(PrObject *a, PrObject *b)
{
    if (!PR_STR_CHECK(b)) {
        return pr_err_format(PR_EXC(TypeError), "can only concatenate str (not \"%s\") to str",
                             b->type->name);
    }
    if (PR_STR_BYTES(a) == 0 && PR_STR_CHECK_EXACT(b)) {
        return PR_NEWREF(b);
    }
    if (PR_STR_BYTES(b) == 0 && PR_STR_CHECK_EXACT(a)) {
        return PR_NEWREF(a);
    }
    ssize_t na = PR_STR_BYTES(a), nb = PR_STR_BYTES(b);
    PrStr *r = str_alloc(na + nb, PR_STR_LENGTH(a) + PR_STR_LENGTH(b),
                         ((PrStr *)a)->ascii && ((PrStr *)b)->ascii);
    if (r) {
        memcpy(r->data, PR_STR_DATA(a), (size_t)na);
        memcpy(r->data + na, PR_STR_DATA(b), (size_t)nb);
    }
    return (PrObject *)r;
}

/* ============================================================================================
 *  repr
 * ============================================================================================ */

/* Appends the escaped form of cp (inside quotes `quote`). */
static int append_escaped(PrStrBuilder *b, uint32_t cp, char quote)
{
    char buf[16];
    const char *esc = NULL;
    switch (cp) {
    case '\\':
        esc = "\\\\";
        break;
    case '\t':
        esc = "\\t";
        break;
    case '\n':
        esc = "\\n";
        break;
    case '\r':
        esc = "\\r";
        break;
    default:
        break;
    }
    if (esc) {
        return pr_str_builder_append_cstr(b, esc);
    }
    if (cp == (uint32_t)quote) {
        buf[0] = '\\';
        buf[1] = quote;
        return pr_str_builder_append(b, buf, 2);
    }
    if (cp >= 0x20 && cp < 0x7F) {
        buf[0] = (char)cp;
        return pr_str_builder_append(b, buf, 1);
    }
    if (cp >= 0x80 && pr_ucd_isprintable(cp)) {
        return pr_str_builder_append_codepoint(b, cp);
    }
    if (cp <= 0xFF) {
        snprintf(buf, sizeof buf, "\\x%02x", (unsigned)cp);
    } else if (cp <= 0xFFFF) {
        snprintf(buf, sizeof buf, "\\u%04x", (unsigned)cp);
    } else {
        snprintf(buf, sizeof buf, "\\U%08x", (unsigned)cp);
    }
    return pr_str_builder_append_cstr(b, buf);
}

PrObject *pr_str_repr(PrObject *s)
{
    const char *p = PR_STR_DATA(s);
    size_t n = (size_t)PR_STR_BYTES(s);
    char quote = memchr(p, '\'', n) && !memchr(p, '"', n) ? '"' : '\'';
    PrStrBuilder b;
    pr_str_builder_init(&b);
    pr_str_builder_append(&b, &quote, 1);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        i += pr_ucd_utf8_decode(p + i, n - i, &cp);
        if (append_escaped(&b, cp, quote) < 0) {
            break;
        }
    }
    pr_str_builder_append(&b, &quote, 1);
    return pr_str_builder_finish(&b);
}

/* ============================================================================================
 *  Building
 * ============================================================================================ */

void pr_str_builder_init(PrStrBuilder *b)
{
    b->str = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

static int builder_grow(PrStrBuilder *b, ssize_t need)
{
    if (b->failed) {
        return -1;
    }
    if (need <= b->cap - b->len) {
        return 0;
    }
    if (need > PTRDIFF_MAX / 4 - b->len) {
        goto fail;
    }
    ssize_t cap = b->cap ? b->cap * 2 : 32;
    if (cap < b->len + need) {
        cap = b->len + need;
    }
    PrStr *s = pr_mem_realloc(b->str, HEADER_BYTES + (size_t)cap + 1);
    if (!s) {
        goto fail;
    }
    b->str = s;
    b->cap = cap;
    return 0;
fail:
    b->failed = 1;
    pr_err_no_memory();
    return -1;
}

int pr_str_builder_reserve(PrStrBuilder *b, ssize_t n)
{
    return builder_grow(b, n);
}

int pr_str_builder_append(PrStrBuilder *b, const char *s, ssize_t n)
{
    if (builder_grow(b, n) < 0) {
        return -1;
    }
    if (n) {
        memcpy(b->str->data + b->len, s, (size_t)n);
        b->len += n;
    }
    return 0;
}

int pr_str_builder_append_cstr(PrStrBuilder *b, const char *s)
{
    return pr_str_builder_append(b, s, (ssize_t)strlen(s));
}

int pr_str_builder_append_codepoint(PrStrBuilder *b, uint32_t cp)
{
    char buf[4];
    return pr_str_builder_append(b, buf, (ssize_t)pr_ucd_utf8_encode(cp, buf));
}

int pr_str_builder_append_str(PrStrBuilder *b, PrObject *s)
{
    return pr_str_builder_append(b, PR_STR_DATA(s), PR_STR_BYTES(s));
}

int pr_str_builder_append_repr(PrStrBuilder *b, PrObject *o)
{
    PrObject *r = pr_object_repr(o);
    if (!r) {
        b->failed = 1;
        return -1;
    }
    int rc = pr_str_builder_append_str(b, r);
    PR_DECREF(r);
    return rc;
}

void pr_str_builder_discard(PrStrBuilder *b)
{
    pr_mem_free(b->str);
    pr_str_builder_init(b);
}

PrObject *pr_str_builder_finish(PrStrBuilder *b)
{
    if (b->failed) {
        pr_str_builder_discard(b);
        return pr_err_occurred() ? NULL : pr_err_no_memory();
    }
    const char *text = b->str ? b->str->data : "";
    size_t n = (size_t)b->len;
    size_t length = pr_ucd_utf8_count(text, n);
    int ascii = length == n;
    uint32_t first = 0;
    if (n) {
        pr_ucd_utf8_decode(text, n, &first);
    }
    if (length <= 1 && first < 256) { /* '' and Latin-1 characters are shared */
        PrObject *shared = length ? latin1(first) : empty();
        pr_str_builder_discard(b);
        return shared;
    }
    PrStr *s = pr_mem_realloc(b->str, HEADER_BYTES + n + 1);
    if (!s) { /* cannot happen when shrinking, but the allocator may say so */
        pr_str_builder_discard(b);
        return pr_err_no_memory();
    }
    s->ob.ob.refcnt = 1;
    s->ob.ob.type = PR_TYPE(str);
    s->ob.size = (ssize_t)n;
    fill_header(s, (ssize_t)n, (ssize_t)length, ascii);
    pr_str_builder_init(b);
    return (PrObject *)s;
}

/* ============================================================================================
 *  Formatting
 * ============================================================================================ */

/* Appends one %-conversion whose text starts at *fmt (after the '%'); advances *fmt.
 * Integers take a width with an optional 0 flag ("%02x"); %s takes a precision. */
static int format_one(PrStrBuilder *b, const char **fmt, va_list *ap)
{
    const char *f = *fmt, *conversion = *fmt - 1; /* at the '%' */
    char buf[80], spec[16];
    int zero = 0, width = 0, longs = 0, size_t_mod = 0;
    long prec = -1;
    if (*f == '0') {
        zero = 1;
        f++;
    }
    for (; *f >= '0' && *f <= '9' && width < 64; f++) {
        width = width * 10 + (*f - '0');
    }
    if (*f == '.') {
        prec = 0;
        for (f++; *f >= '0' && *f <= '9'; f++) {
            prec = prec * 10 + (*f - '0');
        }
    }
    for (; *f == 'l'; f++) {
        longs++;
    }
    if (*f == 'z') {
        size_t_mod = 1;
        f++;
    }
    char conv = *f;
    *fmt = conv ? f + 1 : f;
    switch (conv) {
    case '%':
        return pr_str_builder_append(b, "%", 1);
    case 'c':
        return pr_str_builder_append_codepoint(b, (uint32_t)va_arg(*ap, int));
    case 'd':
    case 'i': {
        long long v = size_t_mod   ? (long long)va_arg(*ap, ssize_t)
                      : longs >= 2 ? va_arg(*ap, long long)
                      : longs      ? (long long)va_arg(*ap, long)
                                   : (long long)va_arg(*ap, int);
        snprintf(spec, sizeof spec, "%%%s%dlld", zero ? "0" : "", width);
        snprintf(buf, sizeof buf, spec, v);
        return pr_str_builder_append_cstr(b, buf);
    }
    case 'u':
    case 'x':
    case 'X': {
        unsigned long long v = size_t_mod   ? (unsigned long long)va_arg(*ap, size_t)
                               : longs >= 2 ? va_arg(*ap, unsigned long long)
                               : longs      ? (unsigned long long)va_arg(*ap, unsigned long)
                                            : (unsigned long long)va_arg(*ap, unsigned);
        snprintf(spec, sizeof spec, "%%%s%dll%c", zero ? "0" : "", width, conv);
        snprintf(buf, sizeof buf, spec, v);
        return pr_str_builder_append_cstr(b, buf);
    }
    case 'p':
        snprintf(buf, sizeof buf, "%p", va_arg(*ap, void *));
        return pr_str_builder_append_cstr(b, buf);
    case 's': {
        const char *s = va_arg(*ap, const char *);
        size_t n = strlen(s);
        if (prec >= 0) {
            n = pr_ucd_utf8_prefix(s, n, (size_t)prec); /* precision counts characters */
        }
        return pr_str_builder_append(b, s, (ssize_t)n);
    }
    case 'R':
        return pr_str_builder_append_repr(b, va_arg(*ap, PrObject *));
    case 'S': {
        PrObject *s = pr_object_str(va_arg(*ap, PrObject *));
        int rc = s ? pr_str_builder_append_str(b, s) : -1;
        PR_XDECREF(s);
        b->failed |= rc < 0;
        return rc;
    }
    case 'U':
        return pr_str_builder_append_str(b, va_arg(*ap, PrObject *));
    default:
        b->failed = 1;
        pr_err_format(PR_EXC(SystemError), "invalid format string: %s", conversion);
        return -1;
    }
}

PrObject *pr_str_from_vformat(const char *fmt, va_list ap)
{
    PrStrBuilder b;
    va_list args;
    va_copy(args, ap);
    pr_str_builder_init(&b);
    while (*fmt) {
        const char *pct = strchr(fmt, '%');
        size_t run = pct ? (size_t)(pct - fmt) : strlen(fmt);
        if (pr_str_builder_append(&b, fmt, (ssize_t)run) < 0) {
            break;
        }
        fmt += run;
        if (*fmt == '%') {
            fmt++;
            if (format_one(&b, &fmt, &args) < 0) {
                break;
            }
        }
    }
    va_end(args);
    return pr_str_builder_finish(&b);
}

PrObject *pr_str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    PrObject *r = pr_str_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}

/* ============================================================================================
 *  The type
 * ============================================================================================ */

static void str_dealloc(PrObject *self)
{
    pr_object_free(self);
}

static PrObject *str_sq_item(PrObject *self, ssize_t i)
{
    return pr_str_getitem(self, i);
}

static int str_sq_contains(PrObject *self, PrObject *sub)
{
    return pr_str_contains(self, sub);
}

/* fmt % args, for str on the left; NotImplemented otherwise (e.g. 1 % 'a'). */
static PrObject *str_nb_mod(PrObject *a, PrObject *b)
{
    if (!PR_STR_CHECK(a)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return pr_str_percent(a, b);
}

/* str(object='') or str(object=b'', encoding='utf-8', errors='strict'), which decodes. */
static PrObject *str_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors"};
    PrObject *arg[3] = {NULL, NULL, NULL};
    PrCodec codec;
    PrCodecErrors errors;
    if (pr_strargs_keywords("str", args, nargs, kwnames, names, 3, arg) < 0 ||
        (arg[1] && pr_strargs_codec("str", arg[1], &codec) < 0) ||
        (arg[2] && pr_strargs_errors("str", arg[2], &errors) < 0)) {
        return NULL;
    }
    if (!arg[1] && !arg[2]) {
        return arg[0] ? pr_object_str(arg[0]) : empty();
    }
    if (!arg[0]) {
        return empty();
    }
    if (PR_STR_CHECK(arg[0])) {
        return pr_err_set(PR_EXC(TypeError), "decoding str is not supported");
    }
    if (!PR_BYTES_CHECK(arg[0])) {
        return pr_err_format(PR_EXC(TypeError),
                             "decoding to str: need a bytes-like object, %s found",
                             PR_TYPE_OF(arg[0])->name);
    }
    return pr_bytes_decode(arg[0], arg[1], arg[2]);
}

const PrType pr_str_spec = {
    .name = "str",
    .doc = "str(object='') -> str",
    .basicsize = HEADER_BYTES + 1,
    .itemsize = 1,
    .flags = PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE | PR_TPFLAG_STR_SUBCLASS,
    .dealloc = str_dealloc,
    .repr = pr_str_repr,
    .hash = pr_str_hash,
    .richcompare = str_richcompare,
    .new = str_new,
    .sequence.sq_length = str_sq_length,
    .sequence.sq_concat = pr_str_concat,
    .sequence.sq_item = str_sq_item,
    .sequence.sq_repeat = pr_str_repeat,
    .sequence.sq_contains = str_sq_contains,
    .mapping.mp_length = str_sq_length,
    .mapping.mp_subscript = pr_str_subscript,
    .number.nb_mod = str_nb_mod,
    .iter = pr_str_iter,
    .methods = pr_str_methods,
};
