/* objects/dtoa.h — exact conversions between binary doubles and decimal digit strings.
 * Owns the arithmetic only (digits in, digits out); signs, decimal points, exponents and text are
 * the business of objects/numfmt.c. The semantics are those of David Gay's dtoa.c in the modes
 * CPython 3.11 uses (0, 2 and 3) and of its strtod; the essay at the top of dtoa.c explains how. */
#ifndef PR_OBJECTS_DTOA_H
#define PR_OBJECTS_DTOA_H

#include <stddef.h>

/* Room for any digit string pr_dtoa_digits produces: the exact decimal expansion of a double
 * has at most 767 significant digits (that of (2**53-1) * 2**-1074). */
#define PR_DTOA_MAXDIGITS 800

typedef enum PrDtoaMode {
    PR_DTOA_SHORTEST = 0, /* the fewest digits that read back as v; of those, the nearest to v */
    PR_DTOA_DIGITS = 2,   /* ndigits significant digits (ndigits < 1 counts as 1) */
    PR_DTOA_PLACES = 3,   /* ndigits digits after the decimal point; negative ndigits rounds to
                             tens, hundreds, ... */
} PrDtoaMode;

/* Converts |v| (v finite; its sign is ignored) to decimal digits, correctly rounded with ties to
 * even (on the exact binary value). Writes the digits to `digits` (PR_DTOA_MAXDIGITS bytes, no
 * NUL), never with trailing zeros, and sets *decpt so that |v| ~ 0.DIGITS * 10**decpt.
 * Zero gives "0" with decpt 1; in mode PR_DTOA_PLACES a value that rounds to zero gives no digits
 * and decpt = -ndigits. Returns: the number of digits. */
int pr_dtoa_digits(double v, PrDtoaMode mode, int ndigits, char *digits, int *decpt);

/* The double nearest to 0.D * 10**decpt, where D is digits[0..n) (ASCII '0'-'9', any length;
 * leading and trailing zeros are fine), ties to the even significand. Returns: the value (>= 0);
 * +HUGE_VAL when it overflows (and then *overflow = 1 when overflow is not NULL; it is set to 0
 * otherwise), 0.0 when it underflows. */
double pr_dtoa_strtod(const char *digits, size_t n, long decpt, int *overflow);

#endif
