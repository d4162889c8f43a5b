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

PrObject **pr_frame_reserve_chunk(size_t words)
{
    PrFrameChunk *n = new_chunk(words);
    if (!n) {
        pr_err_no_memory();
        return NULL;
    }
    n->previous = pr_interp.vm.chunk;
    pr_interp.vm.chunk = n;
    n->top = words;
    return n->data;
}

/* Detaches the frame object: it keeps the last instruction and line; the frame is gone. */
void pr_frame_detach_object(PrFrame *f)
{
    PrFrameObject *fo = f->frame_obj;
    fo->lasti = pr_frame_lasti(f);
    fo->lineno = pr_code_addr2line(f->code, fo->lasti);
    fo->frame = NULL;
    f->frame_obj = NULL;
    PR_DECREF(fo);
}

void pr_frame_release_chunk(void)
{
    PrFrameChunk *c = pr_interp.vm.chunk;
    pr_interp.vm.chunk = c->previous;
    pr_mem_free(pr_interp.vm.spare);
    pr_interp.vm.spare = c;
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
