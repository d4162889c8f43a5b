/* stdlib/builtins.c — the builtins namespace (stdlib/builtins.h): a first set of functions,
 * written against CPython 3.11's behaviour and error texts, plus the built-in types, exception
 * classes and constants. Functions are `builtin_<name>`, one row each in builtin_methods. */
#include "stdlib/builtins.h"

#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/iterate.h"
#include "objects/long.h"
#include "objects/number.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "stdlib/fileio.h"
#include "stdlib/sys.h"
#include "vm/errors.h"

#include <stdio.h>
#include <string.h>

/* ---- argument helpers ----------------------------------------------------------------------- */

/* The value of keyword `name` in a vectorcall, or NULL when not given. */
static PrObject *keyword(PrObject *const *args, size_t nargs, PrObject *kwnames, const char *name)
{
    for (ssize_t i = 0; kwnames && i < PR_TUPLE_SIZE(kwnames); i++) {
        if (pr_str_eq_cstr(PR_TUPLE_ITEMS(kwnames)[i], name)) {
            return args[nargs + (size_t)i];
        }
    }
    return NULL;
}

/* TypeError "print() got an unexpected keyword argument 'x'" for keywords outside allowed
 * (a NULL-ended list). Returns: 0 or -1. */
static int check_keywords(const char *func, PrObject *kwnames, const char *const *allowed)
{
    for (ssize_t i = 0; kwnames && i < PR_TUPLE_SIZE(kwnames); i++) {
        PrObject *kw = PR_TUPLE_ITEMS(kwnames)[i];
        int ok = 0;
        for (const char *const *a = allowed; *a && !ok; a++) {
            ok = pr_str_eq_cstr(kw, *a);
        }
        if (!ok) {
            pr_err_format(PR_EXC(TypeError), "%s() got an unexpected keyword argument '%U'", func,
                          kw);
            return -1;
        }
    }
    return 0;
}

