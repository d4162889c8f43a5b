/* tests/unit/test_builtins.c — the builtins of stdlib/builtins.c and the iterator types of
 * stdlib/builtins_types.c: small programs run in a namespace of their own leave their answer in
 * `r`, compared with what python3.11 gives; the calls that need no program (locals() outside any
 * frame, exit()) are made from C. Every test ends with the allocator as it started (no leak). */
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/long.h"
#include "objects/singletons.h"
#include "tests/unit/objtest.h"
#include "vm/eval.h"
#include "vm/run.h"

#include <string.h>

/* Runs src in a fresh namespace and checks str(r) afterwards. */
#define CHECK(src, expected) check_program((src), (expected), __LINE__)
static void check_program(const char *src, const char *expected, int line)
{
    PrObject *ns = pr_dict_new();
    ck_assert_ptr_nonnull(ns);
    int status = pr_run_source(src, strlen(src), "<builtins test>", ns);
    ck_assert_msg(status == 0, "line %d: the program failed (status %d)", line, status);
    PrObject *r = pr_dict_getitem_cstr_borrow(ns, "r");
    ck_assert_msg(r != NULL, "line %d: no r", line);
    objtest_assert_text(pr_object_str(r), expected, line);
    pr_dict_clear(ns); /* functions hold their globals: break the cycle */
    PR_DECREF(ns);
}

/* The message of the exception the expression expr raises, as "TypeError: text". */
#define CHECK_RAISES(expr, expected)                                                               \
    check_program("try:\n    " expr "\n    r = 'no error'\n"                                      \
                  "except Exception as e:\n    r = type(e).__name__ + ': ' + str(e)\n",           \
                  (expected), __LINE__)

/* builtins[name]: borrowed. */
static PrObject *builtin(const char *name)
{
    PrObject *f = pr_dict_getitem_cstr_borrow(pr_vm_builtins_borrow(), name);
    ck_assert_ptr_nonnull(f);
    return f;
}

START_TEST(test_sorted_reversed)
{
    CHECK("r = sorted((3, 1, 2)), sorted('bca', reverse=True)", "([1, 2, 3], ['c', 'b', 'a'])");
    CHECK("r = sorted([(1, 'b'), (0, 'a'), (1, 'a')], key=lambda p: p[0])",
          "[(0, 'a'), (1, 'b'), (1, 'a')]");
    CHECK("d = [2, 1]\nr = sorted(d) is not d, d", "(True, [2, 1])");
    CHECK_RAISES("sorted([], foo=1)", "TypeError: 'foo' is an invalid keyword argument for sort()");
    CHECK_RAISES("sorted()", "TypeError: sorted expected 1 argument, got 0");
    CHECK_RAISES("sorted([1, 'a'])",
                 "TypeError: '<' not supported between instances of 'str' and 'int'");
    CHECK("r = list(reversed('abc')), list(reversed(range(3))), list(reversed({'a': 1, 'b': 2}))",
          "(['c', 'b', 'a'], [2, 1, 0], ['b', 'a'])");
    CHECK("it = reversed('xyz')\nnext(it)\nr = type(it).__name__, it.__length_hint__(), list(it), "
          "it.__length_hint__()",
          "('reversed', 2, ['y', 'x'], 0)");
    CHECK_RAISES("reversed({1})", "TypeError: 'set' object is not reversible");
    CHECK_RAISES("reversed(seq=[])", "TypeError: reversed() takes no keyword arguments");
}
END_TEST

START_TEST(test_enumerate_zip)
{
    CHECK("r = list(enumerate('ab', -1)), list(enumerate('a', start=2 ** 64))",
          "([(-1, 'a'), (0, 'b')], [(18446744073709551616, 'a')])");
    CHECK("r = type(enumerate([])).__name__, type(zip()).__name__", "('enumerate', 'zip')");
    CHECK_RAISES("enumerate()", "TypeError: enumerate() missing required argument 'iterable'");
    CHECK_RAISES("enumerate([], 1.5)", "TypeError: 'float' object cannot be interpreted as an "
                                       "integer");
    CHECK_RAISES("enumerate([], x=1)", "TypeError: 'x' is an invalid keyword argument for "
                                       "enumerate()");
    CHECK("r = list(zip('ab', [1, 2, 3])), list(zip()), list(zip([1], strict=True))",
          "([('a', 1), ('b', 2)], [], [(1,)])");
    CHECK_RAISES("list(zip([1, 2], [1], strict=True))",
                 "ValueError: zip() argument 2 is shorter than argument 1");
    CHECK_RAISES("list(zip([1], [1], [], strict=True))",
                 "ValueError: zip() argument 3 is shorter than arguments 1-2");
    CHECK_RAISES("list(zip([1], [1], [1, 2], strict=True))",
                 "ValueError: zip() argument 3 is longer than arguments 1-2");
    CHECK_RAISES("zip([], 5)", "TypeError: 'int' object is not iterable");
}
END_TEST

