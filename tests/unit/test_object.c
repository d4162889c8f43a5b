/* tests/unit/test_object.c — the object model core (objects/object.h, type.h, descr.h,
 * number.h, singletons.h, memory/gc.h): reference counts and deallocation, the collector header
 * and lists, sizes, repr/str/hash, rich comparison with reflection and NotImplemented, truth,
 * attribute lookup through descriptors and the type cache, calls and argument checks, operator
 * dispatch. Test types below are static types readied in the fixture; messages are CPython
 * 3.11's. Every test ends with the allocator holding what it held before it began. */
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/number.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "tests/unit/objtest.h"

#include <signal.h>
#include <stdio.h>

/* ============================================================================================
 *  Test types
 * ============================================================================================ */

/* What the test types' slots saw, in order. */
static char trace[256];

static void note(const char *what)
{
    size_t n = strlen(trace);
    snprintf(trace + n, sizeof trace - n, "%s%s", n ? " " : "", what);
}

/* ---- Counted: counts deallocations; its dealloc records what a watched field holds ------ */

static int deallocs;
static PrObject **watched; /* a field to look at from inside dealloc */
static PrObject *seen_in_dealloc;

static void counted_dealloc(PrObject *self)
{
    deallocs++;
    if (watched) {
        seen_in_dealloc = *watched;
    }
    pr_object_free(self);
}

static PrType counted_type = {
    .name = "Counted", .basicsize = sizeof(PrObject), .dealloc = counted_dealloc};

/* ---- Cmp: a richcompare that records its calls and answers as configured --------------- */

static PrObject *cmp_answer; /* what the slots return (borrowed); NULL: NotImplemented */

static PrObject *cmp_slot(PrObject *a, PrObject *b, PrCompareOp op)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s%s%s", a->type->name, pr_compare_ops[op].symbol, b->type->name);
    note(buf);
    return PR_NEWREF(cmp_answer ? cmp_answer : PR_NotImplemented);
}

static PrType cmp_a_type = {.name = "A",
                            .basicsize = sizeof(PrObject),
                            .flags = PR_TPFLAG_BASETYPE,
                            .richcompare = cmp_slot};
static PrType cmp_b_type = {.name = "B", .base = &cmp_a_type, .richcompare = cmp_slot};
static PrType cmp_c_type = {.name = "C", .basicsize = sizeof(PrObject), .richcompare = cmp_slot};

/* ---- Num: number slots that record their calls ----------------------------------------- */

static PrObject *num_answer;

static PrObject *num_add(PrObject *a, PrObject *b)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s+%s", a->type->name, b->type->name);
    note(buf);
    return PR_NEWREF(num_answer ? num_answer : PR_NotImplemented);
}

static PrObject *num_iadd(PrObject *a, PrObject *b)
{
    note("iadd");
    return PR_NEWREF(num_answer ? num_answer : PR_NotImplemented);
}

static PrObject *num_index(PrObject *a)
{
    return pr_str_from_cstr("not an int");
}

static PrObject *num_neg(PrObject *a)
{
    return PR_NEWREF(a);
}

static PrType num_type = {.name = "Num",
                          .basicsize = sizeof(PrObject),
                          .flags = PR_TPFLAG_BASETYPE,
                          .number.nb_add = num_add,
                          .number.nb_inplace_add = num_iadd,
                          .number.nb_index = num_index,
                          .number.nb_negative = num_neg};
/* A subclass with its own nb_add (so the slots differ) */
static PrObject *subnum_add(PrObject *a, PrObject *b)
{
    return num_add(a, b);
}
static PrType subnum_type = {.name = "SubNum", .base = &num_type, .number.nb_add = subnum_add};
static PrType other_type = {
    .name = "Other", .basicsize = sizeof(PrObject), .number.nb_add = subnum_add};

/* ---- Obj: an instance dict, methods, a getset, members, a bad repr ------------------------ */

typedef struct {
    PrObject ob;
    PrObject *dict;
    PrObject *slot;
    char flag;
    long value;
} Obj;

static PrObject *obj_get_value(PrObject *self, void *closure)
{
    return pr_str_from_format("value=%ld", ((Obj *)self)->value);
}

static int obj_set_value(PrObject *self, PrObject *v, void *closure)
{
    ((Obj *)self)->value = v ? 42 : -1;
    return 0;
}

static PrObject *obj_get_fixed(PrObject *self, void *closure)
{
    return pr_str_from_cstr("fixed");
}

static PrObject *obj_noargs(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return pr_str_from_format("noargs(%s)", self->type->name);
}

static PrObject *obj_one(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return PR_NEWREF(args[0]);
}

static PrObject *obj_count(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return pr_str_from_format("%zu+%zd", nargs, kw ? PR_TUPLE_SIZE(kw) : (ssize_t)0);
}

static PrObject *obj_broken(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return NULL; /* breaks the convention: no exception set */
}

