/* objects/object.h — the object header, reference counting, allocation of objects, and the generic
 * operations every part of pyrena calls (repr, str, hash, compare, truth, attributes, calls).
 * Types and their slots are in objects/type.h; the pending exception in vm/errors.h; number
 * operators in objects/number.h.
 *
 * THE OBJECT HEADER. Every value starts with a PrObject: a reference count and a pointer to its
 * type. Objects whose length varies (str, tuple, int) start with a PrVarObject, which adds
 * `size`, the number of items (CPython's ob_size; for int its sign is the value's sign).
 *
 * THE COLLECTOR HEADER. An object of a type flagged PR_TPFLAG_GC (a container that can be part of
 * a cycle: tuple, dict, exceptions, later list, function, instance...) has a 16-byte PrGCHead in
 * front of it, in the same block from pr_mem_alloc (memory/gc.h draws it). pr_object_new lays
 * it out and returns the pointer after it, so nothing but the collector ever sees the header.
 * A new GC object is untracked; its constructor calls pr_gc_track once every field is valid,
 * and its dealloc calls pr_gc_untrack before dropping references.
 *
 * OWNERSHIP. A reference is either owned (the holder will PR_DECREF it) or borrowed (valid while
 * someone else owns one). The rules, as CPython's:
 *   - Arguments are borrowed. The callee takes its own reference if it keeps the object.
 *   - A returned object is a new reference the caller owns, unless the function's name ends in
 *     `_borrow`. A function that takes over an argument's reference ends in `_steal`.
 *   - A function that fails returns NULL (or -1 for int results) with an exception set
 *     (vm/errors.h), and never leaves one set when it succeeds.
 *   - PR_DECREF to zero calls the type's dealloc at once: it frees what the object owns and then
 *     the object. PR_SETREF stores the new value before releasing the old one, so code run by
 *     that release (a __del__) never sees a dangling field.
 *
 * THE CALLING CONVENTION is CPython's vectorcall: callable(args[0], ..., args[nargs-1], **kw) is
 *     call(callable, args, nargs, kwnames)
 * where kwnames is NULL or a tuple of str naming the keyword arguments, whose values follow the
 * positional ones: args[nargs + i] goes with kwnames[i]. No tuple or dict is built for a call.
 * Every C function, method and type is called this way (PrVectorcallFunc in type.h).
 *
 * STATIC OBJECTS. Built-in types, None, NotImplemented, Ellipsis, True and False are not
 * allocated: they live inside the interpreter state (vm/interp.h) and start with a reference
 * count of PR_STATIC_REFCNT, 999,999,999 as CPython 3.11's statically allocated objects, so
 * sys.getrefcount(True) shows about 1000000000, as getrefcount(1) does in CPython 3.11. They are
 * counted like any object (no branch on the hot path); their count can never reach zero in
 * practice, and their dealloc is a fatal error if it ever did. */
#ifndef PR_OBJECTS_OBJECT_H
#define PR_OBJECTS_OBJECT_H

#include "memory/gc.h"

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct PrType PrType;

typedef struct PrObject {
    ssize_t refcnt;
    PrType *type;
} PrObject;

typedef struct PrVarObject {
    PrObject ob;
    ssize_t size;
} PrVarObject;

/* A hash value; -1 is reserved for "error" (a real hash of -1 becomes -2), as in CPython. */
typedef ssize_t PrHash;

#define PR_STATIC_REFCNT ((ssize_t)999999999)

/* Initialiser of the header of a static object of type t. */
#define PR_STATIC_HEADER(t)                                                                        \
    {                                                                                              \
        PR_STATIC_REFCNT, (t)                                                                      \
    }

/* ---- assertions and fatal errors ------------------------------------------------------------ */

/* Aborts with "Fatal Python error: <where>: <msg>" on stderr. For broken invariants only. */
_Noreturn void pr_fatal(const char *where, const char *msg);

#ifdef NDEBUG
#define PR_ASSERT(cond) ((void)0)
#else
#define PR_ASSERT(cond) ((cond) ? (void)0 : pr_fatal(__func__, "assertion failed: " #cond))
#endif

/* ---- reference counting --------------------------------------------------------------------- */

/* Calls o's type's dealloc. Only PR_DECREF calls it, when the count reaches zero. */
void pr_object_dealloc(PrObject *o);

static inline void pr_incref(PrObject *o)
{
    o->refcnt++;
}

static inline void pr_decref(PrObject *o)
{
    PR_ASSERT(o->refcnt > 0);
    if (--o->refcnt == 0) {
        pr_object_dealloc(o);
    }
}

#define PR_INCREF(o) pr_incref((PrObject *)(o))
#define PR_DECREF(o) pr_decref((PrObject *)(o))
#define PR_XINCREF(o)                                                                              \
    do {                                                                                           \
        PrObject *pr_xinc_ = (PrObject *)(o);                                                      \
        if (pr_xinc_) {                                                                            \
            pr_incref(pr_xinc_);                                                                   \
        }                                                                                          \
    } while (0)