/* "len() takes exactly one argument (2 given)" style checks for VARARGS functions. */
static int check_nargs(const char *func, size_t nargs, size_t min, size_t max)
{
    if (nargs < min) {
        pr_err_format(PR_EXC(TypeError), "%s expected at least %zu argument%s, got %zu", func, min,
                      min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        pr_err_format(PR_EXC(TypeError), "%s expected at most %zu argument%s, got %zu", func, max,
                      max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* ---- print ---------------------------------------------------------------------------------- */

/* Writes the str s to file: C's stdout when file is NULL, else file.write(s). */
static int write_str(PrObject *file, PrObject *s)
{
    if (!file) {
        fwrite(PR_STR_DATA(s), 1, (size_t)PR_STR_BYTES(s), stdout);
        return 0;
    }
    PrObject *name = pr_str_intern_cstr("write");
    PrObject *r = name ? pr_object_call_method(file, name, &s, 1) : NULL;
    PR_XDECREF(name);
    if (!r) {
        return -1;
    }
    PR_DECREF(r);
    return 0;
}

/* Writes s when given, else the C string dflt. */
static int write_text(PrObject *file, PrObject *s, const char *dflt)
{
    if (s) {
        return write_str(file, s);
    }
    if (!file) {
        fputs(dflt, stdout);
        return 0;
    }
    PrObject *text = pr_str_from_cstr(dflt);
    int r = text ? write_str(file, text) : -1;
    PR_XDECREF(text);
    return r;
}

/* A sep= or end= argument: None means the default. */
static int str_or_none(const char *what, PrObject *v, PrObject **out)
{
    if (!v || v == PR_None) {
        return 0;
    }
    if (!PR_STR_CHECK(v)) {
        pr_err_format(PR_EXC(TypeError), "%s must be None or a string, not %s", what,
                      PR_TYPE_OF(v)->name);
        return -1;
    }
    *out = v;
    return 0;
}

static PrObject *builtin_print(PrObject *self, PrObject *const *args, size_t nargs,
                               PrObject *kwnames)
{
    static const char *const allowed[] = {"sep", "end", "file", "flush", NULL};
    PrObject *sep = NULL, *end = NULL;
    if (check_keywords("print", kwnames, allowed) < 0 ||
        str_or_none("sep", keyword(args, nargs, kwnames, "sep"), &sep) < 0 ||
        str_or_none("end", keyword(args, nargs, kwnames, "end"), &end) < 0) {
        return NULL;
    }
    PrObject *file = keyword(args, nargs, kwnames, "file");
    PrObject *flush = keyword(args, nargs, kwnames, "flush");
    if (!file || file == PR_None) {
        file = pr_sys_stdout_override_borrow();
    }
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0 && write_text(file, sep, " ") < 0) {
            return NULL;
        }
        PrObject *s = pr_object_str(args[i]);
        int r = s ? write_str(file, s) : -1;
        PR_XDECREF(s);
        if (r < 0) {
            return NULL;
        }
    }
    if (write_text(file, end, "\n") < 0) {
        return NULL;
    }
    if (flush) {
        int t = pr_object_is_true(flush);
        if (t < 0) {
            return NULL;
        }
        if (t && !file) {
            fflush(stdout);
        } else if (t) {
            PrObject *name = pr_str_intern_cstr("flush");
            PrObject *r = name ? pr_object_call_method(file, name, NULL, 0) : NULL;
            PR_XDECREF(name);
            if (!r) {
                return NULL;
            }
            PR_DECREF(r);
        }
    }
    PR_RETURN_NONE;
}

/* ---- one-argument functions ----------------------------------------------------------------- */

static PrObject *builtin_len(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    ssize_t n = pr_object_length(args[0]);
    return n < 0 ? NULL : pr_long_from_int64(n);
}

static PrObject *builtin_repr(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return pr_object_repr(args[0]);
}

static PrObject *builtin_abs(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return pr_number_absolute(args[0]);
}

static PrObject *builtin_id(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return pr_long_from_uint64((uint64_t)(uintptr_t)args[0]);
}

static PrObject *builtin_hash(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    PrHash h = pr_object_hash(args[0]);
    return h == -1 ? NULL : pr_long_from_int64(h);
}

static PrObject *builtin_callable(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kw)
{
    return pr_bool_from_long(PR_TYPE_OF(args[0])->call != NULL);
}

/* ---- isinstance ----------------------------------------------------------------------------- */

static int is_type(PrObject *o)
{
    return PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_TYPE_SUBCLASS);
}

static int isinstance_check(PrObject *o, PrObject *cls, int depth)
{
    if (is_type(cls)) {
        return pr_object_is_instance(o, (PrType *)cls);
    }
    if (PR_TUPLE_CHECK(cls) && depth < 100) {
        for (ssize_t i = 0; i < PR_TUPLE_SIZE(cls); i++) {
            int r = isinstance_check(o, PR_TUPLE_ITEMS(cls)[i], depth + 1);
            if (r) {
                return r;
            }
        }
        return 0;
    }
    pr_err_set(PR_EXC(TypeError),
               "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

static PrObject *builtin_isinstance(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kw)
{
    if (nargs != 2) {
        return pr_err_format(PR_EXC(TypeError), "isinstance expected 2 arguments, got %zu",
                             nargs);
    }
    int r = isinstance_check(args[0], args[1], 0);
    return r < 0 ? NULL : pr_bool_from_long(r);
}

/* ---- iteration ------------------------------------------------------------------------------ */

static PrObject *builtin_iter(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (check_nargs("iter", nargs, 1, 1) < 0) {
        return NULL;
    }
    return pr_object_get_iter(args[0]);
}

static PrObject *builtin_next(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (check_nargs("next", nargs, 1, 2) < 0) {
        return NULL;
    }
    PrObject *it = args[0];
    if (!PR_TYPE_OF(it)->iternext) {
        return pr_err_format(PR_EXC(TypeError), "'%s' object is not an iterator",
                             PR_TYPE_OF(it)->name);
    }
    PrObject *v = PR_TYPE_OF(it)->iternext(it);
    if (v) {
        return v;
    }
    if (pr_err_occurred()) {
        if (nargs < 2 || !pr_err_matches((PrObject *)PR_EXC(StopIteration))) {
            return NULL;
        }
        pr_err_clear();
    }
    if (nargs == 2) {
        return PR_NEWREF(args[1]);
    }
    return pr_err_set_object(PR_EXC(StopIteration), NULL);
}

/* min() and max(): one iterable or several arguments, key=, default= (CPython's min_max). */
static PrObject *min_max(const char *name, PrCompareOp op, PrObject *const *args, size_t nargs,
                         PrObject *kwnames)
{
    static const char *const allowed[] = {"key", "default", NULL};
    if (check_keywords(name, kwnames, allowed) < 0) {
        return NULL;
    }
    PrObject *key = keyword(args, nargs, kwnames, "key");
    PrObject *dflt = keyword(args, nargs, kwnames, "default");
    if (key == PR_None) {
        key = NULL;
    }
    if (nargs == 0) {
        return pr_err_format(PR_EXC(TypeError), "%s expected at least 1 argument, got 0", name);
    }
    if (nargs > 1 && dflt) {
        return pr_err_format(PR_EXC(TypeError),
                             "Cannot specify a default for %s() with multiple positional "
                             "arguments",
                             name);
    }
    PrObject *it = nargs == 1 ? pr_object_get_iter(args[0]) : NULL;
    if (nargs == 1 && !it) {
        return NULL;
    }
    PrObject *best = NULL, *best_key = NULL;
    for (size_t i = 0;; i++) {
        PrObject *item;
        if (it) {
            if (!(item = pr_iter_next(it))) {
                break;
            }
        } else {
            if (i >= nargs) {
                break;
            }
            item = PR_NEWREF(args[i]);
        }
        PrObject *k = key ? pr_object_call(key, &item, 1, NULL) : PR_NEWREF(item);
        if (!k) {
            PR_DECREF(item);
            goto fail;
        }
        int better = 1;
        if (best && (better = pr_object_richcompare_bool(k, best_key, op)) < 0) {
            PR_DECREF(item);
            PR_DECREF(k);
            goto fail;
        }
        if (better) {
            PR_SETREF(best, item);
            PR_SETREF(best_key, k);
        } else {
            PR_DECREF(item);
            PR_DECREF(k);
        }
    }
    if (pr_err_occurred()) {
        goto fail;
    }
    PR_XDECREF(it);
    PR_XDECREF(best_key);
    if (!best) {
        if (dflt) {
            return PR_NEWREF(dflt);
        }
        return pr_err_format(PR_EXC(ValueError), "%s() arg is an empty sequence", name);
    }
    return best;
fail:
    PR_XDECREF(it);
    PR_XDECREF(best);
    PR_XDECREF(best_key);
    return NULL;
}

static PrObject *builtin_min(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return min_max("min", PR_LT, args, nargs, kw);
}

static PrObject *builtin_max(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return min_max("max", PR_GT, args, nargs, kw);
}

static PrObject *builtin_sum(PrObject *self, PrObject *const *args, size_t nargs,
                             PrObject *kwnames)
{
    static const char *const allowed[] = {"start", NULL};
    if (check_keywords("sum", kwnames, allowed) < 0 || check_nargs("sum", nargs, 1, 2) < 0) {
        return NULL;
    }
    PrObject *start = nargs == 2 ? args[1] : keyword(args, nargs, kwnames, "start");
    if (start && PR_STR_CHECK(start)) {
        return pr_err_set(PR_EXC(TypeError), "sum() can't sum strings [use ''.join(seq) instead]");
    }
    PrObject *it = pr_object_get_iter(args[0]);
    if (!it) {
        return NULL;
    }
    PrObject *total = start ? PR_NEWREF(start) : pr_long_from_int64(0);
    for (PrObject *x; total && (x = pr_iter_next(it));) {
        PR_SETREF(total, pr_number_add(total, x));
        PR_DECREF(x);
    }
    PR_DECREF(it);
    if (total && pr_err_occurred()) {
        PR_CLEAR(total);
    }
    return total;
}

/* ---- attributes ----------------------------------------------------------------------------- */

static PrObject *builtin_getattr(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kw)
{
    if (check_nargs("getattr", nargs, 2, 3) < 0) {
        return NULL;
    }
    if (!PR_STR_CHECK(args[1])) {
        return pr_err_set(PR_EXC(TypeError), "getattr(): attribute name must be string");
    }
    PrObject *v = pr_object_getattr(args[0], args[1]);
    if (!v && nargs == 3 && pr_err_matches((PrObject *)PR_EXC(AttributeError))) {
        pr_err_clear();
        v = PR_NEWREF(args[2]);
    }
    return v;
}

static PrObject *builtin_hasattr(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kw)
{
    if (nargs != 2) {
        return pr_err_format(PR_EXC(TypeError), "hasattr expected 2 arguments, got %zu", nargs);
    }
    if (!PR_STR_CHECK(args[1])) {
        return pr_err_set(PR_EXC(TypeError), "hasattr(): attribute name must be string");
    }
    PrObject *v = pr_object_getattr(args[0], args[1]);
    if (v) {
        PR_DECREF(v);
        return PR_NEWREF(PR_True);
    }
    if (!pr_err_matches((PrObject *)PR_EXC(AttributeError))) {
        return NULL;
    }
    pr_err_clear();
    return PR_NEWREF(PR_False);
}

static PrObject *builtin_setattr(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kw)
{
    if (nargs != 3) {
        return pr_err_format(PR_EXC(TypeError), "setattr expected 3 arguments, got %zu", nargs);
    }
    if (pr_object_setattr(args[0], args[1], args[2]) < 0) {
        return NULL;
    }
    PR_RETURN_NONE;
}

/* ---- the namespace -------------------------------------------------------------------------- */

static const PrMethodDef builtin_methods[] = {
    {"abs", builtin_abs, PR_METH_O, "Return the absolute value of the argument."},
    {"callable", builtin_callable, PR_METH_O, "Return whether the object is callable."},
    {"getattr", builtin_getattr, PR_METH_VARARGS, "Get a named attribute from an object."},
    {"hasattr", builtin_hasattr, PR_METH_VARARGS, "Return whether the object has an attribute."},
    {"hash", builtin_hash, PR_METH_O, "Return the hash value for the given object."},
    {"id", builtin_id, PR_METH_O, "Return the identity of an object."},
    {"isinstance", builtin_isinstance, PR_METH_VARARGS, "Return whether an object is an "
                                                        "instance of a class."},
    {"iter", builtin_iter, PR_METH_VARARGS, "Get an iterator from an object."},
    {"len", builtin_len, PR_METH_O, "Return the number of items in a container."},
    {"max", builtin_max, PR_METH_VARARGS | PR_METH_KEYWORDS, "Return the largest item."},
    {"min", builtin_min, PR_METH_VARARGS | PR_METH_KEYWORDS, "Return the smallest item."},
    {"input", pr_builtin_input, PR_METH_VARARGS, "Read a string from standard input."},
    {"next", builtin_next, PR_METH_VARARGS, "Return the next item from the iterator."},
    {"open", pr_builtin_open, PR_METH_VARARGS | PR_METH_KEYWORDS, "Open file and return a "
                                                                  "stream."},
    {"print", builtin_print, PR_METH_VARARGS | PR_METH_KEYWORDS, "Prints the values to a "
                                                                 "stream, or to sys.stdout."},
    {"repr", builtin_repr, PR_METH_O, "Return the canonical string representation."},
    {"setattr", builtin_setattr, PR_METH_VARARGS, "Sets the named attribute on the given "
                                                  "object."},
    {"sum", builtin_sum, PR_METH_VARARGS | PR_METH_KEYWORDS, "Return the sum of a 'start' value "
                                                             "plus an iterable of numbers."},
    {NULL, NULL, 0, NULL},
};

/* The built-in types that carry a builtin name (types.def also lists internal types). */
static const char *const builtin_type_names[] = {
    "object", "type",  "bool",   "int",   "float", "complex", "str",       "bytes", "bytearray",
    "tuple",  "list",  "dict",   "set",   "frozenset", "range", "slice",   "memoryview",
    "property", "staticmethod", "classmethod", "super", "enumerate", "zip", "map", "filter",
    "reversed", NULL,
};

static int add_types(PrObject *ns)
{
    static PrType *const types[] = {
#define PR_TYPE_DEF(name, spec) PR_TYPE(name),
#include "objects/types.def"
#undef PR_TYPE_DEF
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        for (const char *const *n = builtin_type_names; *n; n++) {
            if (strcmp(types[i]->name, *n) == 0 &&
                pr_dict_setitem_cstr(ns, *n, (PrObject *)types[i]) < 0) {
                return -1;
            }
        }
    }
    for (int i = 0; i < PR_EXC_COUNT; i++) {
        PrType *t = &pr_interp.exc_types[i];
        if (pr_dict_setitem_cstr(ns, t->name, (PrObject *)t) < 0) {
            return -1;
        }
    }
    return 0;
}

static int add_functions(PrObject *ns)
{
    for (const PrMethodDef *d = builtin_methods; d->name; d++) {
        PrObject *f = pr_cfunction_new(d, NULL, NULL);
        int r = f ? pr_dict_setitem_cstr(ns, d->name, f) : -1;
        PR_XDECREF(f);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

PrObject *pr_builtins_new_namespace(void)
{
    PrObject *ns = pr_dict_new();
    if (!ns) {
        return NULL;
    }
    PrObject *name = pr_str_from_cstr("builtins");
    if (!name || pr_dict_setitem_cstr(ns, "__name__", name) < 0 ||
        pr_dict_setitem_cstr(ns, "None", PR_None) < 0 ||
        pr_dict_setitem_cstr(ns, "Ellipsis", PR_Ellipsis) < 0 ||
        pr_dict_setitem_cstr(ns, "NotImplemented", PR_NotImplemented) < 0 ||
        pr_dict_setitem_cstr(ns, "True", PR_True) < 0 ||
        pr_dict_setitem_cstr(ns, "False", PR_False) < 0 ||
        pr_dict_setitem_cstr(ns, "__debug__", PR_True) < 0 || add_types(ns) < 0 ||
        add_functions(ns) < 0) {
        PR_XDECREF(name);
        PR_DECREF(ns);
        return NULL;
    }
    PR_DECREF(name);
    return ns;
}
