/* objects/str_format.c — formatting with str: format(value, spec) and str.__format__,
 * str.format / str.format_map (PEP 3101 fields with indices, keywords, attributes, items,
 * conversions !r !s !a and nested specs), printf-style `fmt % args` with a tuple, a single value
 * or a mapping, and ascii(). The spec languages are parsed and applied by objects/fmtspec.h and
 * objects/numfmt.h; format() of other types goes through their __format__. Error
 * texts are CPython 3.11's (Objects/stringlib/unicode_format.h, Objects/unicodeobject.c). */
#include "objects/str.h"

#include "memory/obmalloc.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/long.h"
#include "objects/number.h"
#include "objects/numfmt.h"
#include "objects/singletons.h"
#include "objects/strargs.h"
#include "objects/tuple.h"
#include "objects/ucd.h"
#include "vm/errors.h"

#include <stdio.h>
#include <string.h>

#define DATA(s) PR_STR_DATA(s)
#define NBYTES(s) PR_STR_BYTES(s)
#define IS_INT(o) PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_INT_SUBCLASS)

/* ============================================================================================
 *  ascii(), format(value, spec), str.__format__
 * ============================================================================================ */

PrObject *pr_str_ascii(PrObject *o)
{
    PrObject *r = pr_object_repr(o);
    if (!r || ((PrStr *)r)->ascii) {
        return r;
    }
    PrStrBuilder b;
    pr_str_builder_init(&b);
    for (ssize_t off = 0; off < NBYTES(r);) {
        uint32_t cp;
        off += (ssize_t)pr_ucd_utf8_decode(DATA(r) + off, (size_t)(NBYTES(r) - off), &cp);
        char esc[16];
        if (cp < 0x80) {
            esc[0] = (char)cp;
            esc[1] = '\0';
        } else {
            snprintf(esc, sizeof esc,
                     cp <= 0xFF     ? "\\x%02x"
                     : cp <= 0xFFFF ? "\\u%04x"
                                    : "\\U%08x",
                     (unsigned)cp);
        }
        pr_str_builder_append_cstr(&b, esc);
    }
    PR_DECREF(r);
    return pr_str_builder_finish(&b);
}

/* Runs a numfmt writer into a str: calls write(buf, cap) once to size, then again to fill.
 * Returns: a new str, or NULL with ValueError/OverflowError (err) or MemoryError. */
typedef ptrdiff_t (*WriteFunc)(const void *ctx, char *buf, size_t cap, char *err, size_t errlen);

static PrObject *run_writer(WriteFunc write, const void *ctx)
{
    char small[256], err[160] = "";
    ptrdiff_t n = write(ctx, small, sizeof small, err, sizeof err);
    if (n >= 0 && (size_t)n < sizeof small) {
        return pr_str_from_utf8(small, n);
    }
    if (n == PR_FMT_EVALUE) {
        return pr_err_set(PR_EXC(ValueError), err);
    }
    if (n == PR_FMT_EOVERFLOW) {
        return pr_err_set(PR_EXC(OverflowError), err);
    }
    if (n < 0) {
        return pr_err_no_memory();
    }
    char *big = pr_mem_alloc((size_t)n + 1);
    if (!big) {
        return pr_err_no_memory();
    }
    write(ctx, big, (size_t)n + 1, err, sizeof err);
    PrObject *r = pr_str_from_utf8(big, n);
    pr_mem_free(big);
    return r;
}

typedef struct StrSpecCtx {
    PrObject *s;
    const PrFormatSpec *spec;
} StrSpecCtx;

static ptrdiff_t write_str_spec(const void *ctx, char *buf, size_t cap, char *err, size_t errlen)
{
    const StrSpecCtx *c = ctx;
    return pr_numfmt_format_str(DATA(c->s), (size_t)NBYTES(c->s), c->spec, "str", buf, cap, err,
                                errlen);
}

