/* stdlib/sys.h — the sys module (registered in stdlib/modules.def): argv, exit, getsizeof,
 * getrefcount, the recursion limit, the standard streams, modules, path, version facts and
 * _debugmallocstats. What the CLI tells it before the program runs is set here. */
#ifndef PR_STDLIB_SYS_H
#define PR_STDLIB_SYS_H

#include "vm/interp.h"

/* Records the program's arguments for sys.argv: argv0 ("-c" or the file name as given) then
 * the nargs strings of args (borrowed: they must outlive the interpreter, as main's argv
 * does). Call after pr_interp_init. */
void pr_sys_set_argv(const char *argv0, char *const *args, int nargs);

/* sys.stdout when a program replaced it with another object, else NULL (print then writes to
 * C's stdout directly, the buffer sys.stdout's own file object shares). Returns: borrowed. */
PrObject *pr_sys_stdout_override_borrow(void);

#endif
