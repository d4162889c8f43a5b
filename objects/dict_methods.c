/* objects/dict_methods.c — the dict type beyond its table: methods (get, setdefault, pop,
 * popitem, keys, values, items, update, clear, copy), dict() and |, the three views with set
 * operations on keys and items, and the iterators with CPython's change detection. The table
 * itself is objects/dict.c; contracts in objects/dict.h. */
#include "objects/dict_impl.h"

#include "objects/iterate.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/number.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/errors.h"

/* ============================================================================================
 *  C API
 * ============================================================================================ */

/* other[key] through its mapping slot. */
static PrObject *get_item(PrObject *o, PrObject *key)
{
    if (!o->type->mapping.mp_subscript) {
        return pr_err_format(PR_EXC(TypeError), "'%s' object is not subscriptable", o->type->name);
    }
    return o->type->mapping.mp_subscript(o, key);
}

/* d[k] = other[k] for k in other.keys(). */
static int merge_mapping(PrObject *d, PrObject *other, PrObject *keys_meth)
{
    PrObject *keys = pr_object_call(keys_meth, NULL, 0, NULL);
    PrObject *it = keys ? pr_object_get_iter(keys) : NULL, *k;
    int rc = it ? 0 : -1;
    while (rc == 0 && (k = pr_iter_next(it))) {
        PrObject *v = get_item(other, k);
        rc = v ? pr_dict_setitem(d, k, v) : -1;
        PR_XDECREF(v);
        PR_DECREF(k);
    }
    if (rc == 0 && pr_err_occurred()) {
        rc = -1;
    }
    PR_XDECREF(it);
    PR_XDECREF(keys);
    return rc;
}

/* One element of an update sequence: a pair. */
static int merge_pair(PrObject *d, PrObject *item, ssize_t index)
{
    PrObject *seq = PR_TUPLE_CHECK(item) || PR_LIST_CHECK(item) ? PR_NEWREF(item) : NULL;
    if (!seq && item->type->iter) {
        seq = pr_list_from_iterable(item);
        if (!seq) {
            return -1;
        }
    }
    if (!seq) {
        pr_err_format(PR_EXC(TypeError),
                      "cannot convert dictionary update sequence element #%zd to a sequence",
                      index);
        return -1;
    }
    int rc = -1;
    if (PR_SIZE(seq) != 2) {
        pr_err_format(PR_EXC(ValueError),
                      "dictionary update sequence element #%zd has length %zd; 2 is required",
                      index, PR_SIZE(seq));
    } else {
        PrObject **kv = PR_TUPLE_CHECK(seq) ? PR_TUPLE_ITEMS(seq) : PR_LIST_ITEMS(seq);
        PrObject *k = PR_NEWREF(kv[0]), *v = PR_NEWREF(kv[1]);
        rc = pr_dict_setitem(d, k, v);
        PR_DECREF(k);
        PR_DECREF(v);
    }
    PR_DECREF(seq);
    return rc;
}

static int merge_pairs(PrObject *d, PrObject *iterable)
{
    PrObject *it = pr_object_get_iter(iterable), *item;
    if (!it) {
        return -1;
    }
    int rc = 0;
    for (ssize_t i = 0; rc == 0 && (item = pr_iter_next(it)); i++) {
        rc = merge_pair(d, item, i);
        PR_DECREF(item);
    }
    PR_DECREF(it);
    return rc == 0 && pr_err_occurred() ? -1 : rc;
}

int pr_dict_update(PrObject *d, PrObject *other, int pairs)
{
    if (PR_DICT_CHECK(other)) {
        return pr_dict_merge(d, other);
    }
    if (!pairs) {
        PrObject *keys = pr_object_getattr_cstr(other, "keys");
        if (!keys) {
            return -1;
        }
        int rc = merge_mapping(d, other, keys);
        PR_DECREF(keys);
        return rc;
    }
    PrObject *keys = pr_object_getattr_cstr(other, "keys");
    if (keys) { /* a mapping after all */
        int rc = merge_mapping(d, other, keys);
        PR_DECREF(keys);
        return rc;
    }
    if (!pr_err_matches((PrObject *)PR_EXC(AttributeError))) {
        return -1;
    }
    pr_err_clear();
    return merge_pairs(d, other);
}

