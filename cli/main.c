/* cli/main.c — the pyrena command: parses the command line, starts the allocator with the
 * chosen preset, and hands the work to the library. What pyrena cannot do yet (run a compiled
 * script: the VM is not built) it says plainly instead of pretending. */
#include "cli/alloc_demo.h"
#include "cli/version.h"
#include "memory/obmalloc.h"
#include "memory/raw.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
    "usage: pyrena [option] ... [-c cmd | file | --alloc-demo [n [size [k]]]] [arg] ...\n"
    "Options:\n"
    "  -c cmd         program passed in as string\n"
    "  -h, --help     print this help message and exit\n"
    "  -V, --version  print the pyrena version number and exit\n"
    "  -X opt         set an implementation-specific option:\n"
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
    "\n"
    "Running programs needs the front end and the VM, which are not built yet.\n";

typedef enum CliAction { ACT_NONE, ACT_FILE, ACT_COMMAND, ACT_ALLOC_DEMO } CliAction;

typedef struct CliOptions {
    CliAction action;
    const char *target;   /* the file name or the -c text */
    int mallocstats;
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

static int run(const CliOptions *o)
{
    if (o->action == ACT_ALLOC_DEMO) {
        return pr_alloc_demo_run(stdout, &o->demo);
    }
    fputs("pyrena: running programs needs the front end and the VM, which are not built yet\n",
          stderr);
    return 2;
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
        fputs("pyrena: the interactive prompt needs the VM, which is not built yet; "
              "give a file or -c\n", stderr);
        return 2;
    }
    if (start_allocator(&o)) {
        return 2;
    }
    int status = run(&o);
    if (o.mallocstats) {
        pr_mem_print_stats(stderr);
    }
    pr_mem_finalize();
    return status;
}
