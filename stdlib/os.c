/* stdlib/os.c — a first os module and os.path (posixpath), registered in stdlib/modules.def:
 * real system calls (getpid, remove, listdir, getcwd, sysconf, stat) with CPython's errors
 * (OSError subclasses from errno), and the string functions of posixpath. Paths are str only:
 * bytes paths and os.PathLike objects are not accepted yet. */
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/module.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "stdlib/modules.h"
#include "vm/errors.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

/* A path argument of func: a str without NUL. with_int adds "or integer" to the message, as
 * stat's. Returns: 0, or -1 with TypeError or ValueError "embedded null byte". */
static int path_arg(const char *func, PrObject *o, int with_int)
{
    if (PR_STR_CHECK(o)) {
        if ((ssize_t)strlen(PR_STR_DATA(o)) != PR_STR_BYTES(o)) {
            pr_err_set(PR_EXC(ValueError), "embedded null byte");
            return -1;
        }
        return 0;
    }
    pr_err_format(PR_EXC(TypeError), "%s: path should be string, bytes%s os.PathLike%s, not %s",
                  func, with_int ? "," : " or", with_int ? " or integer" : "",
                  PR_TYPE_OF(o)->name);
    return -1;
}

/* ============================================================================================
 *  os
 * ============================================================================================ */

static PrObject *os_getpid(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return pr_long_from_int64(getpid());
}

static PrObject *os_getcwd(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    char buf[4096];
    return getcwd(buf, sizeof buf) ? pr_str_from_cstr(buf) : pr_err_set_from_errno(errno, NULL);
}

static PrObject *os_remove(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (path_arg("remove", args[0], 0) < 0) {
        return NULL;
    }
    if (unlink(PR_STR_DATA(args[0])) != 0) {
        return pr_err_set_from_errno(errno, args[0]);
    }
    PR_RETURN_NONE;
}

static PrObject *os_listdir(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (nargs > 1) {
        return pr_err_format(PR_EXC(TypeError), "listdir expected at most 1 argument, got %zu",
                             nargs);
    }
    PrObject *path = nargs ? args[0] : NULL;
    if (path && path_arg("listdir", path, 1) < 0) {
        return NULL;
    }
    DIR *d = opendir(path ? PR_STR_DATA(path) : ".");
    if (!d) {
        return pr_err_set_from_errno(errno, path);
    }
    PrObject *names = pr_list_new(0);
    struct dirent *e;
    while (names && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        PrObject *s = pr_str_from_cstr(e->d_name);
        if (!s || pr_list_append(names, s) < 0) {
            PR_CLEAR(names);
        }
        PR_XDECREF(s);
    }
    closedir(d);
    return names;
}

/* The sysconf names pyrena knows (CPython's table has more). */
static const struct {
    const char *name;
    int value;
} sysconf_table[] = {
    {"SC_ARG_MAX", _SC_ARG_MAX},
    {"SC_CLK_TCK", _SC_CLK_TCK},
    {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF},
    {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN},
    {"SC_OPEN_MAX", _SC_OPEN_MAX},
    {"SC_PAGESIZE", _SC_PAGESIZE},
    {"SC_PAGE_SIZE", _SC_PAGE_SIZE},
    {"SC_PHYS_PAGES", _SC_PHYS_PAGES},
};
#define N_SYSCONF (sizeof sysconf_table / sizeof sysconf_table[0])

static PrObject *os_sysconf(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    int64_t code = -1;
    PrObject *name = args[0];
    if (PR_STR_CHECK(name)) {
        for (size_t i = 0; i < N_SYSCONF && code < 0; i++) {
            code = pr_str_eq_cstr(name, sysconf_table[i].name) ? sysconf_table[i].value : -1;
        }
        if (code < 0) {
            return pr_err_set(PR_EXC(ValueError), "unrecognized configuration name");
        }
    } else if (!PR_LONG_CHECK(name)) {
        return pr_err_set(PR_EXC(TypeError), "configuration names must be strings or integers");
    } else if (pr_long_as_int64(name, &code) < 0) {
        return NULL;
    }
    errno = 0;
    long v = sysconf((int)code);
    if (v == -1 && errno) {
        return pr_err_set_from_errno(errno, NULL);
    }
    return pr_long_from_int64(v);
}

