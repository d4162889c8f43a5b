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

/* A chunk of the frame stack (vm/frame.c): frames are carved from the newest by bumping top. */
typedef struct PrFrameChunk {
    struct PrFrameChunk *previous;
    size_t size; /* words in data */
    size_t top;  /* words in use */
    PrObject *data[];
} PrFrameChunk;

/* The out-of-line halves of push and pop (vm/frame.c): `words` at the start of a new chunk
 * (NULL with MemoryError), the frame object's detaching, and the newest chunk, emptied, made
 * the spare. */
PrObject **pr_frame_reserve_chunk(size_t words);
void pr_frame_detach_object(PrFrame *f);
void pr_frame_release_chunk(void);

/* A frame of code on the frame stack, its slots NULL, its references taken (func may be NULL).
 * A function's frame borrows globals and builtins from func, which it holds; a frame without
 * func (module code) owns them. Inline: every Python-to-Python call pushes one.
 * Returns: the frame, or NULL with MemoryError. */
static inline PrFrame *pr_frame_push(PrCode *code, PrObject *func, PrObject *globals,
                                     PrObject *builtins, PrObject *locals)
{
    size_t words = PR_FRAME_WORDS(code);
    PrFrameChunk *c = pr_interp.vm.chunk;
    PrFrame *f;
    if (c && c->size - c->top >= words) {
        f = (PrFrame *)(void *)(c->data + c->top);
        c->top += words;
    } else if (!(f = (PrFrame *)(void *)pr_frame_reserve_chunk(words))) {
        return NULL;
    }
    f->code = (PrCode *)PR_NEWREF(code);
    f->func = func;
    if (func) {
        PR_INCREF(func);
    } else {
        PR_INCREF(globals);
        PR_INCREF(builtins);
    }
    f->globals = globals;
    f->builtins = builtins;
    PR_XINCREF(locals);
    f->locals = locals;
    f->previous = pr_interp.vm.frame;
    f->frame_obj = NULL;
    f->next_instr = code->code;
    f->stacktop = 0;
    f->is_entry = 0;
    for (int i = 0; i < code->nlocalsplus; i++) {
        f->localsplus[i] = NULL;
    }
    return f;
}

/* Releases everything the top frame f holds (its slots, stack values up to stacktop), detaches
 * its frame object, and takes it off the frame stack. */
static inline void pr_frame_pop(PrFrame *f)
{
    if (f->frame_obj) {
        pr_frame_detach_object(f);
    }
    PrObject **slots = f->localsplus;
    int n = f->code->nlocalsplus + f->stacktop;
    for (int i = 0; i < n; i++) {
        PR_XDECREF(slots[i]);
    }
    size_t words = PR_FRAME_WORDS(f->code);
    PR_DECREF(f->code);
    if (f->func) {
        PR_DECREF(f->func);
    } else {
        PR_DECREF(f->globals);
        PR_DECREF(f->builtins);
    }
    PR_XDECREF(f->locals);
    PrFrameChunk *c = pr_interp.vm.chunk;
    PR_ASSERT((PrObject **)f + words == c->data + c->top);
    c->top -= words;
    if (c->top == 0 && c->previous) {
        pr_frame_release_chunk();
    }
}

/* The frame object of f, made on first request. Returns: borrowed. Errors: MemoryError. */
PrFrameObject *pr_frame_object_borrow(PrFrame *f);

/* Offset in code units of f's last instruction (next_instr - 1), -1 before the first. */
int pr_frame_lasti(const PrFrame *f);

/* Frees the chunks of the frame stack (pr_vm_fini; the stack must be empty). */
void pr_frame_stack_fini(void);

#endif
