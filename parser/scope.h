/* parser/scope.h — scope analysis: which block every name belongs to, as CPython 3.11's
 * Python/symtable.c decides it, for the bytecode compiler (vm/compile.c) to choose between fast
 * locals, cells, free variables, globals and dict lookups. Everything lives in the compile-time
 * arena that holds the AST. Implementation: parser/scope.c (the pass over the AST and the
 * errors), parser/scope_resolve.c (resolution, slots), parser/scope_check.c (the compiler's block
 * errors) and parser/scope_table.c (containers, lookups, dump).
 *
 * Blocks. One PrScope per module, class, function, lambda and comprehension or generator
 * expression: comprehensions are functions of their own, as in CPython 3.11 (their outermost
 * iterable is evaluated in the enclosing block and passed in as the parameter ".0"). Children are
 * kept in the order CPython's symtable enters them (the source order, except that a function's
 * defaults, annotations and decorators, which belong to the enclosing block, come first).
 *
 * Resolution is CPython's two passes: one walk records what each block does with each name
 * (PR_SYM_DEF_* flags); then each block is resolved from the names bound and declared global in
 * the blocks around it, free names flowing back up so that an enclosing function turns a local
 * into a cell (and a class in between passes it through). Class bodies do not make their names
 * visible to the functions nested in them. `super` in a function counts as a use of
 * `__class__`, which the nearest enclosing class then provides (needs_class_closure).
 * Names are mangled (`__x` in class C is `_C__x`) as CPython mangles them.
 *
 * Errors. Besides symtable's own errors, the analysis reports those CPython's compiler raises
 * about blocks ('return'/'yield' outside function, 'break' outside loop, 'continue' not properly
 * in loop), so the compiler need not. They are reported only when the symtable errors are absent,
 * as CPython does (its symtable runs to completion before its compiler starts); among them the
 * first in the order of CPython's compiler wins (parser/scope_check.c). Messages, lineno, offset,
 * end_lineno and end_offset are CPython 3.11's: offsets are 1-based *byte* columns here, because
 * CPython computes them from the AST's byte offsets for these errors. Not handled: `from __future__
 * import annotations` (annotation blocks) and async constructs (not in the language). */
#ifndef PR_PARSER_SCOPE_H
#define PR_PARSER_SCOPE_H

#include "lexer/syntax_error.h"
#include "parser/arena.h"
#include "parser/ast.h"

#include <stddef.h>
#include <stdio.h>

typedef enum PrScopeKind {
#define SCOPE_KIND(UPPER, name, cpython) PR_SCOPE_##UPPER,
#include "parser/scope.def"
    PR_SCOPE__COUNT
} PrScopeKind;

/* How a name resolves in a block; 0 never appears in a finished table. */
typedef enum PrSymScope {
    PR_SYM_UNRESOLVED = 0,
#define SYM_SCOPE(UPPER, value) PR_SYM_##UPPER = value,
#include "parser/scope.def"
} PrSymScope;

/* What a block does with a name: an OR of these bits. */
enum {
#define SYM_FLAG(UPPER, bit) PR_SYM_##UPPER = bit,
#include "parser/scope.def"
};

/* Bits that bind a name in its block. */
#define PR_SYM_DEF_BOUND (PR_SYM_DEF_LOCAL | PR_SYM_DEF_PARAM | PR_SYM_DEF_IMPORT)

typedef struct PrSymbol {
    const char *name; /* mangled; interned in the table (equal names are the same pointer) */
    unsigned flags;   /* PR_SYM_DEF_* / PR_SYM_USE bits */
    PrSymScope scope;
    int param; /* position among the parameters, or -1 */
    int slot;  /* index in the frame's locals, or -1 (see PrScope) */
} PrSymbol;

typedef struct PrScope PrScope;

/* A block. `slot` numbering (CPython 3.11's "localsplus"): in a function-like block (function,
 * lambda, comprehension) parameters come first in order (posonly, positional, keyword-only, *args,
 * **kwargs; a parameter that is a cell keeps its slot), then the other LOCAL names in order of
 * first appearance, then the other CELL names, then the FREE names: nlocals = nparams + other
 * locals, then ncells, then nfrees. In a class block only CELL and FREE names get slots (numbered
 * from 0: cells, then frees); its locals, like the module's, live in a dict and have slot -1. */
