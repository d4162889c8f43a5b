/* lexer/lexer.h — source bytes to tokens (layer "lexer" of DESIGN.md).
 * Produces INDENT/DEDENT/NEWLINE as CPython's tokenizer does, joins lines inside brackets and
 * after a backslash, skips comments and blank lines, accepts a UTF-8 BOM and a coding line.
 * A STRING token is the whole literal as written (prefix, quotes and body, f-strings included):
 * the parser splits f-strings and calls pr_lexer_decode_string for the literal parts. */
#ifndef PR_LEXER_LEXER_H
#define PR_LEXER_LEXER_H

#include "lexer/syntax_error.h"

#include <stddef.h>

typedef enum PrTokKind {
#define TOKEN(name, text) PR_TOK_##name,
#define OPERATOR(name, text) PR_TOK_##name,
#define KEYWORD(name, text) PR_TOK_##name,
#include "lexer/tokens.def"
#undef TOKEN
#undef OPERATOR
#undef KEYWORD
    PR_TOK__COUNT
} PrTokKind;

typedef struct PrToken {
    PrTokKind kind;
    const char *start; /* into the source buffer; for INDENT/DEDENT/ENDMARKER an empty span */
    size_t len;
    int lineno;        /* 1-based line of the first character */
    int col;           /* 0-based byte column of the first character */
    int end_lineno;
    int end_col;       /* 0-based byte column just past the last character */
} PrToken;

typedef struct PrLexer PrLexer;

/* Starts lexing src[0..len) (need not be NUL-terminated; borrowed, must outlive the lexer and
 * its tokens). filename is borrowed too. Returns: the lexer, or NULL when out of memory. */
PrLexer *pr_lexer_new(const char *src, size_t len, const char *filename);

void pr_lexer_free(PrLexer *lx);

/* Reads the next token into *tok. After ENDMARKER, keeps returning ENDMARKER.
 * Returns: 0, or -1 with the error in *err (SyntaxError, IndentationError or TabError). */
int pr_lexer_next(PrLexer *lx, PrToken *tok, PrSyntaxError *err);

/* Name of a token kind for diagnostics: "NAME", "'('", "'if'". */
const char *pr_token_name(PrTokKind kind);

/* Decodes the body of a string or bytes literal (between the quotes) into out, which must hold
 * at least len bytes (decoding never grows the text). raw: backslashes are literal. is_bytes:
 * only ASCII allowed and \u, \U, \N are not escapes. str output is UTF-8.
 * tok is the literal's token, used to place errors. Returns: bytes written, or -1 with *err set
 * (e.g. "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \xXX escape"). */
long pr_lexer_decode_string(const char *body, size_t len, int raw, int is_bytes, char *out,
                            const PrToken *tok, PrSyntaxError *err);

#endif
