/* objects/object.c — allocation of objects, and the generic operations of objects/object.h:
 * repr, str, hash, rich comparison, truth, attributes, calls, the repr recursion guard.
 * The slots they dispatch to are described in objects/type.h. */
#include "objects/object.h"

#include "memory/obmalloc.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/type.h"
#include "vm/errors.h"
#include "vm/interp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void pr_fatal(const char *where, const char *msg)
{
    fflush(stdout);
    fprintf(stderr, "Fatal Python error: %s: %s\n", where, msg);
    fflush(stderr);
    abort();
}

const PrCompareOpInfo pr_compare_ops[PR_CMPOP_COUNT] = {
#define PR_CMPOP(name, symbol, dunder, swapped) {symbol, dunder, swapped},
#include "objects/cmpops.def"
#undef PR_CMPOP
};
_Static_assert(sizeof pr_compare_ops / sizeof pr_compare_ops[0] == PR_CMPOP_COUNT,
               "cmpops.def expanded once per operator");

/* ============================================================================================
 *  Allocation
 * ============================================================================================ */

static size_t gc_prefix(const PrType *t)
{
    return PR_TYPE_IS_GC(t) ? sizeof(PrGCHead) : 0;
}

/* Allocates `size` bytes for an instance of t, the collector header in front for GC types;
 * clears the header and the first `clear` bytes of the object. */
static PrObject *alloc_object(PrType *t, size_t size, size_t clear)
{
    size_t pre = gc_prefix(t);
    char *block = pr_mem_alloc(pre + size);
    if (!block) {
        return pr_err_no_memory();
    }
    memset(block, 0, pre + clear);
    PrObject *o = (PrObject *)(void *)(block + pre);
    o->refcnt = 1;
    o->type = t;
    if (pre) {
        pr_gc_note_alloc(&pr_interp.gc);
    }
    if (PR_TYPE_HAS_FLAG(t, PR_TPFLAG_HEAPTYPE)) {
        PR_INCREF(t);
    }
    return o;
}

PrObject *pr_object_new(PrType *t)
{
    return alloc_object(t, (size_t)t->basicsize, (size_t)t->basicsize);
}

PrObject *pr_object_new_var(PrType *t, ssize_t n)
{
    PR_ASSERT(n >= 0);
    /* the division only for counts that could overflow: it costs more than the allocation */
    if (t->itemsize && (size_t)n >= ((size_t)1 << 24) &&
        (size_t)n > (SIZE_MAX / 2 - (size_t)t->basicsize) / (size_t)t->itemsize) {
        return pr_err_no_memory();
    }
    size_t size = (size_t)t->basicsize + (size_t)n * (size_t)t->itemsize;
    PrObject *o = alloc_object(t, size, (size_t)t->basicsize);
    if (o) {
        PR_SIZE(o) = n;
    }
    return o;
}

int pr_object_gc_may_be_tracked(PrObject *o)
{
    if (!PR_TYPE_IS_GC(o->type)) {
        return 0;
    }
    return o->type == PR_TYPE(tuple) ? pr_gc_is_tracked(o) : 1;
}

void pr_object_free(PrObject *o)
{
    PrType *t = o->type;
    if (PR_TYPE_IS_GC(t)) {
        PR_ASSERT(!pr_gc_is_tracked(o));
        pr_gc_note_free(&pr_interp.gc);
        pr_mem_free(PR_GC_HEAD(o));
    } else {
        pr_mem_free(o);
    }
    if (PR_TYPE_HAS_FLAG(t, PR_TPFLAG_HEAPTYPE)) {
        PR_DECREF(t);
    }
}

void pr_object_dealloc(PrObject *o)
{
    o->type->dealloc(o);
}

ssize_t pr_object_sizeof(PrObject *o)
{
    PrType *t = o->type;
    ssize_t size;
    if (t->size_of) {
        size = t->size_of(o);
    } else {
        size = t->basicsize;
        if (t->itemsize) {
            ssize_t n = PR_SIZE(o);
            size += t->itemsize * (n < 0 ? -n : n);
        }
    }
    return size + (ssize_t)gc_prefix(t);
}

/* ============================================================================================
 *  repr, str, hash
 * ============================================================================================ */

/* A slot's result must be a str: checks it, naming the method in the error. */
static PrObject *check_str_result(PrObject *r, const char *method)
{
    if (r && !PR_STR_CHECK(r)) {
        pr_err_format(PR_EXC(TypeError), "%s returned non-string (type %s)", method, r->type->name);
        PR_DECREF(r);
        return NULL;
    }
    return r;
}

