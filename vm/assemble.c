/* vm/assemble.c — from the control-flow graph of one unit to a code object, as CPython 3.11's
 * assemble(): the implicit `return None`, the prefix (COPY_FREE_VARS, MAKE_CELL,
 * RETURN_GENERATOR), the CFG optimiser (constant conditions, `is None` jumps, jump threading,
 * tuple folding, SWAP elimination, unreachable code, small exit blocks copied to their jumps),
 * line number propagation, stack depth by flow analysis, the exception table from the
 * SETUP_* and POP_BLOCK nesting, jump directions, EXTENDED_ARG sizing, and the tables of vm/code.h.
 *
 * Where pyrena's output differs from python3.11's `dis` (everything else is meant to match; the
 * stdlib's top-level modules compile identically but for the first point):
 *   - a set display of constants is built item by item (CPython loads a frozenset constant,
 *     also for `x in {1, 2}` and `for x in {1, 2}`): pyrena has no frozenset yet;
 *   - the AST folding covers numbers, str and bytes operators, `not` and `-`, constant tuples
 *     and subscripts, `'%s' % (x,)` and list displays after `in`; it does not fold the other
 *     containers CPython can (tuple * int, frozenset) and raises no SyntaxWarning;
 *   - swaptimize (merging runs of SWAPs) is not done; apply_static_swaps is.
 * The bytecode itself is CPython's, RESUME and PRECALL included (PRECALL is a no-op in pyrena:
 * vm/opcodes.def), so offsets, jump arguments and the exception table agree. */
#include "memory/obmalloc.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/compile_impl.h"
#include "vm/errors.h"
#include "vm/interp.h"

#include <limits.h>
#include <string.h>

#define MAX_COPY_SIZE 4

int cc_is_jump(int op)
{
    switch (op) {
    case OP_JUMP:
    case OP_JUMP_NO_INTERRUPT:
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE:
        return 1;
    default:
        return op < PR_OP__COUNT && pr_opcode_is_jump(op);
    }
}

static int is_block_push(int op)
{
    return op == OP_SETUP_FINALLY || op == OP_SETUP_CLEANUP || op == OP_SETUP_WITH;
}

static int is_uncond_jump(int op)
{
    return op == OP_JUMP || op == OP_JUMP_NO_INTERRUPT || op == PR_OP_JUMP_FORWARD ||
           op == PR_OP_JUMP_BACKWARD || op == PR_OP_JUMP_BACKWARD_NO_INTERRUPT;
}

static int is_scope_exit(int op)
{
    return op == PR_OP_RETURN_VALUE || op == PR_OP_RAISE_VARARGS || op == PR_OP_RERAISE;
}

static Instr *last_instr(Block *b)
{
    return b->n ? &b->instrs[b->n - 1] : NULL;
}

static int nofallthrough(Block *b)
{
    Instr *l = last_instr(b);
    return l && (is_uncond_jump(l->op) || is_scope_exit(l->op));
}

static int is_exit(Block *b)
{
    Instr *l = last_instr(b);
    return l && is_scope_exit(l->op);
}

/* ---- stack effects of real and pseudo instructions ------------------------------------------ */

static int stack_effect(int op, int arg, int jump)
{
    switch (op) {
    case OP_JUMP:
    case OP_JUMP_NO_INTERRUPT:
    case OP_POP_BLOCK:
        return 0;
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE:
        return -1;
    case OP_SETUP_FINALLY:
    case OP_SETUP_WITH:
        return jump ? 1 : 0;
    case OP_SETUP_CLEANUP:
        return jump ? 2 : 0;
    default:
        return pr_opcode_pushes(op, arg, jump) - pr_opcode_pops(op, arg, jump);
    }
}

/* ---- graph helpers ------------------------------------------------------------------------- */

static int block_grow(Compiler *c, Block *b, int extra)
{
    if (b->n + extra <= b->cap) {
        return 0;
    }
    int cap = (b->n + extra) * 2;
    Instr *n = pr_arena_alloc(c->arena, (size_t)cap * sizeof *n);
    if (!n) {
        pr_err_no_memory();
        return -1;
    }
    if (b->n) {
        memcpy(n, b->instrs, (size_t)b->n * sizeof *n);
    }
    b->instrs = n;
    b->cap = cap;
    return 0;
}

static int insert_instr(Compiler *c, Block *b, int pos, Instr in)
{
    if (block_grow(c, b, 1) < 0) {
        return -1;
    }
    memmove(&b->instrs[pos + 1], &b->instrs[pos], (size_t)(b->n - pos) * sizeof(Instr));
    b->instrs[pos] = in;
    b->n++;
    return 0;
}

static Block *copy_block(Compiler *c, Block *src)
{
    Block *b = cc_new_block(c);
    if (!b || block_grow(c, b, src->n) < 0) {
        return NULL;
    }
    memcpy(b->instrs, src->instrs, (size_t)src->n * sizeof(Instr));
    b->n = src->n;
    return b;
}

