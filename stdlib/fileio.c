/* stdlib/fileio.c — file objects over C stdio streams (stdlib/fileio.h): open(), their methods
 * with CPython's results and error texts, the standard streams and input(). One struct serves
 * the four types; `binary` says whether reads give bytes or str. A stream that switches
 * between reading and writing is repositioned first, as C requires. */
#include "stdlib/fileio.h"

#include "memory/obmalloc.h"
#include "objects/bytes.h"
#include "objects/iterate.h"
#include "objects/list.h"
#include "objects/long.h"
#include "objects/singletons.h"
#include "objects/str.h"
#include "objects/strargs.h"
#include "objects/tuple.h"
#include "stdlib/sys.h"
#include "vm/errors.h"
#include "vm/signals.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct PrFile {
    PrObject ob;
    FILE *fp;           /* NULL once closed (for streams it owns) */
    PrObject *name;     /* the path (str or bytes) or the descriptor (int) */
    PrObject *mode;     /* as CPython shows it: text as given, binary normalised ("rb+") */
    PrObject *encoding; /* text files: as given, "UTF-8" by default; NULL for binary */
    unsigned char readable, writable, binary, closed, closefd, last_write;
} PrFile;

#define FILE_OF(o) ((PrFile *)(o))

/* ============================================================================================
 *  A growable byte buffer for reads
 * ============================================================================================ */

typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

static int buf_put(Buf *b, int c)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        char *p = pr_mem_realloc(b->p, cap);
        if (!p) {
            pr_err_no_memory();
            return -1;
        }
        b->p = p;
        b->cap = cap;
    }
    b->p[b->n++] = (char)c;
    return 0;
}

/* The bytes of a UTF-8 sequence that starts with lead (1 for a stray byte: the decoder then
 * reports it). */
static int utf8_len(int lead)
{
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 1;
}

/* getc that goes on reading after a signal interrupted it, unless the signal raised (Ctrl-C:
 * KeyboardInterrupt, vm/signals.h): then EOF with the exception set. */
static int getc_retry(FILE *fp)
{
    for (;;) {
        if (pr_signals_pending() && pr_signals_check() < 0) {
            return EOF;
        }
        int c = getc(fp);
        if (c != EOF || !ferror(fp) || errno != EINTR) {
            return c;
        }
        clearerr(fp);
        if (pr_signals_check() < 0) {
            return EOF;
        }
    }
}

/* The next byte of fp; in text mode "\r\n" and a lone "\r" read as "\n" (universal newlines,
 * as CPython's default newline=None). */
static int next_byte(FILE *fp, int text)
{
    int c = getc_retry(fp);
    if (text && c == '\r') {
        int d = getc_retry(fp);
        if (d != '\n' && d != EOF) {
            ungetc(d, fp);
        }
        c = '\n';
    }
    return c;
}

/* Reads from fp into b: up to limit units (characters when text, else bytes; -1: no limit),
 * stopping after a newline when line is set. Returns: 0, or -1 with an exception. */
static int read_units(FILE *fp, Buf *b, ssize_t limit, int text, int line)
{
    for (ssize_t units = 0; limit < 0 || units < limit; units++) {
        int c = next_byte(fp, text);
        if (c == EOF) {
            break;
        }
        if (buf_put(b, c) < 0) {
            return -1;
        }
        for (int k = text ? utf8_len(c) - 1 : 0; k > 0; k--) {
            int d = getc_retry(fp);
            if (d == EOF || buf_put(b, d) < 0) {
                break;
            }
        }
        if (line && c == '\n') {
            break;
        }
    }
    if (ferror(fp)) {
        clearerr(fp);
        pr_err_set_from_errno(errno, NULL);
        return -1;
    }
    return pr_err_occurred() ? -1 : 0;
}

