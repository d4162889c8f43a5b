/* vm/compile_stmt.c — code generation for statements: assignment (plain, chained, unpacking,
 * augmented, annotated), del, if/while/for with else, break/continue/return unwinding through
 * try/finally and with (the fblock stack), raise, try/except/else/finally and with through the
 * SETUP_* pseudo-instructions that become the exception table, assert, imports. The sequences
 * are CPython 3.11's (Python/compile.c). */
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/compile_const.h"
#include "vm/compile_impl.h"
#include "vm/errors.h"
#include "vm/interp.h"

#include <string.h>

/* ---- unwinding ----------------------------------------------------------------------------- */

static int pop_except_and_reraise(Compiler *c)
{
    return cc_emit(c, PR_OP_COPY, 3) < 0 || cc_emit(c, PR_OP_POP_EXCEPT, 0) < 0
               ? -1
               : cc_emit(c, PR_OP_RERAISE, 1);
}

static int call_exit_with_nones(Compiler *c)
{
    for (int i = 0; i < 3; i++) {
        if (cc_load_const(c, PR_None) < 0) {
            return -1;
        }
    }
    return cc_emit(c, PR_OP_PRECALL, 2) < 0 ? -1 : cc_emit(c, PR_OP_CALL, 2);
}

static int swap2(Compiler *c, int preserve_tos)
{
    return preserve_tos ? cc_emit(c, PR_OP_SWAP, 2) : 0;
}

/* `name = None; del name` after an `except E as name` handler. */
static int clear_handler_name(Compiler *c, const char *name)
{
    return cc_load_const(c, PR_None) < 0 || cc_nameop(c, name, PR_CTX_STORE) < 0
               ? -1
               : cc_nameop(c, name, PR_CTX_DEL);
}

/* The code that leaving the block `info` by break/continue/return must run first. */
static int unwind_fblock(Compiler *c, const FBlock *info, int preserve_tos)
{
    switch (info->type) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
        return 0;
    case FB_FOR_LOOP:
        return swap2(c, preserve_tos) < 0 ? -1 : cc_emit(c, PR_OP_POP_TOP, 0);
    case FB_TRY_EXCEPT:
        return cc_emit(c, OP_POP_BLOCK, 0);
    case FB_FINALLY_TRY:
        /* The POP_BLOCK carries the unwinding statement's line; the finally body follows. */
        if (cc_emit(c, OP_POP_BLOCK, 0) < 0) {
            return -1;
        }
        if (preserve_tos && cc_push_fblock(c, FB_POP_VALUE, NULL, NULL, NULL) < 0) {
            return -1;
        }
        if (cc_stmts(c, info->datum) < 0) {
            return -1;
        }
        if (preserve_tos) {
            cc_pop_fblock(c);
        }
        CC_UNSET_LOC(c);
        return 0;
    case FB_FINALLY_END:
        if (swap2(c, preserve_tos) < 0 || cc_emit(c, PR_OP_POP_TOP, 0) < 0 ||
            swap2(c, preserve_tos) < 0 || cc_emit(c, OP_POP_BLOCK, 0) < 0) {
            return -1;
        }
        return cc_emit(c, PR_OP_POP_EXCEPT, 0);
    case FB_WITH: {
        const PrAstStmt *s = info->datum;
        CC_SET_LOC(c, s);
        if (cc_emit(c, OP_POP_BLOCK, 0) < 0 || swap2(c, preserve_tos) < 0 ||
            call_exit_with_nones(c) < 0 || cc_emit(c, PR_OP_POP_TOP, 0) < 0) {
            return -1;
        }
        CC_UNSET_LOC(c);
        return 0;
    }
    case FB_HANDLER_CLEANUP:
        if (info->datum && cc_emit(c, OP_POP_BLOCK, 0) < 0) {
            return -1;
        }
        if (swap2(c, preserve_tos) < 0 || cc_emit(c, OP_POP_BLOCK, 0) < 0 ||
            cc_emit(c, PR_OP_POP_EXCEPT, 0) < 0) {
            return -1;
        }
        return info->datum ? clear_handler_name(c, info->datum) : 0;
    case FB_POP_VALUE:
        return swap2(c, preserve_tos) < 0 ? -1 : cc_emit(c, PR_OP_POP_TOP, 0);
    }
    return 0;
}

