/* vm/code.c — the code object type and its tables: the opcode table expanded from
 * vm/opcodes.def, construction, repr, traverse, and the decoders of the line and exception
 * tables (formats at the top of vm/code.h). The encoders live with the assembler
 * (vm/assemble.c), which is their only writer. */
#include "vm/code.h"

#include "memory/obmalloc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm/errors.h"
#include "vm/interp.h"

#include <string.h>

/* ---- the opcode table ----------------------------------------------------------------------- */

#define PR_OPCODE(NAME, pop, push, KIND, ncache) [PR_OP_##NAME] = {#NAME, PR_OPK_##KIND, ncache, 0},
const PrOpcodeInfo pr_opcode_info[PR_OP__COUNT] = {
#include "vm/opcodes.def"
};

/* Counts rows so the table and the enum cannot drift apart. */
enum {
#define PR_OPCODE(NAME, pop, push, KIND, ncache) OPCODE_ROW_##NAME,
#include "vm/opcodes.def"
    OPCODE_ROWS
};
_Static_assert((int)OPCODE_ROWS == (int)PR_OP__COUNT, "one row of opcodes.def per opcode");
_Static_assert(sizeof pr_opcode_info / sizeof pr_opcode_info[0] == PR_OP__COUNT,
               "pr_opcode_info has one entry per opcode");

static int jump_effect(int op, int oparg, int *pops, int *pushes)
{
    (void)oparg;
    switch (op) {
#define PR_OPCODE_JUMP(NAME, pop, push)                                                            \
    case PR_OP_##NAME:                                                                             \
        *pops = (pop);                                                                             \
        *pushes = (push);                                                                          \
        return 1;
#include "vm/opcodes.def"
    default:
        return 0;
    }
}

int pr_opcode_pops(int op, int oparg, int jump)
{
    int pops, pushes;
    if (jump && jump_effect(op, oparg, &pops, &pushes)) {
        return pops;
    }
    switch (op) {
#define PR_OPCODE(NAME, pop, push, KIND, ncache)                                                   \
    case PR_OP_##NAME:                                                                             \
        return (pop);
#include "vm/opcodes.def"
    default:
        return 0;
    }
}

int pr_opcode_pushes(int op, int oparg, int jump)
{
    int pops, pushes;
    if (jump && jump_effect(op, oparg, &pops, &pushes)) {
        return pushes;
    }
    switch (op) {
#define PR_OPCODE(NAME, pop, push, KIND, ncache)                                                   \
    case PR_OP_##NAME:                                                                             \
        return (push);
#include "vm/opcodes.def"
    default:
        return 0;
    }
}

int pr_opcode_is_jump(int op)
{
    return op >= 0 && op < PR_OP__COUNT &&
           (pr_opcode_info[op].kind == PR_OPK_JREL || pr_opcode_info[op].kind == PR_OPK_JBACK);
}

/* ---- the type ------------------------------------------------------------------------------- */

static void code_dealloc(PrObject *self)
{
    PrCode *co = (PrCode *)self;
    PR_XDECREF(co->consts);
    PR_XDECREF(co->names);
    PR_XDECREF(co->localsplusnames);
    PR_XDECREF(co->name);
    PR_XDECREF(co->qualname);
    PR_XDECREF(co->filename);
    /* The three byte tables share one block, localspluskinds first. */
    pr_mem_free(co->localspluskinds);
    pr_object_free(self);
}

static PrObject *code_repr(PrObject *self)
{
    PrCode *co = (PrCode *)self;
    return pr_str_from_format("<code object %U at %p, file \"%U\", line %d>", co->name, (void *)co,
                              co->filename, co->firstlineno);
}

static int code_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrCode *co = (PrCode *)self;
    PrObject *refs[] = {co->consts, co->names, co->localsplusnames, co->name, co->qualname,
                        co->filename};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        if (refs[i]) {
            int r = visit(refs[i], arg);
            if (r) {
                return r;
            }
        }
    }
    return 0;
}

static PrHash code_hash(PrObject *self)
{
    return pr_hash_pointer(self);
}

