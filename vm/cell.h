/* vm/cell.h — the cell object: one mutable reference shared between a function that assigns a
 * variable and the nested functions that read it (a closure's free variable). The VM makes one
 * per cell variable when a frame starts (MAKE_CELL) and reads it with LOAD_DEREF/STORE_DEREF. */
#ifndef PR_VM_CELL_H
#define PR_VM_CELL_H

#include "vm/interp.h"

typedef struct PrCell {
    PrObject ob;
    PrObject *ref; /* the variable's value, owned, or NULL while unbound */
} PrCell;

extern const PrType pr_cell_spec;

#define PR_CELL_CHECK(o) (PR_TYPE_OF(o) == PR_TYPE(cell))
#define PR_CELL_GET_BORROW(c) (((PrCell *)(c))->ref)

/* A cell holding value (may be NULL: empty). Returns: a new cell. Errors: MemoryError. */
PrObject *pr_cell_new(PrObject *value);

/* Stores value (a new reference is taken; NULL empties the cell), releasing the old one. */
void pr_cell_set(PrObject *cell, PrObject *value);

#endif
