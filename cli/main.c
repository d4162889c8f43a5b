/* cli/main.c — the pyrena command: parses the command line, starts the allocator with the
 * chosen preset, and hands the work to the library: vm/run.h runs programs, the front end and
 * the disassembler serve the -X ast / symtable / dis listings. */
#include "cli/alloc_demo.h"
#include "cli/version.h"
#include "lexer/syntax_error.h"
#include "memory/obmalloc.h"
#include "memory/raw.h"
#include "parser/arena.h"
#include "parser/ast.h"
#include "parser/parser.h"
#include "parser/scope.h"
#include "stdlib/sys.h"
#include "vm/compile.h"
#include "vm/dis.h"
#include "vm/errors.h"
#include "vm/interp.h"
#include "vm/run.h"
#include "vm/signals.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage_text[] =
    "usage: pyrena [option] ... [-c cmd | file | --alloc-demo [n [size [k]]]] [arg] ...\n"
    "Options:\n"
    "  -c cmd         program passed in as string\n"
    "  -h, --help     print this help message and exit\n"
    "  -V, --version  print the pyrena version number and exit\n"
    "  -X opt         set an implementation-specific option:\n"
    "                 -X ast             print the AST of the program (as ast.dump(indent=2))\n"
    "                 -X symtable        print the scopes and symbols of the program\n"
    "                 -X dis             print the bytecode of the program (as dis.dis)\n"
    "                 -X leakcheck       at exit, fail (status 3) if any block is still in use\n"
    "                 -X mallocstats     print allocator statistics to stderr at exit\n"
    "                 -X malloc=NAME     allocator preset: py24, py25, py33 (default), py310,\n"
    "                                    malloc, debug\n"
    "                 -X arena_size=N, -X pool_size=N, -X align=8|16, -X threshold=N,\n"
    "                 -X arena_release=always|never|keep1, -X arena_order=fullest|none,\n"
    "                 -X arena_source=mmap|malloc: one allocator knob (sizes take K/M/G)\n"
    "  --alloc-demo [n [size [k]]]\n"
    "                 replay the seed memory experiment on the allocator: allocate n objects of\n"
    "                 size bytes (10**6 x 56), keep every k-th (100), free the rest, then all\n"
    "Environment:\n"
    "  PYRENAMALLOC   allocator preset, as PYTHONMALLOC for CPython (-X malloc= overrides it)\n"
    "Arguments after the file or -c cmd are passed to the program in sys.argv[1:].\n";

typedef enum CliAction { ACT_NONE, ACT_FILE, ACT_COMMAND, ACT_ALLOC_DEMO } CliAction;

typedef struct CliOptions {
    CliAction action;
    const char *target;   /* the file name or the -c text */
    int dump_ast, dump_symtable, dump_dis, mallocstats, leakcheck;
    PrMemConfig mem;
    PrAllocDemo demo;
    int argi;             /* first argv index after the target: the program's own arguments */
} CliOptions;

static int usage_error(const char *fmt, const char *arg)
{
    fputs("pyrena: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry `pyrena -h' for more information.\n", stderr);
    return 2;
}