/* Unwinds the fblocks from the top; with loop != NULL, stops at the innermost loop and stores
 * it in *loop. */
static int unwind_fblock_stack(Compiler *c, int preserve_tos, const FBlock **loop)
{
    Unit *u = c->u;
    if (u->nfblocks == 0) {
        return 0;
    }
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop && (top->type == FB_WHILE_LOOP || top->type == FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    FBlock copy = *top;
    u->nfblocks--;
    if (unwind_fblock(c, &copy, preserve_tos) < 0 || unwind_fblock_stack(c, preserve_tos, loop)) {
        return -1;
    }
    u->fblocks[u->nfblocks++] = copy;
    return 0;
}

static int return_stmt(Compiler *c, const PrAstStmt *s)
{
    const PrAstExpr *v = s->v.Return.value;
    int preserve_tos = v && v->kind != PR_EXPR_CONSTANT;
    if (preserve_tos) {
        if (cc_expr(c, v) < 0) {
            return -1;
        }
    } else if (v) {
        CC_SET_LOC(c, v);
        if (cc_emit(c, PR_OP_NOP, 0) < 0) {
            return -1;
        }
    }
    if (!v || v->lineno != s->lineno) {
        CC_SET_LOC(c, s);
        if (cc_emit(c, PR_OP_NOP, 0) < 0) {
            return -1;
        }
    }
    if (unwind_fblock_stack(c, preserve_tos, NULL) < 0) {
        return -1;
    }
    if (!v) {
        if (cc_load_const(c, PR_None) < 0) {
            return -1;
        }
    } else if (!preserve_tos) {
        if (cc_load_const_steal(c, cc_const_object(c, &v->v.Constant.value)) < 0) {
            return -1;
        }
    }
    if (cc_emit(c, PR_OP_RETURN_VALUE, 0) < 0) {
        return -1;
    }
    c->u->tail_return = 0; /* CPython still appends `return None` after a return statement */
    return 0;
}

static int break_stmt(Compiler *c)
{
    const FBlock *loop = NULL;
    if (cc_emit(c, PR_OP_NOP, 0) < 0 || unwind_fblock_stack(c, 0, &loop) < 0) {
        return -1;
    }
    if (!loop) {
        return cc_error(c, "'break' outside loop");
    }
    if (unwind_fblock(c, loop, 0) < 0) {
        return -1;
    }
    return cc_emit_jump(c, OP_JUMP, loop->exit);
}

static int continue_stmt(Compiler *c)
{
    const FBlock *loop = NULL;
    if (cc_emit(c, PR_OP_NOP, 0) < 0 || unwind_fblock_stack(c, 0, &loop) < 0) {
        return -1;
    }
    if (!loop) {
        return cc_error(c, "'continue' not properly in loop");
    }
    return cc_emit_jump(c, OP_JUMP, loop->block);
}

/* ---- control flow -------------------------------------------------------------------------- */

static int if_stmt(Compiler *c, const PrAstStmt *s)
{
    Block *end = cc_new_block(c), *next = end;
    if (!end || (s->v.If.orelse.len && !(next = cc_new_block(c)))) {
        return -1;
    }
    if (cc_jump_if(c, s->v.If.test, next, 0) < 0 || cc_stmts(c, &s->v.If.body) < 0) {
        return -1;
    }
    if (s->v.If.orelse.len) {
        if (cc_emit_jump_noline(c, OP_JUMP, end) < 0) {
            return -1;
        }
        cc_use_block(c, next);
        if (cc_stmts(c, &s->v.If.orelse) < 0) {
            return -1;
        }
    }
    cc_use_block(c, end);
    return 0;
}

static int for_stmt(Compiler *c, const PrAstStmt *s)
{
    Block *start = cc_new_block(c), *body = cc_new_block(c), *cleanup = cc_new_block(c),
          *end = cc_new_block(c);
    if (!start || !body || !cleanup || !end ||
        cc_push_fblock(c, FB_FOR_LOOP, start, end, NULL) < 0 || cc_expr(c, s->v.For.iter) < 0 ||
        cc_emit(c, PR_OP_GET_ITER, 0) < 0) {
        return -1;
    }
    cc_use_block(c, start);
    if (cc_emit_jump(c, PR_OP_FOR_ITER, cleanup) < 0) {
        return -1;
    }
    cc_use_block(c, body);
    if (cc_expr(c, s->v.For.target) < 0 || cc_stmts(c, &s->v.For.body) < 0) {
        return -1;
    }
    CC_UNSET_LOC(c);
    if (cc_emit_jump(c, OP_JUMP, start) < 0) {
        return -1;
    }
    cc_use_block(c, cleanup);
    cc_pop_fblock(c);
    if (cc_stmts(c, &s->v.For.orelse) < 0) {
        return -1;
    }
    cc_use_block(c, end);
    return 0;
}

static int while_stmt(Compiler *c, const PrAstStmt *s)
{
    Block *loop = cc_new_block(c), *body = cc_new_block(c), *anchor = cc_new_block(c),
          *end = cc_new_block(c);
    if (!loop || !body || !anchor || !end) {
        return -1;
    }
    cc_use_block(c, loop);
    if (cc_push_fblock(c, FB_WHILE_LOOP, loop, end, NULL) < 0 ||
        cc_jump_if(c, s->v.While.test, anchor, 0) < 0) {
        return -1;
    }
    cc_use_block(c, body);
    if (cc_stmts(c, &s->v.While.body) < 0) {
        return -1;
    }
    CC_SET_LOC(c, s);
    if (cc_jump_if(c, s->v.While.test, body, 1) < 0) {
        return -1;
    }
    cc_pop_fblock(c);
    cc_use_block(c, anchor);
    if (cc_stmts(c, &s->v.While.orelse) < 0) {
        return -1;
    }
    cc_use_block(c, end);
    return 0;
}

/* ---- try ----------------------------------------------------------------------------------- */

static int try_except(Compiler *c, const PrAstStmt *s);

static int try_finally(Compiler *c, const PrAstStmt *s)
{
    Block *body = cc_new_block(c), *end = cc_new_block(c), *exit = cc_new_block(c),
          *cleanup = cc_new_block(c);
    if (!body || !end || !exit || !cleanup || cc_emit_jump(c, OP_SETUP_FINALLY, end) < 0) {
        return -1;
    }
    cc_use_block(c, body);
    if (cc_push_fblock(c, FB_FINALLY_TRY, body, end, &s->v.Try.finalbody) < 0) {
        return -1;
    }
    if ((s->v.Try.handlers.len ? try_except(c, s) : cc_stmts(c, &s->v.Try.body)) < 0 ||
        cc_emit_noline(c, OP_POP_BLOCK, 0) < 0) {
        return -1;
    }
    cc_pop_fblock(c);
    if (cc_stmts(c, &s->v.Try.finalbody) < 0 || cc_emit_jump_noline(c, OP_JUMP, exit) < 0) {
        return -1;
    }
    /* The finally block for the exceptional path. */
    cc_use_block(c, end);
    CC_UNSET_LOC(c);
    if (cc_emit_jump(c, OP_SETUP_CLEANUP, cleanup) < 0 || cc_emit(c, PR_OP_PUSH_EXC_INFO, 0) < 0 ||
        cc_push_fblock(c, FB_FINALLY_END, end, NULL, NULL) < 0 ||
        cc_stmts(c, &s->v.Try.finalbody) < 0) {
        return -1;
    }
    cc_pop_fblock(c);
    if (cc_emit(c, PR_OP_RERAISE, 0) < 0) {
        return -1;
    }
    cc_use_block(c, cleanup);
    if (pop_except_and_reraise(c) < 0) {
        return -1;
    }
    cc_use_block(c, exit);
    return 0;
}

/* One `except [E [as name]]:` clause; jumps to end when its body completes. */
static int handler(Compiler *c, const PrAstExceptHandler *h, Block *except, Block *end)
{
    if (h->type) {
        if (cc_expr(c, h->type) < 0 || cc_emit(c, PR_OP_CHECK_EXC_MATCH, 0) < 0 ||
            cc_emit_jump(c, OP_POP_JUMP_IF_FALSE, except) < 0) {
            return -1;
        }
    }
    if (h->name) {
        Block *cleanup_end = cc_new_block(c), *cleanup_body = cc_new_block(c);
        if (!cleanup_end || !cleanup_body || cc_nameop(c, h->name, PR_CTX_STORE) < 0 ||
            cc_emit_jump(c, OP_SETUP_CLEANUP, cleanup_end) < 0) {
            return -1;
        }
        cc_use_block(c, cleanup_body);
        if (cc_push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, h->name) < 0 ||
            cc_stmts(c, &h->body) < 0) {
            return -1;
        }
        cc_pop_fblock(c);
        CC_UNSET_LOC(c);
        if (cc_emit(c, OP_POP_BLOCK, 0) < 0 || cc_emit(c, OP_POP_BLOCK, 0) < 0 ||
            cc_emit(c, PR_OP_POP_EXCEPT, 0) < 0 || clear_handler_name(c, h->name) < 0 ||
            cc_emit_jump(c, OP_JUMP, end) < 0) {
            return -1;
        }
        cc_use_block(c, cleanup_end);
        CC_UNSET_LOC(c);
        return clear_handler_name(c, h->name) < 0 ? -1 : cc_emit(c, PR_OP_RERAISE, 1);
    }
    Block *cleanup_body = cc_new_block(c);
    if (!cleanup_body || cc_emit(c, PR_OP_POP_TOP, 0) < 0) {
        return -1;
    }
    cc_use_block(c, cleanup_body);
    if (cc_push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL) < 0 ||
        cc_stmts(c, &h->body) < 0) {
        return -1;
    }
    cc_pop_fblock(c);
    CC_UNSET_LOC(c);
    if (cc_emit(c, OP_POP_BLOCK, 0) < 0 || cc_emit(c, PR_OP_POP_EXCEPT, 0) < 0) {
        return -1;
    }
    return cc_emit_jump(c, OP_JUMP, end);
}

