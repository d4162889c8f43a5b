/* tools/lexdump.c — prints the tokens pyrena's lexer makes of a file, or its error, one per line
 * in a form tools/lexer_oracle.py compares with CPython. Not part of the build:
 *   cc -std=c11 -D_GNU_SOURCE -I. -o build/lexdump tools/lexdump.c $(ls lexer/[a-z]*.c)
 * memory/raw.c Usage: lexdump FILE [print]   ("print" also prints the error as
 * pr_syntax_error_print does) */
#include "lexer/lexer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        printf("%02x", (unsigned char)s[i]);
    }
    if (n == 0) {
        printf("-");
    }
}

static int dump(const char *name, const char *src, size_t n, int print)
{
    PrLexer *lx = pr_lexer_new(src, n, name);
    PrToken t;
    PrSyntaxError e;
    if (!lx) {
        return 1;
    }
    for (;;) {
        if (pr_lexer_next(lx, &t, &e) < 0) {
            const char *how = "ERROR";
            if (strcmp(e.msg, "invalid syntax") == 0) {
                /* roughly what the parser will do after failing at this token */
                how = "ERROR-GUESSED";
                pr_lexer_check_rest(lx, &e, e.lineno);
            }
            printf("%s %s %d %d %d %d ", how, pr_syntax_error_type_name(e.kind), e.lineno, e.offset,
                   e.end_lineno, e.end_offset);
            put_hex(e.msg, strlen(e.msg));
            printf("\n");
            if (print) {
                pr_syntax_error_print(stdout, &e);
            }
            break;
        }
        printf("TOKEN %s %d %d %d %d ", pr_token_name(t.kind), t.lineno, t.col, t.end_lineno,
               t.end_col);
        put_hex(t.start, t.len);
        printf("\n");
        if (t.kind == PR_TOK_ENDMARKER) {
            break;
        }
    }
    pr_lexer_free(lx);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: lexdump FILE [print]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            buf = realloc(buf, cap *= 2);
        }
    }
    fclose(f);
    if (!buf) {
        return 1;
    }
    /* an exact-size copy, so that a read past the end trips AddressSanitizer */
    char *src = malloc(n ? n : 1);
    memcpy(src, buf, n);
    free(buf);
    int r = dump(argv[1], src, n, argc > 2);
    free(src);
    return r;
}