static const PrMethodDef obj_methods[] = {
    {"noargs", obj_noargs, PR_METH_NOARGS, NULL},
    {"one", obj_one, PR_METH_O, NULL},
    {"count", obj_count, PR_METH_VARARGS, NULL},
    {"countkw", obj_count, PR_METH_VARARGS | PR_METH_KEYWORDS, NULL},
    {"broken", obj_broken, PR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const PrGetSetDef obj_getsets[] = {
    {"value", obj_get_value, obj_set_value, NULL, NULL},
    {"fixed", obj_get_fixed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const PrMemberDef obj_members[] = {
    {"slot", PR_MEMBER_OBJECT, offsetof(Obj, slot), 0, NULL},
    {"slot_ex", PR_MEMBER_OBJECT_EX, offsetof(Obj, slot), 0, NULL},
    {"slot_ro", PR_MEMBER_OBJECT, offsetof(Obj, slot), PR_MEMBER_READONLY, NULL},
    {"flag", PR_MEMBER_BOOL, offsetof(Obj, flag), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static void obj_dealloc(PrObject *self)
{
    PR_XDECREF(((Obj *)self)->dict);
    PR_XDECREF(((Obj *)self)->slot);
    pr_object_free(self);
}

static PrObject *obj_new(PrType *t, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return pr_object_new(t);
}

static PrType obj_type = {.name = "Obj",
                          .basicsize = sizeof(Obj),
                          .flags = PR_TPFLAG_BASETYPE,
                          .dealloc = obj_dealloc,
                          .new = obj_new,
                          .dictoffset = offsetof(Obj, dict),
                          .methods = obj_methods,
                          .getsets = obj_getsets,
                          .members = obj_members};
static PrType subobj_type = {.name = "SubObj", .base = &obj_type};

/* Same layout, no instance dict. */
static PrType nodict_type = {.name = "NoDict",
                             .basicsize = sizeof(Obj),
                             .dealloc = obj_dealloc,
                             .methods = obj_methods,
                             .getsets = obj_getsets};

static PrObject *bad_repr(PrObject *self)
{
    return PR_NEWREF(PR_None);
}
static PrType badrepr_type = {.name = "BadRepr", .basicsize = sizeof(PrObject), .repr = bad_repr};

/* ---- GC: a collected type -------------------------------------------------------------- */

static PrType gc_type = {
    .name = "GCObj", .basicsize = sizeof(PrObject) + sizeof(PrObject *), .flags = PR_TPFLAG_GC};

static PrType *const test_types[] = {&counted_type, &cmp_a_type,  &cmp_b_type,   &cmp_c_type,
                                     &num_type,     &subnum_type, &other_type,   &obj_type,
                                     &subobj_type,  &nodict_type, &badrepr_type, &gc_type};
#define NTEST_TYPES (sizeof test_types / sizeof test_types[0])

static void setup(void)
{
    objtest_setup();
    trace[0] = '\0';
    deallocs = 0;
    watched = NULL;
    cmp_answer = num_answer = NULL;
    for (size_t i = 0; i < NTEST_TYPES; i++) {
        ck_assert_int_eq(pr_type_ready(test_types[i]), 0);
    }
}

static void setup_oom(void)
{
    objtest_setup_malloc();
    for (size_t i = 0; i < NTEST_TYPES; i++) {
        ck_assert_int_eq(pr_type_ready(test_types[i]), 0);
    }
}

static void teardown(void)
{
    for (size_t i = NTEST_TYPES; i-- > 0;) {
        pr_type_fini_static(test_types[i]);
    }
    objtest_teardown();
}

static PrObject *new_of(PrType *t)
{
    PrObject *o = pr_object_new(t);
    ck_assert_ptr_nonnull(o);
    return o;
}

static PrObject *call0(PrObject *callable)
{
    return pr_object_call(callable, NULL, 0, NULL);
}

static PrObject *call1(PrObject *callable, PrObject *arg)
{
    return pr_object_call(callable, &arg, 1, NULL);
}

/* getattr with a C name (interned); NULL on error. */
static PrObject *attr(PrObject *o, const char *name)
{
    return pr_object_getattr_cstr(o, name);
}

static int set_attr(PrObject *o, const char *name, PrObject *v)
{
    PrObject *n = pr_str_intern_cstr(name);
    int rc = pr_object_setattr(o, n, v);
    PR_DECREF(n);
    return rc;
}

/* ============================================================================================
 *  References and deallocation
 * ============================================================================================ */

START_TEST(test_refcount_and_dealloc)
{
    size_t before = objtest_blocks();
    PrObject *o = new_of(&counted_type);
    ck_assert_int_eq(o->refcnt, 1);
    ck_assert_ptr_eq(o->type, &counted_type);
    ck_assert_uint_eq(objtest_blocks(), before + 1);
    PR_INCREF(o);
    PR_INCREF(o);
    ck_assert_int_eq(o->refcnt, 3);
    PR_DECREF(o);
    PR_DECREF(o);
    ck_assert_int_eq(deallocs, 0);
    ck_assert_uint_eq(objtest_blocks(), before + 1);
    PR_DECREF(o); /* the last one: dealloc runs now, exactly once */
    ck_assert_int_eq(deallocs, 1);
    ck_assert_uint_eq(objtest_blocks(), before);
    PR_XINCREF(NULL);
    PR_XDECREF(NULL);
}
END_TEST

START_TEST(test_setref_and_clear_order)
{
    PrObject *field = new_of(&counted_type);
    PrObject *replacement = pr_str_from_cstr("new");
    watched = &field;
    PR_SETREF(field, replacement); /* the old value dies seeing the new one in place */
    ck_assert_int_eq(deallocs, 1);
    ck_assert_ptr_eq(seen_in_dealloc, replacement);
    ck_assert_ptr_eq(field, replacement);
    PR_SETREF(field, new_of(&counted_type));
    PR_CLEAR(field); /* the field is NULL before the object dies */
    ck_assert_int_eq(deallocs, 2);
    ck_assert_ptr_null(seen_in_dealloc);
    ck_assert_ptr_null(field);
    PR_CLEAR(field);
    watched = NULL;
    PrObject *o = new_of(&counted_type);
    ck_assert_ptr_eq(PR_NEWREF(o), o);
    ck_assert_int_eq(o->refcnt, 2);
    PR_DECREF(o);
    PR_DECREF(o);
}
END_TEST

START_TEST(test_static_objects)
{
    PrObject *statics[] = {PR_None,
                           PR_NotImplemented,
                           PR_Ellipsis,
                           PR_True,
                           PR_False,
                           (PrObject *)PR_TYPE(str),
                           (PrObject *)PR_EXC(TypeError)};
    for (size_t i = 0; i < sizeof statics / sizeof statics[0]; i++) {
        ck_assert_int_ge(statics[i]->refcnt, PR_STATIC_REFCNT);
        ck_assert_int_lt(statics[i]->refcnt, PR_STATIC_REFCNT + 100000);
    }
    ck_assert_ptr_eq(PR_None->type, PR_TYPE(NoneType));
    ck_assert_ptr_eq(PR_TYPE(str)->ob.type, PR_TYPE(type));
    ck_assert_ptr_eq(PR_TYPE(type)->ob.type, PR_TYPE(type));
    ssize_t n = PR_None->refcnt;
    PrObject *r = pr_object_repr(PR_None);
    ck_assert_int_eq(PR_None->refcnt, n); /* repr borrows its argument */
    ASSERT_TEXT(r, "None");
}
END_TEST

START_TEST(test_static_dealloc_is_fatal)
{
    PR_None->refcnt = 1;
    PR_DECREF(PR_None);
}
END_TEST

/* ============================================================================================
 *  The collector header and lists
 * ============================================================================================ */

START_TEST(test_gc_header)
{
    int count0 = pr_interp.gc.generations[0].count;
    PrGCHead *gen0 = &pr_interp.gc.generations[0].head;
    long tracked0 = pr_gc_list_size(gen0);
    PrObject *a = new_of(&gc_type), *b = new_of(&gc_type);
    ck_assert_int_eq(pr_interp.gc.generations[0].count, count0 + 2);
    ck_assert_ptr_eq((char *)a - 16, (char *)PR_GC_HEAD(a));
    ck_assert_ptr_eq(PR_GC_OBJECT(PR_GC_HEAD(a)), a);
    ck_assert(!pr_gc_is_tracked(a));
    pr_gc_track(a);
    pr_gc_track(b);
    ck_assert(pr_gc_is_tracked(a) && pr_gc_is_tracked(b));
    ck_assert_int_eq(pr_gc_list_size(gen0), tracked0 + 2);
    ck_assert_ptr_eq((PrGCHead *)PR_GC_HEAD(a)->next, PR_GC_HEAD(b)); /* appended in order */
    ck_assert_ptr_eq((PrGCHead *)gen0->prev, PR_GC_HEAD(b));
    /* flag bits survive list operations and gc_refs */
    ck_assert(!pr_gc_is_finalized(a));
    pr_gc_set_finalized(a);
    pr_gc_untrack(a);
    ck_assert(!pr_gc_is_tracked(a) && pr_gc_is_finalized(a));
    pr_gc_untrack(a); /* twice is harmless */
    pr_gc_track(a);
    ck_assert(pr_gc_is_finalized(a));
    ck_assert_ptr_eq((PrGCHead *)PR_GC_HEAD(b)->next, PR_GC_HEAD(a));
    /* merge into another list and back */
    PrGCHead other;
    pr_gc_list_init(&other);
    ck_assert(pr_gc_list_is_empty(&other));
    pr_gc_list_merge(gen0, &other);
    ck_assert(pr_gc_list_is_empty(gen0));
    ck_assert_int_eq(pr_gc_list_size(&other), tracked0 + 2);
    pr_gc_list_merge(&other, gen0);
    ck_assert_int_eq(pr_gc_list_size(gen0), tracked0 + 2);
    /* gc_refs lives in prev's upper bits while the collector owns the list */
    uintptr_t saved = PR_GC_HEAD(a)->prev;
    pr_gc_set_refs(a, 12345);
    ck_assert_int_eq(pr_gc_refs(a), 12345);
    ck_assert(pr_gc_is_finalized(a));
    PR_GC_HEAD(a)->prev = saved;
    pr_gc_untrack(a);
    pr_gc_untrack(b);
    PR_DECREF(a);
    PR_DECREF(b);
    ck_assert_int_eq(pr_interp.gc.generations[0].count, count0);
    ck_assert_int_eq(pr_gc_list_size(gen0), tracked0);
    ck_assert_int_eq(pr_interp.gc.generations[0].threshold, 700);
    ck_assert_int_eq(pr_interp.gc.generations[1].threshold, 10);
}
END_TEST

/* ============================================================================================
 *  Sizes (sys.getsizeof)
 * ============================================================================================ */

START_TEST(test_sizeof)
{
    PrObject *o = call0((PrObject *)PR_TYPE(object));
    ck_assert_int_eq(pr_object_sizeof(o), 16); /* CPython: 16 */
    PR_DECREF(o);
    ck_assert_int_eq(pr_object_sizeof(PR_None), 16);
    ck_assert_int_eq(pr_object_sizeof(PR_True), 28); /* int's: 24 + one digit */
    ck_assert_int_eq(pr_object_sizeof(PR_False), 28);
    PrObject *t = pr_tuple_pack(3, PR_None, PR_None, PR_None), *e = pr_tuple_new(0);
    ck_assert_int_eq(pr_object_sizeof(e), 40); /* CPython: 40 + 8n, GC header included */
    ck_assert_int_eq(pr_object_sizeof(t), 64);
    PR_DECREF(t);
    PR_DECREF(e);
    PrObject *s = objtest_str("abc");
    ck_assert_int_eq(pr_object_sizeof(s), (ssize_t)offsetof(PrStr, data) + 4);
    PR_DECREF(s);
    PrObject *g = new_of(&gc_type);
    ck_assert_int_eq(pr_object_sizeof(g), 16 + 24);
    PR_DECREF(g);
}
END_TEST

/* ============================================================================================
 *  repr, str, hash
 * ============================================================================================ */

START_TEST(test_repr_str)
{
    ASSERT_REPR(PR_None, "None");
    ASSERT_REPR(PR_NotImplemented, "NotImplemented");
    ASSERT_REPR(PR_Ellipsis, "Ellipsis");
    ASSERT_REPR(PR_True, "True");
    ASSERT_STR(PR_False, "False");
    ASSERT_REPR((PrObject *)PR_TYPE(str), "<class 'str'>");
    ASSERT_REPR((PrObject *)PR_EXC(ZeroDivisionError), "<class 'ZeroDivisionError'>");
    PrObject *o = new_of(&counted_type);
    char expected[64];
    snprintf(expected, sizeof expected, "<Counted object at %p>", (void *)o);
    ASSERT_REPR(o, expected);
    ASSERT_STR(o, expected); /* str falls back to repr */
    PR_DECREF(o);
    PrObject *s = objtest_str("x");
    PrObject *same = pr_object_str(s);
    ck_assert_ptr_eq(same, s); /* str(a str) is itself */
    PR_DECREF(same);
    PR_DECREF(s);
    PrObject *bad = new_of(&badrepr_type);
    ck_assert_ptr_null(pr_object_repr(bad));
    ASSERT_RAISED(PR_EXC(TypeError), "__repr__ returned non-string (type NoneType)");
    ck_assert_ptr_null(pr_object_str(bad));
    ASSERT_RAISED(PR_EXC(TypeError), "__repr__ returned non-string (type NoneType)");
    PR_DECREF(bad);
}
END_TEST

START_TEST(test_hash)
{
    PrObject *o = new_of(&counted_type), *d = pr_dict_new();
    PrHash h = pr_object_hash(o);
    ck_assert_int_eq(h, pr_hash_pointer(o));
    ck_assert_int_ne(h, -1);
    ck_assert_int_eq(pr_object_hash(PR_True), 1);
    ck_assert_int_eq(pr_object_hash(PR_False), 0);
    ck_assert_int_eq(pr_object_hash(d), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "unhashable type: 'dict'");
    /* __hash__ = None in the dict of an unhashable type, as CPython */
    PrObject *hash_attr = pr_dict_getitem_cstr_borrow(PR_TYPE(dict)->dict, "__hash__");
    ck_assert_ptr_eq(hash_attr, PR_None);
    ck_assert_int_ne(pr_hash_bytes("", 0), -1);
    ck_assert_int_ne(pr_hash_bytes("a", 1), pr_hash_bytes("b", 1));
    PR_DECREF(o);
    PR_DECREF(d);
}
END_TEST

/* ============================================================================================
 *  Rich comparison
 * ============================================================================================ */

START_TEST(test_richcompare_order)
{
    PrObject *a = new_of(&cmp_a_type), *b = new_of(&cmp_b_type), *c = new_of(&cmp_c_type);
    /* Unrelated types: the left operand first, then the right one reflected. */
    PrObject *r = pr_object_richcompare(a, c, PR_LT);
    ck_assert_ptr_null(r);
    ck_assert_str_eq(trace, "A<C C>A");
    ASSERT_RAISED(PR_EXC(TypeError), "'<' not supported between instances of 'A' and 'C'");
    /* A proper subclass on the right with its own slot goes first, reflected. */
    trace[0] = '\0';
    r = pr_object_richcompare(a, b, PR_LE);
    ck_assert_ptr_null(r);
    ck_assert_str_eq(trace, "B>=A A<=B");
    ASSERT_RAISED(PR_EXC(TypeError), "'<=' not supported between instances of 'A' and 'B'");
    /* The first answer that is not NotImplemented wins. */
    trace[0] = '\0';
    cmp_answer = PR_Ellipsis;
    r = pr_object_richcompare(c, a, PR_GT);
    ck_assert_ptr_eq(r, PR_Ellipsis);
    ck_assert_str_eq(trace, "C>A");
    PR_DECREF(r);
    cmp_answer = NULL;
    /* == and != fall back to identity when every slot declines */
    trace[0] = '\0';
    r = pr_object_richcompare(a, c, PR_EQ);
    ck_assert_ptr_eq(r, PR_False);
    ck_assert_str_eq(trace, "A==C C==A");
    PR_DECREF(r);
    r = pr_object_richcompare(a, a, PR_EQ);
    ck_assert_ptr_eq(r, PR_True);
    PR_DECREF(r);
    r = pr_object_richcompare(a, c, PR_NE);
    ck_assert_ptr_eq(r, PR_True);
    PR_DECREF(r);
    /* richcompare_bool: identity decides == and != without a call */
    trace[0] = '\0';
    ck_assert_int_eq(pr_object_richcompare_bool(a, a, PR_EQ), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(a, a, PR_NE), 0);
    ck_assert_str_eq(trace, "");
    cmp_answer = PR_None; /* a non-bool answer is tested for truth */
    ck_assert_int_eq(pr_object_richcompare_bool(a, c, PR_GE), 0);
    cmp_answer = NULL;
    ck_assert_int_eq(pr_object_richcompare_bool(a, c, PR_GE), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "'>=' not supported between instances of 'A' and 'C'");
    PrObject *s = objtest_str("a");
    ck_assert_int_eq(pr_object_richcompare_bool(s, PR_None, PR_LT), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "'<' not supported between instances of 'str' and 'NoneType'");
    ck_assert_int_eq(pr_object_richcompare_bool(s, PR_None, PR_EQ), 0);
    ck_assert_int_eq(pr_object_richcompare_bool(PR_True, PR_False, PR_GT), 1);
    PR_DECREF(s);
    PR_DECREF(a);
    PR_DECREF(b);
    PR_DECREF(c);
}
END_TEST

START_TEST(test_is_true)
{
    PrObject *d = pr_dict_new(), *e = objtest_str(""), *s = objtest_str("x");
    PrObject *o = new_of(&counted_type);
    ck_assert_int_eq(pr_object_is_true(PR_None), 0);
    ck_assert_int_eq(pr_object_is_true(PR_False), 0);
    ck_assert_int_eq(pr_object_is_true(PR_True), 1);
    ck_assert_int_eq(pr_object_is_true(d), 0); /* mp_length */
    ck_assert_int_eq(pr_dict_setitem(d, s, s), 0);
    ck_assert_int_eq(pr_object_is_true(d), 1);
    ck_assert_int_eq(pr_object_is_true(e), 0); /* sq_length */
    ck_assert_int_eq(pr_object_is_true(s), 1);
    ck_assert_int_eq(pr_object_is_true(o), 1); /* no slot: true */
    ck_assert_int_eq(pr_object_is_true(PR_Ellipsis), 1);
    PR_DECREF(d);
    PR_DECREF(e);
    PR_DECREF(s);
    PR_DECREF(o);
}
END_TEST

/* ============================================================================================
 *  Attributes
 * ============================================================================================ */

START_TEST(test_generic_attributes)
{
    PrObject *o = call0((PrObject *)PR_TYPE(object)), *v = objtest_str("v");
    PrObject *cls = attr(o, "__class__");
    ck_assert_ptr_eq(cls, PR_TYPE(object));
    PR_DECREF(cls);
    ck_assert_ptr_null(attr(o, "x"));
    ASSERT_RAISED(PR_EXC(AttributeError), "'object' object has no attribute 'x'");
    ck_assert_int_eq(set_attr(o, "x", v), -1);
    ASSERT_RAISED(PR_EXC(AttributeError), "'object' object has no attribute 'x'");
    ck_assert_int_eq(set_attr(v, "upper_", v), -1);
    ASSERT_RAISED(PR_EXC(AttributeError), "'str' object has no attribute 'upper_'");
    PrObject *t = pr_tuple_new(0);
    ck_assert_ptr_null(pr_object_getattr(o, t));
    ASSERT_RAISED(PR_EXC(TypeError), "attribute name must be string, not 'tuple'");
    PR_DECREF(t);
    PR_DECREF(o);
    PR_DECREF(v);
}
END_TEST

START_TEST(test_instance_dict_and_descriptors)
{
    PrObject *o = call0((PrObject *)&obj_type), *v = objtest_str("v");
    ck_assert_ptr_eq(o->type, &obj_type);
    ssize_t vref = v->refcnt;
    /* instance attributes go to the dict, made on first use */
    ck_assert_ptr_null(((Obj *)o)->dict);
    ck_assert_int_eq(set_attr(o, "x", v), 0);
    ck_assert_ptr_nonnull(((Obj *)o)->dict);
    ck_assert_int_eq(v->refcnt, vref + 1);
    PrObject *got = attr(o, "x");
    ck_assert_ptr_eq(got, v);
    PR_DECREF(got);
    ck_assert_int_eq(set_attr(o, "x", NULL), 0);
    ck_assert_int_eq(v->refcnt, vref);
    ck_assert_ptr_null(attr(o, "x"));
    ASSERT_RAISED(PR_EXC(AttributeError), "'Obj' object has no attribute 'x'");
    ck_assert_int_eq(set_attr(o, "x", NULL), -1);
    ASSERT_RAISED(PR_EXC(AttributeError), "'Obj' object has no attribute 'x'");
    /* a data descriptor (getset) wins over the instance dict */
    ck_assert_int_eq(pr_dict_setitem_cstr(((Obj *)o)->dict, "value", v), 0);
    ASSERT_TEXT(attr(o, "value"), "value=0");
    ck_assert_int_eq(set_attr(o, "value", v), 0);
    ASSERT_TEXT(attr(o, "value"), "value=42");
    ck_assert_int_eq(set_attr(o, "fixed", v), -1);
    ASSERT_RAISED(PR_EXC(AttributeError), "attribute 'fixed' of 'Obj' objects is not writable");
    /* a non-data descriptor (method) is shadowed by the instance dict */
    ck_assert_int_eq(pr_dict_setitem_cstr(((Obj *)o)->dict, "noargs", v), 0);
    got = attr(o, "noargs");
    ck_assert_ptr_eq(got, v);
    PR_DECREF(got);
    /* members */
    got = attr(o, "slot");
    ck_assert_ptr_eq(got, PR_None);
    PR_DECREF(got);
    ck_assert_ptr_null(attr(o, "slot_ex"));
    ASSERT_RAISED(PR_EXC(AttributeError), "'Obj' object has no attribute 'slot_ex'");
    ck_assert_int_eq(set_attr(o, "slot", v), 0);
    ck_assert_ptr_eq(((Obj *)o)->slot, v);
    got = attr(o, "slot_ex");
    ck_assert_ptr_eq(got, v);
    PR_DECREF(got);
    ck_assert_int_eq(set_attr(o, "slot_ro", v), -1);
    ASSERT_RAISED(PR_EXC(AttributeError), "readonly attribute");
    ck_assert_int_eq(set_attr(o, "slot", NULL), 0);
    ck_assert_ptr_null(((Obj *)o)->slot);
    ck_assert_int_eq(set_attr(o, "slot_ex", NULL), -1);
    ASSERT_RAISED(PR_EXC(AttributeError), "slot_ex");
    got = attr(o, "flag");
    ck_assert_ptr_eq(got, PR_False);
    PR_DECREF(got);
    ck_assert_int_eq(set_attr(o, "flag", PR_True), 0);
    ck_assert_int_eq(((Obj *)o)->flag, 1);
    ck_assert_int_eq(set_attr(o, "flag", v), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "attribute value type must be bool");
    /* a type without an instance dict: attributes are fixed */
    PrObject *n = new_of(&nodict_type);
    ck_assert_int_eq(set_attr(n, "noargs", v), -1);
    ASSERT_RAISED(PR_EXC(AttributeError), "'NoDict' object attribute 'noargs' is read-only");
    ck_assert_int_eq(set_attr(n, "y", v), -1);
    ASSERT_RAISED(PR_EXC(AttributeError), "'NoDict' object has no attribute 'y'");
    /* descriptors check the instance they are used on */
    PrObject *descr = pr_dict_getitem_cstr_borrow(obj_type.dict, "value");
    ck_assert_ptr_null(PR_TYPE_OF(descr)->descr_get(descr, v, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "descriptor 'value' for 'Obj' objects doesn't apply to a "
                                     "'str' object");
    ASSERT_REPR(descr, "<attribute 'value' of 'Obj' objects>");
    ASSERT_REPR(pr_dict_getitem_cstr_borrow(obj_type.dict, "slot"),
                "<member 'slot' of 'Obj' objects>");
    PR_DECREF(n);
    PR_DECREF(o);
    ck_assert_int_eq(v->refcnt, vref);
    PR_DECREF(v);
}
END_TEST

START_TEST(test_type_attributes)
{
    PrObject *str_type = (PrObject *)PR_TYPE(str);
    ASSERT_TEXT(attr(str_type, "__name__"), "str");
    ASSERT_TEXT(attr(str_type, "__module__"), "builtins");
    ASSERT_REPR_STEAL(attr(str_type, "__mro__"), "(<class 'str'>, <class 'object'>)");
    ASSERT_REPR_STEAL(attr((PrObject *)PR_EXC(TabError), "__mro__"),
                      "(<class 'TabError'>, <class 'IndentationError'>, <class 'SyntaxError'>, "
                      "<class 'Exception'>, <class 'BaseException'>, <class 'object'>)");
    PrObject *r = attr((PrObject *)PR_TYPE(object), "__base__");
    ck_assert_ptr_eq(r, PR_None);
    PR_DECREF(r);
    ASSERT_REPR_STEAL(attr((PrObject *)PR_TYPE(dict), "__bases__"), "(<class 'object'>,)");
    ck_assert_ptr_null(attr(str_type, "x"));
    ASSERT_RAISED(PR_EXC(AttributeError), "type object 'str' has no attribute 'x'");
    ck_assert_int_eq(set_attr(str_type, "x", PR_None), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "cannot set 'x' attribute of immutable type 'str'");
    ck_assert_int_eq(set_attr(str_type, "__name__", PR_None), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "cannot set '__name__' attribute of immutable type 'str'");
    /* a getset read through the class is the descriptor itself */
    /* type is its own metatype: __name__ is found as a data descriptor on type(type) */
    ASSERT_TEXT(attr((PrObject *)PR_TYPE(type), "__name__"), "type");
    ASSERT_REPR(pr_dict_getitem_cstr_borrow(PR_TYPE(type)->dict, "__name__"),
                "<attribute '__name__' of 'type' objects>");
    ASSERT_TEXT(attr((PrObject *)PR_TYPE(type), "__doc__"), "type(object) -> the object's type");
    ASSERT_REPR_STEAL(attr((PrObject *)PR_TYPE(NoneType), "__doc__"), "None");
}
END_TEST

START_TEST(test_type_version_and_cache)
{
    PrObject *name = pr_str_intern_cstr("attr"), *v1 = objtest_str("one"), *v2 = objtest_str("two");
    uint32_t vo = pr_type_version(&obj_type), vs = pr_type_version(&subobj_type);
    ck_assert_uint_ne(vo, 0);
    ck_assert_uint_ne(vo, vs);
    ck_assert_ptr_null(pr_type_lookup_borrow(&subobj_type, name)); /* cached: absent */
    ck_assert_uint_eq(pr_type_version(&subobj_type), vs);
    /* a mutable type: setting a class attribute changes its tag and its subclasses' */
    ck_assert_int_eq(pr_object_setattr((PrObject *)&obj_type, name, v1), 0);
    ck_assert_uint_ne(pr_type_version(&obj_type), vo);
    ck_assert_uint_ne(pr_type_version(&subobj_type), vs);
    ck_assert_ptr_eq(pr_type_lookup_borrow(&subobj_type, name), v1);
    ck_assert_ptr_eq(pr_type_lookup_borrow(&subobj_type, name), v1); /* from the cache */
    ck_assert_int_eq(pr_object_setattr((PrObject *)&obj_type, name, v2), 0);
    ck_assert_ptr_eq(pr_type_lookup_borrow(&subobj_type, name), v2);
    PrObject *inst = new_of(&subobj_type);
    PrObject *got = pr_object_getattr(inst, name);
    ck_assert_ptr_eq(got, v2);
    PR_DECREF(got);
    ck_assert_int_eq(pr_object_delattr((PrObject *)&obj_type, name), 0);
    ck_assert_ptr_null(pr_type_lookup_borrow(&subobj_type, name));
    ck_assert_int_eq(pr_object_delattr((PrObject *)&obj_type, name), -1);
    ASSERT_RAISED(PR_EXC(AttributeError), "type object 'Obj' has no attribute 'attr'");
    /* subclass relations */
    ck_assert(pr_type_is_subtype(&subobj_type, &obj_type));
    ck_assert(!pr_type_is_subtype(&obj_type, &subobj_type));
    ck_assert(pr_type_is_subtype(PR_EXC(KeyError), PR_EXC(Exception)));
    ck_assert(pr_object_is_instance(PR_True, PR_TYPE(object)));
    PR_DECREF(inst);
    PR_DECREF(name);
    PR_DECREF(v1);
    PR_DECREF(v2);
}
END_TEST

/* ============================================================================================
 *  Methods and calls
 * ============================================================================================ */

START_TEST(test_methods)
{
    PrObject *o = new_of(&obj_type), *s = objtest_str("s"), *kw = NULL;
    ssize_t oref = o->refcnt;
    PrObject *m = attr(o, "noargs");
    ck_assert_ptr_eq(m->type, PR_TYPE(builtin_function_or_method));
    ck_assert_int_eq(o->refcnt, oref + 1); /* the bound method holds self */
    char expected[96];
    snprintf(expected, sizeof expected, "<built-in method noargs of Obj object at %p>", (void *)o);
    ASSERT_REPR(m, expected);
    ASSERT_TEXT(call0(m), "noargs(Obj)");
    ck_assert_ptr_null(call1(m, s));
    ASSERT_RAISED(PR_EXC(TypeError), "Obj.noargs() takes no arguments (1 given)");
    PR_DECREF(m);
    ck_assert_int_eq(o->refcnt, oref);
    m = attr(o, "one");
    ck_assert_ptr_null(call0(m));
    ASSERT_RAISED(PR_EXC(TypeError), "Obj.one() takes exactly one argument (0 given)");
    PrObject *r = call1(m, s);
    ck_assert_ptr_eq(r, s);
    PR_DECREF(r);
    PR_DECREF(m);
    /* keyword arguments: names in a tuple, values after the positional ones */
    PrObject *args[3] = {s, s, s};
    kw = pr_tuple_pack(1, s);
    m = attr(o, "count");
    ASSERT_TEXT(pr_object_call(m, args, 3, NULL), "3+0");
    ck_assert_ptr_null(pr_object_call(m, args, 2, kw));
    ASSERT_RAISED(PR_EXC(TypeError), "Obj.count() takes no keyword arguments");
    PR_DECREF(m);
    m = attr(o, "countkw");
    ASSERT_TEXT(pr_object_call(m, args, 2, kw), "2+1");
    PR_DECREF(m);
    /* unbound: the method descriptor from the class */
    PrObject *d = attr((PrObject *)&obj_type, "noargs");
    ck_assert_ptr_eq(d->type, PR_TYPE(method_descriptor));
    ASSERT_REPR(d, "<method 'noargs' of 'Obj' objects>");
    ASSERT_TEXT(call1(d, o), "noargs(Obj)");
    ck_assert_ptr_null(call0(d));
    ASSERT_RAISED(PR_EXC(TypeError), "unbound method Obj.noargs() needs an argument");
    ck_assert_ptr_null(call1(d, s));
    ASSERT_RAISED(PR_EXC(TypeError), "descriptor 'noargs' for 'Obj' objects doesn't apply to a "
                                     "'str' object");
    PR_DECREF(d);
    /* get_method: no bound object for a method descriptor */
    PrObject *name = pr_str_intern_cstr("noargs");
    ck_assert_int_eq(pr_object_get_method(o, name, &m), 1);
    ck_assert_ptr_eq(m->type, PR_TYPE(method_descriptor));
    PR_DECREF(m);
    ASSERT_TEXT(pr_object_call_method(o, name, NULL, 0), "noargs(Obj)");
    PR_DECREF(name);
    name = pr_str_intern_cstr("value");
    ck_assert_int_eq(pr_object_get_method(o, name, &m), 0);
    ASSERT_TEXT(m, "value=0");
    PR_DECREF(name);
    name = pr_str_intern_cstr("one");
    PrObject *many[9] = {s, s, s, s, s, s, s, s, s};
    ck_assert_ptr_null(pr_object_call_method(o, name, many, 9)); /* 10 with self: heap array */
    ASSERT_RAISED(PR_EXC(TypeError), "Obj.one() takes exactly one argument (9 given)");
    PR_DECREF(name);
    name = pr_str_intern_cstr("nope");
    ck_assert_int_eq(pr_object_get_method(o, name, &m), -1);
    ck_assert_ptr_null(m);
    ASSERT_RAISED(PR_EXC(AttributeError), "'Obj' object has no attribute 'nope'");
    PR_DECREF(name);
    /* a C function that breaks the error convention */
    m = attr(o, "broken");
    ck_assert_ptr_null(call0(m));
    ASSERT_RAISED(PR_EXC(SystemError),
                  "<builtin_function_or_method object> returned NULL without setting an exception");
    PR_DECREF(m);
    PR_DECREF(kw);
    ck_assert_int_eq(o->refcnt, oref);
    PR_DECREF(o);
    PR_DECREF(s);
}
END_TEST

START_TEST(test_type_calls)
{
    PrObject *s = objtest_str("s"), *r;
    ck_assert_ptr_null(call0(s));
    ASSERT_RAISED(PR_EXC(TypeError), "'str' object is not callable");
    r = call0((PrObject *)PR_TYPE(NoneType));
    ck_assert_ptr_eq(r, PR_None);
    PR_DECREF(r);
    ck_assert_ptr_null(call1((PrObject *)PR_TYPE(NoneType), s));
    ASSERT_RAISED(PR_EXC(TypeError), "NoneType takes no arguments");
    r = call1((PrObject *)PR_TYPE(type), s);
    ck_assert_ptr_eq(r, PR_TYPE(str));
    PR_DECREF(r);
    PrObject *two[2] = {s, s};
    ck_assert_ptr_null(pr_object_call((PrObject *)PR_TYPE(type), two, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "type() takes 1 or 3 arguments");
    ck_assert_ptr_null(call1((PrObject *)PR_TYPE(object), s));
    ASSERT_RAISED(PR_EXC(TypeError), "object() takes no arguments");
    r = call1((PrObject *)PR_TYPE(bool), s);
    ck_assert_ptr_eq(r, PR_True);
    PR_DECREF(r);
    r = call0((PrObject *)PR_TYPE(bool));
    ck_assert_ptr_eq(r, PR_False);
    PR_DECREF(r);
    ck_assert_ptr_null(pr_object_call((PrObject *)PR_TYPE(bool), two, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "bool expected at most 1 argument, got 2");
    r = call0((PrObject *)PR_TYPE(str));
    ASSERT_TEXT(r, "");
    ASSERT_TEXT(call1((PrObject *)PR_TYPE(str), PR_None), "None");
    ck_assert_ptr_null(call0((PrObject *)PR_TYPE(method_descriptor)));
    ASSERT_RAISED(PR_EXC(TypeError), "cannot create 'method_descriptor' instances");
    PR_DECREF(s);
}
END_TEST

/* ============================================================================================
 *  Operators
 * ============================================================================================ */

START_TEST(test_binary_dispatch)
{
    PrObject *n = new_of(&num_type), *sub = new_of(&subnum_type), *other = new_of(&other_type);
    PrObject *c = new_of(&counted_type), *r;
    /* a plain operand on the left: its slot, then the right one's */
    ck_assert_ptr_null(pr_number_add(n, other));
    ck_assert_str_eq(trace, "Num+Other Num+Other");
    ASSERT_RAISED(PR_EXC(TypeError), "unsupported operand type(s) for +: 'Num' and 'Other'");
    /* a subclass on the right with a different slot goes first */
    trace[0] = '\0';
    ck_assert_ptr_null(pr_number_add(n, sub));
    ck_assert_str_eq(trace, "Num+SubNum Num+SubNum");
    ASSERT_RAISED(PR_EXC(TypeError), "unsupported operand type(s) for +: 'Num' and 'SubNum'");
    /* one type without the slot: only the other is asked */
    trace[0] = '\0';
    ck_assert_ptr_null(pr_number_add(c, n));
    ck_assert_str_eq(trace, "Counted+Num");
    ASSERT_RAISED(PR_EXC(TypeError), "unsupported operand type(s) for +: 'Counted' and 'Num'");
    trace[0] = '\0';
    num_answer = PR_Ellipsis;
    r = pr_number_add(n, n);
    ck_assert_ptr_eq(r, PR_Ellipsis);
    ck_assert_str_eq(trace, "Num+Num"); /* same type: one call */
    PR_DECREF(r);
    /* in place: the in-place slot first, then the binary rules with the in-place symbol */
    trace[0] = '\0';
    r = pr_number_inplace_add(n, c);
    ck_assert_ptr_eq(r, PR_Ellipsis);
    ck_assert_str_eq(trace, "iadd");
    PR_DECREF(r);
    num_answer = NULL;
    trace[0] = '\0';
    ck_assert_ptr_null(pr_number_inplace_add(n, c));
    ck_assert_str_eq(trace, "iadd Num+Counted");
    ASSERT_RAISED(PR_EXC(TypeError), "unsupported operand type(s) for +=: 'Num' and 'Counted'");
    ck_assert_ptr_null(pr_number_binop(PR_BINOP_POW, c, c));
    ASSERT_RAISED(PR_EXC(TypeError),
                  "unsupported operand type(s) for ** or pow(): 'Counted' and 'Counted'");
    ck_assert_ptr_null(pr_number_inplace_floordiv(c, c));
    ASSERT_RAISED(PR_EXC(TypeError),
                  "unsupported operand type(s) for //=: 'Counted' and 'Counted'");
    ck_assert_ptr_null(pr_number_divmod(c, n));
    ASSERT_RAISED(PR_EXC(TypeError),
                  "unsupported operand type(s) for divmod(): 'Counted' and 'Num'");
    ck_assert_str_eq(pr_binops[PR_BINOP_MATMUL].rdunder, "__rmatmul__");
    ck_assert_str_eq(pr_binops[PR_BINOP_SUB].isymbol, "-=");
    PR_DECREF(n);
    PR_DECREF(sub);
    PR_DECREF(other);
    PR_DECREF(c);
}
END_TEST

START_TEST(test_sequence_and_unary_operators)
{
    PrObject *a = objtest_str("ab"), *b = objtest_str("cd"), *r;
    ASSERT_TEXT(pr_number_add(a, b), "abcd"); /* sq_concat */
    r = a;
    PR_INCREF(r);
    PrObject *sum = pr_number_inplace_add(r, b);
    ASSERT_TEXT(sum, "abcd");
    PR_DECREF(r);
    ck_assert_ptr_null(pr_number_add(a, PR_None));
    ASSERT_RAISED(PR_EXC(TypeError), "can only concatenate str (not \"NoneType\") to str");
    ck_assert_ptr_null(pr_number_mul(a, b));
    ASSERT_RAISED(PR_EXC(TypeError), "can't multiply sequence by non-int of type 'str'");
    ck_assert_ptr_null(pr_number_negative(a));
    ASSERT_RAISED(PR_EXC(TypeError), "bad operand type for unary -: 'str'");
    ck_assert_ptr_null(pr_number_absolute(a));
    ASSERT_RAISED(PR_EXC(TypeError), "bad operand type for abs(): 'str'");
    ck_assert_ptr_null(pr_number_invert(PR_None));
    ASSERT_RAISED(PR_EXC(TypeError), "bad operand type for unary ~: 'NoneType'");
    PrObject *n = new_of(&num_type);
    r = pr_number_negative(n);
    ck_assert_ptr_eq(r, n);
    PR_DECREF(r);
    ck_assert_ptr_null(pr_number_index(n));
    ASSERT_RAISED(PR_EXC(TypeError), "__index__ returned non-int (type str)");
    ck_assert_ptr_null(pr_number_index(a));
    ASSERT_RAISED(PR_EXC(TypeError), "'str' object cannot be interpreted as an integer");
    r = pr_number_index(PR_True);
    ck_assert_ptr_eq(r, PR_True);
    PR_DECREF(r);
    /* bool's own operators */
    r = pr_number_and(PR_True, PR_False);
    ck_assert_ptr_eq(r, PR_False);
    PR_DECREF(r);
    r = pr_number_or(PR_True, PR_False);
    ck_assert_ptr_eq(r, PR_True);
    PR_DECREF(r);
    r = pr_number_xor(PR_True, PR_True);
    ck_assert_ptr_eq(r, PR_False);
    PR_DECREF(r);
    ck_assert_ptr_null(pr_number_and(PR_True, a));
    ASSERT_RAISED(PR_EXC(TypeError), "unsupported operand type(s) for &: 'bool' and 'str'");
    PR_DECREF(n);
    PR_DECREF(a);
    PR_DECREF(b);
}
END_TEST

START_TEST(test_repr_guard)
{
    PrObject *o = new_of(&counted_type);
    ck_assert_int_eq(pr_repr_enter(o), 0);
    ck_assert_int_eq(pr_repr_enter(o), 1);
    ck_assert_int_eq(pr_repr_enter(PR_None), 0);
    pr_repr_leave(o);
    ck_assert_int_eq(pr_repr_enter(o), 0);
    pr_repr_leave(o);
    pr_repr_leave(PR_None);
    ck_assert_uint_eq(pr_interp.repr.n, 0);
    PR_DECREF(o);
}
END_TEST

/* Readying with no memory: a type that cannot be readied says so and leaves nothing behind. */
START_TEST(test_ready_out_of_memory)
{
    static PrType late_type = {.name = "Late",
                               .basicsize = sizeof(Obj),
                               .dealloc = obj_dealloc,
                               .methods = obj_methods,
                               .getsets = obj_getsets,
                               .members = obj_members};
    /* Names interned on the way stay interned (one block each) until shutdown; freed tuples
     * wait on the free lists, emptied before each count. */
    pr_tuple_clear_free_lists();
    pr_dict_clear_free_lists();
    size_t before = objtest_blocks();
    ssize_t interned = pr_dict_size(pr_interp.str.interned);
    int ok = 0;
    for (long k = 0; k < 200 && !ok; k++) {
        pr_raw_fail_after(k);
        int rc = pr_type_ready(&late_type);
        pr_raw_fail_after(-1);
        if (rc == 0) {
            ok = 1;
            break;
        }
        ck_assert_ptr_eq(pr_err_occurred_borrow(), pr_interp.memory_error);
        pr_err_clear();
        ck_assert_ptr_null(late_type.dict);
        pr_tuple_clear_free_lists();
        pr_dict_clear_free_lists();
        ck_assert_uint_eq(objtest_blocks(),
                          before + (size_t)(pr_dict_size(pr_interp.str.interned) - interned));
    }
    ck_assert(ok);
    pr_type_fini_static(&late_type);
    pr_tuple_clear_free_lists();
    pr_dict_clear_free_lists();
    ck_assert_uint_eq(objtest_blocks(),
                      before + (size_t)(pr_dict_size(pr_interp.str.interned) - interned));
}
END_TEST

Suite *pr_test_object_suite(void)
{
    Suite *s = suite_create("object");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_refcount_and_dealloc);
    tcase_add_test(tc, test_setref_and_clear_order);
    tcase_add_test(tc, test_static_objects);
    tcase_add_test_raise_signal(tc, test_static_dealloc_is_fatal, SIGABRT);
    tcase_add_test(tc, test_gc_header);
    tcase_add_test(tc, test_sizeof);
    tcase_add_test(tc, test_repr_str);
    tcase_add_test(tc, test_hash);
    tcase_add_test(tc, test_richcompare_order);
    tcase_add_test(tc, test_is_true);
    tcase_add_test(tc, test_generic_attributes);
    tcase_add_test(tc, test_instance_dict_and_descriptors);
    tcase_add_test(tc, test_type_attributes);
    tcase_add_test(tc, test_type_version_and_cache);
    tcase_add_test(tc, test_methods);
    tcase_add_test(tc, test_type_calls);
    tcase_add_test(tc, test_binary_dispatch);
    tcase_add_test(tc, test_sequence_and_unary_operators);
    tcase_add_test(tc, test_repr_guard);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, setup_oom, teardown);
    tcase_add_test(oom, test_ready_out_of_memory);
    suite_add_tcase(s, oom);
    return s;
}
