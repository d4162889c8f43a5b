/* vm/interp.h — the interpreter state: one struct, reached through the one global `pr_interp`,
 * holding everything mutable the runtime has (STYLE.md: no other mutable globals). The built-in
 * types and the singletons None, NotImplemented, Ellipsis, True and False live inside it, so
 * their addresses are link-time constants (PR_TYPE(str), PR_None) and their reference counts
 * are part of the state. The allocator is process-wide by nature and keeps its own state.
 *
 * pr_interp_init builds it: copies each type's spec (objects/types.def, objects/exceptions.def),
 * readies the types, preallocates the MemoryError. pr_interp_finalize tears everything down, so
 * that a program that released its objects leaves the allocator with no block in use. */
#ifndef PR_VM_INTERP_H
#define PR_VM_INTERP_H

#include "memory/freelist.h"
#include "memory/gc.h"
#include "objects/type.h"

#include <signal.h>
#include <stdint.h>

/* An int (objects/long.h): CPython's layout, a PrVarObject whose size is the signed digit count,
 * then the 30-bit digits inline (at least one is allocated, so getsizeof(0) is 28). Declared
 * here because the small ints -5..256 and bool's True and False live inside the state; digit[1]
 * is the first of |size| digits, reached through PR_LONG_DIGITS. */
typedef struct PrLongObject {
    PrVarObject ob;
    uint32_t digit[1];
} PrLongObject;

/* bool's instances are ints: False has size 0, True size 1 and digit 1. */
typedef PrLongObject PrBoolObject;

/* The shared small ints, as CPython's: -PR_SMALL_INT_NEG .. PR_SMALL_INT_POS - 1. */
#define PR_SMALL_INT_NEG 5
#define PR_SMALL_INT_POS 257

/* float's free list (CPython 3.11's PyFloat_MAXFREELIST) under the default presets. */
#define PR_FLOAT_MAXFREELIST 100

/* The built-in types, one member per row of objects/types.def. */
typedef struct PrTypes {
#define PR_TYPE_DEF(name, spec) PrType name##_type;
#include "objects/types.def"
#undef PR_TYPE_DEF
} PrTypes;

/* The built-in exception classes, indexed by PrExcId (objects/exceptions.def). */
typedef enum PrExcId {
#define PR_EXC_DEF(name, base, layout) PR_EXCID_##name,
#include "objects/exceptions.def"
#undef PR_EXC_DEF
    PR_EXC_COUNT
} PrExcId;
#define PR_EXCID_object (-1) /* BaseException's base */

/* One entry of the type attribute cache (CPython's method cache): (version tag, interned name)
 * -> the borrowed result of the MRO walk, NULL included. */
typedef struct PrTypeCacheEntry {
    uint32_t version;
    PrObject *name;
    PrObject *value;
} PrTypeCacheEntry;

#define PR_TYPE_CACHE_BITS 12

/* Tuple free lists (CPython 3.11): one per size 1..PR_TUPLE_MAXSAVESIZE (at index size - 1),
 * each up to PR_TUPLE_MAXFREELIST tuples (memory/freelist.h). */
#define PR_TUPLE_MAXSAVESIZE 20
#define PR_TUPLE_MAXFREELIST 2000

/* Freed dicts and minimum-size keys blocks kept for reuse (CPython 3.11's PyDict_MAXFREELIST). */
#define PR_DICT_MAXFREELIST 80

/* Freed list objects kept for reuse (CPython 3.11's PyList_MAXFREELIST). */
#define PR_LIST_MAXFREELIST 80

