/* objects/long.h — the int type: arbitrary-precision integers in CPython's layout (PrLongObject
 * in vm/interp.h: a signed digit count, then 30-bit digits inline), the shared small ints
 * -5..256, every operator through the number slots, conversions to and from C values, text and
 * floats, and the methods. The digit arithmetic is objects/bigint.h's; this file wraps it in
 * objects. bool (objects/singletons.c) is int's subclass and shares all of this.
 *
 * Fast paths: values of at most one digit (|v| < 2**30, CPython's "compact" ints) are added,
 * subtracted, multiplied, compared and hashed in C arithmetic without touching bigint; results
 * in -5..256 are always the shared objects, so `int("5") is 5`.
 *
 * Known differences from CPython 3.11: subclasses of int cannot be created yet (no class
 * statement); int.to_bytes and int.from_bytes are C functions here until bytes exists. */
#ifndef PR_OBJECTS_LONG_H
#define PR_OBJECTS_LONG_H

#include "objects/bigint.h"
#include "vm/interp.h"

#include <stddef.h>
#include <stdint.h>

extern const PrType pr_long_spec;

#define PR_LONG_CHECK(o) PR_TYPE_HAS_FLAG(PR_TYPE_OF(o), PR_TPFLAG_INT_SUBCLASS)
#define PR_LONG_CHECK_EXACT(o) (PR_TYPE_OF(o) == PR_TYPE(int))
/* The digits of an int o (|PR_SIZE(o)| of them), least significant first. */
#define PR_LONG_DIGITS(o) ((PrDigit *)(void *)((char *)(o) + offsetof(PrLongObject, digit)))

/* For fast paths (the VM's int + int, int < int): whether an int o has at most one digit
 * (|o| < 2**30, CPython's "compact" ints), and the value of such an int. */
static inline int pr_long_is_compact(PrObject *o)
{
    return PR_SIZE(o) >= -1 && PR_SIZE(o) <= 1;
}

static inline int64_t pr_long_compact_value(PrObject *o)
{
    return (int64_t)PR_SIZE(o) * (int64_t)PR_LONG_DIGITS(o)[0];
}

/* CPython 3.11's default for sys.set_int_max_str_digits, and the smallest non-zero limit. */
#define PR_LONG_MAX_STR_DIGITS 4300
#define PR_LONG_MAX_STR_DIGITS_THRESHOLD 640

/* ---- making ints ---------------------------------------------------------------------------- */

/* int(v). Returns: a new reference (the shared object for -5..256). Errors: MemoryError. */
PrObject *pr_long_from_int64(int64_t v);
PrObject *pr_long_from_uint64(uint64_t v);

/* The int whose signed digit count is size (CPython's ob_size) and whose |size| digits are d,
 * least significant first; leading zero digits are allowed and dropped. Returns: a new
 * reference. Errors: MemoryError. */
PrObject *pr_long_from_digits(const PrDigit *d, ptrdiff_t size);

/* int(x) for a double: truncated toward zero. Returns: a new int. Errors: OverflowError
 * "cannot convert float infinity to integer", ValueError "cannot convert float NaN to integer",
 * MemoryError. */
PrObject *pr_long_from_double(double x);

/* int(text, base) for UTF-8 text with int()'s rules (objects/bigint.h pr_bigint_from_string;
 * Unicode decimal digits and spaces accepted as CPython does), and its limit on decimal
 * digits. Returns: a new int. Errors: ValueError "invalid literal for int() with base 10:
 * 'abc'" (the repr of the text, cut at 200 characters), "int() base must be >= 2 and <= 36, or
 * 0", "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits;
 * use sys.set_int_max_str_digits() to increase the limit"; MemoryError. */
PrObject *pr_long_from_string(const char *text, size_t len, int base);

/* The int of a literal the parser kept as text (PrAst BIG_INT: canonical decimal digits, no
 * sign, no underscores). Not subject to the digit limit, as CPython's compiler. Returns: a new
 * int. Errors: ValueError for text that is not decimal digits (a compiler bug), MemoryError. */
PrObject *pr_long_from_decimal_string(const char *digits, size_t n);

