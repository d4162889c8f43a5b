/* objects/ucd.c — decimal digits, whitespace and UTF-8 stepping for number parsing/formatting.
 * The tables were generated with CPython 3.11 (unicodedata 14.0.0): every code point for which
 * str.isdecimal() is true belongs to a run of ten consecutive code points valued 0..9, so the
 * table lists only where each run starts. See objects/ucd.h. */
#include "objects/ucd.h"

/* First code point (value 0) of each run of decimal digits, ascending. */
static const uint32_t digit_zeros[] = {
    0x0030,  0x0660,  0x06F0,  0x07C0,  0x0966,  0x09E6,  0x0A66,  0x0AE6,  0x0B66,  0x0BE6,
    0x0C66,  0x0CE6,  0x0D66,  0x0DE6,  0x0E50,  0x0ED0,  0x0F20,  0x1040,  0x1090,  0x17E0,
    0x1810,  0x1946,  0x19D0,  0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,
    0xA8D0,  0xA900,  0xA9D0,  0xA9F0,  0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066,
    0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0,
    0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2,
    0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
};

/* Non-ASCII whitespace, ascending. */
static const uint32_t wide_spaces[] = {
    0x0085, 0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
    0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
};

int pr_ucd_decimal(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= '0' && cp <= '9' ? (int)(cp - '0') : -1;
    }
    /* Binary search for the last run starting at or before cp. */
    size_t lo = 0, hi = sizeof digit_zeros / sizeof digit_zeros[0];
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (digit_zeros[mid] <= cp) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    uint32_t off = cp - digit_zeros[lo];
    return off < 10 ? (int)off : -1;
}

int pr_ucd_isspace(uint32_t cp)
{
    if (cp < 0x80) {
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
    }
    for (size_t i = 0; i < sizeof wide_spaces / sizeof wide_spaces[0]; i++) {
        if (wide_spaces[i] == cp) {
            return 1;
        }
    }
    return 0;
}

size_t pr_ucd_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t need;
    uint32_t v;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    } else if (u[0] >= 0xC2 && u[0] <= 0xDF) {
        need = 2;
        v = u[0] & 0x1F;
    } else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
        need = 3;
        v = u[0] & 0x0F;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        need = 4;
        v = u[0] & 0x07;
    } else {
        need = 0;
        v = 0;
    }
    if (need == 0 || need > len) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    *cp = v;
    return need;
}

size_t pr_ucd_utf8_encode(uint32_t cp, char out[4])
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

size_t pr_ucd_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    uint32_t cp;
    for (size_t i = 0; i < len; n++) {
        i += pr_ucd_utf8_decode(s + i, len - i, &cp);
    }
    return n;
}

size_t pr_ucd_utf8_prefix(const char *s, size_t len, size_t n)
{
    size_t i = 0;
    uint32_t cp;
    while (n > 0 && i < len) {
        i += pr_ucd_utf8_decode(s + i, len - i, &cp);
        n--;
    }
    return i;
}
