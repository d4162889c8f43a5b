/* objects/module.h — module objects: a name and a namespace dict. Attribute access goes
 * through the dict ("module 'sys' has no attribute 'x'" when missing); repr is CPython's
 * (`<module 'sys' (built-in)>`, `<module '__main__' from '/path/x.py'>`). Which modules exist
 * and how `import` finds them is stdlib/modules.h. */
#ifndef PR_OBJECTS_MODULE_H
#define PR_OBJECTS_MODULE_H

#include "vm/interp.h"

typedef struct PrModule {
    PrObject ob;
    PrObject *dict; /* the namespace: __name__, __doc__, ... and everything the module defines */
} PrModule;

#define PR_MODULE_CHECK(o) pr_object_is_instance((PrObject *)(o), PR_TYPE(module))

/* A module named name (a C string) with a fresh dict holding __name__, __doc__ (None),
 * __package__ (None) and __loader__/__spec__ (None). Returns: a new module. Errors:
 * MemoryError. */
PrObject *pr_module_new(const char *name);

/* A module whose namespace is dict (borrowed: the module takes its own reference); dict must
 * already hold __name__. Returns: a new module. Errors: MemoryError. */
PrObject *pr_module_from_dict(PrObject *dict);

/* The module's namespace. Returns: borrowed. */
PrObject *pr_module_dict_borrow(PrObject *m);

/* Adds one function per row of defs (ending with a NULL name) to m, unbound.
 * Returns: 0 or -1 (MemoryError). */
int pr_module_add_functions(PrObject *m, const PrMethodDef *defs);

/* m.name = value, consuming the reference to value (which may be NULL after a failed
 * constructor: then -1 is returned with that failure pending). Returns: 0 or -1. */
int pr_module_add_steal(PrObject *m, const char *name, PrObject *value);

extern const PrType pr_module_spec;

#endif
