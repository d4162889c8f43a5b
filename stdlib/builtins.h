/* stdlib/builtins.h — the builtins namespace: the functions every program can call without an
 * import (print, len, repr, isinstance, abs, min, max, sum, iter, next, ...), the built-in types
 * and exception classes under their Python names, and the constants. A small first set that the
 * full builtins module will grow from: one PrMethodDef row per function. */
#ifndef PR_STDLIB_BUILTINS_H
#define PR_STDLIB_BUILTINS_H

#include "vm/interp.h"

/* A new dict holding every builtin name (the VM keeps one in pr_interp.vm.builtins).
 * Returns: a new dict. Errors: MemoryError. */
PrObject *pr_builtins_new_namespace(void);

#endif