START_TEST(test_map_filter_any_all)
{
    CHECK("r = list(map(pow, [2, 3], [3, 2, 9])), list(map(str, ()))", "([8, 9], [])");
    CHECK("r = list(filter(None, [0, 1, '', 'a'])), list(filter(bool, [[], [0]]))",
          "([1, 'a'], [[0]])");
    CHECK("seen = []\nm = map(seen.append, [1, 2])\nr = seen, next(m), seen", "([1], None, [1])");
    CHECK_RAISES("map(len)", "TypeError: map() must have at least two arguments.");
    CHECK_RAISES("filter(len)", "TypeError: filter expected 2 arguments, got 1");
    CHECK_RAISES("list(map(len, [1]))", "TypeError: object of type 'int' has no len()");
    CHECK("seen = []\nr = any(map(seen.append, [1, 2])), seen, all([])", "(False, [1, 2], True)");
    CHECK("it = iter([0, 1, 2, 3])\nr = any(it), list(it), all([1, 0, 1])", "(True, [2, 3], False)");
    CHECK_RAISES("any(1)", "TypeError: 'int' object is not iterable");
}
END_TEST

START_TEST(test_numbers)
{
    CHECK("r = round(0.5), round(1.5), round(2.5), round(-2.5), round(2.675, 2), round(0.125, 2)",
          "(0, 2, 2, -2, 2.67, 0.12)");
    CHECK("r = round(25, -1), round(35, -1), round(-25, -1), round(12345.678, -2), round(5, 3)",
          "(20, 40, -20, 12300.0, 5)");
    CHECK("r = round(1e300, -400), round(float('inf'), 2), type(round(2.5, None)).__name__",
          "(0.0, inf, 'int')");
    CHECK_RAISES("round('1')", "TypeError: type str doesn't define __round__ method");
    CHECK_RAISES("round()", "TypeError: round() missing required argument 'number' (pos 1)");
    CHECK_RAISES("round(float('nan'))", "ValueError: cannot convert float NaN to integer");
    CHECK("r = divmod(-7, 2), divmod(7.5, -2), pow(3, -1, 7), pow(2, -2), pow(base=2, exp=10)",
          "((-4, 1), (-4.0, -0.5), 5, 0.25, 1024)");
    CHECK_RAISES("pow(2)", "TypeError: pow() missing required argument 'exp' (pos 2)");
    CHECK_RAISES("pow(2, -1, 4)", "ValueError: base is not invertible for the given modulus");
    CHECK_RAISES("divmod(1, 'a')",
                 "TypeError: unsupported operand type(s) for divmod(): 'int' and 'str'");
    CHECK("r = hex(-255), oct(8), bin(True), hex(2 ** 64)", "('-0xff', '0o10', '0b1', "
                                                            "'0x10000000000000000')");
    CHECK_RAISES("hex(1.5)", "TypeError: 'float' object cannot be interpreted as an integer");
}
END_TEST

START_TEST(test_text)
{
    CHECK("r = chr(0x10FFFF) == '\\U0010ffff', chr(233), ord('\\u20ac'), ord(b'A')",
          "(True, 'é', 8364, 65)");
    CHECK_RAISES("chr(0x110000)", "ValueError: chr() arg not in range(0x110000)");
    CHECK_RAISES("chr(-1)", "ValueError: chr() arg not in range(0x110000)");
    CHECK_RAISES("chr(2 ** 40)", "OverflowError: Python int too large to convert to C int");
    CHECK_RAISES("ord('ab')", "TypeError: ord() expected a character, but string of length 2 "
                              "found");
    CHECK_RAISES("ord(1)", "TypeError: ord() expected string of length 1, but int found");
    CHECK("r = format(255, '#x'), format(2.5), format('a', '^3'), format(None)",
          "('0xff', '2.5', ' a ', 'None')");
    CHECK_RAISES("format(1, 2)", "TypeError: format() argument 2 must be str, not int");
    CHECK_RAISES("format(None, 'd')",
                 "TypeError: unsupported format string passed to NoneType.__format__");
    CHECK("r = ascii('é€😀')", "'\\xe9\\u20ac\\U0001f600'");
    CHECK("r = ascii([1, 'ü'])", "[1, '\\xfc']");
}
END_TEST

