/* tests/unit/test_long.c — the int type and bool as its subclass (objects/long.h): every operator
 * over a matrix of operands against CPython 3.11 (long_cases.inc, from gen_number_cases.py),
 * parsing and formatting, the shared small ints, sizes, C conversions and their errors,
 * to/from bytes, pow(a, b, m), the digit limit, and MemoryError paths without leaks. */
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/tuple.h"
#include "tests/unit/numtest.h"

#include <limits.h>

#include "tests/unit/long_cases.inc"

START_TEST(test_int_binary_matrix)
{
    NUMTEST_RUN_TABLE(int_binary_cases, numtest_run_binary);
}
END_TEST

START_TEST(test_bool_binary_matrix)
{
    NUMTEST_RUN_TABLE(bool_binary_cases, numtest_run_binary);
}
END_TEST

START_TEST(test_int_unary)
{
    NUMTEST_RUN_TABLE(int_unary_cases, numtest_run_unary);
}
END_TEST

START_TEST(test_parse_and_format)
{
    for (size_t i = 0; i < NUMTEST_COUNT(parse_int_cases); i++) {
        const ParseCase *c = &parse_int_cases[i];
        char what[80];
        snprintf(what, sizeof what, "int('%.40s', %d)", c->text, c->base);
        numtest_check(pr_long_from_string(c->text, strlen(c->text), c->base), c->expected, what);
    }
    NUMTEST_RUN_TABLE(format_cases, numtest_run_format);
}
END_TEST

