/* objects/str_translate.c — str.maketrans (a static method) and str.translate: the table from
 * code points to code points, strings or None, and its application. The method rows are in
 * objects/str_methods.c's table; contracts in objects/str.h. Texts are CPython 3.11's. */
#include "objects/str.h"

#include "objects/dict.h"
#include "objects/long.h"
#include "objects/singletons.h"
#include "objects/strargs.h"
#include "objects/ucd.h"
#include "vm/errors.h"

/* ============================================================================================
 *  maketrans
 * ============================================================================================ */

/* str.maketrans(dict): str keys of length 1 become their code points, int keys stay. */
static PrObject *table_from_dict(PrObject *src)
{
    PrObject *table = pr_dict_new(), *key, *value;
    ssize_t pos = 0;
    while (table && pr_dict_next(src, &pos, &key, &value)) {
        PrObject *k = NULL;
        if (PR_STR_CHECK(key)) {
            if (pr_str_length(key) != 1) {
                pr_err_set(PR_EXC(ValueError),
                           "string keys in translate table must be of length 1");
                goto fail;
            }
            uint32_t cp;
            pr_ucd_utf8_decode(pr_str_utf8(key), (size_t)PR_STR_BYTES(key), &cp);
            k = pr_long_from_int64(cp);
        } else if (PR_LONG_CHECK(key)) {
            k = PR_NEWREF(key);
        } else {
            pr_err_set(PR_EXC(TypeError), "keys in translate table must be strings or integers");
            goto fail;
        }
        int rc = k ? pr_dict_setitem(table, k, value) : -1;
        PR_XDECREF(k);
        if (rc < 0) {
            goto fail;
        }
    }
    return table;
fail:
    PR_DECREF(table);
    return NULL;
}

/* table[ord(from[i])] = to ? ord(to[i]) : None for every code point of from. */
static int map_chars(PrObject *table, PrObject *from, PrObject *to)
{
    const char *p = pr_str_utf8(from), *q = to ? pr_str_utf8(to) : NULL;
    ssize_t n = PR_STR_BYTES(from), m = to ? PR_STR_BYTES(to) : 0, i = 0, j = 0;
    while (i < n) {
        uint32_t a, b;
        i += (ssize_t)pr_ucd_utf8_decode(p + i, (size_t)(n - i), &a);
        if (q) {
            j += (ssize_t)pr_ucd_utf8_decode(q + j, (size_t)(m - j), &b);
        }
        PrObject *k = pr_long_from_int64(a), *v = q ? pr_long_from_int64(b) : PR_NEWREF(PR_None);
        int rc = k && v ? pr_dict_setitem(table, k, v) : -1;
        PR_XDECREF(k);
        PR_XDECREF(v);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

static int must_be_str(PrObject *o, int position)
{
    if (PR_STR_CHECK(o)) {
        return 0;
    }
    pr_err_format(PR_EXC(TypeError), "maketrans() argument %d must be str, not %s", position,
                  pr_strargs_type_name(o));
    return -1;
}

PrObject *pr_str_maketrans_method(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    if (pr_strargs_count("maketrans", nargs, 1, 3) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        if (!PR_DICT_CHECK(args[0])) {
            return pr_err_set(PR_EXC(TypeError),
                              "if you give only one argument to maketrans it must be a dict");
        }
        return table_from_dict(args[0]);
    }
    if (must_be_str(args[1], 2) < 0 || (nargs > 2 && must_be_str(args[2], 3) < 0)) {
        return NULL;
    }
    if (!PR_STR_CHECK(args[0])) {
        return pr_err_set(
            PR_EXC(TypeError),
            "first maketrans argument must be a string if there is a second argument");
    }
    if (pr_str_length(args[0]) != pr_str_length(args[1])) {
        return pr_err_set(PR_EXC(ValueError),
                          "the first two maketrans arguments must have equal length");
    }
    PrObject *table = pr_dict_new();
    if (table && (map_chars(table, args[0], args[1]) < 0 ||
                  (nargs > 2 && map_chars(table, args[2], NULL) < 0))) {
        PR_CLEAR(table);
    }
    return table;
}

/* ============================================================================================
 *  translate
 * ============================================================================================ */

/* table[cp] as PyObject_GetItem does it. Returns: a new reference; NULL with no exception when
 * the table has no entry (a LookupError, which leaves the character as it is). */
static PrObject *lookup(PrObject *table, uint32_t cp)
{
    PrType *t = PR_TYPE_OF(table);
    if (!t->mapping.mp_subscript) {
        return pr_err_format(PR_EXC(TypeError), "'%s' object is not subscriptable", t->name);
    }
    PrObject *key = pr_long_from_int64(cp);
    PrObject *r = key ? t->mapping.mp_subscript(table, key) : NULL;
    PR_XDECREF(key);
    if (!r && pr_err_matches((PrObject *)PR_EXC(LookupError))) {
        pr_err_clear();
    }
    return r;
}

/* Appends what cp maps to. Returns: 0, or -1 with an exception. */
static int translate_one(PrStrBuilder *b, PrObject *table, uint32_t cp)
{
    PrObject *v = lookup(table, cp);
    int rc = 0;
    int64_t to;
    if (!v) {
        return pr_err_occurred() ? -1 : pr_str_builder_append_codepoint(b, cp);
    }
    if (PR_LONG_CHECK(v)) {
        if (pr_long_as_int64(v, &to) < 0 || to < 0 || to > 0x10FFFF) {
            pr_err_clear();
            pr_err_set(PR_EXC(ValueError), "character mapping must be in range(0x110000)");
            rc = -1;
        } else {
            rc = pr_str_builder_append_codepoint(b, (uint32_t)to);
        }
    } else if (PR_STR_CHECK(v)) {
        rc = pr_str_builder_append_str(b, v);
    } else if (v != PR_None) {
        pr_err_set(PR_EXC(TypeError), "character mapping must return integer, None or str");
        rc = -1;
    }
    PR_DECREF(v);
    return rc;
}

PrObject *pr_str_translate_method(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    const char *p = pr_str_utf8(self);
    ssize_t n = PR_STR_BYTES(self), i = 0;
    PrStrBuilder b;
    pr_str_builder_init(&b);
    while (i < n) {
        uint32_t cp;
        i += (ssize_t)pr_ucd_utf8_decode(p + i, (size_t)(n - i), &cp);
        if (translate_one(&b, args[0], cp) < 0) {
            pr_str_builder_discard(&b);
            return NULL;
        }
    }
    return pr_str_builder_finish(&b);
}
