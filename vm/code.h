/* vm/code.h — the instruction set (expanded from vm/opcodes.def) and the code object, CPython
 * 3.11's PyCodeObject in pyrena's clothes: what vm/compile.c produces and the eval loop runs.
 * vm/code.c implements the type (repr, traverse, dealloc), the table encoders and decoders;
 * vm/dis.c prints it as dis.dis() does.
 *
 * INSTRUCTIONS. co_code is an array of 16-bit code units (PrCodeUnit), each an opcode in the low
 * byte and its oparg in the high byte (the layout of 3.11's _Py_CODEUNIT on a little-endian
 * machine; use the macros, never the bytes). An oparg above 255 is preceded by EXTENDED_ARG units
 * holding its higher bytes. An instruction with ncache > 0 (opcodes.def) is followed by that many
 * cache units, zero when the compiler emits them; the eval loop skips them (`next_instr +=
 * ncache`) and a specialising interpreter may store counters and versions in them. Jumps are
 * relative in code units from the unit after the instruction's caches (opcodes.def). Offsets in
 * the tables below, in `lasti` and in the disassembly are in code units; dis prints bytes (x2).
 *
 * LOCALSPLUS. A frame has nlocalsplus slots: first the nlocals fast locals (parameters first: the
 * argcount positional ones — posonlyargcount of them positional-only —, then the kwonlyargcount
 * keyword-only ones, then *args if CO_VARARGS, then **kwargs if CO_VARKEYWORDS, then the other
 * locals), then the cells that are not parameters (ncellvars counts all cells, parameters
 * included), then the nfreevars free variables. localsplusnames names them all; localspluskinds
 * says what each is (PR_CO_FAST_* bits: a parameter that is a cell is LOCAL|CELL). MAKE_CELL i
 * turns slot i into a cell (keeping a parameter's value) at the start of the function;
 * COPY_FREE_VARS n copies the closure's n cells into the last n slots.
 *
 * LINE TABLE (co_linetable, pr_code_location): per run of code units that share a position,
 *     varint length (in code units, >= 1), then either a 0 byte (no position: an artificial
 *     instruction, line None in dis) or 1 + zigzag-varint(line - previous line), then varints
 *     end_line - line, col + 1, end_col + 1 (0 meaning "no column").
 * Varints are 7 bits per byte, low first, high bit = more. Previous line starts at firstlineno.
 * Every code unit (caches and EXTENDED_ARG included) is covered exactly once, in order. Columns
 * are 0-based UTF-8 byte offsets as in the AST, enough for 3.11's traceback carets.
 *
 * EXCEPTION TABLE (co_exceptiontable, pr_code_find_handler): 3.11's format exactly: entries
 *     start, size, target, depth << 1 | lasti
 * each a big-endian 6-bit varint (bit 6 = more follows), the first byte of an entry having bit 7
 * set; in code units, sorted by start, non-overlapping. An exception raised at offset i with an
 * entry start <= i < start + size pops the value stack to `depth` items, pushes lasti (as an int)
 * if the flag is set, pushes the exception and jumps to target.
 *
 * Code objects are immutable once made (except the cache units) and are not tracked by the
 * collector (as CPython: their consts are constants), but have traverse for gc.get_referents. */
#ifndef PR_VM_CODE_H
#define PR_VM_CODE_H

#include "objects/object.h"
#include "vm/interp.h"

#include <stddef.h>
#include <stdint.h>

/* ---- instructions --------------------------------------------------------------------------- */

typedef enum PrOpcode {
#define PR_OPCODE(NAME, pop, push, KIND, ncache) PR_OP_##NAME,
#include "vm/opcodes.def"
    PR_OP__COUNT
} PrOpcode;

_Static_assert(PR_OP__COUNT <= 256, "an opcode fits in a byte");
_Static_assert(PR_OP_CACHE == 0, "a zeroed cache unit reads as CACHE");