/* -5..256 are shared static objects, whatever makes them. */
START_TEST(test_small_ints)
{
    PrObject *true_obj = PR_True, *none_obj = PR_None;
    (void)true_obj;
    (void)none_obj;
    PrObject *five = pr_long_from_int64(5), *s = objtest_str("5");
    PrObject *parsed = pr_object_call((PrObject *)PR_TYPE(int), &s, 1, NULL);
    ck_assert_ptr_eq(parsed, five);
    ck_assert_int_ge(five->refcnt, PR_STATIC_REFCNT);
    PrObject *two = pr_long_from_int64(2), *three = pr_long_from_int64(3);
    PrObject *sum = pr_number_add(two, three);
    ck_assert_ptr_eq(sum, five);
    PrObject *big = pr_long_from_int64(300), *diff = pr_number_sub(big, big);
    ck_assert_ptr_eq(diff, &pr_interp.long_.small[PR_SMALL_INT_NEG]);
    PrObject *m5 = pr_long_from_int64(-5), *m6 = pr_long_from_int64(-6),
             *m6b = pr_long_from_int64(-6);
    ck_assert_ptr_eq(m5, &pr_interp.long_.small[0]);
    ck_assert_ptr_ne(m6, m6b); /* outside the range: a new object each time */
    PrObject *n256 = pr_long_from_uint64(256), *n257 = pr_long_from_uint64(257);
    ck_assert_ptr_eq(n256, &pr_interp.long_.small[PR_SMALL_INT_NEG + 256]);
    ck_assert_int_eq(n257->refcnt, 1);
    PrObject *t = pr_object_call((PrObject *)PR_TYPE(int), &true_obj, 1, NULL);
    ck_assert_ptr_eq(t, &pr_interp.long_.small[PR_SMALL_INT_NEG + 1]); /* int(True) is 1 */
    ck_assert_ptr_eq(PR_TYPE_OF(t), PR_TYPE(int));
    PrObject *zero = pr_object_call((PrObject *)PR_TYPE(int), NULL, 0, NULL);
    ck_assert_ptr_eq(zero, diff);
    /* an exact int is its own int(), +x, abs(x) for x >= 0 */
    PrObject *pos = pr_number_positive(n257), *ab = pr_number_absolute(n257);
    PrObject *again = pr_object_call((PrObject *)PR_TYPE(int), &n257, 1, NULL);
    ck_assert_ptr_eq(pos, n257);
    ck_assert_ptr_eq(ab, n257);
    ck_assert_ptr_eq(again, n257);
    ck_assert_int_eq(n257->refcnt, 4);
    PrObject *objs[] = {five, s,   parsed, two,  three, sum,  big, diff, m5,
                        m6,   m6b, n256,   n257, t,     zero, pos, ab,   again};
    for (size_t i = 0; i < NUMTEST_COUNT(objs); i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

static PrObject *parse(const char *s)
{
    PrObject *o = pr_long_from_string(s, strlen(s), 0);
    ck_assert_ptr_nonnull(o);
    return o;
}

/* sys.getsizeof: 24 + 4 per 30-bit digit, at least one (memory-apis.md 2.2). */
START_TEST(test_sizes)
{
    static const struct {
        const char *value;
        ssize_t size;
    } cases[] = {{"0", 28},
                 {"1", 28},
                 {"-1", 28},
                 {"1073741823", 28},
                 {"1073741824", 32},
                 {"1152921504606846976", 36},
                 {"1237940039285380274899124224", 40},
                 {"1"
                  "00000000000000000000000000000000000000000000000000"
                  "00000000000000000000000000000000000000000000000000",
                  72}};
    for (size_t i = 0; i < NUMTEST_COUNT(cases); i++) {
        PrObject *o = parse(cases[i].value);
        ck_assert_int_eq(pr_object_sizeof(o), cases[i].size);
        PR_DECREF(o);
    }
    ck_assert_int_eq(pr_object_sizeof(PR_True), 28);
    ck_assert_int_eq(pr_object_sizeof(PR_False), 28);
    PrObject *o = parse("-1073741824");
    PrObject *r = numtest_call_method(o, "__sizeof__");
    ASSERT_REPR_STEAL(r, "32");
    PR_DECREF(o);
}
END_TEST

START_TEST(test_c_conversions)
{
    static const int64_t values[] = {0,         1,         -1,           255,        256,
                                     -5,        -6,        1073741823,   1073741824, -1073741824,
                                     INT64_MAX, INT64_MIN, INT64_MIN + 1};
    for (size_t i = 0; i < NUMTEST_COUNT(values); i++) {
        PrObject *o = pr_long_from_int64(values[i]);
        int64_t back = 0;
        ssize_t sback = 0;
        ck_assert_int_eq(pr_long_as_int64(o, &back), 0);
        ck_assert_int_eq(back, values[i]);
        ck_assert_int_eq(pr_long_as_ssize(o, &sback), 0);
        ck_assert_int_eq(sback, values[i]);
        PrObject *text = pr_object_repr(o);
        char expect[32];
        snprintf(expect, sizeof expect, "%lld", (long long)values[i]);
        ASSERT_TEXT(text, expect);
        PR_DECREF(o);
    }
    PrObject *u = pr_long_from_uint64(UINT64_MAX);
    ASSERT_REPR(u, "18446744073709551615");
    int64_t v;
    ssize_t sv;
    ck_assert_int_eq(pr_long_as_int64(u, &v), -1);
    ASSERT_RAISED(PR_EXC(OverflowError), "Python int too large to convert to C long");
    ck_assert_int_eq(pr_long_as_ssize(u, &sv), -1);
    ASSERT_RAISED(PR_EXC(OverflowError), "Python int too large to convert to C ssize_t");
    ck_assert_int_eq(pr_long_bit_length(u), 64);
    ck_assert_int_eq(pr_long_sign(u), 1);
    PR_DECREF(u);
    PrObject *f = pr_float_from_double(1.5);
    ck_assert_int_eq(pr_long_as_int64(f, &v), -1);
    ASSERT_RAISED(PR_EXC(TypeError), "'float' object cannot be interpreted as an integer");
    ck_assert_int_eq(pr_long_as_int64(PR_True, &v), 0); /* bool is an int */
    ck_assert_int_eq(v, 1);
    PR_DECREF(f);
    /* doubles */
    static const struct {
        double x;
        const char *expected;
    } dcases[] = {{0.0, "0"},
                  {-0.5, "0"},
                  {-1.5, "-1"},
                  {1e18, "1000000000000000000"},
                  {-9.5e18, "-9500000000000000000"},
                  {1e300, "1000000000000000052504760255204420248704468581108159154915854115511"
                          "8024579889081957863713750804478640437044438328838781769425232353604"
                          "3057564479218478670698284838720092657580373783023379478809005936895"
                          "3234970799945081119038967640880074652742780142494579258788820056842"
                          "838115669472196386865459400540160"},
                  {INFINITY, "!OverflowError: cannot convert float infinity to integer"},
                  {-INFINITY, "!OverflowError: cannot convert float infinity to integer"},
                  {NAN, "!ValueError: cannot convert float NaN to integer"}};
    for (size_t i = 0; i < NUMTEST_COUNT(dcases); i++) {
        numtest_check(pr_long_from_double(dcases[i].x), dcases[i].expected, "from_double");
    }
    PrObject *big = parse("0x"
                          "1"
                          "00000000000000000000000000000000000000000000000000000000000000000"
                          "0000000000000000000000000000000000000000000000000000000000000000000"
                          "0000000000000000000000000000000000000000000000000000000000000000000"
                          "00000000000000000000000000000000000000000000000000000000000000000000");
    double d;
    ck_assert_int_eq(pr_long_as_double(big, &d), -1); /* 2**1024 */
    ASSERT_RAISED(PR_EXC(OverflowError), "int too large to convert to float");
    PR_DECREF(big);
    /* digits */
    PrDigit digits[4] = {5, 0, 1, 0};
    PrObject *fd = pr_long_from_digits(digits, -4); /* a zero digit on top is dropped */
    ASSERT_REPR(fd, "-1152921504606846981");
    ck_assert_int_eq(PR_SIZE(fd), -3);
    PR_DECREF(fd);
    PrObject *small = pr_long_from_digits(digits, 1);
    ck_assert_ptr_eq(small, &pr_interp.long_.small[PR_SMALL_INT_NEG + 5]);
    PR_DECREF(small);
    PrObject *lit = pr_long_from_decimal_string("123456789012345678901234567890", 30);
    ASSERT_REPR_STEAL(lit, "123456789012345678901234567890");
    ck_assert_ptr_null(pr_long_from_decimal_string("12x", 3));
    ASSERT_RAISED(PR_EXC(ValueError), "invalid literal for int() with base 10: '12x'");
}
END_TEST

/* The constructor's argument handling, as int(...) in CPython 3.11. */
START_TEST(test_constructor)
{
    PrObject *true_obj = PR_True, *none_obj = PR_None;
    (void)true_obj;
    (void)none_obj;
    PrObject *type = (PrObject *)PR_TYPE(int);
    PrObject *s = objtest_str(" 0x1F "), *sixteen = pr_long_from_int64(16),
             *zero = pr_long_from_int64(0);
    PrObject *kw = pr_str_intern_cstr("base"), *kwnames = pr_tuple_pack(1, kw);
    PrObject *args[3] = {s, sixteen, zero};
    ASSERT_REPR_STEAL(pr_object_call(type, args, 2, NULL), "31");
    ASSERT_REPR_STEAL(pr_object_call(type, args, 1, kwnames), "31");
    args[1] = zero;
    ASSERT_REPR_STEAL(pr_object_call(type, args, 2, NULL), "31");
    numtest_check(pr_object_call(type, args, 3, NULL),
                  "!TypeError: int() takes at most 2 arguments (3 given)", "3 args");
    numtest_check(pr_object_call(type, args, 2, kwnames),
                  "!TypeError: int() takes at most 2 arguments (3 given)", "2 args + base");
    PrObject *other = pr_str_intern_cstr("x"), *badkw = pr_tuple_pack(1, other);
    numtest_check(pr_object_call(type, args, 1, badkw),
                  "!TypeError: 'x' is an invalid keyword argument for int()", "bad keyword");
    args[0] = sixteen;
    numtest_check(pr_object_call(type, args, 2, NULL),
                  "!TypeError: int() can't convert non-string with explicit base", "non-str");
    PrObject *f = pr_float_from_double(-7.9);
    numtest_check(pr_object_call(type, &f, 1, NULL), "-7", "int(float)");
    numtest_check(pr_object_call(type, &none_obj, 1, NULL),
                  "!TypeError: int() argument must be a string, a bytes-like object or a real "
                  "number, not 'NoneType'",
                  "int(None)");
    args[0] = s;
    args[1] = f;
    numtest_check(pr_object_call(type, args, 2, NULL),
                  "!TypeError: 'float' object cannot be interpreted as an integer", "float base");
    PrObject *b99 = pr_long_from_int64(99);
    args[1] = b99;
    numtest_check(pr_object_call(type, args, 2, NULL),
                  "!ValueError: int() base must be >= 2 and <= 36, or 0", "base 99");
    numtest_check(pr_object_call(type, &sixteen, 0, kwnames),
                  "!TypeError: int() missing string argument", "base only");
    PrObject *objs[] = {s, sixteen, zero, kw, kwnames, other, badkw, f, b99};
    for (size_t i = 0; i < NUMTEST_COUNT(objs); i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_methods_and_attributes)
{
    PrObject *o = parse("-0b1011"), *r;
    ASSERT_REPR_STEAL(numtest_call_method(o, "conjugate"), "-11");
    ASSERT_REPR_STEAL(numtest_call_method(o, "as_integer_ratio"), "(-11, 1)");
    ASSERT_REPR_STEAL(numtest_call_method(o, "__index__"), "-11");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(o, "real"), "-11");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(o, "imag"), "0");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(o, "numerator"), "-11");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(o, "denominator"), "1");
    ASSERT_REPR_STEAL(pr_object_getattr_cstr(PR_True, "real"), "1");
    ASSERT_REPR_STEAL(numtest_call_method(PR_True, "bit_length"), "1");
    r = pr_object_getattr_cstr(PR_True, "numerator");
    ck_assert_ptr_eq(PR_TYPE_OF(r), PR_TYPE(int));
    PR_DECREF(r);
    PrObject *ten = pr_long_from_int64(10);
    ck_assert_ptr_null(numtest_call_method(o, "to_bytes")); /* unsigned by default */
    ASSERT_RAISED(PR_EXC(OverflowError), "can't convert negative int to unsigned");
    ck_assert_ptr_null(pr_long_format(o, ten));
    ASSERT_RAISED(PR_EXC(TypeError), "__format__() argument must be str, not int");
    ASSERT_REPR_STEAL(pr_long_to_base(o, 16, PR_BIGINT_PREFIX), "'-0xb'");
    ASSERT_REPR_STEAL(pr_long_to_base(o, 2, PR_BIGINT_PREFIX), "'-0b1011'");
    ASSERT_REPR_STEAL(pr_long_to_base(o, 8, PR_BIGINT_PREFIX), "'-0o13'");
    ASSERT_REPR_STEAL(pr_long_to_base(o, 16, PR_BIGINT_PREFIX | PR_BIGINT_UPPER), "'-0XB'");
    PR_DECREF(ten);
    PR_DECREF(o);
}
END_TEST

