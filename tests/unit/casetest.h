/* tests/unit/casetest.h — the table-driven harness of test_str_methods.c and test_bytes.c: each
 * case (generated with CPython by tests/unit/gen_str_cases.py) names an operation, a receiver and
 * arguments in a small encoding, and the repr of CPython's result or its exception. The harness
 * builds the values, runs the operation through the public entry points (attribute lookup and
 * call for methods, the slots for operators), compares, and checks that no reference count
 * moved. casetest_oom runs a case again with every allocation failing in turn. */
#ifndef PR_TESTS_UNIT_CASETEST_H
#define PR_TESTS_UNIT_CASETEST_H

#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/slice.h"
#include "objects/number.h"
#include "objects/singletons.h"
#include "objects/strargs.h"
#include "objects/tuple.h"
#include "tests/unit/objtest.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct StrCase {
    const char *op, *recv;
    const char *args[6];
    const char *expected; /* repr, or "!Type: message" */
} StrCase;

static void casetest_setup(void)
{
    objtest_setup();
}

static void casetest_teardown(void)
{
    objtest_teardown();
}

static void casetest_setup_malloc(void)
{
    objtest_setup_malloc();
}

/* ---- decoding values ------------------------------------------------------------------------ */

static PrObject *casetest_value_at(const char *e, size_t n, int depth);

/* Splits e[0..n) at sep and decodes each piece into a tuple. */
static PrObject *casetest_items(const char *e, size_t n, PrObject *dict, int depth)
{
    static const char seps[] = "\x1e\x1c\x1b";
    PrObject *items[16] = {NULL};
    ssize_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && e[j] != seps[depth]) {
            j++;
        }
        if (dict) {
            const char *colon = memchr(e + i, '\x1d', j - i);
            PrObject *key = pr_str_from_utf8(e + i, colon - (e + i));
            PrObject *v = casetest_value_at(colon + 1, (size_t)(e + j - colon - 1), depth + 1);
            ck_assert_int_eq(pr_dict_setitem(dict, key, v), 0);
            PR_DECREF(key);
            PR_DECREF(v);
        } else {
            ck_assert_int_lt(k, 16);
            items[k++] = casetest_value_at(e + i, j - i, depth + 1);
        }
        i = j + 1;
    }
    if (dict) {
        return dict;
    }
    PrObject *t = pr_tuple_from_array(items, k);
    for (ssize_t i = 0; i < k; i++) {
        PR_DECREF(items[i]);
    }
    return t;
}

/* Hex digits e[0..2n) as n bytes into raw. */
static void casetest_unhex(const char *e, size_t n, char *raw)
{
    for (size_t i = 0; i < n; i++) {
        char hex[3] = {e[2 * i], e[2 * i + 1], 0};
        raw[i] = (char)strtol(hex, NULL, 16);
    }
}

static PrObject *casetest_value_at(const char *e, size_t n, int depth)
{
    char raw[256];
    switch (e[0]) {
    case 'x':
        casetest_unhex(e + 1, (n - 1) / 2, raw);
        return pr_str_from_utf8(raw, (ssize_t)(n - 1) / 2);
    case 's':
        return pr_str_from_utf8(e + 1, (ssize_t)n - 1);
    case 'b':
        casetest_unhex(e + 1, (n - 1) / 2, raw);
        return pr_bytes_from_buf(raw, (ssize_t)(n - 1) / 2);
    case 'N':
        return PR_NEWREF(PR_None);
    case 'T':
        return PR_NEWREF(PR_True);
    case 'F':
        return PR_NEWREF(PR_False);
    case 'i':
        return pr_long_from_string(e + 1, n - 1, 10);
    case 'f':
        return pr_float_from_string(e + 1, n - 1);
    case 't':
        return casetest_items(e + 1, n - 1, NULL, depth);
    case 'd':
        return casetest_items(e + 1, n - 1, pr_dict_new(), depth);
    case 'l': {
        PrObject *t = casetest_items(e + 1, n - 1, NULL, depth);
        PrObject *l = pr_list_from_array(PR_TUPLE_ITEMS(t), PR_TUPLE_SIZE(t));
        PR_DECREF(t);
        return l;
    }
    case 'S': {
        PrObject *t = casetest_items(e + 1, n - 1, NULL, depth);
        PrObject *s =
            pr_slice_new(PR_TUPLE_ITEMS(t)[0], PR_TUPLE_ITEMS(t)[1], PR_TUPLE_ITEMS(t)[2]);
        PR_DECREF(t);
        return s;
    }
    default:
        ck_abort_msg("bad encoded value %s", e);
        return NULL;
    }
}

