/* vm/errors.h — the pending exception: raising, testing, fetching and restoring it, CPython's
 * convention (a failing function returns NULL or -1 with exactly one exception pending). The
 * pending exception is always an instance (a normalized exception, as CPython 3.12 keeps it),
 * stored in pr_interp.exc. The exception classes themselves are in objects/exceptions.h.
 *
 * Context chaining: while the VM handles an exception (pr_err_set_handled), every exception
 * raised through pr_err_set* gets it as __context__, as CPython's _PyErr_SetObject does.
 * pr_err_restore re-raises as is. __traceback__ is the VM's to fill. */
#ifndef PR_VM_ERRORS_H
#define PR_VM_ERRORS_H

#include "objects/type.h"

#include <stdarg.h>

/* Raises type(msg) (msg UTF-8). Returns: NULL, so `return pr_err_set(...)` works. If the
 * exception cannot be made, MemoryError is raised instead. */
PrObject *pr_err_set(PrType *type, const char *msg);

/* Raises type with value: value itself when it is an instance of type (a `raise exc`), else
 * type(value), or type() when value is NULL. KeyError(key) is raised this way.
 * Returns: NULL. If making the instance fails, that failure is what is raised. */
PrObject *pr_err_set_object(PrType *type, PrObject *value);

/* Raises type(message) with message built by pr_str_from_format (objects/str.h): printf's %s %d
 * %i %u %x %X (with l, ll, z, a width) %c %p %%, plus %R repr(obj), %S str(obj), %U a str.
 * Returns: NULL. */
PrObject *pr_err_format(PrType *type, const char *fmt, ...);
PrObject *pr_err_vformat(PrType *type, const char *fmt, va_list ap);

/* Raises the OSError subclass for errnum (FileNotFoundError for ENOENT, ...) with errno,
 * strerror and, when filename is not NULL, filename: CPython's PyErr_SetFromErrnoWithFilename
 * ("[Errno 2] No such file or directory: 'x'"). Returns: NULL. */
PrObject *pr_err_set_from_errno(int errnum, PrObject *filename);

/* Raises the preallocated MemoryError instance: never allocates, cannot fail.
 * Returns: NULL. */
PrObject *pr_err_no_memory(void);

/* Returns: 1 if an exception is pending, else 0. */
int pr_err_occurred(void);

/* Returns: the pending exception instance, borrowed, or NULL. */
PrObject *pr_err_occurred_borrow(void);

/* Whether the pending exception matches `match`, as an except clause would: match is an
 * exception class (the exception is an instance of it or of a subclass) or a tuple of them.
 * Returns: 1 or 0 (0 when nothing is pending). */
int pr_err_matches(PrObject *match);

/* The same test for a given exception instance. */
int pr_err_given_matches(PrObject *exc, PrObject *match);

/* Takes the pending exception out of the state. Returns: it (the reference moves to the
 * caller), or NULL when none is pending; afterwards none is. */
PrObject *pr_err_fetch(void);

/* Makes exc (an exception instance, or NULL to clear) the pending exception, releasing any
 * previous one. No context chaining: this is re-raising. Steals: exc. */
void pr_err_restore_steal(PrObject *exc);

/* Drops the pending exception, if any. */
void pr_err_clear(void);

/* The exception being handled (sys.exception()), for context chaining: the VM sets it on
 * entering an except block and restores the previous one on leaving. Takes a new reference to
 * exc (NULL allowed) and releases the old one. */
void pr_err_set_handled(PrObject *exc);

/* Returns: the exception being handled, borrowed, or NULL. */
PrObject *pr_err_handled_borrow(void);

/* Raises SystemError "bad argument to internal function" (at where): for C callers breaking a
 * contract a user cannot reach. Returns: NULL. */
PrObject *pr_err_bad_internal_call(const char *where);

#endif
