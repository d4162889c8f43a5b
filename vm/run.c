/* vm/run.c — source to result (vm/run.h): the whole pipeline, and the reporting of what a
 * program lets escape. */
#include "vm/run.h"

#include "lexer/syntax_error.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/long.h"
#include "objects/str.h"
#include "parser/arena.h"
#include "parser/parser.h"
#include "parser/scope.h"
#include "stdlib/modules.h"
#include "vm/compile.h"
#include "vm/errors.h"
#include "vm/eval.h"
#include "vm/signals.h"
#include "vm/traceback.h"

#include <stdio.h>
#include <string.h>

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

static int report_syntax_error(PrSyntaxError *err, const char *src, size_t len)
{
    fflush(stdout);
    if (err->no_memory) {
        fputs("MemoryError\n", stderr);
    } else if (err->overflow) {
        fprintf(stderr, "RecursionError: %s\n", err->msg);
    } else {
        fill_error_text(err, src, len);
        pr_syntax_error_print(stderr, err);
    }
    return 1;
}

/* SystemExit's status: code None -> 0, an int -> itself, else str(code) on stderr and 1. */
static int system_exit_status(PrObject *exc)
{
    PrObject *code = ((PrSystemExit *)exc)->code;
    if (!code || code == PR_None) {
        return 0;
    }
    int64_t v;
    if (PR_LONG_CHECK(code) && pr_long_as_int64(code, &v) == 0) {
        return (int)v;
    }
    pr_err_clear();
    PrObject *s = pr_object_str(code);
    if (s) {
        fprintf(stderr, "%s\n", pr_str_utf8(s));
        PR_DECREF(s);
    } else {
        pr_err_clear();
    }
    return 1;
}

int pr_run_report_exception(void)
{
    PrObject *exc = pr_err_fetch();
    if (!exc) {
        return 0;
    }
    int status = 1;
    fflush(stdout);
    if (pr_object_is_instance(exc, PR_EXC(SystemExit))) {
        status = system_exit_status(exc);
    } else {
        pr_traceback_print_exception(stderr, exc);
        if (pr_object_is_instance(exc, PR_EXC(KeyboardInterrupt))) {
            status = PR_EXIT_SIGINT;
        }
    }
    pr_err_set_handled(NULL);
    PR_DECREF(exc);
    return status;
}

/* The namespace of __main__: __name__, __doc__, __builtins__ (the module) and, for a file,
 * __file__. */
static PrObject *main_namespace(const char *filename)
{
    PrObject *ns = pr_dict_new(), *name = pr_str_from_cstr("__main__"), *file = NULL;
    PrObject *builtins = pr_import_module_cstr("builtins");
    int ok = ns && name && builtins && pr_dict_setitem_cstr(ns, "__name__", name) == 0 &&
             pr_dict_setitem_cstr(ns, "__doc__", PR_None) == 0 &&
             pr_dict_setitem_cstr(ns, "__builtins__", builtins) == 0;
    PR_XDECREF(builtins);
    if (ok && filename[0] != '<') {
        ok = (file = pr_str_from_cstr(filename)) && pr_dict_setitem_cstr(ns, "__file__", file) == 0;
    }
    PR_XDECREF(name);
    PR_XDECREF(file);
    if (!ok) {
        PR_CLEAR(ns);
    }
    return ns;
}

int pr_run_source(const char *src, size_t len, const char *filename, PrObject *globals)
{
    if (pr_interp_init() < 0) {
        fputs("Fatal Python error: cannot initialise the interpreter\n", stderr);
        return 1;
    }
    PrArena *arena = pr_arena_new();
    if (!arena) {
        fputs("MemoryError\n", stderr);
        return 1;
    }
    PrSyntaxError err;
    int status = 1;
    PrObject *code = NULL, *ns = globals, *result = NULL;
    PrAstMod *mod = pr_parse(src, len, filename, PR_PARSE_FILE, arena, &err);
    PrScopeTable *scopes = mod ? pr_scope_analyze(mod, filename, arena, &err) : NULL;
    if (!scopes) {
        status = report_syntax_error(&err, src, len);
        goto done;
    }
    code = pr_compile(mod, scopes, filename, PR_COMPILE_EXEC);
    if (!code) {
        status = pr_run_report_exception();
        goto done;
    }
    if (!ns && (!(ns = main_namespace(filename)) || pr_modules_set_main(ns) < 0)) {
        status = pr_run_report_exception();
        goto done;
    }
    result = pr_eval_code(code, ns, ns);
    status = result ? 0 : pr_run_report_exception();
    fflush(stdout);
done:
    PR_XDECREF(result);
    PR_XDECREF(code);
    if (ns && ns != globals) {
        pr_dict_clear(ns);
        PR_DECREF(ns);
    }
    pr_arena_free(arena);
    return status;
}
