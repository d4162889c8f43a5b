/* objects/exceptions.c — the built-in exception classes of objects/exceptions.def and the
 * behaviour of their instances (args, chaining attributes, str, repr). Contracts in
 * objects/exceptions.h; raising is vm/errors.c. */
#include "objects/exceptions.h"

#include "objects/bytes.h"
#include "objects/long.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/ucd.h"
#include "vm/errors.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>

#define EXC(o) ((PrBaseException *)(o))

/* ============================================================================================
 *  BaseException
 * ============================================================================================ */

/* Visits the non-NULL fields; stops at the first non-zero result. */
static int visit_fields(PrObject *const *fields, size_t n, PrVisitProc visit, void *arg)
{
    for (size_t i = 0; i < n; i++) {
        int rc = fields[i] ? visit(fields[i], arg) : 0;
        if (rc) {
            return rc;
        }
    }
    return 0;
}

static int exc_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrBaseException *e = EXC(self);
    PrObject *fields[] = {e->dict, e->args, e->notes, e->traceback, e->context, e->cause};
    return visit_fields(fields, sizeof fields / sizeof fields[0], visit, arg);
}

static int exc_clear(PrObject *self)
{
    PrBaseException *e = EXC(self);
    PR_CLEAR(e->dict);
    PR_CLEAR(e->args);
    PR_CLEAR(e->notes);
    PR_CLEAR(e->traceback);
    PR_CLEAR(e->context);
    PR_CLEAR(e->cause);
    return 0;
}

static void exc_dealloc(PrObject *self)
{
    pr_gc_untrack(self);
    self->type->clear(self);
    pr_object_free(self);
}

static PrObject *exc_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    PrBaseException *e = (PrBaseException *)pr_object_new(t);
    if (!e) {
        return NULL;
    }
    if (!(e->args = pr_tuple_from_array(args, (ssize_t)nargs))) {
        PR_DECREF(e);
        return NULL;
    }
    pr_gc_track((PrObject *)e);
    return (PrObject *)e;
}

static int exc_init(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (kwnames && PR_TUPLE_SIZE(kwnames)) {
        pr_err_format(PR_EXC(TypeError), "%s() takes no keyword arguments", self->type->name);
        return -1;
    }
    PrObject *t = pr_tuple_from_array(args, (ssize_t)nargs);
    if (!t) {
        return -1;
    }
    PR_SETREF(EXC(self)->args, t);
    return 0;
}

static PrObject *exc_str(PrObject *self)
{
    PrObject *args = EXC(self)->args;
    switch (PR_TUPLE_SIZE(args)) {
    case 0:
        return pr_str_from_cstr("");
    case 1:
        return pr_object_str(PR_TUPLE_ITEMS(args)[0]);
    default:
        return pr_object_str(args);
    }
}

static PrObject *exc_repr(PrObject *self)
{
    PrObject *args = EXC(self)->args;
    if (PR_TUPLE_SIZE(args) == 1) {
        return pr_str_from_format("%s(%R)", self->type->name, PR_TUPLE_ITEMS(args)[0]);
    }
    return pr_str_from_format("%s%R", self->type->name, args);
}

/* ---- attributes ------------------------------------------------------------------------------ */

static PrObject *or_none(PrObject *o)
{
    return PR_NEWREF(o ? o : PR_None);
}

static PrObject *exc_get_args(PrObject *self, void *closure)
{
    return PR_NEWREF(EXC(self)->args);
}

static int exc_set_args(PrObject *self, PrObject *value, void *closure)
{
    if (!value) {
        pr_err_set(PR_EXC(TypeError), "args may not be deleted");
        return -1;
    }
    if (!PR_TUPLE_CHECK(value)) { /* CPython converts any iterable: that comes with iterators */
        pr_err_format(PR_EXC(TypeError), "args must be a tuple, not '%s'", value->type->name);
        return -1;
    }
    PR_SETREF(EXC(self)->args, PR_NEWREF(value));
    return 0;
}

static PrObject *exc_get_traceback(PrObject *self, void *closure)
{
    return or_none(EXC(self)->traceback);
}

