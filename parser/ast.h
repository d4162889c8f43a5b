/* parser/ast.h — the abstract syntax tree, node for node and field for field CPython 3.11's `ast`
 * module (Python.asdl) without async/await/match. Kinds and fields are declared once in
 * parser/ast.def; this header expands them into C types. Every node, sequence and string lives in
 * a PrArena (parser/arena.h) and is freed with it; nothing here owns a reference to an object.
 *
 * Shape (as CPython's Include/internal/pycore_ast.h): a category struct (PrAstMod, PrAstStmt,
 * PrAstExpr) holds `kind`, the position and a union `v` with one member per kind, named like the
 * Python class: `s->v.FunctionDef.body`, `e->v.BinOp.left`. Other node types (arguments, arg,
 * keyword, ...) are plain structs. Sequences are {len, items}; an empty one is {0, NULL}.
 *
 * Positions are CPython's: lineno/end_lineno 1-based, col_offset/end_col_offset 0-based UTF-8
 * *byte* offsets (ast.AST attributes, not SyntaxError.offset, which counts characters). */
#ifndef PR_PARSER_AST_H
#define PR_PARSER_AST_H

#include "parser/arena.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct PrAstMod PrAstMod;
typedef struct PrAstStmt PrAstStmt;
typedef struct PrAstExpr PrAstExpr;

/* ------------------------------------------------------------------------------------------- */
/* Enumerations                                                                                 */

typedef enum PrAstModKind {
#define AST_MOD(UPPER, Name, FIELDS) PR_MOD_##UPPER,
#include "parser/ast.def"
    PR_MOD__COUNT
} PrAstModKind;

typedef enum PrAstStmtKind {
#define AST_STMT(UPPER, Name, FIELDS) PR_STMT_##UPPER,
#include "parser/ast.def"
    PR_STMT__COUNT
} PrAstStmtKind;

typedef enum PrAstExprKind {
#define AST_EXPR(UPPER, Name, FIELDS) PR_EXPR_##UPPER,
#include "parser/ast.def"
    PR_EXPR__COUNT
} PrAstExprKind;

typedef enum PrAstConstKind {
#define AST_CONST_KIND(UPPER) PR_CONST_##UPPER,
#include "parser/ast.def"
    PR_CONST__COUNT
} PrAstConstKind;

typedef enum PrAstExprContext {
#define AST_CTX(UPPER, Name) PR_CTX_##UPPER,
#include "parser/ast.def"
    PR_CTX__COUNT
} PrAstExprContext;

typedef enum PrAstBoolOp {
#define AST_BOOLOP(UPPER, Name) PR_BOOLOP_##UPPER,
#include "parser/ast.def"
    PR_BOOLOP__COUNT
} PrAstBoolOp;

typedef enum PrAstOperator {
#define AST_OPERATOR(UPPER, Name, sym) PR_BINOP_##UPPER,
#include "parser/ast.def"
    PR_BINOP__COUNT
} PrAstOperator;

typedef enum PrAstUnaryOp {
#define AST_UNARYOP(UPPER, Name, sym) PR_UNARY_##UPPER,
#include "parser/ast.def"
    PR_UNARY__COUNT
} PrAstUnaryOp;

typedef enum PrAstCmpOp {
#define AST_CMPOP(UPPER, Name, sym) PR_CMP_##UPPER,
#include "parser/ast.def"
    PR_CMP__COUNT
} PrAstCmpOp;

/* ------------------------------------------------------------------------------------------- */
/* Values held by fields                                                                        */

/* An identifier: NUL-terminated UTF-8 in the arena. */
typedef const char *PrAstIdent;

/* A run of bytes in the arena (str: UTF-8, may contain NUL; NUL-terminated for convenience). */
typedef struct PrAstBytes {
    const char *data;
    size_t len;
} PrAstBytes;

/* The value of a Constant node.
 *   NONE, TRUE, FALSE, ELLIPSIS  no payload
 *   INT       v.i: an int literal that fits in int64_t (literals are never negative: -1 is
 *             UnaryOp(USub, Constant(1)) as in CPython)
 *   BIG_INT   v.s: an int literal that does not fit, as canonical *decimal* digits (no sign,
 *             underscores or leading zeros) whatever base it was written in; the compiler builds
 *             the big int from them
 *   FLOAT     v.f
 *   COMPLEX   v.f: the imaginary part of an imaginary literal (2.5j); the real part is 0.0
 *   STR       v.s: the decoded text, UTF-8
 *   BYTES     v.s: the decoded bytes */
