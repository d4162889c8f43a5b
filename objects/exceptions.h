/* objects/exceptions.h — the built-in exception classes (objects/exceptions.def, reached as
 * PR_EXC(TypeError)) and their instances: args, __context__, __cause__, __suppress_context__,
 * __traceback__ (filled by the VM), __notes__, an instance __dict__, and str()/repr() exactly
 * as CPython 3.11's: str(ValueError()) == '', str(ValueError('x')) == 'x', str(ValueError('a',
 * 1)) == "('a', 1)", str(KeyError('a')) == "'a'", repr(ValueError('x')) == "ValueError('x')".
 * Raising is vm/errors.h's job. */
#ifndef PR_OBJECTS_EXCEPTIONS_H
#define PR_OBJECTS_EXCEPTIONS_H

#include "vm/interp.h"

typedef struct PrBaseException {
    PrObject ob;
    PrObject *dict;      /* instance attributes, made on first use */
    PrObject *args;      /* tuple, never NULL once initialised */
    PrObject *notes;     /* __notes__ (add_note comes with list) */
    PrObject *traceback; /* __traceback__: the VM's */
    PrObject *context;   /* __context__ */
    PrObject *cause;     /* __cause__ */
    char suppress_context;
} PrBaseException;

typedef struct PrStopIteration {
    PrBaseException base;
    PrObject *value;
} PrStopIteration;

typedef struct PrSystemExit {
    PrBaseException base;
    PrObject *code;
} PrSystemExit;

/* OSError and its subclasses: errno, strerror, filename and filename2 (None unless given). */
typedef struct PrOSError {
    PrBaseException base;
    PrObject *myerrno, *strerror, *filename, *filename2;
} PrOSError;

/* UnicodeEncodeError (object a str, start/end code point indices) and UnicodeDecodeError (object
 * a bytes, byte offsets); start and end are ints. */
typedef struct PrUnicodeError {
    PrBaseException base;
    PrObject *encoding, *object, *start, *end, *reason; /* NULL until initialised */
} PrUnicodeError;

/* Whether o is an exception class / instance. */
#define PR_EXC_CLASS_CHECK(o)                                                                      \
    (PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_TYPE_SUBCLASS) &&                                   \
     PR_TYPE_HAS_FLAG((PrType *)(o), PR_TPFLAG_BASE_EXC_SUBCLASS))
#define PR_EXC_INSTANCE_CHECK(o) PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_BASE_EXC_SUBCLASS)

/* Copies each class's spec into pr_interp.exc_types and readies it. Returns: 0 or -1. */
int pr_exceptions_init(void);

/* Undoes pr_exceptions_init. */
void pr_exceptions_fini(void);

/* An instance of the exception class type with args (a tuple, borrowed), without calling
 * Python code: what type(*args) does for the built-in classes. Returns: a new instance.
 * Errors: MemoryError. */
PrObject *pr_exception_new(PrType *type, PrObject *args);

/* The exception line of a traceback: "TypeError: msg", or "TypeError" when str(exc) is empty;
 * "<exception str() failed>" replaces a failing str(). Returns: a new str. Errors: MemoryError.
 * (A user class from another module will be qualified by its __module__ once modules exist.) */
PrObject *pr_exception_format_line(PrObject *exc);

/* Raises type (UnicodeEncodeError or UnicodeDecodeError) as a codec does, for the characters
 * (bytes) [start, end) of object, a str (bytes): its str() is then "'ascii' codec can't encode
 * character '\xe9' in position 1: ordinal not in range(128)". Returns: NULL. */
PrObject *pr_unicode_error_raise(PrType *type, const char *encoding, PrObject *object,
                                 ssize_t start, ssize_t end, const char *reason);

/* Accessors for the chaining fields of an exception instance. get: borrowed, may be NULL.
 * set: takes over the reference (NULL clears); setting the cause also sets
 * __suppress_context__, as `raise ... from ...` does. */
PrObject *pr_exception_context_borrow(PrObject *exc);
PrObject *pr_exception_cause_borrow(PrObject *exc);
PrObject *pr_exception_args_borrow(PrObject *exc);
void pr_exception_set_context_steal(PrObject *exc, PrObject *context);
void pr_exception_set_cause_steal(PrObject *exc, PrObject *cause);

#endif