static int exc_set_traceback(PrObject *self, PrObject *value, void *closure)
{
    if (!value) {
        pr_err_set(PR_EXC(TypeError), "__traceback__ may not be deleted");
        return -1;
    }
    if (value != PR_None) { /* traceback objects come with the VM */
        pr_err_set(PR_EXC(TypeError), "__traceback__ must be a traceback or None");
        return -1;
    }
    PR_CLEAR(EXC(self)->traceback);
    return 0;
}

/* Stores value (None: NULL) in *field after checking it is an exception. */
static int set_chain_field(PrObject **field, PrObject *value, const char *what)
{
    if (!value) {
        pr_err_format(PR_EXC(TypeError), "__%s__ may not be deleted", what);
        return -1;
    }
    if (value != PR_None && !PR_EXC_INSTANCE_CHECK(value)) {
        pr_err_format(PR_EXC(TypeError), "exception %s must be None or derive from BaseException",
                      what);
        return -1;
    }
    PR_SETREF(*field, value == PR_None ? NULL : PR_NEWREF(value));
    return 0;
}

static PrObject *exc_get_context(PrObject *self, void *closure)
{
    return or_none(EXC(self)->context);
}

static int exc_set_context(PrObject *self, PrObject *value, void *closure)
{
    return set_chain_field(&EXC(self)->context, value, "context");
}

static PrObject *exc_get_cause(PrObject *self, void *closure)
{
    return or_none(EXC(self)->cause);
}

static int exc_set_cause(PrObject *self, PrObject *value, void *closure)
{
    if (set_chain_field(&EXC(self)->cause, value, "cause") < 0) {
        return -1;
    }
    EXC(self)->suppress_context = 1;
    return 0;
}

