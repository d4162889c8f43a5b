/* bench/frontend_bench.c — throughput of the front end on one source file: the lexer alone,
 * lexer + parser (pr_parse), and scope analysis on the tree, each the median of several runs,
 * in seconds and MB/s. bench/run.sh feeds it a generated file (bench/gen_frontend_input.py) and
 * compares the total with CPython's compile() of the same file.
 *
 *     frontend_bench FILE [RUNS]
 *
 * The last line, `frontend_seconds S`, is for scripts: the median of lexer+parser+scope. */
#include "lexer/lexer.h"
#include "memory/raw.h"
#include "parser/arena.h"
#include "parser/parser.h"
#include "parser/scope.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_RUNS 51

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? pr_raw_malloc((size_t)n + 1) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        pr_raw_free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* Tokens until ENDMARKER. Returns: the token count, or -1 on a lexer error. */
static long lex_all(const char *src, size_t len)
{
    PrLexer *lx = pr_lexer_new(src, len, "bench.py");
    PrToken tok;
    PrSyntaxError err;
    long n = 0;
    if (!lx) {
        return -1;
    }
    do {
        if (pr_lexer_next(lx, &tok, &err) < 0) {
            fprintf(stderr, "frontend: lexer error line %d: %s\n", err.lineno, err.msg);
            n = -1;
            break;
        }
        n++;
    } while (tok.kind != PR_TOK_ENDMARKER);
    pr_lexer_free(lx);
    return n;
}

/* One parse and one analysis; their times go to *parse_s and *scope_s. */
static int parse_and_analyze(const char *src, size_t len, double *parse_s, double *scope_s,
                             size_t *arena_bytes)
{
    PrSyntaxError err;
    PrArena *arena = pr_arena_new();
    double t0 = now();
    PrAstMod *mod = arena ? pr_parse(src, len, "bench.py", PR_PARSE_FILE, arena, &err) : NULL;
    double t1 = now();
    PrScopeTable *t = mod ? pr_scope_analyze(mod, "bench.py", arena, &err) : NULL;
    double t2 = now();
    *parse_s = t1 - t0;
    *scope_s = t2 - t1;
    *arena_bytes = arena ? pr_arena_size(arena) : 0;
    pr_arena_free(arena);
    if (!t) {
        fprintf(stderr, "frontend: %s line %d: %s\n", mod ? "scope" : "parse", err.lineno, err.msg);
        return -1;
    }
    return 0;
}

static void report(const char *what, double seconds, double mb)
{
    printf("frontend: %-22s %8.4f s %8.2f MB/s\n", what, seconds, mb / seconds);
}

int main(int argc, char **argv)
{
    double lex[MAX_RUNS], parse[MAX_RUNS], scope[MAX_RUNS], total[MAX_RUNS];
    size_t len, arena_bytes = 0;
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (argc < 2 || runs < 1 || runs > MAX_RUNS) {
        fprintf(stderr, "usage: frontend_bench FILE [RUNS 1..%d]\n", MAX_RUNS);
        return 2;
    }
    char *src = read_all(argv[1], &len);
    if (!src) {
        fprintf(stderr, "frontend: cannot read %s\n", argv[1]);
        return 1;
    }
    long tokens = 0;
    for (int i = 0; i < runs; i++) {
        double t0 = now();
        tokens = lex_all(src, len);
        lex[i] = now() - t0;
        if (tokens < 0 || parse_and_analyze(src, len, &parse[i], &scope[i], &arena_bytes) < 0) {
            pr_raw_free(src);
            return 1;
        }
        total[i] = parse[i] + scope[i];
    }
    double mb = (double)len / 1e6;
    printf("frontend: %s: %.2f MB, %ld tokens, AST + symbol tables %.1f MB of arena, median of "
           "%d runs\n",
           argv[1], mb, tokens, (double)arena_bytes / 1e6, runs);
    report("lexer", median(lex, runs), mb);
    report("lexer+parser", median(parse, runs), mb);
    report("scope analysis", median(scope, runs), mb);
    double t = median(total, runs);
    report("lexer+parser+scope", t, mb);
    printf("frontend_seconds %.6f\n", t);
    pr_raw_free(src);
    return 0;
}