/* Handles one -X option. Returns: 0, or 2 after reporting an error. */
static int set_x_option(CliOptions *o, const char *opt)
{
    if (strcmp(opt, "ast") == 0) {
        o->dump_ast = 1;
        return 0;
    }
    if (strcmp(opt, "symtable") == 0) {
        o->dump_symtable = 1;
        return 0;
    }
    if (strcmp(opt, "dis") == 0) {
        o->dump_dis = 1;
        return 0;
    }
    if (strcmp(opt, "leakcheck") == 0) {
        o->leakcheck = 1;
        return 0;
    }
    if (strcmp(opt, "mallocstats") == 0) {
        o->mallocstats = 1;
        return 0;
    }
    const char *eq = strchr(opt, '=');
    char key[64];
    size_t klen = eq ? (size_t)(eq - opt) : strlen(opt);
    if (!eq || klen >= sizeof key) {
        return usage_error("unknown -X option: %s", opt);
    }
    memcpy(key, opt, klen);
    key[klen] = '\0';
    if (!pr_mem_config_is_key(key)) {
        return usage_error("unknown -X option: %s", opt);
    }
    char err[256];
    if (pr_mem_config_set(&o->mem, key, eq + 1, err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    return 0;
}

/* Reads a count for --alloc-demo. Returns: 0, or 2 after reporting an error. */
static int demo_number(const char *text, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || end == text || *end || text[0] == '-') {
        return usage_error("--alloc-demo takes whole numbers, not '%s'", text);
    }
    *out = (size_t)v;
    return 0;
}

static int parse_alloc_demo(CliOptions *o, int argc, char **argv, int i)
{
    size_t *fields[] = {&o->demo.count, &o->demo.size, &o->demo.keep_every};
    o->action = ACT_ALLOC_DEMO;
    for (size_t f = 0; f < 3 && i < argc; f++, i++) {
        if (demo_number(argv[i], fields[f])) {
            return 2;
        }
    }
    if (i < argc) {
        return usage_error("--alloc-demo takes at most three numbers: %s", argv[i]);
    }
    if (o->demo.size == 0 || o->demo.count == 0) {
        return usage_error("--alloc-demo needs a count and size above zero%s", "");
    }
    return 0;
}

/* Parses argv into *o. Returns: 0 to go on, 1 when the work is done (help, version), 2 on a
 * usage error. */
static int parse_args(CliOptions *o, int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            return 1;
        }
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("pyrena %s (Python %s subset)\n", PR_VERSION, PR_PYTHON_VERSION);
            return 1;
        }
        if (strcmp(a, "--alloc-demo") == 0) {
            return parse_alloc_demo(o, argc, argv, i + 1);
        }
        if (strcmp(a, "-c") == 0 || strcmp(a, "-X") == 0) {
            if (i + 1 >= argc) {
                return usage_error("option %s requires an argument", a);
            }
            if (a[1] == 'X') {
                if (set_x_option(o, argv[++i])) {
                    return 2;
                }
                continue;
            }
            o->action = ACT_COMMAND;
            o->target = argv[i + 1];
            o->argi = i + 2;
            return 0;
        }
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        return usage_error("unknown option: %s", a);
    }
    if (i < argc) {
        o->action = ACT_FILE;
        o->target = argv[i];
        o->argi = i + 1;
    }
    return 0;
}

/* Reads a whole file through the raw layer. Returns: the text (free with pr_raw_free), or NULL
 * after printing CPython's message for a file that cannot be opened. */
