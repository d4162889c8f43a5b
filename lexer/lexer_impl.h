/* lexer/lexer_impl.h — private to lexer/: the lexer's state, shared by lexer.c (tokens),
 * lexnum.c (numbers and strings) and reader.c (lines, newlines, encoding). Not for other
 * modules: they see PrLexer as an opaque type through lexer/lexer.h. */
#ifndef PR_LEXER_LEXER_IMPL_H
#define PR_LEXER_LEXER_IMPL_H

#include "lexer/lexer.h"

#include <stddef.h>

#define PR_LEX_TABSIZE 8     /* a tab moves to the next multiple of 8, as in CPython */
#define PR_LEX_MAXLEVEL 200  /* brackets open at once (CPython's MAXLEVEL) */
#define PR_LEX_MAXINDENT 100 /* indentation levels (CPython's MAXINDENT) */
#define PR_EOF (-1)          /* what pr_reader_next returns past the end */
#define PR_LEX_ERRC (-2)     /* a scanning helper failed; lx->err is set */

/* How CPython would have produced an error, which decides whether it replaces a parser error
 * found earlier (see pr_lexer_check_rest in lexer/lexer.h). */
typedef enum PrLexErrClass {
    PR_LEXERR_RAISED, /* the tokenizer raised it itself (syntaxerror(), decoding) */
    PR_LEXERR_STATE,  /* the tokenizer only set tok->done; the parser worded it */
    PR_LEXERR_PARSER, /* CPython's tokenizer accepts this; its parser rejects it */
} PrLexErrClass;

struct PrLexer {
    const char *src;
    size_t len;
    const char *filename;

    /* reader (lexer/reader.c) */
    size_t pos;        /* next byte; len + 1 once the virtual final newline was read */
    size_t prev;       /* pos before the last pr_reader_next, for pr_reader_backup */
    size_t end;        /* reading stops here: len, or the start of a line that failed */
    int vnl;           /* the last line has no newline: one is supplied at position len */
    int lineno;        /* line of the last character read (CPython's tok->lineno) */
    size_t line_start; /* where that line starts */
    size_t line_next;  /* where the line after it starts (len + 1 past the virtual newline) */
    size_t buf_start;  /* CPython's tok->buf: first line of the current run of joined lines */
    int in_token;      /* a token has started (CPython's tok->start != NULL) */
    int coding_state;  /* 0: lines 1-2 may still declare an encoding; 1: no longer */
    int has_bom;
    int read_failed; /* a line could not be read; read_err says why */
    PrSyntaxError read_err;

    /* tokenizer (lexer/lexer.c) */
    int atbol;
    int at_eof;
    int ended; /* ENDMARKER was returned */
    int pendin;
    int indent;
    int indstack[PR_LEX_MAXINDENT];
    int altindstack[PR_LEX_MAXINDENT];
    int level;
    char paren[PR_LEX_MAXLEVEL];
    int paren_lineno[PR_LEX_MAXLEVEL];
    size_t paren_line_start[PR_LEX_MAXLEVEL];
    size_t paren_col[PR_LEX_MAXLEVEL];
    size_t tok_start; /* current token: first byte, its line and that line's start */
    int tok_lineno;
    size_t tok_line_start;

    int failed;
    PrLexErrClass err_class;
    PrSyntaxError err;
};

/* reader.c */
void pr_reader_init(PrLexer *lx);
/* Next character with newlines normalized ("\r\n" and "\r" read as '\n'; a missing final
 * newline is supplied), or PR_EOF. Entering a new line validates it first. */
int pr_reader_next(PrLexer *lx);
/* Steps back over the last character read (nothing after PR_EOF). */
void pr_reader_backup(PrLexer *lx);
/* The byte at position i of the source, or PR_EOF past the end: a raw peek within a line. */
int pr_reader_byte(const PrLexer *lx, size_t i);
/* Where the line starting at line_start ends (its newline, a NUL, or the end of the source). */
size_t pr_reader_line_end(const PrLexer *lx, size_t line_start);

/* lexer.c, for lexnum.c */
int pr_lex_error(PrLexer *lx, PrLexErrClass cls, PrSyntaxErrorKind kind, int lineno,
                 size_t line_start, int offset, int end_offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;
int pr_lex_syntax_error(PrLexer *lx, const char *msg);
int pr_lex_chars(const PrLexer *lx, size_t from, size_t to);
int pr_lex_make(PrLexer *lx, PrToken *tok, PrTokKind kind, size_t start, size_t end);

/* lexnum.c: c is the first character (a digit, or '.' already followed by a digit). */
int pr_lex_number(PrLexer *lx, PrToken *tok, int c);
/* lexnum.c: c is the opening quote; the token began at lx->tok_start (prefix included). */
int pr_lex_string(PrLexer *lx, PrToken *tok, int quote);

#endif
