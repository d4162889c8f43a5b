/* vm/function.c — the function type and argument binding (vm/function.h). The binding follows
 * CPython 3.11's initialize_locals step by step, so that the order in which errors are found,
 * and their texts, are the same. */
#include "vm/function.h"

#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/code.h"
#include "vm/errors.h"
#include "vm/eval.h"

#include <stddef.h>
#include <stdio.h>

#define CODE(f) ((PrCode *)((PrFunction *)(f))->code)

/* ============================================================================================
 *  Creation and the type's slots
 * ============================================================================================ */

PrObject *pr_function_new(PrObject *code, PrObject *globals, PrObject *builtins)
{
    PrCode *co = (PrCode *)code;
    PrObject *module = pr_dict_getitem_cstr_borrow(globals, "__name__");
    PrFunction *f = (PrFunction *)pr_object_new(PR_TYPE(function));
    if (!f) {
        return NULL;
    }
    f->code = PR_NEWREF(code);
    f->globals = PR_NEWREF(globals);
    f->builtins = PR_NEWREF(builtins);
    f->name = PR_NEWREF(co->name);
    f->qualname = PR_NEWREF(co->qualname);
    /* the docstring is the first constant when it is a str (CPython's func_new) */
    PrObject *first = PR_TUPLE_SIZE(co->consts) ? PR_TUPLE_ITEMS(co->consts)[0] : NULL;
    f->doc = PR_NEWREF(first && PR_STR_CHECK(first) ? first : PR_None);
    PR_XINCREF(module);
    f->module = module;
    pr_gc_track((PrObject *)f);
    return (PrObject *)f;
}

#define FUNC_FIELDS(f)                                                                             \
    {                                                                                              \
        (f)->code, (f)->globals, (f)->builtins, (f)->name, (f)->qualname, (f)->defaults,           \
            (f)->kwdefaults, (f)->closure, (f)->annotations, (f)->doc, (f)->module, (f)->dict      \
    }

static int function_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrFunction *f = (PrFunction *)self;
    PrObject *fields[] = FUNC_FIELDS(f);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r) {
                return r;
            }
        }
    }
    return 0;
}

static int function_clear(PrObject *self)
{
    PrFunction *f = (PrFunction *)self;
    PR_CLEAR(f->defaults);
    PR_CLEAR(f->kwdefaults);
    PR_CLEAR(f->closure);
    PR_CLEAR(f->annotations);
    PR_CLEAR(f->module);
    PR_CLEAR(f->dict);
    PR_CLEAR(f->globals);
    PR_CLEAR(f->builtins);
    return 0;
}

static void function_dealloc(PrObject *self)
{
    PrFunction *f = (PrFunction *)self;
    pr_gc_untrack(self);
    function_clear(self);
    PR_CLEAR(f->code);
    PR_CLEAR(f->name);
    PR_CLEAR(f->qualname);
    PR_CLEAR(f->doc);
    pr_object_free(self);
}

static PrObject *function_repr(PrObject *self)
{
    return pr_str_from_format("<function %U at %p>", ((PrFunction *)self)->qualname,
                              (void *)self);
}

/* f(...) from C: runs the eval loop on a new frame (the one place a Python call recurses in C). */
static PrObject *function_call(PrObject *self, PrObject *const *args, size_t nargs,
                               PrObject *kwnames)
{
    return pr_eval_function(self, args, nargs, kwnames);
}

/* A function in a class is a method: f.__get__(obj) is bound to obj (the method type comes with
 * classes; until then a function found on an instance's type is returned as is). */
static PrObject *function_descr_get(PrObject *self, PrObject *obj, PrObject *type)
{
    return PR_NEWREF(self);
}

/* ---- attributes ----------------------------------------------------------------------------- */

static PrObject *or_none(PrObject *o)
{
    return PR_NEWREF(o ? o : PR_None);
}

#define FIELD(self, member) (((PrFunction *)(self))->member)

