/* tests/unit/test_errors.c — the pending exception (vm/errors.h) and the exception classes
 * (objects/exceptions.h): raising, matching, fetching, restoring, context chaining, the
 * preallocated MemoryError, the hierarchy, and str()/repr()/attributes as CPython 3.11. */
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/singletons.h"
#include "objects/tuple.h"
#include "objects/long.h"
#include "tests/unit/objtest.h"

static PrObject *make_exc(PrType *t, PrObject *const *args, size_t n)
{
    PrObject *e = pr_object_call((PrObject *)t, args, n, NULL);
    ck_assert_ptr_nonnull(e);
    return e;
}

START_TEST(test_set_fetch_restore)
{
    ck_assert(!pr_err_occurred());
    ck_assert_ptr_null(pr_err_fetch());
    ck_assert_ptr_null(pr_err_set(PR_EXC(ValueError), "bad value"));
    ck_assert(pr_err_occurred());
    ck_assert(pr_err_matches((PrObject *)PR_EXC(ValueError)));
    ck_assert(pr_err_matches((PrObject *)PR_EXC(Exception)));
    ck_assert(pr_err_matches((PrObject *)PR_EXC(BaseException)));
    ck_assert(!pr_err_matches((PrObject *)PR_EXC(TypeError)));
    ck_assert(!pr_err_matches((PrObject *)PR_TYPE(str)));
    PrObject *match = pr_tuple_pack(2, PR_EXC(TypeError), PR_EXC(ValueError));
    ck_assert(pr_err_matches(match));
    PR_DECREF(match);
    PrObject *exc = pr_err_fetch();
    ck_assert(!pr_err_occurred());
    ck_assert_ptr_eq(exc->type, PR_EXC(ValueError));
    ck_assert_int_eq(exc->refcnt, 1);
    ASSERT_STR(exc, "bad value");
    pr_err_restore_steal(exc); /* the reference moves back */
    ck_assert_ptr_eq(pr_err_occurred_borrow(), exc);
    ck_assert_int_eq(exc->refcnt, 1);
    /* a new raise replaces the pending one */
    pr_err_set(PR_EXC(KeyError), "k");
    ASSERT_RAISED(PR_EXC(KeyError), "'k'");
    pr_err_set(PR_EXC(TypeError), "x");
    pr_err_clear();
    ck_assert(!pr_err_occurred());
    pr_err_clear();
    pr_err_restore_steal(NULL);
    ck_assert(!pr_err_occurred());
}
END_TEST

START_TEST(test_set_object)
{
    PrObject *key = objtest_str("missing");
    pr_err_set_object(PR_EXC(KeyError), key); /* KeyError(key): raised as an instance of it */
    PrObject *exc = pr_err_fetch();
    ck_assert_ptr_eq(PR_TUPLE_ITEMS(pr_exception_args_borrow(exc))[0], key);
    ASSERT_STR(exc, "'missing'");
    ASSERT_REPR(exc, "KeyError('missing')");
    /* an instance is raised as itself */
    pr_err_set_object(PR_EXC(LookupError), exc);
    ck_assert_ptr_eq(pr_err_occurred_borrow(), exc);
    pr_err_clear();
    PR_DECREF(exc);
    pr_err_set_object(PR_EXC(StopIteration), NULL);
    exc = pr_err_fetch();
    ck_assert_int_eq(PR_TUPLE_SIZE(pr_exception_args_borrow(exc)), 0);
    PrObject *v = pr_object_getattr_cstr(exc, "value");
    ck_assert_ptr_eq(v, PR_None);
    PR_DECREF(v);
    PR_DECREF(exc);
    ck_assert_ptr_null(pr_err_bad_internal_call("f"));
    ASSERT_RAISED(PR_EXC(SystemError), "f: bad argument to internal function");
    PR_DECREF(key);
}
END_TEST

