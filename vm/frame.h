/* vm/frame.h — frames: where a running function keeps its state. Frames are not objects: they
 * live on the frame stack, contiguous chunks of memory that the eval loop pushes a frame onto
 * for every Python-to-Python call and pops on return (no C recursion, no allocation per call
 * once a chunk exists). A frame *object* (PrFrameObject, the `frame` type) is made only when
 * something needs one: a traceback entry. Generators (next issue) will copy a frame into a
 * block of their own: a frame is position-independent (no pointer into itself), so a memcpy of
 * PR_FRAME_SIZE(code) words is a valid frame.
 *
 * Layout of one frame (CPython 3.11's _PyInterpreterFrame):
 *
 *     +--------------------+  PrFrame: code, func, globals, builtins, locals, previous,
 *     | header             |  frame_obj, next_instr, stacktop, flags
 *     +--------------------+  localsplus[0]
 *     | locals             |  co->nlocals: parameters first (in binding order), then locals
 *     | cells              |  cell variables (a PrCell each, made by MAKE_CELL)
 *     | free variables     |  the closure's cells (COPY_FREE_VARS)
 *     +--------------------+  localsplus[co->nlocalsplus]
 *     | value stack        |  co->stacksize slots, growing up; stacktop counts them
 *     +--------------------+
 */
#ifndef PR_VM_FRAME_H
#define PR_VM_FRAME_H

#include "vm/code.h"
#include "vm/interp.h"

#include <stdint.h>

typedef struct PrFrame {
    PrCode *code;                    /* strong */
    PrObject *func;                  /* strong; NULL for module-level code */
    PrObject *globals;               /* strong */
    PrObject *builtins;              /* strong */
    PrObject *locals;                /* strong; the namespace of module/class code, else NULL */
    struct PrFrame *previous;        /* the caller on the frame stack */
    struct PrFrameObject *frame_obj; /* strong, made on demand, or NULL */
    const uint16_t *next_instr;      /* after the instruction running (or last run) */
    int stacktop;                    /* values on the stack (valid when not running) */
    uint8_t is_entry;                /* returning from it leaves pr_eval_frame */
    PrObject *localsplus[];
} PrFrame;

/* Words a frame for code takes on the frame stack. */
#define PR_FRAME_WORDS(co)                                                                         \
    ((sizeof(PrFrame) / sizeof(PrObject *)) + (size_t)(co)->nlocalsplus + (size_t)(co)->stacksize)

/* The frame object: what a traceback and (later) sys._getframe hold. While its frame runs it
 * points at it; when the frame is popped it keeps what is still asked of it (code, globals,
 * last instruction, line) and frame becomes NULL. */
typedef struct PrFrameObject {
    PrObject ob;
    PrFrame *frame;     /* the live frame, or NULL once popped */
    PrObject *code;     /* strong */
    PrObject *globals;  /* strong */
    int lasti;          /* offset of the last instruction, in code units */
    int lineno;         /* its line */
} PrFrameObject;

extern const PrType pr_frame_spec;

/* A frame of code on the frame stack, its slots NULL, its references taken (func may be NULL).
 * Returns: the frame, or NULL with MemoryError. */
PrFrame *pr_frame_push(PrCode *code, PrObject *func, PrObject *globals, PrObject *builtins,
                       PrObject *locals);

/* Releases everything the top frame f holds (its slots, stack values up to stacktop), detaches
 * its frame object, and takes it off the frame stack. */
void pr_frame_pop(PrFrame *f);

/* The frame object of f, made on first request. Returns: borrowed. Errors: MemoryError. */
PrFrameObject *pr_frame_object_borrow(PrFrame *f);

/* Offset in code units of f's last instruction (next_instr - 1), -1 before the first. */
int pr_frame_lasti(const PrFrame *f);

/* Frees the chunks of the frame stack (pr_vm_fini; the stack must be empty). */
void pr_frame_stack_fini(void);

#endif