static PrObject *get_code(PrObject *self, void *c)
{
    return PR_NEWREF(FIELD(self, code));
}
static PrObject *get_globals(PrObject *self, void *c)
{
    return PR_NEWREF(FIELD(self, globals));
}
static PrObject *get_builtins(PrObject *self, void *c)
{
    return PR_NEWREF(FIELD(self, builtins));
}
static PrObject *get_defaults(PrObject *self, void *c)
{
    return or_none(FIELD(self, defaults));
}
static PrObject *get_kwdefaults(PrObject *self, void *c)
{
    return or_none(FIELD(self, kwdefaults));
}
static PrObject *get_closure(PrObject *self, void *c)
{
    return or_none(FIELD(self, closure));
}
static PrObject *get_module(PrObject *self, void *c)
{
    return or_none(FIELD(self, module));
}

static PrObject *get_annotations(PrObject *self, void *c)
{
    if (!FIELD(self, annotations) && !(FIELD(self, annotations) = pr_dict_new())) {
        return NULL;
    }
    return PR_NEWREF(FIELD(self, annotations));
}

static PrObject *get_dict(PrObject *self, void *c)
{
    if (!FIELD(self, dict) && !(FIELD(self, dict) = pr_dict_new())) {
        return NULL;
    }
    return PR_NEWREF(FIELD(self, dict));
}

static PrObject *get_name(PrObject *self, void *c)
{
    return PR_NEWREF(FIELD(self, name));
}
static PrObject *get_qualname(PrObject *self, void *c)
{
    return PR_NEWREF(FIELD(self, qualname));
}

/* __name__ and __qualname__ must stay str: the binding errors print them. */
static int set_str_field(PrObject **slot, PrObject *value, const char *what)
{
    if (!value || !PR_STR_CHECK(value)) {
        pr_err_format(PR_EXC(TypeError), "%s must be set to a string object", what);
        return -1;
    }
    PR_INCREF(value);
    PR_SETREF(*slot, value);
    return 0;
}
static int set_name(PrObject *self, PrObject *value, void *c)
{
    return set_str_field(&FIELD(self, name), value, "__name__");
}
static int set_qualname(PrObject *self, PrObject *value, void *c)
{
    return set_str_field(&FIELD(self, qualname), value, "__qualname__");
}

static int set_doc(PrObject *self, PrObject *value, void *c)
{
    PR_SETREF(FIELD(self, doc), PR_NEWREF(value ? value : PR_None));
    return 0;
}
static PrObject *get_doc(PrObject *self, void *c)
{
    return PR_NEWREF(FIELD(self, doc));
}

static int set_defaults(PrObject *self, PrObject *value, void *c)
{
    if (value == PR_None) {
        value = NULL;
    }
    if (value && !PR_TUPLE_CHECK(value)) {
        pr_err_set(PR_EXC(TypeError), "__defaults__ must be set to a tuple object");
        return -1;
    }
    PR_XINCREF(value);
    PR_SETREF(FIELD(self, defaults), value);
    return 0;
}