/* The str or bytes of what b holds; frees b. */
static PrObject *buf_finish(Buf *b, int binary)
{
    PrObject *r = pr_err_occurred() ? NULL
                  : binary          ? pr_bytes_from_buf(b->p ? b->p : "", (ssize_t)b->n)
                                    : pr_str_from_utf8(b->p ? b->p : "", (ssize_t)b->n);
    pr_mem_free(b->p);
    return r;
}

/* ============================================================================================
 *  States and checks
 * ============================================================================================ */

static int check_open(PrFile *f, const char *binary_msg)
{
    if (!f->closed) {
        return 0;
    }
    pr_err_set(PR_EXC(ValueError),
               f->binary && binary_msg ? binary_msg : "I/O operation on closed file.");
    return -1;
}

/* Readies f for reading: open, readable, repositioned after a write. */
static int start_read(PrFile *f)
{
    if (check_open(f, "read of closed file") < 0) {
        return -1;
    }
    if (!f->readable) {
        pr_err_set(PR_EXC(OSError), f->binary ? "read" : "not readable");
        return -1;
    }
    if (f->last_write) {
        fflush(f->fp);
        fseek(f->fp, 0, SEEK_CUR);
        f->last_write = 0;
    }
    return 0;
}

static int start_write(PrFile *f)
{
    if (check_open(f, "write to closed file") < 0) {
        return -1;
    }
    if (!f->writable) {
        pr_err_set(PR_EXC(OSError), f->binary ? "write" : "not writable");
        return -1;
    }
    if (!f->last_write && f->readable) {
        fseek(f->fp, 0, SEEK_CUR);
    }
    f->last_write = 1;
    return 0;
}

/* An optional size argument: None or absent is -1. */
static int size_arg(const char *func, PrObject *const *args, size_t nargs, ssize_t *out)
{
    *out = -1;
    if (nargs > 1) {
        pr_err_format(PR_EXC(TypeError), "%s expected at most 1 argument, got %zu", func, nargs);
        return -1;
    }
    if (nargs == 0 || args[0] == PR_None) {
        return 0;
    }
    if (!PR_LONG_CHECK(args[0])) {
        pr_err_format(PR_EXC(TypeError), "argument should be integer or None, not '%s'",
                      PR_TYPE_OF(args[0])->name);
        return -1;
    }
    return pr_index_as_ssize(args[0], out, PR_EXC(OverflowError));
}

/* ============================================================================================
 *  Reading
 * ============================================================================================ */

static PrObject *read_some(PrFile *f, ssize_t limit, int line)
{
    Buf b = {NULL, 0, 0};
    if (start_read(f) < 0) {
        return NULL;
    }
    read_units(f->fp, &b, limit, !f->binary, line);
    return buf_finish(&b, f->binary);
}

static PrObject *file_read(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    ssize_t n;
    return size_arg("read", args, nargs, &n) < 0 ? NULL : read_some(FILE_OF(self), n, 0);
}

static PrObject *file_readline(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    ssize_t n;
    return size_arg("readline", args, nargs, &n) < 0 ? NULL : read_some(FILE_OF(self), n, 1);
}

/* The length of a line as read: characters for str, bytes for bytes. */
static ssize_t line_length(PrObject *line)
{
    return PR_STR_CHECK(line) ? PR_STR_LENGTH(line) : PR_BYTES_SIZE(line);
}

static PrObject *file_readlines(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    ssize_t hint, total = 0;
    if (size_arg("readlines", args, nargs, &hint) < 0) {
        return NULL;
    }
    PrObject *lines = pr_list_new(0);
    while (lines && (hint <= 0 || total < hint)) {
        PrObject *line = read_some(FILE_OF(self), -1, 1);
        if (!line || line_length(line) == 0 || pr_list_append(lines, line) < 0) {
            if (!line || line_length(line) != 0) {
                PR_CLEAR(lines);
            }
            PR_XDECREF(line);
            break;
        }
        total += line_length(line);
        PR_DECREF(line);
    }
    return lines;
}

static PrObject *file_iter(PrObject *self)
{
    return check_open(FILE_OF(self), NULL) < 0 ? NULL : PR_NEWREF(self);
}

