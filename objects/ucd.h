/* objects/ucd.h — the few Unicode character facts that number parsing and formatting need, as
 * CPython 3.11 (Unicode 14.0) sees them: decimal digit values, whitespace, and stepping through
 * UTF-8 text. Not a general Unicode database: no categories, no case mapping. Text is assumed to
 * be valid UTF-8 (pyrena's str guarantees it); a malformed byte is read as one code point U+FFFD
 * so that nothing here ever reads past the given length. */
#ifndef PR_OBJECTS_UCD_H
#define PR_OBJECTS_UCD_H

#include <stddef.h>
#include <stdint.h>

/* Value 0..9 of a code point with the Unicode decimal property (what Python's str.isdecimal and
 * int() accept: '7', U+0667 ARABIC-INDIC DIGIT SEVEN, ...). Returns: the value, or -1. */
int pr_ucd_decimal(uint32_t cp);

/* Whether cp is whitespace in Python's sense (str.isspace): ASCII \t\n\v\f\r, \x1c-\x1f and space,
 * plus U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. */
int pr_ucd_isspace(uint32_t cp);

/* Decodes the code point starting at s[0] (len > 0 bytes available). Stores it in *cp.
 * Returns: the number of bytes it takes (1..4); malformed input yields U+FFFD and 1. */
size_t pr_ucd_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp (<= 0x10FFFF) as UTF-8 into out. Returns: the number of bytes written (1..4). */
size_t pr_ucd_utf8_encode(uint32_t cp, char out[4]);

/* Number of code points in len bytes of UTF-8 text. */
size_t pr_ucd_utf8_count(const char *s, size_t len);

/* Byte length of the first n code points of s (all of it if it has fewer). */
size_t pr_ucd_utf8_prefix(const char *s, size_t len, size_t n);

#endif
