/* tests/unit/test_float.c — the float type (objects/float.h): operators with floats and ints
 * over a matrix of operands against CPython 3.11 (float_cases.inc, from gen_number_cases.py),
 * float(str) and format(), the free list (reuse, its bound, clearing, the preset's policy),
 * sizes, hash consistency with int, the constructor, and MemoryError paths. */
#include "memory/obmalloc.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/tuple.h"
#include "tests/unit/numtest.h"

#include <math.h>
#include <stdlib.h>

#include "tests/unit/float_cases.inc"

START_TEST(test_float_binary_matrix)
{
    NUMTEST_RUN_TABLE(float_binary_cases, numtest_run_binary);
}
END_TEST

START_TEST(test_float_unary)
{
    NUMTEST_RUN_TABLE(float_unary_cases, numtest_run_unary);
}
END_TEST

START_TEST(test_parse_and_format)
{
    for (size_t i = 0; i < NUMTEST_COUNT(parse_float_cases); i++) {
        const ParseCase *c = &parse_float_cases[i];
        numtest_check(pr_float_from_string(c->text, strlen(c->text)), c->expected, c->text);
        PrObject *s = objtest_str(c->text);
        numtest_check(pr_object_call((PrObject *)PR_TYPE(float), &s, 1, NULL), c->expected,
                      c->text);
        PR_DECREF(s);
    }
    NUMTEST_RUN_TABLE(format_cases, numtest_run_format);
}
END_TEST

/* A freed float goes to the free list and the next one reuses its block; the list is bounded
 * and emptied by pr_float_clear_free_list. */
START_TEST(test_free_list)
{
    pr_float_set_free_list_limit(PR_FLOAT_MAXFREELIST); /* the default presets' policy */
    pr_float_clear_free_list();
    size_t blocks = objtest_blocks();
    PrObject *f = pr_float_from_double(1.5), *where = f;
    ck_assert_uint_eq(objtest_blocks(), blocks + 1);
    PR_DECREF(f);
    ck_assert_int_eq(pr_interp.float_.free.count, 1);
    ck_assert_uint_eq(objtest_blocks(), blocks + 1); /* kept */
    f = pr_float_from_double(2.5);
    ck_assert_ptr_eq(f, where);
    ck_assert_int_eq(f->refcnt, 1);
    ck_assert_ptr_eq(PR_TYPE_OF(f), PR_TYPE(float));
    ck_assert_int_eq(pr_interp.float_.free.count, 0);
    ASSERT_REPR(f, "2.5");
    PR_DECREF(f);
    enum { N = PR_FLOAT_MAXFREELIST + 20 };
    PrObject *many[N];
    for (int i = 0; i < N; i++) {
        many[i] = pr_float_from_double(i);
    }
    for (int i = 0; i < N; i++) {
        PR_DECREF(many[i]);
    }
    ck_assert_int_eq(pr_interp.float_.free.count, PR_FLOAT_MAXFREELIST);
    ck_assert_uint_eq(objtest_blocks(), blocks + PR_FLOAT_MAXFREELIST);
    ck_assert_int_eq(pr_float_clear_free_list(), PR_FLOAT_MAXFREELIST);
    ck_assert_int_eq(pr_interp.float_.free.count, 0);
    ck_assert_uint_eq(objtest_blocks(), blocks);
    /* the policy: unbounded (py24/py25) keeps everything, 0 keeps nothing, lowering trims */
    pr_float_set_free_list_limit(-1);
    for (int i = 0; i < N; i++) {
        many[i] = pr_float_from_double(i);
    }
    for (int i = 0; i < N; i++) {
        PR_DECREF(many[i]);
    }
    ck_assert_int_eq(pr_interp.float_.free.count, N);
    pr_float_set_free_list_limit(10);
    ck_assert_int_eq(pr_interp.float_.free.count, 10);
    pr_float_set_free_list_limit(0);
    ck_assert_int_eq(pr_interp.float_.free.count, 0);
    f = pr_float_from_double(1.0);
    PR_DECREF(f);
    ck_assert_int_eq(pr_interp.float_.free.count, 0);
    ck_assert_uint_eq(objtest_blocks(), blocks);
    pr_float_set_free_list_limit(PR_FLOAT_MAXFREELIST);
    /* operators allocate through it too */
    PrObject *a = pr_float_from_double(1.0), *b = pr_float_from_double(2.0);
    PR_DECREF(b);
    PrObject *c = pr_number_add(a, a);
    ck_assert_ptr_eq(c, b);
    PR_DECREF(c);
    PR_DECREF(a);
}
END_TEST

/* The preset decides the policy at start-up (pr_float_init_state). */
static void check_preset(const char *preset, ssize_t expected)
{
    PrMemConfig cfg;
    char err[128];
    pr_interp_finalize();
    pr_mem_finalize();
    ck_assert_int_eq(pr_mem_config_preset(&cfg, preset, err, sizeof err), 0);
    ck_assert_int_eq(pr_mem_init(&cfg), 0);
    ck_assert_int_eq(pr_interp_init(), 0);
    ck_assert_int_eq(pr_interp.float_.free.max, expected);
}

