/* stdlib/sys.c — the sys module (stdlib/sys.h): one row per function in sys_methods, the
 * constants and objects filled in by pr_sys_module_init. Sizes and reference counts are the
 * real ones of this interpreter (objects/object.h's pr_object_sizeof, the refcnt field). */
#include "stdlib/sys.h"

#include "cli/version.h"
#include "memory/obmalloc.h"
#include "objects/dict.h"
#include "objects/iterate.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "stdlib/fileio.h"
#include "stdlib/modules.h"
#include "vm/errors.h"
#include "vm/eval.h"

#include <limits.h>
#include <stdlib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void pr_sys_set_argv(const char *argv0, char *const *args, int nargs)
{
    pr_interp.sys.argv0 = argv0;
    pr_interp.sys.args = args;
    pr_interp.sys.nargs = nargs;
}

PrObject *pr_sys_stdout_override_borrow(void)
{
    PrObject *modules = pr_interp.sys.modules;
    PrObject *sys = modules ? pr_dict_getitem_cstr_borrow(modules, "sys") : NULL;
    if (!sys || PR_TYPE_OF(sys) != PR_TYPE(module)) {
        return NULL;
    }
    PrObject *out = pr_dict_getitem_cstr_borrow(pr_module_dict_borrow(sys), "stdout");
    return out && out != pr_interp.sys.std[1] ? out : NULL;
}

/* ---- functions ------------------------------------------------------------------------------ */

