/* vm/run.h — running a program: source text through lexer, parser, scope analysis, compiler
 * and the eval loop in a module namespace, reporting what escapes as CPython does (SyntaxError
 * without a traceback header, other exceptions with their traceback on stderr, SystemExit's
 * code as the exit status). What the CLI and the REPL call. */
#ifndef PR_VM_RUN_H
#define PR_VM_RUN_H

#include "vm/interp.h"

#include <stddef.h>

/* Runs src (len bytes of UTF-8) as the module `filename` names (shown in tracebacks; source
 * lines are read from that file) in globals, a dict, or in a fresh `__main__` namespace when
 * globals is NULL (cleared and released afterwards, so functions and their globals do not keep
 * each other alive). Starts the interpreter if nothing did.
 * Returns: the exit status: 0 when the program ends normally; 1 after printing an uncaught
 * exception (or a SyntaxError) to stderr; for SystemExit, its code (None: 0, an int: that
 * int, anything else: printed to stderr, 1). */
int pr_run_source(const char *src, size_t len, const char *filename, PrObject *globals);

/* Prints the pending exception as an uncaught one and clears it, returning the exit status as
 * pr_run_source does (SystemExit handled). */
int pr_run_report_exception(void);

#endif