#define PR_XDECREF(o)                                                                              \
    do {                                                                                           \
        PrObject *pr_xdec_ = (PrObject *)(o);                                                      \
        if (pr_xdec_) {                                                                            \
            pr_decref(pr_xdec_);                                                                   \
        }                                                                                          \
    } while (0)

/* Sets the lvalue dst (a PrObject * field or variable) to value, whose reference it takes over,
 * then releases the old value (if any). */
#define PR_SETREF(dst, value)                                                                      \
    do {                                                                                           \
        PrObject *pr_old_ = (PrObject *)(dst);                                                     \
        (dst) = (value);                                                                           \
        PR_XDECREF(pr_old_);                                                                       \
    } while (0)

/* Sets dst to NULL, then releases what it held (if anything). */
#define PR_CLEAR(dst)                                                                              \
    do {                                                                                           \
        PrObject *pr_old_ = (PrObject *)(dst);                                                     \
        if (pr_old_) {                                                                             \
            (dst) = NULL;                                                                          \
            pr_decref(pr_old_);                                                                    \
        }                                                                                          \
    } while (0)

/* A new reference to o, for `return PR_NEWREF(x);`. */
static inline PrObject *pr_newref(PrObject *o)
{
    o->refcnt++;
    return o;
}
#define PR_NEWREF(o) pr_newref((PrObject *)(o))

#define PR_TYPE_OF(o) (((PrObject *)(o))->type)
#define PR_SIZE(o) (((PrVarObject *)(o))->size)

/* ---- allocation ----------------------------------------------------------------------------- */

/* Allocates an object of type t (t->basicsize bytes, plus the collector header in front when t
 * is PR_TPFLAG_GC) with refcnt 1, its type set, every other byte zero. GC objects start
 * untracked. Heap types gain a reference (their instances keep them alive).
 * Returns: the object. Errors: MemoryError. */
PrObject *pr_object_new(PrType *t);

/* The same for a type with items: t->basicsize + n * t->itemsize bytes, size set to n.
 * Returns: the object. Errors: MemoryError (also when the size overflows). */
PrObject *pr_object_new_var(PrType *t, ssize_t n);

/* Whether o may be part of a cycle the collector must see: o is of a GC type and, for an exact
 * tuple, currently tracked (CPython's _PyObject_GC_MAY_BE_TRACKED). Containers that track
 * themselves lazily (dict, tuple after a pass) ask this of what they hold. Returns: 1 or 0. */
int pr_object_gc_may_be_tracked(PrObject *o);

/* Returns o's memory to the allocator (the block starts at the collector header for GC types).
 * The last step of a dealloc, after the object released what it owns. */
void pr_object_free(PrObject *o);

/* sys.getsizeof(o) without the __sizeof__ call: the bytes o holds in this allocator — the type's
 * size_of slot if it has one (objects owning separate storage: dict), else basicsize +
 * itemsize * |size| — plus 16 for the collector header of GC types. As in CPython, this is the
 * size requested from pr_mem_alloc; the size class it landed in may be up to one step larger. */
ssize_t pr_object_sizeof(PrObject *o);

/* ---- generic operations --------------------------------------------------------------------- */

/* repr(o) and str(o). Returns: a new str. Errors: whatever the slot raises; TypeError
 * "__repr__ returned non-string (type int)" when a slot returns something else. */
PrObject *pr_object_repr(PrObject *o);
PrObject *pr_object_str(PrObject *o);

/* hash(o). Returns: the hash, never -1 for success. Errors: -1 with "TypeError: unhashable type:
 * 'list'" for types without hash (or with pr_object_hash_not_implemented as their hash). */
PrHash pr_object_hash(PrObject *o);

/* The hash slot of types that are explicitly unhashable (list, dict, set): raises the
 * TypeError above and returns -1. pr_type_ready turns it into `__hash__ = None`. */
PrHash pr_object_hash_not_implemented(PrObject *o);

/* The default hash: the address, rotated as CPython's _Py_HashPointer. Never -1. */
PrHash pr_hash_pointer(const void *p);

/* Hash of bytes (FNV-1a, 64 bits): what str and bytes use. Never -1. */
PrHash pr_hash_bytes(const void *data, size_t n);

/* Rich comparison operators, in CPython's order (COMPARE_OP's operand). */
typedef enum PrCompareOp {
#define PR_CMPOP(name, symbol, dunder, swapped) PR_##name,
#include "objects/cmpops.def"
#undef PR_CMPOP
    PR_CMPOP_COUNT
} PrCompareOp;

/* One row of objects/cmpops.def, indexed by PrCompareOp. */
typedef struct PrCompareOpInfo {
    const char *symbol;  /* "<" */
    const char *dunder;  /* "__lt__" */
    PrCompareOp swapped; /* the reflected operator: PR_GT for PR_LT */
} PrCompareOpInfo;
extern const PrCompareOpInfo pr_compare_ops[PR_CMPOP_COUNT];

