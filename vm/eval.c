/* vm/eval.c — the eval loop: one function that runs frames on the frame stack (vm/frame.h),
 * dispatching on each code unit with computed goto (a switch where the compiler has none).
 *
 * CALLS. A call of a Python function from Python code pushes the callee's frame and jumps to
 * its first instruction in the same C invocation; RETURN_VALUE pops it and pushes the result on
 * the caller's stack. Only frames marked is_entry (the first frame of pr_eval_code or
 * pr_eval_function, i.e. a call from C) return to C. The depth counts every Python frame, so
 * recursion stops with RecursionError at the limit whatever the C stack.
 *
 * EXCEPTIONS. An instruction that fails jumps to `error`, which adds a traceback entry for the
 * frame (with its last instruction) and looks the instruction up in the code's exception table:
 * a handler pops the value stack to its depth, maybe pushes lasti, pushes the exception and
 * continues there; otherwise the frame is popped and the caller's instruction fails in turn.
 * RERAISE and a bare `raise` skip the new traceback entry (`exception_unwind`), as in 3.11.
 *
 * What is not here yet, and raises instead: class statements (LOAD_BUILD_CLASS:
 * NotImplementedError until classes land), generators (RETURN_GENERATOR and the yield
 * instructions: NotImplementedError until the generator issue), imports of anything
 * (ModuleNotFoundError until the built-in module registry exists). */
#include "vm/eval.h"

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/iterate.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/number.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/singletons.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "stdlib/builtins.h"
#include "vm/cell.h"
#include "vm/code.h"
#include "vm/errors.h"
#include "vm/eval_impl.h"
#include "vm/frame.h"
#include "vm/function.h"
#include "vm/signals.h"
#include "vm/traceback.h"

#include <stdio.h>
#include <string.h>

/* Computed goto where the compiler has it; -DPR_NO_COMPUTED_GOTO builds the switch instead. */
#if (defined(__GNUC__) || defined(__clang__)) && !defined(PR_NO_COMPUTED_GOTO)
#define USE_COMPUTED_GOTO 1
#else
#define USE_COMPUTED_GOTO 0
#endif

/* For the helpers of the call and return paths, which GCC would otherwise keep out of line. */
#if defined(__GNUC__) || defined(__clang__)
#define HOT_INLINE static inline __attribute__((always_inline))
#else
#define HOT_INLINE static inline
#endif

/* Inline cache units of each instruction, as constants: NCACHE_LOAD_GLOBAL... */
enum {
#define PR_OPCODE(NAME, pop, push, KIND, ncache) NCACHE_##NAME = (ncache),
#include "vm/opcodes.def"
};

/* ============================================================================================
 *  State outside the loop
 * ============================================================================================ */

PrObject *pr_vm_builtins_borrow(void)
{
    if (!pr_interp.vm.builtins) {
        pr_interp.vm.builtins = pr_builtins_new_namespace();
    }
    return pr_interp.vm.builtins;
}

int pr_vm_recursion_limit(void)
{
    return pr_interp.vm.recursion_limit;
}

int pr_vm_set_recursion_limit(int limit)
{
    if (limit < 1) {
        pr_err_set(PR_EXC(ValueError), "recursion limit must be greater or equal than 1");
        return -1;
    }
    if (limit <= pr_interp.vm.depth) {
        pr_err_format(PR_EXC(RecursionError),
                      "cannot set the recursion limit to %d at the recursion depth %d: the limit "
                      "is too low",
                      limit, pr_interp.vm.depth);
        return -1;
    }
    pr_interp.vm.recursion_limit = limit;
    return 0;
}

void pr_vm_fini(void)
{
    PR_CLEAR(pr_interp.vm.builtins);
    pr_frame_stack_fini();
}

/* A frame for co, counted against the recursion limit. Returns: NULL with RecursionError or
 * MemoryError. */
HOT_INLINE PrFrame *enter_frame(PrCode *co, PrObject *func, PrObject *globals, PrObject *builtins,
                            PrObject *locals)
{
    if (pr_interp.vm.depth >= pr_interp.vm.recursion_limit) {
        pr_err_set(PR_EXC(RecursionError), "maximum recursion depth exceeded");
        return NULL;
    }
    PrFrame *f = pr_frame_push(co, func, globals, builtins, locals);
    if (f) {
        pr_interp.vm.depth++;
    }
    return f;
}

/* Pops f (the top frame), making its caller the running one. */
HOT_INLINE void leave_frame(PrFrame *f)
{
    pr_interp.vm.depth--;
    pr_interp.vm.frame = f->previous;
    pr_frame_pop(f);
}

/* A frame for a call of func, its parameters bound. Steals nothing; args stay the caller's. */
static PrFrame *function_frame(PrFunction *func, PrObject *const *args, size_t nargs,
                               PrObject *kwnames)
{
    PrCode *co = (PrCode *)func->code;
    if (co->flags & PR_CO_GENERATOR) {
        pr_err_set(PR_EXC(NotImplementedError),
                   "generator functions are not supported yet (pyrena's generator issue)");
        return NULL;
    }
    PrFrame *f = enter_frame(co, (PrObject *)func, func->globals, func->builtins, NULL);
    if (f && pr_function_bind_args(func, f->localsplus, args, nargs, kwnames) < 0) {
        leave_frame(f);
        f = NULL;
    }
    return f;
}

static PrObject *eval_frame(PrFrame *frame);

/* A call of anything but a Python function from the loop. Built-in functions and methods count
 * one level of recursion while they run, as CPython's cfunction and method_descriptor calls do
 * (so f -> min(key=lambda) -> f recurses as deep as in CPython). */
static PrObject *call_object(PrObject *callable, PrObject *const *args, size_t nargs,
                             PrObject *kwnames)
{
    PrType *t = PR_TYPE_OF(callable);
    if (t != PR_TYPE(builtin_function_or_method) && t != PR_TYPE(method_descriptor)) {
        return pr_object_call(callable, args, nargs, kwnames);
    }
    if (pr_interp.vm.depth >= pr_interp.vm.recursion_limit) {
        return pr_err_set(PR_EXC(RecursionError),
                          "maximum recursion depth exceeded while calling a Python object");
    }
    pr_interp.vm.depth++;
    PrObject *r = pr_object_call(callable, args, nargs, kwnames);
    pr_interp.vm.depth--;
    return r;
}

PrObject *pr_eval_code(PrObject *code, PrObject *globals, PrObject *locals)
{
    PrObject *builtins = pr_vm_builtins_borrow();
    if (!builtins) {
        return NULL;
    }
    PrFrame *f = enter_frame((PrCode *)code, NULL, globals, builtins, locals ? locals : globals);
    return f ? eval_frame(f) : NULL;
}

PrObject *pr_eval_function(PrObject *func, PrObject *const *args, size_t nargs,
                           PrObject *kwnames)
{
    PrFrame *f = function_frame((PrFunction *)func, args, nargs, kwnames);
    return f ? eval_frame(f) : NULL;
}

/* ============================================================================================
 *  Small helpers of the loop
 * ============================================================================================ */

/* The value of an exact int of at most two 30-bit digits (|v| < 2**60): the ints the fast
 * paths of arithmetic and comparison take. CPython 3.11 stops at one digit; two keep running
 * totals and products of loop indices off the bigint path too. */
static inline int small_int_value(PrObject *o, int64_t *v)
{
    if (PR_TYPE_OF(o) != PR_TYPE(int)) {
        return 0;
    }
    ssize_t size = PR_SIZE(o);
    const PrDigit *d = ((PrLongObject *)o)->digit;
    switch (size) {
    case -1:
    case 0:
    case 1:
        *v = (int64_t)size * (int64_t)d[0];
        return 1;
    case -2:
    case 2: {
        int64_t m = (int64_t)d[0] | (int64_t)d[1] << PR_DIGIT_BITS;
        *v = size < 0 ? -m : m;
        return 1;
    }
    default:
        return 0;
    }
}

/* Whether sub is a small int indexing a sequence of n items (negative from the end): the index
 * in *i. */
static inline int item_index(PrObject *sub, ssize_t n, ssize_t *i)
{
    int64_t v;
    if (!small_int_value(sub, &v)) {
        return 0;
    }
    if (v < 0) {
        v += n;
    }
    *i = (ssize_t)v;
    return v >= 0 && v < n;
}

