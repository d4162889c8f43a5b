/* tests/unit/test_vm.c — the VM end to end: small programs (tests/unit/vm_cases.inc, made by
 * gen_vm_cases.py with CPython 3.11) run through pr_run_source with stdout and stderr captured,
 * compared byte for byte with CPython's, exit status included; every program must leave the
 * allocator with the blocks it found (the fixture's teardown). Then the C-level contracts:
 * calling functions from C, the recursion limit, the frame stack. */
#include "objects/dict.h"
#include "objects/long.h"
#include "objects/tuple.h"
#include "tests/unit/objtest.h"
#include "vm/code.h"
#include "vm/eval.h"
#include "vm/function.h"
#include "vm/run.h"
#include "vm/signals.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct VmCase {
    const char *name, *src, *out, *err;
    int status;
} VmCase;

static const VmCase vm_cases[] = {
#define VM_CASE(name, src, out, err, status) {#name, src, out, err, status},
#include "tests/unit/vm_cases.inc"
#undef VM_CASE
};
#define NCASES ((int)(sizeof vm_cases / sizeof vm_cases[0]))

/* The whole content of f, from its start, as a malloc'd string. */
static char *slurp(FILE *f)
{
    fflush(f);
    long n = ftell(f);
    char *buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    rewind(f);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    return buf;
}

/* expected with every @FILE@ replaced by path. */
static char *expand(const char *expected, const char *path)
{
    size_t cap = strlen(expected) * 2 + 64 + strlen(path) * 8, n = 0;
    char *out = malloc(cap);
    ck_assert_ptr_nonnull(out);
    for (const char *p = expected; *p;) {
        if (strncmp(p, "@FILE@", 6) == 0) {
            size_t k = strlen(path);
            if (n + k + 1 >= cap) {
                out = realloc(out, cap = cap * 2 + k);
            }
            memcpy(out + n, path, k);
            n += k;
            p += 6;
        } else {
            if (n + 2 >= cap) {
                out = realloc(out, cap *= 2);
            }
            out[n++] = *p++;
        }
    }
    out[n] = '\0';
    return out;
}

/* Runs src from a file at path with fd 1 and 2 redirected; returns the exit status. */
static int run_captured(const char *src, const char *path, char **out, char **err)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(src, f);
    fclose(f);
    fflush(stdout);
    fflush(stderr);
    FILE *fo = tmpfile(), *fe = tmpfile();
    ck_assert(fo && fe);
    int saved_out = dup(1), saved_err = dup(2);
    dup2(fileno(fo), 1);
    dup2(fileno(fe), 2);
    int status = pr_run_source(src, strlen(src), path, NULL);
    fflush(stdout);
    fflush(stderr);
    dup2(saved_out, 1);
    dup2(saved_err, 2);
    close(saved_out);
    close(saved_err);
    fseek(fo, 0, SEEK_END);
    fseek(fe, 0, SEEK_END);
    *out = slurp(fo);
    *err = slurp(fe);
    fclose(fo);
    fclose(fe);
    unlink(path);
    return status;
}

START_TEST(test_program)
{
    const VmCase *c = &vm_cases[_i];
    char path[256];
    snprintf(path, sizeof path, "/tmp/pyrena_vm_%d_%s.py", (int)getpid(), c->name);
    char *out, *err;
    int status = run_captured(c->src, path, &out, &err);
    char *want_out = expand(c->out, path), *want_err = expand(c->err, path);
    ck_assert_msg(strcmp(out, want_out) == 0, "%s: stdout\n--- got ---\n%s--- expected ---\n%s",
                  c->name, out, want_out);
    ck_assert_msg(strcmp(err, want_err) == 0, "%s: stderr\n--- got ---\n%s--- expected ---\n%s",
                  c->name, err, want_err);
    ck_assert_msg(status == c->status, "%s: status %d, expected %d", c->name, status, c->status);
    free(out);
    free(err);
    free(want_out);
    free(want_err);
}
END_TEST

