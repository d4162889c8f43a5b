/* objects/unicase.h — the Unicode facts str's methods need beyond objects/ucd.h (decimal digits,
 * whitespace) and lexer/unicode.h (identifiers, printable): full case mappings (upper, lower,
 * title, casefold, some of them several characters long: 'ß'.upper() == 'SS'), the properties
 * behind isalpha/isdigit/isnumeric/isupper/islower/istitle, and Cased / Case_Ignorable for
 * title() and the final sigma of lower(). Tables generated from CPython 3.11 (Unicode 14.0) by
 * tools/gen_unicase.py into objects/unicase_tables.inc: a two-level index to ~300 records. */
#ifndef PR_OBJECTS_UNICASE_H
#define PR_OBJECTS_UNICASE_H

#include <stdint.h>

/* Which mapping pr_unicase_map applies. */
typedef enum PrCaseMap {
    PR_CASE_UPPER,
    PR_CASE_LOWER, /* without the final-sigma rule, which needs context (the caller's) */
    PR_CASE_TITLE,
    PR_CASE_FOLD,
} PrCaseMap;

/* Writes the full mapping of cp into out. Returns: its length, 1 to 3 code points. */
int pr_unicase_map(uint32_t cp, PrCaseMap which, uint32_t out[3]);

/* Properties of one code point, as CPython's str methods see a single character. */
int pr_unicase_isalpha(uint32_t cp);     /* categories Lu Ll Lt Lm Lo */
int pr_unicase_isdigit(uint32_t cp);     /* has a digit value: '²' too */
int pr_unicase_isnumeric(uint32_t cp);   /* has a numeric value: '½', '五' too */
int pr_unicase_islower(uint32_t cp);     /* the Lowercase property */
int pr_unicase_isupper(uint32_t cp);     /* the Uppercase property */
int pr_unicase_istitle(uint32_t cp);     /* category Lt */
int pr_unicase_iscased(uint32_t cp);     /* Lowercase, Uppercase or Lt */
int pr_unicase_isignorable(uint32_t cp); /* Case_Ignorable */

#endif