/* int.to_bytes and the class method int.from_bytes through their Python signatures, and the
 * classmethod_descriptor that holds from_bytes in int's dict. */
START_TEST(test_bytes_methods)
{
    PrObject *o = parse("-11"), *two = pr_long_from_int64(2), *little = objtest_str("little");
    PrObject *kw = pr_str_intern_cstr("signed"), *kwnames = pr_tuple_pack(1, kw);
    PrObject *args[3] = {two, little, PR_True};
    PrObject *meth = pr_object_getattr_cstr(o, "to_bytes");
    PrObject *b = pr_object_call(meth, args, 2, kwnames);
    ASSERT_REPR(b, "b'\\xf5\\xff'");
    ck_assert_ptr_null(pr_object_call(meth, args, 3, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "to_bytes() takes at most 2 positional arguments (3 given)");
    args[1] = two;
    ck_assert_ptr_null(pr_object_call(meth, args, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "to_bytes() argument 'byteorder' must be str, not int");
    PR_DECREF(meth);
    /* int.from_bytes: bound to the class */
    PrObject *type = (PrObject *)PR_TYPE(int);
    meth = pr_object_getattr_cstr(type, "from_bytes");
    ck_assert_ptr_eq(PR_TYPE_OF(meth), PR_TYPE(builtin_function_or_method));
    args[0] = b;
    args[1] = little;
    ASSERT_REPR_STEAL(pr_object_call(meth, args, 2, kwnames), "-11");
    ASSERT_REPR_STEAL(pr_object_call(meth, args, 2, NULL), "65525");
    ASSERT_REPR_STEAL(pr_object_call(meth, args, 1, NULL), "62975"); /* 'big' by default */
    ck_assert_ptr_null(pr_object_call(meth, args, 0, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "from_bytes() missing required argument 'bytes' (pos 1)");
    args[0] = two;
    ck_assert_ptr_null(pr_object_call(meth, args, 1, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "cannot convert 'int' object to bytes");
    PR_DECREF(meth);
    /* the descriptor itself: called with the class first */
    PrObject *descr = pr_dict_getitem_cstr_borrow(PR_TYPE(int)->dict, "from_bytes");
    ck_assert_ptr_eq(PR_TYPE_OF(descr), PR_TYPE(classmethod_descriptor));
    ASSERT_REPR(descr, "<method 'from_bytes' of 'int' objects>");
    PrObject *dargs[2] = {(PrObject *)PR_TYPE(bool), b};
    ASSERT_REPR_STEAL(pr_object_call(descr, dargs, 2, NULL), "True"); /* bool(62975) */
    ck_assert_ptr_null(pr_object_call(descr, dargs, 0, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "descriptor 'from_bytes' of 'int' object needs an argument");
    dargs[0] = (PrObject *)PR_TYPE(str);
    ck_assert_ptr_null(pr_object_call(descr, dargs, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError),
                  "descriptor 'from_bytes' requires a subtype of 'int' but received 'str'");
    dargs[0] = two;
    ck_assert_ptr_null(pr_object_call(descr, dargs, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError),
                  "descriptor 'from_bytes' for type 'int' needs a type, not a 'int' as arg 2");
    /* int(bytes), with the bytes in the error */
    ck_assert_ptr_null(pr_object_call(type, &b, 1, NULL));
    ASSERT_RAISED(PR_EXC(ValueError), "invalid literal for int() with base 10: b'\\xf5\\xff'");
    PrObject *text = pr_bytes_from_buf(" 12 ", 4), *badtext = pr_bytes_from_buf("1x", 2);
    ASSERT_REPR_STEAL(pr_object_call(type, &text, 1, NULL), "12");
    ck_assert_ptr_null(pr_object_call(type, &badtext, 1, NULL));
    ASSERT_RAISED(PR_EXC(ValueError), "invalid literal for int() with base 10: b'1x'");
    PR_DECREF(text);
    PR_DECREF(badtext);
    PrObject *objs[] = {o, two, little, kw, kwnames, b};
    for (size_t i = 0; i < NUMTEST_COUNT(objs); i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

START_TEST(test_bool_is_int)
{
    ck_assert_ptr_eq(PR_TYPE(bool)->base, PR_TYPE(int));
    ck_assert(pr_object_is_instance(PR_True, PR_TYPE(int)));
    ck_assert_int_eq(pr_object_hash(PR_True), 1);
    ck_assert_int_eq(pr_object_hash(PR_False), 0);
    PrObject *one = pr_long_from_int64(1), *onef = pr_float_from_double(1.0);
    ck_assert_int_eq(pr_object_richcompare_bool(PR_True, one, PR_EQ), 1);
    ck_assert_int_eq(pr_object_richcompare_bool(onef, PR_True, PR_EQ), 1);
    ck_assert_int_eq(pr_object_hash(onef), pr_object_hash(PR_True));
    PrObject *r = pr_number_and(PR_True, PR_True);
    ck_assert_ptr_eq(r, PR_True); /* & | ^ of two bools are bools */
    PR_DECREF(r);
    r = pr_number_add(PR_True, PR_True);
    ASSERT_REPR_STEAL(r, "2");
    r = pr_number_and(PR_True, one);
    ck_assert_ptr_eq(r, one);
    PR_DECREF(r);
    ASSERT_STR(PR_False, "False");
    PrObject *spec = objtest_str("");
    ASSERT_TEXT(pr_long_format(PR_True, spec), "True");
    PR_DECREF(spec);
    PR_DECREF(one);
    PR_DECREF(onef);
}
END_TEST

/* int.to_bytes / int.from_bytes against CPython's bytes. */
START_TEST(test_bytes)
{
    static const struct {
        const char *value;
        size_t n;
        int little, is_signed;
        const char *hex; /* CPython's value.to_bytes(n, ...).hex(), or the error */
    } cases[] = {
        {"0", 0, 0, 0, ""},
        {"0", 2, 0, 1, "0000"},
        {"1", 1, 0, 0, "01"},
        {"255", 1, 0, 0, "ff"},
        {"256", 1, 0, 0, "!OverflowError: int too big to convert"},
        {"128", 1, 0, 1, "!OverflowError: int too big to convert"},
        {"127", 1, 0, 1, "7f"},
        {"-128", 1, 0, 1, "80"},
        {"-129", 1, 0, 1, "!OverflowError: int too big to convert"},
        {"-1", 1, 0, 0, "!OverflowError: can't convert negative int to unsigned"},
        {"-1", 4, 1, 1, "ffffffff"},
        {"-2", 3, 1, 1, "feffff"},
        {"1", 0, 0, 0, "!OverflowError: int too big to convert"},
        {"-1", 0, 0, 1, "!OverflowError: int too big to convert"},
        {"0x123456789abcdef0123", 10, 0, 0, "0123456789abcdef0123"},
        {"0x123456789abcdef0123", 10, 1, 0, "2301efcdab8967452301"},
        {"-0x123456789abcdef0123", 12, 0, 1, "fffffedcba9876543210fedd"},
        {"-0x80000000000000000000", 10, 0, 1, "80000000000000000000"},
        {"-0x80000000000000000001", 10, 0, 1, "!OverflowError: int too big to convert"},
        {"-0x1000000000000000000000000", 13, 0, 1, "ff000000000000000000000000"},
        {"9223372036854775808", 8, 0, 0, "8000000000000000"},
        {"9223372036854775808", 8, 0, 1, "!OverflowError: int too big to convert"},
    };
    for (size_t i = 0; i < NUMTEST_COUNT(cases); i++) {
        PrObject *o = parse(cases[i].value);
        unsigned char buf[16];
        char hex[40] = "";
        size_t n = cases[i].n;
        if (pr_long_to_bytes(o, buf, n, cases[i].little, cases[i].is_signed) < 0) {
            PrObject *text = numtest_outcome(NULL);
            ck_assert_msg(strcmp(pr_str_utf8(text), cases[i].hex) == 0, "%s: %s", cases[i].value,
                          pr_str_utf8(text));
            PR_DECREF(text);
            PR_DECREF(o);
            continue;
        }
        for (size_t k = 0; k < n; k++) {
            snprintf(hex + 2 * k, 3, "%02x", buf[k]);
        }
        ck_assert_msg(strcmp(hex, cases[i].hex) == 0, "%s: got %s", cases[i].value, hex);
        PrObject *back = pr_long_from_bytes(buf, n, cases[i].little, cases[i].is_signed);
        ck_assert_int_eq(pr_object_richcompare_bool(back, o, PR_EQ), 1);
        PR_DECREF(back);
        PR_DECREF(o);
    }
    static const unsigned char raw[] = {0xff, 0x00, 0x80};
    ASSERT_REPR_STEAL(pr_long_from_bytes(raw, 3, 0, 0), "16711808");
    ASSERT_REPR_STEAL(pr_long_from_bytes(raw, 3, 0, 1), "-65408");
    ASSERT_REPR_STEAL(pr_long_from_bytes(raw, 3, 1, 1), "-8388353");
    ASSERT_REPR_STEAL(pr_long_from_bytes(raw, 0, 1, 1), "0");
    ASSERT_REPR_STEAL(pr_long_from_bytes(raw + 1, 1, 1, 1), "0");
}
END_TEST

START_TEST(test_pow3)
{
    static const struct {
        int64_t a, b, m;
        const char *expected;
    } cases[] = {
        {2, 10, 1000, "24"},
        {-2, 3, -5, "-3"},
        {3, -1, 7, "5"},
        {3, -2, 7, "4"},
        {2, -1, 4, "!ValueError: base is not invertible for the given modulus"},
        {2, 3, 0, "!ValueError: pow() 3rd argument cannot be 0"},
        {5, 0, 1, "0"},
        {7, 123456789, 1000000007, "467332791"},
    };
    for (size_t i = 0; i < NUMTEST_COUNT(cases); i++) {
        PrObject *a = pr_long_from_int64(cases[i].a), *b = pr_long_from_int64(cases[i].b);
        PrObject *m = pr_long_from_int64(cases[i].m);
        numtest_check(pr_long_pow3(a, b, m), cases[i].expected, "pow3");
        PR_DECREF(a);
        PR_DECREF(b);
        PR_DECREF(m);
    }
    PrObject *two = pr_long_from_int64(2), *f = pr_float_from_double(3.0);
    numtest_check(pr_long_pow3(two, f, two),
                  "!TypeError: pow() 3rd argument not allowed unless all arguments are integers",
                  "float");
    numtest_check(pr_long_pow3(two, f, PR_None), "8.0", "None");
    PR_DECREF(two);
    PR_DECREF(f);
}
END_TEST

/* sys.set_int_max_str_digits: the limit applies to decimal text both ways, not to hex. */
START_TEST(test_max_str_digits)
{
    ck_assert_int_eq(pr_long_get_max_str_digits(), 4300);
    ck_assert_int_eq(pr_long_set_max_str_digits(100), -1);
    ASSERT_RAISED(PR_EXC(ValueError), "maxdigits must be 0 or larger than 640");
    PrObject *ten = pr_long_from_int64(10), *e = pr_long_from_int64(4300), *big;
    big = pr_number_pow(ten, e); /* 4301 digits */
    numtest_check(pr_object_repr(big),
                  "!ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
                  "sys.set_int_max_str_digits() to increase the limit",
                  "repr");
    PrObject *hex = pr_long_to_base(big, 16, 0);
    ck_assert_ptr_nonnull(hex);
    PR_DECREF(hex);
    PrObject *minus = pr_number_sub(big, ten); /* 4300 nines and a zero: still 4300 digits */
    PrObject *r = pr_object_repr(minus);
    ck_assert_int_eq(PR_STR_BYTES(r), 4300);
    ck_assert_int_eq(pr_long_set_max_str_digits(0), 0);
    PrObject *text = pr_object_repr(big);
    ck_assert_int_eq(PR_STR_BYTES(text), 4301);
    ck_assert_int_eq(pr_long_set_max_str_digits(641), 0);
    numtest_check(pr_long_from_string(pr_str_utf8(text), 642, 10),
                  "!ValueError: Exceeds the limit (641 digits) for integer string conversion: "
                  "value has 642 digits; use sys.set_int_max_str_digits() to increase the limit",
                  "parse");
    PrObject *ok = pr_long_from_string(pr_str_utf8(text), 641, 10);
    ck_assert_ptr_nonnull(ok);
    ck_assert_int_eq(pr_long_set_max_str_digits(4300), 0);
    PrObject *objs[] = {ten, e, big, minus, r, text, ok};
    for (size_t i = 0; i < NUMTEST_COUNT(objs); i++) {
        PR_DECREF(objs[i]);
    }
}
END_TEST

static void switch_preset(const char *preset)
{
    PrMemConfig cfg;
    char err[128];
    pr_interp_finalize();
    pr_mem_finalize();
    ck_assert_int_eq(pr_mem_config_preset(&cfg, preset, err, sizeof err), 0);
    ck_assert_int_eq(pr_mem_init(&cfg), 0);
    objtest_start_blocks = objtest_blocks(); /* the teardown compares with this allocator */
    ck_assert_int_eq(pr_interp_init(), 0);
}

/* No int free list in Python 3 presets; py24 and py25 keep every freed one-digit int. */
START_TEST(test_python2_free_list)
{
    switch_preset("py33");
    ck_assert_int_eq(pr_interp.long_.free.max, 0);
    size_t blocks = objtest_blocks();
    PrObject *o = pr_long_from_int64(1000);
    ck_assert(pr_long_is_compact(o));
    ck_assert_int_eq(pr_long_compact_value(o), 1000);
    PR_DECREF(o);
    ck_assert_uint_eq(objtest_blocks(), blocks); /* freed at once */
    switch_preset("py25");
    ck_assert_int_eq(pr_interp.long_.free.max, -1);
    switch_preset("py24");
    ck_assert_int_eq(pr_interp.long_.free.max, -1);
    ck_assert_int_eq(pr_interp.float_.free.max, -1);
    blocks = objtest_blocks();
    enum { N = 1000 };
    static PrObject *many[N];
    for (int i = 0; i < N; i++) {
        many[i] = pr_long_from_int64(-1000 - i);
    }
    PrObject *last = many[N - 1];
    for (int i = 0; i < N; i++) {
        PR_DECREF(many[i]);
    }
    ck_assert_int_eq(pr_interp.long_.free.count, N);
    ck_assert_uint_eq(objtest_blocks(), blocks + N); /* kept forever */
    PrObject *a = pr_long_from_int64(700), *b = pr_long_from_int64(800), *sum = pr_number_add(a, b);
    ck_assert_ptr_eq(a, last); /* the most recently freed block comes back first */
    ASSERT_REPR(sum, "1500");
    ck_assert_int_eq(pr_interp.long_.free.count, N - 3);
    PrObject *big = pr_long_from_int64((int64_t)1 << 40);
    PR_DECREF(big); /* two digits: not kept */
    ck_assert_int_eq(pr_interp.long_.free.count, N - 3);
    PR_DECREF(a);
    PR_DECREF(b);
    PR_DECREF(sum);
    pr_long_set_free_list_limit(10);
    ck_assert_int_eq(pr_interp.long_.free.count, 10);
    ck_assert_int_eq(pr_long_clear_free_list(), 10);
    ck_assert_uint_eq(objtest_blocks(), blocks);
    pr_long_set_free_list_limit(0);
    o = pr_long_from_int64(1000);
    PR_DECREF(o);
    ck_assert_int_eq(pr_interp.long_.free.count, 0);
    pr_long_set_free_list_limit(-1);
    o = pr_long_from_int64(1000);
    PR_DECREF(o);
    ck_assert_int_eq(pr_interp.long_.free.count, 1); /* pr_interp_finalize frees it */
    switch_preset("py33");
    ck_assert_int_eq(pr_interp.long_.free.max, 0);
}
END_TEST

/* Every operation with each allocation refused in turn: MemoryError, no leak. */
START_TEST(test_out_of_memory)
{
    PrObject *warm = pr_long_from_int64(1);
    PR_DECREF(warm);
    int done = 0;
    for (long k = 0; k < 200 && !done; k++) {
        size_t before = numtest_oom_begin(k);
        PrObject *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL, *g = NULL;
        a = pr_long_from_string("123456789012345678901234567890", 30, 10);
        b = a ? pr_number_mul(a, a) : NULL;
        c = b ? pr_number_floordiv(b, a) : NULL;
        d = c ? pr_number_divmod(b, c) : NULL;
        e = d ? pr_object_repr(b) : NULL;
        f = e ? pr_number_truediv(b, a) : NULL;
        g = f ? pr_number_add(f, a) : NULL;
        if ((done = numtest_oom_result(g))) {
            ASSERT_REPR(c, "123456789012345678901234567890");
        }
        PrObject *objs[] = {a, b, c, d, e, f, g};
        numtest_oom_release(objs, NUMTEST_COUNT(objs), before);
    }
    ck_assert(done);
    /* an impossible size is MemoryError without trying */
    PrObject *one = pr_long_from_int64(1), *huge = pr_long_from_uint64(UINT64_MAX);
    ck_assert_ptr_null(pr_number_lshift(one, huge));
    ASSERT_RAISED(PR_EXC(MemoryError), NULL);
    PrObject *two = pr_long_from_int64(2), *h2 = pr_number_lshift(one, two);
    ck_assert_ptr_null(pr_number_pow(two, huge));
    ASSERT_RAISED(PR_EXC(MemoryError), NULL);
    ASSERT_REPR_STEAL(pr_number_rshift(one, huge), "0");
    PR_DECREF(one);
    PR_DECREF(huge);
    PR_DECREF(two);
    PR_DECREF(h2);
}
END_TEST

Suite *pr_test_long_suite(void)
{
    Suite *s = suite_create("long");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_int_binary_matrix);
    tcase_add_test(tc, test_bool_binary_matrix);
    tcase_add_test(tc, test_int_unary);
    tcase_add_test(tc, test_bytes_methods);
    tcase_add_test(tc, test_parse_and_format);
    tcase_add_test(tc, test_small_ints);
    tcase_add_test(tc, test_sizes);
    tcase_add_test(tc, test_c_conversions);
    tcase_add_test(tc, test_constructor);
    tcase_add_test(tc, test_methods_and_attributes);
    tcase_add_test(tc, test_bool_is_int);
    tcase_add_test(tc, test_bytes);
    tcase_add_test(tc, test_pow3);
    tcase_add_test(tc, test_max_str_digits);
    tcase_add_test(tc, test_python2_free_list);
    suite_add_tcase(s, tc);
    TCase *oom = tcase_create("oom");
    tcase_add_checked_fixture(oom, objtest_setup_malloc, objtest_teardown);
    tcase_add_test(oom, test_out_of_memory);
    suite_add_tcase(s, oom);
    return s;
}