PrObject *pr_dict_fromkeys(PrObject *iterable, PrObject *value)
{
    PrObject *d = pr_dict_new(), *it = d ? pr_object_get_iter(iterable) : NULL, *k;
    int rc = it ? 0 : -1;
    while (rc == 0 && (k = pr_iter_next(it))) {
        rc = pr_dict_setitem(d, k, value ? value : PR_None);
        PR_DECREF(k);
    }
    if (rc < 0 || pr_err_occurred()) {
        PR_CLEAR(d);
    }
    PR_XDECREF(it);
    return d;
}

PrObject *pr_dict_pop(PrObject *d, PrObject *key, PrObject *dflt)
{
    PrObject *v = pr_dict_getitem_borrow(d, key);
    if (!v) {
        if (pr_err_occurred()) {
            return NULL;
        }
        return dflt ? PR_NEWREF(dflt) : pr_err_set_object(PR_EXC(KeyError), key);
    }
    PR_INCREF(v);
    if (pr_dict_delitem(d, key) < 0) {
        PR_CLEAR(v);
    }
    return v;
}

PrObject *pr_dict_setdefault_borrow(PrObject *d, PrObject *key, PrObject *dflt)
{
    PrObject *v = pr_dict_getitem_borrow(d, key);
    if (v || pr_err_occurred()) {
        return v;
    }
    if (pr_dict_setitem(d, key, dflt) < 0) {
        return NULL;
    }
    return dflt;
}

/* ============================================================================================
 *  Methods
 * ============================================================================================ */

static int check_nargs(const char *name, size_t nargs, size_t min, size_t max)
{
    if (nargs < min || nargs > max) {
        pr_err_format(PR_EXC(TypeError), "%s expected %s %zu argument%s, got %zu", name,
                      nargs < min ? "at least" : "at most", nargs < min ? min : max,
                      (nargs < min ? min : max) == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* dict.fromkeys(iterable, value=None), a class method: self is dict or a subclass, whose
 * instance (made by calling it) is filled through the dict core, as no class can yet override
 * __setitem__. */
static PrObject *dict_fromkeys_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames)
{
    if (check_nargs("fromkeys", nargs, 1, 2) < 0) {
        return NULL;
    }
    PrObject *value = nargs > 1 ? args[1] : NULL;
    if (self == (PrObject *)PR_TYPE(dict)) {
        return pr_dict_fromkeys(args[0], value);
    }
    PrObject *d = pr_object_call(self, NULL, 0, NULL), *it = NULL, *k;
    if (!d || !(it = pr_object_get_iter(args[0]))) {
        goto fail;
    }
    while ((k = pr_iter_next(it))) {
        int rc = PR_DICT_CHECK(d) ? pr_dict_setitem(d, k, value ? value : PR_None) : -1;
        PR_DECREF(k);
        if (rc < 0) {
            goto fail;
        }
    }
    if (pr_err_occurred()) {
        goto fail;
    }
    PR_DECREF(it);
    return d;
fail:
    if (d && !PR_DICT_CHECK(d) && !pr_err_occurred()) {
        pr_err_format(PR_EXC(TypeError), "'%s' object does not support item assignment",
                      PR_TYPE_OF(d)->name);
    }
    PR_XDECREF(it);
    PR_XDECREF(d);
    return NULL;
}

static PrObject *dict_get_meth(PrObject *self, PrObject *const *args, size_t nargs,
                               PrObject *kwnames)
{
    if (check_nargs("get", nargs, 1, 2) < 0) {
        return NULL;
    }
    PrObject *v = pr_dict_getitem_borrow(self, args[0]);
    if (v) {
        return PR_NEWREF(v);
    }
    return pr_err_occurred() ? NULL : PR_NEWREF(nargs > 1 ? args[1] : PR_None);
}

static PrObject *dict_setdefault_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                      PrObject *kwnames)
{
    if (check_nargs("setdefault", nargs, 1, 2) < 0) {
        return NULL;
    }
    PrObject *v = pr_dict_setdefault_borrow(self, args[0], nargs > 1 ? args[1] : PR_None);
    return v ? PR_NEWREF(v) : NULL;
}

static PrObject *dict_pop_meth(PrObject *self, PrObject *const *args, size_t nargs,
                               PrObject *kwnames)
{
    if (check_nargs("pop", nargs, 1, 2) < 0) {
        return NULL;
    }
    return pr_dict_pop(self, args[0], nargs > 1 ? args[1] : NULL);
}

static PrObject *dict_popitem_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                   PrObject *kwnames)
{
    return pr_dict_popitem(self);
}

