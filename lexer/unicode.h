/* lexer/unicode.h — the little Unicode the front end needs: strict UTF-8 decoding, and the
 * XID_Start / XID_Continue / printable properties of CPython 3.11 (Unicode 14.0), generated into
 * lexer/unicode_ranges.def by tools/gen_unicode_ranges.py. No case mapping, no normalization. */
#ifndef PR_LEXER_UNICODE_H
#define PR_LEXER_UNICODE_H

#include <stddef.h>

/* Decodes one UTF-8 sequence from s[0..n) (n >= 1) into *cp. Strict, like Python's codec:
 * rejects overlong forms, surrogates, code points above U+10FFFF and truncated sequences.
 * Returns: its length in bytes (1-4), or 0 when s does not start with a valid sequence. */
int pr_unicode_decode_utf8(const unsigned char *s, size_t n, unsigned *cp);

/* Encodes cp (<= U+10FFFF) as UTF-8 into out (room for 4 bytes). Returns: bytes written. */
int pr_unicode_encode_utf8(unsigned cp, char *out);

/* Number of code points in s[0..n), counting every byte that does not continue a sequence:
 * what CPython's UTF-8 decoder with "replace" yields on text the lexer has validated. */
size_t pr_unicode_count_chars(const char *s, size_t n);

/* Whether cp may start an identifier ('_' counts) / continue one, per PEP 3131. */
int pr_unicode_is_xid_start(unsigned cp);
int pr_unicode_is_xid_continue(unsigned cp);

/* Whether str.isprintable() holds for cp (space is printable, other separators are not). */
int pr_unicode_is_printable(unsigned cp);

#endif
