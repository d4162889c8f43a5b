/* parser/ast_dump.c — ast.dump() of CPython 3.11, byte for byte: the layout rules of
 * Lib/ast.py's _format and Python's repr() of every constant (str with its quote choice and
 * escapes, bytes, shortest round-trip floats, complex, big ints). Field lists come from
 * parser/ast.def, so a node prints exactly the fields CPython's class has, in its order. */
#include "parser/ast.h"

#include "memory/raw.h"
#include "objects/ucd.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------- */
/* A growable string; after a failed allocation it stays empty and `oom` is set.               */

typedef struct Str {
    char *s;
    size_t len;
    size_t cap;
    int oom;
} Str;

static void str_add(Str *b, const char *s, size_t n)
{
    if (b->oom) {
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1) {
            cap *= 2;
        }
        char *grown = pr_raw_realloc(b->s, cap);
        if (!grown) {
            b->oom = 1;
            return;
        }
        b->s = grown;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void str_puts(Str *b, const char *s)
{
    str_add(b, s, strlen(s));
}

static void str_printf(Str *b, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    str_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static void str_release(Str *b)
{
    pr_raw_free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* ------------------------------------------------------------------------------------------- */
/* repr() of constants                                                                          */

/* Decodes one UTF-8 sequence (leniently: lone surrogates encoded as 3 bytes are accepted, as a
 * str may hold them). Returns: the code point; *n gets the bytes used (at least 1). */
static uint32_t utf8_next(const unsigned char *s, size_t len, size_t *n)
{
    unsigned c = s[0];
    size_t need = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (need == 0 || need >= len) {
        *n = 1;
        return c;
    }
    uint32_t cp = c & (0x3F >> need);
    for (size_t i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *n = 1;
            return c;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    *n = need + 1;
    return cp;
}

/* Python picks ' unless the text holds ' and no ". */
static char pick_quote(const char *s, size_t len)
{
    int single = memchr(s, '\'', len) != NULL;
    int dbl = memchr(s, '"', len) != NULL;
    return single && !dbl ? '"' : '\'';
}

/* The escapes repr() of str and bytes share; returns 1 when c was written. */
static int common_escape(Str *b, unsigned c, char quote)
{
    switch (c) {
    case '\\':
        str_puts(b, "\\\\");
        return 1;
    case '\t':
        str_puts(b, "\\t");
        return 1;
    case '\n':
        str_puts(b, "\\n");
        return 1;
    case '\r':
        str_puts(b, "\\r");
        return 1;
    default:
        break;
    }
    if (c == (unsigned char)quote) {
        char esc[2] = {'\\', quote};
        str_add(b, esc, 2);
        return 1;
    }
    return 0;
}

static void repr_str(Str *b, const char *s, size_t len)
{
    char quote = pick_quote(s, len);
    str_add(b, &quote, 1);
    for (size_t i = 0; i < len;) {
        size_t n;
        uint32_t cp = utf8_next((const unsigned char *)s + i, len - i, &n);
        if (cp < 0x80 && common_escape(b, cp, quote)) {
            /* written */
        } else if (cp < 0x20 || cp == 0x7F) {
            str_printf(b, "\\x%02x", (unsigned)cp);
        } else if (cp < 0x80 || pr_ucd_isprintable(cp)) {
            str_add(b, s + i, n);
        } else if (cp <= 0xFF) {
            str_printf(b, "\\x%02x", (unsigned)cp);
        } else if (cp <= 0xFFFF) {
            str_printf(b, "\\u%04x", (unsigned)cp);
        } else {
            str_printf(b, "\\U%08x", (unsigned)cp);
        }
        i += n;
    }
    str_add(b, &quote, 1);
}

static void repr_bytes(Str *b, const char *s, size_t len)
{
    char quote = pick_quote(s, len);
    str_puts(b, "b");
    str_add(b, &quote, 1);
    for (size_t i = 0; i < len; i++) {
        unsigned c = (unsigned char)s[i];
        if (common_escape(b, c, quote)) {
            continue;
        }
        if (c < 0x20 || c >= 0x7F) {
            str_printf(b, "\\x%02x", c);
        } else {
            char ch = (char)c;
            str_add(b, &ch, 1);
        }
    }
    str_add(b, &quote, 1);
}

/* The shortest decimal digits that read back as x (x finite, > 0), and the exponent of the
 * first digit: x ~ 0.DIGITS * 10**decpt. */
static void shortest_digits(double x, char *digits, int *decpt)
{
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x) {
            break;
        }
    }
    /* buf is "D.DDDDe+XX" or "De+XX" */
    char *e = strchr(buf, 'e');
    int exp10 = atoi(e + 1);
    size_t n = 0;
    for (char *p = buf; p < e; p++) {
        if (*p != '.') {
            digits[n++] = *p;
        }
    }
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    digits[n] = '\0';
    *decpt = exp10 + 1;
}

/* repr(float) as Python's float_repr_style 'short': fixed notation when -4 < decpt <= 16,
 * otherwise scientific with at least two exponent digits. add_dot_0: "1.0" rather than "1"
 * (float yes, the parts of a complex no). */
static void repr_double(Str *b, double x, int add_dot_0)
{
    if (isinf(x)) {
        str_puts(b, x > 0 ? "inf" : "-inf");
        return;
    }
    if (isnan(x)) {
        str_puts(b, "nan");
        return;
    }
    if (signbit(x)) {
        str_puts(b, "-");
        x = -x;
    }
    if (x == 0.0) {
        str_puts(b, add_dot_0 ? "0.0" : "0");
        return;
    }
    char digits[40];
    int decpt;
    shortest_digits(x, digits, &decpt);
    int n = (int)strlen(digits);
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            str_puts(b, "0.");
            for (int i = 0; i < -decpt; i++) {
                str_puts(b, "0");
            }
            str_puts(b, digits);
        } else if (decpt >= n) {
            str_puts(b, digits);
            for (int i = n; i < decpt; i++) {
                str_puts(b, "0");
            }
            if (add_dot_0) {
                str_puts(b, ".0");
            }
        } else {
            str_add(b, digits, (size_t)decpt);
            str_puts(b, ".");
            str_puts(b, digits + decpt);
        }
        return;
    }
    str_add(b, digits, 1);
    if (n > 1) {
        str_puts(b, ".");
        str_puts(b, digits + 1);
    }
    int e = decpt - 1;
    str_printf(b, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
}

static void repr_const(Str *b, const PrAstConst *c)
{
    switch (c->kind) {
    case PR_CONST_NONE:
        str_puts(b, "None");
        break;
    case PR_CONST_TRUE:
        str_puts(b, "True");
        break;
    case PR_CONST_FALSE:
        str_puts(b, "False");
        break;
    case PR_CONST_ELLIPSIS:
        str_puts(b, "Ellipsis");
        break;
    case PR_CONST_INT:
        str_printf(b, "%" PRId64, c->v.i);
        break;
    case PR_CONST_BIG_INT:
        str_add(b, c->v.s.data, c->v.s.len);
        break;
    case PR_CONST_FLOAT:
        repr_double(b, c->v.f, 1);
        break;
    case PR_CONST_COMPLEX:
        repr_double(b, c->v.f, 0);
        str_puts(b, "j");
        break;
    case PR_CONST_STR:
        repr_str(b, c->v.s.data, c->v.s.len);
        break;
    case PR_CONST_BYTES:
        repr_bytes(b, c->v.s.data, c->v.s.len);
        break;
    default:
        break;
    }
}

/* ------------------------------------------------------------------------------------------- */
/* Lib/ast.py's _format, streamed: a node prints on one line when it has at most three fields   */
/* (attributes included) and all are "simple" — reprs, empty lists, field-less nodes like      */
/* Load(). That only depends on the kinds of a node's own fields, so the layout is decided      */
/* before printing and nothing is built in memory: the dump is linear in its output.           */

typedef struct Dumper {
    FILE *out;
    int indent; /* < 0: indent=None */
    int attrs;  /* include_attributes */
    int oom;
} Dumper;

/* What a printed field holds; the value is printed by print_arg. */
typedef enum ArgKind {
    A_EXPR,
    A_EXPRS,
    A_STMTS,
    A_IDENT,
    A_IDENTS,
    A_INT,
    A_CONST,
    A_ENUM,
    A_CMPOPS,
    A_EMPTY,
#define AST_PRODUCT(Type, Name, POS, FIELDS) A_##Type, A_##Type##_SEQ,
#include "parser/ast.def"
} ArgKind;

typedef struct Arg {
    const char *name;
    ArgKind kind;
    const void *ptr;  /* the field (a pointer to the node or sequence, or the value) */
    const char *text; /* A_ENUM: the class name */
    int simple;
} Arg;

#define MAX_ARGS 12
typedef struct Node {
    const char *name;
    int attrs; /* positions will be added: no child node is field-less */
    Arg args[MAX_ARGS];
    size_t n;
} Node;

static int expr_fieldless(const Node *parent, const PrAstExpr *e);

static void add(Node *nd, const char *name, ArgKind kind, const void *ptr, int simple)
{
    nd->args[nd->n++] = (Arg){name, kind, ptr, NULL, simple};
}

/* One field_<TYPE> per field type of ast.def: records the field unless it is an absent optional
 * (CPython omits a None whose class default is None). */
static void field_EXPR(Node *nd, const char *name, PrAstExpr *const *f)
{
    add(nd, name, A_EXPR, *f, expr_fieldless(nd, *f));
}
static void field_OPT_EXPR(Node *nd, const char *name, PrAstExpr *const *f)
{
    if (*f) {
        field_EXPR(nd, name, f);
    }
}
static void field_EXPRS(Node *nd, const char *name, const PrAstExprSeq *f)
{
    add(nd, name, A_EXPRS, f, f->len == 0);
}
static void field_OPT_EXPRS(Node *nd, const char *name, const PrAstExprSeq *f)
{
    add(nd, name, A_EXPRS, f, f->len == 0);
}
static void field_STMTS(Node *nd, const char *name, const PrAstStmtSeq *f)
{
    add(nd, name, A_STMTS, f, f->len == 0);
}
static void field_IDENT(Node *nd, const char *name, const PrAstIdent *f)
{
    add(nd, name, A_IDENT, *f, 1);
}
static void field_OPT_IDENT(Node *nd, const char *name, const PrAstIdent *f)
{
    if (*f) {
        add(nd, name, A_IDENT, *f, 1);
    }
}
static void field_OPT_STR(Node *nd, const char *name, const char *const *f)
{
    if (*f) {
        add(nd, name, A_IDENT, *f, 1);
    }
}
static void field_IDENTS(Node *nd, const char *name, const PrAstIdentSeq *f)
{
    add(nd, name, A_IDENTS, f, f->len == 0);
}
static void field_INT(Node *nd, const char *name, const int *f)
{
    add(nd, name, A_INT, f, 1);
}
static void field_CONST(Node *nd, const char *name, const PrAstConst *f)
{
    add(nd, name, A_CONST, f, 1);
}
static void add_enum(Node *nd, const char *name, const char *cls)
{
    add(nd, name, A_ENUM, NULL, 1);
    nd->args[nd->n - 1].text = cls;
}
static void field_CTX(Node *nd, const char *name, const PrAstExprContext *f)
{
    add_enum(nd, name, pr_ast_ctx_name(*f));
}
static void field_BOOLOP(Node *nd, const char *name, const PrAstBoolOp *f)
{
    add_enum(nd, name, pr_ast_boolop_name(*f));
}
static void field_OPERATOR(Node *nd, const char *name, const PrAstOperator *f)
{
    add_enum(nd, name, pr_ast_operator_name(*f));
}
static void field_UNARYOP(Node *nd, const char *name, const PrAstUnaryOp *f)
{
    add_enum(nd, name, pr_ast_unaryop_name(*f));
}
static void field_CMPOPS(Node *nd, const char *name, const PrAstCmpOpSeq *f)
{
    add(nd, name, A_CMPOPS, f, f->len == 0);
}
static void field_TYPE_IGNORES(Node *nd, const char *name, const PrAstTypeIgnoreSeq *f)
{
    add(nd, name, A_EMPTY, f, 1);
}
static void field_ARGUMENTS(Node *nd, const char *name, struct PrAstArguments *const *f)
{
    add(nd, name, A_Arguments, *f, 0);
}
static void field_OPT_ARG(Node *nd, const char *name, struct PrAstArg *const *f)
{
    if (*f) {
        add(nd, name, A_Arg, *f, 0);
    }
}
#define FIELD_PRODUCTS(TYPE, SeqType, Type)                                                        \
    static void field_##TYPE(Node *nd, const char *name, const SeqType *f)                         \
    {                                                                                              \
        add(nd, name, A_##Type##_SEQ, f, f->len == 0);                                             \
    }
FIELD_PRODUCTS(ARGS, PrAstArgSeq, Arg)
FIELD_PRODUCTS(KEYWORDS, PrAstKeywordSeq, Keyword)
FIELD_PRODUCTS(ALIASES, PrAstAliasSeq, Alias)
FIELD_PRODUCTS(WITHITEMS, PrAstWithitemSeq, Withitem)
FIELD_PRODUCTS(HANDLERS, PrAstExceptHandlerSeq, ExceptHandler)
FIELD_PRODUCTS(COMPREHENSIONS, PrAstComprehensionSeq, Comprehension)

/* Positions are ints, hence simple; they count towards the three of a one-line node. */
typedef struct Pos {
    int v[4];
} Pos;

static void add_positions(const Dumper *d, Node *nd, Pos *pos, int lineno, int col, int end_lineno,
                          int end_col)
{
    if (!d->attrs) {
        return;
    }
    static const char *const names[] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
    *pos = (Pos){{lineno, col, end_lineno, end_col}};
    for (int i = 0; i < 4; i++) {
        add(nd, names[i], A_INT, &pos->v[i], 1);
    }
}

/* Per kind: fields_<cat>_<Name> records every field of the kind. */
#define FIELD(TYPE, name) field_##TYPE(nd, #name, &x->name);
#define AST_MOD(UPPER, Name, FIELDS)                                                               \
    static void fields_mod_##Name(Node *nd, const PrAstMod##Name *x)                               \
    {                                                                                              \
        FIELDS                                                                                     \
    }
#define AST_STMT(UPPER, Name, FIELDS)                                                              \
    static void fields_stmt_##Name(Node *nd, const PrAstStmt##Name *x)                             \
    {                                                                                              \
        FIELDS                                                                                     \
    }
#define AST_EXPR(UPPER, Name, FIELDS)                                                              \
    static void fields_expr_##Name(Node *nd, const PrAstExpr##Name *x)                             \
    {                                                                                              \
        FIELDS                                                                                     \
    }
#define AST_PRODUCT(Type, Name, POS, FIELDS)                                                       \
    static void fields_##Type(Node *nd, const struct PrAst##Type *x)                               \
    {                                                                                              \
        FIELDS                                                                                     \
    }
#include "parser/ast.def"
#undef FIELD

static void print_node(Dumper *d, Node *nd, int level);

/* A node that prints no field at all (Yield() without value) is simple, like Load(). */
static int expr_fieldless(const Node *parent, const PrAstExpr *e)
{
    if (parent->attrs) {
        return 0;
    }
    Node nd = {NULL, 0, {{0}}, 0};
    switch (e->kind) {
#define AST_EXPR(UPPER, Name, FIELDS)                                                              \
    case PR_EXPR_##UPPER:                                                                          \
        fields_expr_##Name(&nd, &e->v.Name);                                                       \
        break;
#include "parser/ast.def"
    default:
        break;
    }
    return nd.n == 0;
}

static void put(Dumper *d, const char *s)
{
    fputs(s, d->out);
}

/* ",\n" and the indentation of `level` (or ", " with indent=None); first: "\n" instead. */
static void separator(Dumper *d, int level, int first)
{
    if (d->indent < 0) {
        if (!first) {
            put(d, ", ");
        }
        return;
    }
    put(d, first ? "\n" : ",\n");
    for (long i = 0; i < (long)d->indent * level; i++) {
        fputc(' ', d->out);
    }
}

static void put_repr(Dumper *d, void (*repr)(Str *, const void *), const void *v)
{
    Str s = {NULL, 0, 0, 0};
    repr(&s, v);
    if (s.oom) {
        d->oom = 1;
    } else if (s.s) {
        fwrite(s.s, 1, s.len, d->out);
    }
    str_release(&s);
}

static void repr_ident(Str *s, const void *v)
{
    repr_str(s, v, strlen(v));
}

static void repr_const_v(Str *s, const void *v)
{
    repr_const(s, v);
}

/* Collects a node of each category and prints it at `level` (its parent's level + 1). */
static void print_expr(Dumper *d, const PrAstExpr *e, int level)
{
    Node nd = {pr_ast_expr_name(e->kind), d->attrs, {{0}}, 0};
    Pos pos;
    switch (e->kind) {
#define AST_EXPR(UPPER, Name, FIELDS)                                                              \
    case PR_EXPR_##UPPER:                                                                          \
        fields_expr_##Name(&nd, &e->v.Name);                                                       \
        break;
#include "parser/ast.def"
    default:
        break;
    }
    add_positions(d, &nd, &pos, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
    print_node(d, &nd, level);
}

static void print_stmt(Dumper *d, const PrAstStmt *s, int level)
{
    Node nd = {pr_ast_stmt_name(s->kind), d->attrs, {{0}}, 0};
    Pos pos;
    switch (s->kind) {
#define AST_STMT(UPPER, Name, FIELDS)                                                              \
    case PR_STMT_##UPPER:                                                                          \
        fields_stmt_##Name(&nd, &s->v.Name);                                                       \
        break;
#include "parser/ast.def"
    default:
        break;
    }
    add_positions(d, &nd, &pos, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
    print_node(d, &nd, level);
}

#define POSITIONS_0(x)
#define POSITIONS_1(x)                                                                             \
    add_positions(d, &nd, &pos, x->lineno, x->col_offset, x->end_lineno, x->end_col_offset);
#define AST_PRODUCT(Type, Name, POS, FIELDS)                                                       \
    static void print_##Type(Dumper *d, const struct PrAst##Type *x, int level)                    \
    {                                                                                              \
        Node nd = {#Name, d->attrs, {{0}}, 0};                                                     \
        Pos pos;                                                                                   \
        (void)pos;                                                                                 \
        fields_##Type(&nd, x);                                                                     \
        POSITIONS_##POS(x) print_node(d, &nd, level);                                              \
    }
#include "parser/ast.def"

/* A list: "[]", or "[" then the items at level + 1 each after a separator, then "]". */
#define PRINT_LIST(seq, print_item)                                                                \
    do {                                                                                           \
        if ((seq)->len == 0) {                                                                     \
            put(d, "[]");                                                                          \
            break;                                                                                 \
        }                                                                                          \
        put(d, "[");                                                                               \
        for (size_t i = 0; i < (seq)->len; i++) {                                                  \
            separator(d, level + 1, i == 0);                                                       \
            print_item;                                                                            \
        }                                                                                          \
        put(d, "]");                                                                               \
    } while (0)

/* Prints the value of a field of a node at `level`: a child is formatted at level + 1, and a
 * list's items at level + 2. */
static void print_arg(Dumper *d, const Arg *a, int level)
{
    switch (a->kind) {
    case A_EXPR:
        print_expr(d, a->ptr, level + 1);
        break;
    case A_EXPRS: {
        const PrAstExprSeq *seq = a->ptr;
        PRINT_LIST(seq, seq->items[i] ? print_expr(d, seq->items[i], level + 2) : put(d, "None"));
        break;
    }
    case A_STMTS: {
        const PrAstStmtSeq *seq = a->ptr;
        PRINT_LIST(seq, print_stmt(d, seq->items[i], level + 2));
        break;
    }
    case A_IDENT:
        put_repr(d, repr_ident, a->ptr);
        break;
    case A_IDENTS: {
        const PrAstIdentSeq *seq = a->ptr;
        PRINT_LIST(seq, put_repr(d, repr_ident, seq->items[i]));
        break;
    }
    case A_INT:
        fprintf(d->out, "%d", *(const int *)a->ptr);
        break;
    case A_CONST:
        put_repr(d, repr_const_v, a->ptr);
        break;
    case A_ENUM:
        put(d, a->text);
        put(d, "()");
        break;
    case A_CMPOPS: {
        const PrAstCmpOpSeq *seq = a->ptr;
        PRINT_LIST(seq, (put(d, pr_ast_cmpop_name(seq->items[i])), put(d, "()")));
        break;
    }
    case A_EMPTY:
        put(d, "[]");
        break;
#define AST_PRODUCT(Type, Name, POS, FIELDS)                                                       \
    case A_##Type:                                                                                 \
        print_##Type(d, a->ptr, level + 1);                                                        \
        break;                                                                                     \
    case A_##Type##_SEQ: {                                                                         \
        const struct {                                                                             \
            size_t len;                                                                            \
            struct PrAst##Type **items;                                                            \
        } *seq = a->ptr;                                                                           \
        PRINT_LIST(seq, print_##Type(d, seq->items[i], level + 2));                                \
        break;                                                                                     \
    }
#include "parser/ast.def"
    }
}

static void print_node(Dumper *d, Node *nd, int level)
{
    int one_line = nd->n <= 3;
    for (size_t i = 0; i < nd->n; i++) {
        one_line &= nd->args[i].simple;
    }
    put(d, nd->name);
    put(d, "(");
    for (size_t i = 0; i < nd->n; i++) {
        if (one_line) {
            put(d, i ? ", " : "");
        } else {
            separator(d, level, i == 0);
        }
        put(d, nd->args[i].name);
        put(d, "=");
        print_arg(d, &nd->args[i], level);
    }
    put(d, ")");
}

static int dump(FILE *out, const PrAstMod *mod, int indent, int attrs)
{
    Dumper d = {out, indent, attrs, 0};
    Node nd = {pr_ast_mod_name(mod->kind), attrs, {{0}}, 0};
    switch (mod->kind) {
#define AST_MOD(UPPER, Name, FIELDS)                                                               \
    case PR_MOD_##UPPER:                                                                           \
        fields_mod_##Name(&nd, &mod->v.Name);                                                      \
        break;
#include "parser/ast.def"
    default:
        break;
    }
    print_node(&d, &nd, 1);
    fputc('\n', out);
    return d.oom ? -1 : 0;
}

int pr_ast_dump(FILE *out, const PrAstMod *mod, int indent)
{
    return dump(out, mod, indent, 0);
}

int pr_ast_dump_attrs(FILE *out, const PrAstMod *mod, int indent)
{
    return dump(out, mod, indent, 1);
}