static char *read_file(const char *path, const char *shown, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!f) {
        fprintf(stderr, "pyrena: can't open file '%s': [Errno %d] %s\n", shown, errno,
                strerror(errno));
        return NULL;
    }
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 65536;
            char *grown = pr_raw_realloc(buf, cap);
            if (!grown) {
                pr_raw_free(buf);
                fclose(f);
                fputs("pyrena: out of memory reading the program\n", stderr);
                return NULL;
            }
            buf = grown;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0) {
            break;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Scope analysis reports positions without the source line; find it for the printer. */
static void fill_error_text(PrSyntaxError *err, const char *src, size_t len)
{
    if (err->text || err->lineno < 1) {
        return;
    }
    const char *p = src, *end = src + len;
    for (int line = 1; line < err->lineno && p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    err->text = p;
    err->text_len = (size_t)((eol ? eol : end) - p);
}

static int report_compile_error(const PrSyntaxError *err)
{
    if (err->no_memory) {
        fputs("MemoryError\n", stderr);
    } else if (err->overflow) {
        fprintf(stderr, "RecursionError: %s\n", err->msg);
    } else {
        pr_syntax_error_print(stderr, err);
    }
    return 1;
}

/* Prints the bytecode listing of the program (-X dis). Returns: the exit status. */
static int print_bytecode(const PrAstMod *mod, PrScopeTable *scopes, const char *name)
{
    if (pr_interp_init() < 0) {
        fputs("pyrena: cannot start the interpreter\n", stderr);
        return 1;
    }
    PrObject *code = pr_compile(mod, scopes, name, PR_COMPILE_EXEC);
    if (!code) {
        return pr_run_report_exception();
    }
    int status = pr_dis_print(stdout, code) < 0 ? pr_run_report_exception() : 0;
    PR_DECREF(code);
    return status;
}

/* The -X ast / symtable / dis listings: the program is compiled, not run. */
static int print_listings(const CliOptions *o, const char *src, size_t len, const char *name)
{
    PrSyntaxError err;
    PrArena *arena = pr_arena_new();
    int status = 1;
    if (!arena) {
        fputs("MemoryError\n", stderr);
        return 1;
    }
    PrAstMod *mod = pr_parse(src, len, name, PR_PARSE_FILE, arena, &err);
    PrScopeTable *scopes = mod ? pr_scope_analyze(mod, name, arena, &err) : NULL;
    if (!scopes) {
        fill_error_text(&err, src, len);
        status = report_compile_error(&err);
    } else {
        status = 0;
        if (o->dump_ast) {
            pr_ast_dump(stdout, mod, 2);
            putchar('\n');
        }
        if (o->dump_symtable) {
            pr_scope_dump(stdout, scopes);
        }
        if (o->dump_dis) {
            status = print_bytecode(mod, scopes, name);
        }
    }
    pr_arena_free(arena);
    return status;
}

static int run_program(const CliOptions *o, const char *src, size_t len, const char *name)
{
    if (o->dump_ast || o->dump_symtable || o->dump_dis) {
        return print_listings(o, src, len, name);
    }
    return pr_run_source(src, len, name, NULL);
}

/* CPython 3.9+ names the main script by its absolute path, joined to the working directory
 * without normalising (`./x.py` -> `/cwd/./x.py`). Returns: a raw-layer string, or NULL. */
static char *absolute_path(const char *path)
{
    char cwd[4096];
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd)) {
        cwd[0] = '\0';
    }
    size_t n = strlen(cwd) + 1 + strlen(path) + 1;
    char *abs = pr_raw_malloc(n);
    if (abs) {
        snprintf(abs, n, "%s%s%s", cwd, cwd[0] ? "/" : "", path);
    }
    return abs;
}

static int run(const CliOptions *o, int argc, char **argv)
{
    if (o->action == ACT_ALLOC_DEMO) {
        return pr_alloc_demo_run(stdout, &o->demo);
    }
    if (pr_interp_init() < 0) {
        fputs("pyrena: cannot start the interpreter\n", stderr);
        return 1;
    }
    pr_signals_install();
    pr_sys_set_argv(o->action == ACT_COMMAND ? "-c" : o->target, argv + o->argi, argc - o->argi);
    if (o->action == ACT_COMMAND) {
        return run_program(o, o->target, strlen(o->target), "<string>");
    }
    size_t len = 0;
    char *name = absolute_path(o->target);
    char *src = name ? read_file(o->target, name, &len) : NULL;
    int status = 2;
    if (src) {
        status = run_program(o, src, len, name);
    } else if (!name) {
        fputs("pyrena: out of memory\n", stderr);
    }
    pr_raw_free(name);
    pr_raw_free(src);
    return status;
}

static int start_allocator(CliOptions *o)
{
    char err[256];
    if (pr_mem_config_check(&o->mem, err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    if (pr_mem_init(&o->mem) < 0) {
        fputs("pyrena: cannot start the allocator: out of memory\n", stderr);
        return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    CliOptions o = {.demo = {.count = 1000000, .size = 56, .keep_every = 100}};
    char err[256];
    pr_mem_config_default(&o.mem);
    if (pr_mem_config_from_env(&o.mem, err, sizeof err) < 0) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    int st = parse_args(&o, argc, argv);
    if (st) {
        return st == 1 ? 0 : 2;
    }
    if (o.action == ACT_NONE) {
        fputs("pyrena: the interactive prompt is not built yet; "
              "give a file or -c\n", stderr);
        return 2;
    }
    if (start_allocator(&o)) {
        return 2;
    }
    int status = run(&o, argc, argv);
    fflush(stdout);
    pr_interp_finalize();
    if (o.mallocstats) {
        pr_mem_print_stats(stderr);
    }
    size_t live = pr_mem_finalize();
    if (o.leakcheck && live) {
        fprintf(stderr, "pyrena: %zu blocks still in use after the interpreter shut down\n", live);
        return 3;
    }
    if (status == PR_EXIT_SIGINT) {
        pr_signals_exit_by_sigint();
        return 130;
    }
    return status;
}