/* Removes the NOPs that carry no line of their own (CPython's clean_basic_block). */
static void clean_block(Block *b)
{
    int dest = 0, prev_line = -1;
    for (int src = 0; src < b->n; src++) {
        Instr *in = &b->instrs[src];
        int line = in->loc.line;
        if (in->op == PR_OP_NOP) {
            if (line < 0 || prev_line == line) {
                continue;
            }
            if (src < b->n - 1) {
                int next_line = b->instrs[src + 1].loc.line;
                if (next_line < 0 || next_line == line) {
                    if (next_line < 0) {
                        b->instrs[src + 1].loc = in->loc;
                    }
                    continue;
                }
            } else {
                Block *next = b->next;
                while (next && next->n == 0) {
                    next = next->next;
                }
                if (next && line == next->instrs[0].loc.line) {
                    continue;
                }
            }
        }
        if (dest != src) {
            b->instrs[dest] = *in;
        }
        dest++;
        prev_line = line;
    }
    b->n = dest;
}

/* If b ends with an unconditional jump to a small exit block, copy that block in. */
static int extend_block(Compiler *c, Block *b)
{
    Instr *last = last_instr(b);
    if (!last || !is_uncond_jump(last->op) || last->op == OP_JUMP_NO_INTERRUPT) {
        return 0;
    }
    Block *t = last->target;
    if (!is_exit(t) || t->n > MAX_COPY_SIZE) {
        return 0;
    }
    for (int i = 0; i < t->n; i++) {
        if (t->instrs[i].loc.line >= 0) {
            return 0; /* only blocks without a line (implicit `return None`) are copied */
        }
    }
    last->op = PR_OP_NOP;
    if (block_grow(c, b, t->n) < 0) {
        return -1;
    }
    memcpy(&b->instrs[b->n], t->instrs, (size_t)t->n * sizeof(Instr));
    b->n += t->n;
    return 0;
}

static void eliminate_empty_blocks(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        while (b->next && b->next->n == 0) {
            b->next = b->next->next;
        }
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if (in->target) {
                while (in->target->n == 0 && in->target->next) {
                    in->target = in->target->next;
                }
            }
        }
    }
}

/* Counts predecessors from the entry: fall-through edges, jumps and handler edges. */
static int mark_reachable(Compiler *c, Block *entry)
{
    int n = 0;
    for (Block *b = entry; b; b = b->next) {
        b->predecessors = 0;
        n++;
    }
    for (Block *b = c->u->blocks; b; b = b->list) {
        b->predecessors = 0;
        n++;
    }
    Block **stack = pr_mem_alloc((size_t)(n + 1) * sizeof *stack);
    if (!stack) {
        pr_err_no_memory();
        return -1;
    }
    Block **sp = stack;
    entry->predecessors = 1;
    *sp++ = entry;
    while (sp > stack) {
        Block *b = *--sp;
        if (!nofallthrough(b) && b->next) {
            if (b->next->predecessors++ == 0) {
                *sp++ = b->next;
            }
        }
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if ((cc_is_jump(in->op) || is_block_push(in->op)) && in->target->predecessors++ == 0) {
                *sp++ = in->target;
            }
        }
    }
    pr_mem_free(stack);
    return 0;
}

/* ---- the peephole optimiser ---------------------------------------------------------------- */

static PrObject *const_of(Compiler *c, Instr *in)
{
    return in->op == PR_OP_LOAD_CONST ? c->u->consts[in->arg] : NULL;
}

static int jump_thread(Instr *in, Instr *target, int op)
{
    if (in->loc.line == target->loc.line && in->target != target->target) {
        in->target = target->target;
        in->op = op;
        return 1;
    }
    return 0;
}

/* LOAD_CONST c1 ... LOAD_CONST cn BUILD_TUPLE n -> LOAD_CONST (c1, ..., cn). */
static int fold_tuple(Compiler *c, Block *b, int i)
{
    Instr *build = &b->instrs[i];
    int n = build->arg;
    if (i < n) {
        return 0;
    }
    for (int k = i - n; k < i; k++) {
        if (b->instrs[k].op != PR_OP_LOAD_CONST) {
            return 0;
        }
    }
    PrObject *t = pr_tuple_new(n);
    if (!t) {
        return -1;
    }
    for (int k = 0; k < n; k++) {
        PrObject *o = c->u->consts[b->instrs[i - n + k].arg];
        pr_tuple_set_steal(t, k, PR_NEWREF(o));
        b->instrs[i - n + k].op = PR_OP_NOP;
    }
    int idx = cc_add_const(c, t);
    PR_DECREF(t);
    if (idx < 0) {
        return -1;
    }
    build->op = PR_OP_LOAD_CONST;
    build->arg = idx;
    return 0;
}

static int swappable(int op)
{
    return op == PR_OP_STORE_FAST || op == PR_OP_POP_TOP;
}

static int next_swappable(Block *b, int i, int line)
{
    while (++i < b->n) {
        Instr *in = &b->instrs[i];
        if (line >= 0 && in->loc.line != line) {
            return -1;
        }
        if (in->op == PR_OP_NOP) {
            continue;
        }
        return swappable(in->op) ? i : -1;
    }
    return -1;
}

