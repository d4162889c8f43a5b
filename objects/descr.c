/* objects/descr.c — method, getset and member descriptors, and builtin_function_or_method:
 * the objects through which C tables become Python attributes. Contracts in objects/descr.h. */
#include "objects/descr.h"

#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"

#include <stddef.h>

/* ============================================================================================
 *  Calling a C function: the argument checks of the PR_METH_* flags
 * ============================================================================================ */

/* "str.upper" or "len": the name errors use. */
static PrObject *qualified_name(const PrMethodDef *def, const PrType *owner)
{
    return owner ? pr_str_from_format("%s.%s", owner->name, def->name)
                 : pr_str_from_cstr(def->name);
}

static PrObject *bad_call(const PrMethodDef *def, const PrType *owner, const char *fmt,
                          size_t nargs)
{
    PrObject *name = qualified_name(def, owner);
    if (name) {
        pr_err_format(PR_EXC(TypeError), fmt, name, nargs);
        PR_DECREF(name);
    }
    return NULL;
}

static PrObject *call_cfunction(const PrMethodDef *def, const PrType *owner, PrObject *self,
                                PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    int flags = def->flags;
    if (kwnames && PR_TUPLE_SIZE(kwnames) > 0 && !(flags & PR_METH_KEYWORDS)) {
        return bad_call(def, owner, "%U() takes no keyword arguments", 0);
    }
    if ((flags & PR_METH_NOARGS) && nargs != 0) {
        return bad_call(def, owner, "%U() takes no arguments (%zu given)", nargs);
    }
    if ((flags & PR_METH_O) && nargs != 1) {
        return bad_call(def, owner, "%U() takes exactly one argument (%zu given)", nargs);
    }
    return def->func(self, args, nargs, kwnames);
}

/* ============================================================================================
 *  Shared by the descriptors
 * ============================================================================================ */

static PrObject *descr_new(PrType *type, PrType *owner, const char *name)
{
    PrDescr *d = (PrDescr *)pr_object_new(type);
    if (!d) {
        return NULL;
    }
    d->owner = (PrType *)PR_NEWREF(owner);
    if (!(d->name = pr_str_intern_cstr(name))) {
        PR_DECREF(d);
        return NULL;
    }
    pr_gc_track((PrObject *)d);
    return (PrObject *)d;
}

static void descr_dealloc(PrObject *self)
{
    PrDescr *d = (PrDescr *)self;
    pr_gc_untrack(self);
    PR_XDECREF(d->owner);
    PR_XDECREF(d->name);
    pr_object_free(self);
}

static int descr_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrDescr *d = (PrDescr *)self;
    return d->owner ? visit((PrObject *)d->owner, arg) : 0;
}

/* The repr "<kind 'name' of 'owner' objects>". */
static PrObject *descr_repr_kind(PrObject *self, const char *kind)
{
    PrDescr *d = (PrDescr *)self;
    return pr_str_from_format("<%s '%U' of '%s' objects>", kind, d->name, d->owner->name);
}

/* obj must be an instance of the descriptor's owner. Returns: 0, or -1 with TypeError. */
static int descr_check(PrObject *self, PrObject *obj)
{
    PrDescr *d = (PrDescr *)self;
    if (!pr_object_is_instance(obj, d->owner)) {
        pr_err_format(PR_EXC(TypeError),
                      "descriptor '%U' for '%s' objects doesn't apply to a "
                      "'%s' object",
                      d->name, d->owner->name, obj->type->name);
        return -1;
    }
    return 0;
}

#define DESCR_FLAGS (PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE)
#define DESCR_SPEC_COMMON .dealloc = descr_dealloc, .traverse = descr_traverse

/* ============================================================================================
 *  method_descriptor
 * ============================================================================================ */

