/* objects/bigint.h — arbitrary-precision integer arithmetic on arrays of digits, the core the
 * int object is built on. No Python objects here: values are digit arrays that the caller owns.
 * Implemented by objects/bigint.c (add, sub, mul, shifts, bitwise, C integers),
 * objects/bigint_div.c (division, powers), objects/bigint_str.c (text) and
 * objects/bigint_float.c (double conversions, true division, hashes).
 *
 * Representation (CPython's, so sys.getsizeof and memory experiments match): a *magnitude* is
 * an array of 30-bit digits in uint32_t, least significant first, normalized (no leading zero
 * digit; zero has no digits). A *signed value* is a magnitude plus a signed digit count `size`
 * whose sign is the value's sign and whose absolute value is the number of digits — exactly
 * CPython's ob_size. Functions named for magnitudes take counts `n >= 0`; the signed ones take
 * and produce signed sizes and carry Python's semantics so the object layer stays thin.
 *
 * Memory: results go into arrays the caller provides (the int object stores its digits
 * inline), sized by the documented bound, usually a *_size function; the functions return the
 * normalized count, so the caller can shrink. Scratch memory comes from memory/raw.h; when it is
 * refused, a function returns PR_BIGINT_ENOMEM (-1) having freed what it took, and the caller
 * raises MemoryError. Outputs never alias inputs unless the contract says so.
 * Errors are negative PrBigintError codes; each notes the Python exception it stands for. */
#ifndef PR_OBJECTS_BIGINT_H
#define PR_OBJECTS_BIGINT_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t PrDigit;

#define PR_DIGIT_BITS 30
#define PR_DIGIT_BASE ((PrDigit)1 << PR_DIGIT_BITS)
#define PR_DIGIT_MASK (PR_DIGIT_BASE - 1)

/* Digits enough for any int64_t or uint64_t, and for the integer part of any finite double. */
#define PR_BIGINT_INT64_DIGITS 3
#define PR_BIGINT_DOUBLE_DIGITS 35

typedef enum PrBigintError {
    PR_BIGINT_OK = 0,
    PR_BIGINT_ENOMEM = -1,         /* MemoryError */
    PR_BIGINT_EZERODIV = -2,       /* ZeroDivisionError (message depends on the operator) */
    PR_BIGINT_EOVERFLOW = -3,      /* OverflowError: value does not fit the target type */
    PR_BIGINT_ENEGATIVE = -4,      /* OverflowError: can't convert negative int to unsigned */
    PR_BIGINT_ESYNTAX = -5,        /* ValueError: invalid literal for int() with base N: '...' */
    PR_BIGINT_EBASE = -6,          /* ValueError: int() base must be >= 2 and <= 36, or 0 */
    PR_BIGINT_ENOTINVERTIBLE = -7, /* ValueError: base is not invertible for the given modulus */
    PR_BIGINT_EMODZERO = -8,       /* ValueError: pow() 3rd argument cannot be 0 */
} PrBigintError;

/* ---- sizes: upper bounds, in digits, for the result arrays ----------------------------- */

/* a + b, a - b (signed or not): max(na, nb) + 1. */
ptrdiff_t pr_bigint_add_size(ptrdiff_t na, ptrdiff_t nb);

/* a * b: na + nb. */
ptrdiff_t pr_bigint_mul_size(ptrdiff_t na, ptrdiff_t nb);

/* Floor quotient a // b: na - nb + 2 when na >= nb, else 1 (it may be -1). Also enough for the
 * truncated quotient of pr_bigint_divrem. */
ptrdiff_t pr_bigint_div_size(ptrdiff_t na, ptrdiff_t nb);

/* Remainder, truncated or floor: nb. */
ptrdiff_t pr_bigint_mod_size(ptrdiff_t na, ptrdiff_t nb);

/* a << shift: na + shift / 30 + 1 (0 for a == 0), or PR_BIGINT_ENOMEM when that cannot exist
 * (CPython: MemoryError for 1 << 2**64). a >> shift: max(na - shift / 30, 0) + 1. */
