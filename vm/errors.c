/* vm/errors.c — the pending exception of the interpreter state: raising (with context
 * chaining), testing, fetching, restoring. Contracts in vm/errors.h. */
#include "vm/errors.h"

#include "objects/exceptions.h"
#include "objects/long.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/interp.h"

#include <string.h>

/* Gives exc the handled exception as __context__, as CPython's _PyErr_SetObject: first cutting
 * exc out of the handled exception's own context chain, so no cycle forms. */
static void chain_context(PrObject *exc)
{
    PrObject *handled = pr_interp.exc_handled;
    if (!handled || handled == exc) {
        return;
    }
    PrObject *o = handled, *slow = handled;
    int step = 0;
    for (PrObject *ctx; (ctx = pr_exception_context_borrow(o));) {
        if (ctx == exc) {
            pr_exception_set_context_steal(o, NULL);
            break;
        }
        o = ctx;
        if (step++ & 1) { /* Floyd: a chain that already loops must not hang us */
            slow = pr_exception_context_borrow(slow);
            if (slow == o) {
                break;
            }
        }
    }
    pr_exception_set_context_steal(exc, PR_NEWREF(handled));
}

PrObject *pr_err_set_object(PrType *type, PrObject *value)
{
    PrObject *exc;
    pr_err_clear();
    if (value && PR_EXC_INSTANCE_CHECK(value) && pr_object_is_instance(value, type)) {
        exc = PR_NEWREF(value);
    } else {
        exc = pr_object_call((PrObject *)type, value ? &value : NULL, value ? 1 : 0, NULL);
        if (!exc) {
            return NULL;
        }
        if (!PR_EXC_INSTANCE_CHECK(exc)) {
            pr_err_format(PR_EXC(TypeError),
                          "calling %s should have returned an instance of "
                          "BaseException, not %s",
                          type->name, exc->type->name);
            PR_DECREF(exc);
            return NULL;
        }
    }
    chain_context(exc);
    pr_err_restore_steal(exc);
    return NULL;
}

PrObject *pr_err_set(PrType *type, const char *msg)
{
    pr_err_clear();
    PrObject *s = pr_str_from_cstr(msg);
    if (s) {
        pr_err_set_object(type, s);
        PR_DECREF(s);
    }
    return NULL;
}

PrObject *pr_err_vformat(PrType *type, const char *fmt, va_list ap)
{
    pr_err_clear(); /* the conversions may call repr/str, which need a clean state */
    PrObject *s = pr_str_from_vformat(fmt, ap);
    if (s) {
        pr_err_set_object(type, s);
        PR_DECREF(s);
    }
    return NULL;
}

PrObject *pr_err_format(PrType *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pr_err_vformat(type, fmt, ap);
    va_end(ap);
    return NULL;
}

PrObject *pr_err_no_memory(void)
{
    PrObject *exc = pr_interp.memory_error;
    if (!exc || pr_interp.exc == exc) { /* before start-up completes: the caller fails anyway */
        return NULL;
    }
    /* One instance serves every raise: forget what the last raise attached to it. */
    PrBaseException *e = (PrBaseException *)exc;
    PR_CLEAR(e->traceback);
    PR_CLEAR(e->cause);
    PR_CLEAR(e->context);
    e->suppress_context = 0;
    chain_context(exc);
    pr_err_restore_steal(PR_NEWREF(exc));
    return NULL;
}

int pr_err_occurred(void)
{
    return pr_interp.exc != NULL;
}

PrObject *pr_err_occurred_borrow(void)
{
    return pr_interp.exc;
}

int pr_err_given_matches(PrObject *exc, PrObject *match)
{
    if (!exc || !match) {
        return 0;
    }
    if (PR_TUPLE_CHECK(match)) {
        for (ssize_t i = 0; i < PR_TUPLE_SIZE(match); i++) {
            if (pr_err_given_matches(exc, PR_TUPLE_ITEMS(match)[i])) {
                return 1;
            }
        }
        return 0;
    }
    return PR_EXC_CLASS_CHECK(match) && pr_object_is_instance(exc, (PrType *)match);
}

int pr_err_matches(PrObject *match)
{
    return pr_err_given_matches(pr_interp.exc, match);
}

PrObject *pr_err_fetch(void)
{
    PrObject *exc = pr_interp.exc;
    pr_interp.exc = NULL;
    return exc;
}

void pr_err_restore_steal(PrObject *exc)
{
    PR_SETREF(pr_interp.exc, exc);
}

void pr_err_clear(void)
{
    PR_CLEAR(pr_interp.exc);
}

void pr_err_set_handled(PrObject *exc)
{
    PR_XINCREF(exc);
    PR_SETREF(pr_interp.exc_handled, exc);
}

PrObject *pr_err_handled_borrow(void)
{
    return pr_interp.exc_handled;
}

PrObject *pr_err_bad_internal_call(const char *where)
{
    return pr_err_format(PR_EXC(SystemError), "%s: bad argument to internal function", where);
}

PrObject *pr_err_set_from_errno(int errnum, PrObject *filename)
{
    PrObject *args[3] = {pr_long_from_int64(errnum), pr_str_from_cstr(strerror(errnum)), filename};
    PrObject *exc = NULL;
    if (args[0] && args[1]) {
        exc = pr_object_call((PrObject *)PR_EXC(OSError), args, filename ? 3 : 2, NULL);
    }
    PR_XDECREF(args[0]);
    PR_XDECREF(args[1]);
    if (exc) {
        pr_err_set_object(PR_EXC(OSError), exc);
        PR_DECREF(exc);
    }
    return NULL;
}
