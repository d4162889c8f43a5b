/* vm/compile_const.h — private to the compiler: making and comparing constant objects. Kept
 * apart from vm/compile_impl.h because the number headers and the AST both name their operator
 * enums PR_BINOP_*; vm/compile_const.c includes the former and never the latter. */
#ifndef PR_VM_COMPILE_CONST_H
#define PR_VM_COMPILE_CONST_H

#include "objects/object.h"

#include <stddef.h>
#include <stdint.h>

/* New constant objects. Returns: a new reference, or NULL with an exception. */
PrObject *cc_make_int(int64_t v);
PrObject *cc_make_bigint(const char *digits, size_t n); /* canonical decimal digits */
PrObject *cc_make_float(double d);
PrObject *cc_make_bytes(const char *s, size_t n);

/* CPython 3.11's AST folding (Python/ast_opt.c) on constant operands. op is a PrBinop
 * (objects/binops.def order); unary is 0 invert, 1 not, 2 +, 3 -. Folds numbers (ints within
 * CPython's size limits: products and powers up to 128 bits, shifts likewise), str + str and
 * str * small int (up to 4096 characters); MatMult and str % are never folded.
 * Returns: a new reference; NULL without an exception when it does not fold (an error while
 * folding, like 1/0, is cleared: the operation is left to run time, as in CPython). */
PrObject *cc_fold_binop(int op, PrObject *a, PrObject *b);
PrObject *cc_fold_unary(int unary, PrObject *o);
PrObject *cc_fold_subscr(PrObject *o, PrObject *key); /* o[key], CPython's fold_subscr */

/* Whether two constants are the same constant for co_consts (same type and value; 0.0 and -0.0
 * differ; tuples item by item; other objects by identity). Returns: 1 or 0. */
int cc_const_equal(PrObject *a, PrObject *b);

#endif
