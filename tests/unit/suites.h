/* tests/unit/suites.h — the constructors of every Check suite, declared from suites.def. */
#ifndef PR_TESTS_UNIT_SUITES_H
#define PR_TESTS_UNIT_SUITES_H

#include <check.h>

#define SUITE(name) Suite *pr_test_##name##_suite(void);
#include "tests/unit/suites.def"
#undef SUITE

#endif
