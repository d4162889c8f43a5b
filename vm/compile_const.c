/* vm/compile_const.c — the compiler's constants: int, float and bytes objects made from the
 * literals of the AST, the folding of `-<number>`, and the equality that decides when two
 * constants share a slot of co_consts (CPython's _PyCode_ConstantKey: same type and value,
 * 0.0 and -0.0 apart). */
#include "vm/compile_const.h"

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
    (void)s;
    (void)n;
    return pr_err_set(PR_EXC(SystemError), "bytes literals need the bytes type");
}

PrObject *cc_fold_negative(PrObject *o)
{
    if (!PR_LONG_CHECK_EXACT(o) && !PR_FLOAT_CHECK_EXACT(o)) {
        return NULL;
    }
    return pr_number_negative(o);
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
    if (t == PR_TYPE(int)) {
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
