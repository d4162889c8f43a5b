/* objects/dict_impl.h — what objects/dict.c's type spec takes from objects/dict_methods.c
 * (methods, views, iterators, dict(), |). Not for other modules: they use objects/dict.h. */
#ifndef PR_OBJECTS_DICT_IMPL_H
#define PR_OBJECTS_DICT_IMPL_H

#include "objects/dict.h"

extern const PrMethodDef pr_dict_methods[];

PrObject *pr_dict_type_iter(PrObject *self);
PrObject *pr_dict_type_new(PrType *type, PrObject *const *args, size_t nargs, PrObject *kwnames);
int pr_dict_type_init(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames);
PrObject *pr_dict_type_or(PrObject *a, PrObject *b);
PrObject *pr_dict_type_ior(PrObject *a, PrObject *b);

#endif
