/* objects/type.c — the types `object` and `type`: readying a type (inheriting slots, building
 * its MRO and dict from its tables), the MRO lookup and its cache keyed by version tags, and the
 * attribute, call and repr behaviour of type objects. Contracts in objects/type.h. */
#include "objects/type.h"

#include "memory/obmalloc.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"
#include "vm/interp.h"

#include <string.h>

/* ============================================================================================
 *  object
 * ============================================================================================ */

static void object_dealloc(PrObject *self)
{
    pr_object_free(self);
}

static PrObject *object_repr(PrObject *self)
{
    return pr_str_from_format("<%s object at %p>", self->type->name, (void *)self);
}

static PrObject *object_richcompare(PrObject *a, PrObject *b, PrCompareOp op)
{
    if (op == PR_EQ) {
        return PR_NEWREF(a == b ? PR_True : PR_NotImplemented);
    }
    if (op == PR_NE && a->type->richcompare) {
        /* != is the inverse of == unless == declines. */
        PrObject *eq = a->type->richcompare(a, b, PR_EQ);
        if (!eq || eq == PR_NotImplemented) {
            return eq;
        }
        int truth = pr_object_is_true(eq);
        PR_DECREF(eq);
        return truth < 0 ? NULL : pr_bool_from_long(!truth);
    }
    PR_RETURN_NOTIMPLEMENTED;
}

static int object_init(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames);

static PrObject *object_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if ((nargs || kwnames) && (t->init == object_init || t->new != object_new)) {
        return pr_err_format(PR_EXC(TypeError), "%s() takes no arguments", t->name);
    }
    return pr_object_new(t);
}

static int object_init(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    PrType *t = self->type;
    if (nargs || kwnames) {
        if (t->init != object_init) {
            pr_err_set(PR_EXC(TypeError), "object.__init__() takes exactly one argument (the "
                                          "instance to initialize)");
            return -1;
        }
        if (t->new == object_new) {
            pr_err_format(PR_EXC(TypeError), "%s() takes no arguments", t->name);
            return -1;
        }
    }
    return 0;
}

static PrHash object_hash(PrObject *self)
{
    return pr_hash_pointer(self);
}

static PrObject *object_get_class(PrObject *self, void *closure)
{
    return PR_NEWREF(self->type);
}

