/* parser/ast.c — AST node construction, names of kinds and operators, and the depth of a tree.
 * The types come from parser/ast.def through parser/ast.h; the dump lives in ast_dump.c. */
#include "parser/ast.h"

#include "memory/raw.h"

#include <string.h>

/* ------------------------------------------------------------------------------------------- */
/* Names                                                                                        */

static const char *const mod_names[] = {
#define AST_MOD(UPPER, Name, FIELDS) #Name,
#include "parser/ast.def"
};
_Static_assert(sizeof mod_names / sizeof mod_names[0] == PR_MOD__COUNT, "mod names");

static const char *const stmt_names[] = {
#define AST_STMT(UPPER, Name, FIELDS) #Name,
#include "parser/ast.def"
};
_Static_assert(sizeof stmt_names / sizeof stmt_names[0] == PR_STMT__COUNT, "stmt names");

static const char *const expr_names[] = {
#define AST_EXPR(UPPER, Name, FIELDS) #Name,
#include "parser/ast.def"
};
_Static_assert(sizeof expr_names / sizeof expr_names[0] == PR_EXPR__COUNT, "expr names");

static const char *const ctx_names[] = {
#define AST_CTX(UPPER, Name) #Name,
#include "parser/ast.def"
};
_Static_assert(sizeof ctx_names / sizeof ctx_names[0] == PR_CTX__COUNT, "ctx names");

static const char *const boolop_names[] = {
#define AST_BOOLOP(UPPER, Name) #Name,
#include "parser/ast.def"
};
_Static_assert(sizeof boolop_names / sizeof boolop_names[0] == PR_BOOLOP__COUNT, "boolops");

static const char *const operator_names[] = {
#define AST_OPERATOR(UPPER, Name, sym) #Name,
#include "parser/ast.def"
};
_Static_assert(sizeof operator_names / sizeof operator_names[0] == PR_BINOP__COUNT, "operators");

static const char *const operator_symbols[] = {
#define AST_OPERATOR(UPPER, Name, sym) sym,
#include "parser/ast.def"
};
_Static_assert(sizeof operator_symbols / sizeof operator_symbols[0] == PR_BINOP__COUNT, "ops");

static const char *const unaryop_names[] = {
#define AST_UNARYOP(UPPER, Name, sym) #Name,
#include "parser/ast.def"
};
_Static_assert(sizeof unaryop_names / sizeof unaryop_names[0] == PR_UNARY__COUNT, "unaryops");

static const char *const unaryop_symbols[] = {
#define AST_UNARYOP(UPPER, Name, sym) sym,
#include "parser/ast.def"
};
_Static_assert(sizeof unaryop_symbols / sizeof unaryop_symbols[0] == PR_UNARY__COUNT, "unary");

static const char *const cmpop_names[] = {
#define AST_CMPOP(UPPER, Name, sym) #Name,
#include "parser/ast.def"
};
_Static_assert(sizeof cmpop_names / sizeof cmpop_names[0] == PR_CMP__COUNT, "cmpops");

static const char *const cmpop_symbols[] = {
#define AST_CMPOP(UPPER, Name, sym) sym,
#include "parser/ast.def"
};
_Static_assert(sizeof cmpop_symbols / sizeof cmpop_symbols[0] == PR_CMP__COUNT, "cmpop symbols");

const char *pr_ast_mod_name(PrAstModKind kind)
{
    return mod_names[kind];
}

const char *pr_ast_stmt_name(PrAstStmtKind kind)
{
    return stmt_names[kind];
}

const char *pr_ast_expr_name(PrAstExprKind kind)
{
    return expr_names[kind];
}

const char *pr_ast_ctx_name(PrAstExprContext ctx)
{
    return ctx_names[ctx];
}

const char *pr_ast_boolop_name(PrAstBoolOp op)
{
    return boolop_names[op];
}

const char *pr_ast_operator_name(PrAstOperator op)
{
    return operator_names[op];
}

const char *pr_ast_unaryop_name(PrAstUnaryOp op)
{
    return unaryop_names[op];
}

const char *pr_ast_cmpop_name(PrAstCmpOp op)
{
    return cmpop_names[op];
}

const char *pr_ast_operator_symbol(PrAstOperator op)
{
    return operator_symbols[op];
}