/* SWAP n followed by stores: swap the stores instead (CPython's apply_static_swaps). */
static void apply_static_swaps(Block *b, int i)
{
    for (; i >= 0; i--) {
        Instr *swap = &b->instrs[i];
        if (swap->op != PR_OP_SWAP) {
            if (swap->op == PR_OP_NOP || swappable(swap->op)) {
                continue;
            }
            return;
        }
        int j = next_swappable(b, i, -1);
        if (j < 0) {
            return;
        }
        int k = j, line = b->instrs[j].loc.line;
        for (int count = swap->arg - 1; count > 0; count--) {
            k = next_swappable(b, k, line);
            if (k < 0) {
                return;
            }
        }
        swap->op = PR_OP_NOP;
        Instr tmp = b->instrs[j];
        b->instrs[j] = b->instrs[k];
        b->instrs[k] = tmp;
    }
}

static int optimize_load_const(Compiler *c, Block *b, int i)
{
    Instr *in = &b->instrs[i];
    int nextop = i + 1 < b->n ? b->instrs[i + 1].op : 0;
    PrObject *k = const_of(c, in);
    if (nextop == OP_POP_JUMP_IF_FALSE || nextop == OP_POP_JUMP_IF_TRUE) {
        int t = pr_object_is_true(k);
        if (t < 0) {
            return -1;
        }
        in->op = PR_OP_NOP;
        b->instrs[i + 1].op = t == (nextop == OP_POP_JUMP_IF_TRUE) ? OP_JUMP : PR_OP_NOP;
    } else if (nextop == PR_OP_IS_OP && i + 2 < b->n) {
        int jump_op = b->instrs[i + 2].op;
        if (k == PR_None && (jump_op == OP_POP_JUMP_IF_FALSE || jump_op == OP_POP_JUMP_IF_TRUE)) {
            int invert = b->instrs[i + 1].arg;
            in->op = PR_OP_NOP;
            b->instrs[i + 1].op = PR_OP_NOP;
            b->instrs[i + 2].op = invert ^ (jump_op == OP_POP_JUMP_IF_FALSE)
                                      ? OP_POP_JUMP_IF_NOT_NONE
                                      : OP_POP_JUMP_IF_NONE;
        }
    }
    return 0;
}

/* Returns: 1 when the jump changed (CPython then looks at it again), else 0. */
static int optimize_jump(Instr *in, Instr *target, Block *tb)
{
    switch (in->op) {
    case PR_OP_JUMP_IF_FALSE_OR_POP:
        if (target->op == OP_POP_JUMP_IF_FALSE) {
            return jump_thread(in, target, OP_POP_JUMP_IF_FALSE);
        } else if (target->op == OP_JUMP || target->op == PR_OP_JUMP_IF_FALSE_OR_POP) {
            return jump_thread(in, target, PR_OP_JUMP_IF_FALSE_OR_POP);
        } else if ((target->op == PR_OP_JUMP_IF_TRUE_OR_POP || target->op == OP_POP_JUMP_IF_TRUE) &&
                   in->loc.line == target->loc.line && tb->next) {
            in->op = OP_POP_JUMP_IF_FALSE;
            in->target = tb->next;
            return 1;
        }
        break;
    case PR_OP_JUMP_IF_TRUE_OR_POP:
        if (target->op == OP_POP_JUMP_IF_TRUE) {
            return jump_thread(in, target, OP_POP_JUMP_IF_TRUE);
        } else if (target->op == OP_JUMP || target->op == PR_OP_JUMP_IF_TRUE_OR_POP) {
            return jump_thread(in, target, PR_OP_JUMP_IF_TRUE_OR_POP);
        } else if ((target->op == PR_OP_JUMP_IF_FALSE_OR_POP ||
                    target->op == OP_POP_JUMP_IF_FALSE) &&
                   in->loc.line == target->loc.line && tb->next) {
            in->op = OP_POP_JUMP_IF_TRUE;
            in->target = tb->next;
            return 1;
        }
        break;
    case OP_POP_JUMP_IF_NOT_NONE:
    case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_JUMP:
        if (target->op == OP_JUMP) {
            return jump_thread(in, target, in->op);
        }
        break;
    default:
        break;
    }
    return 0;
}