static const PrGetSetDef object_getsets[] = {
    {"__class__", object_get_class, NULL, "the object's class", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const PrType pr_object_spec = {
    .name = "object",
    .doc = "The base class of the class hierarchy.",
    .basicsize = sizeof(PrObject),
    .flags = PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = object_dealloc,
    .repr = object_repr,
    .hash = object_hash,
    .richcompare = object_richcompare,
    .getattr = pr_object_generic_getattr,
    .setattr = pr_object_generic_setattr,
    .new = object_new,
    .init = object_init,
    .getsets = object_getsets,
};

/* ============================================================================================
 *  Readying a type
 * ============================================================================================ */

#define INHERIT(field)                                                                             \
    do {                                                                                           \
        if (!t->field) {                                                                           \
            t->field = b->field;                                                                   \
        }                                                                                          \
    } while (0)

static void inherit_number(PrType *t, const PrType *b)
{
#define PR_BINOP(NAME, name, symbol, dunder, rdunder, idunder, isymbol)                            \
    INHERIT(number.nb_##name);                                                                     \
    INHERIT(number.nb_inplace_##name);
#include "objects/binops.def"
#undef PR_BINOP
#define PR_UNOP(name, what, dunder) INHERIT(number.nb_##name);
#include "objects/unops.def"
#undef PR_UNOP
    INHERIT(number.nb_divmod);
    INHERIT(number.nb_bool);
    INHERIT(number.nb_int);
    INHERIT(number.nb_float);
    INHERIT(number.nb_index);
}

/* CPython's inherit_special + inherit_slots, for single inheritance. */
static void inherit(PrType *t, const PrType *b)
{
    INHERIT(basicsize);
    INHERIT(itemsize);
    t->flags |= b->flags & PR_TPFLAG_SUBCLASS_BITS;
    if (PR_TYPE_IS_GC(b) && !PR_TYPE_IS_GC(t) && !t->traverse && !t->clear) {
        t->flags |= PR_TPFLAG_GC;
        t->traverse = b->traverse;
        t->clear = b->clear;
    }
    INHERIT(dealloc);
    INHERIT(repr);
    INHERIT(str);
    if (!t->hash && !t->richcompare) {
        t->hash = b->hash;
        t->richcompare = b->richcompare;
    }
    INHERIT(getattr);
    INHERIT(setattr);
    INHERIT(call);
    INHERIT(iter);
    INHERIT(iternext);
    INHERIT(descr_get);
    INHERIT(descr_set);
    INHERIT(init);
    INHERIT(size_of);
    INHERIT(dictoffset);
    /* A static type straight under object without its own new cannot be instantiated. */
    if (b != PR_TYPE(object) || PR_TYPE_HAS_FLAG(t, PR_TPFLAG_HEAPTYPE)) {
        INHERIT(new);
    }
    inherit_number(t, b);
    INHERIT(sequence.sq_length);
    INHERIT(sequence.sq_concat);
    INHERIT(sequence.sq_repeat);
    INHERIT(sequence.sq_item);
    INHERIT(sequence.sq_ass_item);
    INHERIT(sequence.sq_contains);
    INHERIT(mapping.mp_length);
    INHERIT(mapping.mp_subscript);
    INHERIT(mapping.mp_ass_subscript);
}
#undef INHERIT

/* Stores a new descriptor under its name in t's dict. Steals: descr. */
static int add_descr_steal(PrType *t, PrObject *descr)
{
    if (!descr) {
        return -1;
    }
    int rc = pr_dict_setitem(t->dict, ((PrDescr *)descr)->name, descr);
    PR_DECREF(descr);
    return rc;
}

/* Sets dict[name] = value unless the tables already put something there. */
static int add_default(PrType *t, const char *name, PrObject *value)
{
    int rc = -1;
    PrObject *key = pr_str_intern_cstr(name);
    if (!key || !value) {
        goto done;
    }
    rc = pr_dict_contains(t->dict, key);
    if (rc == 0) {
        rc = pr_dict_setitem(t->dict, key, value);
    }
done:
    PR_XDECREF(key);
    PR_XDECREF(value);
    return rc < 0 ? -1 : 0;
}

/* ---- __eq__, __lt__, ...: the richcompare slot as methods ---------------------------------------
 * CPython gives each type that defines tp_richcompare six slot wrappers; here they are method
 * descriptors calling the slot of the nearest static type of self (a class statement's type
 * reaches the built-in slot it inherits, never its own). */

static PrObject *richcompare_slot(PrObject *self, PrObject *other, PrCompareOp op)
{
    PrType *t = PR_TYPE_OF(self);
    while (PR_TYPE_HAS_FLAG(t, PR_TPFLAG_HEAPTYPE) && t->base) {
        t = t->base;
    }
    if (!t->richcompare) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return t->richcompare(self, other, op);
}

#define PR_CMPOP(NAME, symbol, dunder, swapped)                                                    \
    static PrObject *slot_##NAME(PrObject *self, PrObject *const *args, size_t nargs,              \
                                 PrObject *kwnames)                                                \
    {                                                                                              \
        if (nargs != 1) {                                                                          \
            return pr_err_format(PR_EXC(TypeError), "expected 1 argument, got %zu", nargs);        \
        }                                                                                          \
        return richcompare_slot(self, args[0], PR_##NAME);                                         \
    }
#include "objects/cmpops.def"
#undef PR_CMPOP

static const PrMethodDef richcompare_methods[] = {
#define PR_CMPOP(NAME, symbol, dunder, swapped)                                                    \
    {dunder, slot_##NAME, PR_METH_VARARGS, "Return self" symbol "value."},
#include "objects/cmpops.def"
#undef PR_CMPOP
};
_Static_assert(sizeof richcompare_methods / sizeof richcompare_methods[0] == PR_CMPOP_COUNT,
               "cmpops.def expanded once per operator");

/* Adds the comparison methods to a type that defines its own richcompare slot. */
static int add_richcompare_methods(PrType *t)
{
    if (!t->richcompare || (t->base && t->base->richcompare == t->richcompare)) {
        return 0;
    }
    for (int i = 0; i < PR_CMPOP_COUNT; i++) {
        PrObject *d = pr_descr_new_method(t, &richcompare_methods[i]);
        if (add_default(t, richcompare_methods[i].name, d) < 0) {
            return -1;
        }
    }
    return 0;
}

/* What a method table row puts in the type's dict (a builtin function for a static method,
 * named as the descriptors are). Returns: a new object, or NULL with MemoryError. */
static PrObject *method_attribute(PrType *t, const PrMethodDef *m)
{
    if (m->flags & PR_METH_CLASS) {
        return pr_descr_new_classmethod(t, m);
    }
    if (m->flags & PR_METH_STATIC) {
        return pr_cfunction_new(m, (PrObject *)t, t);
    }
    return pr_descr_new_method(t, m);
}

static int fill_dict(PrType *t)
{
    if (!(t->dict = pr_dict_new())) {
        return -1;
    }
    for (const PrMethodDef *m = t->methods; m && m->name; m++) {
        PrObject *attr = method_attribute(t, m);
        int rc = attr ? pr_dict_setitem_cstr(t->dict, m->name, attr) : -1;
        PR_XDECREF(attr);
        if (rc < 0) {
            return -1;
        }
    }
    for (const PrMemberDef *m = t->members; m && m->name; m++) {
        if (add_descr_steal(t, pr_descr_new_member(t, m)) < 0) {
            return -1;
        }
    }
    for (const PrGetSetDef *g = t->getsets; g && g->name; g++) {
        if (add_descr_steal(t, pr_descr_new_getset(t, g)) < 0) {
            return -1;
        }
    }
    if (add_richcompare_methods(t) < 0) {
        return -1;
    }
    PrObject *doc = t->doc ? pr_str_from_cstr(t->doc) : PR_NEWREF(PR_None);
    if (add_default(t, "__doc__", doc) < 0) {
        return -1;
    }
    if (t->hash == pr_object_hash_not_implemented &&
        add_default(t, "__hash__", PR_NEWREF(PR_None)) < 0) {
        return -1;
    }
    return 0;
}

static int build_mro(PrType *t)
{
    if (!t->base) {
        t->bases = pr_tuple_new(0);
        t->mro = t->bases ? pr_tuple_pack(1, (PrObject *)t) : NULL;
        return t->mro ? 0 : -1;
    }
    if (!(t->bases = pr_tuple_pack(1, (PrObject *)t->base))) {
        return -1;
    }
    PrObject *self = pr_tuple_pack(1, (PrObject *)t);
    if (!self) {
        return -1;
    }
    t->mro = pr_tuple_concat(self, t->base->mro);
    PR_DECREF(self);
    return t->mro ? 0 : -1;
}

static int add_subclass(PrType *base, PrType *t)
{
    if (base->nsubclasses == base->subclasses_cap) {
        ssize_t cap = base->subclasses_cap ? 2 * base->subclasses_cap : 4;
        PrType **a = pr_mem_realloc(base->subclasses, (size_t)cap * sizeof *a);
        if (!a) {
            pr_err_no_memory();
            return -1;
        }
        base->subclasses = a;
        base->subclasses_cap = cap;
    }
    base->subclasses[base->nsubclasses++] = t;
    return 0;
}

static void remove_subclass(PrType *base, PrType *t)
{
    for (ssize_t i = 0; i < base->nsubclasses; i++) {
        if (base->subclasses[i] == t) {
            base->subclasses[i] = base->subclasses[--base->nsubclasses];
            return;
        }
    }
}

static void release_ready_state(PrType *t)
{
    PR_CLEAR(t->dict);
    PR_CLEAR(t->mro);
    PR_CLEAR(t->bases);
}

int pr_type_ready(PrType *t)
{
    if (PR_TYPE_HAS_FLAG(t, PR_TPFLAG_READY)) {
        return 0;
    }
    PR_ASSERT(!PR_TYPE_HAS_FLAG(t, PR_TPFLAG_READYING));
    int rc = -1;
    t->flags |= PR_TPFLAG_READYING;
    if (!t->ob.type) {
        t->ob.type = PR_TYPE(type);
        t->ob.refcnt = PR_STATIC_REFCNT;
    }
    if (!t->base && t != PR_TYPE(object)) {
        t->base = PR_TYPE(object);
    }
    if (t->base) {
        if (pr_type_ready(t->base) < 0) {
            goto done;
        }
        inherit(t, t->base);
    }
    if (build_mro(t) < 0 || fill_dict(t) < 0) {
        goto done;
    }
    if (t->base && add_subclass(t->base, t) < 0) {
        goto done;
    }
    t->version_tag = 0;
    (void)pr_type_version(t);
    t->flags |= PR_TPFLAG_READY;
    rc = 0;
done:
    t->flags &= ~PR_TPFLAG_READYING;
    if (rc < 0) {
        release_ready_state(t);
    }
    return rc;
}

void pr_type_fini_static(PrType *t)
{
    if (!PR_TYPE_HAS_FLAG(t, PR_TPFLAG_READY)) {
        return;
    }
    if (t->base) {
        remove_subclass(t->base, t);
    }
    release_ready_state(t);
    pr_mem_free(t->subclasses);
    t->subclasses = NULL;
    t->nsubclasses = t->subclasses_cap = 0;
    t->version_tag = 0;
    t->flags &= ~PR_TPFLAG_READY;
}

/* ============================================================================================
 *  Lookup and the type cache
 * ============================================================================================ */

int pr_type_is_subtype(const PrType *a, const PrType *b)
{
    if (a == b) {
        return 1;
    }
    if (a->mro) {
        PrObject *const *items = PR_TUPLE_ITEMS(a->mro);
        for (ssize_t i = 0, n = PR_TUPLE_SIZE(a->mro); i < n; i++) {
            if (items[i] == (const PrObject *)b) {
                return 1;
            }
        }
        return 0;
    }
    for (a = a->base; a; a = a->base) { /* not ready yet: the base chain */
        if (a == b) {
            return 1;
        }
    }
    return 0;
}

uint32_t pr_type_version(PrType *t)
{
    if (t->version_tag == 0) {
        if (pr_interp.type.next_version == 0) {
            pr_interp.type.next_version = 1;
        }
        t->version_tag = pr_interp.type.next_version++;
    }
    return t->version_tag;
}

void pr_type_modified(PrType *t)
{
    t->version_tag = 0;
    for (ssize_t i = 0; i < t->nsubclasses; i++) {
        pr_type_modified(t->subclasses[i]);
    }
}

static PrObject *find_in_mro(PrType *t, PrObject *name)
{
    PR_ASSERT(t->mro);
    PrObject *const *items = PR_TUPLE_ITEMS(t->mro);
    for (ssize_t i = 0, n = PR_TUPLE_SIZE(t->mro); i < n; i++) {
        PrObject *dict = ((PrType *)items[i])->dict;
        PrObject *r = pr_dict_getitem_borrow(dict, name);
        if (r) {
            return r;
        }
        if (pr_err_occurred()) { /* only a user key's __eq__ can fail: not found */
            pr_err_clear();
        }
    }
    return NULL;
}

PrObject *pr_type_lookup_borrow(PrType *t, PrObject *name)
{
    if (!PR_STR_CHECK_EXACT(name) || !((PrStr *)name)->interned) {
        return find_in_mro(t, name);
    }
    uint32_t version = pr_type_version(t);
    size_t h = ((size_t)version * 2654435761u ^ (size_t)((uintptr_t)name >> 4)) &
               ((1u << PR_TYPE_CACHE_BITS) - 1);
    PrTypeCacheEntry *e = &pr_interp.type.cache[h];
    if (e->version == version && e->name == name) {
        return e->value;
    }
    PrObject *r = find_in_mro(t, name);
    if (t->version_tag == version) { /* a lookup cannot change it, but be sure */
        e->version = version;
        e->name = name;
        e->value = r;
    }
    return r;
}

/* ============================================================================================
 *  type
 * ============================================================================================ */

static void type_dealloc(PrObject *self)
{
    /* Built-in types are static; heap types (class statements) come with classes. */
    pr_fatal("type_dealloc", "deallocating a static type");
}

static PrObject *type_repr(PrObject *self)
{
    return pr_str_from_format("<class '%s'>", ((PrType *)self)->name);
}

PrObject *pr_type_getattr(PrObject *self, PrObject *name)
{
    PrType *t = (PrType *)self, *meta = self->type;
    PrObject *meta_attr = pr_type_lookup_borrow(meta, name), *r = NULL;
    PrDescrGetFunc meta_get = NULL;
    PR_XINCREF(meta_attr);
    if (meta_attr) {
        meta_get = meta_attr->type->descr_get;
        if (meta_get && meta_attr->type->descr_set) {
            r = meta_get(meta_attr, self, (PrObject *)meta);
            goto done;
        }
    }
    PrObject *attr = pr_type_lookup_borrow(t, name);
    if (attr) {
        PrDescrGetFunc get = attr->type->descr_get;
        r = get ? get(attr, NULL, self) : PR_NEWREF(attr);
    } else if (meta_get) {
        r = meta_get(meta_attr, self, (PrObject *)meta);
    } else if (meta_attr) {
        r = PR_NEWREF(meta_attr);
    } else {
        r = pr_err_format(PR_EXC(AttributeError), "type object '%s' has no attribute '%U'", t->name,
                          name);
    }
done:
    PR_XDECREF(meta_attr);
    return r;
}

int pr_type_setattr(PrObject *self, PrObject *name, PrObject *value)
{
    PrType *t = (PrType *)self;
    if (PR_TYPE_HAS_FLAG(t, PR_TPFLAG_IMMUTABLETYPE)) {
        pr_err_format(PR_EXC(TypeError), "cannot set '%U' attribute of immutable type '%s'", name,
                      t->name);
        return -1;
    }
    PrObject *meta_attr = pr_type_lookup_borrow(self->type, name);
    if (meta_attr && meta_attr->type->descr_set) {
        PR_INCREF(meta_attr);
        int rc = meta_attr->type->descr_set(meta_attr, self, value);
        PR_DECREF(meta_attr);
        return rc;
    }
    PrObject *key = PR_NEWREF(name);
    int rc = -1;
    if (PR_STR_CHECK_EXACT(key) && pr_str_intern_inplace(&key) < 0) {
        goto done;
    }
    if (value) {
        rc = pr_dict_setitem(t->dict, key, value);
    } else if ((rc = pr_dict_delitem(t->dict, key)) < 0 &&
               pr_err_matches((PrObject *)PR_EXC(KeyError))) {
        pr_err_clear();
        pr_err_format(PR_EXC(AttributeError), "type object '%s' has no attribute '%U'", t->name,
                      name);
    }
    pr_type_modified(t);
done:
    PR_DECREF(key);
    return rc;
}

PrObject *pr_type_call(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    PrType *t = (PrType *)self;
    if (t == PR_TYPE(type) && nargs == 1 && !kwnames) {
        return PR_NEWREF(args[0]->type);
    }
    if (!t->new) {
        return pr_err_format(PR_EXC(TypeError), "cannot create '%s' instances", t->name);
    }
    PrObject *o = t->new (t, args, nargs, kwnames);
    if (o && o->type->init && pr_type_is_subtype(o->type, t) &&
        o->type->init(o, args, nargs, kwnames) < 0) {
        PR_CLEAR(o);
    }
    return o;
}

static PrObject *type_new(PrType *meta, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (nargs == 1 && !kwnames) {
        return PR_NEWREF(args[0]->type);
    }
    if (nargs == 3) {
        return pr_err_set(PR_EXC(NotImplementedError),
                          "type() with 3 arguments (class creation) is not available yet");
    }
    return pr_err_set(PR_EXC(TypeError), "type() takes 1 or 3 arguments");
}

static PrObject *type_get_name(PrObject *self, void *closure)
{
    return pr_str_from_cstr(((PrType *)self)->name);
}

static PrObject *type_get_module(PrObject *self, void *closure)
{
    return pr_str_intern_cstr("builtins");
}

static PrObject *type_get_mro(PrObject *self, void *closure)
{
    return PR_NEWREF(((PrType *)self)->mro);
}

static PrObject *type_get_bases(PrObject *self, void *closure)
{
    return PR_NEWREF(((PrType *)self)->bases);
}

static PrObject *type_get_base(PrObject *self, void *closure)
{
    PrType *b = ((PrType *)self)->base;
    return PR_NEWREF(b ? (PrObject *)b : PR_None);
}

static const PrGetSetDef type_getsets[] = {
    {"__name__", type_get_name, NULL, NULL, NULL},
    {"__qualname__", type_get_name, NULL, NULL, NULL},
    {"__module__", type_get_module, NULL, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const PrType pr_type_spec = {
    .name = "type",
    .doc = "type(object) -> the object's type",
    .basicsize = sizeof(PrType),
    .flags = PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE | PR_TPFLAG_TYPE_SUBCLASS,
    .dealloc = type_dealloc,
    .repr = type_repr,
    .getattr = pr_type_getattr,
    .setattr = pr_type_setattr,
    .call = pr_type_call,
    .new = type_new,
    .getsets = type_getsets,
};