/* The recursion limit's setter, with CPython's texts. */
START_TEST(test_recursion_limit)
{
    ck_assert_int_eq(pr_vm_recursion_limit(), 1000);
    ck_assert_int_eq(pr_vm_set_recursion_limit(0), -1);
    ASSERT_RAISED(PR_EXC(ValueError), "recursion limit must be greater or equal than 1");
    ck_assert_int_eq(pr_vm_set_recursion_limit(50), 0);
    ck_assert_int_eq(pr_vm_recursion_limit(), 50);
    char *out, *err;
    char path[256];
    snprintf(path, sizeof path, "/tmp/pyrena_vm_%d_limit.py", (int)getpid());
    int status = run_captured("def d(n):\n    try:\n        return d(n + 1)\n    except "
                              "RecursionError:\n        return n\nprint(d(0))\n",
                              path, &out, &err);
    ck_assert_int_eq(status, 0);
    ck_assert_str_eq(out, "48\n");
    ck_assert_str_eq(err, "");
    free(out);
    free(err);
    ck_assert_int_eq(pr_vm_set_recursion_limit(1000), 0);
}
END_TEST

/* A syntax error is reported as CPython reports it for a script, status 1. */
START_TEST(test_syntax_error)
{
    char *out, *err;
    char path[256];
    snprintf(path, sizeof path, "/tmp/pyrena_vm_%d_syntax.py", (int)getpid());
    int status = run_captured("x = (1,\nprint(x)\n", path, &out, &err);
    ck_assert_int_eq(status, 1);
    ck_assert_str_eq(out, "");
    ck_assert_ptr_nonnull(strstr(err, "SyntaxError: '(' was never closed"));
    free(out);
    free(err);
}
END_TEST

/* Ctrl-C: a SIGINT that arrives while a loop runs is raised there as KeyboardInterrupt, which
 * the program can catch; uncaught, it prints its traceback and asks for death by SIGINT. The
 * program creates the file MARK when it is about to wait; a child process waits for the file,
 * then for `settle` microseconds, and sends the signal. */
#define MARK "/tmp/pyrena_vm_sigint_mark"

static int run_interrupted(const char *src, const char *tag, useconds_t settle, char **out,
                           char **err)
{
    char path[256];
    snprintf(path, sizeof path, "/tmp/pyrena_vm_%d_%s.py", (int)getpid(), tag);
    unlink(MARK);
    signal(SIGINT, SIG_DFL);
    pr_signals_install();
    pid_t parent = getpid(), child = fork();
    ck_assert_int_ge(child, 0);
    if (child == 0) {
        for (int i = 0; i < 20000 && access(MARK, F_OK) != 0; i++) {
            usleep(1000);
        }
        usleep(settle);
        kill(parent, SIGINT);
        _exit(0);
    }
    int status = run_captured(src, path, out, err);
    waitpid(child, NULL, 0);
    signal(SIGINT, SIG_DFL);
    unlink(MARK);
    return status;
}

START_TEST(test_keyboard_interrupt)
{
    char *out, *err;
    int status = run_interrupted("n = 0\ntry:\n    open('" MARK "', 'w').close()\n"
                                 "    while True:\n        n += 1\n"
                                 "except KeyboardInterrupt as e:\n"
                                 "    print('caught', type(e).__name__, e.args)\n",
                                 "sigint_caught", 0, &out, &err);
    ck_assert_int_eq(status, 0);
    ck_assert_str_eq(out, "caught KeyboardInterrupt ()\n");
    ck_assert_str_eq(err, "");
    free(out);
    free(err);
    status = run_interrupted("def spin():\n    while True:\n        pass\n"
                             "open('" MARK "', 'w').close()\nspin()\n",
                             "sigint_uncaught", 0, &out, &err);
    ck_assert_int_eq(status, PR_EXIT_SIGINT);
    ck_assert_str_eq(out, "");
    ck_assert_ptr_nonnull(strstr(err, "line 2, in spin\n    while True:\nKeyboardInterrupt\n"));
    free(out);
    free(err);
    /* a read blocked on an open, silent pipe is interrupted too */
    int fds[2], saved_in = dup(0);
    ck_assert_int_eq(pipe(fds), 0);
    dup2(fds[0], 0);
    status = run_interrupted("try:\n    open('" MARK "', 'w').close()\n    input()\n"
                             "except KeyboardInterrupt:\n    print('interrupted')\n",
                             "sigint_input", 200000, &out, &err);
    dup2(saved_in, 0);
    close(saved_in);
    close(fds[0]);
    close(fds[1]);
    ck_assert_int_eq(status, 0);
    ck_assert_str_eq(out, "interrupted\n");
    free(out);
    free(err);
}
END_TEST

