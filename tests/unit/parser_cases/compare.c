/* tests/unit/parser_cases/compare.c — a batch driver for compare.py (not part of the suite):
 * reads NUL-separated cases from stdin, each a mode letter (e exec, s single, v eval) and the
 * source, and writes for each the dump (indent=2), "----" and the dump with positions, or the
 * error line, then a NUL. Build: cc -std=c11 -I. tests/unit/parser_cases/compare.c
 *   build/rel/libpyrena.a -lm -o build/compare */
#include "parser/parser.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
    static char buf[1 << 26]; size_t n = fread(buf, 1, sizeof buf, stdin);
    size_t i = 0;
    while (i < n) {
        size_t len = strlen(buf + i);
        char mode = buf[i];
        const char *src = buf + i + 1; size_t slen = len - 1;
        char *copy = malloc(slen + 1); memcpy(copy, src, slen);
        PrArena *a = pr_arena_new(); PrSyntaxError err;
        PrAstMod *m = pr_parse(copy, slen, "t.py", mode == 's' ? PR_PARSE_SINGLE : mode == 'v' ? PR_PARSE_EVAL : PR_PARSE_FILE, a, &err);
        if (!m) printf("%s %s %d %d %d %d\n", err.overflow ? "RecursionError" : err.no_memory ? "MemoryError" : pr_syntax_error_type_name(err.kind), err.msg, err.lineno, err.offset, err.end_lineno, err.end_offset);
        else { pr_ast_dump(stdout, m, 2); printf("----\n"); pr_ast_dump_attrs(stdout, m, -1); }
        fputc(0, stdout);
        pr_arena_free(a); free(copy);
        i += len + 1;
    }
    return 0;
}