PrObject *pr_object_repr(PrObject *o)
{
    if (!o->type->repr) {
        return pr_str_from_format("<%s object at %p>", o->type->name, (void *)o);
    }
    return check_str_result(o->type->repr(o), "__repr__");
}

PrObject *pr_object_str(PrObject *o)
{
    if (PR_STR_CHECK_EXACT(o)) {
        return PR_NEWREF(o);
    }
    if (!o->type->str) {
        return pr_object_repr(o);
    }
    return check_str_result(o->type->str(o), "__str__");
}

PrHash pr_object_hash_not_implemented(PrObject *o)
{
    pr_err_format(PR_EXC(TypeError), "unhashable type: '%s'", o->type->name);
    return -1;
}

PrHash pr_object_hash(PrObject *o)
{
    if (!o->type->hash) {
        return pr_object_hash_not_implemented(o);
    }
    return o->type->hash(o);
}

PrHash pr_hash_pointer(const void *p)
{
    size_t y = (size_t)p;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4)); /* the low bits are alignment: all zero */
    PrHash h = (PrHash)y;
    return h == -1 ? -2 : h;
}

PrHash pr_hash_bytes(const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211u;
    }
    PrHash r = (PrHash)h;
    return r == -1 ? -2 : r;
}

/* ============================================================================================
 *  Comparison and truth
 * ============================================================================================ */

/* Calls f(a, b, op); Returns: its result, or NULL for NotImplemented (released) or an error
 * (then *failed is set). */
static PrObject *try_compare(PrRichCmpFunc f, PrObject *a, PrObject *b, PrCompareOp op, int *failed)
{
    PrObject *r = f(a, b, op);
    if (!r) {
        *failed = 1;
        return NULL;
    }
    if (r == PR_NotImplemented) {
        PR_DECREF(r);
        return NULL;
    }
    return r;
}

PrObject *pr_object_richcompare(PrObject *v, PrObject *w, PrCompareOp op)
{
    PR_ASSERT(op >= PR_LT && op <= PR_GE);
    PrType *tv = v->type, *tw = w->type;
    PrCompareOp swapped = pr_compare_ops[op].swapped;
    int reflected_tried = 0, failed = 0;
    PrObject *r = NULL;
    if (tv != tw && tw->richcompare && pr_type_is_subtype(tw, tv)) {
        reflected_tried = 1;
        r = try_compare(tw->richcompare, w, v, swapped, &failed);
        if (r || failed) {
            return r;
        }
    }
    if (tv->richcompare) {
        r = try_compare(tv->richcompare, v, w, op, &failed);
        if (r || failed) {
            return r;
        }
    }
    if (!reflected_tried && tw->richcompare) {
        r = try_compare(tw->richcompare, w, v, swapped, &failed);
        if (r || failed) {
            return r;
        }
    }
    switch (op) {
    case PR_EQ:
        return pr_bool_from_long(v == w);
    case PR_NE:
        return pr_bool_from_long(v != w);
    default:
        return pr_err_format(PR_EXC(TypeError),
                             "'%s' not supported between instances of '%s' and '%s'",
                             pr_compare_ops[op].symbol, tv->name, tw->name);
    }
}

int pr_object_richcompare_bool(PrObject *v, PrObject *w, PrCompareOp op)
{
    if (v == w) {
        if (op == PR_EQ) {
            return 1;
        }
        if (op == PR_NE) {
            return 0;
        }
    }
    PrObject *r = pr_object_richcompare(v, w, op);
    if (!r) {
        return -1;
    }
    int truth = r == PR_True ? 1 : r == PR_False ? 0 : pr_object_is_true(r);
    PR_DECREF(r);
    return truth;
}

int pr_object_is_true(PrObject *o)
{
    if (o == PR_True) {
        return 1;
    }
    if (o == PR_False || o == PR_None) {
        return 0;
    }
    PrType *t = o->type;
    ssize_t n;
    if (t->number.nb_bool) {
        return t->number.nb_bool(o);
    } else if (t->mapping.mp_length) {
        n = t->mapping.mp_length(o);
    } else if (t->sequence.sq_length) {
        n = t->sequence.sq_length(o);
    } else {
        return 1;
    }
    return n < 0 ? -1 : n > 0;
}