/* v op w with CPython's protocol: if w's type is a proper subclass of v's and overrides
 * richcompare, w's reflected operator is tried first; then v's operator, then w's reflected one,
 * each answer of NotImplemented passing to the next. When all decline, == and != fall back to
 * identity and the others raise TypeError "'<' not supported between instances of 'int' and
 * 'str'". Returns: a new reference (any object: bool for built-ins). */
PrObject *pr_object_richcompare(PrObject *v, PrObject *w, PrCompareOp op);

/* The same as a C truth value, with the identity shortcut: for == and != an object is equal to
 * itself without a call (as CPython's PyObject_RichCompareBool, which containers use).
 * Returns: 1, 0, or -1 with an exception. */
int pr_object_richcompare_bool(PrObject *v, PrObject *w, PrCompareOp op);

/* bool(o): None and False are false; then the type's nb_bool, mp_length, sq_length; otherwise
 * true. Returns: 1, 0, or -1 with an exception. */
int pr_object_is_true(PrObject *o);

/* isinstance(o, t) for a type t, by o's type's MRO (no __instancecheck__). Returns: 1 or 0. */
int pr_object_is_instance(PrObject *o, PrType *t);

/* ---- attributes ----------------------------------------------------------------------------- */

/* getattr(o, name) through o's type's getattr slot (default: pr_object_generic_getattr).
 * name must be a str. Returns: a new reference. Errors: AttributeError "'int' object has no
 * attribute 'x'", TypeError "attribute name must be string, not 'int'", or the descriptor's. */
PrObject *pr_object_getattr(PrObject *o, PrObject *name);

/* The same with a C string name, which is interned. */
PrObject *pr_object_getattr_cstr(PrObject *o, const char *name);

/* setattr(o, name, value), and delattr(o, name) with value NULL (pr_object_delattr).
 * Returns: 0, or -1 with AttributeError ("'int' object has no attribute 'x'", "'int' object
 * attribute 'real' is read-only"), TypeError, or the descriptor's error. */
int pr_object_setattr(PrObject *o, PrObject *name, PrObject *value);
int pr_object_delattr(PrObject *o, PrObject *name);

/* CPython's generic lookup (object.__getattribute__): a data descriptor found on the type's MRO
 * wins, then the instance dict (types with a dictoffset), then a non-data descriptor (its get
 * is called), then a plain class attribute. Returns: a new reference. Errors: as above. */
PrObject *pr_object_generic_getattr(PrObject *o, PrObject *name);

/* object.__setattr__/__delattr__: a data descriptor's set, else the instance dict.
 * Returns: 0 or -1 as pr_object_setattr. */
int pr_object_generic_setattr(PrObject *o, PrObject *name, PrObject *value);

/* Looks name up for a call o.name(...) without making a bound method when it can (what the
 * VM's LOAD_METHOD does). Returns: 1 with *method set to an unbound function (a method
 * descriptor) to be called with o as first argument; 0 with *method set to the attribute itself
 * (to be called as is); -1 with *method NULL and an exception. *method is a new reference. */
int pr_object_get_method(PrObject *o, PrObject *name, PrObject **method);

/* type(o).name bound to o: looked up on o's type only, not on o (CPython's
 * _PyObject_LookupSpecial, for __enter__, __reversed__, __round__, __dir__...).
 * Returns: a new reference; NULL without an exception when the type has no such attribute;
 * NULL with an exception when interning the name or binding failed. */
PrObject *pr_object_lookup_special(PrObject *o, const char *name);

/* ---- calls ---------------------------------------------------------------------------------- */

/* Calls callable with the vectorcall convention above (args may be NULL when nargs == 0 and
 * kwnames is NULL). Returns: the result, a new reference. Errors: TypeError "'int' object is
 * not callable"; whatever the callee raises; SystemError when a callee broke the error
 * convention (NULL without an exception, or a result with one set). */
PrObject *pr_object_call(PrObject *callable, PrObject *const *args, size_t nargs,
                         PrObject *kwnames);

/* o.name(*args) with positional arguments (name a str). Returns, Errors: as pr_object_call and
 * pr_object_getattr. */
PrObject *pr_object_call_method(PrObject *o, PrObject *name, PrObject *const *args, size_t nargs);

/* ---- repr recursion guard ------------------------------------------------------------------- */

/* For containers' repr, which may reach themselves ({'a': d} prints as {'a': {...}}): call
 * pr_repr_enter(o) before printing o's items and pr_repr_leave(o) after.
 * Returns: 0 if o was not being printed (now it is), 1 if it already is (print "..."), -1 with
 * MemoryError. */
int pr_repr_enter(PrObject *o);
void pr_repr_leave(PrObject *o);

#endif