ptrdiff_t pr_bigint_lshift_size(ptrdiff_t na, uint64_t shift);
ptrdiff_t pr_bigint_rshift_size(ptrdiff_t na, uint64_t shift);

/* a & b, a | b, a ^ b on signed values: max(na, nb) + 1. ~a: na + 1. */
ptrdiff_t pr_bigint_bitwise_size(ptrdiff_t na, ptrdiff_t nb);

/* a ** e for the magnitude a (na digits) and the magnitude e (ne digits): bit_length(a) * e / 30
 * + 2 (1 when a <= 1 or e == 0). Returns: the bound, or PR_BIGINT_ENOMEM when it could not fit
 * in memory at all (CPython: MemoryError for 2 ** 2**64). */
ptrdiff_t pr_bigint_pow_size(const PrDigit *a, ptrdiff_t na, const PrDigit *e, ptrdiff_t ne);

/* Characters written by pr_bigint_to_string, counting sign, prefix and the final NUL, for
 * base 2, 4, 8, 10, 16 or 32; PR_BIGINT_EBASE for any other. */
ptrdiff_t pr_bigint_to_string_size(ptrdiff_t na, int base);

/* Digits enough for pr_bigint_from_string on len characters in base (0 or 2..36). */
ptrdiff_t pr_bigint_from_string_size(size_t len, int base);

/* ---- magnitudes ------------------------------------------------------------------------ */

/* Strips leading zero digits. Returns: the normalized count of a[0..n). */
ptrdiff_t pr_bigint_normalize(const PrDigit *a, ptrdiff_t n);

/* Compares magnitudes. Returns: -1, 0 or 1 as a < b, a == b, a > b. */
int pr_bigint_cmp(const PrDigit *a, ptrdiff_t na, const PrDigit *b, ptrdiff_t nb);

/* r = a + b. r holds pr_bigint_add_size(na, nb) digits and may be a or b (same start).
 * Returns: the count of r. */
ptrdiff_t pr_bigint_add(PrDigit *r, const PrDigit *a, ptrdiff_t na, const PrDigit *b, ptrdiff_t nb);

/* r = a - b, requires a >= b. r holds na digits and may be a or b. Returns: the count of r. */
ptrdiff_t pr_bigint_sub(PrDigit *r, const PrDigit *a, ptrdiff_t na, const PrDigit *b, ptrdiff_t nb);

/* r = a * b: schoolbook below the Karatsuba cutoff (squaring when a == b), Karatsuba above.
 * r holds na + nb digits and must not overlap a or b.
 * Returns: the count of r, or PR_BIGINT_ENOMEM (scratch for Karatsuba). */
ptrdiff_t pr_bigint_mul(PrDigit *r, const PrDigit *a, ptrdiff_t na, const PrDigit *b, ptrdiff_t nb);

/* r = a * m + add for single digits m and add. r holds na + 1 digits and may be a.
 * Returns: the count of r. */
ptrdiff_t pr_bigint_muladd1(PrDigit *r, const PrDigit *a, ptrdiff_t na, PrDigit m, PrDigit add);

/* q = a / d, *rem = a % d, for a single digit d > 0. q holds na digits and may be a.
 * Returns: the count of q. */
ptrdiff_t pr_bigint_divrem1(PrDigit *q, const PrDigit *a, ptrdiff_t na, PrDigit d, PrDigit *rem);

/* Truncated division of magnitudes (Knuth's algorithm D; one digit: pr_bigint_divrem1).
 * q (pr_bigint_div_size digits) and r (nb digits) may each be NULL when not wanted; *nq / *nr
 * receive their counts (nq may be NULL with q; *nr is set even when r is NULL, so the caller
 * learns whether the division was exact). Neither may overlap a or b.
 * Returns: 0, PR_BIGINT_EZERODIV when nb == 0, or PR_BIGINT_ENOMEM. */
int pr_bigint_divrem(PrDigit *q, ptrdiff_t *nq, PrDigit *r, ptrdiff_t *nr, const PrDigit *a,
                     ptrdiff_t na, const PrDigit *b, ptrdiff_t nb);

