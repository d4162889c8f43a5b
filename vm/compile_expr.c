/* vm/compile_expr.c — code generation for expressions: operators, short circuits, chained
 * comparisons, conditional jumps, displays with unpacking, calls (KW_NAMES + PRECALL/CALL, or
 * CALL_FUNCTION_EX), attributes, subscripts, slices, f-strings, yield, and assignment targets.
 * The instruction sequences are CPython 3.11's (Python/compile.c). */
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/compile_impl.h"
#include "vm/errors.h"
#include "vm/interp.h"

#include <string.h>

static int has_starred(const PrAstExprSeq *args);

/* AST operator -> BINARY_OP operand (objects/binops.def order). */
int cc_binop_arg(PrAstOperator op)
{
    switch (op) {
    case PR_BINOP_ADD:
        return PR_NB_ADD;
    case PR_BINOP_SUB:
        return PR_NB_SUB;
    case PR_BINOP_MULT:
        return PR_NB_MUL;
    case PR_BINOP_MAT_MULT:
        return PR_NB_MATMUL;
    case PR_BINOP_DIV:
        return PR_NB_TRUEDIV;
    case PR_BINOP_MOD:
        return PR_NB_MOD;
    case PR_BINOP_POW:
        return PR_NB_POW;
    case PR_BINOP_LSHIFT:
        return PR_NB_LSHIFT;
    case PR_BINOP_RSHIFT:
        return PR_NB_RSHIFT;
    case PR_BINOP_BIT_OR:
        return PR_NB_OR;
    case PR_BINOP_BIT_XOR:
        return PR_NB_XOR;
    case PR_BINOP_BIT_AND:
        return PR_NB_AND;
    default:
        return PR_NB_FLOORDIV;
    }
}

int cc_binop(Compiler *c, PrAstOperator op, int inplace)
{
    int arg = cc_binop_arg(op);
    return cc_emit(c, PR_OP_BINARY_OP, inplace ? PR_NB_INPLACE(arg) : arg);
}

static int compare_op(Compiler *c, PrAstCmpOp op)
{
    switch (op) {
    case PR_CMP_EQ:
        return cc_emit(c, PR_OP_COMPARE_OP, PR_EQ);
    case PR_CMP_NOT_EQ:
        return cc_emit(c, PR_OP_COMPARE_OP, PR_NE);
    case PR_CMP_LT:
        return cc_emit(c, PR_OP_COMPARE_OP, PR_LT);
    case PR_CMP_LT_E:
        return cc_emit(c, PR_OP_COMPARE_OP, PR_LE);
    case PR_CMP_GT:
        return cc_emit(c, PR_OP_COMPARE_OP, PR_GT);
    case PR_CMP_GT_E:
        return cc_emit(c, PR_OP_COMPARE_OP, PR_GE);
    case PR_CMP_IS:
        return cc_emit(c, PR_OP_IS_OP, 0);
    case PR_CMP_IS_NOT:
        return cc_emit(c, PR_OP_IS_OP, 1);
    case PR_CMP_IN:
        return cc_emit(c, PR_OP_CONTAINS_OP, 0);
    default:
        return cc_emit(c, PR_OP_CONTAINS_OP, 1);
    }
}

