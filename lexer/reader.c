/* lexer/reader.c — the lexer's view of the source as a stream of characters, one physical line
 * at a time, like CPython's tok_nextc() reading a file: newlines normalized ("\r\n", "\r" -> '\n'),
 * a final newline supplied when missing, a UTF-8 BOM skipped, and each line checked as it is
 * first entered (encoding declaration on lines 1-2, valid UTF-8, no NUL byte). A line that fails
 * ends the input there and leaves its error in lx->read_err, so that tokens before it are still
 * delivered, exactly as CPython reports such errors only when it reaches the line. */
#include "lexer/lexer_impl.h"
#include "objects/ucd.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static void read_error(PrLexer *lx, int lineno, size_t text_len, const char *msg)
{
    PrSyntaxError *e = &lx->read_err;
    memset(e, 0, sizeof *e);
    snprintf(e->msg, sizeof e->msg, "%s", msg);
    e->kind = PR_SYNERR_SYNTAX;
    e->filename = lx->filename;
    e->lineno = lineno;
    e->end_lineno = lineno;
    if (lineno > 0) {
        e->text = lx->src + lx->line_start;
        e->text_len = text_len;
    }
    lx->read_failed = 1;
}

/* ---------------------------------------------------------------- encoding declarations */

/* CPython's get_normal_name(): folds the spellings of utf-8 and latin-1 it knows. */
static void normal_name(const char *name, char *out, size_t outsz)
{
    char buf[13];
    size_t i;
    for (i = 0; i < 12 && name[i]; i++) {
        buf[i] = name[i] == '_' ? '-' : (char)tolower((unsigned char)name[i]);
    }
    buf[i] = '\0';
    if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0) {
        snprintf(out, outsz, "utf-8");
    } else if (strcmp(buf, "latin-1") == 0 || strcmp(buf, "iso-8859-1") == 0 ||
               strcmp(buf, "iso-latin-1") == 0 || strncmp(buf, "latin-1-", 8) == 0 ||
               strncmp(buf, "iso-8859-1-", 11) == 0 || strncmp(buf, "iso-latin-1-", 12) == 0) {
        snprintf(out, outsz, "iso-8859-1");
    } else {
        snprintf(out, outsz, "%s", name);
    }
}