const char *pr_ast_unaryop_symbol(PrAstUnaryOp op)
{
    return unaryop_symbols[op];
}

const char *pr_ast_cmpop_symbol(PrAstCmpOp op)
{
    return cmpop_symbols[op];
}

/* ------------------------------------------------------------------------------------------- */
/* Construction                                                                                 */

PrAstStmt *pr_ast_stmt_new(PrArena *arena, PrAstStmtKind kind, int lineno, int col_offset,
                           int end_lineno, int end_col_offset)
{
    PrAstStmt *s = pr_arena_calloc(arena, sizeof *s);
    if (s) {
        s->kind = kind;
        s->lineno = lineno;
        s->col_offset = col_offset;
        s->end_lineno = end_lineno;
        s->end_col_offset = end_col_offset;
    }
    return s;
}

PrAstExpr *pr_ast_expr_new(PrArena *arena, PrAstExprKind kind, int lineno, int col_offset,
                           int end_lineno, int end_col_offset)
{
    PrAstExpr *e = pr_arena_calloc(arena, sizeof *e);
    if (e) {
        e->kind = kind;
        e->lineno = lineno;
        e->col_offset = col_offset;
        e->end_lineno = end_lineno;
        e->end_col_offset = end_col_offset;
    }
    return e;
}

PrAstMod *pr_ast_mod_new(PrArena *arena, PrAstModKind kind)
{
    PrAstMod *m = pr_arena_calloc(arena, sizeof *m);
    if (m) {
        m->kind = kind;
    }
    return m;
}

/* ------------------------------------------------------------------------------------------- */
/* Depth, without recursion                                                                     */

/* Every node type that can hold children; a work item is one node and its depth. */
typedef enum NodeType {
    T_MOD,
    T_STMT,
    T_EXPR,
#define AST_PRODUCT(Type, Name, POS, FIELDS) T_##Type,
#include "parser/ast.def"
} NodeType;

typedef struct Item {
    NodeType type;
    const void *node;
    long depth;
} Item;

typedef struct Walk {
    Item *stack;
    size_t len;
    size_t cap;
    long max;
    int oom;
} Walk;

static void push(Walk *w, NodeType type, const void *node, long depth)
{
    if (!node || w->oom) {
        return;
    }
    if (w->len == w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 256;
        Item *grown = pr_raw_realloc(w->stack, cap * sizeof *grown);
        if (!grown) {
            w->oom = 1;
            return;
        }
        w->stack = grown;
        w->cap = cap;
    }
    w->stack[w->len++] = (Item){type, node, depth};
}

/* One push_<TYPE> per field type of ast.def; fields without children push nothing. */
#define PUSH_SEQ(seq, type, d)                                                                     \
    for (size_t i = 0; i < (seq)->len; i++) {                                                      \
        push(w, type, (seq)->items[i], d);                                                         \
    }
static void push_EXPR(Walk *w, PrAstExpr *const *f, long d)
{
    push(w, T_EXPR, *f, d);
}
static void push_OPT_EXPR(Walk *w, PrAstExpr *const *f, long d)
{
    push(w, T_EXPR, *f, d);
}
static void push_EXPRS(Walk *w, const PrAstExprSeq *f, long d)
{
    PUSH_SEQ(f, T_EXPR, d)
}
static void push_OPT_EXPRS(Walk *w, const PrAstExprSeq *f, long d)
{
    PUSH_SEQ(f, T_EXPR, d)
}
static void push_STMTS(Walk *w, const PrAstStmtSeq *f, long d)
{
    PUSH_SEQ(f, T_STMT, d)
}
static void push_ARGUMENTS(Walk *w, struct PrAstArguments *const *f, long d)
{
    push(w, T_Arguments, *f, d);
}
static void push_OPT_ARG(Walk *w, struct PrAstArg *const *f, long d)
{
    push(w, T_Arg, *f, d);
}
static void push_ARGS(Walk *w, const PrAstArgSeq *f, long d)
{
    PUSH_SEQ(f, T_Arg, d)
}
static void push_KEYWORDS(Walk *w, const PrAstKeywordSeq *f, long d)
{
    PUSH_SEQ(f, T_Keyword, d)
}
static void push_ALIASES(Walk *w, const PrAstAliasSeq *f, long d)
{
    PUSH_SEQ(f, T_Alias, d)
}
static void push_WITHITEMS(Walk *w, const PrAstWithitemSeq *f, long d)
{
    PUSH_SEQ(f, T_Withitem, d)
}
static void push_HANDLERS(Walk *w, const PrAstExceptHandlerSeq *f, long d)
{
    PUSH_SEQ(f, T_ExceptHandler, d)
}
static void push_COMPREHENSIONS(Walk *w, const PrAstComprehensionSeq *f,
                                long d){PUSH_SEQ(f, T_Comprehension, d)}