static int try_except(Compiler *c, const PrAstStmt *s)
{
    Block *body = cc_new_block(c), *except = cc_new_block(c), *end = cc_new_block(c),
          *cleanup = cc_new_block(c);
    if (!body || !except || !end || !cleanup || cc_emit_jump(c, OP_SETUP_FINALLY, except) < 0) {
        return -1;
    }
    cc_use_block(c, body);
    if (cc_push_fblock(c, FB_TRY_EXCEPT, body, NULL, NULL) < 0 || cc_stmts(c, &s->v.Try.body) < 0) {
        return -1;
    }
    cc_pop_fblock(c);
    if (cc_emit_noline(c, OP_POP_BLOCK, 0) < 0 || cc_stmts(c, &s->v.Try.orelse) < 0 ||
        cc_emit_jump_noline(c, OP_JUMP, end) < 0) {
        return -1;
    }
    cc_use_block(c, except);
    CC_UNSET_LOC(c);
    if (cc_emit_jump(c, OP_SETUP_CLEANUP, cleanup) < 0 || cc_emit(c, PR_OP_PUSH_EXC_INFO, 0) < 0 ||
        cc_push_fblock(c, FB_EXCEPTION_HANDLER, NULL, NULL, NULL) < 0) {
        return -1;
    }
    size_t n = s->v.Try.handlers.len;
    for (size_t i = 0; i < n; i++) {
        const PrAstExceptHandler *h = s->v.Try.handlers.items[i];
        CC_SET_LOC(c, h);
        if (!h->type && i < n - 1) {
            return cc_error(c, "default 'except:' must be last");
        }
        if (!(except = cc_new_block(c)) || handler(c, h, except, end) < 0) {
            return -1;
        }
        cc_use_block(c, except);
    }
    CC_UNSET_LOC(c);
    cc_pop_fblock(c);
    if (cc_emit(c, PR_OP_RERAISE, 0) < 0) {
        return -1;
    }
    cc_use_block(c, cleanup);
    if (pop_except_and_reraise(c) < 0) {
        return -1;
    }
    cc_use_block(c, end);
    return 0;
}