int pr_object_is_instance(PrObject *o, PrType *t)
{
    return pr_type_is_subtype(o->type, t);
}

/* ============================================================================================
 *  Attributes
 * ============================================================================================ */

static int check_name(PrObject *name)
{
    if (!PR_STR_CHECK(name)) {
        pr_err_format(PR_EXC(TypeError), "attribute name must be string, not '%s'",
                      name->type->name);
        return -1;
    }
    return 0;
}

PrObject *pr_object_getattr(PrObject *o, PrObject *name)
{
    if (check_name(name) < 0) {
        return NULL;
    }
    return o->type->getattr(o, name);
}

PrObject *pr_object_getattr_cstr(PrObject *o, const char *name)
{
    PrObject *s = pr_str_intern_cstr(name);
    if (!s) {
        return NULL;
    }
    PrObject *r = pr_object_getattr(o, s);
    PR_DECREF(s);
    return r;
}

int pr_object_setattr(PrObject *o, PrObject *name, PrObject *value)
{
    if (check_name(name) < 0) {
        return -1;
    }
    if (!o->type->setattr) {
        pr_err_format(PR_EXC(AttributeError), "'%s' object has no attribute '%U'", o->type->name,
                      name);
        return -1;
    }
    return o->type->setattr(o, name, value);
}

int pr_object_delattr(PrObject *o, PrObject *name)
{
    return pr_object_setattr(o, name, NULL);
}

/* The address of o's instance dict pointer, or NULL when its type has none. */
static PrObject **dict_slot(PrObject *o)
{
    ssize_t off = o->type->dictoffset;
    return off ? (PrObject **)(void *)((char *)o + off) : NULL;
}

static PrObject *no_attribute(PrObject *o, PrObject *name)
{
    return pr_err_format(PR_EXC(AttributeError), "'%s' object has no attribute '%U'", o->type->name,
                         name);
}

PrObject *pr_object_lookup_special(PrObject *o, const char *name)
{
    PrObject *key = pr_str_intern_cstr(name);
    if (!key) {
        return NULL;
    }
    PrObject *f = pr_type_lookup_borrow(PR_TYPE_OF(o), key);
    PR_DECREF(key);
    if (!f) {
        return NULL;
    }
    PrDescrGetFunc get = PR_TYPE_OF(f)->descr_get;
    return get ? get(f, o, (PrObject *)PR_TYPE_OF(o)) : PR_NEWREF(f);
}

PrObject *pr_object_generic_getattr(PrObject *o, PrObject *name)
{
    PrType *t = o->type;
    PrObject *descr = pr_type_lookup_borrow(t, name), *r = NULL;
    PrDescrGetFunc get = NULL;
    if (descr) {
        PR_INCREF(descr); /* the lookup is borrowed; a get may change the type's dict */
        get = descr->type->descr_get;
        if (get && descr->type->descr_set) {
            r = get(descr, o, (PrObject *)t);
            goto done;
        }
    }
    PrObject **slot = dict_slot(o);
    if (slot && *slot) {
        r = pr_dict_getitem_borrow(*slot, name);
        if (r || pr_err_occurred()) {
            PR_XINCREF(r);
            goto done;
        }
    }
    if (get) {
        r = get(descr, o, (PrObject *)t);
    } else if (descr) {
        r = PR_NEWREF(descr);
    } else {
        r = no_attribute(o, name);
    }
done:
    PR_XDECREF(descr);
    return r;
}

int pr_object_generic_setattr(PrObject *o, PrObject *name, PrObject *value)
{
    PrType *t = o->type;
    PrObject *descr = pr_type_lookup_borrow(t, name);
    int rc = -1;
    PR_XINCREF(descr);
    if (descr && descr->type->descr_set) {
        rc = descr->type->descr_set(descr, o, value);
        goto done;
    }
    PrObject **slot = dict_slot(o);
    if (!slot) {
        if (descr) {
            pr_err_format(PR_EXC(AttributeError), "'%s' object attribute '%U' is read-only",
                          t->name, name);
        } else {
            no_attribute(o, name);
        }
        goto done;
    }
    if (!value) {
        rc = *slot ? pr_dict_delitem(*slot, name) : -1;
        if (rc < 0 && (!*slot || pr_err_matches((PrObject *)PR_EXC(KeyError)))) {
            pr_err_clear();
            no_attribute(o, name);
        }
        goto done;
    }
    if (!*slot && !(*slot = pr_dict_new())) {
        goto done;
    }
    rc = pr_dict_setitem(*slot, name, value);
done:
    PR_XDECREF(descr);
    return rc;
}

