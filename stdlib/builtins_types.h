/* stdlib/builtins_types.h — the types of the objects built-in functions make: the lazy iterators
 * enumerate, zip, map, filter, reversed and callable_iterator (iter(f, sentinel)), and site's
 * Quitter (exit, quit). Each is a built-in type listed in objects/types.def; the five that carry
 * a builtin name are called directly (enumerate(x) is a call of the type). Behaviour and error
 * texts are CPython 3.11's (Python/bltinmodule.c, Objects/enumobject.c, Objects/iterobject.c). */
#ifndef PR_STDLIB_BUILTINS_TYPES_H
#define PR_STDLIB_BUILTINS_TYPES_H

#include "vm/interp.h"

extern const PrType pr_enumerate_spec;
extern const PrType pr_zip_spec;
extern const PrType pr_map_spec;
extern const PrType pr_filter_spec;
extern const PrType pr_reversed_spec;
extern const PrType pr_callable_iterator_spec;
extern const PrType pr_quitter_spec;

/* iter(callable, sentinel): calls callable() until it returns something equal to sentinel.
 * Returns: a new callable_iterator. Errors: TypeError "iter(v, w): v must be callable",
 * MemoryError. */
PrObject *pr_callable_iter_new(PrObject *callable, PrObject *sentinel);

/* site's exit/quit object named name ("exit"): repr "Use exit() or Ctrl-D (i.e. EOF) to exit";
 * calling it with an optional code raises SystemExit(code). Returns: a new Quitter.
 * Errors: MemoryError. */
PrObject *pr_quitter_new(const char *name);

#endif