static PrObject *casetest_value(const char *e, size_t n)
{
    return casetest_value_at(e, n, 0);
}

/* ---- running -------------------------------------------------------------------------------- */

/* The text of a C-level integer result, as repr would show it. */
static PrObject *casetest_ssize(ssize_t v)
{
    return pr_str_from_format("%zd", v);
}

static PrObject *casetest_call_method(PrObject *recv, const char *name, PrObject **args,
                                      size_t nargs, PrObject *kwnames)
{
    PrObject *meth = pr_object_getattr_cstr(recv, name);
    if (!meth) {
        return NULL;
    }
    PrObject *r = pr_object_call(meth, args, nargs, kwnames);
    PR_DECREF(meth);
    return r;
}

static PrObject *casetest_iter(PrObject *recv)
{
    PrObject *items[32], *it = PR_TYPE_OF(recv)->iter(recv), *r = NULL;
    ssize_t n = 0;
    if (!it) {
        return NULL;
    }
    for (PrObject *x; n < 32 && (x = PR_TYPE_OF(it)->iternext(it)) != NULL;) {
        items[n++] = x;
    }
    if (!pr_err_occurred()) {
        ck_assert_ptr_null(PR_TYPE_OF(it)->iternext(it)); /* stays exhausted */
        r = pr_tuple_from_array(items, n);
    }
    for (ssize_t i = 0; i < n; i++) {
        PR_DECREF(items[i]);
    }
    PR_DECREF(it);
    return r;
}

static PrObject *casetest_cmp(PrObject *a, PrObject *b)
{
    PrObject *r[6] = {NULL}, *t = NULL;
    static const PrCompareOp ops[6] = {PR_LT, PR_LE, PR_EQ, PR_NE, PR_GT, PR_GE};
    int ok = 1;
    for (int i = 0; i < 6 && ok; i++) {
        ok = (r[i] = pr_object_richcompare(a, b, ops[i])) != NULL;
    }
    if (ok) {
        t = pr_tuple_from_array(r, 6);
    }
    for (int i = 0; i < 6; i++) {
        PR_XDECREF(r[i]);
    }
    return t;
}

/* find/rfind/count through the C functions (ops c_find, c_rfind, c_count). */
static PrObject *casetest_search(const char *op, PrObject *recv, PrObject **args, size_t nargs)
{
    ssize_t start = 0, end = PTRDIFF_MAX;
    if (nargs > 1) {
        ck_assert_int_eq(pr_strargs_slice_index(args[1], &start), 0);
    }
    if (nargs > 2) {
        ck_assert_int_eq(pr_strargs_slice_index(args[2], &end), 0);
    }
    int is_str = PR_STR_CHECK(recv);
    if (strcmp(op, "count") == 0) {
        return casetest_ssize(is_str ? pr_str_count(recv, args[0], start, end)
                                     : pr_bytes_count(recv, args[0], start, end));
    }
    int dir = strcmp(op, "find") == 0 ? 1 : -1;
    return casetest_ssize(is_str ? pr_str_find(recv, args[0], start, end, dir)
                                 : pr_bytes_find(recv, args[0], start, end, dir));
}