static const PrGetSetDef exc_getsets[] = {
    {"args", exc_get_args, exc_set_args, NULL, NULL},
    {"__traceback__", exc_get_traceback, exc_set_traceback, NULL, NULL},
    {"__context__", exc_get_context, exc_set_context, "exception context", NULL},
    {"__cause__", exc_get_cause, exc_set_cause, "exception cause", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const PrMemberDef exc_members[] = {
    {"__suppress_context__", PR_MEMBER_BOOL, offsetof(PrBaseException, suppress_context), 0, NULL},
    {"__notes__", PR_MEMBER_OBJECT_EX, offsetof(PrBaseException, notes), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

#define EXC_FLAGS (PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE)

static const PrType base_exception_template = {
    .doc = "Common base class for all exceptions",
    .basicsize = sizeof(PrBaseException),
    .flags = EXC_FLAGS | PR_TPFLAG_GC | PR_TPFLAG_BASE_EXC_SUBCLASS,
    .dealloc = exc_dealloc,
    .traverse = exc_traverse,
    .clear = exc_clear,
    .repr = exc_repr,
    .str = exc_str,
    .new = exc_new,
    .init = exc_init,
    .dictoffset = offsetof(PrBaseException, dict),
    .getsets = exc_getsets,
    .members = exc_members,
};

/* A subclass with BaseException's layout: everything is inherited. */
static const PrType layout_Base = {
    .flags = EXC_FLAGS,
};

/* ============================================================================================
 *  KeyError: str() of a single argument is its repr
 * ============================================================================================ */

static PrObject *keyerror_str(PrObject *self)
{
    PrObject *args = EXC(self)->args;
    if (PR_TUPLE_SIZE(args) == 1) {
        return pr_object_repr(PR_TUPLE_ITEMS(args)[0]);
    }
    return exc_str(self);
}

static const PrType layout_KeyError = {
    .flags = EXC_FLAGS,
    .str = keyerror_str,
};

/* ============================================================================================
 *  StopIteration (value) and SystemExit (code): one extra field each
 * ============================================================================================ */

/* The offset of the extra field for the type of self. */
static PrObject **extra_field(PrObject *self)
{
    return pr_object_is_instance(self, PR_EXC(StopIteration)) ? &((PrStopIteration *)self)->value
                                                              : &((PrSystemExit *)self)->code;
}

static int extra_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrObject *x = *extra_field(self);
    int rc = x ? visit(x, arg) : 0;
    return rc ? rc : exc_traverse(self, visit, arg);
}

static int extra_clear(PrObject *self)
{
    PR_CLEAR(*extra_field(self));
    return exc_clear(self);
}

static int stopiteration_init(PrObject *self, PrObject *const *args, size_t nargs,
                              PrObject *kwnames)
{
    if (exc_init(self, args, nargs, kwnames) < 0) {
        return -1;
    }
    PR_SETREF(((PrStopIteration *)self)->value, PR_NEWREF(nargs ? args[0] : PR_None));
    return 0;
}

static int systemexit_init(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (exc_init(self, args, nargs, kwnames) < 0) {
        return -1;
    }
    PrObject *code = nargs == 0 ? PR_None : nargs == 1 ? args[0] : EXC(self)->args;
    PR_SETREF(((PrSystemExit *)self)->code, PR_NEWREF(code));
    return 0;
}

static const PrMemberDef stopiteration_members[] = {
    {"value", PR_MEMBER_OBJECT, offsetof(PrStopIteration, value), 0, "generator return value"},
    {NULL, 0, 0, 0, NULL},
};

static const PrMemberDef systemexit_members[] = {
    {"code", PR_MEMBER_OBJECT, offsetof(PrSystemExit, code), 0, "exception code"},
    {NULL, 0, 0, 0, NULL},
};

static const PrType layout_StopIteration = {
    .basicsize = sizeof(PrStopIteration),
    .flags = EXC_FLAGS | PR_TPFLAG_GC,
    .traverse = extra_traverse,
    .clear = extra_clear,
    .init = stopiteration_init,
    .members = stopiteration_members,
};

static const PrType layout_SystemExit = {
    .basicsize = sizeof(PrSystemExit),
    .flags = EXC_FLAGS | PR_TPFLAG_GC,
    .traverse = extra_traverse,
    .clear = extra_clear,
    .init = systemexit_init,
    .members = systemexit_members,
};

/* ============================================================================================
 *  OSError: errno, strerror, filename; OSError(errno, strerror) picks the subclass errno names
 * ============================================================================================ */

#define OSERR(o) ((PrOSError *)(o))

static int oserror_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrOSError *e = OSERR(self);
    PrObject *fields[] = {e->myerrno, e->strerror, e->filename, e->filename2};
    int rc = visit_fields(fields, sizeof fields / sizeof fields[0], visit, arg);
    return rc ? rc : exc_traverse(self, visit, arg);
}

static int oserror_clear(PrObject *self)
{
    PR_CLEAR(OSERR(self)->myerrno);
    PR_CLEAR(OSERR(self)->strerror);
    PR_CLEAR(OSERR(self)->filename);
    PR_CLEAR(OSERR(self)->filename2);
    return exc_clear(self);
}

/* CPython's errmap: the subclass of OSError for an errno value, or OSError itself. */
static PrType *oserror_subclass(long e)
{
    switch (e) {
    case EEXIST:
        return PR_EXC(FileExistsError);
    case ENOENT:
        return PR_EXC(FileNotFoundError);
    case EISDIR:
        return PR_EXC(IsADirectoryError);
    case ENOTDIR:
        return PR_EXC(NotADirectoryError);
    case EACCES:
    case EPERM:
        return PR_EXC(PermissionError);
    case ESRCH:
        return PR_EXC(ProcessLookupError);
    case ETIMEDOUT:
        return PR_EXC(TimeoutError);
    case EINTR:
        return PR_EXC(InterruptedError);
    case ECHILD:
        return PR_EXC(ChildProcessError);
    case EAGAIN:
    case EALREADY:
    case EINPROGRESS:
        return PR_EXC(BlockingIOError);
    case EPIPE:
    case ESHUTDOWN:
        return PR_EXC(BrokenPipeError);
    case ECONNABORTED:
        return PR_EXC(ConnectionAbortedError);
    case ECONNREFUSED:
        return PR_EXC(ConnectionRefusedError);
    case ECONNRESET:
        return PR_EXC(ConnectionResetError);
    default:
        return PR_EXC(OSError);
    }
}

static PrObject *oserror_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    int64_t e;
    if (t == PR_EXC(OSError) && nargs >= 2 && nargs <= 5 && PR_LONG_CHECK(args[0])) {
        if (pr_long_as_int64(args[0], &e) == 0) {
            t = oserror_subclass((long)e);
        } else {
            pr_err_clear();
        }
    }
    return exc_new(t, args, nargs, kwnames);
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]): with 2 to 5 arguments the
 * fields are set; with a filename other than None, args keeps (errno, strerror) only. */