typedef struct PrAstConst {
    PrAstConstKind kind;
    union {
        int64_t i;
        double f;
        PrAstBytes s;
    } v;
} PrAstConst;

/* Sequences. items[i] of an OPT_EXPRS sequence (Dict.keys, arguments.kw_defaults) may be NULL,
 * as CPython's None there. */
#define PR_AST_SEQ(Name, T)                                                                        \
    typedef struct Name {                                                                          \
        size_t len;                                                                                \
        T *items;                                                                                  \
    } Name
PR_AST_SEQ(PrAstExprSeq, PrAstExpr *);
PR_AST_SEQ(PrAstStmtSeq, PrAstStmt *);
PR_AST_SEQ(PrAstIdentSeq, PrAstIdent);
PR_AST_SEQ(PrAstCmpOpSeq, PrAstCmpOp);
PR_AST_SEQ(PrAstArgSeq, struct PrAstArg *);
PR_AST_SEQ(PrAstKeywordSeq, struct PrAstKeyword *);
PR_AST_SEQ(PrAstAliasSeq, struct PrAstAlias *);
PR_AST_SEQ(PrAstWithitemSeq, struct PrAstWithitem *);
PR_AST_SEQ(PrAstExceptHandlerSeq, struct PrAstExceptHandler *);
PR_AST_SEQ(PrAstComprehensionSeq, struct PrAstComprehension *);
/* Module.type_ignores: always empty in pyrena (no type comments); kept so dumps match. */
PR_AST_SEQ(PrAstTypeIgnoreSeq, void *);

/* The C type of each field type named in ast.def (FIELD(TYPE, name)). */
#define PR_AST_FT_EXPR PrAstExpr *
#define PR_AST_FT_OPT_EXPR PrAstExpr * /* NULL when absent */
#define PR_AST_FT_EXPRS PrAstExprSeq
#define PR_AST_FT_OPT_EXPRS PrAstExprSeq /* items may be NULL */
#define PR_AST_FT_STMTS PrAstStmtSeq
#define PR_AST_FT_IDENT PrAstIdent
#define PR_AST_FT_OPT_IDENT PrAstIdent /* NULL when absent */
#define PR_AST_FT_IDENTS PrAstIdentSeq
#define PR_AST_FT_INT int
#define PR_AST_FT_OPT_STR const char * /* NULL when absent (type_comment: always NULL) */
#define PR_AST_FT_CONST PrAstConst
#define PR_AST_FT_CTX PrAstExprContext
#define PR_AST_FT_BOOLOP PrAstBoolOp
#define PR_AST_FT_OPERATOR PrAstOperator
#define PR_AST_FT_UNARYOP PrAstUnaryOp
#define PR_AST_FT_CMPOPS PrAstCmpOpSeq
#define PR_AST_FT_ARGUMENTS struct PrAstArguments *
#define PR_AST_FT_OPT_ARG struct PrAstArg * /* NULL when absent */
#define PR_AST_FT_ARGS PrAstArgSeq
#define PR_AST_FT_KEYWORDS PrAstKeywordSeq
#define PR_AST_FT_ALIASES PrAstAliasSeq
#define PR_AST_FT_WITHITEMS PrAstWithitemSeq
#define PR_AST_FT_HANDLERS PrAstExceptHandlerSeq
#define PR_AST_FT_COMPREHENSIONS PrAstComprehensionSeq
#define PR_AST_FT_TYPE_IGNORES PrAstTypeIgnoreSeq

/* Position attributes, as CPython's (see the top of this file). */
#define PR_AST_POS_FIELDS                                                                          \
    int lineno;                                                                                    \
    int col_offset;                                                                                \
    int end_lineno;                                                                                \
    int end_col_offset;
#define PR_AST_POS_FIELDS_0
#define PR_AST_POS_FIELDS_1 PR_AST_POS_FIELDS

/* ------------------------------------------------------------------------------------------- */
/* Nodes                                                                                        */

/* One struct per kind: PrAstMod<Name>, PrAstStmt<Name>, PrAstExpr<Name>. The trailing `end_`
 * member keeps field-less kinds (Pass, Break, Continue) legal C; ignore it. */
