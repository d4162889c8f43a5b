/* stdlib/modules.c — the registry of built-in modules and the lookup `import` does
 * (stdlib/modules.h). A module is made once, stored in sys.modules before its init runs (as
 * CPython does, so an init may import itself), and removed again if the init fails. */
#include "stdlib/modules.h"

#include "objects/dict.h"
#include "objects/long.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"
#include "vm/eval.h"

#include <string.h>

typedef struct ModuleRow {
    const char *name;
    int (*init)(PrObject *module);
} ModuleRow;

static const ModuleRow module_rows[] = {
#define PR_MODULE_DEF(name, init) {#name, init},
#include "stdlib/modules.def"
#undef PR_MODULE_DEF
};

PrObject *pr_modules_dict_borrow(void)
{
    if (!pr_interp.sys.modules) {
        pr_interp.sys.modules = pr_dict_new();
    }
    return pr_interp.sys.modules;
}

/* The registry row called name, or NULL. */
static const ModuleRow *find_row(PrObject *name)
{
    for (size_t i = 0; i < sizeof module_rows / sizeof module_rows[0]; i++) {
        if (pr_str_eq_cstr(name, module_rows[i].name)) {
            return &module_rows[i];
        }
    }
    return NULL;
}

/* Makes the module of row, registered under name, and runs its init. */
static PrObject *load_builtin(const ModuleRow *row, PrObject *name, PrObject *modules)
{
    PrObject *m = pr_module_new(row->name);
    if (!m || pr_dict_setitem(modules, name, m) < 0) {
        PR_XDECREF(m);
        return NULL;
    }
    if (row->init(m) < 0) {
        PrObject *exc = pr_err_fetch();
        if (pr_dict_contains(modules, name) == 1) {
            pr_dict_delitem(modules, name);
        }
        pr_err_clear();
        pr_err_restore_steal(exc);
        PR_CLEAR(m);
    }
    return m;
}

/* The builtins module wraps the VM's builtins namespace itself, so that builtins.x = v is seen
 * by every program, as in CPython. */
static PrObject *load_builtins(PrObject *name, PrObject *modules)
{
    PrObject *ns = pr_vm_builtins_borrow();
    PrObject *m = ns ? pr_module_from_dict(ns) : NULL;
    if (m && pr_dict_setitem(modules, name, m) < 0) {
        PR_CLEAR(m);
    }
    return m;
}

/* "No module named 'a.b'; 'a' is not a package" when a.b's parent a is a module, else the
 * plain message. */
static PrObject *not_found(PrObject *name, PrObject *modules)
{
    const char *s = PR_STR_DATA(name), *dot = strrchr(s, '.');
    if (dot) {
        PrObject *parent = pr_str_from_utf8(s, dot - s);
        if (!parent) {
            return NULL;
        }
        PrObject *pm = pr_import_module(parent);
        if (pm) {
            pr_err_format(PR_EXC(ModuleNotFoundError),
                          "No module named '%U'; '%U' is not a package", name, parent);
        }
        PR_XDECREF(pm);
        PR_DECREF(parent);
        return NULL;
    }
    return pr_err_format(PR_EXC(ModuleNotFoundError), "No module named '%U'", name);
}

PrObject *pr_import_module(PrObject *name)
{
    PrObject *modules = pr_modules_dict_borrow();
    if (!modules) {
        return NULL;
    }
    PrObject *m = pr_dict_getitem_borrow(modules, name);
    if (m) {
        return PR_NEWREF(m);
    }
    if (pr_err_occurred()) {
        return NULL;
    }
    if (pr_str_eq_cstr(name, "builtins")) {
        return load_builtins(name, modules);
    }
    const ModuleRow *row = find_row(name);
    if (row) {
        return load_builtin(row, name, modules);
    }
    return not_found(name, modules);
}

PrObject *pr_import_module_cstr(const char *name)
{
    PrObject *s = pr_str_from_cstr(name);
    PrObject *m = s ? pr_import_module(s) : NULL;
    PR_XDECREF(s);
    return m;
}

/* Imports every prefix of a dotted name ("a", "a.b", then "a.b.c"), as CPython's import
 * does for the parents of a submodule. Returns: the last module, a new reference. */
static PrObject *import_dotted(PrObject *name)
{
    const char *s = PR_STR_DATA(name);
    for (const char *dot = strchr(s, '.'); dot; dot = strchr(dot + 1, '.')) {
        PrObject *prefix = pr_str_from_utf8(s, dot - s);
        PrObject *m = prefix ? pr_import_module(prefix) : NULL;
        PR_XDECREF(prefix);
        if (!m) {
            return NULL;
        }
        PR_DECREF(m);
    }
    return pr_import_module(name);
}

/* Whether a fromlist names anything: None and () do not. */
static int has_fromlist(PrObject *fromlist)
{
    return fromlist && fromlist != PR_None &&
           !(PR_TUPLE_CHECK(fromlist) && PR_TUPLE_SIZE(fromlist) == 0);
}

PrObject *pr_import_name(PrObject *name, PrObject *fromlist, PrObject *level)
{
    int64_t lv = 0;
    if (level && PR_LONG_CHECK(level) && pr_long_as_int64(level, &lv) < 0) {
        return NULL;
    }
    if (lv > 0 || PR_STR_LENGTH(name) == 0) {
        return pr_err_set(PR_EXC(ImportError), "attempted relative import with no known parent "
                                               "package");
    }
    PrObject *m = import_dotted(name);
    const char *s = PR_STR_DATA(name), *dot = strchr(s, '.');
    if (!m || !dot || has_fromlist(fromlist)) {
        return m;
    }
    PR_DECREF(m);
    PrObject *top = pr_str_from_utf8(s, dot - s);
    m = top ? pr_import_module(top) : NULL;
    PR_XDECREF(top);
    return m;
}

int pr_modules_set_main(PrObject *globals)
{
    PrObject *modules = pr_modules_dict_borrow();
    PrObject *m = modules ? pr_module_from_dict(globals) : NULL;
    int r = m ? pr_dict_setitem_cstr(modules, "__main__", m) : -1;
    PR_XDECREF(m);
    return r;
}

void pr_modules_fini(void)
{
    PrObject *modules = pr_interp.sys.modules, *k, *v;
    ssize_t pos = 0;
    if (!modules) {
        return;
    }
    while (pr_dict_next(modules, &pos, &k, &v)) {
        /* the builtins namespace is the VM's to release */
        if (PR_MODULE_CHECK(v) && pr_module_dict_borrow(v) != pr_interp.vm.builtins) {
            pr_dict_clear(pr_module_dict_borrow(v));
        }
    }
    PR_CLEAR(pr_interp.sys.modules);
}