static PrObject *casetest_op(const char *op, PrObject *recv, PrObject **args, size_t nargs,
                             PrObject *kwnames)
{
    ssize_t n;
    if (strcmp(op, "%") == 0) {
        return pr_number_mod(recv, args[0]);
    }
    if (strcmp(op, "[]") == 0) {
        return PR_TYPE_OF(recv)->mapping.mp_subscript(recv, args[0]);
    }
    if (strcmp(op, "in") == 0) {
        int rc = PR_TYPE_OF(recv)->sequence.sq_contains(recv, args[0]);
        return rc < 0 ? NULL : pr_bool_from_long(rc);
    }
    if (strcmp(op, "*") == 0) {
        ck_assert_int_eq(pr_strargs_ssize(args[0], &n), 0);
        return PR_TYPE_OF(recv)->sequence.sq_repeat(recv, n);
    }
    if (strcmp(op, "+") == 0) {
        return pr_number_add(recv, args[0]);
    }
    if (strcmp(op, "format()") == 0) {
        return pr_str_format_object(recv, args[0]);
    }
    if (strcmp(op, "ascii()") == 0) {
        return pr_str_ascii(recv);
    }
    if (strcmp(op, "repr()") == 0) {
        return pr_object_repr(recv);
    }
    if (strcmp(op, "iter") == 0) {
        return casetest_iter(recv);
    }
    if (strcmp(op, "slice") == 0) {
        ssize_t v[3];
        for (int i = 0; i < 3; i++) {
            ck_assert_int_eq(pr_strargs_ssize(args[i], &v[i]), 0);
        }
        return PR_STR_CHECK(recv) ? pr_str_slice(recv, v[0], v[1], v[2])
                                  : pr_bytes_slice(recv, v[0], v[1], v[2]);
    }
    if (strcmp(op, "cmp") == 0) {
        return casetest_cmp(recv, args[0]);
    }
    if (strcmp(op, "hash==") == 0) {
        return pr_bool_from_long(pr_object_hash(recv) == pr_object_hash(args[0]));
    }
    if (strcmp(op, "str()") == 0 || strcmp(op, "bytes()") == 0) {
        PrObject *all[7] = {recv};
        memcpy(all + 1, args,
               sizeof(PrObject *) * (nargs + (kwnames ? PR_TUPLE_SIZE(kwnames) : 0)));
        PrType *t = op[0] == 's' ? PR_TYPE(str) : PR_TYPE(bytes);
        return pr_object_call((PrObject *)t, all, nargs + 1, kwnames);
    }
    if (strcmp(op, "len") == 0) {
        return casetest_ssize(PR_TYPE_OF(recv)->sequence.sq_length(recv));
    }
    if (strcmp(op, "c_find") == 0 || strcmp(op, "c_rfind") == 0 || strcmp(op, "c_count") == 0) {
        return casetest_search(op + 2, recv, args, nargs);
    }
    return casetest_call_method(recv, op, args, nargs, kwnames);
}

/* The decoded values of a case. */
typedef struct CaseValues {
    PrObject *recv;
    PrObject *args[6];
    size_t nargs, nkw;
    PrObject *kwnames;
    ssize_t refcnts[7];
} CaseValues;

static void casetest_build(const StrCase *c, CaseValues *v)
{
    PrObject *names[6];
    memset(v, 0, sizeof *v);
    v->recv = casetest_value(c->recv, strlen(c->recv));
    for (size_t i = 0; i < 6 && c->args[i]; i++) {
        const char *a = c->args[i];
        if (a[0] == 'k') {
            const char *eq = strchr(a, '=');
            names[v->nkw++] = pr_str_from_utf8(a + 1, eq - a - 1);
            a = eq + 1;
        } else {
            v->nargs++;
        }
        v->args[i] = casetest_value(a, strlen(a));
    }
    if (v->nkw) {
        v->kwnames = pr_tuple_from_array(names, (ssize_t)v->nkw);
        for (size_t i = 0; i < v->nkw; i++) {
            PR_DECREF(names[i]);
        }
    }
    v->refcnts[0] = v->recv->refcnt;
    for (size_t i = 0; i < v->nargs + v->nkw; i++) {
        v->refcnts[1 + i] = v->args[i]->refcnt;
    }
}

