/* objects/number.c — operator dispatch through the number slots: CPython's binary_op1 and
 * its in-place variant, divmod, the unary operators and __index__. Contracts in
 * objects/number.h. */
#include "objects/number.h"

#include "objects/long.h"

#include "objects/singletons.h"
#include "vm/errors.h"

#include <stddef.h>

const PrBinopInfo pr_binops[PR_BINOP_COUNT] = {
#define PR_BINOP(NAME, name, symbol, dunder, rdunder, idunder, isymbol)                            \
    {#name,                                                                                        \
     symbol,                                                                                       \
     dunder,                                                                                       \
     rdunder,                                                                                      \
     idunder,                                                                                      \
     isymbol,                                                                                      \
     offsetof(PrType, number.nb_##name),                                                           \
     offsetof(PrType, number.nb_inplace_##name)},
#include "objects/binops.def"
#undef PR_BINOP
};
_Static_assert(sizeof pr_binops / sizeof pr_binops[0] == PR_BINOP_COUNT,
               "binops.def expanded once per operator");

static PrBinaryFunc slot_at(const PrType *t, size_t offset)
{
    return *(const PrBinaryFunc *)(const void *)((const char *)t + offset);
}

/* CPython's binary_op1. Returns: the result, PR_NotImplemented (a new reference) when every
 * candidate declined, or NULL with an exception. */
static PrObject *binary_op1(PrObject *a, PrObject *b, size_t offset)
{
    PrBinaryFunc slotv = slot_at(a->type, offset), slotw = NULL;
    PrObject *r;
    if (b->type != a->type) {
        slotw = slot_at(b->type, offset);
        if (slotw == slotv) {
            slotw = NULL;
        }
    }
    if (slotv) {
        if (slotw && pr_type_is_subtype(b->type, a->type)) {
            r = slotw(a, b);
            if (r != PR_NotImplemented) {
                return r;
            }
            PR_DECREF(r);
            slotw = NULL;
        }
        r = slotv(a, b);
        if (r != PR_NotImplemented || !slotw) {
            return r;
        }
        PR_DECREF(r);
    }
    if (slotw) {
        return slotw(a, b);
    }
    PR_RETURN_NOTIMPLEMENTED;
}

static PrObject *unsupported(const char *symbol, PrObject *a, PrObject *b)
{
    return pr_err_format(PR_EXC(TypeError), "unsupported operand type(s) for %s: '%s' and '%s'",
                         symbol, a->type->name, b->type->name);
}

/* seq * count, as CPython's sequence_repeat: count must have __index__ and fit a ssize_t. */
static PrObject *sequence_repeat(PrObject *seq, PrObject *count)
{
    if (!count->type->number.nb_index) {
        return pr_err_format(PR_EXC(TypeError), "can't multiply sequence by non-int of type '%s'",
                             count->type->name);
    }
    PrObject *index = pr_number_index(count);
    ssize_t n;
    if (!index) {
        return NULL;
    }
    int failed = pr_long_as_ssize(index, &n);
    PR_DECREF(index);
    if (failed) {
        if (pr_err_matches((PrObject *)PR_EXC(OverflowError))) {
            pr_err_clear();
            pr_err_format(PR_EXC(OverflowError), "cannot fit '%s' into an index-sized integer",
                          count->type->name);
        }
        return NULL;
    }
    return seq->type->sequence.sq_repeat(seq, n);
}

/* When no number slot answered: `+` concatenates sequences and `*` repeats one, whichever side
 * it is on. Steals: r (NotImplemented). */
static PrObject *sequence_fallback(PrBinop op, PrObject *a, PrObject *b, PrObject *r,
                                   const char *symbol)
{
    if (r != PR_NotImplemented) {
        return r;
    }
    PR_DECREF(r);
    if (op == PR_BINOP_ADD && a->type->sequence.sq_concat) {
        return a->type->sequence.sq_concat(a, b);
    }
    if (op == PR_BINOP_MUL && a->type->sequence.sq_repeat) {
        return sequence_repeat(a, b);
    }
    if (op == PR_BINOP_MUL && b->type->sequence.sq_repeat) {
        return sequence_repeat(b, a);
    }
    return unsupported(symbol, a, b);
}

PrObject *pr_number_binop(PrBinop op, PrObject *a, PrObject *b)
{
    const PrBinopInfo *info = &pr_binops[op];
    return sequence_fallback(op, a, b, binary_op1(a, b, info->slot), info->symbol);
}

PrObject *pr_number_inplace_binop(PrBinop op, PrObject *a, PrObject *b)
{
    const PrBinopInfo *info = &pr_binops[op];
    PrBinaryFunc islot = slot_at(a->type, info->islot);
    if (islot) {
        PrObject *r = islot(a, b);
        if (r != PR_NotImplemented) {
            return r;
        }
        PR_DECREF(r);
    }
    return sequence_fallback(op, a, b, binary_op1(a, b, info->slot), info->isymbol);
}

#define PR_BINOP(NAME, name, symbol, dunder, rdunder, idunder, isymbol)                            \
    PrObject *pr_number_##name(PrObject *a, PrObject *b)                                           \
    {                                                                                              \
        return pr_number_binop(PR_BINOP_##NAME, a, b);                                             \
    }                                                                                              \
    PrObject *pr_number_inplace_##name(PrObject *a, PrObject *b)                                   \
    {                                                                                              \
        return pr_number_inplace_binop(PR_BINOP_##NAME, a, b);                                     \
    }
#include "objects/binops.def"
#undef PR_BINOP

PrObject *pr_number_divmod(PrObject *a, PrObject *b)
{
    PrObject *r = binary_op1(a, b, offsetof(PrType, number.nb_divmod));
    if (r != PR_NotImplemented) {
        return r;
    }
    PR_DECREF(r);
    return unsupported("divmod()", a, b);
}

#define PR_UNOP(op, what, dunder)                                                                  \
    PrObject *pr_number_##op(PrObject *a)                                                          \
    {                                                                                              \
        if (!a->type->number.nb_##op) {                                                            \
            return pr_err_format(PR_EXC(TypeError), "bad operand type for %s: '%s'", what,         \
                                 a->type->name);                                                   \
        }                                                                                          \
        return a->type->number.nb_##op(a);                                                         \
    }
#include "objects/unops.def"
#undef PR_UNOP

PrObject *pr_number_index(PrObject *a)
{
    if (PR_TYPE_HAS_FLAG(a->type, PR_TPFLAG_INT_SUBCLASS)) {
        return PR_NEWREF(a);
    }
    if (!a->type->number.nb_index) {
        return pr_err_format(PR_EXC(TypeError), "'%s' object cannot be interpreted as an integer",
                             a->type->name);
    }
    PrObject *r = a->type->number.nb_index(a);
    if (r && !PR_TYPE_HAS_FLAG(r->type, PR_TPFLAG_INT_SUBCLASS)) {
        pr_err_format(PR_EXC(TypeError), "__index__ returned non-int (type %s)", r->type->name);
        PR_CLEAR(r);
    }
    return r;
}