int pr_object_get_method(PrObject *o, PrObject *name, PrObject **method)
{
    PrType *t = o->type;
    *method = NULL;
    if (t->getattr != pr_object_generic_getattr || !PR_STR_CHECK(name)) {
        *method = pr_object_getattr(o, name);
        return *method ? 0 : -1;
    }
    PrObject *descr = pr_type_lookup_borrow(t, name);
    if (descr && PR_TYPE_HAS_FLAG(descr->type, PR_TPFLAG_METHOD_DESCRIPTOR)) {
        PrObject **slot = dict_slot(o);
        PrObject *shadow = slot && *slot ? pr_dict_getitem_borrow(*slot, name) : NULL;
        if (shadow || pr_err_occurred()) {
            *method = shadow ? PR_NEWREF(shadow) : NULL;
            return shadow ? 0 : -1;
        }
        *method = PR_NEWREF(descr);
        return 1;
    }
    *method = pr_object_generic_getattr(o, name);
    return *method ? 0 : -1;
}

/* ============================================================================================
 *  Calls
 * ============================================================================================ */

/* CPython's _Py_CheckFunctionResult: a callee must return a value xor raise. */
static PrObject *check_call_result(PrObject *callable, PrObject *r)
{
    if (!r && !pr_err_occurred()) {
        return pr_err_format(PR_EXC(SystemError),
                             "<%s object> returned NULL without setting "
                             "an exception",
                             callable->type->name);
    }
    if (r && pr_err_occurred()) {
        PrObject *pending = pr_err_fetch();
        PR_DECREF(r);
        pr_err_format(PR_EXC(SystemError), "<%s object> returned a result with an exception set",
                      callable->type->name);
        pr_exception_set_context_steal(pr_err_occurred_borrow(), pending);
        return NULL;
    }
    return r;
}

PrObject *pr_object_call(PrObject *callable, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    PrVectorcallFunc f = callable->type->call;
    if (!f) {
        return pr_err_format(PR_EXC(TypeError), "'%s' object is not callable",
                             callable->type->name);
    }
    return check_call_result(callable, f(callable, args, nargs, kwnames));
}

#define SMALL_ARGS 8

PrObject *pr_object_call_method(PrObject *o, PrObject *name, PrObject *const *args, size_t nargs)
{
    PrObject *method = NULL, *r = NULL, *small[SMALL_ARGS], **argv = small;
    int unbound = pr_object_get_method(o, name, &method);
    if (unbound < 0) {
        goto done;
    }
    if (!unbound) {
        r = pr_object_call(method, args, nargs, NULL);
        goto done;
    }
    if (nargs + 1 > SMALL_ARGS && !(argv = pr_mem_alloc((nargs + 1) * sizeof *argv))) {
        pr_err_no_memory();
        goto done;
    }
    argv[0] = o;
    if (nargs) {
        memcpy(argv + 1, args, nargs * sizeof *argv);
    }
    r = pr_object_call(method, argv, nargs + 1, NULL);
done:
    if (argv != small) {
        pr_mem_free(argv);
    }
    PR_XDECREF(method);
    return r;
}

/* ============================================================================================
 *  Repr recursion guard
 * ============================================================================================ */

int pr_repr_enter(PrObject *o)
{
    for (size_t i = pr_interp.repr.n; i-- > 0;) {
        if (pr_interp.repr.items[i] == o) {
            return 1;
        }
    }
    if (pr_interp.repr.n == pr_interp.repr.cap) {
        size_t cap = pr_interp.repr.cap ? 2 * pr_interp.repr.cap : 16;
        PrObject **items = pr_mem_realloc(pr_interp.repr.items, cap * sizeof *items);
        if (!items) {
            pr_err_no_memory();
            return -1;
        }
        pr_interp.repr.items = items;
        pr_interp.repr.cap = cap;
    }
    pr_interp.repr.items[pr_interp.repr.n++] = o;
    return 0;
}

void pr_repr_leave(PrObject *o)
{
    for (size_t i = pr_interp.repr.n; i-- > 0;) {
        if (pr_interp.repr.items[i] == o) {
            memmove(pr_interp.repr.items + i, pr_interp.repr.items + i + 1,
                    (pr_interp.repr.n - i - 1) * sizeof(PrObject *));
            pr_interp.repr.n--;
            return;
        }
    }
}