/* ---- with ---------------------------------------------------------------------------------- */

static int with_except_finish(Compiler *c, Block *cleanup)
{
    CC_UNSET_LOC(c);
    Block *exit = cc_new_block(c);
    if (!exit || cc_emit_jump(c, OP_POP_JUMP_IF_TRUE, exit) < 0 ||
        cc_emit(c, PR_OP_RERAISE, 2) < 0) {
        return -1;
    }
    cc_use_block(c, cleanup);
    if (pop_except_and_reraise(c) < 0) {
        return -1;
    }
    cc_use_block(c, exit);
    static const int tail[] = {PR_OP_POP_TOP, OP_POP_BLOCK, PR_OP_POP_EXCEPT, PR_OP_POP_TOP,
                               PR_OP_POP_TOP};
    for (size_t i = 0; i < sizeof tail / sizeof tail[0]; i++) {
        if (cc_emit(c, tail[i], 0) < 0) {
            return -1;
        }
    }
    return 0;
}

static int with_stmt(Compiler *c, const PrAstStmt *s, size_t pos)
{
    const PrAstWithitem *item = s->v.With.items.items[pos];
    Block *block = cc_new_block(c), *final = cc_new_block(c), *exit = cc_new_block(c),
          *cleanup = cc_new_block(c);
    if (!block || !final || !exit || !cleanup || cc_expr(c, item->context_expr) < 0 ||
        cc_emit(c, PR_OP_BEFORE_WITH, 0) < 0 || cc_emit_jump(c, OP_SETUP_WITH, final) < 0) {
        return -1;
    }
    cc_use_block(c, block);
    if (cc_push_fblock(c, FB_WITH, block, final, s) < 0) {
        return -1;
    }
    if ((item->optional_vars ? cc_expr(c, item->optional_vars) : cc_emit(c, PR_OP_POP_TOP, 0)) <
        0) {
        return -1;
    }
    if ((pos + 1 == s->v.With.items.len ? cc_stmts(c, &s->v.With.body)
                                        : with_stmt(c, s, pos + 1)) < 0) {
        return -1;
    }
    CC_UNSET_LOC(c);
    if (cc_emit(c, OP_POP_BLOCK, 0) < 0) {
        return -1;
    }
    cc_pop_fblock(c);
    CC_SET_LOC(c, s);
    if (call_exit_with_nones(c) < 0 || cc_emit(c, PR_OP_POP_TOP, 0) < 0 ||
        cc_emit_jump(c, OP_JUMP, exit) < 0) {
        return -1;
    }
    cc_use_block(c, final);
    if (cc_emit_jump(c, OP_SETUP_CLEANUP, cleanup) < 0 || cc_emit(c, PR_OP_PUSH_EXC_INFO, 0) < 0 ||
        cc_emit(c, PR_OP_WITH_EXCEPT_START, 0) < 0 || with_except_finish(c, cleanup) < 0) {
        return -1;
    }
    cc_use_block(c, exit);
    return 0;
}

