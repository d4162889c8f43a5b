/* vm/eval_ops.c — the operations of the eval loop that are too long to inline there
 * (vm/eval_impl.h): subscripts, containment, unpacking, raise, imports, f-string pieces, the
 * argument juggling of f(*args, **kwargs), context managers. Error texts are CPython 3.11's. */
#include "vm/eval_impl.h"

#include "memory/obmalloc.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/iterate.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "stdlib/modules.h"
#include "vm/errors.h"
#include "vm/function.h"

#include <string.h>

PrObject *pr_vm_int(ssize_t v)
{
    return pr_long_from_int64((int64_t)v);
}

/* ============================================================================================
 *  Subscripts and containment
 * ============================================================================================ */

/* A sequence index from key, negative values counted from the end. Returns: 0 or -1. */
static int sequence_index(PrObject *o, PrObject *key, ssize_t *i)
{
    if (!PR_TYPE_OF(key)->number.nb_index && !PR_LONG_CHECK(key)) {
        pr_err_format(PR_EXC(TypeError), "sequence index must be integer, not '%s'",
                      PR_TYPE_OF(key)->name);
        return -1;
    }
    if (pr_index_as_ssize(key, i, PR_EXC(IndexError)) < 0) {
        return -1;
    }
    if (*i < 0 && PR_TYPE_OF(o)->sequence.sq_length) {
        ssize_t n = PR_TYPE_OF(o)->sequence.sq_length(o);
        if (n < 0) {
            return -1;
        }
        *i += n;
    }
    return 0;
}

PrObject *pr_vm_getitem(PrObject *o, PrObject *key)
{
    PrType *t = PR_TYPE_OF(o);
    if (t->mapping.mp_subscript) {
        return t->mapping.mp_subscript(o, key);
    }
    if (t->sequence.sq_item) {
        ssize_t i;
        return sequence_index(o, key, &i) < 0 ? NULL : t->sequence.sq_item(o, i);
    }
    if (PR_TYPE_HAS_FLAG(t, PR_TPFLAG_TYPE_SUBCLASS)) {
        return pr_err_format(PR_EXC(TypeError), "type '%s' is not subscriptable",
                             ((PrType *)o)->name);
    }
    return pr_err_format(PR_EXC(TypeError), "'%s' object is not subscriptable", t->name);
}

int pr_vm_setitem(PrObject *o, PrObject *key, PrObject *value)
{
    PrType *t = PR_TYPE_OF(o);
    if (t->mapping.mp_ass_subscript) {
        return t->mapping.mp_ass_subscript(o, key, value);
    }
    if (t->sequence.sq_ass_item) {
        ssize_t i;
        return sequence_index(o, key, &i) < 0 ? -1 : t->sequence.sq_ass_item(o, i, value);
    }
    if (value) {
        pr_err_format(PR_EXC(TypeError), "'%s' object does not support item assignment", t->name);
    } else {
        pr_err_format(PR_EXC(TypeError), "'%s' object doesn't support item deletion", t->name);
    }
    return -1;
}

int pr_vm_contains(PrObject *container, PrObject *item)
{
    PrType *t = PR_TYPE_OF(container);
    if (t->sequence.sq_contains) {
        return t->sequence.sq_contains(container, item);
    }
    if (!t->iter) {
        pr_err_format(PR_EXC(TypeError), "argument of type '%s' is not iterable", t->name);
        return -1;
    }
    PrObject *it = pr_object_get_iter(container);
    if (!it) {
        return -1;
    }
    int found = 0;
    for (PrObject *x; !found && (x = pr_iter_next(it));) {
        found = pr_object_richcompare_bool(x, item, PR_EQ);
        PR_DECREF(x);
    }
    PR_DECREF(it);
    if (found == 0 && pr_err_occurred()) {
        found = -1;
    }
    return found;
}

/* ============================================================================================
 *  Unpacking
 * ============================================================================================ */

static int unpack_error_count(int expected, ssize_t got, int at_least)
{
    pr_err_format(PR_EXC(ValueError), "not enough values to unpack (expected %s%d, got %zd)",
                  at_least ? "at least " : "", expected, got);
    return -1;
}

/* Unpacking an exact tuple or list: the items are there, no iterator is needed (the errors
 * are the ones iteration would give). */
