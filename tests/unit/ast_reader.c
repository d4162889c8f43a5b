/* tests/unit/ast_reader.c — the reader of tests/unit/ast_reader.h: one reader per field type,
 * and one per node kind generated from parser/ast.def, so it follows the AST as it changes. */
#include "tests/unit/ast_reader.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct Reader {
    const char *p;
    PrArena *arena;
} Reader;

/* ------------------------------------------------------------------------------------------- */
/* Lexical helpers                                                                              */

static void skip_space(Reader *r)
{
    while (*r->p == ' ' || *r->p == '\n' || *r->p == '\t') {
        r->p++;
    }
}

static int peek(Reader *r, char c)
{
    skip_space(r);
    return *r->p == c;
}

static int expect(Reader *r, char c)
{
    if (!peek(r, c)) {
        return -1;
    }
    r->p++;
    return 0;
}

/* A bare word ([A-Za-z_]+) into buf. */
static int read_word(Reader *r, char *buf, size_t n)
{
    size_t len = 0;
    skip_space(r);
    while ((isalnum((unsigned char)*r->p) || *r->p == '_') && len + 1 < n) {
        buf[len++] = *r->p++;
    }
    buf[len] = '\0';
    return len ? 0 : -1;
}

static int read_long(Reader *r, long long *out)
{
    char *end;
    skip_space(r);
    *out = strtoll(r->p, &end, 10);
    if (end == r->p) {
        return -1;
    }
    r->p = end;
    return 0;
}

static int hexval(char c)
{
    return isdigit((unsigned char)c) ? c - '0' : tolower((unsigned char)c) - 'a' + 10;
}

/* A "..." string, unescaped into the arena; *len gets its length (it may hold NULs). */
static int read_string(Reader *r, const char **out, size_t *len)
{
    if (expect(r, '"') < 0) {
        return -1;
    }
    const char *start = r->p;
    size_t n = 0;
    while (*r->p && *r->p != '"') {
        r->p += (*r->p == '\\') ? (r->p[1] == 'x' ? 4 : 2) : 1;
        n++;
    }
    if (*r->p != '"') {
        return -1;
    }
    char *buf = pr_arena_alloc(r->arena, n + 1);
    if (!buf) {
        return -1;
    }
    size_t k = 0;
    for (const char *q = start; q < r->p; k++) {
        if (*q != '\\') {
            buf[k] = *q++;
        } else if (q[1] == 'x') {
            buf[k] = (char)(hexval(q[2]) * 16 + hexval(q[3]));
            q += 4;
        } else {
            buf[k] = q[1];
            q += 2;
        }
    }
    buf[k] = '\0';
    r->p++;
    *out = buf;
    if (len) {
        *len = n;
    }
    return 0;
}

static int is_none(Reader *r)
{
    if (peek(r, '~')) {
        r->p++;
        return 1;
    }
    return 0;
}

static int read_pos(Reader *r, int *l, int *c, int *el, int *ec)
{
    long long v[4];
    if (expect(r, '@') < 0) {
        return -1;
    }
    for (int i = 0; i < 4; i++) {
        if ((i && expect(r, ',') < 0) || read_long(r, &v[i]) < 0) {
            return -1;
        }
    }
    *l = (int)v[0];
    *c = (int)v[1];
    *el = (int)v[2];
    *ec = (int)v[3];
    return 0;
}

/* `(Name`: the opening of a node; the kind's name goes to buf. */
static int open_node(Reader *r, char *buf, size_t n)
{
    return expect(r, '(') < 0 ? -1 : read_word(r, buf, n);
}

/* ------------------------------------------------------------------------------------------- */
/* Enumerations by name                                                                         */

static const char *const ctx_names[] = {
#define AST_CTX(UPPER, Name) #Name,
#include "parser/ast.def"
};
static const char *const boolop_names[] = {
#define AST_BOOLOP(UPPER, Name) #Name,
#include "parser/ast.def"
};
static const char *const operator_names[] = {
#define AST_OPERATOR(UPPER, Name, sym) #Name,
#include "parser/ast.def"
};
static const char *const unaryop_names[] = {
#define AST_UNARYOP(UPPER, Name, sym) #Name,
#include "parser/ast.def"
};
static const char *const cmpop_names[] = {
#define AST_CMPOP(UPPER, Name, sym) #Name,
#include "parser/ast.def"
};