#define LEAF(TYPE)                                                                                 \
    static void push_##TYPE(Walk *w, const void *f, long d)                                        \
    {                                                                                              \
        (void)w, (void)f, (void)d;                                                                 \
    }
LEAF(IDENT) LEAF(OPT_IDENT) LEAF(IDENTS) LEAF(INT) LEAF(OPT_STR) LEAF(CONST) LEAF(CTX) LEAF(BOOLOP)
    LEAF(OPERATOR) LEAF(UNARYOP) LEAF(CMPOPS) LEAF(TYPE_IGNORES)

#define FIELD(TYPE, name) push_##TYPE(w, &x->name, d);
#define AST_MOD(UPPER, Name, FIELDS)                                                               \
    static void kids_mod_##Name(Walk *w, const PrAstMod##Name *x, long d)                          \
    {                                                                                              \
        FIELDS                                                                                     \
    }
#define AST_STMT(UPPER, Name, FIELDS)                                                              \
    static void kids_stmt_##Name(Walk *w, const PrAstStmt##Name *x, long d)                        \
    {                                                                                              \
        FIELDS                                                                                     \
    }
#define AST_EXPR(UPPER, Name, FIELDS)                                                              \
    static void kids_expr_##Name(Walk *w, const PrAstExpr##Name *x, long d)                        \
    {                                                                                              \
        FIELDS                                                                                     \
    }
#define AST_PRODUCT(Type, Name, POS, FIELDS)                                                       \
    static void kids_##Type(Walk *w, const PrAst##Type *x, long d)                                 \
    {                                                                                              \
        FIELDS                                                                                     \
    }
#include "parser/ast.def"
#undef FIELD

        static void push_children(Walk *w, Item it)
{
    long d = it.depth + 1;
    switch (it.type) {
    case T_MOD: {
        const PrAstMod *m = it.node;
        switch (m->kind) {
#define AST_MOD(UPPER, Name, FIELDS)                                                               \
    case PR_MOD_##UPPER:                                                                           \
        kids_mod_##Name(w, &m->v.Name, d);                                                         \
        break;
#include "parser/ast.def"
        default:
            break;
        }
        break;
    }
    case T_STMT: {
        const PrAstStmt *s = it.node;
        switch (s->kind) {
#define AST_STMT(UPPER, Name, FIELDS)                                                              \
    case PR_STMT_##UPPER:                                                                          \
        kids_stmt_##Name(w, &s->v.Name, d);                                                        \
        break;
#include "parser/ast.def"
        default:
            break;
        }
        break;
    }
    case T_EXPR: {
        const PrAstExpr *e = it.node;
        switch (e->kind) {
#define AST_EXPR(UPPER, Name, FIELDS)                                                              \
    case PR_EXPR_##UPPER:                                                                          \
        kids_expr_##Name(w, &e->v.Name, d);                                                        \
        break;
#include "parser/ast.def"
        default:
            break;
        }
        break;
    }
#define AST_PRODUCT(Type, Name, POS, FIELDS)                                                       \
    case T_##Type:                                                                                 \
        kids_##Type(w, it.node, d);                                                                \
        break;
#include "parser/ast.def"
    }
}

long pr_ast_depth(const PrAstMod *mod)
{
    Walk w = {NULL, 0, 0, 0, 0};
    push(&w, T_MOD, mod, 1);
    while (w.len && !w.oom) {
        Item it = w.stack[--w.len];
        if (it.depth > w.max) {
            w.max = it.depth;
        }
        push_children(&w, it);
    }
    pr_raw_free(w.stack);
    return w.oom ? -1 : w.max;
}
