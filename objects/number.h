/* objects/number.h — the operators on objects: binary operators dispatched through the number
 * slots with CPython's binary_op1 rules, in-place operators, divmod, unary operators and
 * __index__. The operators are declared once in objects/binops.def and objects/unops.def; the
 * tables below give the VM (BINARY_OP's operand) and user classes (their dunder methods) the
 * same list. */
#ifndef PR_OBJECTS_NUMBER_H
#define PR_OBJECTS_NUMBER_H

#include "vm/interp.h"

#include <stddef.h>

typedef enum PrBinop {
#define PR_BINOP(NAME, name, symbol, dunder, rdunder, idunder, isymbol) PR_BINOP_##NAME,
#include "objects/binops.def"
#undef PR_BINOP
    PR_BINOP_COUNT
} PrBinop;

/* One row of binops.def with the offsets of its two slots inside PrType. */
typedef struct PrBinopInfo {
    const char *name;    /* "add" */
    const char *symbol;  /* "+" */
    const char *dunder;  /* "__add__" */
    const char *rdunder; /* "__radd__" */
    const char *idunder; /* "__iadd__" */
    const char *isymbol; /* "+=" */
    size_t slot;         /* offsetof(PrType, number.nb_add) */
    size_t islot;        /* offsetof(PrType, number.nb_inplace_add) */
} PrBinopInfo;

extern const PrBinopInfo pr_binops[PR_BINOP_COUNT];

/* a <op> b: CPython's binary_op1. Let slotv be a's type's slot and slotw b's (when b's type
 * differs and its slot is another function). If b's type is a proper subclass of a's, slotw is
 * tried first; then slotv; then slotw. The first answer other than NotImplemented is the
 * result. Then `+` falls back to a's sq_concat. When nothing answers: TypeError
 * "unsupported operand type(s) for +: 'int' and 'str'". Returns: a new reference. */
PrObject *pr_number_binop(PrBinop op, PrObject *a, PrObject *b);

/* a <op>= b: a's nb_inplace_<op> first, then as pr_number_binop (error with the in-place
 * symbol, "+="). `+=` falls back to sq_concat too. Returns: a new reference. */
PrObject *pr_number_inplace_binop(PrBinop op, PrObject *a, PrObject *b);

/* One function per operator, for C callers: pr_number_add(a, b), pr_number_inplace_add(a, b)... */
#define PR_BINOP(NAME, name, symbol, dunder, rdunder, idunder, isymbol)                            \
    PrObject *pr_number_##name(PrObject *a, PrObject *b);                                          \
    PrObject *pr_number_inplace_##name(PrObject *a, PrObject *b);
#include "objects/binops.def"
#undef PR_BINOP

/* divmod(a, b) through nb_divmod, same rules ("unsupported operand type(s) for divmod()"). */
PrObject *pr_number_divmod(PrObject *a, PrObject *b);

/* -a, +a, ~a, abs(a) through their slots. Errors: TypeError "bad operand type for unary -:
 * 'str'", or the slot's. Returns: a new reference. */
#define PR_UNOP(name, what, dunder) PrObject *pr_number_##name(PrObject *a);
#include "objects/unops.def"
#undef PR_UNOP

/* operator.index(a): a itself if it is an int, else its nb_index, whose result must be an int.
 * Errors: TypeError "'str' object cannot be interpreted as an integer", "__index__ returned
 * non-int (type str)". Returns: a new reference. */
PrObject *pr_number_index(PrObject *a);

#endif