static int set_kwdefaults(PrObject *self, PrObject *value, void *c)
{
    if (value == PR_None) {
        value = NULL;
    }
    if (value && !PR_DICT_CHECK(value)) {
        pr_err_set(PR_EXC(TypeError), "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    PR_XINCREF(value);
    PR_SETREF(FIELD(self, kwdefaults), value);
    return 0;
}

static const PrGetSetDef function_getsets[] = {
    {"__code__", get_code, NULL, NULL, NULL},
    {"__globals__", get_globals, NULL, NULL, NULL},
    {"__builtins__", get_builtins, NULL, NULL, NULL},
    {"__closure__", get_closure, NULL, NULL, NULL},
    {"__defaults__", get_defaults, set_defaults, NULL, NULL},
    {"__kwdefaults__", get_kwdefaults, set_kwdefaults, NULL, NULL},
    {"__annotations__", get_annotations, NULL, NULL, NULL},
    {"__dict__", get_dict, NULL, NULL, NULL},
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_qualname, set_qualname, NULL, NULL},
    {"__doc__", get_doc, set_doc, NULL, NULL},
    {"__module__", get_module, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const PrType pr_function_spec = {
    .name = "function",
    .basicsize = sizeof(PrFunction),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE | PR_TPFLAG_METHOD_DESCRIPTOR,
    .dealloc = function_dealloc,
    .repr = function_repr,
    .call = function_call,
    .descr_get = function_descr_get,
    .traverse = function_traverse,
    .clear = function_clear,
    .getsets = function_getsets,
    .dictoffset = offsetof(PrFunction, dict),
};

/* ============================================================================================
 *  Argument binding
 * ============================================================================================ */

/* "f() takes 2 positional arguments but 3 were given", with CPython's variants for defaults
 * ("from 1 to 2") and keyword-only arguments given ("(and 1 keyword-only argument)"). */
static int too_many_positional(PrFunction *f, PrObject **localsplus, size_t given)
{
    PrCode *co = CODE(f);
    ssize_t kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++) {
        kwonly_given += localsplus[i] != NULL;
    }
    ssize_t defcount = f->defaults ? PR_TUPLE_SIZE(f->defaults) : 0;
    char sig[64], kwsig[96] = "";
    int plural;
    if (defcount) {
        plural = 1;
        snprintf(sig, sizeof sig, "from %zd to %d", co->argcount - defcount, co->argcount);
    } else {
        plural = co->argcount != 1;
        snprintf(sig, sizeof sig, "%d", co->argcount);
    }
    if (kwonly_given) {
        snprintf(kwsig, sizeof kwsig, " positional argument%s (and %zd keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
    }
    pr_err_format(PR_EXC(TypeError), "%U() takes %s positional argument%s but %zu%s %s given",
                  f->qualname, sig, plural ? "s" : "", given, kwsig,
                  given == 1 && !kwonly_given ? "was" : "were");
    return -1;
}

/* "f() missing 3 required positional arguments: 'a', 'b', and 'c'" for the empty slots of
 * [start, end). */
static int missing_arguments(PrFunction *f, PrObject **localsplus, int start, int end,
                             const char *kind)
{
    PrCode *co = CODE(f);
    PrStrBuilder b;
    pr_str_builder_init(&b);
    int n = 0;
    for (int i = start; i < end; i++) {
        n += localsplus[i] == NULL;
    }
    int k = 0;
    for (int i = start; i < end; i++) {
        if (localsplus[i]) {
            continue;
        }
        PrObject *name = PR_TUPLE_ITEMS(co->localsplusnames)[i];
        k++;
        if (k > 1) {
            pr_str_builder_append_cstr(&b, n == 2 ? " and " : k == n ? ", and " : ", ");
        }
        pr_str_builder_append_repr(&b, name);
    }
    PrObject *list = pr_str_builder_finish(&b);
    if (list) {
        pr_err_format(PR_EXC(TypeError), "%U() missing %d required %s argument%s: %U",
                      f->qualname, n, kind, n == 1 ? "" : "s", list);
        PR_DECREF(list);
    }
    return -1;
}

/* Keyword arguments naming positional-only parameters, when there is no **kwargs to take them:
 * "f() got some positional-only arguments passed as keyword arguments: 'a, b'". Returns: 1 with
 * the error set, 0 when no keyword names a positional-only parameter. */
static int positional_only_as_keyword(PrFunction *f, PrObject *kwnames)
{
    PrCode *co = CODE(f);
    PrStrBuilder b;
    pr_str_builder_init(&b);
    int found = 0;
    for (ssize_t k = 0; k < PR_TUPLE_SIZE(kwnames); k++) {
        PrObject *kw = PR_TUPLE_ITEMS(kwnames)[k];
        for (int i = 0; i < co->posonlyargcount; i++) {
            if (pr_str_eq(PR_TUPLE_ITEMS(co->localsplusnames)[i], kw)) {
                if (found++) {
                    pr_str_builder_append_cstr(&b, ", ");
                }
                pr_str_builder_append_str(&b, kw);
                break;
            }
        }
    }
    if (!found) {
        pr_str_builder_discard(&b);
        return 0;
    }
    PrObject *list = pr_str_builder_finish(&b);
    if (list) {
        pr_err_format(PR_EXC(TypeError),
                      "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                      f->qualname, list);
        PR_DECREF(list);
    }
    return 1;
}

/* The parameter slot a keyword names (positional-or-keyword and keyword-only ones), or -1. */
static int keyword_slot(PrCode *co, PrObject *kw)
{
    PrObject *const *names = PR_TUPLE_ITEMS(co->localsplusnames);
    int total = co->argcount + co->kwonlyargcount;
    for (int i = co->posonlyargcount; i < total; i++) {
        if (names[i] == kw) {
            return i;
        }
    }
    for (int i = co->posonlyargcount; i < total; i++) {
        if (pr_str_eq(names[i], kw)) {
            return i;
        }
    }
    return -1;
}

static int bind_keywords(PrFunction *f, PrObject **localsplus, PrObject *const *kwvalues,
                         PrObject *kwnames, PrObject *kwdict)
{
    PrCode *co = CODE(f);
    for (ssize_t k = 0; k < PR_TUPLE_SIZE(kwnames); k++) {
        PrObject *kw = PR_TUPLE_ITEMS(kwnames)[k];
        if (!PR_STR_CHECK(kw)) {
            pr_err_format(PR_EXC(TypeError), "%U() keywords must be strings", f->qualname);
            return -1;
        }
        int j = keyword_slot(co, kw);
        if (j < 0) {
            if (kwdict) {
                if (pr_dict_setitem(kwdict, kw, kwvalues[k]) < 0) {
                    return -1;
                }
                continue;
            }
            if (!positional_only_as_keyword(f, kwnames)) {
                pr_err_format(PR_EXC(TypeError), "%U() got an unexpected keyword argument '%U'",
                              f->qualname, kw);
            }
            return -1;
        }
        if (localsplus[j]) {
            pr_err_format(PR_EXC(TypeError), "%U() got multiple values for argument '%U'",
                          f->qualname, kw);
            return -1;
        }
        localsplus[j] = PR_NEWREF(kwvalues[k]);
    }
    return 0;
}

/* Defaults for the positional parameters left empty, then keyword-only defaults. */
static int fill_defaults(PrFunction *f, PrObject **localsplus, size_t nargs)
{
    PrCode *co = CODE(f);
    if ((ssize_t)nargs < co->argcount) {
        ssize_t defcount = f->defaults ? PR_TUPLE_SIZE(f->defaults) : 0;
        ssize_t m = co->argcount - defcount;
        for (ssize_t i = (ssize_t)nargs; i < m; i++) {
            if (!localsplus[i]) {
                return missing_arguments(f, localsplus, (int)nargs, (int)m, "positional");
            }
        }
        for (ssize_t i = (ssize_t)nargs > m ? (ssize_t)nargs - m : 0; i < defcount; i++) {
            if (!localsplus[m + i]) {
                localsplus[m + i] = PR_NEWREF(PR_TUPLE_ITEMS(f->defaults)[i]);
            }
        }
    }
    int missing = 0, total = co->argcount + co->kwonlyargcount;
    for (int i = co->argcount; i < total; i++) {
        if (localsplus[i]) {
            continue;
        }
        PrObject *def = NULL;
        if (f->kwdefaults) {
            def = pr_dict_getitem_borrow(f->kwdefaults, PR_TUPLE_ITEMS(co->localsplusnames)[i]);
            if (!def && pr_err_occurred()) {
                return -1;
            }
        }
        if (def) {
            localsplus[i] = PR_NEWREF(def);
        } else {
            missing++;
        }
    }
    if (missing) {
        return missing_arguments(f, localsplus, co->argcount, total, "keyword-only");
    }
    return 0;
}

int pr_function_bind_args(PrFunction *f, PrObject **localsplus, PrObject *const *args,
                          size_t nargs, PrObject *kwnames)
{
    PrCode *co = CODE(f);
    int total = co->argcount + co->kwonlyargcount;
    PrObject *kwdict = NULL;
    if (co->flags & PR_CO_VARKEYWORDS) {
        if (!(kwdict = pr_dict_new())) {
            return -1;
        }
        localsplus[total + ((co->flags & PR_CO_VARARGS) != 0)] = kwdict;
    }
    size_t n = nargs < (size_t)co->argcount ? nargs : (size_t)co->argcount;
    for (size_t i = 0; i < n; i++) {
        localsplus[i] = PR_NEWREF(args[i]);
    }
    if (co->flags & PR_CO_VARARGS) {
        PrObject *rest = pr_tuple_from_array(args + n, (ssize_t)(nargs - n));
        if (!rest) {
            return -1;
        }
        localsplus[total] = rest;
    }
    if (kwnames && PR_TUPLE_SIZE(kwnames) &&
        bind_keywords(f, localsplus, args + nargs, kwnames, kwdict) < 0) {
        return -1;
    }
    if (nargs > (size_t)co->argcount && !(co->flags & PR_CO_VARARGS)) {
        return too_many_positional(f, localsplus, nargs);
    }
    return fill_defaults(f, localsplus, nargs);
}