static int optimize_block(Compiler *c, Block *b)
{
    static Instr nop = {PR_OP_NOP, 0, NULL, NULL, {-1, -1, -1, -1}};
    for (int i = 0; i < b->n; i++) {
        Instr *in = &b->instrs[i];
        int nextop = i + 1 < b->n ? b->instrs[i + 1].op : 0;
        Instr *target = &nop;
        Block *tb = NULL;
        if (in->target) {
            while (in->target->n == 0 && in->target->next) {
                in->target = in->target->next;
            }
            tb = in->target;
            if (tb->n) {
                target = &tb->instrs[0];
            }
        }
        switch (in->op) {
        case PR_OP_LOAD_CONST:
            if (optimize_load_const(c, b, i) < 0) {
                return -1;
            }
            break;
        case PR_OP_BUILD_TUPLE:
            if (nextop == PR_OP_UNPACK_SEQUENCE && in->arg == b->instrs[i + 1].arg) {
                if (in->arg == 1) {
                    in->op = PR_OP_NOP;
                    b->instrs[i + 1].op = PR_OP_NOP;
                    break;
                }
                if (in->arg == 2 || in->arg == 3) {
                    in->op = PR_OP_NOP;
                    b->instrs[i + 1].op = PR_OP_SWAP;
                    break;
                }
            }
            if (fold_tuple(c, b, i) < 0) {
                return -1;
            }
            break;
        case PR_OP_SWAP:
            if (in->arg == 1) {
                in->op = PR_OP_NOP;
            } else {
                apply_static_swaps(b, i);
            }
            break;
        case PR_OP_PUSH_NULL:
            if (nextop == PR_OP_LOAD_GLOBAL && !(b->instrs[i + 1].arg & 1)) {
                in->op = PR_OP_NOP;
                b->instrs[i + 1].arg |= 1;
            }
            break;
        default:
            if (tb && optimize_jump(in, target, tb)) {
                i--; /* look at the new target too */
            }
            break;
        }
    }
    return 0;
}

static int optimize_cfg(Compiler *c, Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        if (optimize_block(c, b) < 0) {
            return -1;
        }
        clean_block(b);
    }
    for (Block *b = c->u->blocks; b; b = b->list) {
        if (extend_block(c, b) < 0) {
            return -1;
        }
    }
    if (mark_reachable(c, entry) < 0) {
        return -1;
    }
    for (Block *b = entry; b; b = b->next) {
        if (b->predecessors == 0) {
            b->n = 0;
        }
    }
    eliminate_empty_blocks(entry);
    for (Block *b = entry; b; b = b->next) {
        clean_block(b);
    }
    /* A jump to the block that follows anyway is dropped. */
    int maybe_empty = 0;
    for (Block *b = entry; b; b = b->next) {
        Instr *l = last_instr(b);
        if (l && (l->op == OP_JUMP || l->op == OP_JUMP_NO_INTERRUPT) && l->target == b->next) {
            l->op = PR_OP_NOP;
            maybe_empty = 1;
        }
    }
    if (maybe_empty) {
        eliminate_empty_blocks(entry);
        for (Block *b = entry; b; b = b->next) {
            clean_block(b);
        }
        eliminate_empty_blocks(entry);
    }
    return 0;
}

/* ---- line numbers -------------------------------------------------------------------------- */

static int is_exit_without_lineno(Block *b)
{
    if (!is_exit(b)) {
        return 0;
    }
    for (int i = 0; i < b->n; i++) {
        if (b->instrs[i].loc.line >= 0) {
            return 0;
        }
    }
    return 1;
}

/* An exit block without a line reached by several jumps is copied for each, so that each copy
 * can take the line of its jump. */
static int duplicate_exits_without_lineno(Compiler *c, Block *entry)
{
    if (mark_reachable(c, entry) < 0) {
        return -1;
    }
    /* In allocation order, newest first, as CPython walks u_blocks: it decides where the
     * copies land. */
    for (Block *b = c->u->blocks; b; b = b->list) {
        Instr *l = last_instr(b);
        if (!l || !cc_is_jump(l->op) || b->predecessors == 0) {
            continue;
        }
        Block *t = l->target;
        if (is_exit_without_lineno(t) && t->predecessors > 1) {
            Block *n = copy_block(c, t);
            if (!n) {
                return -1;
            }
            n->instrs[0].loc = l->loc;
            l->target = n;
            t->predecessors--;
            n->predecessors = 1;
            n->next = t->next;
            t->next = n;
        }
    }
    eliminate_empty_blocks(entry);
    for (Block *b = entry; b; b = b->next) {
        if (!nofallthrough(b) && b->next && b->n && is_exit_without_lineno(b->next)) {
            b->next->instrs[0].loc = b->instrs[b->n - 1].loc;
        }
    }
    return 0;
}

static void propagate_line_numbers(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        if (!b->n) {
            continue;
        }
        Loc prev = NO_LOC;
        for (int i = 0; i < b->n; i++) {
            if (b->instrs[i].loc.line < 0) {
                b->instrs[i].loc = prev;
            } else {
                prev = b->instrs[i].loc;
            }
        }
        if (!nofallthrough(b) && b->next && b->next->predecessors == 1 && b->next->n &&
            b->next->instrs[0].loc.line < 0) {
            b->next->instrs[0].loc = prev;
        }
        Instr *l = last_instr(b);
        if (cc_is_jump(l->op) && l->target->predecessors == 1 && l->target->n &&
            l->target->instrs[0].loc.line < 0) {
            l->target->instrs[0].loc = prev;
        }
    }
}

static void guarantee_lineno_for_exits(Block *entry, int firstlineno)
{
    int line = firstlineno;
    for (Block *b = entry; b; b = b->next) {
        Instr *l = last_instr(b);
        if (!l) {
            continue;
        }
        if (l->loc.line < 0) {
            if (l->op == PR_OP_RETURN_VALUE) {
                for (int i = 0; i < b->n; i++) {
                    b->instrs[i].loc = (Loc){line, line, -1, -1};
                }
            }
        } else {
            line = l->loc.line;
        }
    }
}