/* ---- hand-assembled code: the loop and the calls without the compiler ---------------------- */

typedef struct Ins {
    int op, arg; /* a jump's arg is the index of its target instruction */
} Ins;

static void put_varint(uint8_t *t, ssize_t *n, uint64_t v)
{
    do {
        uint8_t b = v & 0x7F;
        v >>= 7;
        t[(*n)++] = (uint8_t)(b | (v ? 0x80 : 0));
    } while (v);
}

/* A code object from ins (cache units inserted, jumps resolved, one line per instruction from
 * line 1), with consts and names (new references, stolen), parameters and local names. */
static PrObject *assemble(const Ins *ins, int n, PrObject *consts, PrObject *names,
                          const char *const *locals, int nlocals, int argcount, int flags,
                          const char *name)
{
    int offset[64];
    int units = 0;
    ck_assert_int_lt(n, 64);
    for (int i = 0; i < n; i++) {
        offset[i] = units;
        units += 1 + PR_OPCODE_NCACHE(ins[i].op);
    }
    PrCodeUnit code[256] = {0};
    uint8_t lines[512], kinds[16];
    ssize_t nl = 0;
    for (int i = 0; i < n; i++) {
        int arg = ins[i].arg, next = offset[i] + 1 + PR_OPCODE_NCACHE(ins[i].op);
        if (pr_opcode_info[ins[i].op].kind == PR_OPK_JREL) {
            arg = offset[arg] - next;
        } else if (pr_opcode_info[ins[i].op].kind == PR_OPK_JBACK) {
            arg = next - offset[arg];
        }
        code[offset[i]] = PR_CU_MAKE(ins[i].op, arg);
        put_varint(lines, &nl, (uint64_t)(1 + PR_OPCODE_NCACHE(ins[i].op)));
        put_varint(lines, &nl, 1 + (uint64_t)(i == 0 ? 0 : 2)); /* line +0, then +1 each */
        put_varint(lines, &nl, 0);
        put_varint(lines, &nl, 0);
        put_varint(lines, &nl, 0);
    }
    PrObject *lnames = pr_tuple_new(nlocals);
    for (int i = 0; i < nlocals; i++) {
        pr_tuple_set_steal(lnames, i, pr_str_intern_cstr(locals[i]));
        kinds[i] = PR_CO_FAST_LOCAL;
    }
    PrObject *nm = pr_str_from_cstr(name), *file = pr_str_from_cstr("<asm>");
    PrCodeSpec spec = {
        .code = code, .ncode = units, .consts = consts, .names = names,
        .localsplusnames = lnames, .name = nm, .qualname = nm, .filename = file,
        .localspluskinds = kinds, .linetable = lines, .linetable_size = nl,
        .exceptiontable = NULL, .exceptiontable_size = 0, .argcount = argcount,
        .stacksize = 8, .flags = flags, .firstlineno = 1,
    };
    PrObject *co = pr_code_new(&spec);
    ck_assert_ptr_nonnull(co);
    PR_DECREF(consts);
    PR_DECREF(names);
    PR_DECREF(lnames);
    PR_DECREF(nm);
    PR_DECREF(file);
    return co;
}

static PrObject *intern(const char *s)
{
    return pr_str_intern_cstr(s);
}

