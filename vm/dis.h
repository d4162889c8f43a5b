/* vm/dis.h — the disassembler: a code object listed as CPython 3.11's dis.dis() lists it
 * (line numbers, byte offsets, `>>` on jump targets, opname, oparg and its meaning in
 * parentheses, cache units hidden, the exception table), nested code objects after it under
 * "Disassembly of <code object ...>:". For `pyrena -X dis FILE` and the compiler's tests. */
#ifndef PR_VM_DIS_H
#define PR_VM_DIS_H

#include "objects/object.h"

#include <stdio.h>

/* Prints the listing of code (a code object) and of the code objects in its constants,
 * recursively. Returns: 0, or -1 with an exception (a constant's repr failed, out of memory,
 * TypeError when code is not a code object). */
int pr_dis_print(FILE *out, PrObject *code);

/* The opname of an opcode, or "<N>" style NULL for a number that is none. */
const char *pr_dis_opname(int op);

#endif
