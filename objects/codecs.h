/* objects/codecs.h — the UTF-16 and UTF-32 codecs (with and without a byte order mark) behind
 * str.encode and bytes.decode; UTF-8, ASCII and Latin-1 stay with those methods
 * (objects/str_methods.c, objects/bytes.c). Texts are CPython 3.11's. */
#ifndef PR_OBJECTS_CODECS_H
#define PR_OBJECTS_CODECS_H

#include "objects/strargs.h"

/* Whether codec is one of the UTF-16 / UTF-32 ones this module serves. */
int pr_codecs_is_wide(PrCodec codec);

/* s.encode(codec) for a wide codec: 'utf-16' and 'utf-32' write a little-endian byte order
 * mark first, as CPython on a little-endian machine. A str never holds a surrogate here, so
 * encoding cannot fail but for memory. Returns: a new bytes. Errors: MemoryError. */
PrObject *pr_codecs_encode_wide(PrObject *s, PrCodec codec);

/* p[0..n).decode(codec, errors) for a wide codec; errname is the errors argument as given
 * (NULL: 'strict'), named when an unknown handler is needed. 'utf-16' and 'utf-32' read a byte
 * order mark (little-endian without one). Returns: a new str. Errors: UnicodeDecodeError
 * "'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate", "...
 * truncated data", LookupError for an unknown handler, TypeError for xmlcharrefreplace. */
PrObject *pr_codecs_decode_wide(const char *p, ssize_t n, PrCodec codec, PrCodecErrors errors,
                                PrObject *errname);

#endif
