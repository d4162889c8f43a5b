/* objects/tuple_impl.h — what objects/tuple.c's type spec takes from objects/tuple_methods.c
 * (iteration, slicing, repetition, index/count, tuple()). Other modules use objects/tuple.h. */
#ifndef PR_OBJECTS_TUPLE_IMPL_H
#define PR_OBJECTS_TUPLE_IMPL_H

#include "objects/tuple.h"

extern const PrMethodDef pr_tuple_methods[];

PrObject *pr_tuple_type_iter(PrObject *self);
PrObject *pr_tuple_type_subscript(PrObject *self, PrObject *key);
PrObject *pr_tuple_type_repeat(PrObject *self, ssize_t n);
PrObject *pr_tuple_type_mul(PrObject *a, PrObject *b);
PrObject *pr_tuple_type_new(PrType *type, PrObject *const *args, size_t nargs, PrObject *kwnames);

#endif
