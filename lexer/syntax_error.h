/* lexer/syntax_error.h — a SyntaxError as the front end reports it, before any Python object
 * exists: kind, message, position, and the offending source line. The lexer and the parser fill
 * one in; the CLI prints it in CPython 3.11's layout; the VM will turn it into an exception. */
#ifndef PR_LEXER_SYNTAX_ERROR_H
#define PR_LEXER_SYNTAX_ERROR_H

#include <stddef.h>
#include <stdio.h>

typedef enum PrSyntaxErrorKind {
    PR_SYNERR_SYNTAX,      /* SyntaxError */
    PR_SYNERR_INDENTATION, /* IndentationError */
    PR_SYNERR_TAB,         /* TabError */
} PrSyntaxErrorKind;

typedef struct PrSyntaxError {
    PrSyntaxErrorKind kind;
    char msg[256];        /* e.g. "expected ':'" */
    const char *filename; /* borrowed: lives as long as the source being compiled */
    int lineno;           /* 1-based; 0 when unknown */
    int offset;           /* 1-based column in characters (code points), as SyntaxError.offset */
    int end_lineno;       /* 0 when CPython has none */
    int end_offset;       /* 0 or -1 when CPython has none (its value, which varies by error) */
    const char *text;     /* borrowed: start of the source line (NULL if none), not NUL-ended */
    size_t text_len;      /* length of that line without its newline */
    /* Set by the parser (parser/parser.h says when); the lexer leaves them 0. */
    int incomplete;       /* the input ended inside an open construct: a REPL reads more */
    int overflow;         /* not a SyntaxError: nesting too deep (RecursionError) */
    int no_memory;        /* not a SyntaxError: out of memory (MemoryError) */
} PrSyntaxError;

/* Name of the exception class: "SyntaxError", "IndentationError" or "TabError". */
const char *pr_syntax_error_type_name(PrSyntaxErrorKind kind);

/* Prints err as CPython 3.11 prints an uncaught SyntaxError (without the "Traceback" header,
 * which CPython omits for errors raised while compiling the main script):
 *     File "x.py", line 1
 *       if x
 *           ^
 *   SyntaxError: expected ':'
 */
void pr_syntax_error_print(FILE *out, const PrSyntaxError *err);

#endif