static int read_enum(Reader *r, const char *const *names, size_t n, int *out)
{
    char w[32];
    if (read_word(r, w, sizeof w) < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (strcmp(w, names[i]) == 0) {
            *out = (int)i;
            return 0;
        }
    }
    return -1;
}

#define ENUM_READER(TYPE, CType, names)                                                            \
    static int rd_##TYPE(Reader *r, CType *out)                                                    \
    {                                                                                              \
        int v;                                                                                     \
        if (read_enum(r, names, sizeof names / sizeof names[0], &v) < 0) {                         \
            return -1;                                                                             \
        }                                                                                          \
        *out = (CType)v;                                                                           \
        return 0;                                                                                  \
    }
ENUM_READER(CTX, PrAstExprContext, ctx_names)
ENUM_READER(BOOLOP, PrAstBoolOp, boolop_names)
ENUM_READER(OPERATOR, PrAstOperator, operator_names)
ENUM_READER(UNARYOP, PrAstUnaryOp, unaryop_names)
ENUM_READER(CMPOP, PrAstCmpOp, cmpop_names)

/* ------------------------------------------------------------------------------------------- */
/* Scalars                                                                                      */

static int rd_IDENT(Reader *r, PrAstIdent *out)
{
    return read_string(r, out, NULL);
}

static int rd_OPT_IDENT(Reader *r, PrAstIdent *out)
{
    *out = NULL;
    return is_none(r) ? 0 : rd_IDENT(r, out);
}

static int rd_OPT_STR(Reader *r, const char **out)
{
    return rd_OPT_IDENT(r, out);
}

