/* vm/eval_impl.h — private to vm/: the operations the eval loop hands to vm/eval_ops.c to keep
 * the loop itself short (subscripts, unpacking, raising, imports, f-strings, dict merging for
 * calls). Each follows the usual contract: new references, NULL/-1 with an exception set. */
#ifndef PR_VM_EVAL_IMPL_H
#define PR_VM_EVAL_IMPL_H

#include "vm/code.h"
#include "vm/frame.h"
#include "vm/interp.h"

/* o[key], o[key] = value, del o[key] (value NULL) through the mapping then sequence slots, with
 * CPython's TypeErrors ("'int' object is not subscriptable"...). */
PrObject *pr_vm_getitem(PrObject *o, PrObject *key);
int pr_vm_setitem(PrObject *o, PrObject *key, PrObject *value);

/* item in container: sq_contains, else iteration. Returns: 1, 0 or -1. */
int pr_vm_contains(PrObject *container, PrObject *item);

/* Unpacks v into argcnt values, a list of the rest when argcntafter >= 0 and argcntafter more;
 * stores them at sp[-1], sp[-2], ... (the first value on top, as the STOREs that follow want).
 * Returns: 0, or -1 with CPython's ValueError/TypeError texts. */
int pr_vm_unpack(PrObject *v, int argcnt, int argcntafter, PrObject **sp);

/* raise exc [from cause] (RAISE_VARARGS 1/2). Always returns -1 with the exception set. */
int pr_vm_do_raise(PrObject *exc, PrObject *cause);

/* CHECK_EXC_MATCH's check of the except clause's operand. Returns: 0, or -1 with TypeError
 * "catching classes that do not inherit from BaseException is not allowed". */
int pr_vm_check_except_type(PrObject *right);

/* NameError "name 'x' is not defined", and the unbound-variable errors of slot i of co. */
void pr_vm_name_error(PrObject *name);
void pr_vm_unbound_error(PrCode *co, int i);

/* import name (IMPORT_NAME), from m import name (IMPORT_FROM), from m import * into locals. */
PrObject *pr_vm_import_name(PrObject *name, PrObject *fromlist, PrObject *level);
PrObject *pr_vm_import_from(PrObject *module, PrObject *name);
int pr_vm_import_star(PrObject *module, PrObject *locals);

/* FORMAT_VALUE: conversion (PR_FVC_*) then format(value, spec); spec may be NULL. */
PrObject *pr_vm_format_value(PrObject *value, int conversion, PrObject *spec);

/* BUILD_STRING: the concatenation of n str. */
PrObject *pr_vm_build_string(PrObject *const *items, ssize_t n);

/* DICT_UPDATE: d.update(other) for a mapping other ("'int' object is not a mapping"); DICT_MERGE:
 * the same for f(**other), naming func in its errors ("f() got multiple values for keyword
 * argument 'x'", "f() argument after ** must be a mapping, not int"). Returns: 0 or -1. */
int pr_vm_dict_update(PrObject *d, PrObject *other);
int pr_vm_dict_merge(PrObject *func, PrObject *d, PrObject *other);

/* CALL_FUNCTION_EX's arguments as a vector: *callargs (any iterable; "f() argument after * must
 * be an iterable, not int") and kwargs (a dict or NULL) into a new array of new references,
 * *nargs positional ones then the keyword values, and *kwnames (a new tuple or NULL).
 * Returns: the array (free it with pr_vm_free_args), or NULL with an exception. */
PrObject **pr_vm_explode_args(PrObject *func, PrObject *callargs, PrObject *kwargs, size_t *nargs,
                              PrObject **kwnames);
void pr_vm_free_args(PrObject **args, size_t n, PrObject *kwnames);

/* The name a function is shown by in call errors: "f()" style qualname for Python functions,
 * the builtin's name, or "<type> object" otherwise (CPython's _PyObject_FunctionStr). */
PrObject *pr_vm_function_str(PrObject *func);

/* __enter__ and bound __exit__ of a context manager (BEFORE_WITH). Returns: 0 with new
 * references in *enter_result and *exit, or -1 with TypeError "'int' object does not support the
 * context manager protocol". */
int pr_vm_enter_with(PrObject *mgr, PrObject **exit, PrObject **enter_result);

/* The int for a small C value (the lasti pushed by exception handlers). */
PrObject *pr_vm_int(ssize_t v);

#endif