static void casetest_release(CaseValues *v, const StrCase *c)
{
    ck_assert_msg(v->recv->refcnt == v->refcnts[0], "%s on %s: receiver refcount moved", c->op,
                  c->recv);
    for (size_t i = 0; i < v->nargs + v->nkw; i++) {
        ck_assert_msg(v->args[i]->refcnt == v->refcnts[1 + i], "%s: argument refcount moved",
                      c->op);
    }
    for (size_t i = 0; i < v->nargs + v->nkw; i++) {
        PR_DECREF(v->args[i]);
    }
    PR_XDECREF(v->kwnames);
    PR_DECREF(v->recv);
}

/* Compares an outcome (result or pending exception) with the expected text. Releases r.
 * Returns: 1 when it matches. With must_match, a mismatch fails the test. */
static int casetest_check(const StrCase *c, PrObject *r, int must_match)
{
    char got[2048];
    if (r) {
        int c_level = strcmp(c->op, "len") == 0 || strncmp(c->op, "c_", 2) == 0;
        PrObject *text = c_level ? PR_NEWREF(r) : pr_object_repr(r);
        ck_assert_ptr_nonnull(text);
        snprintf(got, sizeof got, "%s", pr_str_utf8(text));
        PR_DECREF(text);
        PR_DECREF(r);
    } else {
        PrObject *exc = pr_err_fetch();
        ck_assert_msg(exc != NULL, "%s on %s: NULL without an exception", c->op, c->recv);
        PrObject *msg = pr_object_str(exc);
        ck_assert_ptr_nonnull(msg);
        snprintf(got, sizeof got, "!%s: %s", exc->type->name, pr_str_utf8(msg));
        PR_DECREF(msg);
        PR_DECREF(exc);
    }
    int ok = strcmp(got, c->expected) == 0;
    if (must_match) {
        ck_assert_msg(ok, "%s on \"%s\" (arg %s): got %s, expected %s", c->op, c->recv + 1,
                      c->args[0] ? c->args[0] : "-", got, c->expected);
    }
    return ok;
}

static void casetest_run(const StrCase *c)
{
    CaseValues v;
    casetest_build(c, &v);
    PrObject *r = casetest_op(c->op, v.recv, v.args, v.nargs, v.kwnames);
    casetest_check(c, r, 1);
    ck_assert_msg(!pr_err_occurred(), "%s: exception left pending", c->op);
    casetest_release(&v, c);
}

/* Runs c with the k-th allocation failing for k = 0, 1, ...: every run either gives the
 * expected outcome or raises MemoryError, and leaves the allocator as it found it. */
static void casetest_oom(const StrCase *c)
{
    casetest_run(c); /* warm caches: interned names, shared characters */
    CaseValues v;
    casetest_build(c, &v);
    for (long k = 0; k < 400; k++) {
        size_t before = objtest_blocks();
        pr_raw_fail_after(k);
        PrObject *r = casetest_op(c->op, v.recv, v.args, v.nargs, v.kwnames);
        pr_raw_fail_after(-1);
        if (!r && pr_err_occurred_borrow() == pr_interp.memory_error &&
            strncmp(c->expected, "!MemoryError", 12) != 0) {
            pr_err_clear();
            ck_assert_msg(objtest_blocks() == before, "%s on %s: leak after MemoryError at %ld",
                          c->op, c->recv, k);
            continue;
        }
        casetest_check(c, r, 1);
        ck_assert_msg(objtest_blocks() == before, "%s on %s: leak", c->op, c->recv);
        break;
    }
    casetest_release(&v, c);
}

#endif
