/* vm/function.h — the function type (a code object with the globals, defaults and closure it was
 * made with, by MAKE_FUNCTION) and argument binding: the step of a call that fills a new frame's
 * parameter slots from the vectorcall arguments, with CPython 3.11's exact TypeErrors. Calling a
 * function from Python code never recurses in C (vm/eval.c pushes a frame); calling one from C
 * goes through the type's call slot, which runs the eval loop. */
#ifndef PR_VM_FUNCTION_H
#define PR_VM_FUNCTION_H

#include "vm/interp.h"

typedef struct PrFunction {
    PrObject ob;
    PrObject *code;        /* PrCode, never NULL */
    PrObject *globals;     /* dict */
    PrObject *builtins;    /* dict */
    PrObject *name;        /* str */
    PrObject *qualname;    /* str */
    PrObject *defaults;    /* tuple or NULL */
    PrObject *kwdefaults;  /* dict or NULL */
    PrObject *closure;     /* tuple of cells or NULL */
    PrObject *annotations; /* dict or NULL */
    PrObject *doc;         /* any object, None when absent */
    PrObject *module;      /* globals['__name__'] when made, or NULL */
    PrObject *dict;        /* __dict__, made on first use */
} PrFunction;

extern const PrType pr_function_spec;

#define PR_FUNCTION_CHECK(o) (PR_TYPE_OF(o) == PR_TYPE(function))

/* A function running code in globals, with builtins (a dict: the defining frame's).
 * name and qualname come from the code object.
 * Returns: a new function. Errors: MemoryError. */
PrObject *pr_function_new(PrObject *code, PrObject *globals, PrObject *builtins);

/* Fills localsplus[0 .. nparams) of a frame for f from a vectorcall argument list: positional
 * arguments, *args tuple, keywords, **kwargs dict, defaults and keyword-only defaults. Slots
 * must be NULL on entry; on return they hold new references (also on failure, so the caller
 * clears them as usual). Returns: 0, or -1 with CPython's TypeError
 * ("f() missing 1 required positional argument: 'x'", ...). */
int pr_function_bind_args(PrFunction *f, PrObject **localsplus, PrObject *const *args,
                          size_t nargs, PrObject *kwnames);

#endif
