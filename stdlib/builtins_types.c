/* stdlib/builtins_types.c — enumerate, zip, map, filter, reversed, callable_iterator and Quitter
 * (stdlib/builtins_types.h). Every iterator holds its sources strongly, is tracked by the
 * collector, and drops its sources once exhausted, as CPython's do. The builtin functions that
 * use them are in stdlib/builtins.c. */
#include "stdlib/builtins_types.h"

#include "memory/obmalloc.h"
#include "objects/exceptions.h"
#include "objects/iterate.h"
#include "objects/long.h"
#include "objects/number.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/strargs.h"
#include "objects/tuple.h"
#include "vm/errors.h"

#include <stddef.h>

static int no_keywords(const char *func, PrObject *kwnames)
{
    if (kwnames && PR_TUPLE_SIZE(kwnames) > 0) {
        pr_err_format(PR_EXC(TypeError), "%s() takes no keyword arguments", func);
        return -1;
    }
    return 0;
}

/* The traverse and dealloc of the iterators: every field after the header is a PrObject *
 * (possibly NULL), nfields = (basicsize - sizeof(PrObject)) / sizeof(PrObject *). */
static PrObject **fields(PrObject *self, size_t *n)
{
    *n = ((size_t)PR_TYPE_OF(self)->basicsize - sizeof(PrObject)) / sizeof(PrObject *);
    return (PrObject **)(void *)((char *)self + sizeof(PrObject));
}

static int fields_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    size_t n;
    PrObject **f = fields(self, &n);
    for (size_t i = 0; i < n; i++) {
        int r = f[i] ? visit(f[i], arg) : 0;
        if (r) {
            return r;
        }
    }
    return 0;
}

static int fields_clear(PrObject *self)
{
    size_t n;
    PrObject **f = fields(self, &n);
    for (size_t i = 0; i < n; i++) {
        PR_CLEAR(f[i]);
    }
    return 0;
}

static void fields_dealloc(PrObject *self)
{
    pr_gc_untrack(self);
    fields_clear(self);
    pr_object_free(self);
}

#define ITER_FLAGS (PR_TPFLAG_GC | PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE)

/* ---- enumerate ------------------------------------------------------------------------------ */

typedef struct Enumerate {
    PrObject ob;
    PrObject *iter;
    PrObject *count; /* an int: the index of the next item */
} Enumerate;

static PrObject *enumerate_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    static const char *const names[] = {"iterable", "start"};
    PrObject *arg[2] = {NULL, NULL};
    if (pr_strargs_keywords("enumerate", args, nargs, kwnames, names, 2, arg) < 0) {
        return NULL;
    }
    if (!arg[0]) {
        return pr_err_set(PR_EXC(TypeError), "enumerate() missing required argument 'iterable'");
    }
    PrObject *count = arg[1] ? pr_number_index(arg[1]) : pr_long_from_int64(0);
    if (count && !PR_LONG_CHECK_EXACT(count)) {
        PR_SETREF(count, pr_number_positive(count)); /* enumerate('a', True) counts from 1 */
    }
    PrObject *it = count ? pr_object_get_iter(arg[0]) : NULL;
    Enumerate *e = it ? (Enumerate *)pr_object_new(t) : NULL;
    if (!e) {
        PR_XDECREF(count);
        PR_XDECREF(it);
        return NULL;
    }
    e->iter = it;
    e->count = count;
    pr_gc_track((PrObject *)e);
    return (PrObject *)e;
}

static PrObject *enumerate_next(PrObject *self)
{
    Enumerate *e = (Enumerate *)self;
    PrObject *item = e->iter ? pr_iter_next(e->iter) : NULL;
    if (!item) {
        return NULL;
    }
    PrObject *one = pr_long_from_int64(1);
    PrObject *next = one ? pr_number_add(e->count, one) : NULL;
    PR_XDECREF(one);
    if (!next) {
        PR_DECREF(item);
        return NULL;
    }
    PrObject *pair = pr_tuple_pack(2, e->count, item);
    PR_DECREF(item);
    PR_SETREF(e->count, next);
    return pair;
}

const PrType pr_enumerate_spec = {
    .name = "enumerate",
    .doc = "Return an enumerate object.",
    .basicsize = sizeof(Enumerate),
    .flags = ITER_FLAGS,
    .dealloc = fields_dealloc,
    .traverse = fields_traverse,
    .clear = fields_clear,
    .iter = pr_iter_self,
    .iternext = enumerate_next,
    .new = enumerate_new,
};