START_TEST(test_format)
{
    PrObject *s = objtest_str("it's"), *t = pr_tuple_pack(2, s, PR_None);
    pr_err_format(PR_EXC(TypeError), "%s|%d|%i|%ld|%lld|%zd|%u|%zu|%x|%c|%%|%.3s|%R|%S|%U|%R",
                  "txt", -5, 7, -8L, 9LL, (ssize_t)-10, 11u, (size_t)12, 255u, 0xe9, "h\xc3\xa9llo",
                  s, s, s, t);
    ASSERT_RAISED(
        PR_EXC(TypeError),
        "txt|-5|7|-8|9|-10|11|12|ff|\xc3\xa9|%|h\xc3\xa9l|\"it's\"|it's|it's|(\"it's\", None)");
    PrObject *p = pr_str_from_format("%p", (void *)s);
    char buf[32];
    snprintf(buf, sizeof buf, "%p", (void *)s);
    ASSERT_TEXT(p, buf);
    ck_assert_ptr_null(pr_str_from_format("bad %q"));
    ASSERT_RAISED(PR_EXC(SystemError), "invalid format string: %q");
    PR_DECREF(t);
    PR_DECREF(s);
}
END_TEST

START_TEST(test_str_repr_as_cpython)
{
    PrObject *x = objtest_str("x"), *a = objtest_str("a");
    PrObject *none_args[] = {NULL}, *one[] = {x}, *two[] = {a, PR_None};
    PrObject *e0 = make_exc(PR_EXC(ValueError), none_args, 0);
    PrObject *e1 = make_exc(PR_EXC(ValueError), one, 1);
    PrObject *e2 = make_exc(PR_EXC(ValueError), two, 2);
    ASSERT_STR(e0, "");
    ASSERT_REPR(e0, "ValueError()");
    ASSERT_STR(e1, "x");
    ASSERT_REPR(e1, "ValueError('x')");
    ASSERT_STR(e2, "('a', None)");
    ASSERT_REPR(e2, "ValueError('a', None)");
    PrObject *k0 = make_exc(PR_EXC(KeyError), none_args, 0);
    PrObject *k1 = make_exc(PR_EXC(KeyError), one, 1);
    PrObject *k2 = make_exc(PR_EXC(KeyError), two, 2);
    ASSERT_STR(k0, "");
    ASSERT_REPR(k0, "KeyError()");
    ASSERT_STR(k1, "'x'");
    ASSERT_STR(k2, "('a', None)");
    ASSERT_TEXT(pr_exception_format_line(e1), "ValueError: x");
    ASSERT_TEXT(pr_exception_format_line(e0), "ValueError");
    ASSERT_TEXT(pr_exception_format_line(k1), "KeyError: 'x'");
    PrObject *se = make_exc(PR_EXC(SystemExit), two, 2);
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(se, "code"), "('a', None)");
    PrObject *se1 = make_exc(PR_EXC(SystemExit), one, 1);
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(se1, "code"), "'x'");
    PrObject *si = make_exc(PR_EXC(StopIteration), one, 1);
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(si, "value"), "'x'");
    ASSERT_REPR(si, "StopIteration('x')");
    PrObject *objs[] = {e0, e1, e2, k0, k1, k2, se, se1, si, x, a};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

/* OSError(errno, strerror[, filename...]) picks the subclass of the errno and keeps the fields. */
START_TEST(test_oserror)
{
    PrObject *no = pr_long_from_int64(2), *msg = objtest_str("No such file"), *f = objtest_str("a");
    PrObject *args[] = {no, msg, f, PR_None, f};
    PrObject *type = (PrObject *)PR_EXC(OSError);
    PrObject *e2 = pr_object_call(type, args, 2, NULL), *e3 = pr_object_call(type, args, 3, NULL);
    PrObject *e5 = pr_object_call(type, args, 5, NULL), *e1 = pr_object_call(type, args, 1, NULL);
    ck_assert_ptr_eq(PR_TYPE_OF(e2), PR_EXC(FileNotFoundError));
    ck_assert_ptr_eq(PR_TYPE_OF(e1), PR_EXC(OSError));
    ASSERT_STR(e2, "[Errno 2] No such file");
    ASSERT_REPR(e2, "FileNotFoundError(2, 'No such file')");
    ASSERT_STR(e3, "[Errno 2] No such file: 'a'");
    ASSERT_REPR(e3, "FileNotFoundError(2, 'No such file')"); /* args lose the filename */
    ASSERT_STR(e5, "[Errno 2] No such file: 'a' -> 'a'");
    ASSERT_STR(e1, "2");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(e3, "errno"), "2");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(e3, "strerror"), "'No such file'");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(e3, "filename"), "'a'");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(e3, "filename2"), "None");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(e1, "errno"), "None");
    PrObject *sub = pr_object_call((PrObject *)PR_EXC(PermissionError), args, 2, NULL);
    ck_assert_ptr_eq(PR_TYPE_OF(sub), PR_EXC(PermissionError)); /* only OSError() maps */
    PrObject *objs[] = {no, msg, f, e1, e2, e3, e5, sub};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