PrObject *pr_descr_new_method(PrType *owner, const PrMethodDef *def)
{
    PrMethodDescr *d = (PrMethodDescr *)descr_new(PR_TYPE(method_descriptor), owner, def->name);
    if (d) {
        d->def = def;
    }
    return (PrObject *)d;
}

static PrObject *method_descr_repr(PrObject *self)
{
    return descr_repr_kind(self, "method");
}

static PrObject *method_descr_get(PrObject *self, PrObject *obj, PrObject *type)
{
    if (!obj) {
        return PR_NEWREF(self);
    }
    if (descr_check(self, obj) < 0) {
        return NULL;
    }
    PrMethodDescr *d = (PrMethodDescr *)self;
    return pr_cfunction_new(d->def, obj, d->d.owner);
}

/* A method descriptor called with its self (or class) first, checked by check. */
static PrObject *call_with_first(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kwnames, int (*check)(PrObject *, PrObject *))
{
    PrMethodDescr *d = (PrMethodDescr *)self;
    if (check(self, args[0]) < 0) {
        return NULL;
    }
    return call_cfunction(d->def, d->d.owner, args[0], args + 1, nargs - 1, kwnames);
}

/* str.upper("abc"): the first argument is self. */
static PrObject *method_descr_call(PrObject *self, PrObject *const *args, size_t nargs,
                                   PrObject *kwnames)
{
    PrMethodDescr *d = (PrMethodDescr *)self;
    if (nargs < 1) {
        return pr_err_format(PR_EXC(TypeError), "unbound method %s.%s() needs an argument",
                             d->d.owner->name, d->def->name);
    }
    return call_with_first(self, args, nargs, kwnames, descr_check);
}

const PrType pr_method_descr_spec = {
    .name = "method_descriptor",
    .basicsize = sizeof(PrMethodDescr),
    .flags = DESCR_FLAGS | PR_TPFLAG_METHOD_DESCRIPTOR,
    DESCR_SPEC_COMMON,
    .repr = method_descr_repr,
    .call = method_descr_call,
    .descr_get = method_descr_get,
};

/* ============================================================================================
 *  classmethod_descriptor
 * ============================================================================================ */

PrObject *pr_descr_new_classmethod(PrType *owner, const PrMethodDef *def)
{
    PrMethodDescr *d =
        (PrMethodDescr *)descr_new(PR_TYPE(classmethod_descriptor), owner, def->name);
    if (d) {
        d->def = def;
    }
    return (PrObject *)d;
}

/* The class the method binds to must be the owner or a subclass of it (CPython's texts). */
static int classmethod_check(PrObject *self, PrObject *type)
{
    PrDescr *d = (PrDescr *)self;
    if (!PR_TYPE_HAS_FLAG(PR_TYPE_OF(type), PR_TPFLAG_TYPE_SUBCLASS)) {
        pr_err_format(PR_EXC(TypeError),
                      "descriptor '%U' for type '%s' needs a type, not a '%s' as arg 2", d->name,
                      d->owner->name, PR_TYPE_OF(type)->name);
        return -1;
    }
    if (!pr_type_is_subtype((PrType *)type, d->owner)) {
        pr_err_format(PR_EXC(TypeError),
                      "descriptor '%U' requires a subtype of '%s' but received '%s'", d->name,
                      d->owner->name, ((PrType *)type)->name);
        return -1;
    }
    return 0;
}

static PrObject *classmethod_get(PrObject *self, PrObject *obj, PrObject *type)
{
    PrMethodDescr *d = (PrMethodDescr *)self;
    if (!type) {
        type = (PrObject *)PR_TYPE_OF(obj);
    }
    if (classmethod_check(self, type) < 0) {
        return NULL;
    }
    return pr_cfunction_new(d->def, type, d->d.owner);
}