/* ---- zip ------------------------------------------------------------------------------------ */

typedef struct Zip {
    PrObject ob;
    PrObject *iters;  /* tuple of iterators; NULL once exhausted */
    PrObject *strict; /* True or False */
} Zip;

/* A tuple of iter(x) for x in items[0..n). */
static PrObject *iterators(PrObject *const *items, size_t n)
{
    PrObject *t = pr_tuple_new((ssize_t)n);
    for (size_t i = 0; t && i < n; i++) {
        PrObject *it = pr_object_get_iter(items[i]);
        if (!it) {
            PR_CLEAR(t);
            break;
        }
        pr_tuple_set_steal(t, (ssize_t)i, it);
    }
    return t;
}

static PrObject *zip_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    int strict = 0;
    if (kwnames && PR_TUPLE_SIZE(kwnames) > 1) {
        return pr_err_format(PR_EXC(TypeError), "zip() takes at most 1 keyword argument (%zd given)",
                             PR_TUPLE_SIZE(kwnames));
    }
    for (ssize_t i = 0; kwnames && i < PR_TUPLE_SIZE(kwnames); i++) {
        PrObject *name = PR_TUPLE_ITEMS(kwnames)[i];
        if (!pr_str_eq_cstr(name, "strict")) {
            return pr_err_format(PR_EXC(TypeError), "'%U' is an invalid keyword argument for zip()",
                                 name);
        }
        if ((strict = pr_object_is_true(args[nargs + (size_t)i])) < 0) {
            return NULL;
        }
    }
    PrObject *iters = iterators(args, nargs);
    Zip *z = iters ? (Zip *)pr_object_new(t) : NULL;
    if (!z) {
        PR_XDECREF(iters);
        return NULL;
    }
    z->iters = iters;
    z->strict = pr_bool_from_long(strict);
    pr_gc_track((PrObject *)z);
    return (PrObject *)z;
}

/* zip(strict=True) found iterator i (> 0) exhausted, or iterator 0 exhausted and the others not:
 * CPython's texts, "zip() argument 2 is shorter than argument 1", "... than arguments 1-2". */
static PrObject *zip_mismatch(PrObject *iters, ssize_t i)
{
    const char *plural = i == 1 ? " " : "s 1-";
    if (i > 0) {
        return pr_err_format(PR_EXC(ValueError), "zip() argument %zd is shorter than argument%s%zd",
                             i + 1, plural, i);
    }
    for (i = 1; i < PR_TUPLE_SIZE(iters); i++) {
        PrObject *item = pr_iter_next(PR_TUPLE_ITEMS(iters)[i]);
        if (item) {
            PR_DECREF(item);
            plural = i == 1 ? " " : "s 1-";
            return pr_err_format(PR_EXC(ValueError),
                                 "zip() argument %zd is longer than argument%s%zd", i + 1, plural,
                                 i);
        }
        if (pr_err_occurred()) {
            return NULL;
        }
    }
    return NULL;
}

static PrObject *zip_next(PrObject *self)
{
    Zip *z = (Zip *)self;
    if (!z->iters || PR_TUPLE_SIZE(z->iters) == 0) {
        return NULL;
    }
    ssize_t n = PR_TUPLE_SIZE(z->iters);
    PrObject *result = pr_tuple_new(n);
    for (ssize_t i = 0; result && i < n; i++) {
        PrObject *item = pr_iter_next(PR_TUPLE_ITEMS(z->iters)[i]);
        if (!item) {
            PR_CLEAR(result);
            if (!pr_err_occurred() && z->strict == PR_True) {
                zip_mismatch(z->iters, i);
            }
            if (!pr_err_occurred()) {
                PR_CLEAR(z->iters);
            }
            break;
        }
        pr_tuple_set_steal(result, i, item);
    }
    return result;
}

const PrType pr_zip_spec = {
    .name = "zip",
    .doc = "Iterate over several iterables in parallel, producing tuples with an item from each.",
    .basicsize = sizeof(Zip),
    .flags = ITER_FLAGS,
    .dealloc = fields_dealloc,
    .traverse = fields_traverse,
    .clear = fields_clear,
    .iter = pr_iter_self,
    .iternext = zip_next,
    .new = zip_new,
};