typedef struct PrInterp {
    int initialized;

    PrTypes types;
    PrType exc_types[PR_EXC_COUNT];
    PrObject none, notimplemented, ellipsis;
    PrBoolObject true_, false_;

    /* errors (vm/errors.h) */
    PrObject *exc;          /* the pending exception instance, owned, or NULL */
    PrObject *exc_handled;  /* the exception an except block is handling (chained as context) */
    PrObject *memory_error; /* the preallocated MemoryError instance */

    PrGCState gc;

    struct {
        uint32_t next_version;
        PrTypeCacheEntry cache[1 << PR_TYPE_CACHE_BITS];
    } type;

    struct {
        PrObject *empty;       /* '' */
        PrObject *latin1[256]; /* one-character strings U+0000..U+00FF, made on first use */
        PrObject *interned;    /* dict str -> str, owning one reference to each */
    } str;

    struct {
        PrObject *empty;                    /* () */
        PrFreeList free[PR_TUPLE_MAXSAVESIZE]; /* freed tuples of size i + 1 at index i */
    } tuple;

    struct {
        uint64_t next_version; /* dict versions are unique across dicts (PEP 509) */
        PrFreeList free;      /* freed dict objects */
        PrFreeList keys_free; /* freed 8-slot str-kind keys blocks */
    } dict;

    /* int (objects/long.h): the small ints, static like True and False; the limit of
     * sys.set_int_max_str_digits (0: none); freed one-digit ints kept for reuse under the
     * Python 2 presets (the bound: 0 = off, -1 = kept forever) */
    struct {
        PrLongObject small[PR_SMALL_INT_NEG + PR_SMALL_INT_POS];
        int max_str_digits;
        PrFreeList free;
    } long_;

    /* float (objects/float.h): freed floats kept for reuse (the bound: 0 = off, -1 = kept
     * forever) */
    struct {
        PrFreeList free;
    } float_;

    struct {
        PrFreeList free; /* freed list objects, items block freed */
    } list;

    PrFreeList *freelists; /* every free list above, for pr_freelists_clear_all */

    struct {
        PrObject **items; /* objects whose repr is in progress */
        size_t n, cap;
    } repr;

    /* The VM (vm/frame.h, vm/eval.h): the frame stack, the call depth and its limit, and the
     * builtins namespace. pr_vm_fini (called by pr_interp_finalize) releases them. */
    struct {
        struct PrFrameChunk *chunk; /* the newest chunk of the frame stack */
        struct PrFrameChunk *spare; /* the last chunk emptied, kept for the next overflow */
        struct PrFrame *frame;      /* the running frame, or NULL */
        int depth;                  /* Python frames running, plus C entries into the loop */
        int recursion_limit;        /* sys.getrecursionlimit(), 1000 */
        volatile sig_atomic_t sigint; /* SIGINT arrived, not yet raised (vm/signals.h) */
        PrObject *builtins;         /* the builtins namespace (a dict), or NULL until made */
    } vm;

    /* Modules (stdlib/modules.h, stdlib/sys.h): sys.modules, made on first import; the program's
     * arguments as the CLI gave them (borrowed from main's argv), for sys.argv; the file
     * objects of the standard streams (stdlib/fileio.h), made on first use. */
    struct {
        PrObject *modules;
        const char *argv0;
        char *const *args;
        int nargs;
        PrObject *std[3]; /* stdin, stdout, stderr */
    } sys;
} PrInterp;

extern PrInterp pr_interp;

#define PR_TYPE(name) (&pr_interp.types.name##_type)
#define PR_EXC(name) (&pr_interp.exc_types[PR_EXCID_##name])
#define PR_None (&pr_interp.none)
#define PR_NotImplemented (&pr_interp.notimplemented)
#define PR_Ellipsis (&pr_interp.ellipsis)
#define PR_True ((PrObject *)&pr_interp.true_)
#define PR_False ((PrObject *)&pr_interp.false_)

/* Builds the interpreter state. The allocator starts itself if nothing started it.
 * Returns: 0, or -1 (out of memory; the state is torn down again). Calling it on a running
 * interpreter does nothing. */
int pr_interp_init(void);

/* Tears the state down: the pending exception, the MemoryError, the types' dicts, interned and
 * cached strings, the empty tuple and the free lists. Objects still referenced from outside
 * stay allocated (a leak the caller made); everything else is freed. */
void pr_interp_finalize(void);

#endif
