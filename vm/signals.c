/* vm/signals.c — SIGINT to KeyboardInterrupt (vm/signals.h). */
#include "vm/signals.h"

#include "objects/exceptions.h"
#include "vm/errors.h"

#include <signal.h>
#include <string.h>

static void on_sigint(int sig)
{
    (void)sig;
    pr_interp.vm.sigint = 1;
}

void pr_signals_install(void)
{
    struct sigaction old;
    if (sigaction(SIGINT, NULL, &old) < 0 || old.sa_handler != SIG_DFL) {
        return; /* ignored (a background job) or handled by our host: leave it, as CPython */
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
}

void pr_signals_exit_by_sigint(void)
{
    signal(SIGINT, SIG_DFL);
    raise(SIGINT);
}

int pr_signals_check(void)
{
    if (!pr_interp.vm.sigint) {
        return 0;
    }
    pr_interp.vm.sigint = 0;
    pr_err_set_object(PR_EXC(KeyboardInterrupt), NULL);
    return -1;
}