/* ---- map ------------------------------------------------------------------------------------ */

typedef struct Map {
    PrObject ob;
    PrObject *func;
    PrObject *iters; /* tuple of iterators */
} Map;

static PrObject *map_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (no_keywords("map", kwnames) < 0) {
        return NULL;
    }
    if (nargs < 2) {
        return pr_err_set(PR_EXC(TypeError), "map() must have at least two arguments.");
    }
    PrObject *iters = iterators(args + 1, nargs - 1);
    Map *m = iters ? (Map *)pr_object_new(t) : NULL;
    if (!m) {
        PR_XDECREF(iters);
        return NULL;
    }
    m->func = PR_NEWREF(args[0]);
    m->iters = iters;
    pr_gc_track((PrObject *)m);
    return (PrObject *)m;
}

/* Up to this many iterables, map's call arguments live on the C stack. */
#define MAP_SMALL 8

static PrObject *map_next(PrObject *self)
{
    Map *m = (Map *)self;
    ssize_t n = PR_TUPLE_SIZE(m->iters), got = 0;
    PrObject *small[MAP_SMALL], *result = NULL;
    PrObject **args = n <= MAP_SMALL ? small : pr_mem_alloc((size_t)n * sizeof(PrObject *));
    if (!args) {
        return pr_err_no_memory();
    }
    while (got < n && (args[got] = pr_iter_next(PR_TUPLE_ITEMS(m->iters)[got]))) {
        got++;
    }
    if (got == n) {
        result = pr_object_call(m->func, args, (size_t)n, NULL);
    }
    for (ssize_t i = 0; i < got; i++) {
        PR_DECREF(args[i]);
    }
    if (args != small) {
        pr_mem_free(args);
    }
    return result;
}

const PrType pr_map_spec = {
    .name = "map",
    .doc = "Make an iterator that computes the function using arguments from each of the "
           "iterables.",
    .basicsize = sizeof(Map),
    .flags = ITER_FLAGS,
    .dealloc = fields_dealloc,
    .traverse = fields_traverse,
    .clear = fields_clear,
    .iter = pr_iter_self,
    .iternext = map_next,
    .new = map_new,
};

/* ---- filter --------------------------------------------------------------------------------- */

typedef struct Filter {
    PrObject ob;
    PrObject *func; /* None or bool: the items' own truth */
    PrObject *iter;
} Filter;

static PrObject *filter_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (no_keywords("filter", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 2) {
        return pr_err_format(PR_EXC(TypeError), "filter expected 2 arguments, got %zu", nargs);
    }
    PrObject *it = pr_object_get_iter(args[1]);
    Filter *f = it ? (Filter *)pr_object_new(t) : NULL;
    if (!f) {
        PR_XDECREF(it);
        return NULL;
    }
    f->func = PR_NEWREF(args[0]);
    f->iter = it;
    pr_gc_track((PrObject *)f);
    return (PrObject *)f;
}

/* Whether filter f keeps item. Returns: 1, 0 or -1. */
static int filter_keeps(Filter *f, PrObject *item)
{
    if (f->func == PR_None || f->func == (PrObject *)PR_TYPE(bool)) {
        return pr_object_is_true(item);
    }
    PrObject *r = pr_object_call(f->func, &item, 1, NULL);
    int keep = r ? pr_object_is_true(r) : -1;
    PR_XDECREF(r);
    return keep;
}

static PrObject *filter_next(PrObject *self)
{
    Filter *f = (Filter *)self;
    for (PrObject *item; (item = pr_iter_next(f->iter));) {
        int keep = filter_keeps(f, item);
        if (keep > 0) {
            return item;
        }
        PR_DECREF(item);
        if (keep < 0) {
            return NULL;
        }
    }
    return NULL;
}

const PrType pr_filter_spec = {
    .name = "filter",
    .doc = "Return an iterator yielding those items of iterable for which function(item) is "
           "true.",
    .basicsize = sizeof(Filter),
    .flags = ITER_FLAGS,
    .dealloc = fields_dealloc,
    .traverse = fields_traverse,
    .clear = fields_clear,
    .iter = pr_iter_self,
    .iternext = filter_next,
    .new = filter_new,
};