/* ---- assignments --------------------------------------------------------------------------- */

static int augassign(Compiler *c, const PrAstStmt *s)
{
    const PrAstExpr *e = s->v.AugAssign.target;
    Loc old = c->u->loc;
    CC_SET_LOC(c, e);
    int r = 0;
    switch (e->kind) {
    case PR_EXPR_ATTRIBUTE:
        r = cc_expr(c, e->v.Attribute.value) < 0 || cc_emit(c, PR_OP_COPY, 1) < 0;
        cc_update_loc_to_attr(c, e);
        r = r || cc_emit_name(c, PR_OP_LOAD_ATTR, e->v.Attribute.attr, 1) < 0;
        break;
    case PR_EXPR_SUBSCRIPT:
        r = cc_expr(c, e->v.Subscript.value) < 0 || cc_expr(c, e->v.Subscript.slice) < 0 ||
            cc_emit(c, PR_OP_COPY, 2) < 0 || cc_emit(c, PR_OP_COPY, 2) < 0 ||
            cc_emit(c, PR_OP_BINARY_SUBSCR, 0) < 0;
        break;
    case PR_EXPR_NAME:
        r = cc_nameop(c, e->v.Name.id, PR_CTX_LOAD) < 0;
        break;
    default:
        pr_err_format(PR_EXC(SystemError), "invalid node type (%d) for augmented assignment",
                      e->kind);
        return -1;
    }
    c->u->loc = old;
    if (r || cc_expr(c, s->v.AugAssign.value) < 0 || cc_binop(c, s->v.AugAssign.op, 1) < 0) {
        return -1;
    }
    CC_SET_LOC(c, e);
    switch (e->kind) {
    case PR_EXPR_ATTRIBUTE:
        cc_update_loc_to_attr(c, e);
        return cc_emit(c, PR_OP_SWAP, 2) < 0
                   ? -1
                   : cc_emit_name(c, PR_OP_STORE_ATTR, e->v.Attribute.attr, 1);
    case PR_EXPR_SUBSCRIPT:
        return cc_emit(c, PR_OP_SWAP, 3) < 0 || cc_emit(c, PR_OP_SWAP, 2) < 0
                   ? -1
                   : cc_emit(c, PR_OP_STORE_SUBSCR, 0);
    default:
        return cc_nameop(c, e->v.Name.id, PR_CTX_STORE);
    }
}

