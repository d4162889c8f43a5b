/* objects/unicase.c — lookups in the generated case and property tables (objects/unicase.h).
 * A record holds flags and four mappings: deltas to add to the code point, or, for characters
 * with a multi-character mapping (flag EXT), offsets into unicase_ext where each mapping is
 * stored as its length followed by its code points (CPython's _PyUnicode_ExtendedCase). */
#include "objects/unicase.h"

typedef struct UnicaseRecord {
    uint16_t flags;
    int32_t upper, lower, title, fold;
} UnicaseRecord;

#include "objects/unicase_tables.inc"

static const UnicaseRecord *record(uint32_t cp)
{
    if (cp > 0x10FFFF) {
        return &unicase_records[0];
    }
    uint32_t block = unicase_index1[cp >> UNICASE_SHIFT];
    uint32_t mask = (1u << UNICASE_SHIFT) - 1;
    return &unicase_records[unicase_index2[(block << UNICASE_SHIFT) + (cp & mask)]];
}

int pr_unicase_map(uint32_t cp, PrCaseMap which, uint32_t out[3])
{
    const UnicaseRecord *r = record(cp);
    int32_t field = which == PR_CASE_UPPER   ? r->upper
                    : which == PR_CASE_LOWER ? r->lower
                    : which == PR_CASE_TITLE ? r->title
                                             : r->fold;
    if (!(r->flags & UNICASE_EXT)) {
        out[0] = (uint32_t)((int32_t)cp + field);
        return 1;
    }
    const uint32_t *ext = &unicase_ext[field];
    for (uint32_t i = 0; i < ext[0]; i++) {
        out[i] = ext[1 + i];
    }
    return (int)ext[0];
}

static int has(uint32_t cp, unsigned flag)
{
    return (record(cp)->flags & flag) != 0;
}

int pr_unicase_isalpha(uint32_t cp)
{
    return has(cp, UNICASE_ALPHA);
}

int pr_unicase_isdigit(uint32_t cp)
{
    return has(cp, UNICASE_DIGIT);
}

int pr_unicase_isnumeric(uint32_t cp)
{
    return has(cp, UNICASE_NUMERIC);
}

int pr_unicase_islower(uint32_t cp)
{
    return has(cp, UNICASE_LOWER);
}

int pr_unicase_isupper(uint32_t cp)
{
    return has(cp, UNICASE_UPPER);
}

int pr_unicase_istitle(uint32_t cp)
{
    return has(cp, UNICASE_TITLE);
}

int pr_unicase_iscased(uint32_t cp)
{
    return has(cp, UNICASE_CASED);
}

int pr_unicase_isignorable(uint32_t cp)
{
    return has(cp, UNICASE_IGNORABLE);
}