/* ---- reversed ------------------------------------------------------------------------------- */

typedef struct Reversed {
    PrObject ob;
    PrObject *seq; /* NULL once exhausted */
    ssize_t index; /* of the next item; -1 at the end */
} Reversed;

static int reversed_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrObject *seq = ((Reversed *)self)->seq;
    return seq ? visit(seq, arg) : 0;
}

static int reversed_clear(PrObject *self)
{
    PR_CLEAR(((Reversed *)self)->seq);
    return 0;
}

static void reversed_dealloc(PrObject *self)
{
    pr_gc_untrack(self);
    reversed_clear(self);
    pr_object_free(self);
}

/* CPython's PySequence_Check: an item slot, and not a dict. */
static int is_sequence(PrObject *o)
{
    return PR_TYPE_OF(o)->sequence.sq_item && !PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_DICT_SUBCLASS);
}

static PrObject *reversed_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (no_keywords("reversed", kwnames) < 0) {
        return NULL;
    }
    if (nargs != 1) {
        return pr_err_format(PR_EXC(TypeError), "reversed expected 1 argument, got %zu", nargs);
    }
    PrObject *seq = args[0];
    PrObject *meth = pr_object_lookup_special(seq, "__reversed__");
    if (meth || pr_err_occurred()) {
        PrObject *r = NULL;
        if (meth == PR_None) {
            pr_err_format(PR_EXC(TypeError), "'%s' object is not reversible", PR_TYPE_OF(seq)->name);
        } else if (meth) {
            r = pr_object_call(meth, NULL, 0, NULL);
        }
        PR_XDECREF(meth);
        return r;
    }
    if (!is_sequence(seq)) {
        return pr_err_format(PR_EXC(TypeError), "'%s' object is not reversible",
                             PR_TYPE_OF(seq)->name);
    }
    ssize_t n = pr_object_length(seq);
    Reversed *r = n >= 0 ? (Reversed *)pr_object_new(t) : NULL;
    if (!r) {
        return NULL;
    }
    r->seq = PR_NEWREF(seq);
    r->index = n - 1;
    pr_gc_track((PrObject *)r);
    return (PrObject *)r;
}

static PrObject *reversed_next(PrObject *self)
{
    Reversed *r = (Reversed *)self;
    if (r->seq && r->index >= 0) {
        PrObject *item = PR_TYPE_OF(r->seq)->sequence.sq_item(r->seq, r->index--);
        if (item) {
            return item;
        }
        if (!pr_err_matches((PrObject *)PR_EXC(IndexError)) &&
            !pr_err_matches((PrObject *)PR_EXC(StopIteration))) {
            return NULL;
        }
        pr_err_clear();
    }
    r->index = -1;
    PR_CLEAR(r->seq);
    return NULL;
}

static PrObject *reversed_length_hint(PrObject *self, PrObject *const *args, size_t nargs,
                                      PrObject *kwnames)
{
    Reversed *r = (Reversed *)self;
    if (!r->seq) {
        return pr_long_from_int64(0);
    }
    ssize_t n = pr_object_length(r->seq);
    if (n < 0) {
        return NULL;
    }
    return pr_long_from_int64(n < r->index + 1 ? 0 : r->index + 1);
}

static const PrMethodDef reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, PR_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

const PrType pr_reversed_spec = {
    .name = "reversed",
    .doc = "Return a reverse iterator over the values of the given sequence.",
    .basicsize = sizeof(Reversed),
    .flags = ITER_FLAGS,
    .dealloc = reversed_dealloc,
    .traverse = reversed_traverse,
    .clear = reversed_clear,
    .iter = pr_iter_self,
    .iternext = reversed_next,
    .new = reversed_new,
    .methods = reversed_methods,
};

/* ---- callable_iterator ---------------------------------------------------------------------- */

typedef struct CallIter {
    PrObject ob;
    PrObject *func;     /* NULL once exhausted */
    PrObject *sentinel; /* NULL once exhausted */
} CallIter;

PrObject *pr_callable_iter_new(PrObject *callable, PrObject *sentinel)
{
    if (!PR_TYPE_OF(callable)->call) {
        return pr_err_set(PR_EXC(TypeError), "iter(v, w): v must be callable");
    }
    CallIter *it = (CallIter *)pr_object_new(PR_TYPE(callable_iterator));
    if (!it) {
        return NULL;
    }
    it->func = PR_NEWREF(callable);
    it->sentinel = PR_NEWREF(sentinel);
    pr_gc_track((PrObject *)it);
    return (PrObject *)it;
}