/* pr_unicode_error_raise: the exception carries the codec's fields; str() is computed from them. */
START_TEST(test_unicode_errors)
{
    PrObject *s = objtest_str("x\xe2\x82\xacy"), *exc, *b = pr_bytes_from_buf("\xff\xfe", 2);
    ck_assert_ptr_null(pr_unicode_error_raise(PR_EXC(UnicodeEncodeError), "latin-1", s, 1, 2,
                                              "ordinal not in range(256)"));
    exc = pr_err_fetch();
    ck_assert_ptr_eq(PR_TYPE_OF(exc), PR_EXC(UnicodeEncodeError));
    ASSERT_STR(exc, "'latin-1' codec can't encode character '\\u20ac' in position 1: ordinal not "
                    "in range(256)");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(exc, "start"), "1");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(exc, "end"), "2");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(exc, "encoding"), "'latin-1'");
    PR_DECREF(exc);
    ck_assert_ptr_null(
        pr_unicode_error_raise(PR_EXC(UnicodeDecodeError), "utf-8", b, 0, 2, "invalid start byte"));
    exc = pr_err_fetch();
    ASSERT_STR(exc, "'utf-8' codec can't decode bytes in position 0-1: invalid start byte");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(exc, "object"), "b'\\xff\\xfe'");
    PR_DECREF(exc);
    /* the constructor wants all five fields */
    ck_assert_ptr_null(pr_object_call((PrObject *)PR_EXC(UnicodeDecodeError), &s, 1, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "function takes exactly 5 arguments (1 given)");
    PR_DECREF(s);
    PR_DECREF(b);
}
END_TEST

START_TEST(test_exception_attributes)
{
    PrObject *x = objtest_str("x"), *one[] = {x};
    PrObject *e = make_exc(PR_EXC(RuntimeError), one, 1), *r;
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(e, "args"), "('x',)");
    const char *nones[] = {"__context__", "__cause__", "__traceback__"};
    for (int i = 0; i < 3; i++) {
        r = pr_object_getattr_cstr(e, nones[i]);
        ck_assert_ptr_eq(r, PR_None);
        PR_DECREF(r);
    }
    r = pr_object_getattr_cstr(e, "__suppress_context__");
    ck_assert_ptr_eq(r, PR_False);
    PR_DECREF(r);
    ck_assert_ptr_null(pr_object_getattr_cstr(e, "__notes__"));
    ASSERT_RAISED(PR_EXC(AttributeError), "'RuntimeError' object has no attribute '__notes__'");
    PrObject *name = pr_str_intern_cstr("__cause__");
    PrObject *cause = make_exc(PR_EXC(TypeError), one, 1);
    ck_assert_int_eq(pr_object_setattr(e, name, cause), 0); /* raise ... from cause */
    ck_assert_ptr_eq(pr_exception_cause_borrow(e), cause);
    r = pr_object_getattr_cstr(e, "__suppress_context__");
    ck_assert_ptr_eq(r, PR_True);
    PR_DECREF(r);
    ck_assert_int_eq(pr_object_setattr(e, name, x), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "exception cause must be None or derive from BaseException");
    ck_assert_int_eq(pr_object_setattr(e, name, NULL), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "__cause__ may not be deleted");
    ck_assert_int_eq(pr_object_setattr(e, name, PR_None), 0);
    ck_assert_ptr_null(pr_exception_cause_borrow(e));
    PR_DECREF(name);
    name = pr_str_intern_cstr("__context__");
    ck_assert_int_eq(pr_object_setattr(e, name, x), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "exception context must be None or derive from BaseException");
    PR_DECREF(name);
    name = pr_str_intern_cstr("__traceback__");
    ck_assert_int_eq(pr_object_setattr(e, name, x), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "__traceback__ must be a traceback or None");
    PR_DECREF(name);
    /* any other attribute lives in the instance dict */
    name = pr_str_intern_cstr("extra");
    ck_assert_int_eq(pr_object_setattr(e, name, x), 0);
    r = pr_object_getattr(e, name);
    ck_assert_ptr_eq(r, x);
    PR_DECREF(r);
    PR_DECREF(name);
    name = pr_str_intern_cstr("args");
    ck_assert_int_eq(pr_object_setattr(e, name, pr_interp.tuple.empty), 0);
    ASSERT_STR(e, "");
    PR_DECREF(name);
    PrObject *kw = pr_tuple_pack(1, x);
    ck_assert_ptr_null(pr_object_call((PrObject *)PR_EXC(ValueError), one, 0, kw));
    ASSERT_RAISED(PR_EXC(TypeError), "ValueError() takes no keyword arguments");
    PR_DECREF(kw);
    PR_DECREF(cause);
    PR_DECREF(e);
    PR_DECREF(x);
}
END_TEST