/* Drops the constants after the last one used (the first, docstring or None, stays). */
static void trim_unused_consts(Compiler *c, Block *entry)
{
    int max = 0;
    for (Block *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            int op = b->instrs[i].op;
            if ((op == PR_OP_LOAD_CONST || op == PR_OP_KW_NAMES) && b->instrs[i].arg > max) {
                max = b->instrs[i].arg;
            }
        }
    }
    Unit *u = c->u;
    while (u->nconsts > max + 1) {
        PR_DECREF(u->consts[--u->nconsts]);
    }
}

/* ---- stack depth --------------------------------------------------------------------------- */

static int push_depth(Block ***sp, Block *b, int depth)
{
    if (b->startdepth < depth && b->startdepth < 100) {
        if (b->startdepth != INT_MIN) {
            /* Re-visited with a different depth: the code is inconsistent. */
            pr_err_format(PR_EXC(SystemError), "compiler: inconsistent stack depth");
            return -1;
        }
        b->startdepth = depth;
        *(*sp)++ = b;
    }
    return 0;
}

static int stackdepth(Compiler *c, Block *entry)
{
    int n = 0;
    for (Block *b = entry; b; b = b->next) {
        b->startdepth = INT_MIN;
        n++;
    }
    Block **stack = pr_mem_alloc((size_t)(n + 1) * sizeof *stack), **sp = stack;
    if (!stack) {
        pr_err_no_memory();
        return -1;
    }
    int maxdepth = 0, rc = 0;
    rc = push_depth(&sp, entry, 0);
    while (rc == 0 && sp > stack) {
        Block *b = *--sp;
        int depth = b->startdepth;
        Block *next = b->next;
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            int nd = depth + stack_effect(in->op, in->arg, 0);
            if (nd > maxdepth) {
                maxdepth = nd;
            }
            if (cc_is_jump(in->op) || is_block_push(in->op)) {
                int td = depth + stack_effect(in->op, in->arg, 1);
                if (td > maxdepth) {
                    maxdepth = td;
                }
                if ((rc = push_depth(&sp, in->target, td)) < 0) {
                    break;
                }
            }
            depth = nd;
            if (is_uncond_jump(in->op) || is_scope_exit(in->op)) {
                next = NULL;
                break;
            }
        }
        if (rc == 0 && next) {
            rc = push_depth(&sp, next, depth);
        }
    }
    pr_mem_free(stack);
    return rc < 0 ? -1 : maxdepth;
}

/* ---- the exception table ------------------------------------------------------------------- */

struct ExceptStack {
    Block *handlers[MAX_FBLOCKS + 2];
    int depth;
};

static ExceptStack *copy_stack(Compiler *c, const ExceptStack *s)
{
    ExceptStack *n = pr_arena_alloc(c->arena, sizeof *n);
    if (!n) {
        pr_err_no_memory();
        return NULL;
    }
    *n = *s;
    return n;
}

/* Walks the graph with the stack of active handlers, recording each instruction's handler
 * (CPython's label_exception_targets). */
static int label_exception_targets(Compiler *c, Block *entry)
{
    int n = 0;
    for (Block *b = entry; b; b = b->next) {
        b->visited = 0;
        n++;
    }
    Block **todo = pr_mem_alloc((size_t)(n + 1) * sizeof *todo), **sp = todo;
    ExceptStack *s = pr_arena_calloc(c->arena, sizeof *s);
    if (!todo || !s) {
        pr_mem_free(todo);
        pr_err_no_memory();
        return -1;
    }
    entry->visited = 1;
    entry->exstack = s;
    *sp++ = entry;
    int rc = 0;
    while (rc == 0 && sp > todo) {
        Block *b = *--sp;
        s = b->exstack;
        Block *handler = s->depth ? s->handlers[s->depth] : NULL;
        for (int i = 0; i < b->n && rc == 0; i++) {
            Instr *in = &b->instrs[i];
            if (is_block_push(in->op)) {
                if (!in->target->visited) {
                    ExceptStack *copy = copy_stack(c, s);
                    if (!copy) {
                        rc = -1;
                        break;
                    }
                    in->target->visited = 1;
                    in->target->exstack = copy;
                    *sp++ = in->target;
                }
                in->target->except_handler = 1;
                if (in->op != OP_SETUP_FINALLY) {
                    in->target->preserve_lasti = 1;
                }
                s->handlers[++s->depth] = in->target;
                handler = in->target;
            } else if (in->op == OP_POP_BLOCK) {
                s->depth--;
                handler = s->depth ? s->handlers[s->depth] : NULL;
            } else if (cc_is_jump(in->op)) {
                in->except = handler;
                if (!in->target->visited) {
                    ExceptStack *copy = copy_stack(c, s);
                    if (!copy) {
                        rc = -1;
                        break;
                    }
                    in->target->visited = 1;
                    in->target->exstack = copy;
                    *sp++ = in->target;
                }
            } else {
                if (in->op == PR_OP_YIELD_VALUE) {
                    in->arg = s->depth;
                }
                in->except = handler;
            }
        }
        if (rc == 0 && !nofallthrough(b) && b->next && !b->next->visited) {
            b->next->exstack = s;
            b->next->visited = 1;
            *sp++ = b->next;
        }
    }
    pr_mem_free(todo);
    return rc;
}