static int oserror_init(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (exc_init(self, args, nargs, kwnames) < 0) {
        return -1;
    }
    if (nargs < 2 || nargs > 5) {
        return 0;
    }
    PR_SETREF(OSERR(self)->myerrno, PR_NEWREF(args[0]));
    PR_SETREF(OSERR(self)->strerror, PR_NEWREF(args[1]));
    if (nargs >= 3 && args[2] != PR_None) {
        PR_SETREF(OSERR(self)->filename, PR_NEWREF(args[2]));
        if (nargs == 5) {
            PR_SETREF(OSERR(self)->filename2, PR_NEWREF(args[4]));
        }
        PrObject *two = pr_tuple_from_array(args, 2);
        if (!two) {
            return -1;
        }
        PR_SETREF(EXC(self)->args, two);
    }
    return 0;
}

static PrObject *oserror_str(PrObject *self)
{
    PrOSError *e = OSERR(self);
    if (e->filename && e->filename2) {
        return pr_str_from_format("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror, e->filename,
                                  e->filename2);
    }
    if (e->filename) {
        return pr_str_from_format("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    }
    if (e->myerrno && e->strerror) {
        return pr_str_from_format("[Errno %S] %S", e->myerrno, e->strerror);
    }
    return exc_str(self);
}

static const PrMemberDef oserror_members[] = {
    {"errno", PR_MEMBER_OBJECT, offsetof(PrOSError, myerrno), 0, "POSIX exception code"},
    {"strerror", PR_MEMBER_OBJECT, offsetof(PrOSError, strerror), 0, "exception strerror"},
    {"filename", PR_MEMBER_OBJECT, offsetof(PrOSError, filename), 0, "exception filename"},
    {"filename2", PR_MEMBER_OBJECT, offsetof(PrOSError, filename2), 0, "second exception filename"},
    {NULL, 0, 0, 0, NULL},
};

static const PrType layout_OSError = {
    .basicsize = sizeof(PrOSError),
    .flags = EXC_FLAGS | PR_TPFLAG_GC,
    .traverse = oserror_traverse,
    .clear = oserror_clear,
    .new = oserror_new,
    .init = oserror_init,
    .str = oserror_str,
    .members = oserror_members,
};

/* ============================================================================================
 *  UnicodeEncodeError, UnicodeDecodeError: encoding, object, start, end, reason
 * ============================================================================================ */

#define UNIERR(o) ((PrUnicodeError *)(o))

static int unicode_error_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrUnicodeError *e = UNIERR(self);
    PrObject *fields[] = {e->encoding, e->object, e->start, e->end, e->reason};
    int rc = visit_fields(fields, sizeof fields / sizeof fields[0], visit, arg);
    return rc ? rc : exc_traverse(self, visit, arg);
}

static int unicode_error_clear(PrObject *self)
{
    PrUnicodeError *e = UNIERR(self);
    PR_CLEAR(e->encoding);
    PR_CLEAR(e->object);
    PR_CLEAR(e->start);
    PR_CLEAR(e->end);
    PR_CLEAR(e->reason);
    return exc_clear(self);
}

/* UnicodeEncodeError(encoding, object, start, end, reason): PyArg_ParseTuple's "UOnnU" checks,
 * the object a str for encoding errors and a bytes for decoding ones. */
static int unicode_error_init(PrObject *self, PrObject *const *args, size_t nargs,
                              PrObject *kwnames)
{
    int decode = pr_object_is_instance(self, PR_EXC(UnicodeDecodeError));
    if (exc_init(self, args, nargs, kwnames) < 0) {
        return -1;
    }
    if (nargs != 5) {
        pr_err_format(PR_EXC(TypeError), "function takes exactly 5 arguments (%zu given)", nargs);
        return -1;
    }
    for (int i = 0; i < 5; i++) {
        const char *tname = args[i] == PR_None ? "None" : PR_TYPE_OF(args[i])->name;
        if (i == 1 && decode && !PR_BYTES_CHECK(args[i])) {
            pr_err_format(PR_EXC(TypeError), "a bytes-like object is required, not '%s'", tname);
            return -1;
        }
        if ((i == 2 || i == 3) && !PR_LONG_CHECK(args[i])) {
            pr_err_format(PR_EXC(TypeError), "'%s' object cannot be interpreted as an integer",
                          tname);
            return -1;
        }
        if ((i == 0 || i == 4 || (i == 1 && !decode)) && !PR_STR_CHECK(args[i])) {
            pr_err_format(PR_EXC(TypeError), "argument %d must be str, not %s", i + 1, tname);
            return -1;
        }
    }
    PrUnicodeError *e = UNIERR(self);
    PR_SETREF(e->encoding, PR_NEWREF(args[0]));
    PR_SETREF(e->object, PR_NEWREF(args[1]));
    PR_SETREF(e->start, PR_NEWREF(args[2]));
    PR_SETREF(e->end, PR_NEWREF(args[3]));
    PR_SETREF(e->reason, PR_NEWREF(args[4]));
    return 0;
}

/* The one bad character of an encoding error as its escape: \xe9, \u20ac, \U0001f600. */
static void escape_char(PrObject *s, ssize_t i, char *buf, size_t cap)
{
    PrObject *c = pr_str_getitem(s, i);
    uint32_t cp = 0;
    if (c) {
        pr_ucd_utf8_decode(pr_str_utf8(c), (size_t)PR_STR_BYTES(c), &cp);
        PR_DECREF(c);
    } else {
        pr_err_clear();
    }
    snprintf(buf, cap, cp <= 0xFF ? "\\x%02x" : cp <= 0xFFFF ? "\\u%04x" : "\\U%08x", (unsigned)cp);
}

static PrObject *unicode_error_str(PrObject *self)
{
    PrUnicodeError *e = UNIERR(self);
    ssize_t start, end;
    if (!e->object || pr_long_as_ssize(e->start, &start) < 0 ||
        pr_long_as_ssize(e->end, &end) < 0) {
        return pr_err_occurred() ? NULL : pr_str_from_cstr("");
    }
    int decode = PR_BYTES_CHECK(e->object);
    ssize_t len = decode ? PR_BYTES_SIZE(e->object) : pr_str_length(e->object);
    if (start >= 0 && start < len && end == start + 1) {
        if (decode) {
            return pr_str_from_format("'%U' codec can't decode byte 0x%02x in position %zd: %U",
                                      e->encoding, (unsigned char)PR_BYTES_DATA(e->object)[start],
                                      start, e->reason);
        }
        char esc[16];
        escape_char(e->object, start, esc, sizeof esc);
        return pr_str_from_format("'%U' codec can't encode character '%s' in position %zd: %U",
                                  e->encoding, esc, start, e->reason);
    }
    return pr_str_from_format("'%U' codec can't %s in position %zd-%zd: %U", e->encoding,
                              decode ? "decode bytes" : "encode characters", start, end - 1,
                              e->reason);
}

static const PrMemberDef unicode_error_members[] = {
    {"encoding", PR_MEMBER_OBJECT, offsetof(PrUnicodeError, encoding), 0, "exception encoding"},
    {"object", PR_MEMBER_OBJECT, offsetof(PrUnicodeError, object), 0, "exception object"},
    {"start", PR_MEMBER_OBJECT, offsetof(PrUnicodeError, start), 0, "exception start"},
    {"end", PR_MEMBER_OBJECT, offsetof(PrUnicodeError, end), 0, "exception end"},
    {"reason", PR_MEMBER_OBJECT, offsetof(PrUnicodeError, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL},
};

static const PrType layout_UnicodeError = {
    .basicsize = sizeof(PrUnicodeError),
    .flags = EXC_FLAGS | PR_TPFLAG_GC,
    .traverse = unicode_error_traverse,
    .clear = unicode_error_clear,
    .init = unicode_error_init,
    .str = unicode_error_str,
    .members = unicode_error_members,
};

PrObject *pr_unicode_error_raise(PrType *type, const char *encoding, PrObject *object,
                                 ssize_t start, ssize_t end, const char *reason)
{
    PrObject *args[5] = {pr_str_from_cstr(encoding), object, pr_long_from_int64(start),
                         pr_long_from_int64(end), pr_str_from_cstr(reason)};
    PrObject *t = args[0] && args[2] && args[3] && args[4] ? pr_tuple_from_array(args, 5) : NULL;
    PrObject *exc = t ? pr_exception_new(type, t) : NULL;
    if (exc) {
        pr_err_set_object(type, exc);
        PR_DECREF(exc);
    }
    PR_XDECREF(t);
    PR_XDECREF(args[0]);
    PR_XDECREF(args[2]);
    PR_XDECREF(args[3]);
    PR_XDECREF(args[4]);
    return NULL;
}

/* ============================================================================================
 *  The table, start-up and shutdown
 * ============================================================================================ */

typedef struct ExcRow {
    const char *name;
    int base; /* PrExcId, or PR_EXCID_object */
    const PrType *layout;
} ExcRow;

static const ExcRow exc_rows[] = {
#define PR_EXC_DEF(name, base, layout) {#name, PR_EXCID_##base, &layout_##layout},
#include "objects/exceptions.def"
#undef PR_EXC_DEF
};
_Static_assert(sizeof exc_rows / sizeof exc_rows[0] == PR_EXC_COUNT,
               "exceptions.def expanded once per class");

int pr_exceptions_init(void)
{
    for (int i = 0; i < PR_EXC_COUNT; i++) {
        const ExcRow *row = &exc_rows[i];
        PrType *t = &pr_interp.exc_types[i];
        *t = i == PR_EXCID_BaseException ? base_exception_template : *row->layout;
        t->ob = (PrObject)PR_STATIC_HEADER(PR_TYPE(type));
        t->name = row->name;
        t->base = row->base < 0 ? PR_TYPE(object) : &pr_interp.exc_types[row->base];
    }
    for (int i = 0; i < PR_EXC_COUNT; i++) {
        if (pr_type_ready(&pr_interp.exc_types[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

void pr_exceptions_fini(void)
{
    for (int i = PR_EXC_COUNT; i-- > 0;) {
        pr_type_fini_static(&pr_interp.exc_types[i]);
    }
}

/* ============================================================================================
 *  Helpers for C code
 * ============================================================================================ */

PrObject *pr_exception_new(PrType *type, PrObject *args)
{
    PrObject *const *items = PR_TUPLE_ITEMS(args);
    size_t n = (size_t)PR_TUPLE_SIZE(args);
    PrObject *e = type->new (type, items, n, NULL);
    if (e && type->init(e, items, n, NULL) < 0) {
        PR_CLEAR(e);
    }
    return e;
}

PrObject *pr_exception_format_line(PrObject *exc)
{
    PrObject *msg = pr_object_str(exc), *r;
    if (!msg) {
        pr_err_clear();
        return pr_str_from_format("%s: <exception str() failed>", exc->type->name);
    }
    if (PR_STR_BYTES(msg) == 0) {
        r = pr_str_from_cstr(exc->type->name);
    } else {
        r = pr_str_from_format("%s: %U", exc->type->name, msg);
    }
    PR_DECREF(msg);
    return r;
}

PrObject *pr_exception_context_borrow(PrObject *exc)
{
    return EXC(exc)->context;
}

PrObject *pr_exception_cause_borrow(PrObject *exc)
{
    return EXC(exc)->cause;
}

PrObject *pr_exception_args_borrow(PrObject *exc)
{
    return EXC(exc)->args;
}

void pr_exception_set_context_steal(PrObject *exc, PrObject *context)
{
    PR_SETREF(EXC(exc)->context, context);
}

void pr_exception_set_cause_steal(PrObject *exc, PrObject *cause)
{
    PR_SETREF(EXC(exc)->cause, cause);
    EXC(exc)->suppress_context = 1;
}