static int rd_INT(Reader *r, int *out)
{
    long long v;
    if (read_long(r, &v) < 0) {
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int rd_CONST(Reader *r, PrAstConst *out)
{
    char *end;
    if (expect(r, '#') < 0) {
        return -1;
    }
    char tag = *r->p++;
    switch (tag) {
    case 'N':
        out->kind = PR_CONST_NONE;
        return 0;
    case 'T':
        out->kind = PR_CONST_TRUE;
        return 0;
    case 'F':
        out->kind = PR_CONST_FALSE;
        return 0;
    case 'E':
        out->kind = PR_CONST_ELLIPSIS;
        return 0;
    case 'i': {
        long long v;
        out->kind = PR_CONST_INT;
        if (read_long(r, &v) < 0) {
            return -1;
        }
        out->v.i = v;
        return 0;
    }
    case 'f':
    case 'c':
        out->kind = tag == 'f' ? PR_CONST_FLOAT : PR_CONST_COMPLEX;
        out->v.f = strtod(r->p, &end);
        if (end == r->p) {
            return -1;
        }
        r->p = end;
        return 0;
    case 'I':
    case 's':
    case 'b':
        out->kind = tag == 'I' ? PR_CONST_BIG_INT : tag == 's' ? PR_CONST_STR : PR_CONST_BYTES;
        return read_string(r, &out->v.s.data, &out->v.s.len);
    }
    return -1;
}

/* ------------------------------------------------------------------------------------------- */
/* Nodes                                                                                        */

static int rd_EXPR(Reader *r, PrAstExpr **out);
static int rd_stmt(Reader *r, PrAstStmt **out);

static int rd_OPT_EXPR(Reader *r, PrAstExpr **out)
{
    *out = NULL;
    return is_none(r) ? 0 : rd_EXPR(r, out);
}

/* A sequence `[item ...]` read with one item reader into an arena array. */
#define SEQ_READER(TYPE, SeqT, ItemT, read_item)                                                   \
    static int rd_##TYPE(Reader *r, SeqT *out)                                                     \
    {                                                                                              \
        ItemT *items = NULL;                                                                       \
        size_t len = 0, cap = 0;                                                                   \
        if (expect(r, '[') < 0) {                                                                  \
            return -1;                                                                             \
        }                                                                                          \
        while (!peek(r, ']')) {                                                                    \
            if (len == cap) {                                                                      \
                cap = cap ? cap * 2 : 4;                                                           \
                ItemT *grown = pr_arena_alloc(r->arena, cap * sizeof *grown);                      \
                if (!grown) {                                                                      \
                    return -1;                                                                     \
                }                                                                                  \
                if (len) {                                                                         \
                    memcpy(grown, items, len * sizeof *grown);                                     \
                }                                                                                  \
                items = grown;                                                                     \
            }                                                                                      \
            if (!*r->p || read_item(r, &items[len]) < 0) {                                         \
                return -1;                                                                         \
            }                                                                                      \
            len++;                                                                                 \
        }                                                                                          \
        r->p++;                                                                                    \
        out->len = len;                                                                            \
        out->items = len ? items : NULL;                                                           \
        return 0;                                                                                  \
    }

SEQ_READER(EXPRS, PrAstExprSeq, PrAstExpr *, rd_OPT_EXPR)
SEQ_READER(STMTS, PrAstStmtSeq, PrAstStmt *, rd_stmt)
SEQ_READER(IDENTS, PrAstIdentSeq, PrAstIdent, rd_IDENT)
SEQ_READER(CMPOPS, PrAstCmpOpSeq, PrAstCmpOp, rd_CMPOP)

static int rd_OPT_EXPRS(Reader *r, PrAstExprSeq *out)
{
    return rd_EXPRS(r, out);
}

static int rd_TYPE_IGNORES(Reader *r, PrAstTypeIgnoreSeq *out)
{
    out->len = 0;
    out->items = NULL;
    return expect(r, '[') < 0 ? -1 : expect(r, ']');
}

/* Product types: one reader per type, `(name [@pos] fields...)`. */
#define POS_0(n) 0
#define POS_1(n) read_pos(r, &n->lineno, &n->col_offset, &n->end_lineno, &n->end_col_offset)
#define FIELD(TYPE, name)                                                                          \
    if (rd_##TYPE(r, &n->name) < 0) {                                                              \
        return -1;                                                                                 \
    }
#define AST_PRODUCT(Type, Name, POS, FIELDS)                                                       \
    static int rd_one_##Type(Reader *r, struct PrAst##Type **out);
#include "parser/ast.def"

#define rd_ARGUMENTS rd_one_Arguments
SEQ_READER(ARGS, PrAstArgSeq, struct PrAstArg *, rd_one_Arg)
SEQ_READER(KEYWORDS, PrAstKeywordSeq, struct PrAstKeyword *, rd_one_Keyword)
SEQ_READER(ALIASES, PrAstAliasSeq, struct PrAstAlias *, rd_one_Alias)
SEQ_READER(WITHITEMS, PrAstWithitemSeq, struct PrAstWithitem *, rd_one_Withitem)
SEQ_READER(HANDLERS, PrAstExceptHandlerSeq, struct PrAstExceptHandler *, rd_one_ExceptHandler)
SEQ_READER(COMPREHENSIONS, PrAstComprehensionSeq, struct PrAstComprehension *, rd_one_Comprehension)

static int rd_OPT_ARG(Reader *r, struct PrAstArg **out)
{
    *out = NULL;
    return is_none(r) ? 0 : rd_one_Arg(r, out);
}

#define AST_PRODUCT(Type, Name, POS, FIELDS)                                                       \
    static int rd_one_##Type(Reader *r, struct PrAst##Type **out)                                  \
    {                                                                                              \
        char w[32];                                                                                \
        struct PrAst##Type *n = pr_arena_calloc(r->arena, sizeof *n);                              \
        if (!n || open_node(r, w, sizeof w) < 0 || strcmp(w, #Name) != 0 || POS_##POS(n) < 0) {    \
            return -1;                                                                             \
        }                                                                                          \
        FIELDS                                                                                     \
        *out = n;                                                                                  \
        return expect(r, ')');                                                                     \
    }
#include "parser/ast.def"

/* Statements and expressions: the fields of each kind, then a dispatch by class name. */
#define AST_STMT(UPPER, Name, FIELDS)                                                              \
    static int rd_stmt_##Name(Reader *r, PrAstStmt *node)                                          \
    {                                                                                              \
        PrAstStmt##Name *n = &node->v.Name;                                                        \
        (void)n;                                                                                   \
        FIELDS return 0;                                                                           \
    }
#define AST_EXPR(UPPER, Name, FIELDS)                                                              \
    static int rd_expr_##Name(Reader *r, PrAstExpr *node)                                          \
    {                                                                                              \
        PrAstExpr##Name *n = &node->v.Name;                                                        \
        (void)n;                                                                                   \
        FIELDS return 0;                                                                           \
    }
#define AST_MOD(UPPER, Name, FIELDS)                                                               \
    static int rd_mod_##Name(Reader *r, PrAstMod *node)                                            \
    {                                                                                              \
        PrAstMod##Name *n = &node->v.Name;                                                         \
        FIELDS return 0;                                                                           \
    }
#include "parser/ast.def"
#undef FIELD

static const struct {
    const char *name;
    int (*read)(Reader *, PrAstStmt *);
} stmt_kinds[] = {
#define AST_STMT(UPPER, Name, FIELDS) {#Name, rd_stmt_##Name},
#include "parser/ast.def"
};
static const struct {
    const char *name;
    int (*read)(Reader *, PrAstExpr *);
} expr_kinds[] = {
#define AST_EXPR(UPPER, Name, FIELDS) {#Name, rd_expr_##Name},
#include "parser/ast.def"
};
static const struct {
    const char *name;
    int (*read)(Reader *, PrAstMod *);
} mod_kinds[] = {
#define AST_MOD(UPPER, Name, FIELDS) {#Name, rd_mod_##Name},
#include "parser/ast.def"
};

static int rd_stmt(Reader *r, PrAstStmt **out)
{
    char w[32];
    if (open_node(r, w, sizeof w) < 0) {
        return -1;
    }
    for (size_t k = 0; k < sizeof stmt_kinds / sizeof stmt_kinds[0]; k++) {
        if (strcmp(w, stmt_kinds[k].name) == 0) {
            PrAstStmt *s = pr_arena_calloc(r->arena, sizeof *s);
            if (!s ||
                read_pos(r, &s->lineno, &s->col_offset, &s->end_lineno, &s->end_col_offset) < 0) {
                return -1;
            }
            s->kind = (PrAstStmtKind)k;
            *out = s;
            return stmt_kinds[k].read(r, s) < 0 ? -1 : expect(r, ')');
        }
    }
    return -1;
}

static int rd_EXPR(Reader *r, PrAstExpr **out)
{
    char w[32];
    if (open_node(r, w, sizeof w) < 0) {
        return -1;
    }
    for (size_t k = 0; k < sizeof expr_kinds / sizeof expr_kinds[0]; k++) {
        if (strcmp(w, expr_kinds[k].name) == 0) {
            PrAstExpr *e = pr_arena_calloc(r->arena, sizeof *e);
            if (!e ||
                read_pos(r, &e->lineno, &e->col_offset, &e->end_lineno, &e->end_col_offset) < 0) {
                return -1;
            }
            e->kind = (PrAstExprKind)k;
            *out = e;
            return expr_kinds[k].read(r, e) < 0 ? -1 : expect(r, ')');
        }
    }
    return -1;
}

PrAstMod *pr_test_ast_read(const char *text, PrArena *arena)
{
    Reader r = {text, arena};
    char w[32];
    if (open_node(&r, w, sizeof w) < 0) {
        return NULL;
    }
    for (size_t k = 0; k < sizeof mod_kinds / sizeof mod_kinds[0]; k++) {
        if (strcmp(w, mod_kinds[k].name) == 0) {
            PrAstMod *m = pr_arena_calloc(arena, sizeof *m);
            if (!m) {
                return NULL;
            }
            m->kind = (PrAstModKind)k;
            if (mod_kinds[k].read(&r, m) < 0 || expect(&r, ')') < 0) {
                return NULL;
            }
            skip_space(&r);
            return *r.p ? NULL : m;
        }
    }
    return NULL;
}