START_TEST(test_namespaces)
{
    CHECK("x = 1\nr = globals()['x'], 'x' in locals(), vars() is globals()", "(1, True, True)");
    CHECK("def f(a):\n    b = 2\n    def g():\n        return a\n    return sorted(locals()), dir()\n"
          "r = f(1)",
          "(['a', 'b', 'g'], ['a', 'b', 'g'])");
    CHECK("def f():\n    c = 3\n    def g():\n        return c, locals()\n    return g()\nr = f()",
          "(3, {'c': 3})");
    CHECK("r = 'append' in dir([]), dir(int) == sorted(dir(int)), '__class__' in dir(object())",
          "(True, True, True)");
    CHECK_RAISES("vars(1)", "TypeError: vars() argument must have __dict__ attribute");
    CHECK_RAISES("delattr(1, 'x')", "AttributeError: 'int' object has no attribute 'x'");
    CHECK_RAISES("globals(1)", "TypeError: globals() takes no arguments (1 given)");
    CHECK("r = issubclass(bool, (str, int)), issubclass(int, ())", "(True, False)");
    CHECK_RAISES("issubclass(1, int)", "TypeError: issubclass() arg 1 must be a class");
    CHECK_RAISES("issubclass(int, (str, 1))", "TypeError: issubclass() arg 2 must be a class, a "
                                              "tuple of classes, or a union");
    /* From C, with no Python frame running. */
    ck_assert_ptr_null(pr_object_call(builtin("locals"), NULL, 0, NULL));
    ASSERT_RAISED(PR_EXC(SystemError), "locals(): no current frame");
}
END_TEST

START_TEST(test_iter_sentinel_and_exit)
{
    CHECK("n = [0]\ndef f():\n    n[0] += 1\n    return n[0]\nit = iter(f, 3)\n"
          "r = type(it).__name__, list(it), next(it, 'done')",
          "('callable_iterator', [1, 2], 'done')");
    CHECK("it = iter([1, 2])\nr = list(iter(lambda: next(it), 9))", "[1, 2]");
    CHECK_RAISES("iter(1, 2)", "TypeError: iter(v, w): v must be callable");
    CHECK_RAISES("iter(len, 1, 2)", "TypeError: iter expected at most 2 arguments, got 3");
    CHECK("r = repr(exit), str(quit), type(exit).__name__",
          "('Use exit() or Ctrl-D (i.e. EOF) to exit', 'Use quit() or Ctrl-D (i.e. EOF) to exit', "
          "'Quitter')");
    CHECK_RAISES("exit(1, 2)", "TypeError: Quitter.__call__() takes from 1 to 2 positional "
                               "arguments but 3 were given");
    CHECK("try:\n    quit(code='bye')\nexcept SystemExit as e:\n    r = e.code, e.args", "('bye', "
                                                                                     "('bye',))");
    PrObject *three = pr_long_from_int64(3);
    ck_assert_ptr_null(pr_object_call(builtin("exit"), &three, 1, NULL));
    PR_DECREF(three);
    PrObject *exc = pr_err_fetch();
    ck_assert_ptr_eq(PR_TYPE_OF(exc), PR_EXC(SystemExit));
    ASSERT_REPR(exc, "SystemExit(3)");
    PR_DECREF(exc);
    ck_assert_ptr_null(pr_object_call(builtin("quit"), NULL, 0, NULL));
    ASSERT_RAISED(PR_EXC(SystemExit), "None");
}
END_TEST

START_TEST(test_print_and_attr_errors)
{
    CHECK_RAISES("print(1, sep=3)", "TypeError: sep must be None or a string, not int");
    CHECK_RAISES("print(1, end=[])", "TypeError: end must be None or a string, not list");
    CHECK_RAISES("print(1, bogus=3)", "TypeError: 'bogus' is an invalid keyword argument for "
                                      "print()");
    CHECK_RAISES("print(file=3)", "AttributeError: 'int' object has no attribute 'write'");
    CHECK_RAISES("max(1, 2, bogus=3)", "TypeError: 'bogus' is an invalid keyword argument for "
                                       "max()");
    CHECK_RAISES("sum()", "TypeError: sum() takes at least 1 positional argument (0 given)");
    CHECK_RAISES("sum([], 1, 2)", "TypeError: sum() takes at most 2 arguments (3 given)");
    CHECK("r = sum([1], start=2), sum([[1]], [])", "(3, [1])");
    CHECK_RAISES("getattr(1, 2)", "TypeError: attribute name must be string, not 'int'");
    CHECK_RAISES("hasattr(1, 2)", "TypeError: attribute name must be string, not 'int'");
    CHECK_RAISES("object().x = 1", "AttributeError: 'object' object has no attribute 'x'");
}
END_TEST

Suite *pr_test_builtins_suite(void)
{
    Suite *s = suite_create("builtins");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_sorted_reversed);
    tcase_add_test(tc, test_enumerate_zip);
    tcase_add_test(tc, test_map_filter_any_all);
    tcase_add_test(tc, test_numbers);
    tcase_add_test(tc, test_text);
    tcase_add_test(tc, test_namespaces);
    tcase_add_test(tc, test_iter_sentinel_and_exit);
    tcase_add_test(tc, test_print_and_attr_errors);
    suite_add_tcase(s, tc);
    return s;
}
