/* parser/unicode_nfkc.h — the NFKC normalization CPython applies to identifiers that are not
 * pure ASCII (PEP 3131: `ｗｉｄｔｈ` and `width` are one name). Tables generated from Python
 * 3.11's Unicode database by parser/unicode_nfkc.py. The parser uses it for every NAME. */
#ifndef PR_PARSER_UNICODE_NFKC_H
#define PR_PARSER_UNICODE_NFKC_H

#include <stdint.h>

/* The NFKC form of a single identifier character: writes 1 to 4 code points to out.
 * Returns: how many (1 and out[0] == cp when NFKC leaves it alone). */
int pr_unicode_nfkc_char(uint32_t cp, uint32_t out[4]);

/* Returns: the canonical composition of first followed by second, or 0 when there is none. */
uint32_t pr_unicode_compose(uint32_t first, uint32_t second);

#endif
