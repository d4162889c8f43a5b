/* objects/ucd.h — pyrena's one Unicode module, for the lexer, the parser and str alike: UTF-8
 * (strict decoding for source text, stepping through str's valid text), the character properties
 * of CPython 3.11 (Unicode 14.0) — decimal digits, whitespace, printable, identifiers (PEP 3131),
 * alpha/digit/numeric, the case properties — the full case mappings ('ß'.upper() == 'SS'), and
 * the NFKC normalization of identifiers. The data are generated from CPython itself by
 * tools/gen_ucd.py into objects/ucd_tables.inc: a two-level index to ~300 records of facts, plus
 * the NFKC tables. Lookups never fail: a code point above U+10FFFF has no property. */
#ifndef PR_OBJECTS_UCD_H
#define PR_OBJECTS_UCD_H

#include <stddef.h>
#include <stdint.h>

/* ---- UTF-8 ----------------------------------------------------------------------------------- */

/* Decodes one UTF-8 sequence from s[0..n) (n >= 1) into *cp. Strict, like Python's codec:
 * rejects overlong forms, surrogates, code points above U+10FFFF and truncated sequences.
 * Returns: its length in bytes (1-4), or 0 when s does not start with a valid sequence. */
int pr_ucd_utf8_decode_strict(const unsigned char *s, size_t n, uint32_t *cp);

/* Decodes the code point starting at s[0] (len > 0 bytes available) of text assumed valid (a
 * str's). Stores it in *cp. Returns: the number of bytes it takes (1..4); a malformed lead or
 * continuation byte yields U+FFFD and 1, so nothing reads past len. */
size_t pr_ucd_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp (<= 0x10FFFF) as UTF-8 into out. Returns: the number of bytes written (1..4). */
size_t pr_ucd_utf8_encode(uint32_t cp, char out[4]);

/* Number of code points in len bytes of UTF-8 text (as pr_ucd_utf8_decode steps). */
size_t pr_ucd_utf8_count(const char *s, size_t len);

/* Number of bytes in s[0..n) that do not continue a sequence: on source text the lexer has
 * validated, its code points; elsewhere what CPython's UTF-8 decoder with "replace" yields. */
size_t pr_ucd_utf8_count_starts(const char *s, size_t n);

/* Byte length of the first n code points of s (all of it if it has fewer). */
size_t pr_ucd_utf8_prefix(const char *s, size_t len, size_t n);

/* ---- properties ------------------------------------------------------------------------------ */

/* Value 0..9 of a code point with the Unicode decimal property (what Python's str.isdecimal and
 * int() accept: '7', U+0667 ARABIC-INDIC DIGIT SEVEN, ...). Returns: the value, or -1. */
int pr_ucd_decimal(uint32_t cp);

/* Whether cp is whitespace in Python's sense (str.isspace): ASCII \t\n\v\f\r, \x1c-\x1f and space,
 * plus U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. */
int pr_ucd_isspace(uint32_t cp);

/* Whether str.isprintable() holds for cp (space is printable, other separators are not). */
int pr_ucd_isprintable(uint32_t cp);

/* Whether cp may start an identifier ('_' counts) / continue one, per PEP 3131. */
int pr_ucd_is_xid_start(uint32_t cp);
int pr_ucd_is_xid_continue(uint32_t cp);

/* Properties of one code point, as CPython's str methods see a single character. */
int pr_ucd_isalpha(uint32_t cp);     /* categories Lu Ll Lt Lm Lo */
int pr_ucd_isdigit(uint32_t cp);     /* has a digit value: '²' too */
int pr_ucd_isnumeric(uint32_t cp);   /* has a numeric value: '½', '五' too */
int pr_ucd_islower(uint32_t cp);     /* the Lowercase property */
int pr_ucd_isupper(uint32_t cp);     /* the Uppercase property */
int pr_ucd_istitle(uint32_t cp);     /* category Lt */
int pr_ucd_iscased(uint32_t cp);     /* Lowercase, Uppercase or Lt */
int pr_ucd_isignorable(uint32_t cp); /* Case_Ignorable */

/* ---- case mapping ---------------------------------------------------------------------------- */

/* Which mapping pr_ucd_case_map applies. */
typedef enum PrCaseMap {
    PR_CASE_UPPER,
    PR_CASE_LOWER, /* without the final-sigma rule, which needs context (the caller's) */
    PR_CASE_TITLE,
    PR_CASE_FOLD,
} PrCaseMap;

/* Writes the full mapping of cp into out. Returns: its length, 1 to 3 code points. */
int pr_ucd_case_map(uint32_t cp, PrCaseMap which, uint32_t out[3]);

/* ---- NFKC of identifiers (PEP 3131: `ｗｉｄｔｈ` and `width` are one name) ------------------------ */

/* The NFKC form of a single identifier character: writes 1 to 4 code points to out.
 * Returns: how many (1 and out[0] == cp when NFKC leaves it alone). */
int pr_ucd_nfkc_char(uint32_t cp, uint32_t out[4]);

/* Returns: the canonical composition of first followed by second, or 0 when there is none. */
uint32_t pr_ucd_compose(uint32_t first, uint32_t second);

#endif