int cc_exprs(Compiler *c, const PrAstExprSeq *seq)
{
    for (size_t i = 0; i < seq->len; i++) {
        if (cc_expr(c, seq->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

void cc_update_loc_to_attr(Compiler *c, const PrAstExpr *attr)
{
    Loc *l = &c->u->loc;
    if (l->line != attr->end_lineno) {
        l->line = attr->end_lineno;
        int len = (int)strlen(attr->v.Attribute.attr);
        if (len <= attr->end_col_offset) {
            l->col = attr->end_col_offset - len;
        } else {
            l->col = l->end_col = -1;
        }
        if (l->end_line < l->line) {
            l->end_line = l->line;
        }
        if (l->line == l->end_line && l->end_col < l->col) {
            l->end_col = l->col;
        }
    }
}

/* CPython's fold_iter: a list display iterated by `for` or tested by `in` is built as a tuple
 * (a constant one when it can). Returns: the expression to compile, or NULL (out of memory). */
const PrAstExpr *cc_fold_iter(Compiler *c, const PrAstExpr *e)
{
    if (e->kind != PR_EXPR_LIST || has_starred(&e->v.List.elts)) {
        return e;
    }
    PrAstExpr *t = pr_arena_alloc(c->arena, sizeof *t);
    if (!t) {
        pr_err_no_memory();
        return NULL;
    }
    *t = *e;
    t->kind = PR_EXPR_TUPLE;
    t->v.Tuple.elts = e->v.List.elts;
    t->v.Tuple.ctx = e->v.List.ctx;
    return t;
}

/* The comparators with the last one folded as an iterable when the last operator is `in` or
 * `not in` (CPython's fold_compare). Returns: 0 or -1. */
static int compare_operand(Compiler *c, const PrAstExpr *e, size_t i)
{
    const PrAstExpr *k = e->v.Compare.comparators.items[i];
    PrAstCmpOp op = e->v.Compare.ops.items[i];
    if (i + 1 == e->v.Compare.ops.len && (op == PR_CMP_IN || op == PR_CMP_NOT_IN) &&
        !(k = cc_fold_iter(c, k))) {
        return -1;
    }
    return cc_expr(c, k);
}

/* ---- boolean operators, comparisons, conditional jumps -------------------------------------- */

static int boolop(Compiler *c, const PrAstExpr *e)
{
    int jump = e->v.BoolOp.op == PR_BOOLOP_AND ? PR_OP_JUMP_IF_FALSE_OR_POP
                                               : PR_OP_JUMP_IF_TRUE_OR_POP;
    Block *end = cc_new_block(c);
    if (!end) {
        return -1;
    }
    const PrAstExprSeq *s = &e->v.BoolOp.values;
    for (size_t i = 0; i + 1 < s->len; i++) {
        if (cc_expr(c, s->items[i]) < 0 || cc_emit_jump(c, jump, end) < 0) {
            return -1;
        }
    }
    if (cc_expr(c, s->items[s->len - 1]) < 0) {
        return -1;
    }
    cc_use_block(c, end);
    return 0;
}

static int compare(Compiler *c, const PrAstExpr *e)
{
    const PrAstExprSeq *comps = &e->v.Compare.comparators;
    const PrAstCmpOpSeq *ops = &e->v.Compare.ops;
    size_t n = ops->len - 1;
    if (cc_expr(c, e->v.Compare.left) < 0) {
        return -1;
    }
    if (n == 0) {
        return compare_operand(c, e, 0) < 0 ? -1 : compare_op(c, ops->items[0]);
    }
    Block *cleanup = cc_new_block(c), *end = cc_new_block(c);
    if (!cleanup || !end) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (cc_expr(c, comps->items[i]) < 0 || cc_emit(c, PR_OP_SWAP, 2) < 0 ||
            cc_emit(c, PR_OP_COPY, 2) < 0 || compare_op(c, ops->items[i]) < 0 ||
            cc_emit_jump(c, PR_OP_JUMP_IF_FALSE_OR_POP, cleanup) < 0) {
            return -1;
        }
    }
    if (compare_operand(c, e, n) < 0 || compare_op(c, ops->items[n]) < 0 ||
        cc_emit_jump_noline(c, OP_JUMP, end) < 0) {
        return -1;
    }
    cc_use_block(c, cleanup);
    if (cc_emit(c, PR_OP_SWAP, 2) < 0 || cc_emit(c, PR_OP_POP_TOP, 0) < 0) {
        return -1;
    }
    cc_use_block(c, end);
    return 0;
}

static int jump_if_compare(Compiler *c, const PrAstExpr *e, Block *next, int cond)
{
    const PrAstExprSeq *comps = &e->v.Compare.comparators;
    const PrAstCmpOpSeq *ops = &e->v.Compare.ops;
    size_t n = ops->len - 1;
    Block *cleanup = cc_new_block(c), *end = cc_new_block(c);
    if (!cleanup || !end || cc_expr(c, e->v.Compare.left) < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (cc_expr(c, comps->items[i]) < 0 || cc_emit(c, PR_OP_SWAP, 2) < 0 ||
            cc_emit(c, PR_OP_COPY, 2) < 0 || compare_op(c, ops->items[i]) < 0 ||
            cc_emit_jump(c, OP_POP_JUMP_IF_FALSE, cleanup) < 0) {
            return -1;
        }
    }
    if (compare_operand(c, e, n) < 0 || compare_op(c, ops->items[n]) < 0 ||
        cc_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, next) < 0 ||
        cc_emit_jump_noline(c, OP_JUMP, end) < 0) {
        return -1;
    }
    cc_use_block(c, cleanup);
    if (cc_emit(c, PR_OP_POP_TOP, 0) < 0) {
        return -1;
    }
    if (!cond && cc_emit_jump_noline(c, OP_JUMP, next) < 0) {
        return -1;
    }
    cc_use_block(c, end);
    return 0;
}

static int jump_if(Compiler *c, const PrAstExpr *e, Block *next, int cond);

/* `not a in b` is `a not in b` (and is/is not): CPython's AST optimiser rewrites it into the
 * comparison, which keeps its own position. Returns: the comparison to compile instead (a copy
 * in the compile arena), e itself, or NULL when out of memory. */
static const PrAstExpr *fold_not(Compiler *c, const PrAstExpr *e)
{
    if (e->kind != PR_EXPR_UNARY_OP || e->v.UnaryOp.op != PR_UNARY_NOT) {
        return e;
    }
    const PrAstExpr *a = e->v.UnaryOp.operand;
    if (a->kind != PR_EXPR_COMPARE || a->v.Compare.ops.len != 1) {
        return e;
    }
    PrAstCmpOp op;
    switch (a->v.Compare.ops.items[0]) {
    case PR_CMP_IS:
        op = PR_CMP_IS_NOT;
        break;
    case PR_CMP_IS_NOT:
        op = PR_CMP_IS;
        break;
    case PR_CMP_IN:
        op = PR_CMP_NOT_IN;
        break;
    case PR_CMP_NOT_IN:
        op = PR_CMP_IN;
        break;
    default:
        return e;
    }
    PrAstExpr *n = pr_arena_alloc(c->arena, sizeof *n);
    PrAstCmpOp *ops = pr_arena_alloc(c->arena, sizeof *ops);
    if (!n || !ops) {
        pr_err_no_memory();
        return NULL;
    }
    *n = *a;
    ops[0] = op;
    n->v.Compare.ops.items = ops;
    return n;
}

/* Jumps to next when e's truth is cond, without materialising the bool where it can. As in
 * CPython 3.11, a comparison moves the current position to itself (and leaves it there); other
 * tests jump at the position of the construct that tests them. */
int cc_jump_if(Compiler *c, const PrAstExpr *e, Block *next, int cond)
{
    return (e = fold_not(c, e)) ? jump_if(c, e, next, cond) : -1;
}

static int jump_if(Compiler *c, const PrAstExpr *e, Block *next, int cond)
{
    switch (e->kind) {
    case PR_EXPR_UNARY_OP:
        if (e->v.UnaryOp.op == PR_UNARY_NOT) {
            return cc_jump_if(c, e->v.UnaryOp.operand, next, !cond);
        }
        break;
    case PR_EXPR_BOOL_OP: {
        const PrAstExprSeq *s = &e->v.BoolOp.values;
        int cond2 = e->v.BoolOp.op == PR_BOOLOP_OR;
        Block *next2 = next;
        if (!cond2 != !cond && !(next2 = cc_new_block(c))) {
            return -1;
        }
        for (size_t i = 0; i + 1 < s->len; i++) {
            if (cc_jump_if(c, s->items[i], next2, cond2) < 0) {
                return -1;
            }
        }
        if (cc_jump_if(c, s->items[s->len - 1], next, cond) < 0) {
            return -1;
        }
        if (next2 != next) {
            cc_use_block(c, next2);
        }
        return 0;
    }
    case PR_EXPR_IF_EXP: {
        Block *end = cc_new_block(c), *next2 = cc_new_block(c);
        if (!end || !next2 || cc_jump_if(c, e->v.IfExp.test, next2, 0) < 0 ||
            cc_jump_if(c, e->v.IfExp.body, next, cond) < 0 ||
            cc_emit_jump_noline(c, OP_JUMP, end) < 0) {
            return -1;
        }
        cc_use_block(c, next2);
        if (cc_jump_if(c, e->v.IfExp.orelse, next, cond) < 0) {
            return -1;
        }
        cc_use_block(c, end);
        return 0;
    }
    case PR_EXPR_COMPARE:
        CC_SET_LOC(c, e);
        if (e->v.Compare.ops.len > 1) {
            return jump_if_compare(c, e, next, cond);
        }
        break;
    default:
        break;
    }
    if (cc_expr(c, e) < 0) {
        return -1;
    }
    return cc_emit_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, next);
}

static int ifexp(Compiler *c, const PrAstExpr *e)
{
    Block *end = cc_new_block(c), *next = cc_new_block(c);
    if (!end || !next || cc_jump_if(c, e->v.IfExp.test, next, 0) < 0 ||
        cc_expr(c, e->v.IfExp.body) < 0 || cc_emit_jump_noline(c, OP_JUMP, end) < 0) {
        return -1;
    }
    cc_use_block(c, next);
    if (cc_expr(c, e->v.IfExp.orelse) < 0) {
        return -1;
    }
    cc_use_block(c, end);
    return 0;
}

/* ---- displays ------------------------------------------------------------------------------ */

/* The folded constants of elts[begin..end) when every one folds, as a new tuple; NULL without
 * an exception when some item is not constant. */
static PrObject *all_const(Compiler *c, const PrAstExprSeq *elts, size_t begin, size_t end,
                           int *err)
{
    *err = 0;
    PrObject *t = pr_tuple_new((ssize_t)(end - begin));
    if (!t) {
        *err = -1;
        return NULL;
    }
    for (size_t i = begin; i < end; i++) {
        PrObject *o = elts->items[i] ? cc_expr_constant(c, elts->items[i], err) : NULL;
        if (!o) {
            PR_DECREF(t);
            return NULL;
        }
        pr_tuple_set_steal(t, (ssize_t)(i - begin), o);
    }
    return t;
}

int cc_starunpack(Compiler *c, const PrAstExprSeq *elts, int pushed, int build, int add,
                  int extend, int tuple)
{
    size_t n = elts->len;
    int err;
    /* Sets are not folded (pyrena has no frozenset constant yet): they take the general path. */
    if (n > 2 && add != PR_OP_SET_ADD) {
        PrObject *folded = all_const(c, elts, 0, n, &err);
        if (err) {
            return -1;
        }
        if (folded) {
            if (tuple && !pushed) {
                return cc_load_const_steal(c, folded);
            }
            if (cc_emit(c, build, pushed) < 0 || cc_load_const_steal(c, folded) < 0 ||
                cc_emit(c, extend, 1) < 0) {
                return -1;
            }
            return tuple ? cc_emit(c, PR_OP_LIST_TO_TUPLE, 0) : 0;
        }
    }
    int big = (int)n + pushed > STACK_USE_GUIDELINE;
    int seen_star = 0;
    for (size_t i = 0; i < n; i++) {
        seen_star |= elts->items[i]->kind == PR_EXPR_STARRED;
    }
    if (!seen_star && !big) {
        if (cc_exprs(c, elts) < 0) {
            return -1;
        }
        return cc_emit(c, tuple ? PR_OP_BUILD_TUPLE : build, (int)n + pushed);
    }
    int built = 0;
    if (big) {
        if (cc_emit(c, build, pushed) < 0) {
            return -1;
        }
        built = 1;
    }
    for (size_t i = 0; i < n; i++) {
        const PrAstExpr *elt = elts->items[i];
        if (elt->kind == PR_EXPR_STARRED) {
            if (!built) {
                if (cc_emit(c, build, (int)i + pushed) < 0) {
                    return -1;
                }
                built = 1;
            }
            if (cc_expr(c, elt->v.Starred.value) < 0 || cc_emit(c, extend, 1) < 0) {
                return -1;
            }
        } else {
            if (cc_expr(c, elt) < 0 || (built && cc_emit(c, add, 1) < 0)) {
                return -1;
            }
        }
    }
    return tuple ? cc_emit(c, PR_OP_LIST_TO_TUPLE, 0) : 0;
}

static int unpack_helper(Compiler *c, const PrAstExprSeq *elts)
{
    size_t n = elts->len;
    int seen_star = 0;
    for (size_t i = 0; i < n; i++) {
        if (elts->items[i]->kind != PR_EXPR_STARRED) {
            continue;
        }
        if (seen_star) {
            return cc_error(c, "multiple starred expressions in assignment");
        }
        if (i >= (1 << 8) || n - i - 1 >= (INT32_MAX >> 8)) {
            return cc_error(c, "too many expressions in star-unpacking assignment");
        }
        if (cc_emit(c, PR_OP_UNPACK_EX, (int)(i + ((n - i - 1) << 8))) < 0) {
            return -1;
        }
        seen_star = 1;
    }
    return seen_star ? 0 : cc_emit(c, PR_OP_UNPACK_SEQUENCE, (int)n);
}

static int assignment_helper(Compiler *c, const PrAstExprSeq *elts)
{
    if (unpack_helper(c, elts) < 0) {
        return -1;
    }
    for (size_t i = 0; i < elts->len; i++) {
        const PrAstExpr *elt = elts->items[i];
        if (cc_expr(c, elt->kind == PR_EXPR_STARRED ? elt->v.Starred.value : elt) < 0) {
            return -1;
        }
    }
    return 0;
}

static int sequence(Compiler *c, const PrAstExprSeq *elts, PrAstExprContext ctx, int tuple)
{
    if (ctx == PR_CTX_STORE) {
        return assignment_helper(c, elts);
    }
    if (ctx == PR_CTX_LOAD) {
        return cc_starunpack(c, elts, 0, PR_OP_BUILD_LIST, PR_OP_LIST_APPEND, PR_OP_LIST_EXTEND,
                             tuple);
    }
    return cc_exprs(c, elts);
}

static int subdict(Compiler *c, const PrAstExpr *e, size_t begin, size_t end)
{
    size_t n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE, err;
    if (n > 1 && !big) {
        PrObject *keys = all_const(c, &e->v.Dict.keys, begin, end, &err);
        if (err) {
            return -1;
        }
        if (keys) {
            for (size_t i = begin; i < end; i++) {
                if (cc_expr(c, e->v.Dict.values.items[i]) < 0) {
                    PR_DECREF(keys);
                    return -1;
                }
            }
            if (cc_load_const_steal(c, keys) < 0) {
                return -1;
            }
            return cc_emit(c, PR_OP_BUILD_CONST_KEY_MAP, (int)n);
        }
    }
    if (big && cc_emit(c, PR_OP_BUILD_MAP, 0) < 0) {
        return -1;
    }
    for (size_t i = begin; i < end; i++) {
        if (cc_expr(c, e->v.Dict.keys.items[i]) < 0 || cc_expr(c, e->v.Dict.values.items[i]) < 0 ||
            (big && cc_emit(c, PR_OP_MAP_ADD, 1) < 0)) {
            return -1;
        }
    }
    return big ? 0 : cc_emit(c, PR_OP_BUILD_MAP, (int)n);
}

static int dict(Compiler *c, const PrAstExpr *e)
{
    size_t n = e->v.Dict.values.len, elements = 0;
    int have_dict = 0;
    for (size_t i = 0; i < n; i++) {
        if (e->v.Dict.keys.items[i] == NULL) {
            if (elements) {
                if (subdict(c, e, i - elements, i) < 0 ||
                    (have_dict && cc_emit(c, PR_OP_DICT_UPDATE, 1) < 0)) {
                    return -1;
                }
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                if (cc_emit(c, PR_OP_BUILD_MAP, 0) < 0) {
                    return -1;
                }
                have_dict = 1;
            }
            if (cc_expr(c, e->v.Dict.values.items[i]) < 0 ||
                cc_emit(c, PR_OP_DICT_UPDATE, 1) < 0) {
                return -1;
            }
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            if (subdict(c, e, i - elements, i + 1) < 0 ||
                (have_dict && cc_emit(c, PR_OP_DICT_UPDATE, 1) < 0)) {
                return -1;
            }
            have_dict = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        if (subdict(c, e, n - elements, n) < 0 ||
            (have_dict && cc_emit(c, PR_OP_DICT_UPDATE, 1) < 0)) {
            return -1;
        }
        have_dict = 1;
    }
    return have_dict ? 0 : cc_emit(c, PR_OP_BUILD_MAP, 0);
}

/* ---- calls --------------------------------------------------------------------------------- */

static int kw_names(Compiler *c, const PrAstKeywordSeq *kws, size_t begin, size_t end,
                    PrObject **out)
{
    PrObject *names = pr_tuple_new((ssize_t)(end - begin));
    if (!names) {
        return -1;
    }
    for (size_t i = begin; i < end; i++) {
        PrObject *s = cc_str(kws->items[i]->arg);
        if (!s) {
            PR_DECREF(names);
            return -1;
        }
        pr_tuple_set_steal(names, (ssize_t)(i - begin), s);
    }
    *out = names;
    return 0;
}

static int validate_keywords(Compiler *c, const PrAstKeywordSeq *kws)
{
    for (size_t i = 0; i < kws->len; i++) {
        const char *a = kws->items[i]->arg;
        if (!a) {
            continue;
        }
        for (size_t j = i + 1; j < kws->len; j++) {
            if (kws->items[j]->arg && strcmp(a, kws->items[j]->arg) == 0) {
                Loc old = c->u->loc;
                CC_SET_LOC(c, kws->items[j]);
                cc_error(c, "keyword argument repeated: %s", a);
                c->u->loc = old;
                return -1;
            }
        }
    }
    return 0;
}

static int keyword_values(Compiler *c, const PrAstKeywordSeq *kws, size_t begin, size_t end)
{
    for (size_t i = begin; i < end; i++) {
        if (cc_expr(c, kws->items[i]->value) < 0) {
            return -1;
        }
    }
    return 0;
}

static int simple_kw_helper(Compiler *c, const PrAstKeywordSeq *kws)
{
    PrObject *names;
    if (kw_names(c, kws, 0, kws->len, &names) < 0) {
        return -1;
    }
    int i = cc_add_const(c, names);
    PR_DECREF(names);
    return i < 0 ? -1 : cc_emit(c, PR_OP_KW_NAMES, i);
}

static int subkwargs(Compiler *c, const PrAstKeywordSeq *kws, size_t begin, size_t end)
{
    size_t n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        PrObject *keys;
        if (keyword_values(c, kws, begin, end) < 0 || kw_names(c, kws, begin, end, &keys) < 0 ||
            cc_load_const_steal(c, keys) < 0) {
            return -1;
        }
        return cc_emit(c, PR_OP_BUILD_CONST_KEY_MAP, (int)n);
    }
    if (big && cc_emit_noline(c, PR_OP_BUILD_MAP, 0) < 0) {
        return -1;
    }
    for (size_t i = begin; i < end; i++) {
        if (cc_load_const_steal(c, cc_str(kws->items[i]->arg)) < 0 ||
            cc_expr(c, kws->items[i]->value) < 0 ||
            (big && cc_emit_noline(c, PR_OP_MAP_ADD, 1) < 0)) {
            return -1;
        }
    }
    return big ? 0 : cc_emit(c, PR_OP_BUILD_MAP, (int)n);
}

static int ex_call(Compiler *c, int n, const PrAstExprSeq *args, const PrAstKeywordSeq *kws)
{
    if (n == 0 && args->len == 1 && args->items[0]->kind == PR_EXPR_STARRED) {
        if (cc_expr(c, args->items[0]->v.Starred.value) < 0) {
            return -1;
        }
    } else if (cc_starunpack(c, args, n, PR_OP_BUILD_LIST, PR_OP_LIST_APPEND, PR_OP_LIST_EXTEND,
                             1) < 0) {
        return -1;
    }
    if (kws->len) {
        int have_dict = 0;
        size_t nseen = 0;
        for (size_t i = 0; i < kws->len; i++) {
            if (kws->items[i]->arg) {
                nseen++;
                continue;
            }
            if (nseen) {
                if (subkwargs(c, kws, i - nseen, i) < 0 ||
                    (have_dict && cc_emit(c, PR_OP_DICT_MERGE, 1) < 0)) {
                    return -1;
                }
                have_dict = 1;
                nseen = 0;
            }
            if (!have_dict) {
                if (cc_emit(c, PR_OP_BUILD_MAP, 0) < 0) {
                    return -1;
                }
                have_dict = 1;
            }
            if (cc_expr(c, kws->items[i]->value) < 0 || cc_emit(c, PR_OP_DICT_MERGE, 1) < 0) {
                return -1;
            }
        }
        if (nseen) {
            if (subkwargs(c, kws, kws->len - nseen, kws->len) < 0 ||
                (have_dict && cc_emit(c, PR_OP_DICT_MERGE, 1) < 0)) {
                return -1;
            }
        }
    }
    return cc_emit(c, PR_OP_CALL_FUNCTION_EX, kws->len > 0);
}

static int has_starred(const PrAstExprSeq *args)
{
    for (size_t i = 0; i < args->len; i++) {
        if (args->items[i]->kind == PR_EXPR_STARRED) {
            return 1;
        }
    }
    return 0;
}

static int has_double_star(const PrAstKeywordSeq *kws)
{
    for (size_t i = 0; i < kws->len; i++) {
        if (!kws->items[i]->arg) {
            return 1;
        }
    }
    return 0;
}

/* The arguments and the call, n values (class: function and name) being already pushed. */
int cc_call_helper(Compiler *c, int n, const PrAstExprSeq *args, const PrAstKeywordSeq *kws)
{
    if (validate_keywords(c, kws) < 0) {
        return -1;
    }
    size_t nelts = args->len, nkw = kws->len;
    if (nelts + nkw * 2 > STACK_USE_GUIDELINE || has_starred(args) || has_double_star(kws)) {
        return ex_call(c, n, args, kws);
    }
    if (cc_exprs(c, args) < 0) {
        return -1;
    }
    if (nkw && (keyword_values(c, kws, 0, nkw) < 0 || simple_kw_helper(c, kws) < 0)) {
        return -1;
    }
    int argc = n + (int)(nelts + nkw);
    return cc_emit(c, PR_OP_PRECALL, argc) < 0 ? -1 : cc_emit(c, PR_OP_CALL, argc);
}

/* A name bound by an import at module level: CPython does not use LOAD_METHOD on it. */
static int is_import_originated(Compiler *c, const PrAstExpr *e)
{
    if (e->kind != PR_EXPR_NAME) {
        return 0;
    }
    const PrSymbol *sym = pr_scope_lookup(c->scopes->top, e->v.Name.id);
    return sym && (sym->flags & PR_SYM_DEF_IMPORT);
}

static int method_call(Compiler *c, const PrAstExpr *e)
{
    const PrAstExpr *meth = e->v.Call.func;
    const PrAstExprSeq *args = &e->v.Call.args;
    const PrAstKeywordSeq *kws = &e->v.Call.keywords;
    size_t nkw = kws->len;
    if (cc_expr(c, meth->v.Attribute.value) < 0) {
        return -1;
    }
    /* LOAD_METHOD, the arguments' glue and KW_NAMES at the attribute; the call at the call. */
    CC_SET_LOC(c, meth);
    cc_update_loc_to_attr(c, meth);
    if (cc_emit_name(c, PR_OP_LOAD_METHOD, meth->v.Attribute.attr, 1) < 0) {
        return -1;
    }
    if (cc_exprs(c, args) < 0) {
        return -1;
    }
    if (nkw && (validate_keywords(c, kws) < 0 || keyword_values(c, kws, 0, nkw) < 0 ||
                simple_kw_helper(c, kws) < 0)) {
        return -1;
    }
    CC_SET_LOC(c, e);
    cc_update_loc_to_attr(c, meth);
    int argc = (int)(args->len + nkw);
    return cc_emit(c, PR_OP_PRECALL, argc) < 0 ? -1 : cc_emit(c, PR_OP_CALL, argc);
}

static int call(Compiler *c, const PrAstExpr *e)
{
    const PrAstExpr *f = e->v.Call.func;
    size_t nargs = e->v.Call.args.len, nkw = e->v.Call.keywords.len;
    if (f->kind == PR_EXPR_ATTRIBUTE && f->v.Attribute.ctx == PR_CTX_LOAD &&
        !is_import_originated(c, f->v.Attribute.value) &&
        nargs + nkw + (nkw != 0) < STACK_USE_GUIDELINE && !has_starred(&e->v.Call.args) &&
        !has_double_star(&e->v.Call.keywords)) {
        return method_call(c, e);
    }
    CC_SET_LOC(c, f);
    if (cc_emit(c, PR_OP_PUSH_NULL, 0) < 0) {
        return -1;
    }
    CC_SET_LOC(c, e);
    if (cc_expr(c, f) < 0) {
        return -1;
    }
    return cc_call_helper(c, 0, &e->v.Call.args, &e->v.Call.keywords);
}

/* ---- the rest ------------------------------------------------------------------------------ */

static int formatted_value(Compiler *c, const PrAstExpr *e)
{
    int conv = e->v.FormattedValue.conversion;
    int arg = conv == 's'   ? PR_FVC_STR
              : conv == 'r' ? PR_FVC_REPR
              : conv == 'a' ? PR_FVC_ASCII
                            : PR_FVC_NONE;
    if (cc_expr(c, e->v.FormattedValue.value) < 0) {
        return -1;
    }
    if (e->v.FormattedValue.format_spec) {
        if (cc_expr(c, e->v.FormattedValue.format_spec) < 0) {
            return -1;
        }
        arg |= PR_FVS_HAVE_SPEC;
    }
    return cc_emit(c, PR_OP_FORMAT_VALUE, arg);
}

static int joined_str(Compiler *c, const PrAstExpr *e)
{
    const PrAstExprSeq *v = &e->v.JoinedStr.values;
    if (v->len > STACK_USE_GUIDELINE) {
        if (cc_load_const_steal(c, cc_str("")) < 0 ||
            cc_emit_name(c, PR_OP_LOAD_METHOD, "join", 0) < 0 ||
            cc_emit(c, PR_OP_BUILD_LIST, 0) < 0) {
            return -1;
        }
        for (size_t i = 0; i < v->len; i++) {
            if (cc_expr(c, v->items[i]) < 0 || cc_emit(c, PR_OP_LIST_APPEND, 1) < 0) {
                return -1;
            }
        }
        return cc_emit(c, PR_OP_PRECALL, 1) < 0 ? -1 : cc_emit(c, PR_OP_CALL, 1);
    }
    if (cc_exprs(c, v) < 0) {
        return -1;
    }
    return v->len == 1 ? 0 : cc_emit(c, PR_OP_BUILD_STRING, (int)v->len);
}

static int attribute(Compiler *c, const PrAstExpr *e)
{
    static const int ops[] = {PR_OP_LOAD_ATTR, PR_OP_STORE_ATTR, PR_OP_DELETE_ATTR};
    if (cc_expr(c, e->v.Attribute.value) < 0) {
        return -1;
    }
    cc_update_loc_to_attr(c, e);
    return cc_emit_name(c, ops[e->v.Attribute.ctx], e->v.Attribute.attr, 1);
}

static int subscript(Compiler *c, const PrAstExpr *e)
{
    static const int ops[] = {PR_OP_BINARY_SUBSCR, PR_OP_STORE_SUBSCR, PR_OP_DELETE_SUBSCR};
    int err;
    PrObject *folded = cc_expr_constant(c, e, &err);
    if (folded || err) {
        return err ? -1 : cc_load_const_steal(c, folded);
    }
    if (cc_expr(c, e->v.Subscript.value) < 0 || cc_expr(c, e->v.Subscript.slice) < 0) {
        return -1;
    }
    return cc_emit(c, ops[e->v.Subscript.ctx], 0);
}

static int slice(Compiler *c, const PrAstExpr *e)
{
    int n = 2;
    const PrAstExpr *parts[] = {e->v.Slice.lower, e->v.Slice.upper};
    for (int i = 0; i < 2; i++) {
        if ((parts[i] ? cc_expr(c, parts[i]) : cc_load_const(c, PR_None)) < 0) {
            return -1;
        }
    }
    if (e->v.Slice.step) {
        n++;
        if (cc_expr(c, e->v.Slice.step) < 0) {
            return -1;
        }
    }
    return cc_emit(c, PR_OP_BUILD_SLICE, n);
}

static int yield_from(Compiler *c)
{
    Block *start = cc_new_block(c), *resume = cc_new_block(c), *exit = cc_new_block(c);
    if (!start || !resume || !exit) {
        return -1;
    }
    cc_use_block(c, start);
    if (cc_emit_jump(c, PR_OP_SEND, exit) < 0) {
        return -1;
    }
    cc_use_block(c, resume);
    if (cc_emit(c, PR_OP_YIELD_VALUE, 0) < 0 || cc_emit(c, PR_OP_RESUME, 2) < 0 ||
        cc_emit_jump(c, OP_JUMP_NO_INTERRUPT, start) < 0) {
        return -1;
    }
    cc_use_block(c, exit);
    return 0;
}

static int constant(Compiler *c, const PrAstExpr *e)
{
    PrObject *o = cc_const_object(c, &e->v.Constant.value);
    return cc_load_const_steal(c, o);
}

static int unary(Compiler *c, const PrAstExpr *e)
{
    int err;
    PrObject *folded = cc_expr_constant(c, e, &err);
    if (folded) {
        return cc_load_const_steal(c, folded);
    }
    if (err) {
        return -1;
    }
    static const int ops[] = {PR_OP_UNARY_INVERT, PR_OP_UNARY_NOT, PR_OP_UNARY_POSITIVE,
                              PR_OP_UNARY_NEGATIVE};
    return cc_expr(c, e->v.UnaryOp.operand) < 0 ? -1 : cc_emit(c, ops[e->v.UnaryOp.op], 0);
}

/* ---- 'fmt' % (a, b): CPython 3.11's optimize_format (Python/ast_opt.c) ------------------- */

typedef struct FmtPiece {
    const char *lit; /* literal text (%% already halved), or NULL for a formatted argument */
    size_t len;
    int conv;        /* 's', 'r' or 'a' */
    char spec[48];   /* the format spec made from width and precision, or "" */
} FmtPiece;

/* A width or precision: CPython optimises only those of one or two digits (MAXDIGITS). */
static int read_number(const char *f, size_t n, size_t *pos, int *out)
{
    int digits = 0;
    *out = 0;
    while (*pos < n && f[*pos] >= '0' && f[*pos] <= '9') {
        *out = *out * 10 + (f[(*pos)++] - '0');
        if (++digits >= 3) {
            return 0;
        }
    }
    return 1;
}

/* One %-unit after the '%': flags, width, precision, conversion. Returns: 1, or 0 when CPython
 * would not optimise it. */
static int parse_unit(const char *f, size_t n, size_t *pos, FmtPiece *p)
{
    int ljust = 0, width = -1, prec = -1;
    while (*pos < n && strchr("-+ #0", f[*pos])) {
        ljust |= f[(*pos)++] == '-';
    }
    if (*pos < n && f[*pos] >= '0' && f[*pos] <= '9' && !read_number(f, n, pos, &width)) {
        return 0;
    }
    if (*pos < n && f[*pos] == '.') {
        (*pos)++;
        if (!read_number(f, n, pos, &prec)) {
            return 0;
        }
    }
    if (*pos >= n || !strchr("sra", f[*pos])) {
        return 0;
    }
    p->conv = f[(*pos)++];
    p->lit = NULL;
    int k = 0;
    if (!ljust && width > 0) {
        p->spec[k++] = '>';
    }
    if (width >= 0) {
        k += snprintf(p->spec + k, sizeof p->spec - (size_t)k, "%d", width);
    }
    if (prec >= 0) {
        k += snprintf(p->spec + k, sizeof p->spec - (size_t)k, ".%d", prec);
    }
    p->spec[k] = 0;
    return 1;
}

/* Splits fmt into literals and units for nargs arguments. Returns: the number of pieces, or 0
 * when it does not optimise (unsupported unit, or counts that do not match). */
static size_t parse_format(Compiler *c, const char *f, size_t n, size_t nargs, FmtPiece **out)
{
    FmtPiece *p = pr_arena_alloc(c->arena, (2 * nargs + 1) * sizeof *p);
    size_t np = 0, pos = 0, used = 0;
    if (!p) {
        return 0;
    }
    for (;;) {
        size_t start = pos;
        while (pos < n && (f[pos] != '%' || (pos + 1 < n && f[pos + 1] == '%'))) {
            pos += f[pos] == '%' ? 2 : 1;
        }
        if (pos > start) {
            char *lit = pr_arena_alloc(c->arena, pos - start + 1);
            if (!lit) {
                return 0;
            }
            size_t k = 0;
            for (size_t i = start; i < pos; i++) {
                lit[k++] = f[i];
                i += f[i] == '%';
            }
            p[np++] = (FmtPiece){lit, k, 0, ""};
        }
        if (pos >= n) {
            break;
        }
        if (used >= nargs) {
            return 0;
        }
        pos++;
        if (!parse_unit(f, n, &pos, &p[np])) {
            return 0;
        }
        p[np++].len = used++;
    }
    *out = p;
    return used == nargs ? np : 0;
}

static int load_const_noline(Compiler *c, PrObject *o)
{
    if (!o) {
        return -1;
    }
    int i = cc_add_const(c, o);
    PR_DECREF(o);
    return i < 0 ? -1 : cc_emit_noline(c, PR_OP_LOAD_CONST, i);
}

static int format_piece(Compiler *c, const FmtPiece *p, const PrAstExprSeq *args)
{
    if (p->lit) {
        return load_const_noline(c, pr_str_from_utf8(p->lit, (ssize_t)p->len));
    }
    const PrAstExpr *arg = args->items[p->len];
    int conv = p->conv == 's' ? PR_FVC_STR : p->conv == 'r' ? PR_FVC_REPR : PR_FVC_ASCII;
    Loc old = c->u->loc;
    CC_SET_LOC(c, arg);
    int r = cc_expr(c, arg);
    if (r == 0 && p->spec[0]) {
        conv |= PR_FVS_HAVE_SPEC;
        r = load_const_noline(c, pr_str_from_utf8(p->spec, (ssize_t)strlen(p->spec)));
    }
    r = r < 0 ? -1 : cc_emit(c, PR_OP_FORMAT_VALUE, conv);
    c->u->loc = old;
    return r;
}

/* Returns: 1 when e was compiled as an f-string, 0 when it is not of that form, -1 on error. */
static int percent_format(Compiler *c, const PrAstExpr *e)
{
    const PrAstExpr *l = e->v.BinOp.left, *r = e->v.BinOp.right;
    if (e->v.BinOp.op != PR_BINOP_MOD || r->kind != PR_EXPR_TUPLE || has_starred(&r->v.Tuple.elts)) {
        return 0;
    }
    int err;
    PrObject *fmt = cc_expr_constant(c, l, &err);
    if (!fmt) {
        return err;
    }
    PrObject *rt = cc_expr_constant(c, r, &err);
    FmtPiece *pieces = NULL;
    size_t n = 0;
    if (!rt && !err && PR_STR_CHECK_EXACT(fmt)) {
        n = parse_format(c, PR_STR_DATA(fmt), (size_t)PR_STR_BYTES(fmt), r->v.Tuple.elts.len,
                         &pieces);
    }
    PR_XDECREF(rt);
    PR_DECREF(fmt);
    if (err || !n) {
        return err ? -1 : 0;
    }
    int big = n > STACK_USE_GUIDELINE;
    if (big && (cc_load_const_steal(c, cc_str("")) < 0 ||
                cc_emit_name(c, PR_OP_LOAD_METHOD, "join", 0) < 0 ||
                cc_emit(c, PR_OP_BUILD_LIST, 0) < 0)) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (format_piece(c, &pieces[i], &r->v.Tuple.elts) < 0 ||
            (big && cc_emit(c, PR_OP_LIST_APPEND, 1) < 0)) {
            return -1;
        }
    }
    if (big) {
        return cc_emit(c, PR_OP_PRECALL, 1) < 0 || cc_emit(c, PR_OP_CALL, 1) < 0 ? -1 : 1;
    }
    return n == 1 ? 1 : cc_emit(c, PR_OP_BUILD_STRING, (int)n) < 0 ? -1 : 1;
}