static PrObject *file_iternext(PrObject *self)
{
    PrObject *line = read_some(FILE_OF(self), -1, 1);
    if (line && line_length(line) == 0) {
        PR_CLEAR(line);
    }
    return line;
}

/* ============================================================================================
 *  Writing
 * ============================================================================================ */

/* Writes data to f's stream. Returns: 0, or -1 with the OSError. */
static int write_bytes(PrFile *f, const char *data, ssize_t n)
{
    if (n > 0 && fwrite(data, 1, (size_t)n, f->fp) != (size_t)n) {
        int e = errno;
        clearerr(f->fp);
        pr_err_set_from_errno(e, NULL);
        return -1;
    }
    return 0;
}

static PrObject *file_write(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    PrFile *f = FILE_OF(self);
    PrObject *s = args[0];
    if (start_write(f) < 0) {
        return NULL;
    }
    if (f->binary) {
        if (!PR_BYTES_CHECK(s)) {
            return pr_err_format(PR_EXC(TypeError), "a bytes-like object is required, not '%s'",
                                 PR_TYPE_OF(s)->name);
        }
        return write_bytes(f, PR_BYTES_DATA(s), PR_BYTES_SIZE(s)) < 0
                   ? NULL
                   : pr_long_from_int64(PR_BYTES_SIZE(s));
    }
    if (!PR_STR_CHECK(s)) {
        return pr_err_format(PR_EXC(TypeError), "write() argument must be str, not %s",
                             pr_strargs_type_name(s));
    }
    if (write_bytes(f, PR_STR_DATA(s), PR_STR_BYTES(s)) < 0) {
        return NULL;
    }
    if (f->fp == stderr) {
        fflush(stderr);
    }
    return pr_long_from_int64(PR_STR_LENGTH(s));
}

static PrObject *file_writelines(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    PrObject *it = pr_object_get_iter(args[0]), *line = NULL;
    if (!it) {
        return NULL;
    }
    while ((line = pr_iter_next(it))) {
        PrObject *r = file_write(self, &line, 1, NULL);
        PR_DECREF(line);
        if (!r) {
            break;
        }
        PR_DECREF(r);
    }
    PR_DECREF(it);
    if (pr_err_occurred()) {
        return NULL;
    }
    PR_RETURN_NONE;
}

static PrObject *file_flush(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    PrFile *f = FILE_OF(self);
    if (check_open(f, "flush of closed file") < 0) {
        return NULL;
    }
    if (fflush(f->fp) != 0) {
        return pr_err_set_from_errno(errno, NULL);
    }
    PR_RETURN_NONE;
}

/* ============================================================================================
 *  Closing, positions, the rest
 * ============================================================================================ */

/* Closes f: flushes, and closes the stream when f owns it. Returns: 0 or -1 (OSError). */
static int close_file(PrFile *f)
{
    if (f->closed) {
        return 0;
    }
    f->closed = 1;
    int rc = f->closefd ? fclose(f->fp) : fflush(f->fp);
    if (f->closefd) {
        f->fp = NULL;
    }
    if (rc != 0) {
        pr_err_set_from_errno(errno, NULL);
        return -1;
    }
    return 0;
}

static PrObject *file_close(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    if (close_file(FILE_OF(self)) < 0) {
        return NULL;
    }
    PR_RETURN_NONE;
}

static PrObject *file_enter(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return file_iter(self);
}

static PrObject *file_exit(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return file_close(self, NULL, 0, NULL);
}

static PrObject *file_tell(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    PrFile *f = FILE_OF(self);
    if (check_open(f, NULL) < 0) {
        return NULL;
    }
    long pos = ftell(f->fp);
    return pos < 0 ? pr_err_set_from_errno(errno, NULL) : pr_long_from_int64(pos);
}

