/* vm/traceback.c — traceback objects and the printer of uncaught exceptions (vm/traceback.h),
 * following CPython 3.11's Python/traceback.c and pythonrun.c step by step: the same cut-off for
 * repeated lines (3), the same rules for when carets are drawn and with which characters. */
#include "vm/traceback.h"

#include "lexer/syntax_error.h"
#include "memory/obmalloc.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/long.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parser/arena.h"
#include "parser/ast.h"
#include "parser/parser.h"
#include "vm/errors.h"

#include <string.h>

/* ============================================================================================
 *  The traceback type
 * ============================================================================================ */

void pr_traceback_here(PrFrame *f)
{
    PrObject *exc = pr_err_fetch();
    if (!exc) {
        return;
    }
    PrFrameObject *fo = pr_frame_object_borrow(f);
    PrTraceback *tb = fo ? (PrTraceback *)pr_object_new(PR_TYPE(traceback)) : NULL;
    if (tb) {
        PrBaseException *e = (PrBaseException *)exc;
        tb->next = e->traceback; /* the reference moves into the new entry */
        tb->frame = (PrFrameObject *)PR_NEWREF(fo);
        tb->lasti = pr_frame_lasti(f);
        tb->lineno = pr_code_addr2line(f->code, tb->lasti);
        e->traceback = (PrObject *)tb;
        pr_gc_track((PrObject *)tb);
    } else {
        pr_err_clear();
    }
    pr_err_restore_steal(exc);
}

static void traceback_dealloc(PrObject *self)
{
    PrTraceback *tb = (PrTraceback *)self;
    pr_gc_untrack(self);
    /* a long chain is released iteratively, not by recursion through tb_next */
    PrObject *next = tb->next;
    PR_CLEAR(tb->frame);
    pr_object_free(self);
    while (next && next->refcnt == 1 && PR_TYPE_OF(next) == PR_TYPE(traceback)) {
        PrTraceback *n = (PrTraceback *)next;
        next = n->next;
        pr_gc_untrack((PrObject *)n);
        PR_CLEAR(n->frame);
        pr_object_free((PrObject *)n);
    }
    PR_XDECREF(next);
}

static int traceback_traverse(PrObject *self, PrVisitProc visit, void *arg)
{
    PrTraceback *tb = (PrTraceback *)self;
    int r = tb->next ? visit(tb->next, arg) : 0;
    return r ? r : visit((PrObject *)tb->frame, arg);
}

static PrObject *tb_get_next(PrObject *self, void *c)
{
    PrObject *n = ((PrTraceback *)self)->next;
    return PR_NEWREF(n ? n : PR_None);
}
static PrObject *tb_get_frame(PrObject *self, void *c)
{
    return PR_NEWREF(((PrTraceback *)self)->frame);
}

/* tb_lasti counts bytes, as CPython's (two per code unit). */
static PrObject *tb_get_lasti(PrObject *self, void *c)
{
    return pr_long_from_int64((int64_t)((PrTraceback *)self)->lasti * 2);
}
static PrObject *tb_get_lineno(PrObject *self, void *c)
{
    return pr_long_from_int64(((PrTraceback *)self)->lineno);
}