#define FIELD(TYPE, name) PR_AST_FT_##TYPE name;
#define AST_MOD(UPPER, Name, FIELDS)                                                               \
    typedef struct PrAstMod##Name {                                                                \
        FIELDS char end_;                                                                          \
    } PrAstMod##Name;
#define AST_STMT(UPPER, Name, FIELDS)                                                              \
    typedef struct PrAstStmt##Name {                                                               \
        FIELDS char end_;                                                                          \
    } PrAstStmt##Name;
#define AST_EXPR(UPPER, Name, FIELDS)                                                              \
    typedef struct PrAstExpr##Name {                                                               \
        FIELDS char end_;                                                                          \
    } PrAstExpr##Name;
#define AST_PRODUCT(Type, Name, POS, FIELDS)                                                       \
    typedef struct PrAst##Type {                                                                   \
        PR_AST_POS_FIELDS_##POS FIELDS                                                             \
    } PrAst##Type;
#include "parser/ast.def"
#undef FIELD

struct PrAstMod {
    PrAstModKind kind;
    union {
#define AST_MOD(UPPER, Name, FIELDS) PrAstMod##Name Name;
#include "parser/ast.def"
    } v;
};

struct PrAstStmt {
    PrAstStmtKind kind;
    PR_AST_POS_FIELDS
    union {
#define AST_STMT(UPPER, Name, FIELDS) PrAstStmt##Name Name;
#include "parser/ast.def"
    } v;
};

struct PrAstExpr {
    PrAstExprKind kind;
    PR_AST_POS_FIELDS
    union {
#define AST_EXPR(UPPER, Name, FIELDS) PrAstExpr##Name Name;
#include "parser/ast.def"
    } v;
};

/* ------------------------------------------------------------------------------------------- */
/* Construction (used by the parser; all memory comes from the arena)                           */

/* Allocate a zeroed node of the given kind at the given position.
 * Returns: the node, or NULL when out of memory. */
PrAstStmt *pr_ast_stmt_new(PrArena *arena, PrAstStmtKind kind, int lineno, int col_offset,
                           int end_lineno, int end_col_offset);
PrAstExpr *pr_ast_expr_new(PrArena *arena, PrAstExprKind kind, int lineno, int col_offset,
                           int end_lineno, int end_col_offset);
PrAstMod *pr_ast_mod_new(PrArena *arena, PrAstModKind kind);

/* ------------------------------------------------------------------------------------------- */
/* Names and dumping                                                                            */

/* CPython class names: "FunctionDef", "BinOp", "Add", "Load", ... */
const char *pr_ast_mod_name(PrAstModKind kind);
const char *pr_ast_stmt_name(PrAstStmtKind kind);
const char *pr_ast_expr_name(PrAstExprKind kind);
const char *pr_ast_ctx_name(PrAstExprContext ctx);
const char *pr_ast_boolop_name(PrAstBoolOp op);
const char *pr_ast_operator_name(PrAstOperator op);
const char *pr_ast_unaryop_name(PrAstUnaryOp op);
const char *pr_ast_cmpop_name(PrAstCmpOp op);

/* Source spelling of an operator: "+", "**", "not", "is not", ... */
const char *pr_ast_operator_symbol(PrAstOperator op);
const char *pr_ast_unaryop_symbol(PrAstUnaryOp op);
const char *pr_ast_cmpop_symbol(PrAstCmpOp op);

/* Writes mod to out exactly as CPython 3.11's ast.dump(tree, indent=indent) would, followed by
 * a newline. indent < 0 stands for indent=None (one line). Returns: 0, or -1 when out of
 * memory (nothing useful written). */
int pr_ast_dump(FILE *out, const PrAstMod *mod, int indent);

/* Same, as ast.dump(tree, indent=..., include_attributes=True): positions included. */
int pr_ast_dump_attrs(FILE *out, const PrAstMod *mod, int indent);

/* Depth of the deepest node chain in mod (a mod alone is 1), computed without recursion so it is
 * safe on any tree. The parser refuses trees deeper than PR_AST_MAX_DEPTH, so every later pass
 * (scope analysis, compiler, dump) may recurse over an AST without checking.
 * Returns: the depth, or -1 when out of memory. */
long pr_ast_depth(const PrAstMod *mod);

/* CPython 3.11 compiles a tree at most 2992 deep (counting the Module) at the top level of a
 * module: `-` repeated 2989 times before a constant passes, 2990 times raises RecursionError. */
#define PR_AST_MAX_DEPTH 2992

#endif