/* Number of bits of the magnitude (0 for zero): int.bit_length(). */
uint64_t pr_bigint_bit_length(const PrDigit *a, ptrdiff_t na);

/* ---- signed values: Python's operators ------------------------------------------------- */

/* Compares signed values. Returns: -1, 0 or 1. */
int pr_bigint_scmp(const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs);

/* r = a + b and r = a - b; r holds pr_bigint_add_size(|as|, |bs|) digits and must not overlap
 * a or b. Returns: the signed size of r. */
ptrdiff_t pr_bigint_sadd(PrDigit *r, const PrDigit *a, ptrdiff_t as, const PrDigit *b,
                         ptrdiff_t bs);
ptrdiff_t pr_bigint_ssub(PrDigit *r, const PrDigit *a, ptrdiff_t as, const PrDigit *b,
                         ptrdiff_t bs);

/* r = a * b with |as| + |bs| digits. Returns: 0 with *rs set, or PR_BIGINT_ENOMEM. */
int pr_bigint_smul(PrDigit *r, ptrdiff_t *rs, const PrDigit *a, ptrdiff_t as, const PrDigit *b,
                   ptrdiff_t bs);

/* Python's divmod: q = a // b rounded toward -inf, m = a % b with the sign of b, so that
 * a == q * b + m (-7 // 2 == -4, -7 % 2 == 1, 7 % -2 == -1). q holds pr_bigint_div_size and m
 * pr_bigint_mod_size digits; either may be NULL (its size pointer too). No overlap.
 * Returns: 0, PR_BIGINT_EZERODIV ("integer division or modulo by zero") or PR_BIGINT_ENOMEM. */
int pr_bigint_floordiv(PrDigit *q, ptrdiff_t *qs, PrDigit *m, ptrdiff_t *ms, const PrDigit *a,
                       ptrdiff_t as, const PrDigit *b, ptrdiff_t bs);

/* r = a ** e for a signed base and a magnitude exponent e (the caller turns a negative
 * exponent into float arithmetic, as Python does). r holds pr_bigint_pow_size digits.
 * Returns: 0 with *rs set, or PR_BIGINT_ENOMEM. */
int pr_bigint_pow(PrDigit *r, ptrdiff_t *rs, const PrDigit *a, ptrdiff_t as, const PrDigit *e,
                  ptrdiff_t ne);

/* pow(a, e, m) with Python's rules: the result has the sign of m (pow(-2, 3, -5) == -3), and a
 * negative exponent means the modular inverse (pow(3, -1, 7) == 5). r holds |ms| digits.
 * Returns: 0 with *rs set, PR_BIGINT_EMODZERO when m == 0, PR_BIGINT_ENOTINVERTIBLE for a
 * negative e and gcd(a, m) != 1, or PR_BIGINT_ENOMEM. */
int pr_bigint_powmod(PrDigit *r, ptrdiff_t *rs, const PrDigit *a, ptrdiff_t as, const PrDigit *e,
                     ptrdiff_t es, const PrDigit *m, ptrdiff_t ms);

/* r = a << shift and r = a >> shift; the right shift rounds toward -inf (-5 >> 1 == -3).
 * r holds pr_bigint_lshift_size / pr_bigint_rshift_size digits, no overlap.
 * Returns: the signed size of r. A negative shift count is the caller's ValueError. */
ptrdiff_t pr_bigint_lshift(PrDigit *r, const PrDigit *a, ptrdiff_t as, uint64_t shift);
ptrdiff_t pr_bigint_rshift(PrDigit *r, const PrDigit *a, ptrdiff_t as, uint64_t shift);

/* r = a & b, a | b, a ^ b on signed values, as if both were two's complement of infinite
 * width (CPython's long_bitwise). r holds pr_bigint_bitwise_size digits, no overlap.
 * Returns: the signed size of r. */
ptrdiff_t pr_bigint_and(PrDigit *r, const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs);
ptrdiff_t pr_bigint_or(PrDigit *r, const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs);
ptrdiff_t pr_bigint_xor(PrDigit *r, const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs);

/* r = ~a == -a - 1; r holds |as| + 1 digits, no overlap. Returns: the signed size of r. */
ptrdiff_t pr_bigint_invert(PrDigit *r, const PrDigit *a, ptrdiff_t as);