static const PrGetSetDef traceback_getsets[] = {
    {"tb_next", tb_get_next, NULL, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

const PrType pr_traceback_spec = {
    .name = "traceback",
    .basicsize = sizeof(PrTraceback),
    .flags = PR_TPFLAG_GC | PR_TPFLAG_IMMUTABLETYPE,
    .dealloc = traceback_dealloc,
    .traverse = traceback_traverse,
    .getsets = traceback_getsets,
};

/* ============================================================================================
 *  Source lines
 * ============================================================================================ */

/* Line `lineno` of file `filename` without its newline, in a pr_mem block (NULL if unreadable). */
static char *read_source_line(const char *filename, int lineno)
{
    FILE *fp = fopen(filename, "rb");
    if (!fp) {
        return NULL;
    }
    size_t cap = 256, n = 0;
    char *buf = pr_mem_alloc(cap);
    int line = 1, c;
    while (buf && (c = fgetc(fp)) != EOF) {
        if (line == lineno) {
            if (c == '\n') {
                break;
            }
            if (n + 2 > cap) {
                char *grown = pr_mem_realloc(buf, cap * 2);
                if (!grown) {
                    pr_mem_free(buf);
                    buf = NULL;
                    break;
                }
                buf = grown, cap *= 2;
            }
            buf[n++] = (char)c;
        } else if (c == '\n' && ++line > lineno) {
            break;
        }
    }
    fclose(fp);
    if (buf && line != lineno) {
        pr_mem_free(buf);
        return NULL;
    }
    if (buf) {
        if (n && buf[n - 1] == '\r') {
            n--;
        }
        buf[n] = '\0';
    }
    return buf;
}

/* Characters (code points) in the first `bytes` bytes of UTF-8 text s (CPython's
 * _PyPegen_byte_offset_to_character_offset). */
static ssize_t char_offset(const char *s, ssize_t bytes)
{
    ssize_t n = 0, len = (ssize_t)strlen(s);
    if (bytes > len) {
        bytes = len;
    }
    for (ssize_t i = 0; i < bytes; i++) {
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return n;
}

static ssize_t char_length(const char *s)
{
    return char_offset(s, (ssize_t)strlen(s));
}

#define IS_WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\f')

/* The anchors 3.11 draws inside a one-line instruction: the text of the instruction is parsed;
 * for a binary operation the operator is marked ^ and the rest ~, for a subscript the brackets
 * part ^. Offsets are bytes of segment. Returns: 1 with the anchors set, 0 for none. */
static int extract_anchors(const char *segment, ssize_t *left, ssize_t *right)
{
    PrArena *arena = pr_arena_new();
    if (!arena) {
        return 0;
    }
    PrSyntaxError err;
    int found = 0;
    PrAstMod *mod = pr_parse(segment, strlen(segment), "<traceback>", PR_PARSE_FILE, arena, &err);
    if (mod && mod->kind == PR_MOD_MODULE && mod->v.Module.body.len == 1 &&
        mod->v.Module.body.items[0]->kind == PR_STMT_EXPR) {
        PrAstExpr *e = mod->v.Module.body.items[0]->v.Expr.value;
        ssize_t n = (ssize_t)strlen(segment);
        if (e->kind == PR_EXPR_BIN_OP) {
            PrAstExpr *l = e->v.BinOp.left, *r = e->v.BinOp.right;
            for (ssize_t i = l->end_col_offset; i < r->col_offset; i++) {
                if (IS_WS(segment[i])) {
                    continue;
                }
                *left = i;
                *right = i + 1;
                if (i + 1 < r->col_offset && !IS_WS(segment[i + 1])) {
                    ++*right;
                }
                found = 1;
                break;
            }
        } else if (e->kind == PR_EXPR_SUBSCRIPT) {
            *left = e->v.Subscript.value->end_col_offset;
            *right = e->v.Subscript.slice->end_col_offset + 1;
            while (*left < n && segment[*left] != '[') {
                ++*left;
            }
            while (*right < n && segment[*right] != ']') {
                ++*right;
            }
            if (*right < n) {
                *right += 1;
            }
            found = 1;
        }
    }
    pr_arena_free(arena);
    return found;
}

/* The source line of an entry and, unless the instruction spans the whole stripped line, the
 * carets under it (3.11's tb_displayline). */
static void print_source(FILE *out, PrCode *co, int lasti, int lineno)
{
    char *line = read_source_line(pr_str_utf8(co->filename), lineno);
    if (!line) {
        return;
    }
    ssize_t ws = 0;
    while (IS_WS(line[ws])) {
        ws++;
    }
    fprintf(out, "    %s\n", line + ws);
    PrCodeLocation loc;
    if (!pr_code_location(co, lasti, &loc) || loc.line < 0 || loc.end_line < 0 || loc.col < 0 ||
        loc.end_col < 0 || loc.line != lineno) {
        goto done;
    }
    ssize_t len = char_length(line);
    ssize_t start = char_offset(line, loc.col);
    ssize_t end = char_offset(line, loc.end_col);
    ssize_t left = -1, right = -1;
    const char *primary = "^", *secondary = "^";
    if (loc.line == loc.end_line) {
        ssize_t bstart = loc.col, bend = loc.end_col;
        ssize_t blen = (ssize_t)strlen(line);
        if (bend > blen) {
            bend = blen;
        }
        if (bstart < bend) {
            char *segment = pr_mem_alloc((size_t)(bend - bstart) + 1);
            if (segment) {
                memcpy(segment, line + bstart, (size_t)(bend - bstart));
                segment[bend - bstart] = '\0';
                if (extract_anchors(segment, &left, &right)) {
                    left = char_offset(segment, left) + start;
                    right = char_offset(segment, right) + start;
                    primary = "~";
                    secondary = "^";
                }
                pr_mem_free(segment);
            }
        }
    } else {
        ssize_t i = (ssize_t)strlen(line);
        while (--i >= 0 && IS_WS(line[i])) {
        }
        end = char_offset(line, i + 1);
    }
    int special = left != -1 || right != -1;
    if (end - start == len - ws && !special) {
        goto done;
    }
    /* 3.11's print_error_location_carets, offset starting at the truncation (ws - 4) */
    for (ssize_t offset = ws - 4; ++offset <= end;) {
        const char *s = offset <= start ? " "
                        : (special && left < offset && offset <= right) ? secondary
                                                                         : primary;
        fputs(s, out);
    }
    fputc('\n', out);
done:
    pr_mem_free(line);
}

/* ============================================================================================
 *  Printing
 * ============================================================================================ */

#define TB_RECURSIVE_CUTOFF 3
#define TB_LIMIT 1000

static void print_repeated(FILE *out, long cnt)
{
    cnt -= TB_RECURSIVE_CUTOFF;
    fprintf(out, cnt > 1 ? "  [Previous line repeated %ld more times]\n"
                         : "  [Previous line repeated %ld more time]\n",
            cnt);
}

static void print_tb(FILE *out, PrTraceback *tb)
{
    long depth = 0;
    for (PrTraceback *t = tb; t; t = (PrTraceback *)t->next) {
        depth++;
    }
    while (tb && depth > TB_LIMIT) {
        depth--;
        tb = (PrTraceback *)tb->next;
    }
    PrObject *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb; tb = (PrTraceback *)tb->next) {
        PrCode *co = (PrCode *)tb->frame->code;
        if (!last_file || co->filename != last_file || last_line == -1 ||
            tb->lineno != last_line || !last_name || co->name != last_name) {
            if (cnt > TB_RECURSIVE_CUTOFF) {
                print_repeated(out, cnt);
            }
            last_file = co->filename;
            last_line = tb->lineno;
            last_name = co->name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF) {
            fprintf(out, "  File \"%s\", line %d, in %s\n", pr_str_utf8(co->filename), tb->lineno,
                    pr_str_utf8(co->name));
            print_source(out, co, tb->lasti, tb->lineno);
        }
    }
    if (cnt > TB_RECURSIVE_CUTOFF) {
        print_repeated(out, cnt);
    }
}

/* ---- "Did you mean" (3.11's Python/suggestions.c, for NameError) ---------------------------- */

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1

static size_t substitution_cost(char a, char b)
{
    if ((a & 31) != (b & 31)) {
        return MOVE_COST;
    }
    if (a == b) {
        return 0;
    }
    if ('A' <= a && a <= 'Z') {
        a += 'a' - 'A';
    }
    if ('A' <= b && b <= 'Z') {
        b += 'a' - 'A';
    }
    return a == b ? CASE_COST : MOVE_COST;
}

static size_t levenshtein(const char *a, size_t na, const char *b, size_t nb, size_t max_cost)
{
    size_t buffer[MAX_STRING_SIZE];
    while (na && nb && a[0] == b[0]) {
        a++, na--, b++, nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1]) {
        na--, nb--;
    }
    if (na == 0 || nb == 0) {
        return (na + nb) * MOVE_COST;
    }
    if (na > MAX_STRING_SIZE || nb > MAX_STRING_SIZE) {
        return max_cost + 1;
    }
    if (nb < na) {
        const char *t = a;
        a = b, b = t;
        size_t tn = na;
        na = nb, nb = tn;
    }
    if ((nb - na) * MOVE_COST > max_cost) {
        return max_cost + 1;
    }
    for (size_t i = 0; i < na; i++) {
        buffer[i] = (i + 1) * MOVE_COST;
    }
    size_t result = 0;
    for (size_t bi = 0; bi < nb; bi++) {
        size_t distance = result = bi * MOVE_COST, minimum = (size_t)-1;
        for (size_t i = 0; i < na; i++) {
            size_t substitute = distance + substitution_cost(b[bi], a[i]);
            distance = buffer[i];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[i] = result;
            if (result < minimum) {
                minimum = result;
            }
        }
        if (minimum > max_cost) {
            return max_cost + 1;
        }
    }
    return result;
}

/* The closest of n candidate names to name, or NULL (borrowed). */
static PrObject *closest(PrObject *name, PrObject *const *cands, ssize_t n, PrObject *best,
                         size_t *best_dist)
{
    if (n >= MAX_CANDIDATE_ITEMS) {
        return best;
    }
    size_t nn = (size_t)PR_STR_BYTES(name);
    for (ssize_t i = 0; i < n; i++) {
        PrObject *item = cands[i];
        if (!PR_STR_CHECK(item) || pr_str_eq(item, name)) {
            continue;
        }
        size_t ni = (size_t)PR_STR_BYTES(item);
        size_t max = (nn + ni + 3) * MOVE_COST / 6;
        if (*best_dist - 1 < max) {
            max = *best_dist - 1;
        }
        size_t d = levenshtein(PR_STR_DATA(name), nn, PR_STR_DATA(item), ni, max);
        if (d > max) {
            continue;
        }
        if (!best || d < *best_dist) {
            best = item;
            *best_dist = d;
        }
    }
    return best;
}

/* The keys of dict d into a pr_mem array (*n of them). */
static PrObject **dict_keys(PrObject *d, ssize_t *n)
{
    *n = 0;
    if (!d || !PR_DICT_CHECK(d)) {
        return NULL;
    }
    PrObject **keys = pr_mem_alloc(((size_t)pr_dict_size(d) + 1) * sizeof *keys);
    ssize_t pos = 0;
    PrObject *k;
    while (keys && pr_dict_next(d, &pos, &k, NULL)) {
        keys[(*n)++] = k;
    }
    return keys;
}

static PrObject *suggest_in_dict(PrObject *name, PrObject *d, PrObject *best, size_t *dist)
{
    ssize_t n;
    PrObject **keys = dict_keys(d, &n);
    if (keys) {
        best = closest(name, keys, n, best, dist);
        pr_mem_free(keys);
    }
    return best;
}

/* For a NameError raised by the VM: a name of the innermost frame's locals, then globals, then
 * builtins, close to the missing one. Returns: borrowed, or NULL. */
static PrObject *name_suggestion(PrObject *exc)
{
    PrBaseException *e = (PrBaseException *)exc;
    if (!pr_object_is_instance(exc, PR_EXC(NameError)) || !e->dict || !e->traceback ||
        PR_TYPE_OF(e->traceback) != PR_TYPE(traceback)) {
        return NULL;
    }
    PrObject *name = pr_dict_getitem_cstr_borrow(e->dict, "name");
    if (!name || !PR_STR_CHECK_EXACT(name)) {
        return NULL;
    }
    PrTraceback *tb = (PrTraceback *)e->traceback;
    while (tb->next && PR_TYPE_OF(tb->next) == PR_TYPE(traceback)) {
        tb = (PrTraceback *)tb->next;
    }
    PrCode *co = (PrCode *)tb->frame->code;
    size_t dist = (size_t)-1;
    PrObject *best = closest(name, PR_TUPLE_ITEMS(co->localsplusnames), co->nlocals, NULL, &dist);
    if (best) {
        return best;
    }
    dist = (size_t)-1;
    if ((best = suggest_in_dict(name, tb->frame->globals, NULL, &dist))) {
        return best;
    }
    dist = (size_t)-1;
    return suggest_in_dict(name, pr_interp.vm.builtins, NULL, &dist);
}

/* One exception without its chain: traceback then "Type: message". */
static void print_one(FILE *out, PrObject *exc)
{
    PrObject *tb = ((PrBaseException *)exc)->traceback;
    if (tb && PR_TYPE_OF(tb) == PR_TYPE(traceback)) {
        fputs("Traceback (most recent call last):\n", out);
        print_tb(out, (PrTraceback *)tb);
    }
    PrObject *line = pr_exception_format_line(exc);
    if (!line) {
        pr_err_clear();
        fprintf(out, "%s\n", PR_TYPE_OF(exc)->name);
        return;
    }
    PrObject *suggestion = name_suggestion(exc);
    fputs(pr_str_utf8(line), out);
    if (suggestion) {
        fprintf(out, ". Did you mean: '%s'?", pr_str_utf8(suggestion));
    }
    fputc('\n', out);
    PR_DECREF(line);
}

/* The seen set of CPython's print_exception_recursive: a short array suffices, chains are short
 * and a repeated exception stops the walk. */
typedef struct Seen {
    PrObject **items;
    size_t n, cap;
} Seen;

static int seen_has(const Seen *s, PrObject *o)
{
    for (size_t i = 0; i < s->n; i++) {
        if (s->items[i] == o) {
            return 1;
        }
    }
    return 0;
}

static void seen_add(Seen *s, PrObject *o)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        PrObject **grown = pr_mem_realloc(s->items, cap * sizeof *grown);
        if (!grown) {
            return;
        }
        s->items = grown, s->cap = cap;
    }
    s->items[s->n++] = o;
}

static void print_recursive(FILE *out, PrObject *exc, Seen *seen, int depth)
{
    seen_add(seen, exc);
    PrBaseException *e = (PrBaseException *)exc;
    if (depth < 100) {
        if (e->cause && PR_EXC_INSTANCE_CHECK(e->cause)) {
            if (!seen_has(seen, e->cause)) {
                print_recursive(out, e->cause, seen, depth + 1);
                fputs("\nThe above exception was the direct cause of the following exception:\n\n",
                      out);
            }
        } else if (e->context && PR_EXC_INSTANCE_CHECK(e->context) && !e->suppress_context) {
            if (!seen_has(seen, e->context)) {
                print_recursive(out, e->context, seen, depth + 1);
                fputs("\nDuring handling of the above exception, another exception occurred:\n\n",
                      out);
            }
        }
    }
    print_one(out, exc);
}

void pr_traceback_print_exception(FILE *out, PrObject *exc)
{
    Seen seen = {NULL, 0, 0};
    print_recursive(out, exc, &seen, 0);
    pr_mem_free(seen.items);
    fflush(out);
}
