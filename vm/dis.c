/* vm/dis.c — pr_dis_print: CPython 3.11's Lib/dis.py (_disassemble_bytes, _get_instructions_bytes,
 * findlinestarts, _parse_exception_table) over pyrena's code object, column for column. Offsets
 * are printed in bytes (two per code unit), as dis does. */
#include "vm/dis.h"

#include "objects/str.h"
#include "objects/tuple.h"
#include "vm/code.h"
#include "vm/errors.h"
#include "vm/interp.h"

#include <stdlib.h>
#include <string.h>

const char *pr_dis_opname(int op)
{
    return op >= 0 && op < PR_OP__COUNT ? pr_opcode_info[op].name : NULL;
}

/* dis._nb_ops: the symbols of BINARY_OP's operand, in objects/binops.def's order. */
static const char *const nb_symbols[] = {"+", "&", "//", "<<", "@", "*", "%",
                                         "|", "**", ">>", "-", "/", "^"};
_Static_assert(sizeof nb_symbols / sizeof nb_symbols[0] == PR_NB_COUNT,
               "one symbol per binops.def row");

static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const fv_conv[] = {"", "str", "repr", "ascii"};
static const char *const mkfn_flags[] = {"defaults", "kwdefaults", "annotations", "closure"};

typedef struct DisInstr {
    int offset; /* code units */
    int op, arg, has_arg;
} DisInstr;

/* Decodes the instructions (EXTENDED_ARG folded into the next oparg, caches skipped). */
static DisInstr *decode(const PrCode *co, int *count)
{
    ssize_t n = PR_CODE_NUNITS(co);
    DisInstr *v = malloc((size_t)(n ? n : 1) * sizeof *v);
    if (!v) {
        return NULL;
    }
    int k = 0;
    unsigned ext = 0;
    for (ssize_t i = 0; i < n;) {
        int op = PR_CU_OPCODE(co->code[i]);
        if (op >= PR_OP__COUNT) {
            op = PR_OP_CACHE;
        }
        int has_arg = pr_opcode_info[op].kind != PR_OPK_NONE;
        unsigned arg = has_arg ? ((unsigned)PR_CU_OPARG(co->code[i]) | ext) : 0;
        ext = op == PR_OP_EXTENDED_ARG ? arg << 8 : 0;
        v[k++] = (DisInstr){(int)i, op, (int)arg, has_arg};
        i += 1 + pr_opcode_info[op].ncache;
    }
    *count = k;
    return v;
}

static int jump_target(const DisInstr *in)
{
    int next = in->offset + 1 + pr_opcode_info[in->op].ncache;
    return pr_opcode_info[in->op].kind == PR_OPK_JBACK ? next - in->arg : next + in->arg;
}

/* argrepr into buf; the constant's repr may need an object. Returns: 0 or -1. */
static int argrepr(const PrCode *co, const DisInstr *in, char *buf, size_t n)
{
    buf[0] = 0;
    int arg = in->arg;
    switch (pr_opcode_info[in->op].kind) {
    case PR_OPK_CONST: {
        if (in->op == PR_OP_KW_NAMES || arg >= pr_tuple_size(co->consts)) {
            return 0; /* 3.11's dis shows KW_NAMES's bare index */
        }
        PrObject *r = pr_object_repr(pr_tuple_get_borrow(co->consts, arg));
        if (!r) {
            return -1;
        }
        snprintf(buf, n, "%s", pr_str_utf8(r));
        PR_DECREF(r);
        return 0;
    }
    case PR_OPK_NAME:
    case PR_OPK_GLOBAL: {
        int i = pr_opcode_info[in->op].kind == PR_OPK_GLOBAL ? arg >> 1 : arg;
        if (i < pr_tuple_size(co->names)) {
            snprintf(buf, n, "%s%s",
                     pr_opcode_info[in->op].kind == PR_OPK_GLOBAL && (arg & 1) ? "NULL + " : "",
                     pr_str_utf8(pr_tuple_get_borrow(co->names, i)));
        }
        return 0;
    }
    case PR_OPK_LOCAL:
    case PR_OPK_FREE:
        if (arg < co->nlocalsplus) {
            snprintf(buf, n, "%s", pr_str_utf8(pr_tuple_get_borrow(co->localsplusnames, arg)));
        }
        return 0;
    case PR_OPK_JREL:
    case PR_OPK_JBACK:
        snprintf(buf, n, "to %d", jump_target(in) * 2);
        return 0;
    case PR_OPK_CMP:
        if (arg < 6) {
            snprintf(buf, n, "%s", cmp_symbols[arg]);
        }
        return 0;
    case PR_OPK_BINOP:
        if (arg < 2 * PR_NB_COUNT) {
            snprintf(buf, n, "%s%s", nb_symbols[arg % PR_NB_COUNT], arg >= PR_NB_COUNT ? "=" : "");
        }
        return 0;
    case PR_OPK_FLAGS:
        if (in->op == PR_OP_FORMAT_VALUE) {
            const char *conv = fv_conv[arg & PR_FVC_MASK];
            snprintf(buf, n, "%s%s%s", conv, (arg & PR_FVS_HAVE_SPEC) && *conv ? ", " : "",
                     (arg & PR_FVS_HAVE_SPEC) ? "with format" : "");
        } else if (in->op == PR_OP_MAKE_FUNCTION) {
            size_t len = 0;
            for (int i = 0; i < 4; i++) {
                if (arg & (1 << i)) {
                    len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? ", " : "",
                                            mkfn_flags[i]);
                    if (len >= n) {
                        break;
                    }
                }
            }
        }
        return 0;
    default:
        return 0;
    }
}

