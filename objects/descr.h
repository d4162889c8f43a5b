/* objects/descr.h — the objects pr_type_ready puts in a type's dict for its C tables, and the
 * built-in function objects: method_descriptor (str.upper), builtin_function_or_method (a method
 * bound to its self, "abc".upper, or a module-level function, len), classmethod_descriptor
 * (dict.fromkeys), getset_descriptor and
 * member_descriptor. Their calls check arguments by the method's PR_METH_* flags with CPython's
 * messages, so C methods never repeat those checks. */
#ifndef PR_OBJECTS_DESCR_H
#define PR_OBJECTS_DESCR_H

#include "vm/interp.h"

/* Common head of the descriptors: the class that defined the attribute and its name. */
typedef struct PrDescr {
    PrObject ob;
    PrType *owner;  /* a strong reference */
    PrObject *name; /* interned str */
} PrDescr;

typedef struct PrMethodDescr {
    PrDescr d;
    const PrMethodDef *def;
} PrMethodDescr;

typedef struct PrGetSetDescr {
    PrDescr d;
    const PrGetSetDef *def;
} PrGetSetDescr;

typedef struct PrMemberDescr {
    PrDescr d;
    const PrMemberDef *def;
} PrMemberDescr;

/* A C function, bound to self (a method of an object, a function of a module) or not. */
typedef struct PrCFunctionObject {
    PrObject ob;
    const PrMethodDef *def;
    PrObject *self; /* strong reference or NULL */
    PrType *owner;  /* for a bound method, the class that defines it ("str.upper()") */
} PrCFunctionObject;

extern const PrType pr_method_descr_spec;
extern const PrType pr_classmethod_descr_spec;
extern const PrType pr_cfunction_spec;
extern const PrType pr_getset_descr_spec;
extern const PrType pr_member_descr_spec;

/* Descriptors for one row of owner's tables. Returns: a new descriptor. Errors: MemoryError. */
PrObject *pr_descr_new_method(PrType *owner, const PrMethodDef *def);
/* A classmethod_descriptor (a PrMethodDescr): reached through a class or an instance, it gives
 * def bound to the class (dict.fromkeys); called, its first argument is that class. */
PrObject *pr_descr_new_classmethod(PrType *owner, const PrMethodDef *def);
PrObject *pr_descr_new_getset(PrType *owner, const PrGetSetDef *def);
PrObject *pr_descr_new_member(PrType *owner, const PrMemberDef *def);

/* A builtin_function_or_method calling def with self (NULL: a plain function, named in errors
 * as "len()"); owner names the class in errors and repr of a bound method (NULL for functions).
 * Returns: a new object. Errors: MemoryError. */
PrObject *pr_cfunction_new(const PrMethodDef *def, PrObject *self, PrType *owner);

/* Whether o is a method_descriptor (what pr_object_get_method returns unbound). */
#define PR_METHOD_DESCR_CHECK(o) (PR_TYPE_OF(o) == PR_TYPE(method_descriptor))

#endif
