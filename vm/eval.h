/* vm/eval.h — running code: the eval loop (vm/eval.c), the entry points that run a code object
 * in a namespace or call a Python function from C, and the VM's share of the interpreter state
 * (the builtins namespace, the recursion limit). Python-to-Python calls stay inside one
 * invocation of the loop (DESIGN.md "Speed"); only calls from C into Python nest. */
#ifndef PR_VM_EVAL_H
#define PR_VM_EVAL_H

#include "vm/interp.h"

/* Runs a module- or class-level code object with globals (a dict) and locals (a mapping; NULL
 * means globals). Returns: the value it returns (None for a module), a new reference.
 * Errors: whatever the code raises (its __traceback__ filled), RecursionError. */
PrObject *pr_eval_code(PrObject *code, PrObject *globals, PrObject *locals);

/* Calls the Python function func with the vectorcall convention (the function type's call
 * slot). Returns: the result, a new reference. Errors: the binding's TypeError, whatever the
 * function raises, RecursionError "maximum recursion depth exceeded". */
PrObject *pr_eval_function(PrObject *func, PrObject *const *args, size_t nargs,
                           PrObject *kwnames);

/* The builtins namespace (a dict), made on first use by stdlib/builtins.c.
 * Returns: borrowed, or NULL with MemoryError. */
PrObject *pr_vm_builtins_borrow(void);

/* sys.getrecursionlimit() / sys.setrecursionlimit(n). The setter returns 0, or -1 with
 * ValueError "recursion limit must be greater or equal than 1" or RecursionError "cannot set the
 * recursion limit to 5 at the recursion depth 23: the limit is too low" (CPython 3.11's texts). */
int pr_vm_recursion_limit(void);
int pr_vm_set_recursion_limit(int limit);

/* Releases the VM's state (pr_interp_finalize calls it): builtins, the frame stack's chunks. */
void pr_vm_fini(void);

#endif