static PrObject *dict_keys_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                PrObject *kwnames)
{
    return pr_dict_keys(self);
}

static PrObject *dict_values_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    return pr_dict_values(self);
}

static PrObject *dict_items_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kwnames)
{
    return pr_dict_items(self);
}

/* d.update([other], **kw) and dict(other, **kw) share this. */
static int update_args(PrObject *d, const char *name, PrObject *const *args, size_t nargs,
                       PrObject *kwnames)
{
    if (nargs > 1) {
        pr_err_format(PR_EXC(TypeError), "%s expected at most 1 argument, got %zu", name, nargs);
        return -1;
    }
    if (nargs && pr_dict_update(d, args[0], 1) < 0) {
        return -1;
    }
    for (ssize_t i = 0; kwnames && i < PR_TUPLE_SIZE(kwnames); i++) {
        if (pr_dict_setitem(d, PR_TUPLE_ITEMS(kwnames)[i], args[nargs + (size_t)i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static PrObject *dict_update_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                  PrObject *kwnames)
{
    return update_args(self, "update", args, nargs, kwnames) < 0 ? NULL : PR_NEWREF(PR_None);
}

static PrObject *dict_clear_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kwnames)
{
    pr_dict_clear(self);
    PR_RETURN_NONE;
}

static PrObject *dict_copy_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                PrObject *kwnames)
{
    return pr_dict_copy(self);
}

static PrObject *dict_contains_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames)
{
    int rc = pr_dict_contains(self, args[0]);
    return rc < 0 ? NULL : pr_bool_from_long(rc);
}

static PrObject *dict_getitem_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                   PrObject *kwnames)
{
    return pr_dict_subscript(self, args[0]);
}

static PrObject *dict_reversed_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames);