/* Python's codec registry spells UTF-8 in a few more ways than get_normal_name() folds. */
static int is_utf8_alias(const char *name)
{
    static const char *const aliases[] = {"utf-8",   "utf8",      "u8",       "utf",
                                          "cp65001", "utf8-ucs2", "utf8-ucs4"};
    char buf[16];
    size_t i;
    for (i = 0; i + 1 < sizeof buf && name[i]; i++) {
        buf[i] = (name[i] == '_' || name[i] == ' ') ? '-' : (char)tolower((unsigned char)name[i]);
    }
    if (name[i]) {
        return 0;
    }
    buf[i] = '\0';
    for (size_t k = 0; k < sizeof aliases / sizeof aliases[0]; k++) {
        if (strcmp(buf, aliases[k]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* CPython's get_coding_spec(): a comment alone on its line containing "coding[:=] NAME".
 * Copies NAME into name; returns 1 if found, 0 if not, -1 if the line holds code (after which
 * no later line may declare an encoding). */
static int coding_spec(const char *s, size_t n, char *name, size_t namesz)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) {
        i++;
    }
    if (i == n || s[i] != '#') {
        return i == n ? 0 : -1;
    }
    for (; i + 6 < n; i++) {
        if (memcmp(s + i, "coding", 6) != 0 || (s[i + 6] != ':' && s[i + 6] != '=')) {
            continue;
        }
        size_t t = i + 7;
        while (t < n && (s[t] == ' ' || s[t] == '\t')) {
            t++;
        }
        size_t begin = t;
        while (t < n &&
               (isalnum((unsigned char)s[t]) || s[t] == '-' || s[t] == '_' || s[t] == '.')) {
            t++;
        }
        if (t > begin) {
            size_t len = t - begin < namesz - 1 ? t - begin : namesz - 1;
            memcpy(name, s + begin, len);
            name[len] = '\0';
            return 1;
        }
    }
    return 0;
}

/* Lines 1 and 2 may declare the encoding. pyrena reads UTF-8 only, so any other declared
 * encoding is refused; CPython's message for an unknown one is kept, made clearer. */
static int check_coding(PrLexer *lx, size_t start, size_t end)
{
    char raw[64], name[64], msg[200];
    int r = coding_spec(lx->src + start, end - start, raw, sizeof raw);
    if (r < 0) {
        lx->coding_state = 1;
        return 0;
    }
    if (r == 0) {
        return 0;
    }
    lx->coding_state = 1;
    normal_name(raw, name, sizeof name);
    if (lx->has_bom ? strcmp(name, "utf-8") == 0 : is_utf8_alias(name)) {
        return 0;
    }
    if (lx->has_bom) {
        snprintf(msg, sizeof msg, "encoding problem: %s with BOM", name);
    } else {
        snprintf(msg, sizeof msg, "encoding problem: %s (pyrena reads only UTF-8 source)", name);
    }
    read_error(lx, 0, 0, msg);
    return -1;
}

/* ---------------------------------------------------------------- lines */

/* Valid UTF-8 up to the first NUL (CPython checks the line as a C string), then no NUL. */
static int check_line(PrLexer *lx, size_t start, size_t end)
{
    const unsigned char *s = (const unsigned char *)lx->src;
    size_t i = start;
    char msg[256];
    while (i < end && s[i] != 0) {
        unsigned cp;
        int n = pr_ucd_utf8_decode_strict(s + i, end - i, &cp);
        if (n == 0) {
            snprintf(msg, sizeof msg,
                     "Non-UTF-8 code starting with '\\x%.2x' in file %s on line %d, but no "
                     "encoding declared; see https://peps.python.org/pep-0263/ for details",
                     s[i], lx->filename ? lx->filename : "<string>", lx->lineno);
            read_error(lx, 0, 0, msg);
            return -1;
        }
        i += (size_t)n;
    }
    if (i < end) {
        read_error(lx, lx->lineno, i - start, "source code cannot contain null bytes");
        return -1;
    }
    return 0;
}

size_t pr_reader_line_end(const PrLexer *lx, size_t line_start)
{
    size_t i = line_start;
    while (i < lx->len && lx->src[i] != '\n' && lx->src[i] != '\r' && lx->src[i] != '\0') {
        i++;
    }
    return i;
}

/* Makes the line at lx->pos current. Returns 0 at the end of input or when the line fails. */
static int enter_line(PrLexer *lx)
{
    size_t start = lx->pos, end = start;
    if (start >= lx->end) {
        return 0;
    }
    while (end < lx->len && lx->src[end] != '\n' && lx->src[end] != '\r') {
        end++;
    }
    lx->lineno++;
    lx->line_start = start;
    if (!lx->in_token) {
        lx->buf_start = start;
    }
    if (end == lx->len) {
        lx->line_next = lx->len + 1;
    } else {
        lx->line_next =
            end + 1 + (lx->src[end] == '\r' && end + 1 < lx->len && lx->src[end + 1] == '\n');
    }
    if ((lx->coding_state == 0 && lx->lineno <= 2 && check_coding(lx, start, end) < 0) ||
        check_line(lx, start, end) < 0) {
        lx->end = start;
        lx->vnl = 0;
        return 0;
    }
    if (lx->lineno >= 2) {
        lx->coding_state = 1;
    }
    return 1;
}

void pr_reader_init(PrLexer *lx)
{
    const unsigned char *s = (const unsigned char *)lx->src;
    if (lx->len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        lx->has_bom = 1;
        lx->pos = 3;
    }
    lx->end = lx->len;
    lx->vnl = lx->len > lx->pos && s[lx->len - 1] != '\n' && s[lx->len - 1] != '\r';
    lx->line_next = lx->pos;
    lx->line_start = lx->pos;
    lx->buf_start = lx->pos;
    lx->prev = lx->pos;
}

int pr_reader_next(PrLexer *lx)
{
    lx->prev = lx->pos;
    if (lx->pos >= lx->line_next && !enter_line(lx)) {
        return PR_EOF;
    }
    if (lx->pos >= lx->end) {
        if (lx->pos == lx->len && lx->vnl) {
            lx->pos++;
            return '\n';
        }
        return PR_EOF;
    }
    int c = (unsigned char)lx->src[lx->pos++];
    if (c == '\r') {
        if (lx->pos < lx->end && lx->src[lx->pos] == '\n') {
            lx->pos++;
        }
        return '\n';
    }
    return c;
}

void pr_reader_backup(PrLexer *lx)
{
    lx->pos = lx->prev;
}

int pr_reader_byte(const PrLexer *lx, size_t i)
{
    return i < lx->end ? (unsigned char)lx->src[i] : PR_EOF;
}
