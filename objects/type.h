/* objects/type.h — PrType, the type object: its slots (what the interpreter calls to operate on
 * an instance), its tables of methods, members and getsets, its MRO and dict, and the lookup
 * through them with a per-type version tag that lets attribute caches stay valid until the type
 * changes. The descriptor objects made from the tables are in objects/descr.h; the built-in
 * types are listed in objects/types.def and live in the interpreter state (vm/interp.h).
 *
 * HOW TO ADD A BUILT-IN TYPE (e.g. list):
 *   1. objects/list.c defines `const PrType pr_list_spec = { .name = "list", .basicsize = ...,
 *      .flags = ..., .dealloc = ..., ... }` with every slot it implements (the header and the
 *      fields pr_type_ready fills — dict, mro, bases, version_tag — stay zero).
 *   2. objects/types.def gains `PR_TYPE_DEF(list, pr_list_spec)`, after its base.
 *   3. Code reaches the type as PR_TYPE(list): a constant address inside pr_interp.
 * The interpreter copies each spec into its state and readies it at start-up, and clears what
 * pr_type_ready built at shutdown. Slots left NULL are inherited from the base. */
#ifndef PR_OBJECTS_TYPE_H
#define PR_OBJECTS_TYPE_H

#include "objects/object.h"

#include <stdint.h>

/* ---- slot signatures ------------------------------------------------------------------------ */

typedef void (*PrDestructor)(PrObject *self);
typedef PrObject *(*PrUnaryFunc)(PrObject *self);
typedef PrObject *(*PrBinaryFunc)(PrObject *a, PrObject *b);
typedef PrHash (*PrHashFunc)(PrObject *self);
typedef PrObject *(*PrRichCmpFunc)(PrObject *a, PrObject *b, PrCompareOp op);
typedef PrObject *(*PrGetAttrFunc)(PrObject *self, PrObject *name);
/* value NULL means delete. */
typedef int (*PrSetAttrFunc)(PrObject *self, PrObject *name, PrObject *value);
/* The vectorcall convention of object.h. */
typedef PrObject *(*PrVectorcallFunc)(PrObject *callable, PrObject *const *args, size_t nargs,
                                      PrObject *kwnames);
typedef int (*PrVisitProc)(PrObject *o, void *arg);
/* Calls visit on every object self holds a reference to; stops at the first non-zero result
 * and returns it. */
typedef int (*PrTraverseProc)(PrObject *self, PrVisitProc visit, void *arg);
typedef int (*PrInquiry)(PrObject *self);
typedef ssize_t (*PrLenFunc)(PrObject *self);
typedef PrObject *(*PrSizeArgFunc)(PrObject *self, ssize_t i);
typedef int (*PrSizeObjArgProc)(PrObject *self, ssize_t i, PrObject *value);
typedef int (*PrObjObjProc)(PrObject *self, PrObject *o);
typedef int (*PrObjObjArgProc)(PrObject *self, PrObject *key, PrObject *value);
/* descr.__get__(obj, type): obj NULL for an access through the class. */
typedef PrObject *(*PrDescrGetFunc)(PrObject *descr, PrObject *obj, PrObject *type);
/* descr.__set__(obj, value), or __delete__ with value NULL. */
typedef int (*PrDescrSetFunc)(PrObject *descr, PrObject *obj, PrObject *value);
/* type.__new__(type, *args, **kw) in the vectorcall convention. */
typedef PrObject *(*PrNewFunc)(PrType *type, PrObject *const *args, size_t nargs,
                               PrObject *kwnames);
/* __init__(self, *args, **kw). Returns: 0 or -1. */
typedef int (*PrInitFunc)(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames);
typedef ssize_t (*PrSizeofFunc)(PrObject *self);

/* ---- number, sequence and mapping slots ----------------------------------------------------- */

/* Binary slots take the operands in source order: nb_add(a, b) serves both a + b for a of this
 * type and the reflected case (b of this type), so it checks both types and returns
 * PR_NotImplemented (a new reference) for operands it does not handle — CPython's protocol.
 * pow is binary here: three-argument pow() is handled by the int type's builtin. */
typedef struct PrNumberMethods {
#define PR_BINOP(NAME, name, symbol, dunder, rdunder, idunder, isymbol)                            \
    PrBinaryFunc nb_##name;                                                                        \
    PrBinaryFunc nb_inplace_##name;
#include "objects/binops.def"
#undef PR_BINOP
    PrBinaryFunc nb_divmod;
#define PR_UNOP(name, what, dunder) PrUnaryFunc nb_##name;
#include "objects/unops.def"
#undef PR_UNOP
    PrInquiry nb_bool; /* 1, 0, or -1 with an exception */
    PrUnaryFunc nb_int;
    PrUnaryFunc nb_float;
    PrUnaryFunc nb_index;
} PrNumberMethods;