static void convert_handlers_to_nops(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if (is_block_push(in->op) || in->op == OP_POP_BLOCK) {
                in->op = PR_OP_NOP;
                in->target = NULL;
            }
        }
        clean_block(b);
    }
}

/* ---- jumps and sizes ----------------------------------------------------------------------- */

static void normalize_jumps(Block *entry)
{
    for (Block *b = entry; b; b = b->next) {
        b->visited = 0;
    }
    for (Block *b = entry; b; b = b->next) {
        b->visited = 1;
        Instr *l = last_instr(b);
        if (!l || !cc_is_jump(l->op)) {
            continue;
        }
        int fwd = !l->target->visited;
        switch (l->op) {
        case OP_JUMP:
            l->op = fwd ? PR_OP_JUMP_FORWARD : PR_OP_JUMP_BACKWARD;
            break;
        case OP_JUMP_NO_INTERRUPT:
            l->op = fwd ? PR_OP_JUMP_FORWARD : PR_OP_JUMP_BACKWARD_NO_INTERRUPT;
            break;
        case OP_POP_JUMP_IF_FALSE:
            l->op = fwd ? PR_OP_POP_JUMP_FORWARD_IF_FALSE : PR_OP_POP_JUMP_BACKWARD_IF_FALSE;
            break;
        case OP_POP_JUMP_IF_TRUE:
            l->op = fwd ? PR_OP_POP_JUMP_FORWARD_IF_TRUE : PR_OP_POP_JUMP_BACKWARD_IF_TRUE;
            break;
        case OP_POP_JUMP_IF_NONE:
            l->op = fwd ? PR_OP_POP_JUMP_FORWARD_IF_NONE : PR_OP_POP_JUMP_BACKWARD_IF_NONE;
            break;
        case OP_POP_JUMP_IF_NOT_NONE:
            l->op = fwd ? PR_OP_POP_JUMP_FORWARD_IF_NOT_NONE : PR_OP_POP_JUMP_BACKWARD_IF_NOT_NONE;
            break;
        default:
            break;
        }
    }
}

static int instr_size(const Instr *in)
{
    unsigned a = (unsigned)in->arg;
    int ext = a > 0xFFFFFF ? 3 : a > 0xFFFF ? 2 : a > 0xFF ? 1 : 0;
    return ext + 1 + PR_OPCODE_NCACHE(in->op);
}

static int assemble_jump_offsets(Block *entry)
{
    int again;
    do {
        int total = 0;
        for (Block *b = entry; b; b = b->next) {
            b->offset = total;
            for (int i = 0; i < b->n; i++) {
                total += instr_size(&b->instrs[i]);
            }
        }
        again = 0;
        for (Block *b = entry; b; b = b->next) {
            int off = b->offset;
            for (int i = 0; i < b->n; i++) {
                Instr *in = &b->instrs[i];
                int size = instr_size(in);
                off += size;
                if (!in->target || !cc_is_jump(in->op)) {
                    continue;
                }
                int t = in->target->offset;
                if (pr_opcode_info[in->op].kind == PR_OPK_JBACK) {
                    if (t > off) {
                        return pr_err_format(PR_EXC(SystemError), "compiler: bad backward jump"),
                               -1;
                    }
                    in->arg = off - t;
                } else {
                    if (t < off) {
                        return pr_err_format(PR_EXC(SystemError), "compiler: bad forward jump"),
                               -1;
                    }
                    in->arg = t - off;
                }
                if (instr_size(in) != size) {
                    again = 1;
                }
            }
        }
    } while (again);
    return 0;
}

/* ---- writing the tables -------------------------------------------------------------------- */

typedef struct Buf {
    uint8_t *data;
    ssize_t n, cap;
} Buf;

static int buf_put(Buf *b, uint8_t byte)
{
    if (b->n == b->cap) {
        ssize_t cap = b->cap ? b->cap * 2 : 64;
        uint8_t *d = pr_mem_realloc(b->data, (size_t)cap);
        if (!d) {
            pr_err_no_memory();
            return -1;
        }
        b->data = d;
        b->cap = cap;
    }
    b->data[b->n++] = byte;
    return 0;
}

static int put_varint(Buf *b, uint64_t v)
{
    while (v >= 0x80) {
        if (buf_put(b, (uint8_t)(v | 0x80)) < 0) {
            return -1;
        }
        v >>= 7;
    }
    return buf_put(b, (uint8_t)v);
}

static uint64_t zigzag(int64_t v)
{
    return v < 0 ? ((uint64_t)(-(v + 1)) << 1) | 1 : (uint64_t)v << 1;
}

static int loc_equal(Loc a, Loc b)
{
    return a.line == b.line && a.end_line == b.end_line && a.col == b.col && a.end_col == b.end_col;
}