static PrObject *make_sysconf_names(void)
{
    PrObject *d = pr_dict_new();
    for (size_t i = 0; d && i < N_SYSCONF; i++) {
        PrObject *v = pr_long_from_int64(sysconf_table[i].value);
        if (!v || pr_dict_setitem_cstr(d, sysconf_table[i].name, v) < 0) {
            PR_CLEAR(d);
        }
        PR_XDECREF(v);
    }
    return d;
}

/* os.environ as a dict of str (CPython's is a mapping that also calls putenv). */
static PrObject *make_environ(void)
{
    PrObject *d = pr_dict_new();
    for (char **e = environ; d && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) {
            continue;
        }
        PrObject *k = pr_str_from_utf8(*e, eq - *e), *v = k ? pr_str_from_cstr(eq + 1) : NULL;
        if (!v) {
            pr_err_clear(); /* a variable that is not UTF-8 is left out */
        } else if (pr_dict_setitem(d, k, v) < 0) {
            PR_CLEAR(d);
        }
        PR_XDECREF(k);
        PR_XDECREF(v);
    }
    return d;
}

static const PrMethodDef os_methods[] = {
    {"getpid", os_getpid, PR_METH_NOARGS, "Return the current process id."},
    {"getcwd", os_getcwd, PR_METH_NOARGS, "Return a unicode string of the current directory."},
    {"remove", os_remove, PR_METH_O, "Remove a file (same as unlink())."},
    {"unlink", os_remove, PR_METH_O, "Remove a file (same as remove())."},
    {"listdir", os_listdir, PR_METH_VARARGS, "Return a list of the entries in the directory."},
    {"sysconf", os_sysconf, PR_METH_O, "Return an integer-valued system configuration value."},
    {NULL, NULL, 0, NULL},
};

int pr_os_module_init(PrObject *m)
{
    PrObject *path = pr_import_module_cstr("posixpath");
    PrObject *modules = pr_modules_dict_borrow();
    if (!path || pr_dict_setitem_cstr(modules, "os.path", path) < 0) {
        PR_XDECREF(path);
        return -1;
    }
    if (pr_module_add_steal(m, "path", path) < 0 || pr_module_add_functions(m, os_methods) < 0 ||
        pr_module_add_steal(m, "name", pr_str_from_cstr("posix")) < 0 ||
        pr_module_add_steal(m, "sep", pr_str_from_cstr("/")) < 0 ||
        pr_module_add_steal(m, "linesep", pr_str_from_cstr("\n")) < 0 ||
        pr_module_add_steal(m, "environ", make_environ()) < 0 ||
        pr_module_add_steal(m, "sysconf_names", make_sysconf_names()) < 0) {
        return -1;
    }
    return 0;
}

/* ============================================================================================
 *  os.path (posixpath)
 * ============================================================================================ */

/* stat(path): 0, or -1 with errno set; a TypeError for a non-str is raised (returns -2). */
static int stat_path(PrObject *path, struct stat *st)
{
    if (path_arg("stat", path, 1) < 0) {
        return -2;
    }
    return stat(PR_STR_DATA(path), st) == 0 ? 0 : -1;
}

/* exists/isfile/isdir: False for any stat failure (an embedded NUL too), as CPython. */
static PrObject *stat_test(PrObject *path, unsigned mask)
{
    struct stat st;
    int r = stat_path(path, &st);
    if (r == -2 && pr_err_matches((PrObject *)PR_EXC(ValueError))) {
        pr_err_clear();
    } else if (r == -2) {
        return NULL;
    }
    return PR_NEWREF(r == 0 && (!mask || (st.st_mode & S_IFMT) == mask) ? PR_True : PR_False);
}

static PrObject *path_exists(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return stat_test(args[0], 0);
}

static PrObject *path_isfile(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return stat_test(args[0], S_IFREG);
}

static PrObject *path_isdir(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return stat_test(args[0], S_IFDIR);
}

static PrObject *path_getsize(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    struct stat st;
    int r = stat_path(args[0], &st);
    if (r < 0) {
        return r == -2 ? NULL : pr_err_set_from_errno(errno, args[0]);
    }
    return pr_long_from_int64(st.st_size);
}

static int str_arg(PrObject *o)
{
    if (PR_STR_CHECK(o)) {
        return 0;
    }
    pr_err_format(PR_EXC(TypeError), "expected str, bytes or os.PathLike object, not %s",
                  PR_TYPE_OF(o)->name);
    return -1;
}

