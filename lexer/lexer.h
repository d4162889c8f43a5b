/* lexer/lexer.h — source bytes to tokens (layer "lexer" of DESIGN.md).
 * Produces INDENT/DEDENT/NEWLINE as CPython's tokenizer does, joins lines inside brackets and
 * after a backslash, skips comments and blank lines, accepts a UTF-8 BOM and a coding line.
 * A STRING token is the whole literal as written (prefix, quotes and body, f-strings included):
 * the parser splits f-strings and calls pr_lexer_decode_string for the literal parts. */
/*
 * Positions follow CPython 3.11's C tokenizer (not the `tokenize` module, which also emits
 * NL and COMMENT): NEWLINE ends where the newline starts and is empty, except that it spans a
 * comment just before it; the NEWLINE supplied for a last line without one sits at its end.
 * INDENT and DEDENT (no column in CPython) sit where the first token of their line starts;
 * DEDENTs at the end of input and ENDMARKER sit at column 0 of the last line.
 *
 * Errors the lexer reports, with CPython's message, type, line and columns:
 *   unterminated string literal (detected at line N)
 *   unterminated triple-quoted string literal (detected at line N)
 *   '(' was never closed                  (at end of input; CPython's parser words it)
 *   unmatched ')'
 *   closing parenthesis ']' does not match opening parenthesis '(' [on line N]
 *   too many nested parentheses           (more than 200 open)
 *   invalid decimal|hexadecimal|octal|binary|imaginary literal
 *   invalid digit '8' in octal literal, invalid digit '2' in binary literal
 *   leading zeros in decimal integer literals are not permitted; use an 0o prefix ...
 *   invalid character '€' (U+20AC), invalid non-printable character U+00A0
 *   unexpected character after line continuation character
 *   unexpected EOF while parsing          (a backslash at the end of the input)
 *   unindent does not match any outer indentation level   (IndentationError)
 *   too many levels of indentation        (IndentationError, more than 99 levels)
 *   inconsistent use of tabs and spaces in indentation    (TabError)
 *   invalid syntax                        for $ ? ` a lone ! and <> (CPython: its parser)
 *   source code cannot contain null bytes
 *   Non-UTF-8 code starting with '\xff' in file F on line N, but no encoding declared; ...
 *   encoding problem: NAME [with BOM]     (pyrena reads UTF-8 only, whatever is declared)
 * Offsets are 1-based characters, as the header of syntax_error.h says. (CPython 3.11 itself
 * reports some of these in bytes when a file has no coding line; only lines holding non-ASCII
 * text before the error can tell the difference.)
 *
 * Left to the parser, because only it knows what it expected (CPython's wording in quotes):
 *   "unexpected indent"   an INDENT it did not expect: lineno = INDENT's line,
 *                         offset = INDENT's col (sic: CPython's cursor, not col + 1),
 *                         end_offset = -1, IndentationError;
 *   "unexpected unindent" likewise for a DEDENT (offset 0 when at the end of input);
 *   "invalid syntax" at ENDMARKER: CPython says (last line, offset 0, end_offset 0);
 *   "expected an indented block after 'if' statement on line N" and the like;
 *   "invalid syntax" and all the other grammar errors, at the token where parsing failed;
 *   the errors of decoding a literal (pr_lexer_decode_string), which CPython places at the
 *   token its parser read last (usually the one after the literal), and f-string errors;
 *   NFKC normalization of non-ASCII names (the NAME token is the text as written);
 *   soft keywords: match, case and _ are NAME tokens.
 * After a parser error, CPython keeps tokenizing to the end of the input and lets certain
 * tokenizer errors win: pr_lexer_check_rest does exactly that.
 */
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

/* The lexer reports each failure of decoding (bytes with non-ASCII characters, truncated \x,
 * \u, \U escapes, out-of-range \U, malformed \N) with CPython's text; \N{NAME} is refused
 * ("\N{...} escapes are not supported by pyrena"), invalid escapes like \d are kept as written,
 * "\r\n" and "\r" read as "\n". *err is placed on tok, but its filename is NULL and its text
 * may stop at the token's end: finish it with pr_lexer_locate_error (CPython places decoding
 * errors at the token the parser read last, and the bytes/ASCII error on the literal). */

/* Places err from the start of `first` to the end of `last` (the same token for one) as
 * CPython's parser places its errors: lineno and offset from first, end_lineno and end_offset
 * from last (1-based characters), text = first's whole source line, filename = the lexer's.
 * Leaves kind and msg alone. The tokens must come from lx. */
void pr_lexer_locate_error(const PrLexer *lx, const PrToken *first, const PrToken *last,
                           PrSyntaxError *err);

/* What CPython does after its parser fails with a SyntaxError or IndentationError of its own
 * (but not after "unexpected indent" or "unexpected unindent"): reads the rest of the input and
 * replaces *err when the tokenizer raises an error of its own there (an unterminated string, a
 * bad number, a mismatched bracket, bad UTF-8...), or when it stops inside a bracket opened on a
 * line before err_lineno ("'(' was never closed"). Errors CPython's tokenizer only signals
 * (backslash, indentation, end of input) leave *err alone, and $ ? ! are read past.
 * err_lineno: the line of CPython's p->known_err_token if the parser's error has one, else of
 * the last token the parser fetched (its lookahead, not necessarily where it failed).
 * Returns: 1 if *err was replaced, 0 if not. The lexer is finished afterwards. */
int pr_lexer_check_rest(PrLexer *lx, PrSyntaxError *err, int err_lineno);

#endif
