/* vm/compile.h — the bytecode compiler: an AST (parser/ast.h) and its symbol table
 * (parser/scope.h) in, a code object (vm/code.h) out, with CPython 3.11's instruction sequences,
 * line table and exception table. The implementation is split by phase: vm/compile.c (units,
 * names, constants, functions, classes, comprehensions), vm/compile_expr.c, vm/compile_stmt.c,
 * vm/assemble.c (optimisation, stack depth, jumps, tables). Where pyrena's output differs from
 * CPython 3.11's `dis`, vm/assemble.c's opening comment lists it. */
#ifndef PR_VM_COMPILE_H
#define PR_VM_COMPILE_H

#include "objects/object.h"
#include "parser/ast.h"
#include "parser/scope.h"

/* What mod is: CPython's compile() modes. */
typedef enum PrCompileMode {
    PR_COMPILE_EXEC,   /* a Module: statements, returns None */
    PR_COMPILE_EVAL,   /* an Expression: returns its value */
    PR_COMPILE_SINGLE, /* an Interactive statement: expression values go to PRINT_EXPR */
} PrCompileMode;

/* Compiles mod (Module, Expression or Interactive, matching mode) with the table
 * pr_scope_analyze made for it (the compiler interns mangled names in the table's arena, hence
 * not const). filename is copied into the code objects.
 * Returns: the module's code object (a new reference), nested code objects in its constants.
 * Errors: SyntaxError "msg (file, line N)" for the errors CPython's compiler raises itself
 * ("too many statically nested blocks", "keyword argument repeated: x", "multiple starred
 * expressions in assignment", ...); SystemError for a mode that does not match mod;
 * MemoryError. */
PrObject *pr_compile(const PrAstMod *mod, PrScopeTable *scopes, const char *filename, int mode);

#endif