static int unpack_items(PrObject *const *items, ssize_t n, int argcnt, int argcntafter,
                        PrObject **sp)
{
    if (argcntafter < 0) {
        if (n < argcnt) {
            return unpack_error_count(argcnt, n, 0);
        }
        if (n > argcnt) {
            pr_err_format(PR_EXC(ValueError), "too many values to unpack (expected %d)", argcnt);
            return -1;
        }
        for (int i = 0; i < argcnt; i++) {
            *--sp = PR_NEWREF(items[i]);
        }
        return 0;
    }
    if (n < argcnt + argcntafter) {
        return unpack_error_count(argcnt + argcntafter, n, 1);
    }
    PrObject *rest = pr_list_from_array(items + argcnt, n - argcnt - argcntafter);
    if (!rest) {
        return -1;
    }
    for (int i = 0; i < argcnt; i++) {
        *--sp = PR_NEWREF(items[i]);
    }
    *--sp = rest;
    for (ssize_t i = n - argcntafter; i < n; i++) {
        *--sp = PR_NEWREF(items[i]);
    }
    return 0;
}

/* CPython's unpack_iterable. */
int pr_vm_unpack(PrObject *v, int argcnt, int argcntafter, PrObject **sp)
{
    int stored = 0;
    PrObject *it = NULL, *rest = NULL;
    if (PR_TUPLE_CHECK_EXACT(v)) {
        return unpack_items(PR_TUPLE_ITEMS(v), PR_TUPLE_SIZE(v), argcnt, argcntafter, sp);
    }
    if (PR_LIST_CHECK_EXACT(v)) {
        return unpack_items(PR_LIST_ITEMS(v), PR_LIST_SIZE(v), argcnt, argcntafter, sp);
    }
    if (!PR_TYPE_OF(v)->iter) {
        pr_err_format(PR_EXC(TypeError), "cannot unpack non-iterable %s object",
                      PR_TYPE_OF(v)->name);
        return -1;
    }
    if (!(it = pr_object_get_iter(v))) {
        return -1;
    }
    for (; stored < argcnt; stored++) {
        PrObject *x = pr_iter_next(it);
        if (!x) {
            if (!pr_err_occurred()) {
                unpack_error_count(argcnt + (argcntafter > 0 ? argcntafter : 0), stored,
                                   argcntafter >= 0);
            }
            goto fail;
        }
        *--sp = x;
    }
    if (argcntafter < 0) {
        PrObject *x = pr_iter_next(it);
        if (x) {
            PR_DECREF(x);
            pr_err_format(PR_EXC(ValueError), "too many values to unpack (expected %d)", argcnt);
            goto fail;
        }
        if (pr_err_occurred()) {
            goto fail;
        }
        PR_DECREF(it);
        return 0;
    }
    if (!(rest = pr_list_new(0))) {
        goto fail;
    }
    for (PrObject *x; (x = pr_iter_next(it));) {
        int r = pr_list_append(rest, x);
        PR_DECREF(x);
        if (r < 0) {
            goto fail;
        }
    }
    if (pr_err_occurred()) {
        goto fail;
    }
    ssize_t n = PR_LIST_SIZE(rest);
    if (n < argcntafter) {
        unpack_error_count(argcnt + argcntafter, argcnt + n, 1);
        goto fail;
    }
    /* the last argcntafter items of rest go after it on the stack */
    *--sp = rest;
    stored++;
    for (ssize_t j = argcntafter; j > 0; j--) {
        PrObject *x = pr_list_pop(rest, n - j);
        if (!x) {
            goto fail;
        }
        *--sp = x;
        stored++;
        n--; /* the next one is again at n - (j - 1) of the shorter list */
    }
    PR_DECREF(it);
    return 0;
fail:
    for (int i = 0; i < stored; i++) {
        PR_DECREF(*sp);
        *sp++ = NULL;
    }
    if (rest && stored <= argcnt) {
        PR_DECREF(rest);
    }
    PR_XDECREF(it);
    return -1;
}

/* ============================================================================================
 *  raise and except
 * ============================================================================================ */

static int is_exc_class(PrObject *o)
{
    return PR_EXC_CLASS_CHECK(o);
}

/* An exception instance from `raise X` operand: a class is called with no argument. */
static PrObject *make_exception(PrObject *exc, const char *what)
{
    if (is_exc_class(exc)) {
        PrObject *inst = pr_object_call(exc, NULL, 0, NULL);
        if (inst && !PR_EXC_INSTANCE_CHECK(inst)) {
            pr_err_format(PR_EXC(TypeError),
                          "calling %R should have returned an instance of BaseException, not %s",
                          exc, PR_TYPE_OF(inst)->name);
            PR_CLEAR(inst);
        }
        return inst;
    }
    if (PR_EXC_INSTANCE_CHECK(exc)) {
        return PR_NEWREF(exc);
    }
    return pr_err_set(PR_EXC(TypeError), what);
}

