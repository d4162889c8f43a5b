/* objects/singletons.c — None, NotImplemented, Ellipsis, True, False and their types.
 * Contracts in objects/singletons.h. */
#include "objects/singletons.h"

#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"

#include <stddef.h>

void pr_singletons_init(void)
{
    pr_interp.none = (PrObject)PR_STATIC_HEADER(PR_TYPE(NoneType));
    pr_interp.notimplemented = (PrObject)PR_STATIC_HEADER(PR_TYPE(NotImplementedType));
    pr_interp.ellipsis = (PrObject)PR_STATIC_HEADER(PR_TYPE(ellipsis));
    pr_interp.true_ = (PrBoolObject){{PR_STATIC_HEADER(PR_TYPE(bool)), 1}, {1}};
    pr_interp.false_ = (PrBoolObject){{PR_STATIC_HEADER(PR_TYPE(bool)), 0}, {0}};
}

/* A constant's reference count reaching zero means someone released a reference they did not
 * own: a bug worth stopping at. */
static void singleton_dealloc(PrObject *self)
{
    pr_fatal("singleton_dealloc", "deallocating a static constant (None, True, ...)");
}

/* The types of the constants return the constant and take no arguments:
 * "NoneType takes no arguments". */
static PrObject *constant_new(PrType *t, size_t nargs, PrObject *kwnames, PrObject *constant)
{
    if (nargs || (kwnames && PR_TUPLE_SIZE(kwnames))) {
        return pr_err_format(PR_EXC(TypeError), "%s takes no arguments", t->name);
    }
    return PR_NEWREF(constant);
}

/* ---- None ------------------------------------------------------------------------------------ */

static PrObject *none_repr(PrObject *self)
{
    return pr_str_intern_cstr("None");
}

static int none_bool(PrObject *self)
{
    return 0;
}

static PrObject *none_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    return constant_new(t, nargs, kwnames, PR_None);
}

const PrType pr_none_spec = {
    .name = "NoneType",
    .basicsize = sizeof(PrObject),
    .flags = PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = singleton_dealloc,
    .repr = none_repr,
    .new = none_new,
    .number.nb_bool = none_bool,
};

/* ---- NotImplemented -------------------------------------------------------------------------- */

static PrObject *notimplemented_repr(PrObject *self)
{
    return pr_str_intern_cstr("NotImplemented");
}

static PrObject *notimplemented_new(PrType *t, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames)
{
    return constant_new(t, nargs, kwnames, PR_NotImplemented);
}

const PrType pr_notimplemented_spec = {
    .name = "NotImplementedType",
    .basicsize = sizeof(PrObject),
    .flags = PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = singleton_dealloc,
    .repr = notimplemented_repr,
    .new = notimplemented_new,
};

/* ---- Ellipsis -------------------------------------------------------------------------------- */

static PrObject *ellipsis_repr(PrObject *self)
{
    return pr_str_intern_cstr("Ellipsis");
}

static PrObject *ellipsis_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    return constant_new(t, nargs, kwnames, PR_Ellipsis);
}

const PrType pr_ellipsis_spec = {
    .name = "ellipsis",
    .basicsize = sizeof(PrObject),
    .flags = PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = singleton_dealloc,
    .repr = ellipsis_repr,
    .new = ellipsis_new,
};

/* ---- bool ------------------------------------------------------------------------------------ */

/* bool is int's subclass (objects/long.h): layout, hash, comparison and arithmetic are int's;
 * only repr and & | ^ of two bools (which stay bools) are its own. */

#define BOOL_VALUE(o) (((PrBoolObject *)(o))->ob.size != 0)
#define IS_BOOL(o) (PR_TYPE_OF(o) == PR_TYPE(bool))

static PrObject *bool_repr(PrObject *self)
{
    return pr_str_intern_cstr(BOOL_VALUE(self) ? "True" : "False");
}

static PrObject *bool_and(PrObject *a, PrObject *b)
{
    if (!IS_BOOL(a) || !IS_BOOL(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return pr_bool_from_long(BOOL_VALUE(a) & BOOL_VALUE(b));
}

static PrObject *bool_or(PrObject *a, PrObject *b)
{
    if (!IS_BOOL(a) || !IS_BOOL(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return pr_bool_from_long(BOOL_VALUE(a) | BOOL_VALUE(b));
}

static PrObject *bool_xor(PrObject *a, PrObject *b)
{
    if (!IS_BOOL(a) || !IS_BOOL(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return pr_bool_from_long(BOOL_VALUE(a) ^ BOOL_VALUE(b));
}

static PrObject *bool_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (kwnames && PR_TUPLE_SIZE(kwnames)) {
        return pr_err_set(PR_EXC(TypeError), "bool() takes no keyword arguments");
    }
    if (nargs > 1) {
        return pr_err_format(PR_EXC(TypeError), "bool expected at most 1 argument, got %zu", nargs);
    }
    int truth = nargs ? pr_object_is_true(args[0]) : 0;
    return truth < 0 ? NULL : pr_bool_from_long(truth);
}

const PrType pr_bool_spec = {
    .name = "bool",
    .doc = "Returns True when the argument is true, False otherwise.",
    .flags = PR_TPFLAG_IMMUTABLETYPE,
    .base = PR_TYPE(int),
    .dealloc = singleton_dealloc,
    .repr = bool_repr,
    .new = bool_new,
    .number.nb_and = bool_and,
    .number.nb_or = bool_or,
    .number.nb_xor = bool_xor,
};