static PrObject *file_seek(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    PrFile *f = FILE_OF(self);
    ssize_t off, whence = 0;
    if (nargs < 1 || nargs > 2) {
        return pr_err_format(PR_EXC(TypeError), "seek expected at %s 1 argument%s, got %zu",
                             nargs < 1 ? "least" : "most", nargs < 1 ? "" : "s", nargs);
    }
    if (check_open(f, NULL) < 0 || pr_index_as_ssize(args[0], &off, PR_EXC(OverflowError)) < 0 ||
        (nargs == 2 && pr_index_as_ssize(args[1], &whence, PR_EXC(OverflowError)) < 0)) {
        return NULL;
    }
    if (whence < 0 || whence > 2) {
        return pr_err_format(PR_EXC(ValueError), "invalid whence (%zd, should be 0, 1 or 2)",
                             whence);
    }
    if (!f->binary && whence != 0 && off != 0) {
        return pr_err_format(PR_EXC(OSError), "can't do nonzero %s-relative seeks",
                             whence == 1 ? "cur" : "end");
    }
    if (whence == 0 && off < 0) {
        return pr_err_format(PR_EXC(ValueError), "negative seek position %zd", off);
    }
    if (fseek(f->fp, off, (int)whence) != 0) {
        return pr_err_set_from_errno(errno, NULL);
    }
    f->last_write = 0;
    return file_tell(self, NULL, 0, NULL);
}

static PrObject *file_fileno(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    PrFile *f = FILE_OF(self);
    return check_open(f, NULL) < 0 ? NULL : pr_long_from_int64(fileno(f->fp));
}

static PrObject *file_flag(PrObject *self, int flag)
{
    return check_open(FILE_OF(self), NULL) < 0 ? NULL : PR_NEWREF(flag ? PR_True : PR_False);
}

static PrObject *file_readable(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return file_flag(self, FILE_OF(self)->readable);
}

static PrObject *file_writable(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    return file_flag(self, FILE_OF(self)->writable);
}

static PrObject *file_isatty(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kw)
{
    PrFile *f = FILE_OF(self);
    return f->closed ? file_flag(self, 0) : file_flag(self, isatty(fileno(f->fp)));
}

static PrObject *file_get_name(PrObject *self, void *closure)
{
    return PR_NEWREF(FILE_OF(self)->name);
}

static PrObject *file_get_mode(PrObject *self, void *closure)
{
    return PR_NEWREF(FILE_OF(self)->mode);
}

static PrObject *file_get_closed(PrObject *self, void *closure)
{
    return PR_NEWREF(FILE_OF(self)->closed ? PR_True : PR_False);
}

static PrObject *file_get_encoding(PrObject *self, void *closure)
{
    PrObject *e = FILE_OF(self)->encoding;
    if (!e) {
        return pr_err_format(PR_EXC(AttributeError), "'%s' object has no attribute 'encoding'",
                             self->type->name);
    }
    return PR_NEWREF(e);
}

static void file_dealloc(PrObject *self)
{
    PrFile *f = FILE_OF(self);
    if (!f->closed && f->closefd) {
        fclose(f->fp);
    }
    PR_XDECREF(f->name);
    PR_XDECREF(f->mode);
    PR_XDECREF(f->encoding);
    pr_object_free(self);
}

static PrObject *file_repr(PrObject *self)
{
    PrFile *f = FILE_OF(self);
    if (f->binary) {
        return pr_str_from_format("<_io.%s name=%R>", self->type->name, f->name);
    }
    return pr_str_from_format("<_io.TextIOWrapper name=%R mode=%R encoding=%R>", f->name, f->mode,
                              f->encoding);
}