/* ---- C integers -------------------------------------------------------------------------- */

/* r = v; r holds PR_BIGINT_INT64_DIGITS digits. Returns: the signed size of r. */
ptrdiff_t pr_bigint_from_int64(PrDigit *r, int64_t v);
ptrdiff_t pr_bigint_from_uint64(PrDigit *r, uint64_t v);

/* *out = a. Returns: 0, or PR_BIGINT_EOVERFLOW when a does not fit ("Python int too large to
 * convert to C long"); for uint64 also PR_BIGINT_ENEGATIVE when a < 0. */
int pr_bigint_to_int64(const PrDigit *a, ptrdiff_t as, int64_t *out);
int pr_bigint_to_uint64(const PrDigit *a, ptrdiff_t as, uint64_t *out);

/* ---- floating point (objects/bigint_float.c) --------------------------------------------- */

/* *out = float(a), correctly rounded (half to even) like CPython's PyLong_AsDouble.
 * Returns: 0, or PR_BIGINT_EOVERFLOW ("int too large to convert to float"). */
int pr_bigint_to_double(const PrDigit *a, ptrdiff_t as, double *out);

/* r = int(x), truncating toward zero; x must be finite (the caller raises for inf and nan).
 * r holds PR_BIGINT_DOUBLE_DIGITS digits. Returns: the signed size of r. */
ptrdiff_t pr_bigint_from_double(PrDigit *r, double x);

/* *out = a / b correctly rounded (CPython's long_true_divide).
 * Returns: 0, PR_BIGINT_EZERODIV ("division by zero"), PR_BIGINT_EOVERFLOW ("integer division
 * result too large for a float") or PR_BIGINT_ENOMEM. */
int pr_bigint_truediv(const PrDigit *a, ptrdiff_t as, const PrDigit *b, ptrdiff_t bs, double *out);

/* hash(a) as CPython's long_hash on 64-bit: a mod 2**61 - 1 with the sign of a, -1 -> -2. */
int64_t pr_bigint_hash(const PrDigit *a, ptrdiff_t as);

/* hash(x) as CPython's _Py_HashDouble, equal to the int hash for integral x; ±inf give
 * ±314159. A nan gives 0: CPython hashes a nan by its object's identity, the caller's job. */
int64_t pr_bigint_hash_double(double x);

/* ---- text (objects/bigint_str.c) ----------------------------------------------------------- */

/* Flags of pr_bigint_to_string. */
#define PR_BIGINT_PREFIX 1 /* "0b", "0o", "0x" after the sign (bases 2, 8, 16): bin(), hex() */
#define PR_BIGINT_UPPER 2  /* "FF" (and "0X" with PR_BIGINT_PREFIX), as format(a, 'X') */

/* Writes a in base 2, 4, 8, 16, 32 (linear) or 10 (CPython's 10**9-radix method, and above
 * 100 digits divide and conquer by powers of 10**9) into buf, which holds
 * pr_bigint_to_string_size(|as|, base) bytes, NUL-terminated. The caller applies
 * sys.set_int_max_str_digits() to the returned length. Returns: the length without the NUL,
 * PR_BIGINT_ENOMEM (base 10 needs scratch) or PR_BIGINT_EBASE (other bases). */
ptrdiff_t pr_bigint_to_string(char *buf, const PrDigit *a, ptrdiff_t as, int base, int flags);

/* Parses s[0..len) with int(s, base)'s rules: surrounding ASCII whitespace, one sign, for base
 * 0 a 0x/0o/0b prefix or decimal (leading zeros only for 0), the matching prefix allowed for
 * bases 16, 8, 2, single underscores between digits and after a prefix. r holds
 * pr_bigint_from_string_size(len, base) digits. Non-ASCII digits must be mapped by the caller.
 * Returns: 0 with *rs set, PR_BIGINT_EBASE, or PR_BIGINT_ESYNTAX. */
int pr_bigint_from_string(PrDigit *r, ptrdiff_t *rs, const char *s, size_t len, int base);

#endif
