/* stdlib/fileio.h — file objects (open(), sys.stdin/stdout/stderr) on C's stdio streams, so
 * print() and sys.stdout.write() share one buffer and keep their order. Text files are UTF-8
 * only (encoding= must name UTF-8); reading translates "\r\n" and "\r" to "\n" (newline=None),
 * writing translates nothing (newline= is accepted and ignored). The types are named as
 * CPython's (_io.TextIOWrapper, _io.BufferedReader, _io.BufferedWriter, _io.BufferedRandom). */
#ifndef PR_STDLIB_FILEIO_H
#define PR_STDLIB_FILEIO_H

#include "vm/interp.h"

/* The file object of standard stream fd (0 stdin, 1 stdout, 2 stderr), made on first use and
 * kept in pr_interp.sys.std. Returns: borrowed, or NULL with MemoryError. */
PrObject *pr_file_std_borrow(int fd);

/* Releases the standard streams' file objects (interpreter shutdown). */
void pr_file_fini(void);

/* The builtins open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
 * closefd=True) and input([prompt]), in the builtins' C signature. */
PrObject *pr_builtin_open(PrObject *self, PrObject *const *args, size_t nargs,
                          PrObject *kwnames);
PrObject *pr_builtin_input(PrObject *self, PrObject *const *args, size_t nargs,
                           PrObject *kwnames);

extern const PrType pr_text_file_spec;
extern const PrType pr_buffered_reader_spec;
extern const PrType pr_buffered_writer_spec;
extern const PrType pr_buffered_random_spec;

#endif