static int put_run(Buf *b, int len, Loc loc, int *prev_line)
{
    if (put_varint(b, (uint64_t)len) < 0) {
        return -1;
    }
    if (loc.line < 0) {
        return buf_put(b, 0);
    }
    int end_line = loc.end_line < loc.line ? loc.line : loc.end_line;
    if (put_varint(b, 1 + zigzag((int64_t)loc.line - *prev_line)) < 0 ||
        put_varint(b, (uint64_t)(end_line - loc.line)) < 0 ||
        put_varint(b, (uint64_t)(loc.col < 0 ? 0 : loc.col + 1)) < 0 ||
        put_varint(b, (uint64_t)(loc.end_col < 0 ? 0 : loc.end_col + 1)) < 0) {
        return -1;
    }
    *prev_line = loc.line;
    return 0;
}

static int write_linetable(Buf *lt, Block *entry, int firstlineno)
{
    int prev_line = firstlineno, run = 0;
    Loc cur = NO_LOC;
    for (Block *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if (run && !loc_equal(in->loc, cur)) {
                if (put_run(lt, run, cur, &prev_line) < 0) {
                    return -1;
                }
                run = 0;
            }
            cur = in->loc;
            run += instr_size(in);
        }
    }
    return run ? put_run(lt, run, cur, &prev_line) : 0;
}

static int put_item6(Buf *b, int value, int msb)
{
    for (int shift = 24; shift > 0; shift -= 6) {
        if (value >= 1 << shift) {
            if (buf_put(b, (uint8_t)(((value >> shift) & 0x3f) | 64 | msb)) < 0) {
                return -1;
            }
            msb = 0;
        }
    }
    return buf_put(b, (uint8_t)((value & 0x3f) | msb));
}

static int put_except_entry(Buf *b, int start, int end, Block *h)
{
    int depth = h->startdepth - 1 - (h->preserve_lasti ? 1 : 0);
    int dl = (depth << 1) | h->preserve_lasti;
    return put_item6(b, start, 128) < 0 || put_item6(b, end - start, 0) < 0 ||
                   put_item6(b, h->offset, 0) < 0 || put_item6(b, dl, 0) < 0
               ? -1
               : 0;
}

static int write_exceptiontable(Buf *et, Block *entry)
{
    Block *handler = NULL;
    int start = -1, off = 0;
    for (Block *b = entry; b; b = b->next) {
        off = b->offset;
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if (in->except != handler) {
                if (handler && put_except_entry(et, start, off, handler) < 0) {
                    return -1;
                }
                start = off;
                handler = in->except;
            }
            off += instr_size(in);
        }
    }
    return handler ? put_except_entry(et, start, off, handler) : 0;
}

static PrCodeUnit *write_code(Block *entry, ssize_t *ncode)
{
    ssize_t n = 0;
    for (Block *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            n += instr_size(&b->instrs[i]);
        }
    }
    PrCodeUnit *code = pr_mem_alloc((size_t)(n ? n : 1) * sizeof *code);
    if (!code) {
        pr_err_no_memory();
        return NULL;
    }
    ssize_t k = 0;
    for (Block *b = entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            unsigned a = (unsigned)in->arg;
            int ext = instr_size(in) - 1 - PR_OPCODE_NCACHE(in->op);
            for (int e = ext; e > 0; e--) {
                code[k++] = PR_CU_MAKE(PR_OP_EXTENDED_ARG, (a >> (8 * e)) & 0xFF);
            }
            code[k++] = PR_CU_MAKE(in->op, a & 0xFF);
            for (int e = 0; e < PR_OPCODE_NCACHE(in->op); e++) {
                code[k++] = 0;
            }
        }
    }
    *ncode = n;
    return code;
}

/* ---- the prefix and the code object -------------------------------------------------------- */

static int code_flags(const PrScope *s)
{
    int flags = 0;
    if (s->kind != PR_SCOPE_MODULE && s->kind != PR_SCOPE_CLASS) {
        flags |= PR_CO_OPTIMIZED | PR_CO_NEWLOCALS;
        if (s->is_nested) {
            flags |= PR_CO_NESTED;
        }
        if (s->is_generator) {
            flags |= PR_CO_GENERATOR;
        }
        if (s->has_varargs) {
            flags |= PR_CO_VARARGS;
        }
        if (s->has_varkw) {
            flags |= PR_CO_VARKEYWORDS;
        }
    }
    return flags;
}

/* localsplus names and kinds, from the unit's table (built by compile.c). */
static int localsplus(Compiler *c, PrObject **names_out, uint8_t **kinds_out)
{
    Unit *u = c->u;
    PrObject *names = pr_tuple_new(u->nlp);
    uint8_t *kinds = pr_mem_alloc((size_t)(u->nlp ? u->nlp : 1));
    if (!names || !kinds) {
        PR_XDECREF(names);
        pr_mem_free(kinds);
        if (!pr_err_occurred()) {
            pr_err_no_memory();
        }
        return -1;
    }
    for (int i = 0; i < u->nlp; i++) {
        PrObject *str = cc_str(u->lpnames[i]);
        if (!str) {
            PR_DECREF(names);
            pr_mem_free(kinds);
            return -1;
        }
        pr_tuple_set_steal(names, i, str);
        kinds[i] = u->lpkinds[i];
    }
    *names_out = names;
    *kinds_out = kinds;
    return 0;
}