/* What an oparg means (opcodes.def explains each). */
typedef enum PrOperandKind {
    PR_OPK_NONE,
    PR_OPK_CONST,
    PR_OPK_NAME,
    PR_OPK_LOCAL,
    PR_OPK_FREE,
    PR_OPK_GLOBAL,
    PR_OPK_JREL,
    PR_OPK_JBACK,
    PR_OPK_COUNT,
    PR_OPK_CMP,
    PR_OPK_BINOP,
    PR_OPK_FLAGS,
    PR_OPK_INVERT,
    PR_OPK_RESUME,
} PrOperandKind;

/* BINARY_OP's operand: PrBinop of objects/number.h (the order of objects/binops.def), repeated
 * here under other names because the AST's operator enum also uses PR_BINOP_*. The in-place
 * form of op is PR_NB_INPLACE(op). */
typedef enum PrNbOp {
#define PR_BINOP(NAME, name, symbol, dunder, rdunder, idunder, isymbol) PR_NB_##NAME,
#include "objects/binops.def"
#undef PR_BINOP
    PR_NB_COUNT
} PrNbOp;
#define PR_NB_INPLACE(op) ((op) + PR_NB_COUNT)

/* MAKE_FUNCTION's flags, FORMAT_VALUE's conversion and spec bits (3.11's). */
#define PR_MKFN_DEFAULTS 0x01
#define PR_MKFN_KWDEFAULTS 0x02
#define PR_MKFN_ANNOTATIONS 0x04
#define PR_MKFN_CLOSURE 0x08
#define PR_FVC_MASK 0x03
#define PR_FVC_NONE 0x00
#define PR_FVC_STR 0x01
#define PR_FVC_REPR 0x02
#define PR_FVC_ASCII 0x03
#define PR_FVS_HAVE_SPEC 0x04

typedef uint16_t PrCodeUnit;
#define PR_CU_OPCODE(u) ((int)((u)&0xFF))
#define PR_CU_OPARG(u) ((int)((u) >> 8))
#define PR_CU_MAKE(op, arg) ((PrCodeUnit)(((unsigned)(op)&0xFF) | (((unsigned)(arg)&0xFF) << 8)))

/* One row of opcodes.def. */
typedef struct PrOpcodeInfo {
    const char *name;     /* "LOAD_CONST" */
    uint8_t kind;         /* PrOperandKind */
    uint8_t ncache;       /* cache units after the instruction */
    uint8_t jump_differs; /* has a PR_OPCODE_JUMP row */
} PrOpcodeInfo;

extern const PrOpcodeInfo pr_opcode_info[PR_OP__COUNT];

/* Number of inline cache units after opcode op (a constant table lookup, for the eval loop). */
#define PR_OPCODE_NCACHE(op) (pr_opcode_info[(op)].ncache)

/* Values popped and pushed by op with oparg; jump != 0 asks for the effect on the jump edge.
 * Returns: the number, >= 0. */
int pr_opcode_pops(int op, int oparg, int jump);
int pr_opcode_pushes(int op, int oparg, int jump);

/* Whether op is a jump (its operand kind is JREL or JBACK). */
int pr_opcode_is_jump(int op);

/* ---- the code object ------------------------------------------------------------------------ */

/* co_flags (CPython's values). */
#define PR_CO_OPTIMIZED 0x0001   /* locals in slots (functions, lambdas, comprehensions) */
#define PR_CO_NEWLOCALS 0x0002   /* a fresh locals namespace on each call */
#define PR_CO_VARARGS 0x0004     /* has *args */
#define PR_CO_VARKEYWORDS 0x0008 /* has **kwargs */
#define PR_CO_NESTED 0x0010      /* defined inside another function */
#define PR_CO_GENERATOR 0x0020   /* calling it makes a generator */

/* localspluskinds bits (3.11's). */
#define PR_CO_FAST_LOCAL 0x20
#define PR_CO_FAST_CELL 0x40
#define PR_CO_FAST_FREE 0x80