typedef struct PrSequenceMethods {
    PrLenFunc sq_length;
    PrBinaryFunc sq_concat;
    PrSizeArgFunc sq_repeat;
    PrSizeArgFunc sq_item;        /* i already adjusted for negative values */
    PrSizeObjArgProc sq_ass_item; /* value NULL: delete */
    PrObjObjProc sq_contains;     /* 1, 0 or -1 */
} PrSequenceMethods;

typedef struct PrMappingMethods {
    PrLenFunc mp_length;
    PrBinaryFunc mp_subscript;
    PrObjObjArgProc mp_ass_subscript; /* value NULL: delete */
} PrMappingMethods;

/* ---- tables of methods, members, getsets ---------------------------------------------------- */

/* Every C method has one signature, the vectorcall one with self in front; the flags say what
 * the descriptor checks before the call, so the method need not:
 *   PR_METH_NOARGS  no argument:          "str.upper() takes no arguments (1 given)"
 *   PR_METH_O       exactly one:          "list.append() takes exactly one argument (0 given)"
 *   PR_METH_VARARGS any positional ones
 *   PR_METH_KEYWORDS (with VARARGS) keyword arguments too; without it, any keyword argument is
 *                   "list.append() takes no keyword arguments".
 * Two more flags say how the method is bound (CPython's METH_CLASS and METH_STATIC):
 *   PR_METH_CLASS   a class method: the type's dict holds a classmethod_descriptor and self is
 *                   the class it is reached through (dict.fromkeys, int.from_bytes)
 *   PR_METH_STATIC  a static method: the type's dict holds a builtin function bound to the type,
 *                   which the method ignores (str.maketrans) */
typedef PrObject *(*PrCFunction)(PrObject *self, PrObject *const *args, size_t nargs,
                                 PrObject *kwnames);

#define PR_METH_NOARGS 0x01
#define PR_METH_O 0x02
#define PR_METH_VARARGS 0x04
#define PR_METH_KEYWORDS 0x08
#define PR_METH_CLASS 0x10
#define PR_METH_STATIC 0x20

typedef struct PrMethodDef {
    const char *name; /* NULL ends a table */
    PrCFunction func;
    int flags;
    const char *doc;
} PrMethodDef;

/* A field of the instance struct exposed as an attribute. */
typedef enum PrMemberKind {
    PR_MEMBER_OBJECT,    /* PrObject *: None when NULL; deleting stores NULL */
    PR_MEMBER_OBJECT_EX, /* PrObject *: AttributeError when NULL */
    PR_MEMBER_BOOL,      /* char 0/1 as False/True; only a bool may be stored */
} PrMemberKind;

#define PR_MEMBER_READONLY 0x01

typedef struct PrMemberDef {
    const char *name; /* NULL ends a table */
    PrMemberKind kind;
    ssize_t offset;
    int flags;
    const char *doc;
} PrMemberDef;

/* A computed attribute. set NULL: read-only. The setter gets value NULL for del. */
typedef struct PrGetSetDef {
    const char *name; /* NULL ends a table */
    PrObject *(*get)(PrObject *self, void *closure);
    int (*set)(PrObject *self, PrObject *value, void *closure);
    const char *doc;
    void *closure;
} PrGetSetDef;

/* ---- flags ---------------------------------------------------------------------------------- */

#define PR_TPFLAG_GC (1UL << 0)            /* instances carry a PrGCHead, traverse and clear */
#define PR_TPFLAG_BASETYPE (1UL << 1)      /* may be subclassed */
#define PR_TPFLAG_HEAPTYPE (1UL << 2)      /* allocated at run time (a class statement) */
#define PR_TPFLAG_IMMUTABLETYPE (1UL << 3) /* attributes cannot be set (built-in types) */
#define PR_TPFLAG_READY (1UL << 4)         /* pr_type_ready has run */
#define PR_TPFLAG_READYING (1UL << 5)      /* pr_type_ready is running */
/* Its instances are unbound methods: pr_object_get_method may call them with self prepended
 * instead of making a bound method (method_descriptor; Python functions later). */
#define PR_TPFLAG_METHOD_DESCRIPTOR (1UL << 6)
/* Fast isinstance checks for the types the VM and C code test most: a bit set on the type and
 * inherited by every subclass, as CPython's Py_TPFLAGS_*_SUBCLASS. */
#define PR_TPFLAG_INT_SUBCLASS (1UL << 24)
#define PR_TPFLAG_LIST_SUBCLASS (1UL << 25)
#define PR_TPFLAG_TUPLE_SUBCLASS (1UL << 26)
#define PR_TPFLAG_STR_SUBCLASS (1UL << 27)
#define PR_TPFLAG_DICT_SUBCLASS (1UL << 28)
#define PR_TPFLAG_BASE_EXC_SUBCLASS (1UL << 29)
#define PR_TPFLAG_TYPE_SUBCLASS (1UL << 30)
#define PR_TPFLAG_SUBCLASS_BITS (0x7FUL << 24)