/* dict.__dict__['fromkeys'](dict, 'ab'): the first argument is the class. */
static PrObject *classmethod_call(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    PrMethodDescr *d = (PrMethodDescr *)self;
    if (nargs < 1) {
        return pr_err_format(PR_EXC(TypeError), "descriptor '%U' of '%s' object needs an argument",
                             d->d.name, d->d.owner->name);
    }
    return call_with_first(self, args, nargs, kwnames, classmethod_check);
}

const PrType pr_classmethod_descr_spec = {
    .name = "classmethod_descriptor",
    .basicsize = sizeof(PrMethodDescr),
    .flags = DESCR_FLAGS,
    DESCR_SPEC_COMMON,
    .repr = method_descr_repr,
    .call = classmethod_call,
    .descr_get = classmethod_get,
};

/* ============================================================================================
 *  builtin_function_or_method
 * ============================================================================================ */

PrObject *pr_cfunction_new(const PrMethodDef *def, PrObject *self, PrType *owner)
{
    PrCFunctionObject *f = (PrCFunctionObject *)pr_object_new(PR_TYPE(builtin_function_or_method));
    if (!f) {
        return NULL;
    }
    f->def = def;
    PR_XINCREF(self);
    f->self = self;
    PR_XINCREF(owner);
    f->owner = owner;
    pr_gc_track((PrObject *)f);
    return (PrObject *)f;
}

static void cfunction_dealloc(PrObject *self)
{
    PrCFunctionObject *f = (PrCFunctionObject *)self;
    pr_gc_untrack(self);
    PR_XDECREF(f->self);
    PR_XDECREF(f->owner);
    pr_object_free(self);
}

static int cfunction_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrCFunctionObject *f = (PrCFunctionObject *)self;
    int rc = f->self ? visit(f->self, arg) : 0;
    return rc || !f->owner ? rc : visit((PrObject *)f->owner, arg);
}

static PrObject *cfunction_repr(PrObject *self)
{
    PrCFunctionObject *f = (PrCFunctionObject *)self;
    if (!f->self) {
        return pr_str_from_format("<built-in function %s>", f->def->name);
    }
    return pr_str_from_format("<built-in method %s of %s object at %p>", f->def->name,
                              f->self->type->name, (void *)f->self);
}

static PrObject *cfunction_call(PrObject *self, PrObject *const *args, size_t nargs,
                                PrObject *kwnames)
{
    PrCFunctionObject *f = (PrCFunctionObject *)self;
    return call_cfunction(f->def, f->owner, f->self, args, nargs, kwnames);
}

static PrObject *cfunction_get_name(PrObject *self, void *closure)
{
    return pr_str_from_cstr(((PrCFunctionObject *)self)->def->name);
}

static PrObject *cfunction_get_self(PrObject *self, void *closure)
{
    PrObject *s = ((PrCFunctionObject *)self)->self;
    return PR_NEWREF(s ? s : PR_None);
}

