/* vm/frame.c — the frame stack and frame objects (vm/frame.h).
 *
 * The frame stack is a list of chunks, each a block of words from pr_mem_alloc; frames are
 * carved from the newest chunk by bumping `top`. When a frame does not fit, a new chunk (at
 * least PR_FRAME_CHUNK_WORDS, or the frame's size) is linked on top; when the last frame of a
 * chunk is popped the chunk becomes the spare (one at most, the older one is freed), so a
 * recursion that oscillates around a chunk boundary does not allocate on every call. */
#include "vm/frame.h"

#include "memory/obmalloc.h"
#include "objects/str.h"
#include "vm/errors.h"

#include <string.h>

#define PR_FRAME_CHUNK_WORDS ((size_t)16 * 1024)

typedef struct PrFrameChunk {
    struct PrFrameChunk *previous;
    size_t size;     /* words in data */
    size_t top;      /* words in use */
    PrObject *data[];
} PrFrameChunk;

static PrFrameChunk *new_chunk(size_t words)
{
    PrFrameChunk *spare = pr_interp.vm.spare;
    if (spare && spare->size >= words) {
        pr_interp.vm.spare = NULL;
        spare->top = 0;
        return spare;
    }
    if (words < PR_FRAME_CHUNK_WORDS) {
        words = PR_FRAME_CHUNK_WORDS;
    }
    PrFrameChunk *c = pr_mem_alloc(sizeof(PrFrameChunk) + words * sizeof(PrObject *));
    if (!c) {
        return NULL;
    }
    c->previous = NULL;
    c->size = words;
    c->top = 0;
    return c;
}

/* Room for `words` on the stack: the current chunk, or a chunk pushed on top of it. */
static PrObject **reserve(size_t words)
{
    PrFrameChunk *c = pr_interp.vm.chunk;
    if (!c || c->size - c->top < words) {
        PrFrameChunk *n = new_chunk(words);
        if (!n) {
            pr_err_no_memory();
            return NULL;
        }
        n->previous = c;
        pr_interp.vm.chunk = c = n;
    }
    PrObject **p = c->data + c->top;
    c->top += words;
    return p;
}

PrFrame *pr_frame_push(PrCode *code, PrObject *func, PrObject *globals, PrObject *builtins,
                       PrObject *locals)
{
    size_t words = PR_FRAME_WORDS(code);
    PrFrame *f = (PrFrame *)reserve(words);
    if (!f) {
        return NULL;
    }
    f->code = (PrCode *)PR_NEWREF(code);
    PR_XINCREF(func);
    f->func = func;
    f->globals = PR_NEWREF(globals);
    f->builtins = PR_NEWREF(builtins);
    PR_XINCREF(locals);
    f->locals = locals;
    f->previous = pr_interp.vm.frame;
    f->frame_obj = NULL;
    f->next_instr = code->code;
    f->stacktop = 0;
    f->is_entry = 0;
    memset(f->localsplus, 0, (size_t)code->nlocalsplus * sizeof(PrObject *));
    return f;
}

/* Detaches the frame object: it keeps the last instruction and line; the frame is gone. */
static void detach_frame_object(PrFrame *f)
{
    PrFrameObject *fo = f->frame_obj;
    fo->lasti = pr_frame_lasti(f);
    fo->lineno = pr_code_addr2line(f->code, fo->lasti);
    fo->frame = NULL;
    f->frame_obj = NULL;
    PR_DECREF(fo);
}

void pr_frame_pop(PrFrame *f)
{
    if (f->frame_obj) {
        detach_frame_object(f);
    }
    PrObject **slots = f->localsplus;
    int n = f->code->nlocalsplus + f->stacktop;
    for (int i = 0; i < n; i++) {
        PR_XDECREF(slots[i]);
    }
    size_t words = PR_FRAME_WORDS(f->code);
    PR_DECREF(f->code);
    PR_XDECREF(f->func);
    PR_DECREF(f->globals);
    PR_DECREF(f->builtins);
    PR_XDECREF(f->locals);
    PrFrameChunk *c = pr_interp.vm.chunk;
    PR_ASSERT((PrObject **)f + words == c->data + c->top);
    c->top -= words;
    if (c->top == 0 && c->previous) {
        pr_interp.vm.chunk = c->previous;
        pr_mem_free(pr_interp.vm.spare);
        pr_interp.vm.spare = c;
    }
}

int pr_frame_lasti(const PrFrame *f)
{
    return (int)(f->next_instr - f->code->code) - 1;
}

void pr_frame_stack_fini(void)
{
    while (pr_interp.vm.chunk) {
        PrFrameChunk *c = pr_interp.vm.chunk;
        PR_ASSERT(c->top == 0);
        pr_interp.vm.chunk = c->previous;
        pr_mem_free(c);
    }
    pr_mem_free(pr_interp.vm.spare);
    pr_interp.vm.spare = NULL;
}

/* ============================================================================================
 *  Frame objects
 * ============================================================================================ */

PrFrameObject *pr_frame_object_borrow(PrFrame *f)
{
    if (f->frame_obj) {
        return f->frame_obj;
    }
    PrFrameObject *fo = (PrFrameObject *)pr_object_new(PR_TYPE(frame));
    if (!fo) {
        return NULL;
    }
    fo->frame = f;
    fo->code = PR_NEWREF(f->code);
    fo->globals = PR_NEWREF(f->globals);
    fo->lasti = -1;
    fo->lineno = f->code->firstlineno;
    pr_gc_track((PrObject *)fo);
    f->frame_obj = fo;
    return fo;
}

static void frame_dealloc(PrObject *self)
{
    PrFrameObject *fo = (PrFrameObject *)self;
    pr_gc_untrack(self);
    PR_CLEAR(fo->code);
    PR_CLEAR(fo->globals);
    pr_object_free(self);
}

static int frame_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrFrameObject *fo = (PrFrameObject *)self;
    int r = visit(fo->code, arg);
    return r ? r : visit(fo->globals, arg);
}

static int frame_lineno(PrFrameObject *fo)
{
    if (fo->frame) {
        return pr_code_addr2line(fo->frame->code, pr_frame_lasti(fo->frame));
    }
    return fo->lineno;
}

/* <frame at 0x..., file '/x.py', line 3, code f> as CPython. */
static PrObject *frame_repr(PrObject *self)
{
    PrFrameObject *fo = (PrFrameObject *)self;
    PrCode *co = (PrCode *)fo->code;
    return pr_str_from_format("<frame at %p, file %R, line %d, code %U>", (void *)self,
                              co->filename, frame_lineno(fo), co->name);
}

static PrObject *frame_get_code(PrObject *self, void *c)
{
    return PR_NEWREF(((PrFrameObject *)self)->code);
}

static PrObject *frame_get_globals(PrObject *self, void *c)
{
    return PR_NEWREF(((PrFrameObject *)self)->globals);
}

static const PrGetSetDef frame_getsets[] = {
    {"f_code", frame_get_code, NULL, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const PrType pr_frame_spec = {
    .name = "frame",
    .basicsize = sizeof(PrFrameObject),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = frame_dealloc,
    .repr = frame_repr,
    .traverse = frame_traverse,
    .getsets = frame_getsets,
};