static int check_ann_expr(Compiler *c, const PrAstExpr *e)
{
    return cc_expr(c, e) < 0 ? -1 : cc_emit(c, PR_OP_POP_TOP, 0);
}

static int check_ann_subscr(Compiler *c, const PrAstExpr *e)
{
    if (e->kind == PR_EXPR_SLICE) {
        const PrAstExpr *parts[] = {e->v.Slice.lower, e->v.Slice.upper, e->v.Slice.step};
        for (int i = 0; i < 3; i++) {
            if (parts[i] && check_ann_expr(c, parts[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (e->kind == PR_EXPR_TUPLE) {
        for (size_t i = 0; i < e->v.Tuple.elts.len; i++) {
            if (check_ann_subscr(c, e->v.Tuple.elts.items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    return check_ann_expr(c, e);
}

static int annassign(Compiler *c, const PrAstStmt *s)
{
    const PrAstStmtAnnAssign *a = &s->v.AnnAssign;
    const PrAstExpr *t = a->target;
    PrScopeKind k = c->u->scope->kind;
    int module_or_class = k == PR_SCOPE_MODULE || k == PR_SCOPE_CLASS;
    if (a->value && (cc_expr(c, a->value) < 0 || cc_expr(c, t) < 0)) {
        return -1;
    }
    switch (t->kind) {
    case PR_EXPR_NAME:
        if (a->simple && module_or_class) {
            const char *m = pr_scope_mangle(c->scopes, c->u->scope, t->v.Name.id);
            if (!m) {
                pr_err_no_memory();
                return -1;
            }
            if (cc_expr(c, a->annotation) < 0 ||
                cc_emit_name(c, PR_OP_LOAD_NAME, "__annotations__", 0) < 0 ||
                cc_load_const_steal(c, cc_str(m)) < 0 || cc_emit(c, PR_OP_STORE_SUBSCR, 0) < 0) {
                return -1;
            }
        }
        break;
    case PR_EXPR_ATTRIBUTE:
        if (!a->value && check_ann_expr(c, t->v.Attribute.value) < 0) {
            return -1;
        }
        break;
    case PR_EXPR_SUBSCRIPT:
        if (!a->value &&
            (check_ann_expr(c, t->v.Subscript.value) < 0 || check_ann_subscr(c, t->v.Subscript.slice) < 0)) {
            return -1;
        }
        break;
    default:
        pr_err_format(PR_EXC(SystemError), "invalid node type (%d) for annotated assignment",
                      t->kind);
        return -1;
    }
    if (!a->simple && module_or_class) {
        return check_ann_expr(c, a->annotation);
    }
    return 0;
}

static int assign(Compiler *c, const PrAstStmt *s)
{
    size_t n = s->v.Assign.targets.len;
    if (cc_expr(c, s->v.Assign.value) < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if ((i + 1 < n && cc_emit(c, PR_OP_COPY, 1) < 0) ||
            cc_expr(c, s->v.Assign.targets.items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* ---- imports ------------------------------------------------------------------------------- */

static int import_as(Compiler *c, const char *name, const char *asname)
{
    const char *dot = strchr(name, '.');
    if (!dot) {
        return cc_nameop(c, asname, PR_CTX_STORE);
    }
    /* import a.b.c as d: IMPORT_FROM b, then c, keeping only the last. */
    for (;;) {
        const char *start = dot + 1;
        dot = strchr(start, '.');
        size_t len = dot ? (size_t)(dot - start) : strlen(start);
        char *attr = pr_arena_strndup(c->arena, start, len);
        if (!attr) {
            pr_err_no_memory();
            return -1;
        }
        if (cc_emit_name(c, PR_OP_IMPORT_FROM, attr, 0) < 0) {
            return -1;
        }
        if (!dot) {
            break;
        }
        if (cc_emit(c, PR_OP_SWAP, 2) < 0 || cc_emit(c, PR_OP_POP_TOP, 0) < 0) {
            return -1;
        }
    }
    return cc_nameop(c, asname, PR_CTX_STORE) < 0 ? -1 : cc_emit(c, PR_OP_POP_TOP, 0);
}

static int import(Compiler *c, const PrAstStmt *s)
{
    for (size_t i = 0; i < s->v.Import.names.len; i++) {
        const PrAstAlias *a = s->v.Import.names.items[i];
        if (cc_load_const_steal(c, cc_make_int(0)) < 0 || cc_load_const(c, PR_None) < 0 ||
            cc_emit_name(c, PR_OP_IMPORT_NAME, a->name, 1) < 0) {
            return -1;
        }
        if (a->asname) {
            if (import_as(c, a->name, a->asname) < 0) {
                return -1;
            }
            continue;
        }
        const char *dot = strchr(a->name, '.');
        const char *store = dot ? pr_arena_strndup(c->arena, a->name, (size_t)(dot - a->name))
                                : a->name;
        if (!store) {
            pr_err_no_memory();
            return -1;
        }
        if (cc_nameop(c, store, PR_CTX_STORE) < 0) {
            return -1;
        }
    }
    return 0;
}

static int import_from(Compiler *c, const PrAstStmt *s)
{
    const PrAstStmtImportFrom *f = &s->v.ImportFrom;
    size_t n = f->names.len;
    if (cc_load_const_steal(c, cc_make_int(f->level)) < 0) {
        return -1;
    }
    PrObject *names = pr_tuple_new((ssize_t)n);
    if (!names) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        PrObject *o = cc_str(f->names.items[i]->name);
        if (!o) {
            PR_DECREF(names);
            return -1;
        }
        pr_tuple_set_steal(names, (ssize_t)i, o);
    }
    if (cc_load_const_steal(c, names) < 0 ||
        cc_emit_name(c, PR_OP_IMPORT_NAME, f->module ? f->module : "", 1) < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        const PrAstAlias *a = f->names.items[i];
        if (i == 0 && a->name[0] == '*') {
            return cc_emit(c, PR_OP_IMPORT_STAR, 0);
        }
        if (cc_emit_name(c, PR_OP_IMPORT_FROM, a->name, 1) < 0 ||
            cc_nameop(c, a->asname ? a->asname : a->name, PR_CTX_STORE) < 0) {
            return -1;
        }
    }
    return cc_emit(c, PR_OP_POP_TOP, 0);
}

/* ---- the rest ------------------------------------------------------------------------------ */

static int assert_stmt(Compiler *c, const PrAstStmt *s)
{
    Block *end = cc_new_block(c);
    if (!end || cc_jump_if(c, s->v.Assert.test, end, 1) < 0 ||
        cc_emit(c, PR_OP_LOAD_ASSERTION_ERROR, 0) < 0) {
        return -1;
    }
    if (s->v.Assert.msg && (cc_expr(c, s->v.Assert.msg) < 0 || cc_emit(c, PR_OP_PRECALL, 0) < 0 ||
                            cc_emit(c, PR_OP_CALL, 0) < 0)) {
        return -1;
    }
    if (cc_emit(c, PR_OP_RAISE_VARARGS, 1) < 0) {
        return -1;
    }
    cc_use_block(c, end);
    return 0;
}

static int raise_stmt(Compiler *c, const PrAstStmt *s)
{
    int n = 0;
    if (s->v.Raise.exc) {
        if (cc_expr(c, s->v.Raise.exc) < 0) {
            return -1;
        }
        n++;
        if (s->v.Raise.cause) {
            if (cc_expr(c, s->v.Raise.cause) < 0) {
                return -1;
            }
            n++;
        }
    }
    return cc_emit(c, PR_OP_RAISE_VARARGS, n);
}

static int expr_stmt(Compiler *c, const PrAstExpr *v)
{
    if (c->interactive && c->nestlevel <= 1) {
        return cc_expr(c, v) < 0 ? -1 : cc_emit(c, PR_OP_PRINT_EXPR, 0);
    }
    if (v->kind == PR_EXPR_CONSTANT) {
        return cc_emit(c, PR_OP_NOP, 0); /* a constant statement is ignored */
    }
    if (cc_expr(c, v) < 0) {
        return -1;
    }
    CC_UNSET_LOC(c);
    return cc_emit(c, PR_OP_POP_TOP, 0);
}

int cc_stmt(Compiler *c, const PrAstStmt *s)
{
    CC_SET_LOC(c, s);
    switch (s->kind) {
    case PR_STMT_FUNCTION_DEF:
        return cc_function(c, s);
    case PR_STMT_CLASS_DEF:
        return cc_class(c, s);
    case PR_STMT_RETURN:
        return return_stmt(c, s);
    case PR_STMT_DELETE:
        return cc_exprs(c, &s->v.Delete.targets);
    case PR_STMT_ASSIGN:
        return assign(c, s);
    case PR_STMT_AUG_ASSIGN:
        return augassign(c, s);
    case PR_STMT_ANN_ASSIGN:
        return annassign(c, s);
    case PR_STMT_FOR:
        return for_stmt(c, s);
    case PR_STMT_WHILE:
        return while_stmt(c, s);
    case PR_STMT_IF:
        return if_stmt(c, s);
    case PR_STMT_WITH:
        return with_stmt(c, s, 0);
    case PR_STMT_RAISE:
        return raise_stmt(c, s);
    case PR_STMT_TRY:
        return s->v.Try.finalbody.len ? try_finally(c, s) : try_except(c, s);
    case PR_STMT_ASSERT:
        return assert_stmt(c, s);
    case PR_STMT_IMPORT:
        return import(c, s);
    case PR_STMT_IMPORT_FROM:
        return import_from(c, s);
    case PR_STMT_GLOBAL:
    case PR_STMT_NONLOCAL:
        return 0;
    case PR_STMT_EXPR:
        return expr_stmt(c, s->v.Expr.value);
    case PR_STMT_PASS:
        return cc_emit(c, PR_OP_NOP, 0);
    case PR_STMT_BREAK:
        return break_stmt(c);
    case PR_STMT_CONTINUE:
        return continue_stmt(c);
    default:
        pr_err_format(PR_EXC(SystemError), "compiler: unexpected statement kind %d", s->kind);
        return -1;
    }
}

int cc_stmts(Compiler *c, const PrAstStmtSeq *seq)
{
    for (size_t i = 0; i < seq->len; i++) {
        if (cc_stmt(c, seq->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}
