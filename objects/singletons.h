/* objects/singletons.h — the constant objects None, NotImplemented, Ellipsis, True and False
 * and their types. They live in the interpreter state (PR_None, PR_True... in vm/interp.h) with
 * a static reference count; their types create no new instances: NoneType() returns None,
 * bool(x) returns True or False by pr_object_is_true. bool is a subclass of int
 * (objects/long.h) with its layout: False is 0 and True is 1. */
#ifndef PR_OBJECTS_SINGLETONS_H
#define PR_OBJECTS_SINGLETONS_H

#include "vm/interp.h"

extern const PrType pr_none_spec;
extern const PrType pr_notimplemented_spec;
extern const PrType pr_ellipsis_spec;
extern const PrType pr_bool_spec;

/* Fills in the headers of the five constants (pr_interp_init). */
void pr_singletons_init(void);

/* Returns: a new reference to True when v is non-zero, else to False. */
static inline PrObject *pr_bool_from_long(long v)
{
    return PR_NEWREF(v ? PR_True : PR_False);
}

#define PR_RETURN_NONE return PR_NEWREF(PR_None)
#define PR_RETURN_NOTIMPLEMENTED return PR_NEWREF(PR_NotImplemented)

#endif
