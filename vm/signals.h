/* vm/signals.h — Ctrl-C as KeyboardInterrupt, the way CPython does it: the SIGINT handler only
 * sets a flag in the interpreter state; the eval loop looks at the flag where CPython's eval
 * breaker does (on entering a function and on every backward jump) and blocking reads look at
 * it when a read is interrupted, and that is where KeyboardInterrupt is raised. A program that
 * lets KeyboardInterrupt escape ends, after its traceback and the teardown, by SIGINT itself
 * (the shell sees status 130), as CPython 3.8+ does. */
#ifndef PR_VM_SIGNALS_H
#define PR_VM_SIGNALS_H

#include "vm/interp.h"

/* The status pr_run_source returns when KeyboardInterrupt escaped the program. */
#define PR_EXIT_SIGINT (-2)

/* Installs the SIGINT handler (without SA_RESTART, so a blocking read returns EINTR) when SIGINT
 * has its default action; an ignored SIGINT (a background job) stays ignored, as in CPython. */
void pr_signals_install(void);

/* Puts SIGINT back to the default action and raises it: the process dies of SIGINT as CPython
 * does when KeyboardInterrupt is uncaught. Returns only if the signal did not kill it. */
void pr_signals_exit_by_sigint(void);

/* Whether a signal arrived that the program has not seen yet: cheap enough for the eval loop. */
static inline int pr_signals_pending(void)
{
    return pr_interp.vm.sigint != 0;
}

/* Takes the pending signal: raises KeyboardInterrupt and returns -1, or returns 0 when none is
 * pending. */
int pr_signals_check(void);

#endif