/* Line starts as dis.findlinestarts: (unit offset -> line) where the line changes. */
static int *line_starts(const PrCode *co, int *maxline)
{
    ssize_t n = PR_CODE_NUNITS(co);
    int *starts = malloc((size_t)(n ? n : 1) * sizeof *starts);
    if (!starts) {
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        starts[i] = -1;
    }
    ssize_t pos = 0, s, e;
    PrCodeLocation loc;
    int last = -1;
    *maxline = 0;
    while (pr_code_next_run(co, &pos, &s, &e, &loc)) {
        if (loc.line >= 0 && loc.line != last && s < n) {
            starts[s] = loc.line;
            last = loc.line;
            if (loc.line > *maxline) {
                *maxline = loc.line;
            }
        }
    }
    return starts;
}

static int disassemble(FILE *out, const PrCode *co)
{
    int count = 0, maxline = 0, rc = -1;
    DisInstr *ins = decode(co, &count);
    int *starts = line_starts(co, &maxline);
    ssize_t n = PR_CODE_NUNITS(co);
    char *labels = calloc((size_t)(n ? n : 1) + 1, 1);
    if (!ins || !starts || !labels) {
        pr_err_no_memory();
        goto done;
    }
    for (int i = 0; i < count; i++) {
        int k = pr_opcode_info[ins[i].op].kind;
        if (k == PR_OPK_JREL || k == PR_OPK_JBACK) {
            int t = jump_target(&ins[i]);
            if (t >= 0 && t <= n) {
                labels[t] = 1;
            }
        }
    }
    ssize_t pos = 0;
    PrExceptEntry e;
    while (pr_code_next_handler(co, &pos, &e)) {
        if (e.target >= 0 && e.target <= n && e.end > e.start) {
            labels[e.target] = 1;
        }
    }
    int any_line = maxline > 0;
    for (int i = 0; i < n && !any_line; i++) {
        any_line = starts[i] >= 0;
    }
    int lw = !any_line ? 0 : maxline >= 1000 ? snprintf(NULL, 0, "%d", maxline) : 3;
    int ow = (n - 1) * 2 >= 10000 ? snprintf(NULL, 0, "%ld", (long)(n - 1) * 2) : 4;
    for (int i = 0; i < count; i++) {
        DisInstr *in = &ins[i];
        int line = starts[in->offset];
        char line_col[16] = "", arg[512], rep[480];
        if (any_line && line >= 0 && in->offset > 0) {
            fputc('\n', out);
        }
        if (lw) {
            if (line >= 0) {
                snprintf(line_col, sizeof line_col, "%*d ", lw, line);
            } else {
                snprintf(line_col, sizeof line_col, "%*s ", lw, "");
            }
        }
        arg[0] = 0;
        if (in->has_arg) {
            if (argrepr(co, in, rep, sizeof rep) < 0) {
                goto done;
            }
            int len = snprintf(arg, sizeof arg, " %5d", in->arg);
            if (rep[0]) {
                snprintf(arg + len, sizeof arg - (size_t)len, " (%s)", rep);
            }
        }
        char text[1100];
        snprintf(text, sizeof text, "%s    %s %*d %-20s%s", line_col,
                 labels[in->offset] ? ">>" : "  ", ow, in->offset * 2, pr_opcode_info[in->op].name,
                 arg);
        size_t tl = strlen(text);
        while (tl && text[tl - 1] == ' ') {
            text[--tl] = 0;
        }
        fprintf(out, "%s\n", text);
    }
    pos = 0;
    if (co->exceptiontable_size) {
        fprintf(out, "ExceptionTable:\n");
        while (pr_code_next_handler(co, &pos, &e)) {
            fprintf(out, "  %d to %d -> %d [%d]%s\n", e.start * 2, e.end * 2 - 2, e.target * 2,
                    e.depth, e.lasti ? " lasti" : "");
        }
    }
    rc = 0;
done:
    free(ins);
    free(starts);
    free(labels);
    return rc;
}

int pr_dis_print(FILE *out, PrObject *code)
{
    if (!PR_CODE_CHECK(code)) {
        pr_err_format(PR_EXC(TypeError), "don't know how to disassemble %s objects",
                      PR_TYPE_OF(code)->name);
        return -1;
    }
    const PrCode *co = (const PrCode *)code;
    if (disassemble(out, co) < 0) {
        return -1;
    }
    for (ssize_t i = 0; i < pr_tuple_size(co->consts); i++) {
        PrObject *k = pr_tuple_get_borrow(co->consts, i);
        if (!PR_CODE_CHECK(k)) {
            continue;
        }
        PrObject *r = pr_object_repr(k);
        if (!r) {
            return -1;
        }
        fprintf(out, "\nDisassembly of %s:\n", pr_str_utf8(r));
        PR_DECREF(r);
        if (pr_dis_print(out, k) < 0) {
            return -1;
        }
    }
    return 0;
}
