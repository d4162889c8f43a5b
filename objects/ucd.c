/* objects/ucd.c — UTF-8, character properties, case mappings and identifier NFKC (see
 * objects/ucd.h). The facts of a code point are one record of objects/ucd_tables.inc, found
 * through a two-level index (CPython's unicodedata layout): the high bits of the code point pick
 * a block, the low bits a record in it; identical blocks are stored once. A record holds flags,
 * the decimal value, and four case mappings: deltas to add to the code point or, for characters
 * with a multi-character mapping (flag EXT), offsets into ucd_ext where each mapping is stored as
 * its length followed by its code points (CPython's _PyUnicode_ExtendedCase). */
#include "objects/ucd.h"

typedef struct UcdRecord {
    uint16_t flags;
    int8_t decimal;
    int32_t upper, lower, title, fold;
} UcdRecord;

#include "objects/ucd_tables.inc"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ============================================================================================
 *  UTF-8
 * ============================================================================================ */

/* Reads the sequence at u[0..len): checks the lead byte, the length and the continuation
 * bytes, not the value. Returns: its length with *cp and the smallest value its length may
 * encode in *min, or 0 when it is malformed or truncated. */
static size_t read_sequence(const unsigned char *u, size_t len, uint32_t *cp, uint32_t *min)
{
    size_t need;
    uint32_t v = u[0];
    if (v < 0x80) {
        *cp = v;
        *min = 0;
        return 1;
    } else if (v >= 0xC2 && v <= 0xDF) {
        need = 2, *min = 0x80, v &= 0x1F;
    } else if (v >= 0xE0 && v <= 0xEF) {
        need = 3, *min = 0x800, v &= 0x0F;
    } else if (v >= 0xF0 && v <= 0xF4) {
        need = 4, *min = 0x10000, v &= 0x07;
    } else {
        return 0;
    }
    if (need > len) {
        return 0;
    }
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            return 0;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    *cp = v;
    return need;
}

int pr_ucd_utf8_decode_strict(const unsigned char *s, size_t n, uint32_t *cp)
{
    uint32_t c, min;
    size_t len = read_sequence(s, n, &c, &min);
    if (len == 0 || c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        return 0;
    }
    *cp = c;
    return (int)len;
}

size_t pr_ucd_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
    uint32_t min;
    size_t need = read_sequence((const unsigned char *)s, len, cp, &min);
    if (need == 0) {
        *cp = 0xFFFD;
        return 1;
    }
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

size_t pr_ucd_utf8_count_starts(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return count;
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

/* ============================================================================================
 *  Properties
 * ============================================================================================ */

static const UcdRecord *record(uint32_t cp)
{
    if (cp > 0x10FFFF) {
        return &ucd_records[0];
    }
    uint32_t block = ucd_index1[cp >> UCD_SHIFT];
    uint32_t mask = (1u << UCD_SHIFT) - 1;
    return &ucd_records[ucd_index2[(block << UCD_SHIFT) + (cp & mask)]];
}

static int has(uint32_t cp, unsigned flag)
{
    return (record(cp)->flags & flag) != 0;
}

int pr_ucd_decimal(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= '0' && cp <= '9' ? (int)(cp - '0') : -1;
    }
    const UcdRecord *r = record(cp);
    return r->flags & UCD_DECIMAL ? r->decimal : -1;
}

int pr_ucd_isspace(uint32_t cp)
{
    if (cp < 0x80) {
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
    }
    return has(cp, UCD_SPACE);
}

int pr_ucd_isprintable(uint32_t cp)
{
    if (cp < 0x80) {
        return cp >= 0x20 && cp < 0x7F;
    }
    return has(cp, UCD_PRINTABLE);
}

int pr_ucd_is_xid_start(uint32_t cp)
{
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    }
    return has(cp, UCD_XID_START);
}

int pr_ucd_is_xid_continue(uint32_t cp)
{
    if (cp < 0x80) {
        return pr_ucd_is_xid_start(cp) || (cp >= '0' && cp <= '9');
    }
    return has(cp, UCD_XID_CONTINUE);
}

/* The properties that are one flag of the record: pr_ucd_isalpha(cp) tests UCD_ALPHA, ... */
#define PROPERTY(name, flag)                                                                       \
    int pr_ucd_##name(uint32_t cp)                                                                 \
    {                                                                                              \
        return has(cp, UCD_##flag);                                                                \
    }
PROPERTY(isalpha, ALPHA)
PROPERTY(isdigit, DIGIT)
PROPERTY(isnumeric, NUMERIC)
PROPERTY(islower, LOWER)
PROPERTY(isupper, UPPER)
PROPERTY(istitle, TITLE)
PROPERTY(iscased, CASED)
PROPERTY(isignorable, IGNORABLE)
#undef PROPERTY

/* ============================================================================================
 *  Case mapping
 * ============================================================================================ */

int pr_ucd_case_map(uint32_t cp, PrCaseMap which, uint32_t out[3])
{
    const UcdRecord *r = record(cp);
    int32_t field = which == PR_CASE_UPPER   ? r->upper
                    : which == PR_CASE_LOWER ? r->lower
                    : which == PR_CASE_TITLE ? r->title
                                             : r->fold;
    if (!(r->flags & UCD_EXT)) {
        out[0] = (uint32_t)((int32_t)cp + field);
        return 1;
    }
    const uint32_t *ext = &ucd_ext[field];
    for (uint32_t i = 0; i < ext[0]; i++) {
        out[i] = ext[1 + i];
    }
    return (int)ext[0];
}

/* ============================================================================================
 *  NFKC of identifiers
 * ============================================================================================ */

int pr_ucd_nfkc_char(uint32_t cp, uint32_t out[4])
{
    size_t lo = 0, hi = COUNT(ucd_nfkc_map);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < ucd_nfkc_map[mid][0]) {
            hi = mid;
        } else if (cp > ucd_nfkc_map[mid][0]) {
            lo = mid + 1;
        } else {
            int n = 0;
            while (n < 4 && ucd_nfkc_map[mid][1 + n]) {
                out[n] = ucd_nfkc_map[mid][1 + n];
                n++;
            }
            return n;
        }
    }
    out[0] = cp;
    return 1;
}

uint32_t pr_ucd_compose(uint32_t first, uint32_t second)
{
    size_t lo = 0, hi = COUNT(ucd_compositions);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const uint32_t *c = ucd_compositions[mid];
        if (first < c[0] || (first == c[0] && second < c[1])) {
            hi = mid;
        } else if (first > c[0] || second > c[1]) {
            lo = mid + 1;
        } else {
            return c[2];
        }
    }
    return 0;
}