typedef struct PrCode {
    PrVarObject ob;           /* size: number of code units in `code` */
    PrObject *consts;         /* tuple */
    PrObject *names;          /* tuple of interned str: globals, attributes, imports */
    PrObject *localsplusnames; /* tuple of interned str, nlocalsplus long */
    PrObject *name;           /* str: "f", "<module>", "<lambda>", "<listcomp>" */
    PrObject *qualname;       /* str: "C.f.<locals>.g" */
    PrObject *filename;       /* str */
    uint8_t *localspluskinds; /* nlocalsplus PR_CO_FAST_* bytes */
    uint8_t *linetable;       /* see the top of this file */
    uint8_t *exceptiontable;  /* see the top of this file */
    ssize_t linetable_size, exceptiontable_size;
    int argcount;        /* positional parameters, positional-only ones included */
    int posonlyargcount; /* positional-only parameters */
    int kwonlyargcount;  /* keyword-only parameters */
    int nlocalsplus;     /* slots: nlocals + cells that are not parameters + nfreevars */
    int nlocals;         /* fast locals, parameters included */
    int ncellvars;       /* cells, cell parameters included */
    int nfreevars;       /* free variables (the last nfreevars slots) */
    int stacksize;       /* deepest value stack, from the compiler's flow analysis */
    int flags;           /* PR_CO_* */
    int firstlineno;
    PrCodeUnit code[];   /* ob.size units */
} PrCode;

extern const PrType pr_code_spec;

#define PR_CODE_CHECK(o) (PR_TYPE_OF(o) == PR_TYPE(code))
#define PR_CODE_NUNITS(co) (((PrVarObject *)(co))->size)

/* What pr_code_new copies into a new code object. Tables and code are borrowed. */
typedef struct PrCodeSpec {
    const PrCodeUnit *code;
    ssize_t ncode;
    PrObject *consts, *names, *localsplusnames, *name, *qualname, *filename;
    const uint8_t *localspluskinds;
    const uint8_t *linetable;
    ssize_t linetable_size;
    const uint8_t *exceptiontable;
    ssize_t exceptiontable_size;
    int argcount, posonlyargcount, kwonlyargcount;
    int stacksize, flags, firstlineno;
} PrCodeSpec;

/* A new code object from spec (nlocals, ncellvars, nfreevars are counted from the kinds).
 * Returns: the code object. Errors: MemoryError; SystemError when a field has the wrong type. */
PrObject *pr_code_new(const PrCodeSpec *spec);

/* A position; line -1 means none (an artificial instruction), col/end_col -1 unknown. */
typedef struct PrCodeLocation {
    int line, end_line, col, end_col;
} PrCodeLocation;

/* The source position of the code unit at `offset` (in code units).
 * Returns: 1 when found (*loc set), 0 when offset is outside the code (*loc all -1). */
int pr_code_location(const PrCode *co, ssize_t offset, PrCodeLocation *loc);

/* The line of the code unit at offset, or -1 (3.11's PyCode_Addr2Line). */
int pr_code_addr2line(const PrCode *co, ssize_t offset);

/* Walks the line table: start with *pos = 0; each call sets [*start, *end) (code units) and
 * *loc for the next run. Returns: 1 while there is a run, 0 at the end. */
int pr_code_next_run(const PrCode *co, ssize_t *pos, ssize_t *start, ssize_t *end,
                     PrCodeLocation *loc);

/* One exception table entry: [start, end) -> target, with the stack depth to restore and
 * whether lasti is pushed. */
typedef struct PrExceptEntry {
    int start, end, target, depth, lasti;
} PrExceptEntry;

/* The handler of the instruction at offset (code units). Returns: 1 with *entry set, or 0. */
int pr_code_find_handler(const PrCode *co, ssize_t offset, PrExceptEntry *entry);

/* Walks the exception table: *pos starts at 0. Returns: 1 with *entry set, 0 at the end. */
int pr_code_next_handler(const PrCode *co, ssize_t *pos, PrExceptEntry *entry);

#endif