START_TEST(test_free_list_presets)
{
    check_preset("py24", -1);
    check_preset("py25", -1);
    check_preset("malloc", 0);
    check_preset("debug", 0);
    check_preset("py310", PR_FLOAT_MAXFREELIST);
    check_preset("py33", PR_FLOAT_MAXFREELIST);
    /* an allocator that starts itself on the first allocation, from $PYRENAMALLOC */
    pr_interp_finalize();
    pr_mem_finalize();
    setenv(PR_MEM_ENV, "py25", 1);
    ck_assert_int_eq(pr_interp_init(), 0);
    unsetenv(PR_MEM_ENV);
    ck_assert_str_eq(pr_mem_config()->preset, "py25");
    ck_assert_int_eq(pr_interp.float_.free.max, -1);
    ck_assert_int_eq(pr_interp.long_.free.max, -1);
    pr_interp_finalize(); /* the teardown compares with the last allocator */
    objtest_start_blocks = objtest_blocks();
    ck_assert_int_eq(pr_interp_init(), 0);
}
END_TEST

START_TEST(test_sizes_and_hash)
{
    PrObject *f = pr_float_from_double(1.0), *one = pr_long_from_int64(1);
    ck_assert_int_eq(pr_object_sizeof(f), 24);
    ASSERT_REPR_STEAL(numtest_call_method(one, "__sizeof__"), "28");
    ck_assert_int_eq(pr_object_hash(f), pr_object_hash(one));
    PrObject *n1 = pr_float_from_double(NAN), *n2 = pr_float_from_double(NAN);
    ck_assert_int_ne(pr_object_hash(n1), pr_object_hash(n2));       /* by identity, as 3.10+ */
    ck_assert_int_eq(pr_object_richcompare_bool(n1, n1, PR_EQ), 1); /* identity shortcut */
    PrObject *eq = pr_object_richcompare(n1, n1, PR_EQ);
    ck_assert_ptr_eq(eq, PR_False);
    PR_DECREF(eq);
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(f, "real"), "1.0");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(f, "imag"), "0.0");
    ASSERT_REPR_STEAL(numtest_call_method(f, "conjugate"), "1.0");
    PrObject *r = pr_number_positive(f);
    ck_assert_ptr_eq(r, f);
    PR_DECREF(r);
    PrObject *objs[] = {f, one, n1, n2};
    for (size_t i = 0; i < NUMTEST_COUNT(objs); i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_constructor_and_round)
{
    PrObject *true_obj = PR_True, *none_obj = PR_None;
    (void)true_obj;
    (void)none_obj;
    PrObject *type = (PrObject *)PR_TYPE(float), *f = pr_float_from_double(2.675);
    ASSERT_REPR_STEAL(pr_object_call(type, NULL, 0, NULL), "0.0");
    PrObject *same = pr_object_call(type, &f, 1, NULL);
    ck_assert_ptr_eq(same, f);
    PR_DECREF(same);
    ASSERT_REPR_STEAL(pr_object_call(type, &true_obj, 1, NULL), "1.0");
    numtest_check(pr_object_call(type, &none_obj, 1, NULL),
                  "!TypeError: float() argument must be a string or a real number, not 'NoneType'",
                  "float(None)");
    PrObject *args[2] = {f, f};
    numtest_check(pr_object_call(type, args, 2, NULL),
                  "!TypeError: float expected at most 1 argument, got 2", "two");
    PrObject *kw = pr_str_intern_cstr("x"), *kwnames = pr_tuple_pack(1, kw);
    numtest_check(pr_object_call(type, args, 0, kwnames),
                  "!TypeError: float() takes no keyword arguments", "keyword");
    PrObject *name = pr_str_intern_cstr("__round__"), *two = pr_long_from_int64(2);
    numtest_check(pr_object_call_method(f, name, &two, 1), "2.67", "round(2.675, 2)");
    numtest_check(pr_object_call_method(f, name, &none_obj, 1), "3", "round(2.675, None)");
    PrObject *s = objtest_str("a"), *huge = pr_long_from_string("1"
                                                                "00000000000000000000",
                                                                21, 10);
    numtest_check(pr_object_call_method(f, name, &s, 1),
                  "!TypeError: 'str' object cannot be interpreted as an integer", "round(x, 'a')");
    numtest_check(pr_object_call_method(f, name, &huge, 1), "2.675", "round(x, 10**20)");
    numtest_check(pr_object_call_method(f, name, args, 2),
                  "!TypeError: __round__ expected at most 1 argument, got 2", "round 2 args");
    PrObject *big = pr_float_from_double(1e308), *m = pr_long_from_int64(-400);
    numtest_check(pr_object_call_method(big, name, &m, 1), "0.0", "round(1e308, -400)");
    double d;
    ck_assert_int_eq(pr_float_as_double(two, &d), 0);
    ck_assert(d == 2.0);
    ck_assert_int_eq(pr_float_as_double(s, &d), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "must be real number, not str");
    ASSERT_REPR_STEAL(pr_float_trunc(-2.5), "-2");
    ASSERT_REPR_STEAL(pr_float_floor(-2.5), "-3");
    ASSERT_REPR_STEAL(pr_float_ceil(-2.5), "-2");
    ASSERT_REPR_STEAL(pr_float_round_to_int(-2.5), "-2");
    PrObject *objs[] = {f, kw, kwnames, name, two, s, huge, big, m};
    for (size_t i = 0; i < NUMTEST_COUNT(objs); i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

/* Float arithmetic and conversions with each allocation refused in turn. */
/* float.hex and the class method float.fromhex against CPython's texts; float(bytes). */
START_TEST(test_hex_and_bytes)
{
    static const struct {
        double x;
        const char *hex;
    } cases[] = {{0.5, "'0x1.0000000000000p-1'"},
                 {0.1, "'0x1.999999999999ap-4'"},
                 {-2.75, "'-0x1.6000000000000p+1'"},
                 {5e-324, "'0x0.0000000000001p-1022'"},
                 {-0.0, "'-0x0.0p+0'"},
                 {INFINITY, "'inf'"}};
    PrObject *fromhex = pr_object_getattr_cstr((PrObject *)PR_TYPE(float), "fromhex");
    for (size_t i = 0; i < NUMTEST_COUNT(cases); i++) {
        PrObject *f = pr_float_from_double(cases[i].x), *h = numtest_call_method(f, "hex");
        ASSERT_REPR(h, cases[i].hex);
        PrObject *back = pr_object_call(fromhex, &h, 1, NULL);
        ck_assert_ptr_nonnull(back);
        ck_assert(PR_FLOAT_VALUE(back) == cases[i].x);
        PR_DECREF(back);
        PR_DECREF(h);
        PR_DECREF(f);
    }
    static const struct {
        const char *text, *expected;
    } parse[] = {
        {" -0x1.8p1 ", "-3.0"},
        {"0x1.0000000000000800p0", "1.0"}, /* half way: to even */
        {"0x1.0000000000001800p0", "1.0000000000000004"},
        {"Infinity", "inf"},
        {"0x1p-1075", "0.0"},
        {"0x1p", "!ValueError: invalid hexadecimal floating-point string"},
        {"0x.p1", "!ValueError: invalid hexadecimal floating-point string"},
        {"0x1p1024", "!OverflowError: hexadecimal value too large to represent as a float"},
    };
    for (size_t i = 0; i < NUMTEST_COUNT(parse); i++) {
        PrObject *s = objtest_str(parse[i].text);
        numtest_check(pr_object_call(fromhex, &s, 1, NULL), parse[i].expected, parse[i].text);
        PR_DECREF(s);
    }
    PrObject *one = pr_long_from_int64(1);
    numtest_check(pr_object_call(fromhex, &one, 1, NULL),
                  "!TypeError: bad argument type for built-in operation", "fromhex(1)");
    PrObject *b = pr_bytes_from_buf(" 1.5e3", 6), *bad = pr_bytes_from_buf("1\xff", 2);
    PrObject *type = (PrObject *)PR_TYPE(float);
    numtest_check(pr_object_call(type, &b, 1, NULL), "1500.0", "float(b' 1.5e3')");
    numtest_check(pr_object_call(type, &bad, 1, NULL),
                  "!ValueError: could not convert string to float: b'1\\xff'", "float(b'1\\xff')");
    PR_DECREF(one);
    PR_DECREF(b);
    PR_DECREF(bad);
    PR_DECREF(fromhex);
}
END_TEST

START_TEST(test_out_of_memory)
{
    PrObject *warm = pr_float_from_double(2.25); /* interns the name, caches '9' and '4' */
    ASSERT_REPR_STEAL(numtest_call_method(warm, "as_integer_ratio"), "(9, 4)");
    PR_DECREF(warm);
    int done = 0;
    for (long k = 0; k < 100 && !done; k++) {
        size_t before = numtest_oom_begin(k);
        PrObject *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;
        a = pr_float_from_string("1.5", 3);
        b = a ? pr_number_mul(a, a) : NULL;
        c = b ? pr_number_divmod(b, a) : NULL;
        d = c ? pr_object_repr(c) : NULL;
        e = d ? numtest_call_method(b, "as_integer_ratio") : NULL;
        if ((done = numtest_oom_result(e))) {
            ASSERT_REPR(e, "(9, 4)");
        }
        PrObject *objs[] = {a, b, c, d, e};
        numtest_oom_release(objs, NUMTEST_COUNT(objs), before);
    }
    ck_assert(done);
}
END_TEST

Suite *pr_test_float_suite(void)
{
    Suite *s = suite_create("float");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_float_binary_matrix);
    tcase_add_test(tc, test_float_unary);
    tcase_add_test(tc, test_parse_and_format);
    tcase_add_test(tc, test_free_list);
    tcase_add_test(tc, test_free_list_presets);
    tcase_add_test(tc, test_sizes_and_hash);
    tcase_add_test(tc, test_constructor_and_round);
    tcase_add_test(tc, test_hex_and_bytes);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, objtest_setup_malloc, objtest_teardown);
    tcase_add_test(oom, test_out_of_memory);
    suite_add_tcase(s, oom);
    return s;
}
