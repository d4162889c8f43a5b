/* cli/main.c — the pyrena command: parses the command line and hands the work to the library.
 * What it can run grows with the interpreter; what it cannot do yet it says plainly. */
#include "cli/version.h"

#include <stdio.h>
#include <string.h>

static const char usage_text[] =
    "usage: pyrena [option] ... [-c cmd | file] [arg] ...\n"
    "Options:\n"
    "  -h, --help     print this help message and exit\n"
    "  -V, --version  print the pyrena version number and exit\n";

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("pyrena %s (Python %s subset)\n", PR_VERSION, PR_PYTHON_VERSION);
            return 0;
        }
        fprintf(stderr, "pyrena: unknown option or argument: %s\n%s", a, usage_text);
        return 2;
    }
    fputs(usage_text, stderr);
    return 2;
}