const PrMethodDef pr_dict_methods[] = {
    {"__reversed__", dict_reversed_meth, PR_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {"fromkeys", dict_fromkeys_meth, PR_METH_VARARGS | PR_METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"get", dict_get_meth, PR_METH_VARARGS,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_setdefault_meth, PR_METH_VARARGS,
     "Insert key with a value of default if key is not in the dictionary."},
    {"pop", dict_pop_meth, PR_METH_VARARGS,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", dict_popitem_meth, PR_METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", dict_keys_meth, PR_METH_NOARGS,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", dict_values_meth, PR_METH_NOARGS,
     "D.values() -> an object providing a view on D's values"},
    {"items", dict_items_meth, PR_METH_NOARGS,
     "D.items() -> a set-like object providing a view on D's items"},
    {"update", dict_update_meth, PR_METH_VARARGS | PR_METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"clear", dict_clear_meth, PR_METH_NOARGS, "D.clear() -> None.  Remove all items from D."},
    {"copy", dict_copy_meth, PR_METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__contains__", dict_contains_meth, PR_METH_O,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", dict_getitem_meth, PR_METH_O, "x.__getitem__(y) <==> x[y]"},
    {NULL, NULL, 0, NULL},
};

/* dict(**kw), dict(mapping, **kw), dict(iterable, **kw) */
PrObject *pr_dict_type_new(PrType *type, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (type == PR_TYPE(dict)) {
        return pr_dict_new();
    }
    return pr_object_new(type); /* untracked until it holds a container, as dict */
}

int pr_dict_type_init(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    return update_args(self, "dict", args, nargs, kwnames);
}

PrObject *pr_dict_type_or(PrObject *a, PrObject *b)
{
    if (!PR_DICT_CHECK(a) || !PR_DICT_CHECK(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    PrObject *r = pr_dict_copy(a);
    if (r && pr_dict_merge(r, b) < 0) {
        PR_CLEAR(r);
    }
    return r;
}

PrObject *pr_dict_type_ior(PrObject *a, PrObject *b)
{
    if (!PR_DICT_CHECK(a)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    return pr_dict_update(a, b, 1) < 0 ? NULL : PR_NEWREF(a);
}

/* ============================================================================================
 *  Iterators
 * ============================================================================================ */

typedef struct DictIter {
    PrObject ob;
    PrObject *dict; /* NULL once exhausted */
    PrDictIterState st;
    int reversed;
} DictIter;

static PrObject *dictiter_new(PrObject *d, PrType *type)
{
    DictIter *it = (DictIter *)pr_object_new(type);
    if (!it) {
        return NULL;
    }
    it->dict = PR_NEWREF(d);
    it->reversed = type == PR_TYPE(dict_reversekeyiterator) ||
                   type == PR_TYPE(dict_reversevalueiterator) ||
                   type == PR_TYPE(dict_reverseitemiterator);
    if (it->reversed) {
        pr_dict_iter_init_reversed(d, &it->st);
    } else {
        pr_dict_iter_init(d, &it->st);
    }
    pr_gc_track((PrObject *)it);
    return (PrObject *)it;
}

PrObject *pr_dict_type_iter(PrObject *self)
{
    return dictiter_new(self, PR_TYPE(dict_keyiterator));
}

/* The next entry. Returns: 1 with borrowed key and value, 0 at the end, -1 on error. */
static int dictiter_step(PrObject *self, PrObject **k, PrObject **v)
{
    DictIter *it = (DictIter *)self;
    if (!it->dict) {
        return 0;
    }
    int rc = it->reversed ? pr_dict_iter_prev(it->dict, &it->st, k, v)
                          : pr_dict_iter_next(it->dict, &it->st, k, v);
    if (rc == 0) {
        PR_CLEAR(it->dict);
    }
    return rc;
}

static PrObject *keyiter_next(PrObject *self)
{
    PrObject *k, *v;
    return dictiter_step(self, &k, &v) > 0 ? PR_NEWREF(k) : NULL;
}

static PrObject *valueiter_next(PrObject *self)
{
    PrObject *k, *v;
    return dictiter_step(self, &k, &v) > 0 ? PR_NEWREF(v) : NULL;
}

static PrObject *itemiter_next(PrObject *self)
{
    PrObject *k, *v;
    return dictiter_step(self, &k, &v) > 0 ? pr_tuple_pack(2, k, v) : NULL;
}

static void holder_dealloc(PrObject *self)
{
    pr_gc_untrack(self);
    PR_XDECREF(((DictIter *)self)->dict);
    pr_object_free(self);
}

static int holder_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrObject *d = ((DictIter *)self)->dict;
    return d ? visit(d, arg) : 0;
}

static PrObject *dictiter_length_hint(PrObject *self, PrObject *const *args, size_t nargs,
                                      PrObject *kwnames)
{
    DictIter *it = (DictIter *)self;
    int live = it->dict && it->st.used == pr_dict_size(it->dict);
    return pr_long_from_int64(live ? it->st.remaining : 0);
}

static const PrMethodDef dictiter_methods[] = {
    {"__length_hint__", dictiter_length_hint, PR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

#define DICTITER_SPEC(pyname, next)                                                                \
    {                                                                                              \
        .name = pyname, .basicsize = sizeof(DictIter),                                             \
        .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE, .dealloc = holder_dealloc,                \
        .traverse = holder_traverse, .iter = pr_iter_self, .iternext = next,                       \
        .methods = dictiter_methods,                                                               \
    }

const PrType pr_dict_keyiter_spec = DICTITER_SPEC("dict_keyiterator", keyiter_next);
const PrType pr_dict_valueiter_spec = DICTITER_SPEC("dict_valueiterator", valueiter_next);
const PrType pr_dict_itemiter_spec = DICTITER_SPEC("dict_itemiterator", itemiter_next);
const PrType pr_dict_revkeyiter_spec = DICTITER_SPEC("dict_reversekeyiterator", keyiter_next);
const PrType pr_dict_revvalueiter_spec = DICTITER_SPEC("dict_reversevalueiterator", valueiter_next);
const PrType pr_dict_revitemiter_spec = DICTITER_SPEC("dict_reverseitemiterator", itemiter_next);

/* reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items()) */
static PrObject *dict_reversed_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames)
{
    return dictiter_new(self, PR_TYPE(dict_reversekeyiterator));
}

/* ============================================================================================
 *  Views
 * ============================================================================================ */

typedef struct DictView {
    PrObject ob;
    PrObject *dict;
} DictView;

static PrObject *view_new(PrObject *d, PrType *type)
{
    DictView *v = (DictView *)pr_object_new(type);
    if (!v) {
        return NULL;
    }
    v->dict = PR_NEWREF(d);
    pr_gc_track((PrObject *)v);
    return (PrObject *)v;
}

PrObject *pr_dict_keys(PrObject *d)
{
    return view_new(d, PR_TYPE(dict_keys));
}

PrObject *pr_dict_values(PrObject *d)
{
    return view_new(d, PR_TYPE(dict_values));
}

PrObject *pr_dict_items(PrObject *d)
{
    return view_new(d, PR_TYPE(dict_items));
}

#define VIEW_DICT(v) (((DictView *)(v))->dict)

static ssize_t view_length(PrObject *self)
{
    return pr_dict_size(VIEW_DICT(self));
}

static PrObject *keys_iter(PrObject *self)
{
    return dictiter_new(VIEW_DICT(self), PR_TYPE(dict_keyiterator));
}

static PrObject *values_iter(PrObject *self)
{
    return dictiter_new(VIEW_DICT(self), PR_TYPE(dict_valueiterator));
}

static PrObject *items_iter(PrObject *self)
{
    return dictiter_new(VIEW_DICT(self), PR_TYPE(dict_itemiterator));
}

static PrObject *keys_reversed_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                    PrObject *kwnames)
{
    return dictiter_new(VIEW_DICT(self), PR_TYPE(dict_reversekeyiterator));
}

static PrObject *values_reversed_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                      PrObject *kwnames)
{
    return dictiter_new(VIEW_DICT(self), PR_TYPE(dict_reversevalueiterator));
}

static PrObject *items_reversed_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                     PrObject *kwnames)
{
    return dictiter_new(VIEW_DICT(self), PR_TYPE(dict_reverseitemiterator));
}

static int keys_contains(PrObject *self, PrObject *key)
{
    return pr_dict_contains(VIEW_DICT(self), key);
}

/* (k, v) in d.items(): d has k and its value equals v. */
static int items_contains(PrObject *self, PrObject *pair)
{
    if (!PR_TUPLE_CHECK(pair) || PR_TUPLE_SIZE(pair) != 2) {
        return 0;
    }
    PrObject *v = pr_dict_getitem_borrow(VIEW_DICT(self), PR_TUPLE_ITEMS(pair)[0]);
    if (!v) {
        return pr_err_occurred() ? -1 : 0;
    }
    PR_INCREF(v);
    int rc = pr_object_richcompare_bool(v, PR_TUPLE_ITEMS(pair)[1], PR_EQ);
    PR_DECREF(v);
    return rc;
}

/* dict_keys(['a', 'b']): the type's name around the repr of a list of the view's items. */
static PrObject *view_repr(PrObject *self)
{
    int rc = pr_repr_enter(self);
    if (rc != 0) {
        return rc > 0 ? pr_str_from_cstr("...") : NULL;
    }
    PrObject *l = pr_list_from_iterable(self);
    PrObject *r = l ? pr_str_from_format("%s(%R)", self->type->name, l) : NULL;
    PR_XDECREF(l);
    pr_repr_leave(self);
    return r;
}

static int is_set_like(PrObject *o)
{
    return PR_ANYSET_CHECK(o) || PR_TYPE_OF(o) == PR_TYPE(dict_keys) ||
           PR_TYPE_OF(o) == PR_TYPE(dict_items);
}

/* Whether every item of a is in b. Returns: 1, 0 or -1. */
static int all_contained_in(PrObject *a, PrObject *b)
{
    PrObject *it = pr_object_get_iter(a), *item;
    if (!it) {
        return -1;
    }
    int rc = 1;
    while (rc == 1 && (item = pr_iter_next(it))) {
        rc = b->type->sequence.sq_contains(b, item);
        PR_DECREF(item);
    }
    PR_DECREF(it);
    return rc == 1 && pr_err_occurred() ? -1 : rc;
}

static PrObject *view_richcompare(PrObject *a, PrObject *b, PrCompareOp op)
{
    if (!is_set_like(a) || !is_set_like(b)) {
        PR_RETURN_NOTIMPLEMENTED;
    }
    ssize_t na = pr_object_length(a), nb = pr_object_length(b);
    int rc;
    switch (op) {
    case PR_EQ:
    case PR_NE:
        rc = na == nb ? all_contained_in(a, b) : 0;
        if (rc >= 0 && op == PR_NE) {
            rc = !rc;
        }
        break;
    case PR_LT:
        rc = na < nb ? all_contained_in(a, b) : 0;
        break;
    case PR_LE:
        rc = na <= nb ? all_contained_in(a, b) : 0;
        break;
    case PR_GT:
        rc = na > nb ? all_contained_in(b, a) : 0;
        break;
    default:
        rc = na >= nb ? all_contained_in(b, a) : 0;
        break;
    }
    return rc < 0 ? NULL : pr_bool_from_long(rc);
}

/* a <op> b for views: set(a) updated in place by b, as CPython's dictviews_* (a may be any
 * iterable when the view is on the right). */
static PrObject *view_setop(PrObject *a, PrObject *b, PrBinop op)
{
    PrObject *r = pr_set_new(a), *tmp = NULL;
    if (!r) {
        return NULL;
    }
    PrObject *other = PR_ANYSET_CHECK(b) ? PR_NEWREF(b) : pr_set_new(b);
    if (!other) {
        PR_DECREF(r);
        return NULL;
    }
    switch (op) {
    case PR_BINOP_OR:
        tmp = pr_number_inplace_or(r, other);
        break;
    case PR_BINOP_AND:
        tmp = pr_number_inplace_and(r, other);
        break;
    case PR_BINOP_SUB:
        tmp = pr_number_inplace_sub(r, other);
        break;
    default:
        tmp = pr_number_inplace_xor(r, other);
        break;
    }
    PR_DECREF(other);
    PR_DECREF(r);
    return tmp;
}

/* Only views and iterables: anything else (an int) is NotImplemented. */
#define VIEW_BINOP(name, OP)                                                                       \
    static PrObject *view_##name(PrObject *a, PrObject *b)                                         \
    {                                                                                              \
        if (!a->type->iter || !b->type->iter) {                                                    \
            PR_RETURN_NOTIMPLEMENTED;                                                              \
        }                                                                                          \
        return view_setop(a, b, OP);                                                               \
    }
VIEW_BINOP(or, PR_BINOP_OR)
VIEW_BINOP(and, PR_BINOP_AND)
VIEW_BINOP(sub, PR_BINOP_SUB)
VIEW_BINOP(xor, PR_BINOP_XOR)

static PrObject *view_isdisjoint_meth(PrObject *self, PrObject *const *args, size_t nargs,
                                      PrObject *kwnames)
{
    PrObject *it = pr_object_get_iter(args[0]), *item;
    if (!it) {
        return NULL;
    }
    int rc = 0;
    while (rc == 0 && (item = pr_iter_next(it))) {
        rc = self->type->sequence.sq_contains(self, item);
        PR_DECREF(item);
    }
    PR_DECREF(it);
    if (rc < 0 || pr_err_occurred()) {
        return NULL;
    }
    return pr_bool_from_long(!rc);
}

#define ISDISJOINT_DEF                                                                             \
    {                                                                                              \
        "isdisjoint", view_isdisjoint_meth, PR_METH_O,                                             \
            "Return True if the view and the given iterable have a null intersection."             \
    }

static const PrMethodDef keys_methods[] = {
    ISDISJOINT_DEF,
    {"__reversed__", keys_reversed_meth, PR_METH_NOARGS, "Return a reverse iterator."},
    {NULL, NULL, 0, NULL},
};

static const PrMethodDef items_methods[] = {
    ISDISJOINT_DEF,
    {"__reversed__", items_reversed_meth, PR_METH_NOARGS, "Return a reverse iterator."},
    {NULL, NULL, 0, NULL},
};

static const PrMethodDef values_methods[] = {
    {"__reversed__", values_reversed_meth, PR_METH_NOARGS, "Return a reverse iterator."},
    {NULL, NULL, 0, NULL},
};

#define VIEW_COMMON                                                                                \
    .basicsize = sizeof(DictView), .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE,                \
    .dealloc = holder_dealloc, .traverse = holder_traverse, .repr = view_repr,                     \
    .sequence.sq_length = view_length

#define VIEW_SET_SLOTS                                                                             \
    .richcompare = view_richcompare, .hash = pr_object_hash_not_implemented,                       \
    .number.nb_or = view_or, .number.nb_and = view_and, .number.nb_sub = view_sub,                 \
    .number.nb_xor = view_xor

const PrType pr_dict_keys_spec = {
    .name = "dict_keys",
    VIEW_COMMON,
    VIEW_SET_SLOTS,
    .iter = keys_iter,
    .methods = keys_methods,
    .sequence.sq_contains = keys_contains,
};

const PrType pr_dict_items_spec = {
    .name = "dict_items",
    VIEW_COMMON,
    VIEW_SET_SLOTS,
    .iter = items_iter,
    .methods = items_methods,
    .sequence.sq_contains = items_contains,
};

const PrType pr_dict_values_spec = {
    .name = "dict_values",
    VIEW_COMMON,
    .iter = values_iter,
    .methods = values_methods,
};
