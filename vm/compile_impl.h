/* vm/compile_impl.h — what the compiler's files share (private to vm/compile*.c and
 * vm/assemble.c): the control-flow graph the code generator writes and the assembler turns into
 * a code object, the compiler and unit state, and the emitting helpers.
 *
 * The pipeline is CPython 3.11's (Python/compile.c): code generation appends instructions to
 * basic blocks (compile_expr.c, compile_stmt.c, compile.c); jumps name their target block and
 * exception handling uses the pseudo-instructions SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH /
 * POP_BLOCK, which never reach co_code. The assembler (assemble.c) then optimises the graph,
 * propagates line numbers, computes the stack depth by flow analysis, turns the SETUP/POP_BLOCK
 * nesting into the exception table, picks forward or backward jump opcodes, sizes EXTENDED_ARG
 * prefixes and writes co_code and the tables. Everything lives in a compile-time arena. */
#ifndef PR_VM_COMPILE_IMPL_H
#define PR_VM_COMPILE_IMPL_H

#include "parser/arena.h"
#include "parser/ast.h"
#include "parser/scope.h"
#include "vm/code.h"

/* Pseudo-instructions: resolved by the assembler (the jumps get a direction, the block pushes
 * become exception table entries and vanish). */
enum {
    OP_JUMP = 256,           /* JUMP_FORWARD or JUMP_BACKWARD */
    OP_JUMP_NO_INTERRUPT,    /* JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT */
    OP_POP_JUMP_IF_FALSE,    /* POP_JUMP_FORWARD_IF_FALSE or ..._BACKWARD_... */
    OP_POP_JUMP_IF_TRUE,
    OP_POP_JUMP_IF_NONE,
    OP_POP_JUMP_IF_NOT_NONE,
    OP_SETUP_FINALLY,        /* handler gets the exception */
    OP_SETUP_CLEANUP,        /* handler gets lasti and the exception */
    OP_SETUP_WITH,           /* as SETUP_CLEANUP, one item lower (the __enter__ result) */
    OP_POP_BLOCK,
    OP__END
};

typedef struct Loc {
    int line, end_line, col, end_col; /* line -1: none (artificial) */
} Loc;

#define NO_LOC ((Loc){-1, -1, -1, -1})

typedef struct Block Block;

typedef struct Instr {
    int op, arg;
    Block *target; /* jumps and block pushes */
    Block *except;  /* the handler active here (assembler) */
    Loc loc;
} Instr;

typedef struct ExceptStack ExceptStack;

struct Block {
    Block *list; /* every block of the unit, newest first */
    Block *next; /* the layout order: where control falls through */
    Instr *instrs;
    int n, cap;
    int predecessors, startdepth, offset;
    ExceptStack *exstack;
    unsigned visited : 1, except_handler : 1, preserve_lasti : 1;
};

/* What break/continue/return must undo on their way out (CPython's fblocks). */
typedef enum FBlockType {
    FB_WHILE_LOOP,
    FB_FOR_LOOP,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_HANDLER_CLEANUP,
    FB_POP_VALUE,
    FB_EXCEPTION_HANDLER,
} FBlockType;

typedef struct FBlock {
    FBlockType type;
    Block *block, *exit;
    const void *datum; /* finally body (PrAstStmtSeq *), with statement, handler name */
} FBlock;

/* CPython's CO_MAXBLOCKS: "too many statically nested blocks". */
#define MAX_FBLOCKS 20

/* Marks a cell or free operand relative to the end of the fast locals (see Unit). */
#define DEREF_REL (1 << 24)

/* CPython's STACK_USE_GUIDELINE: displays and calls past it are built incrementally. */
#define STACK_USE_GUIDELINE 30

/* One code object under construction. */
typedef struct Unit {
    struct Unit *parent;
    PrScope *scope;
    PrObject *name, *qualname; /* owned str */
    PrObject **consts;         /* owned */
    int nconsts, capconsts;
    PrObject **names; /* owned interned str */
    int nnames, capnames;
    Block *blocks, *entry, *cur;
    FBlock fblocks[MAX_FBLOCKS];
    int nfblocks;
    int argcount, posonlyargcount, kwonlyargcount;
    int firstlineno;
    Loc loc;                  /* the position new instructions get */
    const char *private_name; /* the class that mangles __names here, or NULL */
    int class_cell;           /* a class whose body makes the __class__ cell */
    int tail_return;          /* the current block follows a RETURN_VALUE directly: no
                               * implicit `return None` is needed */
    /* localsplus (vm/code.h), as CPython 3.11 orders it: the parameters, then the other fast
     * locals in the order the code first uses them (slots given on first use), then the cells
     * that are not parameters and the free variables, each sorted by name. Cell and free
     * operands are emitted as DEREF_REL | index into dnames until the number of locals is
     * known; the assembler adds it (CPython's fix_cell_offsets). */
    const char **lpnames; /* the locals while compiling; everything once assembled */
    uint8_t *lpkinds;
    int nlocals, nlp;
    int *symslot; /* per symbol of the scope: its local slot, or -1 before first use */
    const char **dnames;
    uint8_t *dkinds;
    int nderef;
} Unit;

