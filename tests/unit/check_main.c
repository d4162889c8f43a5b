/* tests/unit/check_main.c — runs every Check suite listed in suites.def.
 * Usage: check_main [SUITE...]   (no arguments: all suites). CK_FORK etc. work as usual. */
#include "tests/unit/suites.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *name;
    Suite *(*make)(void);
} SuiteEntry;

static const SuiteEntry suites[] = {
#define SUITE(name) {#name, pr_test_##name##_suite},
#include "tests/unit/suites.def"
#undef SUITE
};

static int wanted(const char *name, int argc, char **argv)
{
    if (argc < 2) {
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], name) == 0) {
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    SRunner *runner = NULL;
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++) {
        if (!wanted(suites[i].name, argc, argv)) {
            continue;
        }
        if (!runner) {
            runner = srunner_create(suites[i].make());
        } else {
            srunner_add_suite(runner, suites[i].make());
        }
    }
    if (!runner) {
        return EXIT_FAILURE;
    }
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
