/* vm/traceback.h — traceback objects (exc.__traceback__: one entry per frame the exception went
 * through, outermost first) and the printer of uncaught exceptions in CPython 3.11's exact
 * layout: source lines, position carets (^^^ and ~~~^~~ anchors for binary operators and
 * subscripts), "[Previous line repeated N more times]", chained exceptions. */
#ifndef PR_VM_TRACEBACK_H
#define PR_VM_TRACEBACK_H

#include "vm/frame.h"

#include <stdio.h>

typedef struct PrTraceback {
    PrObject ob;
    PrObject *next;         /* tb_next: the entry of the frame it was raised from, or NULL */
    PrFrameObject *frame;   /* tb_frame */
    int lasti;              /* tb_lasti, in code units */
    int lineno;             /* tb_lineno */
} PrTraceback;

extern const PrType pr_traceback_spec;

/* Adds the entry for frame f (at its last instruction) in front of the pending exception's
 * __traceback__, as CPython's PyTraceBack_Here. Never fails: out of memory, the entry is lost. */
void pr_traceback_here(PrFrame *f);

/* Prints exc (an exception instance) as sys.excepthook does: its chain of causes and contexts,
 * each with "Traceback (most recent call last):" and its entries, then "Type: message". */
void pr_traceback_print_exception(FILE *out, PrObject *exc);

#endif
