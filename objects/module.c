/* objects/module.c — the module type (objects/module.h): a namespace dict behind attribute
 * access, with CPython's repr and error texts. Modules are containers (a function defined in a
 * module holds the dict that holds it), so they are tracked by the collector. */
#include "objects/module.h"

#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/str.h"
#include "vm/errors.h"

#include <stddef.h>

PrObject *pr_module_from_dict(PrObject *dict)
{
    PrModule *m = (PrModule *)pr_object_new(PR_TYPE(module));
    if (!m) {
        return NULL;
    }
    m->dict = PR_NEWREF(dict);
    pr_gc_track((PrObject *)m);
    return (PrObject *)m;
}

PrObject *pr_module_new(const char *name)
{
    static const char *const none_keys[] = {"__doc__", "__package__", "__loader__", "__spec__"};
    PrObject *dict = pr_dict_new(), *s = pr_str_from_cstr(name), *m = NULL;
    int ok = dict && s && pr_dict_setitem_cstr(dict, "__name__", s) == 0;
    for (size_t i = 0; ok && i < sizeof none_keys / sizeof none_keys[0]; i++) {
        ok = pr_dict_setitem_cstr(dict, none_keys[i], PR_None) == 0;
    }
    if (ok) {
        m = pr_module_from_dict(dict);
    }
    PR_XDECREF(s);
    PR_XDECREF(dict);
    return m;
}

PrObject *pr_module_dict_borrow(PrObject *m)
{
    return ((PrModule *)m)->dict;
}

int pr_module_add_functions(PrObject *m, const PrMethodDef *defs)
{
    for (const PrMethodDef *d = defs; d->name; d++) {
        if (pr_module_add_steal(m, d->name, pr_cfunction_new(d, NULL, NULL)) < 0) {
            return -1;
        }
    }
    return 0;
}

int pr_module_add_steal(PrObject *m, const char *name, PrObject *value)
{
    if (!value) {
        return -1;
    }
    int r = pr_dict_setitem_cstr(pr_module_dict_borrow(m), name, value);
    PR_DECREF(value);
    return r;
}

/* ---- the type ------------------------------------------------------------------------------- */

static int module_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrObject *d = ((PrModule *)self)->dict;
    return d ? visit(d, arg) : 0;
}

static int module_clear(PrObject *self)
{
    PR_CLEAR(((PrModule *)self)->dict);
    return 0;
}

static void module_dealloc(PrObject *self)
{
    pr_gc_untrack(self);
    module_clear(self);
    pr_object_free(self);
}

/* The module's __name__ when it is a str, else NULL. Returns: borrowed. */
static PrObject *module_name_borrow(PrObject *self)
{
    PrObject *d = ((PrModule *)self)->dict;
    PrObject *name = d ? pr_dict_getitem_cstr_borrow(d, "__name__") : NULL;
    return name && PR_STR_CHECK(name) ? name : NULL;
}

static PrObject *module_repr(PrObject *self)
{
    PrObject *name = module_name_borrow(self);
    PrObject *d = ((PrModule *)self)->dict;
    PrObject *file = d ? pr_dict_getitem_cstr_borrow(d, "__file__") : NULL;
    if (!name) {
        return pr_str_from_cstr("<module '?'>");
    }
    if (file && PR_STR_CHECK(file)) {
        return pr_str_from_format("<module %R from %R>", name, file);
    }
    return pr_str_from_format("<module %R (built-in)>", name);
}

/* CPython's module_getattro: the type and the dict first, then "module 'm' has no attribute". */
static PrObject *module_getattr(PrObject *self, PrObject *name)
{
    PrObject *r = pr_object_generic_getattr(self, name);
    if (r || !pr_err_matches((PrObject *)PR_EXC(AttributeError))) {
        return r;
    }
    PrObject *mname = module_name_borrow(self);
    if (!mname) {
        return NULL;
    }
    pr_err_clear();
    return pr_err_format(PR_EXC(AttributeError), "module '%U' has no attribute '%U'", mname, name);
}

static PrObject *module_get_dict(PrObject *self, void *closure)
{
    return PR_NEWREF(((PrModule *)self)->dict);
}

/* CPython's module___dir__: the namespace's own __dir__ when it defines one, else its keys (not
 * the type's attributes, which object.__dir__ would add). */
static PrObject *module_dir(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    PrObject *dict = ((PrModule *)self)->dict;
    PrObject *custom = pr_dict_getitem_cstr_borrow(dict, "__dir__");
    if (custom) {
        return pr_object_call(custom, NULL, 0, NULL);
    }
    return pr_err_occurred() ? NULL : pr_list_from_iterable(dict);
}

static const PrMethodDef module_methods[] = {
    {"__dir__", module_dir, PR_METH_NOARGS, "__dir__() -> list\nspecialized dir() implementation"},
    {NULL, NULL, 0, NULL},
};

static const PrGetSetDef module_getsets[] = {
    {"__dict__", module_get_dict, NULL, "the module's namespace", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const PrType pr_module_spec = {
    .name = "module",
    .doc = "Create a module object.",
    .basicsize = sizeof(PrModule),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = module_dealloc,
    .traverse = module_traverse,
    .clear = module_clear,
    .repr = module_repr,
    .getattr = module_getattr,
    .setattr = pr_object_generic_setattr,
    .dictoffset = offsetof(PrModule, dict),
    .methods = module_methods,
    .getsets = module_getsets,
};