static PrObject *calliter_next(PrObject *self)
{
    CallIter *it = (CallIter *)self;
    if (!it->func) {
        return NULL;
    }
    PrObject *r = pr_object_call(it->func, NULL, 0, NULL);
    if (r) {
        int done = pr_object_richcompare_bool(it->sentinel, r, PR_EQ);
        if (done == 0) {
            return r;
        }
        PR_DECREF(r);
        if (done < 0) {
            return NULL;
        }
    } else if (pr_err_matches((PrObject *)PR_EXC(StopIteration))) {
        pr_err_clear();
    } else {
        return NULL;
    }
    fields_clear(self);
    return NULL;
}

const PrType pr_callable_iterator_spec = {
    .name = "callable_iterator",
    .basicsize = sizeof(CallIter),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = fields_dealloc,
    .traverse = fields_traverse,
    .clear = fields_clear,
    .iter = pr_iter_self,
    .iternext = calliter_next,
};

/* ---- Quitter -------------------------------------------------------------------------------- */

typedef struct Quitter {
    PrObject ob;
    PrObject *name; /* "exit" or "quit" */
    PrObject *eof;  /* "Ctrl-D (i.e. EOF)" */
} Quitter;

PrObject *pr_quitter_new(const char *name)
{
    Quitter *q = (Quitter *)pr_object_new(PR_TYPE(Quitter));
    if (!q) {
        return NULL;
    }
    q->name = pr_str_from_cstr(name);
    q->eof = pr_str_from_cstr("Ctrl-D (i.e. EOF)");
    if (!q->name || !q->eof) {
        PR_DECREF(q);
        return NULL;
    }
    return (PrObject *)q;
}

static void quitter_dealloc(PrObject *self)
{
    fields_clear(self);
    pr_object_free(self);
}

static PrObject *quitter_repr(PrObject *self)
{
    Quitter *q = (Quitter *)self;
    return pr_str_from_format("Use %U() or %U to exit", q->name, q->eof);
}

/* Quitter.__call__(self, code=None), a Python method in site.py: its TypeErrors are those of a
 * Python function. */
static PrObject *quitter_call(PrObject *self, PrObject *const *args, size_t nargs,
                              PrObject *kwnames)
{
    PrObject *code = nargs ? args[0] : NULL;
    if (nargs > 1) {
        return pr_err_format(PR_EXC(TypeError),
                             "Quitter.__call__() takes from 1 to 2 positional arguments but %zu "
                             "were given",
                             nargs + 1);
    }
    for (ssize_t i = 0; kwnames && i < PR_TUPLE_SIZE(kwnames); i++) {
        PrObject *name = PR_TUPLE_ITEMS(kwnames)[i];
        if (!pr_str_eq_cstr(name, "code")) {
            return pr_err_format(PR_EXC(TypeError),
                                 "Quitter.__call__() got an unexpected keyword argument '%U'",
                                 name);
        }
        if (code) {
            return pr_err_set(PR_EXC(TypeError),
                              "Quitter.__call__() got multiple values for argument 'code'");
        }
        code = args[nargs + (size_t)i];
    }
    PrObject *exc_args = pr_tuple_pack(1, code ? code : PR_None);
    PrObject *exc = exc_args ? pr_exception_new(PR_EXC(SystemExit), exc_args) : NULL;
    PR_XDECREF(exc_args);
    if (exc) {
        pr_err_set_object(PR_EXC(SystemExit), exc);
        PR_DECREF(exc);
    }
    return NULL;
}

static const PrMemberDef quitter_members[] = {
    {"name", PR_MEMBER_OBJECT, offsetof(Quitter, name), PR_MEMBER_READONLY, NULL},
    {"eof", PR_MEMBER_OBJECT, offsetof(Quitter, eof), PR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

const PrType pr_quitter_spec = {
    .name = "Quitter",
    .basicsize = sizeof(Quitter),
    .flags = PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = quitter_dealloc,
    .repr = quitter_repr,
    .call = quitter_call,
    .members = quitter_members,
};