struct PrScope {
    PrScopeKind kind;
    const char *name; /* function or class name; "top", "lambda", "listcomp", "genexpr"... */
    const void *node; /* the PrAstMod, the FunctionDef/ClassDef PrAstStmt, or the
                       * Lambda/ListComp/SetComp/DictComp/GeneratorExp PrAstExpr */
    int lineno, col_offset, end_lineno, end_col_offset; /* of node; 0 for a module */
    const char *private_name; /* the class whose name mangles `__x` here, or NULL */
    PrScope *parent;          /* NULL for the module */
    PrScope **children;       /* in CPython's order (above) */
    size_t nchildren;
    PrSymbol *symbols; /* in order of first appearance; free names that only pass through
                        * (flags 0) come last, sorted by name */
    size_t nsymbols;
    size_t nparams;              /* parameters are the symbols with param 0..nparams-1 */
    int nlocals, ncells, nfrees; /* slot counts (see above) */
    int is_generator;            /* contains yield / yield from, or is a generator expression */
    int has_varargs, has_varkw;  /* *args / **kwargs */
    int is_nested;               /* inside a function-like block, however deep */
    int has_free;                /* uses a free variable, or a global from a nested block (CPython's
                                  * ste_free) */
    int child_free;              /* some block below has free variables */
    int needs_class_closure;     /* a class whose methods use __class__ (super()): the compiler
                                  * makes a __class__ cell, which is not among the symbols */
    int returns_value;           /* has `return <expr>` */
    /* Private to parser/scope*.c. */
    struct PrScopePriv *priv_;
};

typedef struct PrScopeTable {
    PrScope *top; /* the module block */
    size_t nscopes;
    const char *filename;
    struct PrScopeTablePriv *priv_; /* private: node map, interned names */
} PrScopeTable;

/* Analyses mod (Module, Interactive or Expression). Everything is allocated in arena (the AST's
 * arena, or another one that lives as long as the table is used). filename is borrowed.
 * Returns: the table, or NULL with *err filled (zeroed first): a SyntaxError with CPython's
 * msg, lineno, offset, end_lineno, end_offset (see the top of this file) and filename;
 * err->text is NULL (the table has no source: the caller that has it fills the line in).
 * Out of memory is not a SyntaxError: err->no_memory = 1 (MemoryError), msg "out of memory". */
PrScopeTable *pr_scope_analyze(const PrAstMod *mod, const char *filename, PrArena *arena,
                               PrSyntaxError *err);

/* The block of a node: the PrAstMod, a FunctionDef or ClassDef statement, or a Lambda,
 * ListComp, SetComp, DictComp or GeneratorExp expression. O(1).
 * Returns: the block, or NULL when node starts none. */
PrScope *pr_scope_of(const PrScopeTable *table, const void *node);

/* The symbol for name (already mangled, see pr_scope_mangle) in scope. O(1).
 * Returns: the symbol, or NULL when the block never mentions the name. */
const PrSymbol *pr_scope_lookup(const PrScope *scope, const char *name);

/* Mangles name for scope as CPython's _Py_Mangle does (`__x` in a class C, or in a function
 * nested in it, is `_C__x`; dunder names and dotted names are left alone). Attribute names
 * (obj.__x) are mangled the same way.
 * Returns: the interned name (the same pointer for equal names), or NULL when out of memory. */
const char *pr_scope_mangle(PrScopeTable *table, const PrScope *scope, const char *name);

/* Writes the table in the spirit of Python's symtable module: one line per block (kind, name,
 * line, properties), its parameters, one line per symbol (resolution, flags, slot), children
 * indented below their parent. For teaching and tests. */
void pr_scope_dump(FILE *out, const PrScopeTable *table);

/* "module", "class", "function", "lambda", "listcomp", ... */
const char *pr_scope_kind_name(PrScopeKind kind);

/* "LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL" ("UNRESOLVED" for 0). */
const char *pr_sym_scope_name(PrSymScope scope);

/* Writes flags as "DEF_LOCAL|USE" ("-" for none) into buf of size n. Returns: buf. */
const char *pr_sym_flags_str(unsigned flags, char *buf, size_t n);

#endif
