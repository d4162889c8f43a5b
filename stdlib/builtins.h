/* stdlib/builtins.h — the builtins namespace: the functions every program can call without an
 * import (print, len, repr, sorted, round, format, dir, globals, ...: one PrMethodDef row per
 * function in stdlib/builtins.c), the built-in types and exception classes under their Python
 * names (enumerate, zip, map, filter and reversed are types: stdlib/builtins_types.h), the
 * constants, and site's exit and quit. Not here yet: open, input, eval/exec/compile,
 * __import__, __build_class__, help, breakpoint. */
#ifndef PR_STDLIB_BUILTINS_H
#define PR_STDLIB_BUILTINS_H

#include "vm/interp.h"

/* A new dict holding every builtin name (the VM keeps one in pr_interp.vm.builtins).
 * Returns: a new dict. Errors: MemoryError. */
PrObject *pr_builtins_new_namespace(void);

#endif