const PrType pr_code_spec = {
    .name = "code",
    .doc = "Create a code object.  Not for the faint of heart.",
    .basicsize = offsetof(PrCode, code),
    .itemsize = sizeof(PrCodeUnit),
    .flags = PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = code_dealloc,
    .repr = code_repr,
    .hash = code_hash,
    .traverse = code_traverse,
};

static int is_str_tuple(PrObject *t)
{
    if (!t || PR_TYPE_OF(t) != PR_TYPE(tuple)) {
        return 0;
    }
    for (ssize_t i = 0; i < pr_tuple_size(t); i++) {
        if (!PR_STR_CHECK(pr_tuple_get_borrow(t, i))) {
            return 0;
        }
    }
    return 1;
}

static int spec_valid(const PrCodeSpec *s)
{
    return s->ncode >= 0 && s->consts && PR_TYPE_OF(s->consts) == PR_TYPE(tuple) &&
           is_str_tuple(s->names) && is_str_tuple(s->localsplusnames) && s->name &&
           PR_STR_CHECK(s->name) && s->qualname && PR_STR_CHECK(s->qualname) && s->filename &&
           PR_STR_CHECK(s->filename) && s->linetable_size >= 0 && s->exceptiontable_size >= 0;
}

/* Counts locals, cells and frees from the kinds, as 3.11's _PyCode_Validate/init does. */
static void count_kinds(PrCode *co)
{
    for (int i = 0; i < co->nlocalsplus; i++) {
        uint8_t k = co->localspluskinds[i];
        if (k & PR_CO_FAST_LOCAL) {
            co->nlocals++;
        }
        if (k & PR_CO_FAST_CELL) {
            co->ncellvars++;
        }
        if (k & PR_CO_FAST_FREE) {
            co->nfreevars++;
        }
    }
}

PrObject *pr_code_new(const PrCodeSpec *s)
{
    if (!spec_valid(s)) {
        return pr_err_bad_internal_call("pr_code_new");
    }
    ssize_t nlp = pr_tuple_size(s->localsplusnames);
    PrCode *co = (PrCode *)pr_object_new_var(PR_TYPE(code), s->ncode);
    if (!co) {
        return NULL;
    }
    size_t nbytes = (size_t)nlp + (size_t)s->linetable_size + (size_t)s->exceptiontable_size;
    uint8_t *block = pr_mem_alloc(nbytes ? nbytes : 1);
    if (!block) {
        PR_DECREF(co);
        return pr_err_no_memory();
    }
    if (s->ncode) {
        memcpy(co->code, s->code, (size_t)s->ncode * sizeof(PrCodeUnit));
    }
    if (nlp) {
        memcpy(block, s->localspluskinds, (size_t)nlp);
    }
    co->localspluskinds = block;
    co->linetable = block + nlp;
    if (s->linetable_size) {
        memcpy(co->linetable, s->linetable, (size_t)s->linetable_size);
    }
    co->exceptiontable = co->linetable + s->linetable_size;
    if (s->exceptiontable_size) {
        memcpy(co->exceptiontable, s->exceptiontable, (size_t)s->exceptiontable_size);
    }
    co->linetable_size = s->linetable_size;
    co->exceptiontable_size = s->exceptiontable_size;
    co->consts = PR_NEWREF(s->consts);
    co->names = PR_NEWREF(s->names);
    co->localsplusnames = PR_NEWREF(s->localsplusnames);
    co->name = PR_NEWREF(s->name);
    co->qualname = PR_NEWREF(s->qualname);
    co->filename = PR_NEWREF(s->filename);
    co->argcount = s->argcount;
    co->posonlyargcount = s->posonlyargcount;
    co->kwonlyargcount = s->kwonlyargcount;
    co->nlocalsplus = (int)nlp;
    co->stacksize = s->stacksize;
    co->flags = s->flags;
    co->firstlineno = s->firstlineno;
    count_kinds(co);
    return (PrObject *)co;
}

/* ---- the line table ------------------------------------------------------------------------- */