/* The index just after the last '/' of s (0 when none). */
static ssize_t after_last_slash(PrObject *s)
{
    const char *p = strrchr(PR_STR_DATA(s), '/');
    return p ? p + 1 - PR_STR_DATA(s) : 0;
}

static PrObject *path_basename(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (str_arg(args[0]) < 0) {
        return NULL;
    }
    ssize_t i = after_last_slash(args[0]);
    return pr_str_from_utf8(PR_STR_DATA(args[0]) + i, PR_STR_BYTES(args[0]) - i);
}

/* posixpath.dirname: the head, without trailing slashes unless it is all slashes. */
static PrObject *path_dirname(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (str_arg(args[0]) < 0) {
        return NULL;
    }
    const char *s = PR_STR_DATA(args[0]);
    ssize_t n = after_last_slash(args[0]), k = n;
    while (k > 0 && s[k - 1] == '/') {
        k--;
    }
    return pr_str_from_utf8(s, k ? k : n);
}

/* posixpath.join: an absolute part restarts the path; a '/' goes between parts unless the path
 * so far is empty or ends with one. */
static PrObject *path_join(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    size_t start = 0;
    if (nargs == 0) {
        return pr_err_set(PR_EXC(TypeError), "join() missing 1 required positional argument: "
                                             "'a'");
    }
    for (size_t i = 0; i < nargs; i++) {
        if (!PR_STR_CHECK(args[i])) {
            return pr_err_format(PR_EXC(TypeError), "join() argument must be str, bytes, or "
                                 "os.PathLike object, not '%s'", PR_TYPE_OF(args[i])->name);
        }
        start = PR_STR_DATA(args[i])[0] == '/' ? i : start;
    }
    PrStrBuilder b;
    int empty = 1, slash = 0;
    pr_str_builder_init(&b);
    for (size_t i = start; i < nargs; i++) {
        ssize_t n = PR_STR_BYTES(args[i]);
        if (!empty && !slash) {
            pr_str_builder_append(&b, "/", 1);
        }
        pr_str_builder_append_str(&b, args[i]);
        slash = n ? PR_STR_DATA(args[i])[n - 1] == '/' : !empty;
        empty = empty && n == 0;
    }
    return pr_str_builder_finish(&b);
}

static PrObject *path_splitext(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (str_arg(args[0]) < 0) {
        return NULL;
    }
    const char *s = PR_STR_DATA(args[0]);
    ssize_t n = PR_STR_BYTES(args[0]), base = after_last_slash(args[0]), dot = -1;
    for (ssize_t i = base; i < n; i++) {
        dot = s[i] == '.' ? i : dot;
    }
    ssize_t lead = base; /* leading dots of the name do not start an extension */
    while (lead < n && s[lead] == '.') {
        lead++;
    }
    if (dot < lead) {
        dot = n;
    }
    PrObject *root = pr_str_from_utf8(s, dot), *ext = root ? pr_str_from_utf8(s + dot, n - dot)
                                                           : NULL;
    PrObject *t = ext ? pr_tuple_pack(2, root, ext) : NULL;
    PR_XDECREF(root);
    PR_XDECREF(ext);
    return t;
}

static const PrMethodDef posixpath_methods[] = {
    {"exists", path_exists, PR_METH_O, "Test whether a path exists."},
    {"isfile", path_isfile, PR_METH_O, "Test whether a path is a regular file."},
    {"isdir", path_isdir, PR_METH_O, "Return true if the pathname refers to an existing "
                                     "directory."},
    {"getsize", path_getsize, PR_METH_O, "Return the size of a file, reported by os.stat()."},
    {"basename", path_basename, PR_METH_O, "Returns the final component of a pathname."},
    {"dirname", path_dirname, PR_METH_O, "Returns the directory component of a pathname."},
    {"join", path_join, PR_METH_VARARGS, "Join two or more pathname components."},
    {"splitext", path_splitext, PR_METH_O, "Split the extension from a pathname."},
    {NULL, NULL, 0, NULL},
};

int pr_posixpath_module_init(PrObject *m)
{
    if (pr_module_add_functions(m, posixpath_methods) < 0 ||
        pr_module_add_steal(m, "sep", pr_str_from_cstr("/")) < 0) {
        return -1;
    }
    return 0;
}