/* Whether |v| < 2**31: products of two such values fit in int64. */
#define FITS_HALF(v) ((v) > -((int64_t)1 << 31) && (v) < ((int64_t)1 << 31))

/* a op b for two small ints (|a|, |b| < 2**60) when int64 gets it right, the result in *out
 * (|result| < 2**63). Returns 0 for "take the generic path" (never an error). */
static int int_fast_op(int op, int64_t a, int64_t b, int64_t *out)
{
    if (op >= PR_NB_COUNT) {
        op -= PR_NB_COUNT; /* the in-place forms of int are the plain ones */
    }
    switch (op) {
    case PR_NB_ADD:
        *out = a + b;
        return 1;
    case PR_NB_SUB:
        *out = a - b;
        return 1;
    case PR_NB_MUL:
        *out = a * b;
        return FITS_HALF(a) && FITS_HALF(b);
    case PR_NB_AND:
        *out = a & b;
        return 1;
    case PR_NB_OR:
        *out = a | b;
        return 1;
    case PR_NB_XOR:
        *out = a ^ b;
        return 1;
    case PR_NB_LSHIFT:
        if (b < 0 || b >= 32 || !FITS_HALF(a)) {
            return 0;
        }
        *out = a * ((int64_t)1 << b);
        return 1;
    case PR_NB_RSHIFT:
        if (b < 0) {
            return 0; /* ValueError: negative shift count */
        }
        /* floor(a / 2**b) without relying on >> of a negative value */
        *out = b > 62 ? (a < 0 ? -1 : 0) : a >= 0 ? a >> b : -((-a - 1) >> b) - 1;
        return 1;
    case PR_NB_FLOORDIV:
    case PR_NB_MOD: {
        if (b == 0) {
            return 0;
        }
        int64_t q = a / b, r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) {
            q--;
            r += b;
        }
        *out = op == PR_NB_FLOORDIV ? q : r;
        return 1;
    }
    default:
        return 0;
    }
}

/* Whether v is one of the shared small ints (-5..256), never made anew. */
#define IS_SHARED_INT(v) ((v) >= -PR_SMALL_INT_NEG && (v) < PR_SMALL_INT_POS)

/* The 30-bit digits |v| takes (|v| < 2**63). */
static inline ssize_t int_digits(int64_t v)
{
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    ssize_t n = 0;
    for (; m; m >>= PR_DIGIT_BITS) {
        n++;
    }
    return n;
}

/* Writes v into the int o in place when its digits fit exactly (the same count, so the
 * block keeps its size class) and o is not a shared small int. Only for an o that nothing but
 * the running instruction can see: ints are immutable to Python code. Returns: whether it did. */
static int int_assign(PrObject *o, int64_t v)
{
    ssize_t n = int_digits(v), size = PR_SIZE(o);
    PrLongObject *small = pr_interp.long_.small;
    if (PR_TYPE_OF(o) != PR_TYPE(int) || IS_SHARED_INT(v) || (size < 0 ? -size : size) != n ||
        ((PrLongObject *)o >= small &&
         (PrLongObject *)o < small + PR_SMALL_INT_NEG + PR_SMALL_INT_POS)) {
        return 0;
    }
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    PrDigit *d = ((PrLongObject *)o)->digit;
    for (ssize_t i = 0; i < n; i++, m >>= PR_DIGIT_BITS) {
        d[i] = (PrDigit)(m & PR_DIGIT_MASK);
    }
    PR_SIZE(o) = v < 0 ? -n : n;
    return 1;
}

/* The int result v of an operation on lhs and rhs (the stack's references, both released
 * here). An operand only this instruction can see takes the result in place (int_assign),
 * which saves an allocation and a free: one only the stack holds, or lhs when it is also in
 * the local that the next instruction (STORE_FAST) replaces, as in `total += x`. */
static PrObject *int_result(PrObject *lhs, PrObject *rhs, int64_t v, int lhs_dies)
{
    if ((lhs->refcnt == 1 || lhs_dies) && int_assign(lhs, v)) {
        PR_DECREF(rhs);
        return lhs;
    }
    if (rhs->refcnt == 1 && int_assign(rhs, v)) {
        PR_DECREF(lhs);
        return rhs;
    }
    PR_DECREF(lhs);
    PR_DECREF(rhs);
    return pr_long_from_int64(v);
}

/* a op b for two floats: the IEEE operations CPython does, the result in *out. Returns 0 for
 * "take the generic path", which raises ZeroDivisionError and computes %, //, ** with Python's
 * rules. */
static int float_fast_op(int op, double a, double b, double *out)
{
    if (op >= PR_NB_COUNT) {
        op -= PR_NB_COUNT; /* float has no in-place slots */
    }
    switch (op) {
    case PR_NB_ADD:
        *out = a + b;
        return 1;
    case PR_NB_SUB:
        *out = a - b;
        return 1;
    case PR_NB_MUL:
        *out = a * b;
        return 1;
    case PR_NB_TRUEDIV:
        *out = a / b;
        return b != 0.0;
    default:
        return 0;
    }
}

/* Whether o is an exact float or a small int a double holds exactly (|v| <= 2**53, where
 * CPython's int-to-float conversion is exact too), its value in *v. */
static inline int float_operand(PrObject *o, double *v)
{
    int64_t i;
    if (PR_FLOAT_CHECK_EXACT(o)) {
        *v = PR_FLOAT_VALUE(o);
        return 1;
    }
    if (small_int_value(o, &i) && i >= -((int64_t)1 << 53) && i <= ((int64_t)1 << 53)) {
        *v = (double)i;
        return 1;
    }
    return 0;
}

/* The float result x of an operation on lhs and rhs (the stack's references, both released
 * here): a float operand that nothing but this instruction can see takes the result in place
 * (as int_result), since the allocation it saves is most of the cost of float arithmetic. */
static PrObject *float_result(PrObject *lhs, PrObject *rhs, double x, int lhs_dies)
{
    PrObject *r;
    if (PR_FLOAT_CHECK_EXACT(lhs) && (lhs->refcnt == 1 || lhs_dies)) {
        r = lhs;
        PR_DECREF(rhs);
    } else if (PR_FLOAT_CHECK_EXACT(rhs) && rhs->refcnt == 1) {
        r = rhs;
        PR_DECREF(lhs);
    } else {
        PR_DECREF(lhs);
        PR_DECREF(rhs);
        return pr_float_from_double(x);
    }
    PR_FLOAT_VALUE(r) = x;
    return r;
}

static int float_compare(int op, double a, double b)
{
    switch (op) {
    case PR_LT:
        return a < b;
    case PR_LE:
        return a <= b;
    case PR_EQ:
        return a == b;
    case PR_NE:
        return a != b;
    case PR_GT:
        return a > b;
    default:
        return a >= b;
    }
}

static int int_compare(int op, int64_t a, int64_t b)
{
    switch (op) {
    case PR_LT:
        return a < b;
    case PR_LE:
        return a <= b;
    case PR_EQ:
        return a == b;
    case PR_NE:
        return a != b;
    case PR_GT:
        return a > b;
    default:
        return a >= b;
    }
}

/* ---- LOAD_METHOD's inline cache -------------------------------------------------------------
 * Of the ten cache units after LOAD_METHOD, [0..1] hold the version tag of the type whose
 * method was found (0: nothing cached) and [2..5] the method descriptor, borrowed from that
 * type's dict, which cannot change while the tag stays (3.11's LOAD_METHOD_NO_DICT). Only types
 * whose instances have no __dict__ and whose getattr is the generic one are cached: for them
 * pr_object_get_method's answer depends on the type alone. */

static PrObject *method_cache_get(const PrCodeUnit *cache, PrType *t)
{
    uint32_t tag = (uint32_t)cache[0] | (uint32_t)cache[1] << 16;
    if (tag == 0 || t->version_tag != tag) {
        return NULL;
    }
    PrObject *descr;
    memcpy(&descr, cache + 2, sizeof descr);
    return descr;
}

