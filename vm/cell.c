/* vm/cell.c — the cell type (vm/cell.h). */
#include "vm/cell.h"

#include "objects/str.h"
#include "vm/errors.h"

PrObject *pr_cell_new(PrObject *value)
{
    PrCell *c = (PrCell *)pr_object_new(PR_TYPE(cell));
    if (!c) {
        return NULL;
    }
    PR_XINCREF(value);
    c->ref = value;
    pr_gc_track((PrObject *)c);
    return (PrObject *)c;
}

void pr_cell_set(PrObject *cell, PrObject *value)
{
    PR_XINCREF(value);
    PR_SETREF(((PrCell *)cell)->ref, value);
}

static void cell_dealloc(PrObject *self)
{
    pr_gc_untrack(self);
    PR_CLEAR(((PrCell *)self)->ref);
    pr_object_free(self);
}

static int cell_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrObject *ref = ((PrCell *)self)->ref;
    return ref ? visit(ref, arg) : 0;
}

static int cell_clear(PrObject *self)
{
    PR_CLEAR(((PrCell *)self)->ref);
    return 0;
}

/* <cell at 0x7f...: int object at 0x...>, or <cell at 0x...: empty>, as CPython. */
static PrObject *cell_repr(PrObject *self)
{
    PrObject *ref = ((PrCell *)self)->ref;
    if (!ref) {
        return pr_str_from_format("<cell at %p: empty>", (void *)self);
    }
    return pr_str_from_format("<cell at %p: %s object at %p>", (void *)self, ref->type->name,
                              (void *)ref);
}

static PrObject *cell_get_contents(PrObject *self, void *closure)
{
    PrObject *ref = ((PrCell *)self)->ref;
    if (!ref) {
        return pr_err_set(PR_EXC(ValueError), "Cell is empty");
    }
    return PR_NEWREF(ref);
}

static int cell_set_contents(PrObject *self, PrObject *value, void *closure)
{
    pr_cell_set(self, value);
    return 0;
}

static const PrGetSetDef cell_getsets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const PrType pr_cell_spec = {
    .name = "cell",
    .basicsize = sizeof(PrCell),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = cell_dealloc,
    .repr = cell_repr,
    .hash = pr_object_hash_not_implemented,
    .traverse = cell_traverse,
    .clear = cell_clear,
    .getsets = cell_getsets,
};