static int binop(Compiler *c, const PrAstExpr *e)
{
    int err;
    PrObject *folded = cc_expr_constant(c, e, &err);
    if (folded) {
        return cc_load_const_steal(c, folded);
    }
    if (err) {
        return -1;
    }
    int f = percent_format(c, e);
    if (f) {
        return f < 0 ? -1 : 0;
    }
    return cc_expr(c, e->v.BinOp.left) < 0 || cc_expr(c, e->v.BinOp.right) < 0
               ? -1
               : cc_binop(c, e->v.BinOp.op, 0);
}

static int tuple_expr(Compiler *c, const PrAstExpr *e)
{
    if (e->v.Tuple.ctx == PR_CTX_LOAD) {
        int err;
        PrObject *folded = cc_expr_constant(c, e, &err);
        if (folded) {
            return cc_load_const_steal(c, folded);
        }
        if (err) {
            return -1;
        }
    }
    return sequence(c, &e->v.Tuple.elts, e->v.Tuple.ctx, 1);
}

static int expr1(Compiler *c, const PrAstExpr *e)
{
    switch (e->kind) {
    case PR_EXPR_NAMED_EXPR:
        return cc_expr(c, e->v.NamedExpr.value) < 0 || cc_emit(c, PR_OP_COPY, 1) < 0
                   ? -1
                   : cc_expr(c, e->v.NamedExpr.target);
    case PR_EXPR_BOOL_OP:
        return boolop(c, e);
    case PR_EXPR_BIN_OP:
        return binop(c, e);
    case PR_EXPR_UNARY_OP:
        return unary(c, e);
    case PR_EXPR_LAMBDA:
        return cc_lambda(c, e);
    case PR_EXPR_IF_EXP:
        return ifexp(c, e);
    case PR_EXPR_DICT:
        return dict(c, e);
    case PR_EXPR_SET:
        return cc_starunpack(c, &e->v.Set.elts, 0, PR_OP_BUILD_SET, PR_OP_SET_ADD,
                             PR_OP_SET_UPDATE, 0);
    case PR_EXPR_LIST_COMP:
    case PR_EXPR_SET_COMP:
    case PR_EXPR_DICT_COMP:
    case PR_EXPR_GENERATOR_EXP:
        return cc_comprehension(c, e);
    case PR_EXPR_YIELD:
        if (e->v.Yield.value ? cc_expr(c, e->v.Yield.value) < 0 : cc_load_const(c, PR_None) < 0) {
            return -1;
        }
        return cc_emit(c, PR_OP_YIELD_VALUE, 0) < 0 ? -1 : cc_emit(c, PR_OP_RESUME, 1);
    case PR_EXPR_YIELD_FROM:
        if (cc_expr(c, e->v.YieldFrom.value) < 0 || cc_emit(c, PR_OP_GET_YIELD_FROM_ITER, 0) < 0 ||
            cc_load_const(c, PR_None) < 0) {
            return -1;
        }
        return yield_from(c);
    case PR_EXPR_COMPARE:
        return compare(c, e);
    case PR_EXPR_CALL:
        return call(c, e);
    case PR_EXPR_FORMATTED_VALUE:
        return formatted_value(c, e);
    case PR_EXPR_JOINED_STR:
        return joined_str(c, e);
    case PR_EXPR_CONSTANT:
        return constant(c, e);
    case PR_EXPR_ATTRIBUTE:
        return attribute(c, e);
    case PR_EXPR_SUBSCRIPT:
        return subscript(c, e);
    case PR_EXPR_STARRED:
        if (e->v.Starred.ctx == PR_CTX_STORE) {
            return cc_error(c, "starred assignment target must be in a list or tuple");
        }
        return cc_error(c, "can't use starred expression here");
    case PR_EXPR_SLICE:
        return slice(c, e);
    case PR_EXPR_NAME:
        return cc_nameop(c, e->v.Name.id, e->v.Name.ctx);
    case PR_EXPR_LIST:
        return sequence(c, &e->v.List.elts, e->v.List.ctx, 0);
    case PR_EXPR_TUPLE:
        return tuple_expr(c, e);
    default:
        pr_err_format(PR_EXC(SystemError), "compiler: unexpected expression kind %d", e->kind);
        return -1;
    }
}

/* Each expression's instructions carry its position; the position of the enclosing node is
 * restored after (CPython's compiler_visit_expr). */
int cc_expr(Compiler *c, const PrAstExpr *e)
{
    if (!(e = fold_not(c, e))) {
        return -1;
    }
    Loc old = c->u->loc;
    CC_SET_LOC(c, e);
    int r = expr1(c, e);
    c->u->loc = old;
    return r;
}