/* ---- reading ints --------------------------------------------------------------------------- */

/* *out = o for an int o (any other object goes through __index__). Returns: 0, or -1 with
 * OverflowError "Python int too large to convert to C long" / "... to C ssize_t", or
 * TypeError "'float' object cannot be interpreted as an integer". */
int pr_long_as_int64(PrObject *o, int64_t *out);
int pr_long_as_ssize(PrObject *o, ssize_t *out);

/* *out = float(o) for an int o, correctly rounded. Returns: 0, or -1 with OverflowError "int
 * too large to convert to float". */
int pr_long_as_double(PrObject *o, double *out);

/* o.bit_length() for an int o. */
uint64_t pr_long_bit_length(PrObject *o);

/* -1, 0 or 1: the sign of an int o. */
int pr_long_sign(PrObject *o);

/* ---- operations for other modules ----------------------------------------------------------- */

/* pow(a, b, m) as the builtin: m None is pow(a, b); otherwise all three must be ints, and a
 * negative b means the modular inverse. Returns: a new reference. Errors: TypeError "pow() 3rd
 * argument not allowed unless all arguments are integers", ValueError "pow() 3rd argument
 * cannot be 0", "base is not invertible for the given modulus", MemoryError. */
PrObject *pr_long_pow3(PrObject *a, PrObject *b, PrObject *m);

/* The text of an int o in base 2, 8, 10 or 16 with the given PR_BIGINT_* flags (PREFIX gives
 * bin()/oct()/hex()). Base 10 obeys the digit limit. Returns: a new str. Errors: ValueError
 * "Exceeds the limit (4300 digits) for integer string conversion; use
 * sys.set_int_max_str_digits() to increase the limit", MemoryError. */
PrObject *pr_long_to_base(PrObject *o, int base, int flags);

/* format(o, spec) for an int o and a str spec (int.__format__). Returns: a new str.
 * Errors: ValueError (CPython's texts: "Unknown format code 's' for object of type 'int'"...),
 * OverflowError, MemoryError. */
PrObject *pr_long_format(PrObject *o, PrObject *spec);

/* int.to_bytes: writes o into buf[0..n) as n bytes, little or big endian, two's complement when
 * is_signed. Returns: 0, or -1 with OverflowError "int too big to convert" / "can't convert
 * negative int to unsigned". */
int pr_long_to_bytes(PrObject *o, unsigned char *buf, size_t n, int little, int is_signed);

/* int.from_bytes: the int of buf[0..n). Returns: a new int. Errors: MemoryError. */
PrObject *pr_long_from_bytes(const unsigned char *buf, size_t n, int little, int is_signed);

/* sys.set_int_max_str_digits(n) and sys.get_int_max_str_digits(). Returns: 0, or -1 with
 * ValueError "maxdigits must be 0 or larger than 640". */
int pr_long_set_max_str_digits(int64_t n);
int pr_long_get_max_str_digits(void);

/* ---- the free list of the Python 2 presets -------------------------------------------------- */

/* Python 3 has no int free list, and neither do pyrena's default presets. Under py24 and py25 a
 * freed int of at most one digit is kept on a list for reuse, without bound, as Python 2's
 * PyIntBlock free list: the memory of a million freed ints stays with the process.
 * pr_long_clear_free_list (PyInt_ClearFreeList) frees them. THE HOOK FOR THE COLLECTOR: a full
 * collection calls it when the limit (pr_interp.long_.free.max) is not -1; an unbounded list is
 * never cleared automatically, which is the "blocks kept forever" of Python before 2.6.
 * Returns: how many were freed. */
ssize_t pr_long_clear_free_list(void);

/* Sets the free-list limit (0: off, -1: unbounded), trimming the list to it. */
void pr_long_set_free_list_limit(ssize_t limit);

/* ---- interpreter start-up and shutdown ------------------------------------------------------ */

/* Fills in the small ints and sets up the free list with the bound of the allocator's preset
 * (pr_interp_init, after the types' headers exist); shutdown empties it with every other free
 * list (pr_freelists_clear_all). */
void pr_long_init_state(void);

#endif