static uint64_t read_varint(const uint8_t *p, ssize_t n, ssize_t *pos)
{
    uint64_t v = 0;
    int shift = 0;
    while (*pos < n) {
        uint8_t b = p[(*pos)++];
        v |= (uint64_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) {
            break;
        }
        shift += 7;
    }
    return v;
}

static int64_t unzigzag(uint64_t v)
{
    return (v & 1) ? -(int64_t)(v >> 1) - 1 : (int64_t)(v >> 1);
}

/* A walk over the line table: where it is in the bytes, in the code, and the previous line
 * (line deltas are relative to it). */
typedef struct LineWalk {
    ssize_t pos;  /* byte position in the table */
    ssize_t unit; /* first unit of the next run */
    int line;     /* line of the previous positioned run */
} LineWalk;

static int line_walk_next(const PrCode *co, LineWalk *w, ssize_t *start, ssize_t *end,
                          PrCodeLocation *loc)
{
    const uint8_t *t = co->linetable;
    ssize_t n = co->linetable_size;
    if (w->pos >= n) {
        return 0;
    }
    ssize_t len = (ssize_t)read_varint(t, n, &w->pos);
    uint64_t tag = read_varint(t, n, &w->pos);
    if (tag == 0) {
        loc->line = loc->end_line = loc->col = loc->end_col = -1;
    } else {
        w->line += (int)unzigzag(tag - 1);
        loc->line = w->line;
        loc->end_line = w->line + (int)read_varint(t, n, &w->pos);
        loc->col = (int)read_varint(t, n, &w->pos) - 1;
        loc->end_col = (int)read_varint(t, n, &w->pos) - 1;
    }
    *start = w->unit;
    *end = w->unit + len;
    w->unit += len;
    return 1;
}

int pr_code_next_run(const PrCode *co, ssize_t *pos, ssize_t *start, ssize_t *end,
                     PrCodeLocation *loc)
{
    /* *pos counts runs already returned; replaying from the start keeps the walk state out of
     * the caller (tables are short; callers in hot paths use pr_code_location). */
    LineWalk w = {0, 0, co->firstlineno};
    for (ssize_t i = 0; i <= *pos; i++) {
        if (!line_walk_next(co, &w, start, end, loc)) {
            return 0;
        }
    }
    (*pos)++;
    return 1;
}

int pr_code_location(const PrCode *co, ssize_t offset, PrCodeLocation *loc)
{
    LineWalk w = {0, 0, co->firstlineno};
    ssize_t start, end;
    while (line_walk_next(co, &w, &start, &end, loc)) {
        if (offset >= start && offset < end) {
            return 1;
        }
    }
    loc->line = loc->end_line = loc->col = loc->end_col = -1;
    return 0;
}

int pr_code_addr2line(const PrCode *co, ssize_t offset)
{
    PrCodeLocation loc;
    pr_code_location(co, offset, &loc);
    return loc.line;
}

/* ---- the exception table -------------------------------------------------------------------- */

static int read_varint6(const uint8_t *p, ssize_t n, ssize_t *pos)
{
    if (*pos >= n) {
        return 0;
    }
    uint8_t b = p[(*pos)++];
    int v = b & 63;
    while ((b & 64) && *pos < n) {
        b = p[(*pos)++];
        v = (v << 6) | (b & 63);
    }
    return v;
}

int pr_code_next_handler(const PrCode *co, ssize_t *pos, PrExceptEntry *e)
{
    const uint8_t *t = co->exceptiontable;
    ssize_t n = co->exceptiontable_size;
    if (*pos >= n) {
        return 0;
    }
    e->start = read_varint6(t, n, pos);
    e->end = e->start + read_varint6(t, n, pos);
    e->target = read_varint6(t, n, pos);
    int dl = read_varint6(t, n, pos);
    e->depth = dl >> 1;
    e->lasti = dl & 1;
    return 1;
}

int pr_code_find_handler(const PrCode *co, ssize_t offset, PrExceptEntry *entry)
{
    ssize_t pos = 0;
    PrExceptEntry e;
    while (pr_code_next_handler(co, &pos, &e)) {
        if (offset < e.start) {
            return 0;
        }
        if (offset < e.end) {
            *entry = e;
            return 1;
        }
    }
    return 0;
}
