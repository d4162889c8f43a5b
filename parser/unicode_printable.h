/* parser/unicode_printable.h — CPython's notion of a printable code point (str.isprintable),
 * which decides what repr() escapes. Table generated from Python 3.11's Unicode database. */
#ifndef PR_PARSER_UNICODE_PRINTABLE_H
#define PR_PARSER_UNICODE_PRINTABLE_H

#include <stdint.h>

/* Returns: 1 when repr() shows cp as itself, 0 when it escapes it (controls, format
 * characters, separators other than ' ', surrogates, private use, unassigned). */
int pr_unicode_isprintable(uint32_t cp);

#endif