static void method_cache_fill(PrCodeUnit *cache, PrType *t, PrObject *descr)
{
    if (t->dictoffset != 0 || t->getattr != pr_object_generic_getattr) {
        return;
    }
    uint32_t tag = pr_type_version(t);
    cache[0] = (PrCodeUnit)(tag & 0xFFFF);
    cache[1] = (PrCodeUnit)(tag >> 16);
    memcpy(cache + 2, &descr, sizeof descr);
}

/* ---- LOAD_GLOBAL's inline cache -------------------------------------------------------------
 * Five cache units follow LOAD_GLOBAL: [0] low byte what was found (0 nothing cached, 1 in
 * globals, 2 in builtins, 3 caching given up), high byte the misses so far (8 give up: a name
 * whose dicts keep changing is looked up directly), [1..2] the entry's index in that dict's entry array, [3..4] the low 32 bits of
 * the globals' version when the name was found in builtins. A globals hit is checked by the
 * entry still holding the same (interned) key, which no version is needed for; a builtins hit
 * also needs the globals unchanged, so that the name has not appeared there since. */

/* The key and value slots of entry i of d's table (str-only tables have no hash field), or
 * NULL past its end. */
static PrObject **dict_entry_at(PrObject *d, uint32_t i)
{
    PrDictKeys *k = ((PrDict *)d)->keys;
    if (!k || (ssize_t)i >= k->nentries) {
        return NULL;
    }
    void *entries = k->indices + ((size_t)1 << k->log2_index_bytes);
    return k->str_only ? &((PrDictStrEntry *)entries)[i].key : &((PrDictEntry *)entries)[i].key;
}

static uint32_t cache_u32(const PrCodeUnit *c)
{
    return (uint32_t)c[0] | (uint32_t)c[1] << 16;
}

static void cache_set_u32(PrCodeUnit *c, uint32_t v)
{
    c[0] = (PrCodeUnit)(v & 0xFFFF);
    c[1] = (PrCodeUnit)(v >> 16);
}

/* The cached value, borrowed, or NULL when the cache does not apply. */
static PrObject *global_cache_get(const PrCodeUnit *cache, PrObject *globals, PrObject *builtins,
                                  PrObject *name)
{
    int kind = cache[0] & 0xFF;
    if (kind == 0 || kind == 3) {
        return NULL;
    }
    if (kind == 2 && (uint32_t)pr_dict_version(globals) != cache_u32(cache + 3)) {
        return NULL;
    }
    PrObject **e = dict_entry_at(kind == 1 ? globals : builtins, cache_u32(cache + 1));
    return e && e[0] == name ? e[1] : NULL;
}

/* Where d holds name (an interned key stored as is), or -1. */
static int64_t entry_index(PrObject *d, PrObject *name)
{
    PrDictKeys *k = ((PrDict *)d)->keys;
    for (ssize_t i = 0; k && i < k->nentries && i < 0xFFFFFFFF; i++) {
        if (*dict_entry_at(d, (uint32_t)i) == name) {
            return i;
        }
    }
    return -1;
}

static void global_cache_fill(PrCodeUnit *cache, PrObject *globals, PrObject *builtins,
                              PrObject *name, int in_builtins)
{
    PrObject *d = in_builtins ? builtins : globals;
    int kind = cache[0] & 0xFF, misses = cache[0] >> 8;
    if (kind == 3) {
        return;
    }
    if (kind != 0 && ++misses >= 8) {
        cache[0] = 3;
        return;
    }
    int64_t i = PR_DICT_CHECK_EXACT(d) && PR_DICT_CHECK_EXACT(globals) ? entry_index(d, name) : -1;
    if (i < 0) {
        cache[0] = 3;
        return;
    }
    cache[0] = (PrCodeUnit)(misses << 8 | (in_builtins ? 2 : 1));
    cache_set_u32(cache + 1, (uint32_t)i);
    cache_set_u32(cache + 3, (uint32_t)pr_dict_version(globals));
}

/* LOAD_NAME's lookup: locals (any mapping), globals, builtins; NameError when absent. */
static PrObject *lookup_name(PrObject *locals, PrObject *globals, PrObject *builtins,
                             PrObject *name)
{
    PrObject *v;
    if (locals) {
        if (PR_DICT_CHECK_EXACT(locals)) {
            if ((v = pr_dict_getitem_borrow(locals, name))) {
                return PR_NEWREF(v);
            }
            if (pr_err_occurred()) {
                return NULL;
            }
        } else {
            if ((v = pr_vm_getitem(locals, name))) {
                return v;
            }
            if (!pr_err_matches((PrObject *)PR_EXC(KeyError))) {
                return NULL;
            }
            pr_err_clear();
        }
    }
    if ((v = pr_dict_getitem_borrow(globals, name)) ||
        (!pr_err_occurred() && (v = pr_dict_getitem_borrow(builtins, name)))) {
        return PR_NEWREF(v);
    }
    if (!pr_err_occurred()) {
        pr_vm_name_error(name);
    }
    return NULL;
}

/* Releases the n values on top of the stack that ends at sp (NULLs allowed: a call's NULL
 * slot). Returns: the stack's new end. */
HOT_INLINE PrObject **release_top(PrObject **sp, int n)
{
    for (; n > 0; n--) {
        PrObject *v = *--sp;
        PR_XDECREF(v);
    }
    return sp;
}

/* MAKE_FUNCTION's annotations operand: 3.11 passes a flat tuple (name, value, ...). */
static PrObject *annotations_dict(PrObject *ann)
{
    if (!PR_TUPLE_CHECK(ann)) {
        return PR_NEWREF(ann);
    }
    PrObject *d = pr_dict_new();
    for (ssize_t i = 0; d && i + 1 < PR_TUPLE_SIZE(ann); i += 2) {
        if (pr_dict_setitem(d, PR_TUPLE_ITEMS(ann)[i], PR_TUPLE_ITEMS(ann)[i + 1]) < 0) {
            PR_CLEAR(d);
        }
    }
    return d;
}

/* PRINT_EXPR: sys.displayhook's job, until sys exists: repr to stdout and builtins._ */
static int display(PrObject *builtins, PrObject *v)
{
    if (v == PR_None) {
        return 0;
    }
    if (pr_dict_setitem_cstr(builtins, "_", PR_None) < 0) {
        return -1;
    }
    PrObject *r = pr_object_repr(v);
    if (!r) {
        return -1;
    }
    fwrite(PR_STR_DATA(r), 1, (size_t)PR_STR_BYTES(r), stdout);
    fputc('\n', stdout);
    PR_DECREF(r);
    return pr_dict_setitem_cstr(builtins, "_", v);
}

/* ============================================================================================
 *  The loop
 * ============================================================================================ */

#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define STACK_SHRINK(n) (sp -= (n))
#define STACK_RELEASE(n) (sp = release_top(sp, (n)))
#define STACK_BASE() (localsplus + co->nlocalsplus)

#define JUMPBY(n) (next_instr += (n))
#define SKIP_CACHES(NAME) (next_instr += NCACHE_##NAME)

#define GETLOCAL(i) (localsplus[(i)])
#define SETLOCAL(i, v)                                                                             \
    do {                                                                                           \
        PrObject *old_ = localsplus[(i)];                                                          \
        localsplus[(i)] = (v);                                                                     \
        PR_XDECREF(old_);                                                                          \
    } while (0)

/* Loads the registers from frame (after a call, a return, or at the start). */
#define LOAD_FRAME_STATE()                                                                         \
    do {                                                                                           \
        co = frame->code;                                                                          \
        localsplus = frame->localsplus;                                                            \
        consts = PR_TUPLE_ITEMS(co->consts);                                                       \
        names = PR_TUPLE_ITEMS(co->names);                                                         \
        next_instr = frame->next_instr;                                                            \
        sp = STACK_BASE() + frame->stacktop;                                                       \
    } while (0)
#define SAVE_STACK() (frame->stacktop = (int)(sp - STACK_BASE()))

#if USE_COMPUTED_GOTO
#define TARGET(op) TARGET_##op:
#define DISPATCH_GOTO() goto *opcode_targets[opcode]
#else
#define TARGET(op) case PR_OP_##op:
#define DISPATCH_GOTO() goto dispatch_opcode
#endif

