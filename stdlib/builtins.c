/* stdlib/builtins.c — the builtins namespace (stdlib/builtins.h): a first set of functions,
 * written against CPython 3.11's behaviour and error texts, plus the built-in types, exception
 * classes and constants. Functions are `builtin_<name>`, one row each in builtin_methods. */
#include "stdlib/builtins.h"

#include "objects/descr.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/iterate.h"
#include "objects/long.h"
#include "objects/list.h"
#include "objects/number.h"
#include "objects/ucd.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/strargs.h"
#include "objects/tuple.h"
#include "stdlib/builtins_types.h"
#include "stdlib/fileio.h"
#include "stdlib/sys.h"
#include "vm/cell.h"
#include "vm/errors.h"
#include "vm/frame.h"

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

/* TypeError "'x' is an invalid keyword argument for print()" for keywords outside allowed
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
            pr_err_format(PR_EXC(TypeError), "'%U' is an invalid keyword argument for %s()", kw,
                          func);
            return -1;
        }
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
    int t = flush ? pr_object_is_true(flush) : 0;
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

/* issubclass(derived, cls): cls a class or a (nested) tuple of them, checked left to right, so
 * a bad item after a match is not seen (CPython's object_issubclass). */
static int issubclass_check(PrObject *derived, PrObject *cls, int depth)
{
    if (PR_TUPLE_CHECK(cls) && depth < 100) {
        for (ssize_t i = 0; i < PR_TUPLE_SIZE(cls); i++) {
            int r = issubclass_check(derived, PR_TUPLE_ITEMS(cls)[i], depth + 1);
            if (r) {
                return r;
            }
        }
        return 0;
    }
    if (!is_type(derived)) {
        pr_err_set(PR_EXC(TypeError), "issubclass() arg 1 must be a class");
        return -1;
    }
    if (!is_type(cls)) {
        pr_err_set(PR_EXC(TypeError),
                   "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return pr_type_is_subtype((PrType *)derived, (PrType *)cls);
}

static PrObject *builtin_issubclass(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kw)
{
    if (nargs != 2) {
        return pr_err_format(PR_EXC(TypeError), "issubclass expected 2 arguments, got %zu",
                             nargs);
    }
    int r = issubclass_check(args[0], args[1], 0);
    return r < 0 ? NULL : pr_bool_from_long(r);
}

/* ---- iteration ------------------------------------------------------------------------------ */

static PrObject *builtin_iter(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (pr_strargs_count("iter", nargs, 1, 2) < 0) {
        return NULL;
    }
    return nargs == 2 ? pr_callable_iter_new(args[0], args[1]) : pr_object_get_iter(args[0]);
}

static PrObject *builtin_next(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (pr_strargs_count("next", nargs, 1, 2) < 0) {
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
    static const char *const names[] = {"", "start"};
    PrObject *arg[2] = {NULL, NULL};
    if (nargs == 0) {
        return pr_err_set(PR_EXC(TypeError), "sum() takes at least 1 positional argument (0 given)");
    }
    if (pr_strargs_keywords("sum", args, nargs, kwnames, names, 2, arg) < 0) {
        return NULL;
    }
    PrObject *start = arg[1];
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

/* sorted(iterable, /, *, key=None, reverse=False): a new list, then its sort method with the
 * keywords as given, so the errors are list.sort's ("'x' is an invalid keyword argument for
 * sort()"), as in CPython. */
static PrObject *builtin_sorted(PrObject *self, PrObject *const *args, size_t nargs,
                                PrObject *kwnames)
{
    if (nargs != 1) {
        return pr_err_format(PR_EXC(TypeError), "sorted expected 1 argument, got %zu", nargs);
    }
    PrObject *list = pr_list_from_iterable(args[0]);
    PrObject *sort = list ? pr_object_getattr_cstr(list, "sort") : NULL;
    PrObject *r = sort ? pr_object_call(sort, args + 1, 0, kwnames) : NULL;
    PR_XDECREF(sort);
    if (!r) {
        PR_XDECREF(list);
        return NULL;
    }
    PR_DECREF(r);
    return list;
}

/* any() and all(): the first item whose truth is `stop` ends the loop. */
static PrObject *any_all(PrObject *iterable, int stop)
{
    PrObject *it = pr_object_get_iter(iterable);
    if (!it) {
        return NULL;
    }
    int found = 0;
    for (PrObject *x; !found && (x = pr_iter_next(it));) {
        int t = pr_object_is_true(x);
        PR_DECREF(x);
        if (t < 0) {
            PR_DECREF(it);
            return NULL;
        }
        found = t == stop;
    }
    PR_DECREF(it);
    if (pr_err_occurred()) {
        return NULL;
    }
    return pr_bool_from_long(stop ? found : !found);
}

static PrObject *builtin_any(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return any_all(args[0], 1);
}

static PrObject *builtin_all(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return any_all(args[0], 0);
}

/* ---- numbers and text ----------------------------------------------------------------------- */

static PrObject *builtin_chr(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    PrObject *i = pr_number_index(args[0]);
    if (!i) {
        return NULL;
    }
    int64_t v = 0;
    int fits = pr_long_bit_length(i) < 32 && pr_long_as_int64(i, &v) == 0;
    PR_DECREF(i);
    if (!fits) {
        return pr_err_set(PR_EXC(OverflowError), "Python int too large to convert to C int");
    }
    if (v < 0 || v >= 0x110000) {
        return pr_err_set(PR_EXC(ValueError), "chr() arg not in range(0x110000)");
    }
    return pr_str_from_codepoint((uint32_t)v);
}

static PrObject *builtin_ord(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    PrObject *c = args[0];
    ssize_t n;
    if (PR_STR_CHECK(c)) {
        n = PR_STR_LENGTH(c);
        uint32_t cp = 0;
        if (n == 1) {
            pr_ucd_utf8_decode(PR_STR_DATA(c), (size_t)PR_STR_BYTES(c), &cp);
            return pr_long_from_int64(cp);
        }
    } else if (PR_BYTES_CHECK(c)) {
        n = PR_BYTES_SIZE(c);
        if (n == 1) {
            return pr_long_from_int64((unsigned char)PR_BYTES_DATA(c)[0]);
        }
    } else {
        return pr_err_format(PR_EXC(TypeError), "ord() expected string of length 1, but %s found",
                             PR_TYPE_OF(c)->name);
    }
    return pr_err_format(PR_EXC(TypeError),
                         "ord() expected a character, but string of length %zd found", n);
}

/* hex(), oct() and bin(): operator.index(x) in base 16, 8 or 2 with its prefix. */
static PrObject *int_to_base(PrObject *x, int base)
{
    PrObject *i = pr_number_index(x);
    PrObject *r = i ? pr_long_to_base(i, base, PR_BIGINT_PREFIX) : NULL;
    PR_XDECREF(i);
    return r;
}

static PrObject *builtin_hex(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return int_to_base(args[0], 16);
}

static PrObject *builtin_oct(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return int_to_base(args[0], 8);
}

static PrObject *builtin_bin(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return int_to_base(args[0], 2);
}

/* round(number, ndigits=None): number's __round__, with no argument when ndigits is None. The
 * rounding itself (half to even, exact for floats) is int's and float's __round__. */
static PrObject *builtin_round(PrObject *self, PrObject *const *args, size_t nargs,
                               PrObject *kwnames)
{
    static const char *const names[] = {"number", "ndigits"};
    PrObject *arg[2] = {NULL, NULL};
    if (pr_strargs_keywords("round", args, nargs, kwnames, names, 2, arg) < 0) {
        return NULL;
    }
    if (!arg[0]) {
        return pr_err_set(PR_EXC(TypeError), "round() missing required argument 'number' (pos 1)");
    }
    PrObject *meth = pr_object_lookup_special(arg[0], "__round__");
    if (!meth) {
        return pr_err_occurred() ? NULL
                                 : pr_err_format(PR_EXC(TypeError),
                                                 "type %s doesn't define __round__ method",
                                                 PR_TYPE_OF(arg[0])->name);
    }
    int with = arg[1] && arg[1] != PR_None;
    PrObject *r = pr_object_call(meth, &arg[1], with ? 1 : 0, NULL);
    PR_DECREF(meth);
    return r;
}

static PrObject *builtin_divmod(PrObject *self, PrObject *const *args, size_t nargs,
                                PrObject *kw)
{
    if (nargs != 2) {
        return pr_err_format(PR_EXC(TypeError), "divmod expected 2 arguments, got %zu", nargs);
    }
    return pr_number_divmod(args[0], args[1]);
}

/* pow(base, exp, mod=None). */
static PrObject *builtin_pow(PrObject *self, PrObject *const *args, size_t nargs,
                             PrObject *kwnames)
{
    static const char *const names[] = {"base", "exp", "mod"};
    PrObject *arg[3] = {NULL, NULL, NULL};
    if (pr_strargs_keywords("pow", args, nargs, kwnames, names, 3, arg) < 0) {
        return NULL;
    }
    for (int i = 0; i < 2; i++) {
        if (!arg[i]) {
            return pr_err_format(PR_EXC(TypeError), "pow() missing required argument '%s' (pos %d)",
                                 names[i], i + 1);
        }
    }
    if (!arg[2] || arg[2] == PR_None) {
        return pr_number_pow(arg[0], arg[1]);
    }
    return pr_long_pow3(arg[0], arg[1], arg[2]);
}

/* format(value, format_spec='', /): value.__format__(format_spec). */
static PrObject *builtin_format(PrObject *self, PrObject *const *args, size_t nargs,
                                PrObject *kw)
{
    if (pr_strargs_count("format", nargs, 1, 2) < 0) {
        return NULL;
    }
    if (nargs == 2 && !PR_STR_CHECK(args[1])) {
        return pr_err_format(PR_EXC(TypeError), "format() argument 2 must be str, not %s",
                             pr_strargs_type_name(args[1]));
    }
    PrObject *spec = nargs == 2 ? PR_NEWREF(args[1]) : pr_str_from_cstr("");
    PrObject *r = spec ? pr_str_format_object(args[0], spec) : NULL;
    PR_XDECREF(spec);
    return r;
}

static PrObject *builtin_ascii(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return pr_str_ascii(args[0]);
}

/* ---- attributes ----------------------------------------------------------------------------- */

static PrObject *builtin_getattr(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kw)
{
    if (pr_strargs_count("getattr", nargs, 2, 3) < 0) {
        return NULL;
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

static PrObject *builtin_delattr(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kw)
{
    if (nargs != 2) {
        return pr_err_format(PR_EXC(TypeError), "delattr expected 2 arguments, got %zu", nargs);
    }
    if (pr_object_delattr(args[0], args[1]) < 0) {
        return NULL;
    }
    PR_RETURN_NONE;
}

/* ---- namespaces: globals, locals, vars, dir ------------------------------------------------- */

/* The frame of the Python code that called the builtin. Errors: SystemError when there is
 * none (a call from C outside any frame). */
static PrFrame *caller_frame(const char *func)
{
    PrFrame *f = pr_interp.vm.frame;
    if (!f) {
        pr_err_format(PR_EXC(SystemError), "%s(): no current frame", func);
    }
    return f;
}

static PrObject *builtin_globals(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kw)
{
    PrFrame *f = caller_frame("globals");
    return f ? PR_NEWREF(f->globals) : NULL;
}

/* locals() of a function: a new dict of its bound local, cell and free variables (CPython 3.11
 * refreshes one dict per frame; a fresh snapshot reads the same). Module and class code return
 * their namespace itself. */
static PrObject *frame_locals(const char *func)
{
    PrFrame *f = caller_frame(func);
    if (!f || f->locals) {
        return f ? PR_NEWREF(f->locals) : NULL;
    }
    PrObject *d = pr_dict_new();
    PrCode *co = f->code;
    for (int i = 0; d && i < co->nlocalsplus; i++) {
        PrObject *v = f->localsplus[i];
        if (v && (co->localspluskinds[i] & (PR_CO_FAST_CELL | PR_CO_FAST_FREE)) &&
            PR_TYPE_OF(v) == PR_TYPE(cell)) {
            v = PR_CELL_GET_BORROW(v);
        }
        if (v && pr_dict_setitem(d, PR_TUPLE_ITEMS(co->localsplusnames)[i], v) < 0) {
            PR_CLEAR(d);
        }
    }
    return d;
}

static PrObject *builtin_locals(PrObject *self, PrObject *const *args, size_t nargs,
                                PrObject *kw)
{
    return frame_locals("locals");
}

static PrObject *builtin_vars(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (pr_strargs_count("vars", nargs, 0, 1) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return frame_locals("vars");
    }
    PrObject *d = pr_object_getattr_cstr(args[0], "__dict__");
    if (!d && pr_err_matches((PrObject *)PR_EXC(AttributeError))) {
        pr_err_clear();
        pr_err_set(PR_EXC(TypeError), "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* CPython's merge_class_dict: the names of t's dict and of its bases', recursively. */
static int merge_class_dict(PrObject *names, PrType *t)
{
    if (pr_dict_update(names, t->dict, 0) < 0) {
        return -1;
    }
    for (ssize_t i = 0; t->bases && i < PR_TUPLE_SIZE(t->bases); i++) {
        if (merge_class_dict(names, (PrType *)PR_TUPLE_ITEMS(t->bases)[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* object.__dir__ and type.__dir__ as one default: a type lists its own and its bases'
 * attributes; any other object its __dict__'s keys (when it has one) and its class's names. */
static PrObject *default_dir(PrObject *o)
{
    PrObject *names = pr_dict_new();
    if (!names) {
        return NULL;
    }
    int r = 0;
    if (is_type(o)) {
        r = merge_class_dict(names, (PrType *)o);
    } else {
        PrObject *d = pr_object_getattr_cstr(o, "__dict__");
        if (d) {
            r = PR_DICT_CHECK(d) ? pr_dict_update(names, d, 0) : 0;
            PR_DECREF(d);
        } else if (pr_err_matches((PrObject *)PR_EXC(AttributeError))) {
            pr_err_clear();
        } else {
            r = -1;
        }
        r = r < 0 ? -1 : merge_class_dict(names, PR_TYPE_OF(o));
    }
    PrObject *list = r < 0 ? NULL : pr_list_from_iterable(names);
    PR_DECREF(names);
    return list;
}

/* dir(): the sorted names of the caller's scope; dir(o): sorted(o.__dir__()), with the default
 * above for types that define no __dir__. */
static PrObject *builtin_dir(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (pr_strargs_count("dir", nargs, 0, 1) < 0) {
        return NULL;
    }
    PrObject *list = NULL;
    if (nargs == 0) {
        PrObject *names = frame_locals("dir");
        list = names ? pr_list_from_iterable(names) : NULL;
        PR_XDECREF(names);
    } else {
        PrObject *meth = pr_object_lookup_special(args[0], "__dir__");
        PrObject *r = meth ? pr_object_call(meth, NULL, 0, NULL)
                           : pr_err_occurred() ? NULL : default_dir(args[0]);
        PR_XDECREF(meth);
        list = r ? pr_list_from_iterable(r) : NULL;
        PR_XDECREF(r);
    }
    if (list && pr_list_sort(list, NULL, 0) < 0) {
        PR_CLEAR(list);
    }
    return list;
}

/* ---- the namespace -------------------------------------------------------------------------- */

static const PrMethodDef builtin_methods[] = {
    {"abs", builtin_abs, PR_METH_O, "Return the absolute value of the argument."},
    {"all", builtin_all, PR_METH_O,
     "Return True if bool(x) is True for all values x in the iterable."},
    {"any", builtin_any, PR_METH_O, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", builtin_ascii, PR_METH_O, "Return an ASCII-only representation of an object."},
    {"bin", builtin_bin, PR_METH_O, "Return the binary representation of an integer."},
    {"callable", builtin_callable, PR_METH_O, "Return whether the object is callable."},
    {"chr", builtin_chr, PR_METH_O, "Return a Unicode string of one character with ordinal i."},
    {"delattr", builtin_delattr, PR_METH_VARARGS,
     "Deletes the named attribute from the given object."},
    {"dir", builtin_dir, PR_METH_VARARGS, "Show attributes of an object."},
    {"divmod", builtin_divmod, PR_METH_VARARGS, "Return the tuple (x//y, x%y)."},
    {"format", builtin_format, PR_METH_VARARGS, "Return value.__format__(format_spec)."},
    {"getattr", builtin_getattr, PR_METH_VARARGS, "Get a named attribute from an object."},
    {"globals", builtin_globals, PR_METH_NOARGS,
     "Return the dictionary containing the current scope's global variables."},
    {"hasattr", builtin_hasattr, PR_METH_VARARGS, "Return whether the object has an attribute."},
    {"hash", builtin_hash, PR_METH_O, "Return the hash value for the given object."},
    {"hex", builtin_hex, PR_METH_O, "Return the hexadecimal representation of an integer."},
    {"id", builtin_id, PR_METH_O, "Return the identity of an object."},
    {"input", pr_builtin_input, PR_METH_VARARGS, "Read a string from standard input."},
    {"isinstance", builtin_isinstance, PR_METH_VARARGS,
     "Return whether an object is an instance of a class."},
    {"issubclass", builtin_issubclass, PR_METH_VARARGS,
     "Return whether 'cls' is derived from another class."},
    {"iter", builtin_iter, PR_METH_VARARGS, "Get an iterator from an object."},
    {"len", builtin_len, PR_METH_O, "Return the number of items in a container."},
    {"locals", builtin_locals, PR_METH_NOARGS,
     "Return a dictionary containing the current scope's local variables."},
    {"max", builtin_max, PR_METH_VARARGS | PR_METH_KEYWORDS, "Return the largest item."},
    {"min", builtin_min, PR_METH_VARARGS | PR_METH_KEYWORDS, "Return the smallest item."},
    {"next", builtin_next, PR_METH_VARARGS, "Return the next item from the iterator."},
    {"oct", builtin_oct, PR_METH_O, "Return the octal representation of an integer."},
    {"open", pr_builtin_open, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Open file and return a stream."},
    {"ord", builtin_ord, PR_METH_O, "Return the Unicode code point for a one-character string."},
    {"pow", builtin_pow, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments."},
    {"print", builtin_print, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Prints the values to a stream, or to sys.stdout."},
    {"repr", builtin_repr, PR_METH_O, "Return the canonical string representation."},
    {"round", builtin_round, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Round a number to a given precision in decimal digits."},
    {"setattr", builtin_setattr, PR_METH_VARARGS, "Sets the named attribute on the given object."},
    {"sorted", builtin_sorted, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Return a new list containing all items from the iterable in ascending order."},
    {"sum", builtin_sum, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "Return the sum of a 'start' value plus an iterable of numbers."},
    {"vars", builtin_vars, PR_METH_VARARGS, "Show vars."},
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
    /* Python 2's names, kept by CPython as aliases of OSError */
    PrObject *oserror = (PrObject *)PR_EXC(OSError);
    if (pr_dict_setitem_cstr(ns, "IOError", oserror) < 0 ||
        pr_dict_setitem_cstr(ns, "EnvironmentError", oserror) < 0) {
        return -1;
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

/* site's exit and quit. */
static int add_quitter(PrObject *ns, const char *name)
{
    PrObject *q = pr_quitter_new(name);
    int r = q ? pr_dict_setitem_cstr(ns, name, q) : -1;
    PR_XDECREF(q);
    return r;
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
        add_functions(ns) < 0 || add_quitter(ns, "exit") < 0 || add_quitter(ns, "quit") < 0) {
        PR_XDECREF(name);
        PR_DECREF(ns);
        return NULL;
    }
    PR_DECREF(name);
    return ns;
}
