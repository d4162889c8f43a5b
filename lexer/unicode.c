/* lexer/unicode.c — UTF-8 and identifier properties for the lexer (see lexer/unicode.h).
 * The property tables are sorted range lists searched by bisection; they come from the same
 * Python the tests compare against, so "is this an identifier" never disagrees with CPython. */
#include "lexer/unicode.h"

typedef struct {
    unsigned lo, hi;
} Range;

static const Range xid_start[] = {
#define XID_START(lo, hi) {lo, hi},
#define XID_CONTINUE(lo, hi)
#define NONPRINTABLE(lo, hi)
#include "lexer/unicode_ranges.def"
#undef XID_START
#undef XID_CONTINUE
#undef NONPRINTABLE
};

static const Range xid_continue[] = {
#define XID_START(lo, hi)
#define XID_CONTINUE(lo, hi) {lo, hi},
#define NONPRINTABLE(lo, hi)
#include "lexer/unicode_ranges.def"
#undef XID_START
#undef XID_CONTINUE
#undef NONPRINTABLE
};

static const Range nonprintable[] = {
#define XID_START(lo, hi)
#define XID_CONTINUE(lo, hi)
#define NONPRINTABLE(lo, hi) {lo, hi},
#include "lexer/unicode_ranges.def"
#undef XID_START
#undef XID_CONTINUE
#undef NONPRINTABLE
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int in_ranges(const Range *r, size_t n, unsigned cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].lo) {
            hi = mid;
        } else if (cp > r[mid].hi) {
            lo = mid + 1;
        } else {
            return 1;
        }
    }
    return 0;
}

int pr_unicode_decode_utf8(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    int len;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2, min = 0x80, c &= 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3, min = 0x800, c &= 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4, min = 0x10000, c &= 0x07;
    } else {
        return 0;
    }
    if (n < (size_t)len) {
        return 0;
    }
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return 0;
    }
    *cp = c;
    return len;
}

int pr_unicode_encode_utf8(unsigned cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t pr_unicode_count_chars(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return count;
}

int pr_unicode_is_xid_start(unsigned cp)
{
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    }
    return in_ranges(xid_start, COUNT(xid_start), cp);
}

int pr_unicode_is_xid_continue(unsigned cp)
{
    if (cp < 0x80) {
        return pr_unicode_is_xid_start(cp) || (cp >= '0' && cp <= '9');
    }
    return in_ranges(xid_continue, COUNT(xid_continue), cp);
}

int pr_unicode_is_printable(unsigned cp)
{
    if (cp < 0x80) {
        return cp >= 0x20 && cp < 0x7F;
    }
    return !in_ranges(nonprintable, COUNT(nonprintable), cp);
}