/* Fetches the next code unit, records it as the frame's current instruction, and jumps. */
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        word = *next_instr;                                                                        \
        frame->next_instr = ++next_instr;                                                          \
        opcode = PR_CU_OPCODE(word);                                                               \
        oparg = PR_CU_OPARG(word);                                                                 \
        DISPATCH_GOTO();                                                                           \
    } while (0)

/* Where CPython's eval breaker looks (a function's RESUME, every backward jump, before the
 * jump so the error is located at the jump's line): a SIGINT becomes KeyboardInterrupt here. */
#define CHECK_SIGNALS()                                                                            \
    do {                                                                                           \
        if (pr_signals_pending() && pr_signals_check() < 0) {                                      \
            goto error;                                                                            \
        }                                                                                          \
    } while (0)

#define POP_JUMP_IF_TRUTH(want)                                                                    \
    do {                                                                                           \
        PrObject *cond_ = POP();                                                                   \
        int t_;                                                                                    \
        if (cond_ == PR_True) {                                                                    \
            t_ = 1;                                                                                \
        } else if (cond_ == PR_False || cond_ == PR_None) {                                        \
            t_ = 0;                                                                                \
        } else if ((t_ = pr_object_is_true(cond_)) < 0) {                                          \
            PR_DECREF(cond_);                                                                      \
            goto error;                                                                            \
        }                                                                                          \
        PR_DECREF(cond_);                                                                          \
        if (t_ == (want)) {                                                                        \
            if (jump_sign < 0) {                                                                   \
                CHECK_SIGNALS();                                                                   \
            }                                                                                      \
            JUMPBY(jump_sign * oparg);                                                             \
        }                                                                                          \
    } while (0)