static int check_nargs(const char *func, size_t nargs, size_t min, size_t max)
{
    if (nargs < min || nargs > max) {
        size_t n = nargs < min ? min : max;
        pr_err_format(PR_EXC(TypeError), "%s expected at %s %zu argument%s, got %zu", func,
                      nargs < min ? "least" : "most", n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* sys.exit([status]): raises SystemExit as CPython's PyErr_SetObject makes it: None gives
 * SystemExit(), a tuple gives SystemExit(*status), anything else SystemExit(status). */
static PrObject *sys_exit(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (check_nargs("exit", nargs, 0, 1) < 0) {
        return NULL;
    }
    if (nargs == 1 && args[0] == PR_None) {
        nargs = 0;
    } else if (nargs == 1 && PR_TUPLE_CHECK(args[0])) {
        nargs = (size_t)PR_TUPLE_SIZE(args[0]);
        args = PR_TUPLE_ITEMS(args[0]);
    }
    PrObject *exc = pr_object_call((PrObject *)PR_EXC(SystemExit), args, nargs, NULL);
    if (!exc) {
        return NULL;
    }
    pr_err_set_object(PR_EXC(SystemExit), exc);
    PR_DECREF(exc);
    return NULL;
}

static PrObject *sys_getsizeof(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (nargs == 0) {
        return pr_err_set(PR_EXC(TypeError), "getsizeof() missing required argument 'object' "
                                             "(pos 1)");
    }
    if (check_nargs("getsizeof", nargs, 1, 2) < 0) {
        return NULL;
    }
    return pr_long_from_int64(pr_object_sizeof(args[0]));
}

/* The argument's own reference from the caller's stack is counted, as in CPython. */
static PrObject *sys_getrefcount(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return pr_long_from_int64(args[0]->refcnt);
}

static PrObject *sys_getrecursionlimit(PrObject *self, PrObject *const *args, size_t nargs,
                                       PrObject *kw)
{
    return pr_long_from_int64(pr_vm_recursion_limit());
}

static PrObject *sys_setrecursionlimit(PrObject *self, PrObject *const *args, size_t nargs,
                                       PrObject *kw)
{
    ssize_t limit;
    if (PR_TYPE_OF(args[0]) == PR_TYPE(float)) {
        return pr_err_set(PR_EXC(TypeError), "'float' object cannot be interpreted as an integer");
    }
    if (pr_index_as_ssize(args[0], &limit, PR_EXC(OverflowError)) < 0) {
        return NULL;
    }
    if (limit > INT_MAX || limit < INT_MIN) {
        return pr_err_set(PR_EXC(OverflowError), "Python int too large to convert to C int");
    }
    if (pr_vm_set_recursion_limit((int)limit) < 0) {
        return NULL;
    }
    PR_RETURN_NONE;
}

static PrObject *sys_get_int_max_str_digits(PrObject *self, PrObject *const *args, size_t nargs,
                                            PrObject *kw)
{
    return pr_long_from_int64(pr_long_get_max_str_digits());
}

static PrObject *sys_set_int_max_str_digits(PrObject *self, PrObject *const *args, size_t nargs,
                                            PrObject *kw)
{
    ssize_t n;
    if (pr_index_as_ssize(args[0], &n, PR_EXC(OverflowError)) < 0 ||
        pr_long_set_max_str_digits(n) < 0) {
        return NULL;
    }
    PR_RETURN_NONE;
}

static PrObject *sys_intern(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (!PR_STR_CHECK_EXACT(args[0])) {
        return pr_err_format(PR_EXC(TypeError), "intern() argument must be str, not %s",
                             PR_TYPE_OF(args[0])->name);
    }
    PrObject *s = PR_NEWREF(args[0]);
    if (pr_str_intern_inplace(&s) < 0) {
        PR_DECREF(s);
        return NULL;
    }
    return s;
}

/* Prints the allocator's statistics to stderr, as CPython's does (after flushing stdout). */
static PrObject *sys_debugmallocstats(PrObject *self, PrObject *const *args, size_t nargs,
                                      PrObject *kw)
{
    fflush(stdout);
    pr_mem_print_stats(stderr);
    PR_RETURN_NONE;
}

static const PrMethodDef sys_methods[] = {
    {"exit", sys_exit, PR_METH_VARARGS, "Exit the interpreter by raising SystemExit(status)."},
    {"getsizeof", sys_getsizeof, PR_METH_VARARGS, "Return the size of object in bytes."},
    {"getrefcount", sys_getrefcount, PR_METH_O, "Return the reference count of object."},
    {"getrecursionlimit", sys_getrecursionlimit, PR_METH_NOARGS,
     "Return the current value of the recursion limit."},
    {"setrecursionlimit", sys_setrecursionlimit, PR_METH_O,
     "Set the maximum depth of the Python interpreter stack to n."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, PR_METH_NOARGS,
     "Return the maximum string digits limit for non-binary int<->str conversions."},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, PR_METH_O,
     "Set the maximum string digits limit for non-binary int<->str conversions."},
    {"intern", sys_intern, PR_METH_O, "``Intern'' the given string."},
    {"_debugmallocstats", sys_debugmallocstats, PR_METH_NOARGS,
     "Print summary info to stderr about the state of pymalloc's structures."},
    {NULL, NULL, 0, NULL},
};

/* ---- values --------------------------------------------------------------------------------- */

static PrObject *make_argv(void)
{
    PrObject *argv = pr_list_new(0);
    const char *argv0 = pr_interp.sys.argv0 ? pr_interp.sys.argv0 : "";
    for (int i = -1; argv && i < pr_interp.sys.nargs; i++) {
        PrObject *s = pr_str_from_cstr(i < 0 ? argv0 : pr_interp.sys.args[i]);
        if (!s || pr_list_append(argv, s) < 0) {
            PR_CLEAR(argv);
        }
        PR_XDECREF(s);
    }
    return argv;
}

/* sys.path: the script's real folder (or '' for -c), as CPython's first entry. */
static PrObject *make_path(void)
{
    const char *argv0 = pr_interp.sys.argv0 ? pr_interp.sys.argv0 : "";
    char real[PATH_MAX];
    PrObject *dir;
    if (strcmp(argv0, "-c") == 0 || !realpath(argv0, real)) {
        dir = pr_str_from_cstr("");
    } else {
        const char *slash = strrchr(real, '/');
        dir = pr_str_from_utf8(real, slash == real ? 1 : slash - real);
    }
    PrObject *path = dir ? pr_list_from_array(&dir, 1) : NULL;
    PR_XDECREF(dir);
    return path;
}

static PrObject *make_executable(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    return pr_str_from_utf8(buf, n > 0 ? n : 0);
}

static PrObject *make_version_info(void)
{
    PrObject *major = pr_long_from_int64(3), *minor = pr_long_from_int64(11);
    PrObject *micro = pr_long_from_int64(0), *level = pr_str_from_cstr("final");
    PrObject *serial = pr_long_from_int64(0), *t = NULL;
    if (major && minor && micro && level && serial) {
        t = pr_tuple_pack(5, major, minor, micro, level, serial);
    }
    PR_XDECREF(major);
    PR_XDECREF(minor);
    PR_XDECREF(micro);
    PR_XDECREF(level);
    PR_XDECREF(serial);
    return t;
}

static int add_streams(PrObject *m)
{
    static const char *const names[] = {"stdin", "stdout", "stderr"};
    static const char *const dunders[] = {"__stdin__", "__stdout__", "__stderr__"};
    for (int i = 0; i < 3; i++) {
        PrObject *f = pr_file_std_borrow(i);
        if (!f || pr_dict_setitem_cstr(pr_module_dict_borrow(m), names[i], f) < 0 ||
            pr_dict_setitem_cstr(pr_module_dict_borrow(m), dunders[i], f) < 0) {
            return -1;
        }
    }
    return 0;
}

int pr_sys_module_init(PrObject *m)
{
    PrObject *modules = pr_modules_dict_borrow();
    if (!modules || pr_module_add_functions(m, sys_methods) < 0 ||
        pr_module_add_steal(m, "argv", make_argv()) < 0 ||
        pr_module_add_steal(m, "path", make_path()) < 0 ||
        pr_module_add_steal(m, "modules", PR_NEWREF(modules)) < 0 ||
        pr_module_add_steal(m, "executable", make_executable()) < 0 ||
        pr_module_add_steal(m, "version_info", make_version_info()) < 0 ||
        pr_module_add_steal(m, "version",
                            pr_str_from_cstr(PR_PYTHON_VERSION ".0 (pyrena " PR_VERSION ")")) < 0 ||
        pr_module_add_steal(m, "hexversion", pr_long_from_int64(0x030B00F0)) < 0 ||
        pr_module_add_steal(m, "maxsize", pr_long_from_int64(SSIZE_MAX)) < 0 ||
        pr_module_add_steal(m, "byteorder", pr_str_from_cstr(
                                                __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                                                    ? "little"
                                                    : "big")) < 0 ||
        pr_module_add_steal(m, "platform", pr_str_from_cstr("linux")) < 0 ||
        add_streams(m) < 0) {
        return -1;
    }
    return 0;
}
