/* vm/compile_const.c — the compiler's constants: int, float and bytes objects made from the
 * literals of the AST, the folding of `-<number>`, and the equality that decides when two
 * constants share a slot of co_consts (CPython's _PyCode_ConstantKey: same type and value,
 * 0.0 and -0.0 apart). */
#include "vm/compile_const.h"

#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/long.h"
#include "objects/number.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"
#include "vm/interp.h"

#include <string.h>

PrObject *cc_make_int(int64_t v)
{
    return pr_long_from_int64(v);
}

PrObject *cc_make_bigint(const char *digits, size_t n)
{
    return pr_long_from_decimal_string(digits, n);
}

PrObject *cc_make_float(double d)
{
    return pr_float_from_double(d);
}

PrObject *cc_make_bytes(const char *s, size_t n)
{
    return pr_bytes_from_buf(s, (ssize_t)n);
}

static int is_number(PrObject *o)
{
    return PR_LONG_CHECK_EXACT(o) || PR_FLOAT_CHECK_EXACT(o) || PR_TYPE_OF(o) == PR_TYPE(bool);
}

static int is_int(PrObject *o)
{
    return PR_LONG_CHECK_EXACT(o) || PR_TYPE_OF(o) == PR_TYPE(bool);
}

#define MAX_INT_SIZE 128 /* bits */
#define MAX_STR_SIZE 4096

/* The result, or NULL with the error cleared. */
static PrObject *or_clear(PrObject *r)
{
    if (!r) {
        pr_err_clear();
    }
    return r;
}

static PrObject *str_repeat(PrObject *s, PrObject *n)
{
    int64_t k;
    if (pr_long_as_int64(n, &k) < 0) {
        pr_err_clear();
        return NULL;
    }
    ssize_t len = PR_STR_LENGTH(s);
    if (k < 0 || (len && k > MAX_STR_SIZE / len)) {
        return NULL;
    }
    PrStrBuilder b;
    pr_str_builder_init(&b);
    for (int64_t i = 0; i < k; i++) {
        if (pr_str_builder_append_str(&b, s) < 0) {
            pr_str_builder_discard(&b);
            return or_clear(NULL);
        }
    }
    return or_clear(pr_str_builder_finish(&b));
}

/* CPython's safe_multiply, safe_power, safe_lshift: refuse results that could be huge. */
static int too_big(int op, PrObject *a, PrObject *b)
{
    if (!is_int(a) || !is_int(b)) {
        return 0;
    }
    uint64_t va = pr_long_bit_length(a), vb = pr_long_bit_length(b);
    int64_t w = 0;
    switch (op) {
    case PR_BINOP_MUL:
        return va && vb && va + vb > MAX_INT_SIZE;
    case PR_BINOP_POW:
        if (pr_long_sign(b) < 0 || !va) {
            return 0;
        }
        if (pr_long_as_int64(b, &w) < 0) {
            pr_err_clear();
            return 1;
        }
        return va > 0 && (uint64_t)w > MAX_INT_SIZE / va;
    case PR_BINOP_LSHIFT:
        if (pr_long_as_int64(b, &w) < 0) {
            pr_err_clear();
            return 1;
        }
        return vb > MAX_INT_SIZE || w < 0 || va > (uint64_t)(MAX_INT_SIZE - w);
    default:
        return 0;
    }
}

/* bytes * n through the type's sq_repeat, within CPython's MAX_STR_SIZE. */
static PrObject *bytes_repeat(PrObject *s, PrObject *n)
{
    int64_t k;
    if (pr_long_as_int64(n, &k) < 0) {
        pr_err_clear();
        return NULL;
    }
    ssize_t len = PR_SIZE(s);
    if (k < 0 || (len && k > MAX_STR_SIZE / len) || !PR_TYPE_OF(s)->sequence.sq_repeat) {
        return NULL;
    }
    return or_clear(PR_TYPE_OF(s)->sequence.sq_repeat(s, (ssize_t)k));
}

