/* cli/version.h — pyrena's version, shown by -V and in the REPL banner. */
#ifndef PR_CLI_VERSION_H
#define PR_CLI_VERSION_H

#define PR_VERSION "0.1.0"
#define PR_PYTHON_VERSION "3.11" /* the language level pyrena follows */

#endif