static int insert_prefix(Compiler *c, Block *entry, const uint8_t *kinds, int n, int flags)
{
    int pos = 0, nfree = 0;
    Loc none = NO_LOC;
    for (int i = 0; i < n; i++) {
        nfree += (kinds[i] & PR_CO_FAST_FREE) != 0;
    }
    if (nfree && insert_instr(c, entry, pos++, (Instr){PR_OP_COPY_FREE_VARS, nfree, NULL, NULL,
                                                       none}) < 0) {
        return -1;
    }
    for (int i = 0; i < n; i++) {
        if ((kinds[i] & PR_CO_FAST_CELL) &&
            insert_instr(c, entry, pos++, (Instr){PR_OP_MAKE_CELL, i, NULL, NULL, none}) < 0) {
            return -1;
        }
    }
    if (flags & PR_CO_GENERATOR) {
        Loc first = {c->u->firstlineno, c->u->firstlineno, -1, -1};
        if (insert_instr(c, entry, pos++,
                         (Instr){PR_OP_RETURN_GENERATOR, 0, NULL, NULL, first}) < 0 ||
            insert_instr(c, entry, pos++, (Instr){PR_OP_POP_TOP, 0, NULL, NULL, none}) < 0) {
            return -1;
        }
    }
    return 0;
}

static PrObject *array_tuple(PrObject **items, int n)
{
    return pr_tuple_from_array(items, n);
}

static PrObject *make_code(Compiler *c, Block *entry, PrObject *lpnames, const uint8_t *kinds,
                           int flags, int maxdepth)
{
    Unit *u = c->u;
    Buf lt = {0}, et = {0};
    ssize_t ncode = 0;
    PrCodeUnit *code = NULL;
    PrObject *consts = NULL, *names = NULL, *co = NULL;
    if (write_linetable(&lt, entry, u->firstlineno) < 0 || write_exceptiontable(&et, entry) < 0 ||
        !(code = write_code(entry, &ncode)) || !(consts = array_tuple(u->consts, u->nconsts)) ||
        !(names = array_tuple(u->names, u->nnames))) {
        goto done;
    }
    PrCodeSpec spec = {
        .code = code,
        .ncode = ncode,
        .consts = consts,
        .names = names,
        .localsplusnames = lpnames,
        .name = u->name,
        .qualname = u->qualname ? u->qualname : u->name,
        .filename = c->filename,
        .localspluskinds = kinds,
        .linetable = lt.data,
        .linetable_size = lt.n,
        .exceptiontable = et.data,
        .exceptiontable_size = et.n,
        .argcount = u->argcount + u->posonlyargcount,
        .posonlyargcount = u->posonlyargcount,
        .kwonlyargcount = u->kwonlyargcount,
        .stacksize = maxdepth,
        .flags = flags,
        .firstlineno = u->firstlineno,
    };
    co = pr_code_new(&spec);
done:
    pr_mem_free(lt.data);
    pr_mem_free(et.data);
    pr_mem_free(code);
    PR_XDECREF(consts);
    PR_XDECREF(names);
    return co;
}

PrObject *cc_assemble(Compiler *c, int add_none)
{
    Unit *u = c->u;
    if (!u->tail_return) {
        CC_UNSET_LOC(c);
        if ((add_none && cc_load_const(c, PR_None) < 0) || cc_emit(c, PR_OP_RETURN_VALUE, 0) < 0) {
            return NULL;
        }
    }
    Block *entry = u->entry;
    cc_finalize_localsplus(c);
    for (Block *b = u->blocks; b; b = b->list) {
        if (extend_block(c, b) < 0) {
            return NULL;
        }
    }
    PrObject *lpnames = NULL, *co = NULL;
    uint8_t *kinds = NULL;
    int flags = code_flags(u->scope);
    if (localsplus(c, &lpnames, &kinds) < 0) {
        return NULL;
    }
    int maxdepth;
    if (insert_prefix(c, entry, kinds, (int)pr_tuple_size(lpnames), flags) < 0 ||
        optimize_cfg(c, entry) < 0 || duplicate_exits_without_lineno(c, entry) < 0) {
        goto done;
    }
    trim_unused_consts(c, entry);
    if (mark_reachable(c, entry) < 0) {
        goto done;
    }
    propagate_line_numbers(entry);
    guarantee_lineno_for_exits(entry, u->firstlineno);
    if ((maxdepth = stackdepth(c, entry)) < 0 || label_exception_targets(c, entry) < 0) {
        goto done;
    }
    convert_handlers_to_nops(entry);
    normalize_jumps(entry);
    if (assemble_jump_offsets(entry) < 0) {
        goto done;
    }
    co = make_code(c, entry, lpnames, kinds, flags, maxdepth);
done:
    PR_XDECREF(lpnames);
    pr_mem_free(kinds);
    return co;
}