static const PrMethodDef file_methods[] = {
    {"read", file_read, PR_METH_VARARGS, "Read at most size characters or bytes, or all."},
    {"readline", file_readline, PR_METH_VARARGS, "Read until newline or EOF."},
    {"readlines", file_readlines, PR_METH_VARARGS, "Return a list of lines from the stream."},
    {"write", file_write, PR_METH_O, "Write the string or bytes; return how many were written."},
    {"writelines", file_writelines, PR_METH_O, "Write a list of lines to the stream."},
    {"flush", file_flush, PR_METH_NOARGS, "Flush the write buffers."},
    {"close", file_close, PR_METH_NOARGS, "Flush and close the file."},
    {"seek", file_seek, PR_METH_VARARGS, "Change the stream position; return the new one."},
    {"tell", file_tell, PR_METH_NOARGS, "Return the current stream position."},
    {"fileno", file_fileno, PR_METH_NOARGS, "Return the underlying file descriptor."},
    {"readable", file_readable, PR_METH_NOARGS, "Whether the file was opened for reading."},
    {"writable", file_writable, PR_METH_NOARGS, "Whether the file was opened for writing."},
    {"isatty", file_isatty, PR_METH_NOARGS, "Whether the stream is a terminal."},
    {"__enter__", file_enter, PR_METH_NOARGS, NULL},
    {"__exit__", file_exit, PR_METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static const PrGetSetDef file_getsets[] = {
    {"name", file_get_name, NULL, NULL, NULL},
    {"mode", file_get_mode, NULL, NULL, NULL},
    {"closed", file_get_closed, NULL, NULL, NULL},
    {"encoding", file_get_encoding, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define FILE_SPEC(cname, pyname)                                                                   \
    const PrType cname = {                                                                         \
        .name = pyname,                                                                            \
        .basicsize = sizeof(PrFile),                                                               \
        .flags = PR_TPFLAG_BASETYPE | PR_TPFLAG_IMMUTABLETYPE,                                     \
        .dealloc = file_dealloc,                                                                   \
        .repr = file_repr,                                                                         \
        .iter = file_iter,                                                                         \
        .iternext = file_iternext,                                                                 \
        .methods = file_methods,                                                                   \
        .getsets = file_getsets,                                                                   \
    }

FILE_SPEC(pr_text_file_spec, "TextIOWrapper");
FILE_SPEC(pr_buffered_reader_spec, "BufferedReader");
FILE_SPEC(pr_buffered_writer_spec, "BufferedWriter");
FILE_SPEC(pr_buffered_random_spec, "BufferedRandom");

/* ============================================================================================
 *  Making file objects: open() and the standard streams
 * ============================================================================================ */

/* A file object over fp. Steals name, mode and encoding (any may be NULL after a failure:
 * then fp is closed when owned and NULL is returned). */
static PrObject *file_new(PrType *t, FILE *fp, PrObject *name, PrObject *mode, PrObject *encoding,
                          int closefd)
{
    PrFile *f = NULL;
    if (name && mode && (encoding || t != PR_TYPE(TextIOWrapper))) {
        f = (PrFile *)pr_object_new(t);
    }
    if (!f) {
        if (closefd) {
            fclose(fp);
        }
        PR_XDECREF(name);
        PR_XDECREF(mode);
        PR_XDECREF(encoding);
        return NULL;
    }
    f->fp = fp;
    f->name = name;
    f->mode = mode;
    f->encoding = encoding;
    f->closefd = (unsigned char)closefd;
    f->binary = t != PR_TYPE(TextIOWrapper);
    return (PrObject *)f;
}

PrObject *pr_file_std_borrow(int fd)
{
    static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    if (!pr_interp.sys.std[fd]) {
        FILE *fps[] = {stdin, stdout, stderr};
        PrObject *f = file_new(PR_TYPE(TextIOWrapper), fps[fd], pr_str_from_cstr(names[fd]),
                               pr_str_from_cstr(fd ? "w" : "r"), pr_str_from_cstr("utf-8"), 0);
        if (f) {
            FILE_OF(f)->readable = fd == 0;
            FILE_OF(f)->writable = fd != 0;
        }
        pr_interp.sys.std[fd] = f;
    }
    return pr_interp.sys.std[fd];
}

int pr_file_is_closed(PrObject *f)
{
    return FILE_OF(f)->closed;
}

void pr_file_fini(void)
{
    for (int i = 0; i < 3; i++) {
        PR_CLEAR(pr_interp.sys.std[i]);
    }
}

/* The parsed mode string of open(). */
typedef struct OpenMode {
    int read, write, create, append, plus, binary;
} OpenMode;

/* CPython's _io.open mode checks and messages. Returns: 0 or -1 (ValueError). */
static int parse_mode(PrObject *mode, OpenMode *m)
{
    const char *s = PR_STR_DATA(mode);
    int text = 0;
    memset(m, 0, sizeof *m);
    for (const char *p = s; *p; p++) {
        int *flag = *p == 'r'   ? &m->read
                    : *p == 'w' ? &m->write
                    : *p == 'x' ? &m->create
                    : *p == 'a' ? &m->append
                    : *p == '+' ? &m->plus
                    : *p == 'b' ? &m->binary
                    : *p == 't' ? &text
                                : NULL;
        if (!flag || *flag || strchr(p + 1, *p)) {
            pr_err_format(PR_EXC(ValueError), "invalid mode: '%s'", s);
            return -1;
        }
        *flag = 1;
    }
    int kinds = m->read + m->write + m->create + m->append;
    if (text && m->binary) {
        pr_err_set(PR_EXC(ValueError), "can't have text and binary mode at once");
        return -1;
    }
    if (kinds != 1) {
        pr_err_set(PR_EXC(ValueError),
                   kinds ? "must have exactly one of create/read/write/append mode"
                         : "Must have exactly one of create/read/write/append mode and at most "
                           "one plus");
        return -1;
    }
    return 0;
}

/* The open(2) flags and the fdopen mode for m. */
static int os_flags(const OpenMode *m, const char **cmode)
{
    int acc = m->plus ? O_RDWR : m->read ? O_RDONLY : O_WRONLY;
    *cmode = m->append ? (m->plus ? "a+" : "a") : m->plus ? "r+" : m->read ? "r" : "w";
    return acc | (m->write ? O_CREAT | O_TRUNC : 0) | (m->create ? O_CREAT | O_EXCL : 0) |
           (m->append ? O_CREAT | O_APPEND : 0) | O_CLOEXEC;
}

/* The binary mode as CPython's FileIO shows it: "xb", "ab", then "rb" for anything readable
 * ("w+b" too), else "wb"; a '+' kept. */
static PrObject *binary_mode_name(const OpenMode *m)
{
    char s[4] = {m->create ? 'x' : m->append ? 'a' : m->read || m->plus ? 'r' : 'w', 'b', 0, 0};
    s[2] = m->plus ? '+' : '\0';
    return pr_str_from_cstr(s);
}

/* Whether encoding (a str) names UTF-8 in one of the spellings Python accepts. */
static int is_utf8_name(PrObject *encoding)
{
    static const char *const names[] = {"utf-8", "utf8", "utf_8", "u8", "utf", NULL};
    for (const char *const *n = names; *n; n++) {
        if (strcasecmp(PR_STR_DATA(encoding), *n) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Opens path (str or bytes) or adopts a descriptor (int) for m. Returns: the stream, or NULL
 * with the OSError. */
static FILE *open_stream(PrObject *file, const OpenMode *m, int closefd)
{
    const char *cmode;
    int flags = os_flags(m, &cmode), fd;
    int64_t given;
    if (PR_LONG_CHECK(file)) {
        if (pr_long_as_int64(file, &given) < 0) {
            return NULL;
        }
        if (given < 0) {
            pr_err_set(PR_EXC(ValueError), "negative file descriptor");
            return NULL;
        }
        fd = closefd ? (int)given : dup((int)given);
    } else {
        const char *path = PR_STR_CHECK(file) ? PR_STR_DATA(file) : PR_BYTES_DATA(file);
        ssize_t n = PR_STR_CHECK(file) ? PR_STR_BYTES(file) : PR_BYTES_SIZE(file);
        if ((ssize_t)strlen(path) != n) {
            pr_err_set(PR_EXC(ValueError), "embedded null byte");
            return NULL;
        }
        fd = open(path, flags, 0666);
    }
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        fd = -1;
        errno = EISDIR;
    }
    FILE *fp = fd < 0 ? NULL : fdopen(fd, cmode);
    if (!fp) {
        int e = errno;
        if (fd >= 0) {
            close(fd);
        }
        pr_err_set_from_errno(e, PR_LONG_CHECK(file) ? NULL : file);
    }
    return fp;
}

/* open()'s parameters, in order. */
enum {
    ARG_FILE,
    ARG_MODE,
    ARG_BUFFERING,
    ARG_ENCODING,
    ARG_ERRORS,
    ARG_NEWLINE,
    ARG_CLOSEFD,
    ARG_OPENER,
    N_OPEN_ARGS
};

static int bind_open_args(PrObject *const *args, size_t nargs, PrObject *kwnames, PrObject **out)
{
    static const char *const names[] = {"file",   "mode",    "buffering", "encoding",
                                        "errors", "newline", "closefd",   "opener"};
    if (pr_strargs_keywords("open", args, nargs, kwnames, names, N_OPEN_ARGS, out) < 0) {
        return -1;
    }
    if (!out[ARG_FILE]) {
        pr_err_set(PR_EXC(TypeError), "open() missing required argument 'file' (pos 1)");
        return -1;
    }
    if (out[ARG_OPENER] && out[ARG_OPENER] != PR_None) {
        pr_err_set(PR_EXC(NotImplementedError), "open(): pyrena does not take an opener yet");
        return -1;
    }
    return 0;
}

/* Checks file's type, then the mode (filling *m), then the encoding, as CPython's open(). */
static int check_open_args(PrObject **a, PrObject *mode, OpenMode *m)
{
    PrObject *file = a[ARG_FILE], *enc = a[ARG_ENCODING];
    if (!PR_STR_CHECK(file) && !PR_BYTES_CHECK(file) && !PR_LONG_CHECK(file)) {
        pr_err_format(PR_EXC(TypeError), "expected str, bytes or os.PathLike object, not %s",
                      PR_TYPE_OF(file)->name);
        return -1;
    }
    if (!PR_STR_CHECK(mode)) {
        pr_err_format(PR_EXC(TypeError), "open() argument 'mode' must be str, not %s",
                      PR_TYPE_OF(mode)->name);
        return -1;
    }
    if (parse_mode(mode, m) < 0) {
        return -1;
    }
    PrObject *buffering = a[ARG_BUFFERING];
    if (buffering && PR_LONG_CHECK(buffering) && pr_long_sign(buffering) == 0 && !m->binary) {
        pr_err_set(PR_EXC(ValueError), "can't have unbuffered text I/O");
        return -1;
    }
    if (enc && enc != PR_None) {
        if (m->binary) {
            pr_err_set(PR_EXC(ValueError), "binary mode doesn't take an encoding argument");
            return -1;
        }
        if (!PR_STR_CHECK(enc)) {
            pr_err_format(PR_EXC(TypeError),
                          "open() argument 'encoding' must be str or None, "
                          "not %s",
                          PR_TYPE_OF(enc)->name);
            return -1;
        }
        if (!is_utf8_name(enc)) {
            pr_err_format(PR_EXC(LookupError),
                          "unknown encoding: %U (pyrena reads and writes "
                          "UTF-8 only)",
                          enc);
            return -1;
        }
    }
    return 0;
}

PrObject *pr_builtin_open(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    PrObject *a[N_OPEN_ARGS] = {NULL};
    OpenMode m;
    PrObject *mode = NULL;
    if (bind_open_args(args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    mode = a[ARG_MODE] ? PR_NEWREF(a[ARG_MODE]) : pr_str_from_cstr("r");
    if (!mode || check_open_args(a, mode, &m) < 0) {
        PR_XDECREF(mode);
        return NULL;
    }
    int closefd = 1;
    if (a[ARG_CLOSEFD] && (closefd = pr_object_is_true(a[ARG_CLOSEFD])) < 0) {
        PR_DECREF(mode);
        return NULL;
    }
    if (!closefd && !PR_LONG_CHECK(a[ARG_FILE])) {
        PR_DECREF(mode);
        return pr_err_set(PR_EXC(ValueError), "Cannot use closefd=False with file name");
    }
    FILE *fp = open_stream(a[ARG_FILE], &m, closefd || !PR_LONG_CHECK(a[ARG_FILE]));
    if (!fp) {
        PR_DECREF(mode);
        return NULL;
    }
    PrType *t = !m.binary ? PR_TYPE(TextIOWrapper)
                : m.plus  ? PR_TYPE(BufferedRandom)
                : m.read  ? PR_TYPE(BufferedReader)
                          : PR_TYPE(BufferedWriter);
    PrObject *enc = a[ARG_ENCODING] && a[ARG_ENCODING] != PR_None ? a[ARG_ENCODING] : NULL;
    if (m.binary) {
        PR_SETREF(mode, binary_mode_name(&m));
    }
    PrObject *f = file_new(t, fp, PR_NEWREF(a[ARG_FILE]), mode,
                           m.binary ? NULL
                           : enc    ? PR_NEWREF(enc)
                                    : pr_str_from_cstr("UTF-8"),
                           1);
    if (f) {
        FILE_OF(f)->readable = (unsigned char)(m.read || m.plus);
        FILE_OF(f)->writable = (unsigned char)(!m.read || m.plus);
    }
    return f;
}

/* ============================================================================================
 *  input()
 * ============================================================================================ */

/* out.name(arg) (arg NULL: no argument), the result dropped. Returns: 0 or -1. */
static int call_method_cstr(PrObject *out, const char *name, PrObject *arg)
{
    PrObject *m = pr_str_intern_cstr(name);
    PrObject *r = m ? pr_object_call_method(out, m, &arg, arg ? 1 : 0) : NULL;
    PR_XDECREF(m);
    PR_XDECREF(r);
    return r ? 0 : -1;
}

/* Writes input()'s prompt to sys.stdout and flushes it: C's stdout unless a program replaced
 * sys.stdout, which then gets write(prompt) and flush(). Returns: 0 or -1. */
static int write_prompt(PrObject *prompt)
{
    PrObject *out = pr_sys_stdout_override_borrow();
    if (out) {
        return (prompt && call_method_cstr(out, "write", prompt) < 0) ||
                       call_method_cstr(out, "flush", NULL) < 0
                   ? -1
                   : 0;
    }
    if (prompt) {
        fwrite(PR_STR_DATA(prompt), 1, (size_t)PR_STR_BYTES(prompt), stdout);
    }
    fflush(stdout);
    return 0;
}

PrObject *pr_builtin_input(PrObject *self, PrObject *const *args, size_t nargs, PrObject *kwnames)
{
    if (pr_strargs_count("input", nargs, 0, 1) < 0) {
        return NULL;
    }
    PrObject *in = pr_file_std_borrow(0);
    if (!in) {
        return NULL;
    }
    fflush(stderr);
    PrObject *prompt = nargs == 1 ? pr_object_str(args[0]) : NULL;
    int r = nargs == 1 && !prompt ? -1 : write_prompt(prompt);
    PR_XDECREF(prompt);
    if (r < 0) {
        return NULL;
    }
    PrObject *line = read_some(FILE_OF(in), -1, 1);
    if (!line) {
        return NULL;
    }
    ssize_t n = PR_STR_BYTES(line);
    if (n == 0) {
        PR_DECREF(line);
        return pr_err_set(PR_EXC(EOFError), "EOF when reading a line");
    }
    if (PR_STR_DATA(line)[n - 1] != '\n') {
        return line;
    }
    PrObject *text = pr_str_from_utf8(PR_STR_DATA(line), n - 1);
    PR_DECREF(line);
    return text;
}
