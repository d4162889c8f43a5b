/* objects/float.h — the float type: a double in a 24-byte object (header + value), the free list
 * that recycles freed floats, the operators with ints and floats (CPython 3.11's rules and
 * messages), comparison with ints that is exact for any size, hash equal to the int hash for
 * integral values, text through objects/numfmt.h, the constructor and the methods.
 *
 * THE FREE LIST. A freed exact float goes on a free list (memory/freelist.h) instead of back to
 * the allocator, up to a limit, and the next float comes from there, as in CPython 3.11.
 * The limit is a policy of the allocator preset, read at start-up (pr_float_init_state):
 *     py24, py25         unbounded: blocks are kept forever, as Python 2's float blocks were
 *     malloc, debug      0: off, so every float is a visible allocation
 *     everything else    PR_FLOAT_MAXFREELIST (100, PyFloat_MAXFREELIST)
 * pr_float_set_free_list_limit changes it later. THE HOOK FOR THE COLLECTOR: a full collection
 * calls pr_float_clear_free_list (as CPython 2.6+) when the limit (pr_interp.float_.free.max) is
 * not -1; an unbounded list is never cleared automatically, which is the "int/float blocks kept
 * forever" of the py24/py25 presets (objects/long.h has the same rule for ints).
 *
 * Known difference: pyrena has no complex type, so a negative float raised to a non-integral
 * power, which CPython answers with a complex, raises ValueError "negative number cannot be
 * raised to a fractional power" (Python 2's message). float.hex and float.fromhex are absent. */
#ifndef PR_OBJECTS_FLOAT_H
#define PR_OBJECTS_FLOAT_H

#include "vm/interp.h"

typedef struct PrFloatObject {
    PrObject ob;
    double value;
} PrFloatObject;

_Static_assert(sizeof(PrFloatObject) == 24, "sys.getsizeof(1.0) is 24, as in CPython");

extern const PrType pr_float_spec;

#define PR_FLOAT_CHECK(o)                                                                          \
    (PR_TYPE_OF(o) == PR_TYPE(float) || pr_object_is_instance((PrObject *)(o), PR_TYPE(float)))
#define PR_FLOAT_CHECK_EXACT(o) (PR_TYPE_OF(o) == PR_TYPE(float))
/* The value of a float o, unchecked. */
#define PR_FLOAT_VALUE(o) (((PrFloatObject *)(o))->value)

/* float(x) for a double: from the free list when it has one. Returns: a new float.
 * Errors: MemoryError. */
PrObject *pr_float_from_double(double x);

/* float(text) for UTF-8 text (objects/numfmt.h pr_numfmt_parse_float). Returns: a new float.
 * Errors: ValueError "could not convert string to float: 'abc'", MemoryError. */
PrObject *pr_float_from_string(const char *text, size_t len);

/* *out = float(o) for a float, an int (correctly rounded) or an object with __float__ or
 * __index__. Returns: 0, or -1 with OverflowError "int too large to convert to float",
 * TypeError "must be real number, not str". */
int pr_float_as_double(PrObject *o, double *out);

/* format(o, spec) for a float o and a str spec (float.__format__). Returns: a new str.
 * Errors: ValueError with CPython's texts, MemoryError. */
PrObject *pr_float_format(PrObject *o, PrObject *spec);

/* math.trunc, math.floor, math.ceil and round(x) of a double, as an int. Returns: a new int.
 * Errors: OverflowError "cannot convert float infinity to integer", ValueError "cannot convert
 * float NaN to integer", MemoryError. */
PrObject *pr_float_trunc(double x);
PrObject *pr_float_floor(double x);
PrObject *pr_float_ceil(double x);
PrObject *pr_float_round_to_int(double x);

/* ---- the free list ------------------------------------------------------------------------- */

/* Frees every float kept on the free list (a full gc.collect()). Returns: how many. */
ssize_t pr_float_clear_free_list(void);

/* Sets the free-list limit (0: off, -1: unbounded), trimming the list to it. */
void pr_float_set_free_list_limit(ssize_t limit);

/* Sets up the free list with the bound of the allocator's preset (pr_interp_init); shutdown
 * empties it with every other free list (pr_freelists_clear_all). */
void pr_float_init_state(void);

#endif