#define PR_TYPE_IS_GC(t) (((t)->flags & PR_TPFLAG_GC) != 0)
#define PR_TYPE_HAS_FLAG(t, f) (((t)->flags & (f)) != 0)

/* ---- the type object ------------------------------------------------------------------------ */

struct PrType {
    PrObject ob;
    const char *name; /* "int"; a heap type's points into its own storage */
    const char *doc;
    ssize_t basicsize; /* bytes of an instance, without the collector header */
    ssize_t itemsize;  /* bytes per item for var objects, else 0 */
    unsigned long flags;

    PrDestructor dealloc;
    PrUnaryFunc repr;
    PrUnaryFunc str;
    PrHashFunc hash;
    PrRichCmpFunc richcompare;
    PrGetAttrFunc getattr;
    PrSetAttrFunc setattr;
    PrVectorcallFunc call;
    PrUnaryFunc iter;
    PrUnaryFunc iternext; /* NULL without an exception at the end */
    PrTraverseProc traverse;
    PrInquiry clear;
    PrDescrGetFunc descr_get;
    PrDescrSetFunc descr_set;
    PrNewFunc new;
    PrInitFunc init;
    PrSizeofFunc size_of; /* pr_object_sizeof without the collector header */

    PrNumberMethods number;
    PrSequenceMethods sequence;
    PrMappingMethods mapping;

    const PrMethodDef *methods;
    const PrMemberDef *members;
    const PrGetSetDef *getsets;

    ssize_t dictoffset; /* offset of the instance's PrObject *dict, 0 when none */
    PrType *base;

    /* Filled by pr_type_ready: */
    PrObject *bases;      /* tuple of types */
    PrObject *mro;        /* tuple of types, the type first */
    PrObject *dict;       /* str -> attribute: descriptors made from the tables, __doc__, ... */
    uint32_t version_tag; /* 0 = none assigned; changes whenever the type's attributes may */
    PrType **subclasses;  /* borrowed: types whose base is this one (to invalidate their tags) */
    ssize_t nsubclasses, subclasses_cap;
};

/* Readies t: checks and inherits slots from its base (object when NULL), sets the subclass
 * bits, builds bases and mro (single inheritance: t, then the base's MRO), fills dict from the
 * tables (method descriptors, member and getset descriptors, __doc__, __hash__ = None for
 * unhashable types) and assigns a version tag. Readies the base first. Calling it again does
 * nothing. Returns: 0, or -1 with an exception (MemoryError). */
int pr_type_ready(PrType *t);

/* Undoes pr_type_ready for a static type (interpreter shutdown, tests): releases dict, mro and
 * bases and leaves the base's subclass list. */
void pr_type_fini_static(PrType *t);

/* Finds name (a str) on t's MRO, the type cache first: CPython's _PyType_Lookup. Never raises:
 * a failing comparison of a non-str key is treated as not found.
 * Returns: borrowed value, or NULL when no class on the MRO has it. */
PrObject *pr_type_lookup_borrow(PrType *t, PrObject *name);

/* Records that t's attributes changed (a class attribute set or deleted): t and every subclass
 * lose their version tag, so caches keyed by it miss. pr_type_setattr calls it; C code that
 * edits a type's dict directly must call it too. */
void pr_type_modified(PrType *t);

/* t's version tag, assigning a fresh one (to t and its MRO) when it has none. A cache keyed by
 * (tag, name) is valid while the tag stays the same. Returns: the tag, never 0. */
uint32_t pr_type_version(PrType *t);

/* Whether a is b or a subclass of it (by a's MRO). Returns: 1 or 0. */
int pr_type_is_subtype(const PrType *a, const PrType *b);

/* The getattr/setattr slots of type objects: type(name).x looks on the metatype for data
 * descriptors, then on the MRO of the type itself ("type object 'int' has no attribute 'x'");
 * setting is refused on immutable types ("cannot set 'x' attribute of immutable type 'int'")
 * and bumps the version tag of mutable ones. */
PrObject *pr_type_getattr(PrObject *type, PrObject *name);
int pr_type_setattr(PrObject *type, PrObject *name, PrObject *value);

/* type.__call__: t(*args, **kw) runs t->new, then t->init when the result is an instance of t.
 * type(x) with one argument returns x's type. Errors: "cannot create 'NoneType' instances" when
 * t has no new; whatever new and init raise. */
PrObject *pr_type_call(PrObject *t, PrObject *const *args, size_t nargs, PrObject *kwnames);

/* Spec of the built-in types `object` and `type` (objects/types.def). */
extern const PrType pr_object_spec;
extern const PrType pr_type_spec;

#endif