int pr_format_spec_parse(PrObject *o, PrObject *spec, PrFormatSpec *fs)
{
    if (!PR_STR_CHECK(spec)) {
        pr_err_format(PR_EXC(TypeError), "__format__() argument must be str, not %s",
                      spec->type->name);
        return -1;
    }
    if (NBYTES(spec) == 0) {
        return 0;
    }
    char err[256];
    if (pr_fmtspec_parse(DATA(spec), (size_t)NBYTES(spec), o->type->name, fs, err, sizeof err) <
        0) {
        pr_err_set(PR_EXC(ValueError), err);
        return -1;
    }
    return 1;
}

PrObject *pr_str_format_spec(PrObject *s, PrObject *spec)
{
    PrFormatSpec fs;
    char err[160];
    if (NBYTES(spec) == 0) {
        return PR_STR_CHECK_EXACT(s) ? PR_NEWREF(s) : pr_str_from_utf8(DATA(s), NBYTES(s));
    }
    if (pr_fmtspec_parse(DATA(spec), (size_t)NBYTES(spec), "str", &fs, err, sizeof err) < 0) {
        return pr_err_set(PR_EXC(ValueError), err);
    }
    StrSpecCtx ctx = {s, &fs};
    return run_writer(write_str_spec, &ctx);
}

PrObject *pr_str_format_object(PrObject *o, PrObject *spec)
{
    if (PR_STR_CHECK_EXACT(o)) {
        return pr_str_format_spec(o, spec);
    }
    PrObject *name = pr_str_intern_cstr("__format__"), *r = NULL;
    if (!name) {
        return NULL;
    }
    PrObject *meth = pr_type_lookup_borrow(PR_TYPE_OF(o), name);
    if (meth) {
        r = pr_object_call_method(o, name, &spec, 1);
        if (r && !PR_STR_CHECK(r)) {
            pr_err_format(PR_EXC(TypeError), "__format__ must return a str, not %s",
                          PR_TYPE_OF(r)->name);
            PR_CLEAR(r);
        }
    } else if (NBYTES(spec) == 0) { /* object.__format__ */
        r = pr_object_str(o);
    } else {
        pr_err_format(PR_EXC(TypeError), "unsupported format string passed to %s.__format__",
                      PR_TYPE_OF(o)->name);
    }
    PR_DECREF(name);
    return r;
}

/* ============================================================================================
 *  str.format and str.format_map
 * ============================================================================================ */

/* Where the fields' values come from. */
typedef struct FmtArgs {
    PrObject *const *args; /* positional (NULL for format_map) */
    size_t nargs;
    PrObject *kwnames; /* keyword names (format), values after args */
    PrObject *mapping; /* format_map's mapping */
    int numbering;     /* 0 not yet known, 1 automatic, 2 manual */
    ssize_t next_auto;
} FmtArgs;

/* A piece of the format string, in bytes. */
typedef struct Span {
    const char *p;
    ssize_t n;
} Span;

static PrObject *value_error(const char *msg)
{
    return pr_err_set(PR_EXC(ValueError), msg);
}

/* Parses a run of ASCII digits into *out. Returns: 1 when s is all digits (and not empty), 0
 * when it is not, -1 with ValueError when the number is too big. */
