/* tests/unit/test_fileio.c — file objects and open() (stdlib/fileio.h): write counts, reads by
 * size and by line, universal newlines, binary data, modes and their errors, closed files, the
 * standard streams. Expected values and texts from python3.11. */
#include "objects/bytes.h"
#include "objects/long.h"
#include "objects/tuple.h"
#include "stdlib/fileio.h"
#include "tests/unit/objtest.h"

#include <stdio.h>
#include <unistd.h>

#define TMP "/tmp/pyrena_test_fileio.tmp"

static PrObject *open_file(const char *path, const char *mode)
{
    PrObject *args[2] = {objtest_str(path), objtest_str(mode)};
    PrObject *f = pr_builtin_open(NULL, args, 2, NULL);
    PR_DECREF(args[0]);
    PR_DECREF(args[1]);
    return f;
}

/* f.name(arg) with one argument or none. */
static PrObject *meth(PrObject *f, const char *name, PrObject *arg)
{
    PrObject *m = pr_object_getattr_cstr(f, name);
    ck_assert_ptr_nonnull(m);
    PrObject *r = pr_object_call(m, &arg, arg ? 1 : 0, NULL);
    PR_DECREF(m);
    return r;
}

static void meth_ok(PrObject *f, const char *name, PrObject *arg)
{
    PrObject *r = meth(f, name, arg);
    ck_assert_ptr_nonnull(r);
    PR_DECREF(r);
}

START_TEST(test_text_write_read)
{
    PrObject *f = open_file(TMP, "w");
    ck_assert_ptr_nonnull(f);
    ASSERT_REPR(f, "<_io.TextIOWrapper name='" TMP "' mode='w' encoding='UTF-8'>");
    PrObject *s = objtest_str("h\xc3\xa9llo\r\nline2\rend");
    ASSERT_REPR_STEAL(meth(f, "write", s), "16");
    PR_DECREF(s);
    meth_ok(f, "close", NULL);
    PR_DECREF(f);
    f = open_file(TMP, "r");
    PrObject *two = pr_long_from_int64(2);
    ASSERT_REPR_STEAL(meth(f, "read", two), "'h\xc3\xa9'");
    ASSERT_REPR_STEAL(meth(f, "readline", NULL), "'llo\\n'");
    ASSERT_REPR_STEAL(meth(f, "readlines", NULL), "['line2\\n', 'end']");
    ASSERT_REPR_STEAL(meth(f, "read", NULL), "''");
    PR_DECREF(two);
    meth_ok(f, "close", NULL);
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(f, "closed"), "True");
    ck_assert_ptr_null(meth(f, "read", NULL));
    ASSERT_RAISED(PR_EXC(ValueError), "I/O operation on closed file.");
    PR_DECREF(f);
    unlink(TMP);
}
END_TEST

START_TEST(test_binary)
{
    PrObject *f = open_file(TMP, "w+b");
    ASSERT_REPR(f, "<_io.BufferedRandom name='" TMP "'>");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(f, "mode"), "'rb+'");
    PrObject *b = pr_bytes_from_buf("a\r\n\0\xff", 5), *zero = pr_long_from_int64(0);
    ASSERT_REPR_STEAL(meth(f, "write", b), "5");
    ASSERT_REPR_STEAL(meth(f, "seek", zero), "0");
    ASSERT_REPR_STEAL(meth(f, "read", NULL), "b'a\\r\\n\\x00\\xff'");
    ASSERT_REPR_STEAL(meth(f, "tell", NULL), "5");
    PrObject *s = objtest_str("text");
    ck_assert_ptr_null(meth(f, "write", s));
    ASSERT_RAISED(PR_EXC(TypeError), "a bytes-like object is required, not 'str'");
    meth_ok(f, "close", NULL);
    ck_assert_ptr_null(meth(f, "read", NULL));
    ASSERT_RAISED(PR_EXC(ValueError), "read of closed file");
    PrObject *objs[] = {f, b, zero, s};
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PR_DECREF(objs[i]);
    }
    unlink(TMP);
}
END_TEST

START_TEST(test_open_errors)
{
    ck_assert_ptr_null(open_file("/nonexistent_dir/x", "r"));
    ASSERT_RAISED(PR_EXC(FileNotFoundError),
                  "[Errno 2] No such file or directory: '/nonexistent_dir/x'");
    ck_assert_ptr_null(open_file("/tmp", "r"));
    ASSERT_RAISED(PR_EXC(IsADirectoryError), "[Errno 21] Is a directory: '/tmp'");
    ck_assert_ptr_null(open_file(TMP, "rw"));
    ASSERT_RAISED(PR_EXC(ValueError), "must have exactly one of create/read/write/append mode");
    ck_assert_ptr_null(open_file(TMP, "rr"));
    ASSERT_RAISED(PR_EXC(ValueError), "invalid mode: 'rr'");
    ck_assert_ptr_null(open_file(TMP, "+"));
    ASSERT_RAISED(PR_EXC(ValueError),
                  "Must have exactly one of create/read/write/append mode and at most one plus");
    ck_assert_ptr_null(open_file(TMP, "bt"));
    ASSERT_RAISED(PR_EXC(ValueError), "can't have text and binary mode at once");
    PrObject *f = open_file(TMP, "w");
    PR_DECREF(f);
    ck_assert_ptr_null(open_file(TMP, "x"));
    ASSERT_RAISED(PR_EXC(FileExistsError), "[Errno 17] File exists: '" TMP "'");
    unlink(TMP);
}
END_TEST

START_TEST(test_std_streams)
{
    PrObject *out = pr_file_std_borrow(1);
    ck_assert_ptr_eq(out, pr_file_std_borrow(1));
    ASSERT_REPR(out, "<_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>");
    ASSERT_REPR_STEAL(meth(out, "writable", NULL), "True");
    ck_assert_ptr_null(meth(pr_file_std_borrow(0), "write", out));
    ASSERT_RAISED(PR_EXC(OSError), "not writable");
}
END_TEST

Suite *pr_test_fileio_suite(void)
{
    Suite *s = suite_create("fileio");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_text_write_read);
    tcase_add_test(tc, test_binary);
    tcase_add_test(tc, test_open_errors);
    tcase_add_test(tc, test_std_streams);
    suite_add_tcase(s, tc);
    return s;
}