PrObject *cc_fold_subscr(PrObject *o, PrObject *key)
{
    PrType *t = PR_TYPE_OF(o);
    if (PR_BYTES_CHECK_EXACT(o) && is_int(key)) {
        /* bytes has no item slot yet: b'.'[0] is the int at that index. */
        ssize_t i, n = PR_BYTES_SIZE(o);
        if (pr_long_as_ssize(key, &i) < 0) {
            return or_clear(NULL);
        }
        i += i < 0 ? n : 0;
        return i >= 0 && i < n ? pr_long_from_int64((unsigned char)PR_BYTES_DATA(o)[i]) : NULL;
    }
    if (t->mapping.mp_subscript) {
        return or_clear(t->mapping.mp_subscript(o, key));
    }
    if (t->sequence.sq_item && t->sequence.sq_length && is_int(key)) {
        ssize_t i;
        if (pr_long_as_ssize(key, &i) < 0) {
            return or_clear(NULL);
        }
        if (i < 0) {
            i += t->sequence.sq_length(o);
        }
        return or_clear(t->sequence.sq_item(o, i));
    }
    return NULL;
}

PrObject *cc_fold_binop(int op, PrObject *a, PrObject *b)
{
    if (op == PR_BINOP_MATMUL) {
        return NULL;
    }
    if (is_number(a) && is_number(b)) {
        return too_big(op, a, b) ? NULL : or_clear(pr_number_binop((PrBinop)op, a, b));
    }
    int sa = PR_STR_CHECK_EXACT(a), sb = PR_STR_CHECK_EXACT(b);
    if (op == PR_BINOP_ADD && sa && sb) {
        return or_clear(pr_str_concat(a, b));
    }
    if (op == PR_BINOP_MUL && sa && is_int(b)) {
        return str_repeat(a, b);
    }
    if (op == PR_BINOP_MUL && sb && is_int(a)) {
        return str_repeat(b, a);
    }
    int ba = PR_TYPE_OF(a) == PR_TYPE(bytes), bb = PR_TYPE_OF(b) == PR_TYPE(bytes);
    if (op == PR_BINOP_ADD && ba && bb) {
        return or_clear(pr_number_binop(PR_BINOP_ADD, a, b));
    }
    if (op == PR_BINOP_MUL && ba && is_int(b)) {
        return bytes_repeat(a, b);
    }
    if (op == PR_BINOP_MUL && bb && is_int(a)) {
        return bytes_repeat(b, a);
    }
    return NULL;
}

PrObject *cc_fold_unary(int unary, PrObject *o)
{
    if (unary == 1) {
        int t = pr_object_is_true(o);
        return t < 0 ? or_clear(NULL) : PR_NEWREF(t ? PR_False : PR_True);
    }
    if (!is_number(o)) {
        return NULL;
    }
    switch (unary) {
    case 0:
        return or_clear(pr_number_invert(o));
    case 2:
        return or_clear(pr_number_positive(o));
    default:
        return or_clear(pr_number_negative(o));
    }
}

int cc_const_equal(PrObject *a, PrObject *b)
{
    if (a == b) {
        return 1;
    }
    PrType *t = PR_TYPE_OF(a);
    if (t != PR_TYPE_OF(b)) {
        return 0;
    }
    if (t == PR_TYPE(str)) {
        return pr_str_eq(a, b);
    }
    if (t == PR_TYPE(int) || t == PR_TYPE(bytes)) {
        return pr_object_richcompare_bool(a, b, PR_EQ) == 1;
    }
    if (t == PR_TYPE(float)) {
        double x = PR_FLOAT_VALUE(a), y = PR_FLOAT_VALUE(b);
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (t == PR_TYPE(tuple)) {
        ssize_t n = pr_tuple_size(a);
        if (n != pr_tuple_size(b)) {
            return 0;
        }
        for (ssize_t i = 0; i < n; i++) {
            if (!cc_const_equal(pr_tuple_get_borrow(a, i), pr_tuple_get_borrow(b, i))) {
                return 0;
            }
        }
        return 1;
    }
    return 0;
}
