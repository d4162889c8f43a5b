/* tests/unit/test_module.c — module objects (objects/module.h) and the built-in module registry
 * with import (stdlib/modules.h): repr, attributes through the dict and CPython's errors, the
 * sys.modules cache, dotted names and fromlist, unknown names, out of memory while importing.
 * Expected texts from python3.11. */
#include "objects/dict.h"
#include "objects/long.h"
#include "objects/module.h"
#include "objects/tuple.h"
#include "stdlib/modules.h"
#include "tests/unit/objtest.h"

static PrObject *import(const char *name)
{
    PrObject *m = pr_import_module_cstr(name);
    ck_assert_ptr_nonnull(m);
    return m;
}

START_TEST(test_module_object)
{
    PrObject *m = pr_module_new("demo");
    ck_assert_ptr_nonnull(m);
    ASSERT_REPR(m, "<module 'demo' (built-in)>");
    PrObject *v = pr_long_from_int64(7), *x = objtest_str("x");
    ck_assert_int_eq(pr_object_setattr(m, x, v), 0);
    PR_DECREF(x);
    PR_DECREF(v);
    ck_assert_ptr_eq(pr_dict_getitem_cstr_borrow(pr_module_dict_borrow(m), "x"), v);
    PrObject *got = pr_object_getattr_cstr(m, "x");
    ck_assert_ptr_eq(got, v);
    PR_DECREF(got);
    ck_assert_ptr_null(pr_object_getattr_cstr(m, "missing"));
    ASSERT_RAISED(PR_EXC(AttributeError), "module 'demo' has no attribute 'missing'");
    PrObject *d = pr_object_getattr_cstr(m, "__dict__");
    ck_assert_ptr_eq(d, pr_module_dict_borrow(m));
    PR_DECREF(d);
    ASSERT_STR(pr_dict_getitem_cstr_borrow(pr_module_dict_borrow(m), "__name__"), "demo");
    PrObject *file = objtest_str("/tmp/demo.py");
    ck_assert_int_eq(pr_dict_setitem_cstr(pr_module_dict_borrow(m), "__file__", file), 0);
    PR_DECREF(file);
    ASSERT_REPR(m, "<module 'demo' from '/tmp/demo.py'>");
    PR_DECREF(m);
}
END_TEST

START_TEST(test_import_cache)
{
    PrObject *sys = import("sys"), *again = import("sys");
    ck_assert_ptr_eq(sys, again);
    ASSERT_REPR(sys, "<module 'sys' (built-in)>");
    PrObject *modules = pr_object_getattr_cstr(sys, "modules");
    ck_assert_ptr_eq(modules, pr_modules_dict_borrow());
    ck_assert_ptr_eq(pr_dict_getitem_cstr_borrow(modules, "sys"), sys);
    PR_DECREF(modules);
    PR_DECREF(again);
    PR_DECREF(sys);
}
END_TEST

START_TEST(test_import_dotted_and_fromlist)
{
    PrObject *name = objtest_str("os.path"), *zero = pr_long_from_int64(0);
    PrObject *top = pr_import_name(name, PR_None, zero);
    ASSERT_REPR(top, "<module 'os' (built-in)>");
    PrObject *from = pr_tuple_pack(1, name);
    PrObject *sub = pr_import_name(name, from, zero);
    ASSERT_REPR(sub, "<module 'posixpath' (built-in)>");
    PrObject *attr = pr_object_getattr_cstr(top, "path");
    ck_assert_ptr_eq(attr, sub);
    PrObject *objs[] = {name, zero, top, from, sub, attr};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_import_errors)
{
    ck_assert_ptr_null(pr_import_module_cstr("no_such"));
    ASSERT_RAISED(PR_EXC(ModuleNotFoundError), "No module named 'no_such'");
    ck_assert_ptr_null(pr_import_module_cstr("sys.nope"));
    ASSERT_RAISED(PR_EXC(ModuleNotFoundError), "No module named 'sys.nope'; 'sys' is not a package");
    PrObject *name = objtest_str("x.y"), *one = pr_long_from_int64(1);
    ck_assert_ptr_null(pr_import_name(name, PR_None, one));
    ASSERT_RAISED(PR_EXC(ImportError), "attempted relative import with no known parent package");
    PR_DECREF(one);
    one = pr_long_from_int64(0);
    ck_assert_ptr_null(pr_import_name(name, PR_None, one));
    ASSERT_RAISED(PR_EXC(ModuleNotFoundError), "No module named 'x'");
    PR_DECREF(one);
    PR_DECREF(name);
    ck_assert_ptr_null(pr_dict_getitem_cstr_borrow(pr_modules_dict_borrow(), "no_such"));
}
END_TEST

/* Every allocation of a first `import os` may fail: MemoryError, no leak, no half-made module
 * left in sys.modules. */
START_TEST(test_import_out_of_memory)
{
    int done = 0;
    for (long k = 0; k < 2000 && !done; k++) {
        pr_raw_fail_after(k);
        PrObject *m = pr_import_module_cstr("os");
        pr_raw_fail_after(-1);
        if (m) {
            done = 1;
            PR_DECREF(m);
        } else {
            ck_assert_ptr_eq(pr_err_occurred_borrow(), pr_interp.memory_error);
            pr_err_clear();
            PrObject *modules = pr_interp.sys.modules;
            ck_assert(!modules || !pr_dict_getitem_cstr_borrow(modules, "os"));
        }
    }
    ck_assert(done);
}
END_TEST

Suite *pr_test_module_suite(void)
{
    Suite *s = suite_create("module");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_module_object);
    tcase_add_test(tc, test_import_cache);
    tcase_add_test(tc, test_import_dotted_and_fromlist);
    tcase_add_test(tc, test_import_errors);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, objtest_setup_malloc, objtest_teardown);
    tcase_add_test(oom, test_import_out_of_memory);
    suite_add_tcase(s, oom);
    return s;
}