static int parse_index(Span s, ssize_t *out)
{
    ssize_t v = 0;
    if (s.n == 0) {
        return 0;
    }
    for (ssize_t i = 0; i < s.n; i++) {
        if (s.p[i] < '0' || s.p[i] > '9') {
            return 0;
        }
    }
    for (ssize_t i = 0; i < s.n; i++) {
        if (v > (PTRDIFF_MAX - 9) / 10) {
            value_error("Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (s.p[i] - '0');
    }
    *out = v;
    return 1;
}

/* The object for a keyword field: kwargs[name] or mapping[name]. */
static PrObject *keyword_value(FmtArgs *fa, Span name)
{
    PrObject *key = pr_str_from_utf8(name.p, name.n), *r = NULL;
    if (!key) {
        return NULL;
    }
    if (fa->mapping) {
        PrMappingMethods *m = &PR_TYPE_OF(fa->mapping)->mapping;
        if (m->mp_subscript) {
            r = m->mp_subscript(fa->mapping, key);
        } else {
            pr_err_format(PR_EXC(TypeError), "'%s' object is not subscriptable",
                          PR_TYPE_OF(fa->mapping)->name);
        }
    } else {
        size_t nkw = fa->kwnames ? (size_t)PR_TUPLE_SIZE(fa->kwnames) : 0;
        for (size_t k = 0; k < nkw && !r; k++) {
            if (pr_str_eq(PR_TUPLE_ITEMS(fa->kwnames)[k], key)) {
                r = PR_NEWREF(fa->args[fa->nargs + k]);
            }
        }
        if (!r) {
            pr_err_set_object(PR_EXC(KeyError), key);
        }
    }
    PR_DECREF(key);
    return r;
}

static PrObject *positional_value(FmtArgs *fa, ssize_t index)
{
    if (fa->mapping) {
        return value_error("Format string contains positional fields");
    }
    if (index >= (ssize_t)fa->nargs) {
        return pr_err_format(PR_EXC(IndexError),
                             "Replacement index %zd out of range for positional args tuple", index);
    }
    return PR_NEWREF(fa->args[index]);
}

/* obj[key] for a field's "[key]" part: digits index a sequence, anything else is a str key. */
static PrObject *item_of(PrObject *obj, Span key)
{
    ssize_t index;
    int digits = parse_index(key, &index);
    if (digits < 0) {
        return NULL;
    }
    PrType *t = PR_TYPE_OF(obj);
    if (digits && t->sequence.sq_item) {
        return t->sequence.sq_item(obj, index);
    }
    if (!t->mapping.mp_subscript) {
        return pr_err_format(PR_EXC(TypeError), "'%s' object is not subscriptable", t->name);
    }
    if (digits) {
        return pr_err_format(PR_EXC(TypeError),
                             "pyrena cannot index '%s' with an int before int exists", t->name);
    }
    PrObject *k = pr_str_from_utf8(key.p, key.n);
    PrObject *r = k ? t->mapping.mp_subscript(obj, k) : NULL;
    PR_XDECREF(k);
    return r;
}

/* Follows the ".attr" and "[key]" parts of a field name after its first part. Steals obj. */
static PrObject *follow_parts(PrObject *obj, const char *p, const char *end)
{
    while (obj && p < end) {
        char c = *p++;
        const char *start = p;
        PrObject *next = NULL;
        if (c == '.') {
            while (p < end && *p != '.' && *p != '[') {
                p++;
            }
            if (p == start) {
                value_error("Empty attribute in format string");
            } else {
                PrObject *name = pr_str_from_utf8(start, p - start);
                next = name ? pr_object_getattr(obj, name) : NULL;
                PR_XDECREF(name);
            }
        } else if (c == '[') {
            while (p < end && *p != ']') {
                p++;
            }
            if (p == end) {
                value_error("Missing ']' in format string");
            } else if (p == start) {
                value_error("Empty attribute in format string");
            } else {
                next = item_of(obj, (Span){start, p - start});
                p++;
            }
        } else {
            value_error("Only '.' or '[' may follow ']' in format field specifier");
        }
        PR_DECREF(obj);
        obj = next;
    }
    return obj;
}

/* The object a field name designates. */
static PrObject *field_value(FmtArgs *fa, Span name)
{
    const char *end = name.p + name.n, *q = name.p;
    while (q < end && *q != '.' && *q != '[') {
        q++;
    }
    Span first = {name.p, q - name.p};
    ssize_t index = 0;
    int digits = parse_index(first, &index);
    PrObject *obj;
    if (digits < 0) {
        return NULL;
    }
    if (first.n == 0) {
        if (fa->numbering == 2) {
            return value_error("cannot switch from manual field specification to automatic "
                               "field numbering");
        }
        fa->numbering = 1;
        obj = positional_value(fa, fa->next_auto++);
    } else if (digits) {
        if (fa->numbering == 1) {
            return value_error("cannot switch from automatic field numbering to manual field "
                               "specification");
        }
        fa->numbering = 2;
        obj = positional_value(fa, index);
    } else {
        obj = keyword_value(fa, first);
    }
    return follow_parts(obj, q, end);
}

static int format_into(PrStrBuilder *out, FmtArgs *fa, const char *p, ssize_t n, int depth);

/* Renders one field: value, conversion, spec (expanded when it holds fields). */
static int render_field(PrStrBuilder *out, FmtArgs *fa, Span name, char conv, Span spec, int expand,
                        int depth)
{
    PrObject *obj = field_value(fa, name), *conv_obj = NULL, *spec_obj = NULL, *text = NULL;
    int rc = -1;
    if (!obj) {
        goto done;
    }
    if (conv) {
        if (conv == 'r') {
            conv_obj = pr_object_repr(obj);
        } else if (conv == 's') {
            conv_obj = pr_object_str(obj);
        } else if (conv == 'a') {
            conv_obj = pr_str_ascii(obj);
        } else if ((unsigned char)conv >= 0x20 && (unsigned char)conv < 0x7F) {
            pr_err_format(PR_EXC(ValueError), "Unknown conversion specifier %c", conv);
        } else {
            pr_err_format(PR_EXC(ValueError), "Unknown conversion specifier \\x%x",
                          (unsigned char)conv);
        }
        if (!conv_obj) {
            goto done;
        }
        PR_SETREF(obj, conv_obj);
    }
    if (expand) {
        PrStrBuilder sb;
        pr_str_builder_init(&sb);
        if (format_into(&sb, fa, spec.p, spec.n, depth - 1) < 0) {
            pr_str_builder_discard(&sb);
            goto done;
        }
        spec_obj = pr_str_builder_finish(&sb);
    } else {
        spec_obj = pr_str_from_utf8(spec.p, spec.n);
    }
    if (spec_obj && (text = pr_str_format_object(obj, spec_obj)) != NULL) {
        rc = pr_str_builder_append_str(out, text);
    }
done:
    PR_XDECREF(obj);
    PR_XDECREF(spec_obj);
    PR_XDECREF(text);
    return rc;
}

/* CPython's parse_field: after the '{' at *pos, reads the name, conversion and spec up to the
 * closing '}' and renders the field. */
static int parse_and_render(PrStrBuilder *out, FmtArgs *fa, const char *p, ssize_t n, ssize_t *pos,
                            int depth)
{
    ssize_t i = *pos, name_start = i;
    char c = 0, conv = 0;
    while (i < n) {
        c = p[i++];
        if (c == '{') {
            value_error("unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < n && p[i] != ']') {
                i++;
            }
            continue;
        }
        if (c == '}' || c == ':' || c == '!') {
            break;
        }
    }
    Span name = {p + name_start, i - 1 - name_start}, spec = {p + i, 0};
    int expand = 0;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (i >= n) {
                value_error("end of string while looking for conversion specifier");
                return -1;
            }
            conv = p[i++];
            if (i < n) {
                c = p[i++];
                if (c == '}') {
                    *pos = i;
                    return render_field(out, fa, name, conv, (Span){p + i, 0}, 0, depth);
                }
                if (c != ':') {
                    value_error("expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        spec.p = p + i;
        int count = 1;
        while (i < n) {
            c = p[i++];
            if (c == '{') {
                expand = 1;
                count++;
            } else if (c == '}' && --count == 0) {
                spec.n = (p + i - 1) - spec.p;
                *pos = i;
                return render_field(out, fa, name, conv, spec, expand, depth);
            }
        }
        value_error("unmatched '{' in format spec");
        return -1;
    }
    if (c != '}' || name.n < 0) {
        value_error("expected '}' before end of string");
        return -1;
    }
    *pos = i;
    return render_field(out, fa, name, 0, spec, 0, depth);
}

/* CPython's MarkupIterator loop: literal text, '{{' and '}}', fields. */
static int format_into(PrStrBuilder *out, FmtArgs *fa, const char *p, ssize_t n, int depth)
{
    if (depth <= 0) {
        value_error("Max string recursion exceeded");
        return -1;
    }
    ssize_t i = 0;
    while (i < n) {
        ssize_t start = i;
        char c = 0;
        while (i < n && (c = p[i]) != '{' && c != '}') {
            i++;
        }
        if (i == n) {
            return pr_str_builder_append(out, p + start, n - start);
        }
        i++; /* past the brace */
        int at_end = i >= n;
        if (c == '}' && (at_end || p[i] != '}')) {
            value_error("Single '}' encountered in format string");
            return -1;
        }
        if (at_end && c == '{') {
            value_error("Single '{' encountered in format string");
            return -1;
        }
        if (p[i] == c) { /* an escaped brace */
            if (pr_str_builder_append(out, p + start, i - start) < 0) {
                return -1;
            }
            i++;
            continue;
        }
        if (pr_str_builder_append(out, p + start, i - 1 - start) < 0 ||
            parse_and_render(out, fa, p, n, &i, depth) < 0) {
            return -1;
        }
    }
    return 0;
}

static PrObject *format_with(PrObject *fmt, FmtArgs *fa)
{
    PrStrBuilder b;
    pr_str_builder_init(&b);
    if (format_into(&b, fa, DATA(fmt), NBYTES(fmt), 2) < 0) {
        pr_str_builder_discard(&b);
        return NULL;
    }
    return pr_str_builder_finish(&b);
}

PrObject *pr_str_format_call(PrObject *fmt, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    FmtArgs fa = {args, nargs, kwnames, NULL, 0, 0};
    return format_with(fmt, &fa);
}

PrObject *pr_str_format_map(PrObject *fmt, PrObject *mapping)
{
    FmtArgs fa = {NULL, 0, NULL, mapping, 0, 0};
    return format_with(fmt, &fa);
}

/* ============================================================================================
 *  printf-style formatting: fmt % args
 * ============================================================================================ */

typedef struct PctState {
    PrObject *args; /* the right operand, or the current mapping value */
    ssize_t arglen; /* len(args) for a tuple, -1 otherwise */
    ssize_t argidx; /* next argument (CPython's scheme: -2 for a single value) */
    PrObject *dict; /* the mapping, when args is one */
    int bytes;      /* bytes % args: the texts are Latin-1 strs standing for the bytes */
} PctState;

/* The next argument, borrowed. */
static PrObject *next_arg(PctState *st)
{
    ssize_t i = st->argidx;
    if (i < st->arglen) {
        st->argidx++;
        return st->arglen < 0 ? st->args : PR_TUPLE_ITEMS(st->args)[i];
    }
    return pr_err_set(PR_EXC(TypeError), "not enough arguments for format string");
}

typedef struct PctIntCtx {
    const PrPercentSpec *spec;
    const PrIntDigits *digits;
} PctIntCtx;

static ptrdiff_t write_pct_int(const void *ctx, char *buf, size_t cap, char *err, size_t errlen)
{
    const PctIntCtx *c = ctx;
    return pr_numfmt_pct_int(c->spec, c->digits, buf, cap, err, errlen);
}

/* %d %i %u %o %x %X: ints directly; %d takes any real number through int(). */
static PrObject *pct_integer(const PrPercentSpec *spec, PrObject *v)
{
    PrObject *num = NULL, *r = NULL, *text = NULL;
    uint32_t c = spec->conv;
    int decimal = c == 'd' || c == 'i' || c == 'u';
    if (IS_INT(v)) {
        num = PR_NEWREF(v);
    } else if (decimal && PR_TYPE_OF(v)->number.nb_int) {
        num = PR_TYPE_OF(v)->number.nb_int(v);
    } else if (!decimal && PR_TYPE_OF(v)->number.nb_index) {
        num = pr_number_index(v);
    } else {
        return pr_err_format(PR_EXC(TypeError), "%%%c format: %s is required, not %s", (int)c,
                             decimal ? "a real number" : "an integer", PR_TYPE_OF(v)->name);
    }
    if (!num) {
        return NULL;
    }
    if ((text = pr_long_to_base(num, pr_numfmt_pct_int_base(c), 0)) != NULL) {
        const char *t = DATA(text);
        PrIntDigits d = {t[0] == '-', t + (t[0] == '-'), (size_t)NBYTES(text) - (t[0] == '-')};
        PctIntCtx ctx = {spec, &d};
        r = run_writer(write_pct_int, &ctx);
        PR_DECREF(text);
    }
    PR_DECREF(num);
    return r;
}

typedef struct PctFloatCtx {
    const PrPercentSpec *spec;
    double x;
} PctFloatCtx;

static ptrdiff_t write_pct_float(const void *ctx, char *buf, size_t cap, char *err, size_t n)
{
    const PctFloatCtx *c = ctx;
    return pr_numfmt_pct_float(c->spec, c->x, buf, cap);
}

/* %e %E %f %F %g %G of any real number: float(v) formatted here (CPython's formatfloat). */
static PrObject *pct_float(const PrPercentSpec *spec, PrObject *v)
{
    PctFloatCtx ctx = {spec, 0};
    if (IS_INT(v)) {
        if (pr_long_as_double(v, &ctx.x) < 0) {
            return NULL;
        }
    } else if (PR_FLOAT_CHECK(v)) {
        ctx.x = PR_FLOAT_VALUE(v);
    } else if (PR_TYPE_OF(v)->number.nb_float) {
        PrObject *f = PR_TYPE_OF(v)->number.nb_float(v);
        if (!f) {
            return NULL;
        }
        int rc = pr_float_as_double(f, &ctx.x);
        PR_DECREF(f);
        if (rc < 0) {
            return NULL;
        }
    } else {
        return pr_err_format(PR_EXC(TypeError), "must be real number, not %s", PR_TYPE_OF(v)->name);
    }
    return run_writer(write_pct_float, &ctx);
}

typedef struct PctTextCtx {
    const PrPercentSpec *spec;
    PrObject *text;
} PctTextCtx;

static ptrdiff_t write_pct_text(const void *ctx, char *buf, size_t cap, char *err, size_t n)
{
    const PctTextCtx *c = ctx;
    return pr_numfmt_pct_text(c->spec, DATA(c->text), (size_t)NBYTES(c->text), buf, cap);
}

/* Pads/truncates text (a new reference, released) by the spec. */
static PrObject *pct_text(const PrPercentSpec *spec, PrObject *text)
{
    if (!text) {
        return NULL;
    }
    PctTextCtx ctx = {spec, text};
    PrObject *r = run_writer(write_pct_text, &ctx);
    PR_DECREF(text);
    return r;
}

/* %c: a one-character str or an int code point. */
static PrObject *pct_char(const PrPercentSpec *spec, PrObject *v)
{
    if (PR_STR_CHECK(v) && PR_STR_LENGTH(v) == 1) {
        return pct_text(spec, PR_NEWREF(v));
    }
    ssize_t cp;
    if (!IS_INT(v) || pr_strargs_ssize(v, &cp) < 0 || cp < 0 || cp > 0x10FFFF) {
        if (IS_INT(v)) {
            pr_err_clear();
            return pr_err_set(PR_EXC(OverflowError), "%c arg not in range(0x110000)");
        }
        return pr_err_set(PR_EXC(TypeError), "%c requires int or char");
    }
    return pct_text(spec, pr_str_from_codepoint((uint32_t)cp));
}

/* ---- bytes % args: the engine runs on Latin-1 strs, one code point per byte ---------------- */

/* The str of the bytes p[0..n), byte for code point. */
static PrObject *bytes_to_latin1(const char *p, ssize_t n)
{
    PrStrBuilder b;
    pr_str_builder_init(&b);
    for (ssize_t i = 0; i < n; i++) {
        pr_str_builder_append_codepoint(&b, (unsigned char)p[i]);
    }
    return pr_str_builder_finish(&b);
}

/* The bytes of a str whose code points are all below 256. */
static PrObject *latin1_to_bytes(PrObject *s)
{
    PrObject *r = pr_bytes_from_buf(NULL, PR_STR_LENGTH(s));
    const char *p = DATA(s);
    ssize_t n = NBYTES(s), i = 0, k = 0;
    while (r && i < n) {
        uint32_t cp;
        i += (ssize_t)pr_ucd_utf8_decode(p + i, (size_t)(n - i), &cp);
        PR_BYTES_DATA(r)[k++] = (char)cp;
    }
    return r;
}

/* %s and %b of bytes formatting: a bytes only. */
static PrObject *pct_bytes_text(PrObject *v)
{
    if (!PR_BYTES_CHECK(v)) {
        return pr_err_format(PR_EXC(TypeError),
                             "%%b requires a bytes-like object, or an object that implements "
                             "__bytes__, not '%s'",
                             PR_TYPE_OF(v)->name);
    }
    return bytes_to_latin1(PR_BYTES_DATA(v), PR_BYTES_SIZE(v));
}

/* %c of bytes formatting: an int in range(256) or a bytes of length 1. */
static PrObject *pct_bytes_char(const PrPercentSpec *spec, PrObject *v)
{
    ssize_t c;
    if (PR_BYTES_CHECK(v) && PR_BYTES_SIZE(v) == 1) {
        return pct_text(spec, bytes_to_latin1(PR_BYTES_DATA(v), 1));
    }
    if (!IS_INT(v)) {
        return pr_err_set(PR_EXC(TypeError),
                          "%c requires an integer in range(256) or a single byte");
    }
    if (pr_strargs_ssize(v, &c) < 0 || c < 0 || c > 255) {
        pr_err_clear();
        return pr_err_set(PR_EXC(OverflowError), "%c arg not in range(256)");
    }
    return pct_text(spec, pr_str_from_codepoint((uint32_t)c));
}

/* The value for a conversion: next argument, or mapping[key]. Returns a new reference. */
static PrObject *pct_value(PctState *st, PrObject *fmt, const PrPercentSpec *spec)
{
    if (spec->has_key) {
        if (!st->dict) {
            return pr_err_set(PR_EXC(TypeError), "format requires a mapping");
        }
        PrObject *key = pr_str_from_utf8(DATA(fmt) + spec->key_start, (ssize_t)spec->key_len);
        if (key && st->bytes) {
            PR_SETREF(key, latin1_to_bytes(key));
        }
        if (!key) {
            return NULL;
        }
        PrObject *v = PR_TYPE_OF(st->dict)->mapping.mp_subscript(st->dict, key);
        PR_DECREF(key);
        if (!v) {
            return NULL;
        }
        PR_SETREF(st->args, v);
        st->arglen = -1;
        st->argidx = -2;
    }
    PrObject *v = next_arg(st);
    return v ? PR_NEWREF(v) : NULL;
}

/* Reads a '*' width or precision from the arguments. */
static int pct_star(PctState *st, ssize_t *out)
{
    PrObject *v = next_arg(st);
    if (!v) {
        return -1;
    }
    if (!IS_INT(v)) {
        pr_err_set(PR_EXC(TypeError), "* wants int");
        return -1;
    }
    return pr_strargs_ssize(v, out);
}

/* One conversion: returns its text (a new str). */
static PrObject *pct_convert(PctState *st, PrObject *fmt, PrPercentSpec *spec, size_t conv_pos)
{
    ssize_t n;
    if (spec->width_star) {
        if (pct_star(st, &n) < 0) {
            return NULL;
        }
        pr_fmtspec_pct_width(spec, n);
    }
    if (spec->prec_star) {
        if (pct_star(st, &n) < 0) {
            return NULL;
        }
        pr_fmtspec_pct_prec(spec, n > 0x7FFFFFFF ? 0x7FFFFFFF : (int)n);
    }
    PrObject *v = pct_value(st, fmt, spec), *r = NULL;
    if (!v) {
        return NULL;
    }
    char err[96];
    uint32_t conv = spec->conv;
    if (st->bytes && (conv == 's' || conv == 'b')) {
        conv = 'b';
    } else if (st->bytes && (conv == 'r' || conv == 'a')) {
        conv = 'a';
    } else if (st->bytes && conv == 'c') {
        conv = 'C';
    }
    switch (conv) {
    case 's':
        r = pct_text(spec, pr_object_str(v));
        break;
    case 'r':
        r = pct_text(spec, pr_object_repr(v));
        break;
    case 'a':
        r = pct_text(spec, pr_str_ascii(v));
        break;
    case 'c':
        r = pct_char(spec, v);
        break;
    case 'b': /* bytes formatting only */
        r = pct_text(spec, pct_bytes_text(v));
        break;
    case 'C':
        r = pct_bytes_char(spec, v);
        break;
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        r = pct_integer(spec, v);
        break;
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
        r = pct_float(spec, v);
        break;
    default:
        pr_fmtspec_pct_unsupported(spec->conv, pr_ucd_utf8_count(DATA(fmt), conv_pos), err,
                                   sizeof err);
        pr_err_set(PR_EXC(ValueError), err);
        break;
    }
    PR_DECREF(v);
    return r;
}

/* fmt % args for a str fmt; with bytes set, fmt stands for a bytes (Latin-1). */
static PrObject *percent(PrObject *fmt, PrObject *args, int bytes)
{
    PrMappingMethods *m = &PR_TYPE_OF(args)->mapping;
    PctState st = {PR_NEWREF(args), -1, -2, NULL, bytes};
    if (PR_TUPLE_CHECK(args)) {
        st.arglen = PR_TUPLE_SIZE(args);
        st.argidx = 0;
    } else if (m->mp_subscript && !(bytes ? PR_BYTES_CHECK(args) : PR_STR_CHECK(args))) {
        st.dict = args;
    }
    const char *p = DATA(fmt);
    size_t n = (size_t)NBYTES(fmt), i = 0;
    char err[96];
    PrStrBuilder b;
    pr_str_builder_init(&b);
    while (i < n) {
        const char *pct = memchr(p + i, '%', n - i);
        size_t run = pct ? (size_t)(pct - (p + i)) : n - i;
        pr_str_builder_append(&b, p + i, (ssize_t)run);
        i += run;
        if (i >= n) {
            break;
        }
        i++; /* the '%' */
        if (i < n && p[i] == '%') {
            pr_str_builder_append(&b, "%", 1);
            i++;
            continue;
        }
        PrPercentSpec spec;
        if (pr_fmtspec_parse_pct(p, n, &i, &spec, err, sizeof err) < 0) {
            pr_err_set(PR_EXC(ValueError), err);
            goto fail;
        }
        size_t conv_at = i - 1; /* the conversion character may be several bytes */
        while (conv_at > 0 && ((unsigned char)p[conv_at] & 0xC0) == 0x80) {
            conv_at--;
        }
        PrObject *text = pct_convert(&st, fmt, &spec, conv_at);
        if (!text) {
            goto fail;
        }
        pr_str_builder_append_str(&b, text);
        PR_DECREF(text);
    }
    if (st.argidx < st.arglen && !st.dict) {
        pr_err_set(PR_EXC(TypeError), bytes
                                          ? "not all arguments converted during bytes formatting"
                                          : "not all arguments converted during string formatting");
        goto fail;
    }
    PR_DECREF(st.args);
    return pr_str_builder_finish(&b);
fail:
    PR_DECREF(st.args);
    pr_str_builder_discard(&b);
    return NULL;
}

PrObject *pr_str_percent(PrObject *fmt, PrObject *args)
{
    return percent(fmt, args, 0);
}

PrObject *pr_bytes_percent(PrObject *fmt, PrObject *args)
{
    PrObject *text = bytes_to_latin1(PR_BYTES_DATA(fmt), PR_BYTES_SIZE(fmt));
    PrObject *r = text ? percent(text, args, 1) : NULL;
    PR_XDECREF(text);
    if (r) {
        PR_SETREF(r, latin1_to_bytes(r));
    }
    return r;
}