typedef struct Compiler {
    PrScopeTable *scopes;
    PrObject *filename; /* str */
    PrArena *arena;
    Unit *u;
    int interactive;
    int nestlevel;
} Compiler;

/* ---- emitting (compile.c) ------------------------------------------------------------------ */

/* All return 0 on success, -1 with an exception set. */
Block *cc_new_block(Compiler *c);
void cc_use_block(Compiler *c, Block *b); /* b follows the current block and becomes current */
int cc_emit(Compiler *c, int op, int arg);
int cc_emit_noline(Compiler *c, int op, int arg);
int cc_emit_jump(Compiler *c, int op, Block *target);
int cc_emit_jump_noline(Compiler *c, int op, Block *target);
int cc_next_block(Compiler *c); /* starts a new block after the current one */

/* Index of o (borrowed) in the unit's constants, added when absent. Returns: index or -1. */
int cc_add_const(Compiler *c, PrObject *o);
/* LOAD_CONST o; the _steal form releases o (also on error). */
int cc_load_const(Compiler *c, PrObject *o);
int cc_load_const_steal(Compiler *c, PrObject *o);
/* Index of a (UTF-8) name in co_names, mangled when `mangle`. Returns: index or -1. */
int cc_add_name(Compiler *c, const char *name, int mangle);
int cc_emit_name(Compiler *c, int op, const char *name, int mangle);

/* Load / store / delete a variable by name, as its scope says. */
int cc_nameop(Compiler *c, const char *name, PrAstExprContext ctx);

/* The constant an expression folds to (Constant, -constant, tuple of constants), or NULL
 * without an exception when it is not constant; -1 via *err on error. New reference. */
PrObject *cc_expr_constant(Compiler *c, const PrAstExpr *e, int *err);
PrObject *cc_const_object(Compiler *c, const PrAstConst *k);
PrObject *cc_str(const char *s); /* a new interned str, or NULL with an exception */

/* A SyntaxError at the current location. Returns: -1. */
int cc_error(Compiler *c, const char *fmt, ...);

/* Sets the current location to a node's position. */
void cc_set_loc(Compiler *c, int line, int col, int end_line, int end_col);
#define CC_SET_LOC(c, n)                                                                           \
    cc_set_loc((c), (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset)
#define CC_UNSET_LOC(c) ((c)->u->loc = NO_LOC)

int cc_push_fblock(Compiler *c, FBlockType t, Block *b, Block *exit, const void *datum);
void cc_pop_fblock(Compiler *c);

/* Compiles a function-like body into a new code object and pushes MAKE_FUNCTION (compile.c). */
int cc_function(Compiler *c, const PrAstStmt *s);
int cc_class(Compiler *c, const PrAstStmt *s);
int cc_lambda(Compiler *c, const PrAstExpr *e);
int cc_comprehension(Compiler *c, const PrAstExpr *e);

/* ---- expressions and statements ------------------------------------------------------------ */

int cc_expr(Compiler *c, const PrAstExpr *e);
int cc_exprs(Compiler *c, const PrAstExprSeq *seq);
int cc_binop(Compiler *c, PrAstOperator op, int inplace); /* BINARY_OP, in-place form */
int cc_binop_arg(PrAstOperator op);                        /* BINARY_OP's operand */
int cc_stmt(Compiler *c, const PrAstStmt *s);
int cc_stmts(Compiler *c, const PrAstStmtSeq *seq);
int cc_body(Compiler *c, const PrAstStmtSeq *stmts); /* module/class body: docstring, annots */
int cc_jump_if(Compiler *c, const PrAstExpr *e, Block *next, int cond);
int cc_call_helper(Compiler *c, int n, const PrAstExprSeq *args, const PrAstKeywordSeq *kws);
int cc_decorators(Compiler *c, const PrAstExprSeq *decos);
int cc_starunpack(Compiler *c, const PrAstExprSeq *elts, int pushed, int build, int add,
                  int extend, int tuple);
void cc_update_loc_to_attr(Compiler *c, const PrAstExpr *attr);
const PrAstExpr *cc_fold_iter(Compiler *c, const PrAstExpr *e); /* [a, b] -> (a, b) */

/* ---- assembling (assemble.c) --------------------------------------------------------------- */

/* Turns the current unit into a code object. add_none: end with `return None` if control can
 * fall off the end. Returns: a new code object, or NULL with an exception. */
PrObject *cc_assemble(Compiler *c, int add_none);

int cc_is_jump(int op);

/* Appends the cells and frees after the locals and resolves DEREF_REL operands. */
void cc_finalize_localsplus(Compiler *c);

#endif