int pr_vm_do_raise(PrObject *exc, PrObject *cause)
{
    PrObject *value = make_exception(exc, "exceptions must derive from BaseException");
    if (!value) {
        return -1;
    }
    if (cause) {
        PrObject *c = NULL;
        if (cause != PR_None) {
            c = make_exception(cause, "exception causes must derive from BaseException");
            if (!c) {
                PR_DECREF(value);
                return -1;
            }
        }
        pr_exception_set_cause_steal(value, c); /* sets __suppress_context__ too */
    }
    pr_err_set_object(PR_TYPE_OF(value), value);
    PR_DECREF(value);
    return -1;
}

int pr_vm_check_except_type(PrObject *right)
{
    if (PR_TUPLE_CHECK(right)) {
        for (ssize_t i = 0; i < PR_TUPLE_SIZE(right); i++) {
            if (!is_exc_class(PR_TUPLE_ITEMS(right)[i])) {
                goto bad;
            }
        }
        return 0;
    }
    if (is_exc_class(right)) {
        return 0;
    }
bad:
    pr_err_set(PR_EXC(TypeError),
               "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

/* The NameError keeps the name (exc.name), so the traceback printer can suggest a close one. */
void pr_vm_name_error(PrObject *name)
{
    pr_err_format(PR_EXC(NameError), "name '%U' is not defined", name);
    PrObject *exc = pr_err_fetch();
    if (exc && PR_TYPE_OF(exc) == PR_EXC(NameError)) {
        PrObject *key = pr_str_intern_cstr("name");
        if (!key || pr_object_setattr(exc, key, name) < 0) {
            pr_err_clear();
        }
        PR_XDECREF(key);
    }
    pr_err_restore_steal(exc);
}

void pr_vm_unbound_error(PrCode *co, int i)
{
    PrObject *name = PR_TUPLE_ITEMS(co->localsplusnames)[i];
    if (co->localspluskinds[i] & PR_CO_FAST_FREE) {
        pr_err_format(PR_EXC(NameError),
                      "cannot access free variable '%U' where it is not associated with a value"
                      " in enclosing scope",
                      name);
    } else {
        pr_err_format(PR_EXC(UnboundLocalError),
                      "cannot access local variable '%U' where it is not associated with a value",
                      name);
    }
}

/* ============================================================================================
 *  Imports: built-in modules through stdlib/modules.h (.py files are not importable yet)
 * ============================================================================================ */

PrObject *pr_vm_import_name(PrObject *name, PrObject *fromlist, PrObject *level)
{
    return pr_import_name(name, fromlist, level);
}

/* `from m import name`: the attribute, else CPython's ImportError naming the module. */
PrObject *pr_vm_import_from(PrObject *module, PrObject *name)
{
    PrObject *v = pr_object_getattr(module, name);
    if (v || !pr_err_matches((PrObject *)PR_EXC(AttributeError))) {
        return v;
    }
    pr_err_clear();
    PrObject *mname = pr_object_getattr_cstr(module, "__name__");
    if (!mname || !PR_STR_CHECK(mname)) {
        PR_XDECREF(mname);
        pr_err_clear();
        return pr_err_format(PR_EXC(ImportError), "cannot import name '%U' (unknown location)",
                             name);
    }
    pr_err_format(PR_EXC(ImportError), "cannot import name '%U' from '%U' (unknown location)",
                  name, mname);
    PR_DECREF(mname);
    return NULL;
}

int pr_vm_import_star(PrObject *module, PrObject *locals)
{
    PrObject *dict = pr_object_getattr_cstr(module, "__dict__");
    if (!dict) {
        return -1;
    }
    int r = 0;
    if (!PR_DICT_CHECK(dict)) {
        pr_err_set(PR_EXC(TypeError), "module __dict__ must be a dict");
        r = -1;
    }
    ssize_t pos = 0;
    PrObject *k, *v;
    while (r == 0 && pr_dict_next(dict, &pos, &k, &v)) {
        if (PR_STR_CHECK(k) && PR_STR_DATA(k)[0] != '_') {
            r = pr_vm_setitem(locals, k, v);
        }
    }
    PR_DECREF(dict);
    return r;
}

/* ============================================================================================
 *  f-strings
 * ============================================================================================ */

/* ascii(o): repr(o) with every non-ASCII character escaped. */
static PrObject *ascii_of(PrObject *o)
{
    PrObject *r = pr_object_repr(o);
    if (!r || ((PrStr *)r)->ascii) {
        return r;
    }
    PrStrBuilder b;
    pr_str_builder_init(&b);
    const unsigned char *p = (const unsigned char *)PR_STR_DATA(r);
    while (*p) {
        uint32_t cp = *p;
        int n = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
        if (n > 1) {
            cp &= (0x7F >> n);
            for (int k = 1; k < n; k++) {
                cp = (cp << 6) | (p[k] & 0x3F);
            }
        }
        char buf[16];
        if (cp < 0x80) {
            buf[0] = (char)cp, buf[1] = '\0';
        } else if (cp < 0x100) {
            snprintf(buf, sizeof buf, "\\x%02x", cp);
        } else if (cp < 0x10000) {
            snprintf(buf, sizeof buf, "\\u%04x", cp);
        } else {
            snprintf(buf, sizeof buf, "\\U%08x", cp);
        }
        pr_str_builder_append_cstr(&b, buf);
        p += n;
    }
    PR_DECREF(r);
    return pr_str_builder_finish(&b);
}

PrObject *pr_vm_format_value(PrObject *value, int conversion, PrObject *spec)
{
    PrObject *v = NULL, *r = NULL;
    switch (conversion) {
    case PR_FVC_STR:
        v = pr_object_str(value);
        break;
    case PR_FVC_REPR:
        v = pr_object_repr(value);
        break;
    case PR_FVC_ASCII:
        v = ascii_of(value);
        break;
    default:
        v = PR_NEWREF(value);
        break;
    }
    if (!v) {
        return NULL;
    }
    if (PR_STR_CHECK_EXACT(v) && (!spec || PR_STR_BYTES(spec) == 0)) {
        return v;
    }
    PrObject *fmt_spec = spec ? spec : pr_interp.str.empty;
    PrObject *name = pr_str_intern_cstr("__format__");
    if (name && pr_type_lookup_borrow(PR_TYPE_OF(v), name)) {
        r = pr_object_call_method(v, name, &fmt_spec, 1);
    } else if (name && PR_STR_BYTES(fmt_spec) == 0) {
        r = pr_object_str(v); /* object.__format__(v, '') */
    } else if (name) {
        pr_err_format(PR_EXC(TypeError), "unsupported format string passed to %s.__format__",
                      PR_TYPE_OF(v)->name);
    }
    PR_XDECREF(name);
    if (r && !PR_STR_CHECK(r)) {
        pr_err_format(PR_EXC(TypeError), "__format__ must return a str, not %s",
                      PR_TYPE_OF(r)->name);
        PR_CLEAR(r);
    }
    PR_DECREF(v);
    return r;
}

PrObject *pr_vm_build_string(PrObject *const *items, ssize_t n)
{
    if (n == 1) {
        return PR_NEWREF(items[0]);
    }
    PrStrBuilder b;
    pr_str_builder_init(&b);
    for (ssize_t i = 0; i < n; i++) {
        pr_str_builder_append_str(&b, items[i]);
    }
    return pr_str_builder_finish(&b);
}

/* ============================================================================================
 *  Dict merging and f(*args, **kwargs)
 * ============================================================================================ */

PrObject *pr_vm_function_str(PrObject *func)
{
    if (PR_FUNCTION_CHECK(func)) {
        PrFunction *f = (PrFunction *)func;
        if (f->module && PR_STR_CHECK(f->module) && !pr_str_eq_cstr(f->module, "builtins")) {
            return pr_str_from_format("%U.%U()", f->module, f->qualname);
        }
        return pr_str_from_format("%U()", f->qualname);
    }
    if (PR_TYPE_OF(func) == PR_TYPE(builtin_function_or_method)) {
        return pr_str_from_format("%s()", ((PrCFunctionObject *)func)->def->name);
    }
    if (PR_TYPE_HAS_FLAG(PR_TYPE_OF(func), PR_TPFLAG_TYPE_SUBCLASS)) {
        return pr_str_from_format("%s()", ((PrType *)func)->name);
    }
    return pr_str_from_format("%s object", PR_TYPE_OF(func)->name);
}

int pr_vm_dict_update(PrObject *d, PrObject *other)
{
    if (!PR_DICT_CHECK(other)) {
        pr_err_format(PR_EXC(TypeError), "'%s' object is not a mapping", PR_TYPE_OF(other)->name);
        return -1;
    }
    ssize_t pos = 0;
    PrObject *k, *v;
    while (pr_dict_next(other, &pos, &k, &v)) {
        if (pr_dict_setitem(d, k, v) < 0) {
            return -1;
        }
    }
    return 0;
}

int pr_vm_dict_merge(PrObject *func, PrObject *d, PrObject *other)
{
    PrObject *fs = NULL;
    int r = -1;
    if (!PR_DICT_CHECK(other)) {
        if ((fs = pr_vm_function_str(func))) {
            pr_err_format(PR_EXC(TypeError), "%U argument after ** must be a mapping, not %s", fs,
                          PR_TYPE_OF(other)->name);
        }
        goto done;
    }
    ssize_t pos = 0;
    PrObject *k, *v;
    while (pr_dict_next(other, &pos, &k, &v)) {
        if (!PR_STR_CHECK(k)) {
            if ((fs = pr_vm_function_str(func))) {
                pr_err_format(PR_EXC(TypeError), "%U keywords must be strings", fs);
            }
            goto done;
        }
        int has = pr_dict_contains(d, k);
        if (has < 0) {
            goto done;
        }
        if (has) {
            if ((fs = pr_vm_function_str(func))) {
                pr_err_format(PR_EXC(TypeError), "%U got multiple values for keyword argument '%U'",
                              fs, k);
            }
            goto done;
        }
        if (pr_dict_setitem(d, k, v) < 0) {
            goto done;
        }
    }
    r = 0;
done:
    PR_XDECREF(fs);
    return r;
}

void pr_vm_free_args(PrObject **args, size_t n, PrObject *kwnames)
{
    if (!args) {
        return;
    }
    for (size_t i = 0; i < n; i++) {
        PR_XDECREF(args[i]);
    }
    PR_XDECREF(kwnames);
    pr_mem_free(args);
}

PrObject **pr_vm_explode_args(PrObject *func, PrObject *callargs, PrObject *kwargs, size_t *nargs,
                              PrObject **kwnames)
{
    PrObject *seq = NULL, **args = NULL;
    *kwnames = NULL;
    if (PR_TUPLE_CHECK(callargs)) {
        seq = PR_NEWREF(callargs);
    } else if (!PR_TYPE_OF(callargs)->iter) {
        PrObject *fs = pr_vm_function_str(func);
        if (fs) {
            pr_err_format(PR_EXC(TypeError), "%U argument after * must be an iterable, not %s", fs,
                          PR_TYPE_OF(callargs)->name);
            PR_DECREF(fs);
        }
        return NULL;
    } else {
        PrObject *list = pr_list_from_iterable(callargs);
        if (!list) {
            return NULL;
        }
        seq = pr_list_as_tuple(list);
        PR_DECREF(list);
        if (!seq) {
            return NULL;
        }
    }
    ssize_t np = PR_TUPLE_SIZE(seq), nk = kwargs ? pr_dict_size(kwargs) : 0;
    size_t total = (size_t)(np + nk);
    if (!(args = pr_mem_alloc((total ? total : 1) * sizeof *args))) {
        pr_err_no_memory();
        goto fail;
    }
    for (ssize_t i = 0; i < np; i++) {
        args[i] = PR_NEWREF(PR_TUPLE_ITEMS(seq)[i]);
    }
    if (nk) {
        if (!(*kwnames = pr_tuple_new(nk))) {
            for (ssize_t i = 0; i < np; i++) {
                PR_DECREF(args[i]);
            }
            pr_mem_free(args);
            args = NULL;
            goto fail;
        }
        ssize_t pos = 0, j = 0;
        PrObject *k, *v;
        while (pr_dict_next(kwargs, &pos, &k, &v)) {
            pr_tuple_set_steal(*kwnames, j, PR_NEWREF(k));
            args[np + j++] = PR_NEWREF(v);
        }
    }
    *nargs = (size_t)np;
fail:
    PR_DECREF(seq);
    return args;
}

/* ============================================================================================
 *  with
 * ============================================================================================ */

int pr_vm_enter_with(PrObject *mgr, PrObject **exit, PrObject **enter_result)
{
    PrObject *enter = pr_object_lookup_special(mgr, "__enter__");
    if (!enter) {
        if (!pr_err_occurred()) {
            pr_err_format(PR_EXC(TypeError),
                          "'%s' object does not support the context manager protocol",
                          PR_TYPE_OF(mgr)->name);
        }
        return -1;
    }
    *exit = pr_object_lookup_special(mgr, "__exit__");
    if (!*exit) {
        if (!pr_err_occurred()) {
            pr_err_format(PR_EXC(TypeError),
                          "'%s' object does not support the context manager protocol "
                          "(missed __exit__ method)",
                          PR_TYPE_OF(mgr)->name);
        }
        PR_DECREF(enter);
        return -1;
    }
    *enter_result = pr_object_call(enter, NULL, 0, NULL);
    PR_DECREF(enter);
    if (!*enter_result) {
        PR_CLEAR(*exit);
        return -1;
    }
    return 0;
}