/* fib(n) = n if n < 2 else fib(n - 1) + fib(n - 2), called from C and recursing in the loop. */
static PrObject *fib_function(PrObject *globals)
{
    const Ins body[] = {
        {PR_OP_RESUME, 0},
        {PR_OP_LOAD_FAST, 0},
        {PR_OP_LOAD_CONST, 0},
        {PR_OP_COMPARE_OP, PR_LT},
        {PR_OP_POP_JUMP_FORWARD_IF_FALSE, 7},
        {PR_OP_LOAD_FAST, 0},
        {PR_OP_RETURN_VALUE, 0},
        {PR_OP_LOAD_GLOBAL, 1}, /* 7: NULL, fib */
        {PR_OP_LOAD_FAST, 0},
        {PR_OP_LOAD_CONST, 1},
        {PR_OP_BINARY_OP, PR_NB_SUB},
        {PR_OP_PRECALL, 1},
        {PR_OP_CALL, 1},
        {PR_OP_LOAD_GLOBAL, 1},
        {PR_OP_LOAD_FAST, 0},
        {PR_OP_LOAD_CONST, 0},
        {PR_OP_BINARY_OP, PR_NB_SUB},
        {PR_OP_PRECALL, 1},
        {PR_OP_CALL, 1},
        {PR_OP_BINARY_OP, PR_NB_ADD},
        {PR_OP_RETURN_VALUE, 0},
    };
    const char *const locals[] = {"n"};
    PrObject *consts = pr_tuple_pack(2, pr_long_from_int64(2), pr_long_from_int64(1));
    /* pr_tuple_pack took references: drop the ones made here */
    PR_DECREF(PR_TUPLE_ITEMS(consts)[0]);
    PR_DECREF(PR_TUPLE_ITEMS(consts)[1]);
    PrObject *names = pr_tuple_new(1);
    pr_tuple_set_steal(names, 0, intern("fib"));
    PrObject *co = assemble(body, (int)(sizeof body / sizeof body[0]), consts, names, locals, 1,
                            1, PR_CO_OPTIMIZED | PR_CO_NEWLOCALS, "fib");
    PrObject *f = pr_function_new(co, globals, pr_vm_builtins_borrow());
    PR_DECREF(co);
    ck_assert_int_eq(pr_dict_setitem_cstr(globals, "fib", f), 0);
    return f;
}

START_TEST(test_asm_fib)
{
    PrObject *globals = pr_dict_new();
    PrObject *f = fib_function(globals);
    PrObject *arg = pr_long_from_int64(20);
    PrObject *r = pr_object_call(f, &arg, 1, NULL);
    ck_assert_ptr_nonnull(r);
    int64_t v = 0;
    ck_assert_int_eq(pr_long_as_int64(r, &v), 0);
    ck_assert_int_eq(v, 6765);
    ck_assert_int_eq(pr_interp.vm.depth, 0);
    PR_DECREF(r);
    /* binding errors, from C */
    ck_assert_ptr_null(pr_object_call(f, NULL, 0, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "fib() missing 1 required positional argument: 'n'");
    PrObject *two[2] = {arg, arg};
    ck_assert_ptr_null(pr_object_call(f, two, 2, NULL));
    ASSERT_RAISED(PR_EXC(TypeError), "fib() takes 1 positional argument but 2 were given");
    PrObject *kw = pr_tuple_pack(1, intern("m"));
    PR_DECREF(PR_TUPLE_ITEMS(kw)[0]);
    ck_assert_ptr_null(pr_object_call(f, &arg, 0, kw));
    ASSERT_RAISED(PR_EXC(TypeError), "fib() got an unexpected keyword argument 'm'");
    PR_DECREF(kw);
    /* deep enough for the limit: a RecursionError, and the stack is back to empty */
    ck_assert_int_eq(pr_vm_set_recursion_limit(10), 0);
    ck_assert_ptr_null(pr_object_call(f, &arg, 1, NULL));
    ASSERT_RAISED(PR_EXC(RecursionError), "maximum recursion depth exceeded");
    ck_assert_int_eq(pr_interp.vm.depth, 0);
    ck_assert_ptr_null(pr_interp.vm.frame);
    ck_assert_int_eq(pr_vm_set_recursion_limit(1000), 0);
    PR_DECREF(arg);
    PR_DECREF(f);
    pr_dict_clear(globals);
    PR_DECREF(globals);
}
END_TEST

Suite *pr_test_vm_suite(void)
{
    Suite *s = suite_create("vm");
    TCase *tc = tcase_create("programs");
    tcase_add_checked_fixture(tc, objtest_setup, objtest_teardown);
    tcase_add_test(tc, test_asm_fib);
    tcase_add_loop_test(tc, test_program, 0, NCASES);
    tcase_add_test(tc, test_recursion_limit);
    tcase_add_test(tc, test_syntax_error);
    tcase_add_test(tc, test_keyboard_interrupt);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return s;
}
