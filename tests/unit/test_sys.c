/* tests/unit/test_sys.c — the sys and os modules (stdlib/sys.h, stdlib/os.c) and SystemExit at
 * the top level (vm/run.h): argv, getsizeof, getrefcount, the recursion limit and its errors,
 * exit statuses, OSError from errno. Expected values from python3.11. */
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/tuple.h"
#include "stdlib/modules.h"
#include "stdlib/sys.h"
#include "tests/unit/objtest.h"
#include "vm/run.h"

#include <errno.h>
#include <stdio.h>

/* module.func(arg) (arg NULL: no argument). */
static PrObject *call(const char *module, const char *func, PrObject *arg)
{
    PrObject *m = pr_import_module_cstr(module);
    ck_assert_ptr_nonnull(m);
    PrObject *f = pr_object_getattr_cstr(m, func);
    ck_assert_ptr_nonnull(f);
    PrObject *r = pr_object_call(f, &arg, arg ? 1 : 0, NULL);
    PR_DECREF(f);
    PR_DECREF(m);
    return r;
}

static int64_t as_int(PrObject *o)
{
    int64_t v = 0;
    ck_assert_ptr_nonnull(o);
    ck_assert_int_eq(pr_long_as_int64(o, &v), 0);
    PR_DECREF(o);
    return v;
}

START_TEST(test_argv)
{
    char *args[] = {"one", "two"};
    pr_sys_set_argv("prog.py", args, 2);
    PrObject *sys = pr_import_module_cstr("sys");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(sys, "argv"), "['prog.py', 'one', 'two']");
    PR_DECREF(sys);
}
END_TEST

START_TEST(test_sizes_and_refcounts)
{
    PrObject *zero = pr_long_from_int64(0), *big = pr_long_from_int64(1LL << 40);
    ck_assert_int_eq(as_int(call("sys", "getsizeof", zero)), 28);
    ck_assert_int_eq(as_int(call("sys", "getsizeof", big)), 32);
    ck_assert_int_eq(as_int(call("sys", "getsizeof", pr_interp.tuple.empty)), 40);
    PrObject *l = pr_list_new(0);
    ck_assert_int_eq(as_int(call("sys", "getsizeof", l)), 56);
    ck_assert_int_eq(as_int(call("sys", "getrefcount", l)), 1);
    PR_INCREF(l);
    ck_assert_int_eq(as_int(call("sys", "getrefcount", l)), 2);
    PR_DECREF(l);
    PR_DECREF(l);
    PR_DECREF(zero);
    PR_DECREF(big);
    ck_assert_ptr_null(call("sys", "getsizeof", NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "getsizeof() missing required argument 'object' (pos 1)");
}
END_TEST

START_TEST(test_recursion_limit)
{
    ck_assert_int_eq(as_int(call("sys", "getrecursionlimit", NULL)), 1000);
    PrObject *v = pr_long_from_int64(50);
    PrObject *r = call("sys", "setrecursionlimit", v);
    ck_assert_ptr_eq(r, PR_None);
    PR_DECREF(r);
    PR_DECREF(v);
    ck_assert_int_eq(pr_interp.vm.recursion_limit, 50);
    v = pr_long_from_int64(0);
    ck_assert_ptr_null(call("sys", "setrecursionlimit", v));
    ASSERT_RAISED(PR_EXC(ValueError), "recursion limit must be greater or equal than 1");
    PR_DECREF(v);
    v = objtest_str("9");
    ck_assert_ptr_null(call("sys", "setrecursionlimit", v));
    ASSERT_RAISED(PR_EXC(TypeError), "'str' object cannot be interpreted as an integer");
    PR_DECREF(v);
}
END_TEST

START_TEST(test_exit_raises)
{
    PrObject *v = pr_long_from_int64(4);
    ck_assert_ptr_null(call("sys", "exit", v));
    PrObject *exc = pr_err_fetch();
    ck_assert_ptr_eq(exc->type, PR_EXC(SystemExit));
    ASSERT_REPR(exc, "SystemExit(4)");
    PR_DECREF(exc);
    PR_DECREF(v);
    ck_assert_ptr_null(call("sys", "exit", PR_None));
    exc = pr_err_fetch();
    ASSERT_REPR(exc, "SystemExit()");
    PR_DECREF(exc);
}
END_TEST

/* The exit status of a program: SystemExit's code, as CPython. */
START_TEST(test_run_exit_status)
{
    static const struct {
        const char *src;
        int status;
    } cases[] = {
        {"import sys\nsys.exit(3)\n", 3},
        {"import sys\nsys.exit()\n", 0},
        {"raise SystemExit(None)\n", 0},
        {"raise SystemExit(0)\n", 0},
        {"raise SystemExit(True)\n", 1},
        {"x = 1\n", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_int_eq(pr_run_source(cases[i].src, strlen(cases[i].src), "<test>", NULL),
                         cases[i].status);
    }
}
END_TEST

START_TEST(test_oserror_from_errno)
{
    PrObject *name = objtest_str("gone.txt");
    pr_err_set_from_errno(ENOENT, name);
    PrObject *exc = pr_err_fetch();
    ck_assert_ptr_eq(exc->type, PR_EXC(FileNotFoundError));
    ASSERT_STR(exc, "[Errno 2] No such file or directory: 'gone.txt'");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(exc, "errno"), "2");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(exc, "filename"), "'gone.txt'");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(exc, "args"), "(2, 'No such file or directory')");
    PR_DECREF(exc);
    pr_err_set_from_errno(EACCES, NULL);
    ASSERT_RAISED(PR_EXC(PermissionError), "[Errno 13] Permission denied");
    pr_err_set_from_errno(EDOM, NULL);
    ASSERT_RAISED(PR_EXC(OSError), "[Errno 33] Numerical argument out of domain");
    ck_assert_ptr_null(call("os", "remove", name));
    ASSERT_RAISED(PR_EXC(FileNotFoundError), "[Errno 2] No such file or directory: 'gone.txt'");
    PR_DECREF(name);
}
END_TEST

Suite *pr_test_sys_suite(void)
{
    Suite *s = suite_create("sys");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_argv);
    tcase_add_test(tc, test_sizes_and_refcounts);
    tcase_add_test(tc, test_recursion_limit);
    tcase_add_test(tc, test_exit_raises);
    tcase_add_test(tc, test_run_exit_status);
    tcase_add_test(tc, test_oserror_from_errno);
    suite_add_tcase(s, tc);
    return s;
}