static const PrGetSetDef cfunction_getsets[] = {
    {"__name__", cfunction_get_name, NULL, NULL, NULL},
    {"__self__", cfunction_get_self, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const PrType pr_cfunction_spec = {
    .name = "builtin_function_or_method",
    .basicsize = sizeof(PrCFunctionObject),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = cfunction_dealloc,
    .traverse = cfunction_traverse,
    .repr = cfunction_repr,
    .call = cfunction_call,
    .getsets = cfunction_getsets,
};

/* ============================================================================================
 *  getset_descriptor
 * ============================================================================================ */

PrObject *pr_descr_new_getset(PrType *owner, const PrGetSetDef *def)
{
    PrGetSetDescr *d = (PrGetSetDescr *)descr_new(PR_TYPE(getset_descriptor), owner, def->name);
    if (d) {
        d->def = def;
    }
    return (PrObject *)d;
}

static PrObject *getset_repr(PrObject *self)
{
    return descr_repr_kind(self, "attribute");
}

static PrObject *getset_get(PrObject *self, PrObject *obj, PrObject *type)
{
    if (!obj) {
        return PR_NEWREF(self);
    }
    if (descr_check(self, obj) < 0) {
        return NULL;
    }
    PrGetSetDescr *d = (PrGetSetDescr *)self;
    return d->def->get(obj, d->def->closure);
}

static int getset_set(PrObject *self, PrObject *obj, PrObject *value)
{
    PrGetSetDescr *d = (PrGetSetDescr *)self;
    if (descr_check(self, obj) < 0) {
        return -1;
    }
    if (!d->def->set) {
        pr_err_format(PR_EXC(AttributeError), "attribute '%U' of '%s' objects is not writable",
                      d->d.name, d->d.owner->name);
        return -1;
    }
    return d->def->set(obj, value, d->def->closure);
}

const PrType pr_getset_descr_spec = {
    .name = "getset_descriptor",
    .basicsize = sizeof(PrGetSetDescr),
    .flags = DESCR_FLAGS,
    DESCR_SPEC_COMMON,
    .repr = getset_repr,
    .descr_get = getset_get,
    .descr_set = getset_set,
};

/* ============================================================================================
 *  member_descriptor
 * ============================================================================================ */

PrObject *pr_descr_new_member(PrType *owner, const PrMemberDef *def)
{
    PrMemberDescr *d = (PrMemberDescr *)descr_new(PR_TYPE(member_descriptor), owner, def->name);
    if (d) {
        d->def = def;
    }
    return (PrObject *)d;
}

static PrObject *member_repr(PrObject *self)
{
    return descr_repr_kind(self, "member");
}

static PrObject *member_get(PrObject *self, PrObject *obj, PrObject *type)
{
    if (!obj) {
        return PR_NEWREF(self);
    }
    if (descr_check(self, obj) < 0) {
        return NULL;
    }
    const PrMemberDef *m = ((PrMemberDescr *)self)->def;
    char *field = (char *)obj + m->offset;
    PrObject *v;
    switch (m->kind) {
    case PR_MEMBER_BOOL:
        return pr_bool_from_long(*field);
    case PR_MEMBER_OBJECT:
        v = *(PrObject **)(void *)field;
        return PR_NEWREF(v ? v : PR_None);
    case PR_MEMBER_OBJECT_EX:
    default:
        v = *(PrObject **)(void *)field;
        if (!v) {
            return pr_err_format(PR_EXC(AttributeError), "'%s' object has no attribute '%s'",
                                 obj->type->name, m->name);
        }
        return PR_NEWREF(v);
    }
}

static int member_set(PrObject *self, PrObject *obj, PrObject *value)
{
    if (descr_check(self, obj) < 0) {
        return -1;
    }
    const PrMemberDef *m = ((PrMemberDescr *)self)->def;
    char *field = (char *)obj + m->offset;
    if (m->flags & PR_MEMBER_READONLY) {
        pr_err_set(PR_EXC(AttributeError), "readonly attribute");
        return -1;
    }
    if (m->kind == PR_MEMBER_BOOL) {
        if (!value) {
            pr_err_set(PR_EXC(TypeError), "can't delete numeric/char attribute");
            return -1;
        }
        if (value != PR_True && value != PR_False) {
            pr_err_set(PR_EXC(TypeError), "attribute value type must be bool");
            return -1;
        }
        *field = value == PR_True;
        return 0;
    }
    PrObject **slot = (PrObject **)(void *)field;
    if (!value && !*slot && m->kind == PR_MEMBER_OBJECT_EX) {
        pr_err_set(PR_EXC(AttributeError), m->name);
        return -1;
    }
    PR_XINCREF(value);
    PR_SETREF(*slot, value);
    return 0;
}

const PrType pr_member_descr_spec = {
    .name = "member_descriptor",
    .basicsize = sizeof(PrMemberDescr),
    .flags = DESCR_FLAGS,
    DESCR_SPEC_COMMON,
    .repr = member_repr,
    .descr_get = member_get,
    .descr_set = member_set,
};