START_TEST(test_hierarchy)
{
    /* (class, its base) as CPython 3.11's builtins report them */
    static const char *const pairs[][2] = {
        {"SystemExit", "BaseException"},        {"KeyboardInterrupt", "BaseException"},
        {"GeneratorExit", "BaseException"},     {"Exception", "BaseException"},
        {"StopIteration", "Exception"},         {"ZeroDivisionError", "ArithmeticError"},
        {"OverflowError", "ArithmeticError"},   {"KeyError", "LookupError"},
        {"IndexError", "LookupError"},          {"UnboundLocalError", "NameError"},
        {"RecursionError", "RuntimeError"},     {"NotImplementedError", "RuntimeError"},
        {"ModuleNotFoundError", "ImportError"}, {"FileNotFoundError", "OSError"},
        {"UnicodeDecodeError", "UnicodeError"}, {"UnicodeError", "ValueError"},
        {"TabError", "IndentationError"},       {"IndentationError", "SyntaxError"},
        {"BrokenPipeError", "ConnectionError"}, {"MemoryError", "Exception"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        int found = 0;
        for (int j = 0; j < PR_EXC_COUNT; j++) {
            PrType *t = &pr_interp.exc_types[j];
            if (strcmp(t->name, pairs[i][0]) == 0) {
                ck_assert_str_eq(t->base->name, pairs[i][1]);
                found = 1;
            }
        }
        ck_assert_msg(found, "%s missing", pairs[i][0]);
    }
    ck_assert_ptr_eq(PR_EXC(BaseException)->base, PR_TYPE(object));
    ck_assert(PR_EXC_CLASS_CHECK((PrObject *)PR_EXC(OSError)));
    ck_assert(!PR_EXC_CLASS_CHECK((PrObject *)PR_TYPE(str)));
    /* only BaseException's dict holds the shared attributes */
    ck_assert_ptr_nonnull(pr_dict_getitem_cstr_borrow(PR_EXC(BaseException)->dict, "args"));
    ck_assert_ptr_null(pr_dict_getitem_cstr_borrow(PR_EXC(ValueError)->dict, "args"));
    ASSERT_TEXT(pr_object_getattr_cstr((PrObject *)PR_EXC(KeyError), "__name__"), "KeyError");
}
END_TEST

START_TEST(test_context_chaining)
{
    PrObject *x = objtest_str("x"), *one[] = {x};
    PrObject *handled = make_exc(PR_EXC(KeyError), one, 1);
    pr_err_set_handled(handled);
    ck_assert_ptr_eq(pr_err_handled_borrow(), handled);
    pr_err_set(PR_EXC(TypeError), "during handling");
    PrObject *exc = pr_err_fetch();
    ck_assert_ptr_eq(pr_exception_context_borrow(exc), handled);
    /* raising the handled exception itself: no self-context */
    pr_err_set_object(PR_EXC(KeyError), handled);
    PrObject *again = pr_err_fetch();
    ck_assert_ptr_eq(again, handled);
    ck_assert_ptr_null(pr_exception_context_borrow(handled));
    PR_DECREF(again);
    /* a cycle would form: exc is in handled's chain, so it is cut out first */
    pr_exception_set_context_steal(handled, PR_NEWREF(exc));
    pr_err_set_object(PR_EXC(TypeError), exc);
    PrObject *raised = pr_err_fetch();
    ck_assert_ptr_eq(raised, exc);
    ck_assert_ptr_eq(pr_exception_context_borrow(exc), handled);
    ck_assert_ptr_null(pr_exception_context_borrow(handled));
    PR_DECREF(raised);
    /* raise ... from: the cause, with the context suppressed */
    pr_exception_set_cause_steal(exc, PR_NEWREF(handled));
    ck_assert_ptr_eq(pr_exception_cause_borrow(exc), handled);
    ck_assert_int_eq(((PrBaseException *)exc)->suppress_context, 1);
    pr_exception_set_cause_steal(exc, NULL);
    pr_err_set_handled(NULL);
    ck_assert_ptr_null(pr_err_handled_borrow());
    pr_err_set(PR_EXC(ValueError), "outside");
    PrObject *plain = pr_err_fetch();
    ck_assert_ptr_null(pr_exception_context_borrow(plain));
    PR_DECREF(plain);
    PR_DECREF(exc);
    PR_DECREF(handled);
    PR_DECREF(x);
}
END_TEST

START_TEST(test_memory_error_preallocated)
{
    PrObject *x = objtest_str("x"), *one[] = {x};
    PrObject *h = make_exc(PR_EXC(ValueError), one, 1);
    size_t before = objtest_blocks();
    ck_assert_ptr_null(pr_err_no_memory());
    ck_assert_uint_eq(objtest_blocks(), before); /* raising it allocated nothing */
    ck_assert_ptr_eq(pr_err_occurred_borrow(), pr_interp.memory_error);
    ck_assert(pr_err_matches((PrObject *)PR_EXC(MemoryError)));
    pr_err_no_memory(); /* twice: still the one instance */
    PrObject *m = pr_err_fetch();
    ck_assert_ptr_eq(m, pr_interp.memory_error);
    ASSERT_REPR(m, "MemoryError()");
    ASSERT_TEXT(pr_exception_format_line(m), "MemoryError");
    PR_DECREF(m);
    /* chained while handling, and the link is forgotten by the next raise */
    pr_err_set_handled(h);
    pr_err_no_memory();
    ck_assert_ptr_eq(pr_exception_context_borrow(pr_interp.memory_error), h);
    pr_err_clear();
    pr_err_set_handled(NULL);
    pr_err_no_memory();
    ck_assert_ptr_null(pr_exception_context_borrow(pr_interp.memory_error));
    pr_err_clear();
    PR_DECREF(h);
    PR_DECREF(x);
}
END_TEST

/* Raising with no memory at all: the preallocated MemoryError, nothing leaked. */
START_TEST(test_raise_out_of_memory)
{
    ASSERT_REPR(PR_None, "None"); /* interns "None" once and for all */
    for (long k = 0; k < 20; k++) {
        pr_tuple_clear_free_lists(); /* a freed args tuple waits there */
        size_t before = objtest_blocks();
        pr_raw_fail_after(k);
        pr_err_format(PR_EXC(ValueError), "%s %R", "a long enough message to need memory", PR_None);
        pr_raw_fail_after(-1);
        PrObject *exc = pr_err_fetch();
        ck_assert_ptr_nonnull(exc);
        int oom = exc == pr_interp.memory_error;
        ck_assert(oom || exc->type == PR_EXC(ValueError));
        PR_DECREF(exc);
        pr_tuple_clear_free_lists();
        pr_dict_clear_free_lists();
        ck_assert_uint_eq(objtest_blocks(), before);
        if (!oom) {
            break;
        }
    }
}
END_TEST

Suite *pr_test_errors_suite(void)
{
    Suite *s = suite_create("errors");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_set_fetch_restore);
    tcase_add_test(tc, test_set_object);
    tcase_add_test(tc, test_format);
    tcase_add_test(tc, test_str_repr_as_cpython);
    tcase_add_test(tc, test_exception_attributes);
    tcase_add_test(tc, test_oserror);
    tcase_add_test(tc, test_unicode_errors);
    tcase_add_test(tc, test_hierarchy);
    tcase_add_test(tc, test_context_chaining);
    tcase_add_test(tc, test_memory_error_preallocated);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, objtest_setup_malloc, objtest_teardown);
    tcase_add_test(oom, test_raise_out_of_memory);
    suite_add_tcase(s, oom);
    return s;
}