static PrObject *eval_frame(PrFrame *frame)
{
#if USE_COMPUTED_GOTO
    static void *const opcode_targets[] = {
#define PR_OPCODE(NAME, pop, push, KIND, ncache) [PR_OP_##NAME] = &&TARGET_##NAME,
#include "vm/opcodes.def"
    };
    _Static_assert(sizeof opcode_targets / sizeof opcode_targets[0] == PR_OP__COUNT,
                   "one dispatch target per opcode of vm/opcodes.def");
#endif
    PrCode *co;
    PrObject **localsplus, **sp, *const *consts, *const *names;
    const PrCodeUnit *next_instr;
    PrCodeUnit word;
    int opcode, oparg, jump_sign;
    PrObject *kwnames = NULL; /* borrowed from consts: KW_NAMES for the next CALL */

    frame->is_entry = 1;
start_frame:
    pr_interp.vm.frame = frame;
    LOAD_FRAME_STATE();
    DISPATCH();

#if !USE_COMPUTED_GOTO
dispatch_opcode:
    switch (opcode) {
#endif

    /* ---- basics ------------------------------------------------------------------------ */

    TARGET(NOP)
    {
        DISPATCH();
    }

    TARGET(RESUME)
    {
        CHECK_SIGNALS();
        DISPATCH();
    }

    TARGET(PRECALL)
    {
        /* followed by CALL (EXTENDED_ARG first past 255 arguments): go there without a
         * dispatch */
        SKIP_CACHES(PRECALL);
        word = *next_instr;
        if (PR_CU_OPCODE(word) != PR_OP_CALL) {
            DISPATCH();
        }
        frame->next_instr = ++next_instr;
        oparg = PR_CU_OPARG(word);
        goto call;
    }

    TARGET(CACHE)
    {
        pr_err_set(PR_EXC(SystemError), "executed an inline cache unit");
        goto error;
    }

    TARGET(EXTENDED_ARG)
    {
        int high = oparg;
        word = *next_instr;
        frame->next_instr = ++next_instr;
        opcode = PR_CU_OPCODE(word);
        oparg = high << 8 | PR_CU_OPARG(word);
        DISPATCH_GOTO();
    }

    TARGET(POP_TOP)
    {
        PrObject *v = POP();
        PR_XDECREF(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL)
    {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY)
    {
        PrObject *v = PEEK(oparg);
        PR_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(SWAP)
    {
        PrObject *v = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = v;
        DISPATCH();
    }

    /* ---- constants, locals, names ------------------------------------------------------ */

    TARGET(LOAD_CONST)
    {
        PrObject *v = consts[oparg];
        PR_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_FAST)
    {
        PrObject *v = GETLOCAL(oparg);
        if (!v) {
            pr_vm_unbound_error(co, oparg);
            goto error;
        }
        PR_INCREF(v);
        PUSH(v);
        /* LOAD_FAST LOAD_FAST and LOAD_FAST LOAD_CONST, the commonest pairs, in one dispatch
         * (3.11's superinstructions LOAD_FAST__LOAD_FAST, LOAD_FAST__LOAD_CONST) */
        word = *next_instr;
        if (PR_CU_OPCODE(word) == PR_OP_LOAD_FAST) {
            if ((v = GETLOCAL(PR_CU_OPARG(word)))) {
                frame->next_instr = ++next_instr;
                PR_INCREF(v);
                PUSH(v);
            }
        } else if (PR_CU_OPCODE(word) == PR_OP_LOAD_CONST) {
            frame->next_instr = ++next_instr;
            v = consts[PR_CU_OPARG(word)];
            PR_INCREF(v);
            PUSH(v);
        }
        DISPATCH();
    }

    TARGET(STORE_FAST)
    {
        PrObject *v = POP();
        SETLOCAL(oparg, v);
        /* STORE_FAST LOAD_FAST in one dispatch (3.11's STORE_FAST__LOAD_FAST) */
        word = *next_instr;
        if (PR_CU_OPCODE(word) == PR_OP_LOAD_FAST && (v = GETLOCAL(PR_CU_OPARG(word)))) {
            frame->next_instr = ++next_instr;
            PR_INCREF(v);
            PUSH(v);
        }
        DISPATCH();
    }

    TARGET(DELETE_FAST)
    {
        if (!GETLOCAL(oparg)) {
            pr_vm_unbound_error(co, oparg);
            goto error;
        }
        SETLOCAL(oparg, NULL);
        DISPATCH();
    }

    TARGET(LOAD_NAME)
    {
        PrObject *v = lookup_name(frame->locals, frame->globals, frame->builtins, names[oparg]);
        if (!v) {
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME)
    {
        PrObject *v = POP();
        int r = -1;
        if (!frame->locals) {
            pr_err_format(PR_EXC(SystemError), "no locals found when storing %R", names[oparg]);
        } else if (PR_DICT_CHECK_EXACT(frame->locals)) {
            r = pr_dict_setitem(frame->locals, names[oparg], v);
        } else {
            r = pr_vm_setitem(frame->locals, names[oparg], v);
        }
        PR_DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DELETE_NAME)
    TARGET(DELETE_GLOBAL)
    {
        PrObject *ns = opcode == PR_OP_DELETE_NAME ? frame->locals : frame->globals;
        if (!ns) {
            pr_err_format(PR_EXC(SystemError), "no locals when deleting %R", names[oparg]);
            goto error;
        }
        if (pr_vm_setitem(ns, names[oparg], NULL) < 0) {
            if (pr_err_matches((PrObject *)PR_EXC(KeyError))) {
                pr_err_clear();
                pr_vm_name_error(names[oparg]);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL)
    {
        PrObject *name = names[oparg >> 1];
        PrObject *v = global_cache_get(next_instr, frame->globals, frame->builtins, name);
        if (!v) {
            int in_builtins = 0;
            if (!(v = pr_dict_getitem_borrow(frame->globals, name))) {
                if (pr_err_occurred()) {
                    goto error;
                }
                if (!(v = pr_dict_getitem_borrow(frame->builtins, name))) {
                    if (!pr_err_occurred()) {
                        pr_vm_name_error(name);
                    }
                    goto error;
                }
                in_builtins = 1;
            }
            global_cache_fill((PrCodeUnit *)next_instr, frame->globals, frame->builtins, name,
                              in_builtins);
        }
        if (oparg & 1) {
            PUSH(NULL);
        }
        PR_INCREF(v);
        PUSH(v);
        SKIP_CACHES(LOAD_GLOBAL);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL)
    {
        PrObject *v = POP();
        int r = pr_dict_setitem(frame->globals, names[oparg], v);
        PR_DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    /* ---- cells ------------------------------------------------------------------------- */

    TARGET(MAKE_CELL)
    {
        PrObject *cell = pr_cell_new(GETLOCAL(oparg));
        if (!cell) {
            goto error;
        }
        SETLOCAL(oparg, cell);
        DISPATCH();
    }

    TARGET(COPY_FREE_VARS)
    {
        PrObject *closure = ((PrFunction *)frame->func)->closure;
        int offset = co->nlocalsplus - oparg;
        for (int i = 0; i < oparg; i++) {
            PrObject *cell = PR_TUPLE_ITEMS(closure)[i];
            PR_INCREF(cell);
            SETLOCAL(offset + i, cell);
        }
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE)
    {
        PrObject *cell = GETLOCAL(oparg);
        if (!cell) {
            pr_vm_unbound_error(co, oparg);
            goto error;
        }
        PR_INCREF(cell);
        PUSH(cell);
        DISPATCH();
    }

    TARGET(LOAD_DEREF)
    {
        PrObject *v = PR_CELL_GET_BORROW(GETLOCAL(oparg));
        if (!v) {
            pr_vm_unbound_error(co, oparg);
            goto error;
        }
        PR_INCREF(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF)
    {
        PrObject *name = PR_TUPLE_ITEMS(co->localsplusnames)[oparg];
        PrObject *v = NULL;
        if (frame->locals) {
            if (PR_DICT_CHECK_EXACT(frame->locals)) {
                v = pr_dict_getitem_borrow(frame->locals, name);
                PR_XINCREF(v);
            } else if (!(v = pr_vm_getitem(frame->locals, name)) &&
                       pr_err_matches((PrObject *)PR_EXC(KeyError))) {
                pr_err_clear();
            }
            if (!v && pr_err_occurred()) {
                goto error;
            }
        }
        if (!v) {
            if (!(v = PR_CELL_GET_BORROW(GETLOCAL(oparg)))) {
                pr_vm_unbound_error(co, oparg);
                goto error;
            }
            PR_INCREF(v);
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF)
    {
        PrObject *v = POP();
        pr_cell_set(GETLOCAL(oparg), v);
        PR_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_DEREF)
    {
        PrObject *cell = GETLOCAL(oparg);
        if (!PR_CELL_GET_BORROW(cell)) {
            pr_vm_unbound_error(co, oparg);
            goto error;
        }
        pr_cell_set(cell, NULL);
        DISPATCH();
    }

    /* ---- attributes and items ---------------------------------------------------------- */

    TARGET(LOAD_ATTR)
    {
        PrObject *owner = TOP();
        PrObject *v = pr_object_getattr(owner, names[oparg]);
        if (!v) {
            goto error;
        }
        SET_TOP(v);
        PR_DECREF(owner);
        SKIP_CACHES(LOAD_ATTR);
        DISPATCH();
    }

    TARGET(STORE_ATTR)
    {
        PrObject *owner = POP(), *v = POP();
        int r = pr_object_setattr(owner, names[oparg], v);
        PR_DECREF(owner);
        PR_DECREF(v);
        if (r < 0) {
            goto error;
        }
        SKIP_CACHES(STORE_ATTR);
        DISPATCH();
    }

    TARGET(DELETE_ATTR)
    {
        PrObject *owner = POP();
        int r = pr_object_delattr(owner, names[oparg]);
        PR_DECREF(owner);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_METHOD)
    {
        PrObject *obj = TOP(), *meth = method_cache_get(next_instr, PR_TYPE_OF(obj));
        int unbound = 1;
        if (meth) {
            PR_INCREF(meth);
        } else if ((unbound = pr_object_get_method(obj, names[oparg], &meth)) < 0) {
            goto error;
        } else if (unbound) {
            method_cache_fill((PrCodeUnit *)next_instr, PR_TYPE_OF(obj), meth);
        }
        if (unbound) {
            SET_TOP(meth); /* meth, self */
            PUSH(obj);
        } else {
            SET_TOP(NULL); /* NULL, attribute */
            PR_DECREF(obj);
            PUSH(meth);
        }
        SKIP_CACHES(LOAD_METHOD);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR)
    {
        PrObject *sub = POP(), *container = TOP(), *v;
        ssize_t i;
        /* list[int] and tuple[int] in range: the item, without the generic path's index
         * conversion (3.11's BINARY_SUBSCR_LIST_INT / _TUPLE_INT) */
        if (PR_LIST_CHECK_EXACT(container) && item_index(sub, PR_LIST_SIZE(container), &i)) {
            v = PR_NEWREF(PR_LIST_ITEMS(container)[i]);
        } else if (PR_TUPLE_CHECK_EXACT(container) &&
                   item_index(sub, PR_TUPLE_SIZE(container), &i)) {
            v = PR_NEWREF(PR_TUPLE_ITEMS(container)[i]);
        } else {
            v = pr_vm_getitem(container, sub);
        }
        PR_DECREF(sub);
        PR_DECREF(container);
        SET_TOP(v);
        if (!v) {
            STACK_SHRINK(1);
            goto error;
        }
        SKIP_CACHES(BINARY_SUBSCR);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR)
    {
        PrObject *sub = TOP(), *container = SECOND(), *v = THIRD();
        STACK_SHRINK(3);
        ssize_t i;
        int r = 0;
        if (PR_LIST_CHECK_EXACT(container) && item_index(sub, PR_LIST_SIZE(container), &i)) {
            /* list[int] = v in range: the list takes the stack's reference to v */
            PrObject *old = PR_LIST_ITEMS(container)[i];
            PR_LIST_ITEMS(container)[i] = v;
            PR_DECREF(old);
        } else {
            r = pr_vm_setitem(container, sub, v);
            PR_DECREF(v);
        }
        PR_DECREF(container);
        PR_DECREF(sub);
        if (r < 0) {
            goto error;
        }
        SKIP_CACHES(STORE_SUBSCR);
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR)
    {
        PrObject *sub = TOP(), *container = SECOND();
        STACK_SHRINK(2);
        int r = pr_vm_setitem(container, sub, NULL);
        PR_DECREF(container);
        PR_DECREF(sub);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(BUILD_SLICE)
    {
        PrObject *step = oparg == 3 ? POP() : NULL;
        PrObject *stop = POP(), *start = TOP();
        PrObject *slice = pr_slice_new(start, stop, step);
        PR_DECREF(start);
        PR_DECREF(stop);
        PR_XDECREF(step);
        SET_TOP(slice);
        if (!slice) {
            STACK_SHRINK(1);
            goto error;
        }
        DISPATCH();
    }

    /* ---- operators --------------------------------------------------------------------- */

    TARGET(UNARY_POSITIVE)
    TARGET(UNARY_NEGATIVE)
    TARGET(UNARY_INVERT)
    {
        PrObject *v = TOP(), *r;
        if (opcode == PR_OP_UNARY_NEGATIVE) {
            r = pr_number_negative(v);
        } else if (opcode == PR_OP_UNARY_POSITIVE) {
            r = pr_number_positive(v);
        } else {
            r = pr_number_invert(v);
        }
        PR_DECREF(v);
        SET_TOP(r);
        if (!r) {
            STACK_SHRINK(1);
            goto error;
        }
        DISPATCH();
    }

    TARGET(UNARY_NOT)
    {
        PrObject *v = TOP();
        int t = pr_object_is_true(v);
        PR_DECREF(v);
        if (t < 0) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(PR_NEWREF(t ? PR_False : PR_True));
        DISPATCH();
    }

    TARGET(BINARY_OP)
    {
        PrObject *rhs = POP(), *lhs = TOP(), *r;
        int64_t a, b, v;
        double x, y, z;
        int ints = small_int_value(lhs, &a) && small_int_value(rhs, &b);
        /* `x = x op y` / `x op= y`: lhs is held by the stack and by local x, which the next
         * instruction overwrites; the result may then go into lhs itself */
        PrCodeUnit next = next_instr[NCACHE_BINARY_OP];
        int lhs_dies = lhs->refcnt == 2 && PR_CU_OPCODE(next) == PR_OP_STORE_FAST &&
                       GETLOCAL(PR_CU_OPARG(next)) == lhs;
        /* float with float or small int, and int / int of small ints (exact doubles, so one
         * correctly rounded division, as CPython's long_true_divide) */
        if (ints && int_fast_op(oparg, a, b, &v)) {
            r = int_result(lhs, rhs, v, lhs_dies);
        } else if ((!ints || oparg == PR_NB_TRUEDIV || oparg == PR_NB_INPLACE(PR_NB_TRUEDIV)) &&
                   float_operand(lhs, &x) && float_operand(rhs, &y) &&
                   float_fast_op(oparg, x, y, &z)) {
            r = float_result(lhs, rhs, z, lhs_dies);
        } else {
            r = oparg < PR_NB_COUNT ? pr_number_binop((PrBinop)oparg, lhs, rhs)
                                    : pr_number_inplace_binop((PrBinop)(oparg - PR_NB_COUNT),
                                                              lhs, rhs);
            PR_DECREF(lhs);
            PR_DECREF(rhs);
        }
        SET_TOP(r);
        if (!r) {
            STACK_SHRINK(1);
            goto error;
        }
        SKIP_CACHES(BINARY_OP);
        DISPATCH();
    }

    TARGET(COMPARE_OP)
    {
        PrObject *rhs = TOP(), *lhs = SECOND(), *r;
        int64_t a, b;
        double x, y;
        int t;
        if (small_int_value(lhs, &a) && small_int_value(rhs, &b)) {
            t = int_compare(oparg, a, b);
        } else if ((PR_FLOAT_CHECK_EXACT(lhs) || PR_FLOAT_CHECK_EXACT(rhs)) &&
                   float_operand(lhs, &x) && float_operand(rhs, &y)) {
            t = float_compare(oparg, x, y);
        } else {
            r = pr_object_richcompare(lhs, rhs, (PrCompareOp)oparg);
            STACK_SHRINK(1);
            PR_DECREF(lhs);
            PR_DECREF(rhs);
            SET_TOP(r);
            if (!r) {
                STACK_SHRINK(1);
                goto error;
            }
            SKIP_CACHES(COMPARE_OP);
            DISPATCH();
        }
        /* two ints or two floats: the comparison cannot fail, and the conditional jump that
         * usually follows runs here on the C truth value, as 3.11's COMPARE_OP_INT_JUMP */
        STACK_SHRINK(2);
        PR_DECREF(lhs);
        PR_DECREF(rhs);
        SKIP_CACHES(COMPARE_OP);
        word = *next_instr;
        opcode = PR_CU_OPCODE(word);
        if (opcode == PR_OP_POP_JUMP_FORWARD_IF_FALSE || opcode == PR_OP_POP_JUMP_FORWARD_IF_TRUE ||
            opcode == PR_OP_POP_JUMP_BACKWARD_IF_FALSE || opcode == PR_OP_POP_JUMP_BACKWARD_IF_TRUE) {
            frame->next_instr = ++next_instr;
            int want = opcode == PR_OP_POP_JUMP_FORWARD_IF_TRUE ||
                       opcode == PR_OP_POP_JUMP_BACKWARD_IF_TRUE;
            if (t == want) {
                oparg = PR_CU_OPARG(word);
                int backward = opcode == PR_OP_POP_JUMP_BACKWARD_IF_FALSE ||
                               opcode == PR_OP_POP_JUMP_BACKWARD_IF_TRUE;
                if (backward) {
                    CHECK_SIGNALS();
                }
                JUMPBY(backward ? -oparg : oparg);
            }
            DISPATCH();
        }
        PUSH(PR_NEWREF(t ? PR_True : PR_False));
        DISPATCH();
    }

    TARGET(IS_OP)
    {
        PrObject *rhs = POP(), *lhs = TOP();
        int r = (lhs == rhs) ^ oparg;
        PR_DECREF(lhs);
        PR_DECREF(rhs);
        SET_TOP(PR_NEWREF(r ? PR_True : PR_False));
        DISPATCH();
    }

    TARGET(CONTAINS_OP)
    {
        PrObject *container = POP(), *item = TOP();
        int r = pr_vm_contains(container, item);
        PR_DECREF(container);
        PR_DECREF(item);
        if (r < 0) {
            STACK_SHRINK(1);
            goto error;
        }
        SET_TOP(PR_NEWREF((r ^ oparg) ? PR_True : PR_False));
        DISPATCH();
    }

    /* ---- building ---------------------------------------------------------------------- */

    TARGET(BUILD_TUPLE)
    {
        PrObject *t = pr_tuple_new(oparg);
        if (!t) {
            goto error;
        }
        for (int i = oparg; i > 0; i--) {
            PR_TUPLE_ITEMS(t)[i - 1] = POP();
        }
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST)
    {
        PrObject *l = pr_list_from_array(sp - oparg, oparg);
        if (!l) {
            goto error;
        }
        STACK_RELEASE(oparg);
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_MAP)
    {
        PrObject *d = pr_dict_new();
        if (!d) {
            goto error;
        }
        for (int i = oparg; i > 0; i--) {
            if (pr_dict_setitem(d, PEEK(2 * i), PEEK(2 * i - 1)) < 0) {
                PR_DECREF(d);
                goto error;
            }
        }
        STACK_RELEASE(2 * oparg);
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP)
    {
        PrObject *keys = TOP(), *d = pr_dict_new();
        if (!d) {
            goto error;
        }
        for (int i = 0; i < oparg; i++) {
            if (pr_dict_setitem(d, PR_TUPLE_ITEMS(keys)[i], PEEK(oparg + 1 - i)) < 0) {
                PR_DECREF(d);
                goto error;
            }
        }
        STACK_RELEASE(oparg + 1);
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING)
    {
        PrObject *s = pr_vm_build_string(sp - oparg, oparg);
        if (!s) {
            goto error;
        }
        STACK_RELEASE(oparg);
        PUSH(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND)
    {
        PrObject *v = POP();
        int r = pr_list_append(PEEK(oparg), v);
        PR_DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(LIST_EXTEND)
    {
        PrObject *iterable = POP();
        if (pr_list_extend(PEEK(oparg), iterable) < 0) {
            if (pr_err_matches((PrObject *)PR_EXC(TypeError)) && !PR_TYPE_OF(iterable)->iter &&
                !PR_TYPE_OF(iterable)->sequence.sq_item) {
                pr_err_format(PR_EXC(TypeError), "Value after * must be an iterable, not %s",
                              PR_TYPE_OF(iterable)->name);
            }
            PR_DECREF(iterable);
            goto error;
        }
        PR_DECREF(iterable);
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE)
    {
        PrObject *l = TOP(), *t = pr_list_as_tuple(l);
        PR_DECREF(l);
        SET_TOP(t);
        if (!t) {
            STACK_SHRINK(1);
            goto error;
        }
        DISPATCH();
    }

    TARGET(MAP_ADD)
    {
        PrObject *v = POP(), *k = POP();
        int r = pr_dict_setitem(PEEK(oparg), k, v);
        PR_DECREF(k);
        PR_DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(DICT_UPDATE)
    TARGET(DICT_MERGE)
    {
        PrObject *update = POP();
        int r = opcode == PR_OP_DICT_UPDATE
                    ? pr_vm_dict_update(PEEK(oparg), update)
                    : pr_vm_dict_merge(PEEK(oparg + 2), PEEK(oparg), update);
        PR_DECREF(update);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(BUILD_SET)
    {
        PrObject *set = pr_set_new(NULL);
        int r = set ? 0 : -1;
        for (int i = oparg; i > 0 && r == 0; i--) {
            r = pr_set_add(set, PEEK(i));
        }
        STACK_RELEASE(oparg);
        if (r < 0) {
            PR_XDECREF(set);
            goto error;
        }
        PUSH(set);
        DISPATCH();
    }

    TARGET(SET_ADD)
    TARGET(SET_UPDATE)
    {
        PrObject *v = POP();
        int r = opcode == PR_OP_SET_ADD ? pr_set_add(PEEK(oparg), v)
                                        : pr_set_update(PEEK(oparg), v);
        PR_DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE)
    {
        PrObject *seq = POP(), *const *items = NULL;
        ssize_t n = -1;
        if (PR_TUPLE_CHECK_EXACT(seq)) {
            items = PR_TUPLE_ITEMS(seq), n = PR_TUPLE_SIZE(seq);
        } else if (PR_LIST_CHECK_EXACT(seq)) {
            items = PR_LIST_ITEMS(seq), n = PR_LIST_SIZE(seq);
        }
        if (n == oparg) {
            for (int i = oparg; i > 0; i--) {
                PR_INCREF(items[i - 1]);
                PUSH(items[i - 1]);
            }
        } else if (pr_vm_unpack(seq, oparg, -1, sp + oparg) < 0) {
            PR_DECREF(seq);
            goto error;
        } else {
            sp += oparg;
        }
        PR_DECREF(seq);
        SKIP_CACHES(UNPACK_SEQUENCE);
        DISPATCH();
    }

    TARGET(UNPACK_EX)
    {
        int before = oparg & 0xFF, after = oparg >> 8, total = before + after + 1;
        PrObject *seq = POP();
        if (pr_vm_unpack(seq, before, after, sp + total) < 0) {
            PR_DECREF(seq);
            goto error;
        }
        sp += total;
        PR_DECREF(seq);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE)
    {
        PrObject *spec = (oparg & PR_FVS_HAVE_SPEC) ? POP() : NULL, *v = POP();
        PrObject *r = pr_vm_format_value(v, oparg & PR_FVC_MASK, spec);
        PR_DECREF(v);
        PR_XDECREF(spec);
        if (!r) {
            goto error;
        }
        PUSH(r);
        DISPATCH();
    }

    /* ---- calls ------------------------------------------------------------------------- */

    TARGET(KW_NAMES)
    {
        kwnames = consts[oparg];
        DISPATCH();
    }

    TARGET(CALL)
    call:
    {
        int is_meth = PEEK(oparg + 2) != NULL;
        int nargs = oparg + is_meth;
        PrObject *callable = PEEK(nargs + 1);
        PrObject **args = sp - nargs;
        PrObject *kw = kwnames;
        size_t positional = (size_t)nargs - (kw ? (size_t)PR_TUPLE_SIZE(kw) : 0);
        kwnames = NULL;
        SKIP_CACHES(CALL);
        if (PR_FUNCTION_CHECK(callable)) {
            PrFunction *func = (PrFunction *)callable;
            PrCode *fco = (PrCode *)func->code;
            PrFrame *callee;
            if (!kw && (int)positional == fco->argcount &&
                !(fco->flags & (PR_CO_VARARGS | PR_CO_VARKEYWORDS | PR_CO_GENERATOR)) &&
                fco->kwonlyargcount == 0) {
                /* the common case: the arguments move from our stack into the callee's slots */
                if (!(callee = enter_frame(fco, callable, func->globals, func->builtins, NULL))) {
                    goto call_failed;
                }
                for (int i = 0; i < nargs; i++) {
                    callee->localsplus[i] = args[i];
                }
                STACK_SHRINK(nargs);
            } else if (!(callee = function_frame(func, args, positional, kw))) {
                goto call_failed;
            } else {
                STACK_RELEASE(nargs);
            }
            /* what is left: the callable (the method when is_meth) and the NULL below it */
            STACK_RELEASE(2 - is_meth);
            SAVE_STACK();
            frame->next_instr = next_instr; /* the return resumes after the caches */
            frame = callee;
            goto start_frame;
        }
        {
            PrObject *r = call_object(callable, args, positional, kw);
            STACK_RELEASE(oparg + 2);
            if (!r) {
                goto error;
            }
            PUSH(r);
            DISPATCH();
        }
    call_failed:
        STACK_RELEASE(oparg + 2);
        goto error;
    }

    TARGET(CALL_FUNCTION_EX)
    {
        PrObject *kwargs = (oparg & 1) ? POP() : NULL, *callargs = POP(), *func = TOP();
        PrObject *kwn = NULL, *r = NULL;
        size_t n = 0;
        PrObject **args = pr_vm_explode_args(func, callargs, kwargs, &n, &kwn);
        PR_DECREF(callargs);
        PR_XDECREF(kwargs);
        if (args && PR_FUNCTION_CHECK(func)) {
            PrFrame *callee = function_frame((PrFunction *)func, args, n, kwn);
            pr_vm_free_args(args, n + (kwn ? (size_t)PR_TUPLE_SIZE(kwn) : 0), kwn);
            if (callee) {
                PR_DECREF(func);
                STACK_SHRINK(2);
                SAVE_STACK();
                frame = callee;
                goto start_frame;
            }
        } else if (args) {
            r = call_object(func, args, n, kwn);
            pr_vm_free_args(args, n + (kwn ? (size_t)PR_TUPLE_SIZE(kwn) : 0), kwn);
        }
        PR_DECREF(func);
        STACK_SHRINK(2);
        if (!r) {
            goto error;
        }
        PUSH(r);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION)
    {
        PrObject *code = POP();
        PrFunction *func =
            (PrFunction *)pr_function_new(code, frame->globals, frame->builtins);
        PR_DECREF(code);
        if (!func) {
            goto error;
        }
        if (oparg & PR_MKFN_CLOSURE) {
            func->closure = POP();
        }
        if (oparg & PR_MKFN_ANNOTATIONS) {
            PrObject *ann = POP();
            func->annotations = annotations_dict(ann);
            PR_DECREF(ann);
            if (!func->annotations) {
                PR_DECREF(func);
                goto error;
            }
        }
        if (oparg & PR_MKFN_KWDEFAULTS) {
            func->kwdefaults = POP();
        }
        if (oparg & PR_MKFN_DEFAULTS) {
            func->defaults = POP();
        }
        PUSH((PrObject *)func);
        DISPATCH();
    }

    TARGET(RETURN_VALUE)
    {
        PrObject *retval = POP();
        SAVE_STACK();
        if (frame->is_entry) {
            leave_frame(frame);
            return retval;
        }
        PrFrame *caller = frame->previous;
        leave_frame(frame);
        frame = caller;
        pr_interp.vm.frame = frame;
        LOAD_FRAME_STATE();
        PUSH(retval);
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS)
    {
        pr_err_set(PR_EXC(NotImplementedError),
                   "class statements are not supported yet (classes come with the object "
                   "model's next issue)");
        goto error;
    }

    /* ---- generators: the next issue ---------------------------------------------------- */

    TARGET(RETURN_GENERATOR)
    TARGET(YIELD_VALUE)
    TARGET(GET_YIELD_FROM_ITER)
    TARGET(SEND)
    {
        pr_err_set(PR_EXC(NotImplementedError),
                   "generators are not supported yet (pyrena's generator issue)");
        goto error;
    }

    /* ---- iteration and jumps ----------------------------------------------------------- */

    TARGET(GET_ITER)
    {
        PrObject *v = TOP(), *it = pr_object_get_iter(v);
        PR_DECREF(v);
        SET_TOP(it);
        if (!it) {
            STACK_SHRINK(1);
            goto error;
        }
        DISPATCH();
    }

    TARGET(FOR_ITER)
    {
        PrObject *it = TOP(), *next;
        int64_t v;
        if (PR_TYPE_OF(it) == PR_TYPE(range_iterator)) {
            /* over a range (3.11's FOR_ITER_RANGE): the value goes straight into the loop
             * variable of the STORE_FAST that follows, into its old int when only the local
             * holds that */
            if (!pr_range_iter_next_value(it, &v)) {
                STACK_SHRINK(1);
                PR_DECREF(it);
                JUMPBY(oparg);
                DISPATCH();
            }
            word = *next_instr;
            if (PR_CU_OPCODE(word) == PR_OP_STORE_FAST) {
                PrObject *old = GETLOCAL(PR_CU_OPARG(word));
                if (old && old->refcnt == 1 && int_assign(old, v)) {
                    frame->next_instr = ++next_instr;
                    DISPATCH();
                }
            }
            if (!(next = pr_long_from_int64(v))) {
                goto error;
            }
            PUSH(next);
            DISPATCH();
        }
        next = PR_TYPE_OF(it)->iternext(it);
        if (next) {
            PUSH(next);
            DISPATCH();
        }
        if (pr_err_occurred()) {
            if (!pr_err_matches((PrObject *)PR_EXC(StopIteration))) {
                goto error;
            }
            pr_err_clear();
        }
        STACK_SHRINK(1);
        PR_DECREF(it);
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(JUMP_FORWARD)
    {
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD)
    {
        CHECK_SIGNALS();
        JUMPBY(-oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD_NO_INTERRUPT)
    {
        JUMPBY(-oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_FORWARD_IF_FALSE)
    {
        jump_sign = 1;
        POP_JUMP_IF_TRUTH(0);
        DISPATCH();
    }

    TARGET(POP_JUMP_FORWARD_IF_TRUE)
    {
        jump_sign = 1;
        POP_JUMP_IF_TRUTH(1);
        DISPATCH();
    }

    TARGET(POP_JUMP_BACKWARD_IF_FALSE)
    {
        jump_sign = -1;
        POP_JUMP_IF_TRUTH(0);
        DISPATCH();
    }

    TARGET(POP_JUMP_BACKWARD_IF_TRUE)
    {
        jump_sign = -1;
        POP_JUMP_IF_TRUTH(1);
        DISPATCH();
    }

    TARGET(POP_JUMP_FORWARD_IF_NONE)
    TARGET(POP_JUMP_FORWARD_IF_NOT_NONE)
    TARGET(POP_JUMP_BACKWARD_IF_NONE)
    TARGET(POP_JUMP_BACKWARD_IF_NOT_NONE)
    {
        PrObject *v = POP();
        int want_none =
            opcode == PR_OP_POP_JUMP_FORWARD_IF_NONE || opcode == PR_OP_POP_JUMP_BACKWARD_IF_NONE;
        int backward = opcode == PR_OP_POP_JUMP_BACKWARD_IF_NONE ||
                       opcode == PR_OP_POP_JUMP_BACKWARD_IF_NOT_NONE;
        PR_DECREF(v);
        if ((v == PR_None) == want_none) {
            if (backward) {
                CHECK_SIGNALS();
            }
            JUMPBY(backward ? -oparg : oparg);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP)
    TARGET(JUMP_IF_TRUE_OR_POP)
    {
        PrObject *v = TOP();
        int t = pr_object_is_true(v);
        if (t < 0) {
            goto error;
        }
        if (t == (opcode == PR_OP_JUMP_IF_TRUE_OR_POP)) {
            JUMPBY(oparg);
        } else {
            STACK_SHRINK(1);
            PR_DECREF(v);
        }
        DISPATCH();
    }

    /* ---- exceptions and with ----------------------------------------------------------- */

    TARGET(RAISE_VARARGS)
    {
        PrObject *cause = oparg == 2 ? POP() : NULL, *exc = oparg >= 1 ? POP() : NULL;
        if (!exc) {
            PrObject *handled = pr_err_handled_borrow();
            if (!handled) {
                pr_err_set(PR_EXC(RuntimeError), "No active exception to reraise");
                goto error;
            }
            pr_err_restore_steal(PR_NEWREF(handled));
            goto exception_unwind;
        }
        pr_vm_do_raise(exc, cause);
        PR_DECREF(exc);
        PR_XDECREF(cause);
        goto error;
    }

    TARGET(RERAISE)
    {
        PrObject *exc = POP();
        if (oparg) {
            PrObject *lasti = PEEK(oparg);
            int64_t off;
            if (PR_LONG_CHECK(lasti) && pr_long_as_int64(lasti, &off) == 0) {
                frame->next_instr = co->code + off + 1;
            }
        }
        pr_err_restore_steal(exc);
        goto exception_unwind;
    }

    TARGET(PUSH_EXC_INFO)
    {
        PrObject *exc = TOP(), *prev = pr_err_handled_borrow();
        SET_TOP(PR_NEWREF(prev ? prev : PR_None));
        pr_err_set_handled(exc);
        PUSH(exc);
        DISPATCH();
    }

    TARGET(POP_EXCEPT)
    {
        PrObject *prev = POP();
        pr_err_set_handled(prev == PR_None ? NULL : prev);
        PR_DECREF(prev);
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH)
    {
        PrObject *right = POP(), *left = TOP();
        if (pr_vm_check_except_type(right) < 0) {
            PR_DECREF(right);
            goto error;
        }
        int r = pr_err_given_matches(left, right);
        PR_DECREF(right);
        PUSH(PR_NEWREF(r ? PR_True : PR_False));
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR)
    {
        PUSH(PR_NEWREF(PR_EXC(AssertionError)));
        DISPATCH();
    }

    TARGET(BEFORE_WITH)
    {
        PrObject *mgr = TOP(), *exit = NULL, *res = NULL;
        if (pr_vm_enter_with(mgr, &exit, &res) < 0) {
            goto error;
        }
        SET_TOP(exit);
        PR_DECREF(mgr);
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START)
    {
        /* exit, lasti, previous exception, exception */
        PrObject *exc = TOP(), *exit = PEEK(4);
        PrObject *tb = ((PrBaseException *)exc)->traceback;
        PrObject *argv[3] = {(PrObject *)PR_TYPE_OF(exc), exc, tb ? tb : PR_None};
        PrObject *r = pr_object_call(exit, argv, 3, NULL);
        if (!r) {
            goto error;
        }
        PUSH(r);
        DISPATCH();
    }

    /* ---- modules and the rest ---------------------------------------------------------- */

    TARGET(IMPORT_NAME)
    {
        PrObject *fromlist = POP(), *level = TOP();
        PrObject *m = pr_vm_import_name(names[oparg], fromlist, level);
        PR_DECREF(fromlist);
        PR_DECREF(level);
        SET_TOP(m);
        if (!m) {
            STACK_SHRINK(1);
            goto error;
        }
        DISPATCH();
    }

    TARGET(IMPORT_FROM)
    {
        PrObject *v = pr_vm_import_from(TOP(), names[oparg]);
        if (!v) {
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR)
    {
        PrObject *m = POP();
        int r = frame->locals ? pr_vm_import_star(m, frame->locals) : -1;
        if (!frame->locals) {
            pr_err_set(PR_EXC(SystemError), "no locals found during 'import *'");
        }
        PR_DECREF(m);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS)
    {
        PrObject *ns = frame->locals;
        if (!ns || !PR_DICT_CHECK(ns)) {
            pr_err_set(PR_EXC(SystemError), "no locals found when setting up annotations");
            goto error;
        }
        if (!pr_dict_getitem_cstr_borrow(ns, "__annotations__")) {
            PrObject *d = pr_dict_new();
            int r = d ? pr_dict_setitem_cstr(ns, "__annotations__", d) : -1;
            PR_XDECREF(d);
            if (r < 0) {
                goto error;
            }
        }
        DISPATCH();
    }

    TARGET(PRINT_EXPR)
    {
        PrObject *v = POP();
        int r = display(frame->builtins, v);
        PR_DECREF(v);
        if (r < 0) {
            goto error;
        }
        DISPATCH();
    }

#if !USE_COMPUTED_GOTO
    default:
        pr_err_format(PR_EXC(SystemError), "unknown opcode %d", opcode);
        goto error;
    } /* switch */
#endif

    /* ---- unwinding --------------------------------------------------------------------- */

error:
    PR_ASSERT(pr_err_occurred());
    pr_traceback_here(frame);
exception_unwind : {
    PrExceptEntry handler;
    /* the instruction that failed, not f_lasti: RERAISE may have set that to where the
     * exception first came from */
    if (pr_code_find_handler(co, next_instr - 1 - co->code, &handler)) {
        PrObject **target_sp = STACK_BASE() + handler.depth;
        STACK_RELEASE((int)(sp - target_sp));
        if (handler.lasti) {
            PrObject *lasti = pr_vm_int(pr_frame_lasti(frame));
            PUSH(lasti ? lasti : PR_NEWREF(PR_None));
            if (!lasti) {
                pr_err_clear(); /* out of memory for an int: RERAISE keeps f_lasti */
            }
        }
        PUSH(pr_err_fetch());
        next_instr = co->code + handler.target;
        kwnames = NULL;
        DISPATCH();
    }
    STACK_RELEASE((int)(sp - STACK_BASE()));
    SAVE_STACK();
    if (frame->is_entry) {
        leave_frame(frame);
        return NULL;
    }
    PrFrame *caller = frame->previous;
    leave_frame(frame);
    frame = caller;
    pr_interp.vm.frame = frame;
    LOAD_FRAME_STATE();
    goto error;
}
}
