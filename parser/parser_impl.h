/* parser/parser_impl.h — what the parser's phases share (parser.c, parse_stmt.c, parse_expr.c,
 * parse_atom.c, parse_target.c, parse_args.c, literal.c, fstring.c); not part of the public
 * surface (see parser/parser.h).
 *
 * The parser is recursive descent over a token buffer filled lazily from the lexer, as
 * CPython's pegen fills its own: how far the buffer got ("the last token fetched") is where
 * CPython places its generic errors, so the parser never looks further ahead than it needs.
 * Every parse function returns NULL (or -1) on failure with the first error recorded in the
 * parser; callers propagate it without reporting anything else. */
#ifndef PR_PARSER_PARSER_IMPL_H
#define PR_PARSER_PARSER_IMPL_H

#include "lexer/lexer.h"
#include "parser/parser.h"

#include <stdarg.h>
#include <stddef.h>

/* The kind of the token standing where the lexer failed. */
#define PR_TOK_ERROR PR_TOK__COUNT

/* Deepest recursion of parse functions before giving up (CPython's parser stops at 6000). */
#define PR_PARSE_MAX_LEVEL 6000

#define PR_TOK_CHUNK 256 /* tokens per chunk of the token buffer */

/* A growable array of pointers in raw memory, copied into the arena when finished. */
typedef struct PrVec {
    void **items;
    size_t len;
    size_t cap;
} PrVec;

typedef struct PrParser PrParser;

struct PrParser {
    PrArena *arena;
    const char *src; /* the text being tokenized (for an f-string expression: "(expr)") */
    size_t len;
    const char *filename;
    PrParseMode mode;
    PrLexer *lx;
    /* Tokens fetched so far, in chunks that never move (parse functions keep pointers to
     * tokens across further fetching); token ntoks - 1 is "the last token fetched". */
    PrToken **chunks;
    size_t nchunks;
    size_t ntoks;
    size_t pos;            /* next token to consume */
    int lex_failed;        /* the lexer failed after toks[ntoks - 1] */
    int lex_fatal;         /* ... while speculating, with an error CPython would raise there */
    PrSyntaxError lex_err; /* ... with this error */
    PrSyntaxError *err;    /* where the first error goes */
    int failed;
    int level;             /* recursion depth, see PR_PARSE_MAX_LEVEL */
    size_t fill;           /* tokens looked at outside speculation: CPython's first-pass reach */
    int speculating;       /* > 0 while trying a parse that will be undone (pr_parser_mark) */
    int no_invalid;        /* > 0: skip the checks for specific errors (CPython's first pass) */
    int nest;              /* brackets open around the current position */
    PrAstExpr *bare_tuple; /* the last Tuple built from a comma list without brackets */
    int after_success;     /* the error follows a complete parse (no look at the rest) */
    int dict_key;          /* the next expression is a dict key after the first item */
    /* Where a memoized rule (PrMemoRule) was parsed with the error rules off inside
     * expression_without_invalid: CPython keeps those results, and a later parse of the rule at
     * the same position gets them back, error rules or not (see pr_parser_memo_begin). */
    PrVec memo_plain;
    int memo_recording; /* > 0 inside expression_without_invalid: 1 + the rules nested in it */
    /* f-string expressions are parsed by a sub-parser over "(expr)": its tokens are moved to
     * their place in the real source: line += line_base, and on its first line col += col_base
     * (CPython 3.11 does the same). Its errors say "f-string: ..." and keep positions relative
     * to "(expr)", with that text as the error line, as CPython 3.11's do. */
    int fstring;
    int line_base;
    int col_base;
    PrParser *outer; /* the parser whose STRING token holds this f-string */
};

/* ---- tokens (parser.c) ---- */

/* Returns: the token k places after the next one (k = 0: the next), fetching as needed; a
 * token of kind PR_TOK_ERROR stands where the lexer failed (its error is kept, and reported if
 * the parser cannot do without the token). Never NULL. */
const PrToken *pr_parser_peek(PrParser *p, size_t k);

/* Returns: whether the next token has kind `kind`. */
int pr_parser_check(PrParser *p, PrTokKind kind);

/* Consumes the next token. Returns: it. */
const PrToken *pr_parser_next(PrParser *p);

/* Consumes the next token when it has kind `kind`. Returns: it, or NULL (no error set). */
const PrToken *pr_parser_accept(PrParser *p, PrTokKind kind);

/* The last token consumed (for end positions). */
const PrToken *pr_parser_prev(PrParser *p);

/* The token at absolute index i (i < p->ntoks); the pointer stays valid while parsing. */
const PrToken *pr_parser_tok(PrParser *p, size_t i);

/* Whether t is one of the tokens the lexer gives at the end of the input (ENDMARKER, final
 * DEDENTs, the NEWLINE supplied for a last line without one). */
int pr_parser_at_end(PrParser *p, const PrToken *t);

/* Whether the next token is the NAME `word` (soft keywords). */
int pr_parser_check_name(PrParser *p, size_t k, const char *word);

/* Speculation: a lookahead of CPython's second pass (its invalid_* rules), which does not move
 * the first pass's reach. A specific error reported during the lookahead stands, as a raised
 * error stops CPython's parser; so does a tokenizer error met on the way. */
typedef struct PrMark {
    size_t pos;
    int level;
    int nest;
} PrMark;
PrMark pr_parser_mark(PrParser *p);
/* Ends a lookahead: back to m. Returns: 0, or -1 when an error stands (the parse must stop). */
int pr_parser_reset(PrParser *p, PrMark m);
/* Ends a lookahead that only asked whether something parses: back to m, its errors forgotten
 * (but not a tokenizer error). */
void pr_parser_forget(PrParser *p, PrMark m);

/* CPython's memo, as far as it changes error messages: two of its memoized rules. */
typedef enum PrMemoRule { PR_MEMO_EXPRESSION, PR_MEMO_ARGUMENTS } PrMemoRule;

/* Brackets a memoized rule's parse. Returns: 1 when the rule must run with the error rules
 * off (its memo from expression_without_invalid stands); pass that to pr_parser_memo_end. */
int pr_parser_memo_begin(PrParser *p, PrMemoRule rule);
void pr_parser_memo_end(PrParser *p, int plain);

/* Enters / leaves a recursive parse function. enter returns -1 (error set) when too deep. */
int pr_parser_enter(PrParser *p);
void pr_parser_leave(PrParser *p);

/* ---- errors (parser.c); all return NULL so a parse function can `return pr_parser_...` ---- */

/* At the given 0-based byte columns (end_col -1: none), as CPython's RAISE_ERROR_KNOWN_LOCATION. */
void *pr_parser_error_at(PrParser *p, PrSyntaxErrorKind kind, int lineno, int col, int end_lineno,
                         int end_col, const char *fmt, ...);

/* At a node's span (RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a)). */
void *pr_parser_error_node(PrParser *p, const PrAstExpr *e, const char *fmt, ...);

/* From a's start to b's end (RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b)). */
void *pr_parser_error_range(PrParser *p, const PrAstExpr *a, const PrAstExpr *b, const char *fmt,
                            ...);

/* At a token (RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token)). */
void *pr_parser_error_token(PrParser *p, const PrToken *t, const char *fmt, ...);

/* At the last token fetched (RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR). */
void *pr_parser_error_last(PrParser *p, PrSyntaxErrorKind kind, const char *fmt, ...);

/* CPython's generic failure: "invalid syntax" at the last token fetched, "unexpected indent"
 * on an INDENT, the lexer's error when it stands there. */
void *pr_parser_fail(PrParser *p);

/* A failure of pr_lexer_decode_string, placed as CPython places it: on the literal for non-ASCII
 * bytes, otherwise at the last token read. */
void pr_parser_decode_error(PrParser *p, const PrSyntaxError *e, const PrToken *literal);

/* Out of memory. */
void *pr_parser_no_memory(PrParser *p);

/* ---- arena helpers (parser.c) ---- */

int pr_vec_push(PrParser *p, PrVec *v, void *item); /* 0, or -1 out of memory (error set) */
void pr_vec_free(PrVec *v);
/* Copies v into the arena as a sequence {len, items} and frees v. Returns: 0 or -1. */
int pr_vec_finish(PrParser *p, PrVec *v, size_t *len, void *items_out);

/* Node constructors spanning tokens [start, p->pos) (CPython's EXTRA: the end is the last token
 * consumed that is not NEWLINE/INDENT/DEDENT). */
PrAstExpr *pr_parser_expr(PrParser *p, PrAstExprKind kind, size_t start);
PrAstStmt *pr_parser_stmt(PrParser *p, PrAstStmtKind kind, size_t start);
/* An identifier in the arena: the NAME token's text, NFKC-normalized when it is not ASCII (as
 * CPython does), or the same for s[0..len). Returns: NULL when out of memory (error set). */
char *pr_parser_ident(PrParser *p, const PrToken *t);
char *pr_parser_ident_text(PrParser *p, const char *s, size_t len);

/* ---- expressions (parse_expr.c, parse_atom.c, parse_target.c) ---- */

/* Node helpers: a Name of token t; a Starred spanning [start, p->pos); a Tuple, List or Set
 * of the elements in v (consumed, even on failure). Return NULL when out of memory. */
PrAstExpr *pr_parser_new_name(PrParser *p, const PrToken *t, PrAstExprContext ctx);
PrAstExpr *pr_parser_new_starred(PrParser *p, PrAstExpr *value, size_t start);
PrAstExpr *pr_parser_new_elts(PrParser *p, PrAstExprKind kind, PrVec *v, size_t start);

/* async and await are outside pyrena's language: "'await' is not supported by pyrena". */
void *pr_parser_unsupported(PrParser *p, const PrToken *t);

PrAstExpr *pr_parse_atom(PrParser *p); /* atom: name, literal, display, (...) */

PrAstExpr *pr_parse_expression(PrParser *p);       /* expression (ternary, lambda) */
PrAstExpr *pr_parse_named_expression(PrParser *p); /* named_expression (NAME := ...) */
PrAstExpr *pr_parse_star_expressions(PrParser *p); /* a, *b, c  (tuple when comma) */
PrAstExpr *pr_parse_expressions(PrParser *p);      /* a, b, c   (no starred; tuple) */
PrAstExpr *pr_parse_star_named_expression(PrParser *p);
PrAstExpr *pr_parse_disjunction(PrParser *p);
PrAstExpr *pr_parse_bitwise_or(PrParser *p);
PrAstExpr *pr_parse_primary(PrParser *p); /* atom with its .name, (args), [slices] */
PrAstExpr *pr_parse_yield_expr(PrParser *p);
PrAstExpr *pr_parse_star_expression(PrParser *p); /* '*' bitwise_or | expression */
/* for_if_clauses of a comprehension. Returns: 0 or -1. */
int pr_parse_comprehensions(PrParser *p, PrAstComprehensionSeq *out);
/* Whether a token can start an expression (CPython's expression rule). */
int pr_parser_starts_expression(PrTokKind kind);
/* CPython's invalid_named_expression for an expression e that began at token `start` and is
 * followed by '=': reports "Maybe you meant '==' ..." when the rule matches. Returns: -1 when an
 * error was reported, 0 otherwise. */
int pr_parser_check_named_eq(PrParser *p, size_t start, PrAstExpr *e);
/* The star_targets of for / comprehensions: parsed up to (not including) 'in'. */
PrAstExpr *pr_parse_star_targets(PrParser *p);
/* One star_target: '*'? target (an atom and its trailers). Returns: it, or NULL (no error). */
PrAstExpr *pr_parse_star_target(PrParser *p);

/* Which kind of target a check is for (CPython's TARGETS_TYPE). */
typedef enum PrTargets { PR_TARGETS_STAR, PR_TARGETS_DEL, PR_TARGETS_FOR } PrTargets;

/* Sets ctx on a target expression (Store or Del) and its elements, or reports CPython's error
 * ("cannot assign to literal", "cannot delete function call", ...). Returns: 0 or -1. */
int pr_parser_set_context(PrParser *p, PrAstExpr *e, PrAstExprContext ctx, PrTargets type);

/* CPython's invalid_for_target, when a for's targets are not followed by 'in': the targets,
 * from token `start`, parsed again as star_expressions; "cannot assign to ..." if that finds
 * an invalid target. Returns: -1 when an error was reported, else 0. */
int pr_parser_check_for_target(PrParser *p, size_t start);

/* CPython's _PyPegen_get_expr_name: "function call", "literal", ... */
const char *pr_parser_expr_name(const PrAstExpr *e);

/* ---- parameters and call arguments (parse_args.c) ---- */

/* Parameters of def (inside the parentheses; stops before ')') or of lambda (stops before
 * ':'). Returns: the arguments node, or NULL with the error set. */
struct PrAstArguments *pr_parse_parameters(PrParser *p, int is_lambda);

/* Call arguments after '(' up to and including ')'. Returns: 0 or -1. */
int pr_parse_call_arguments(PrParser *p, PrAstExprSeq *args, PrAstKeywordSeq *keywords);

/* ---- literals (literal.c, fstring.c) ---- */

/* NUMBER token to a Constant. */
PrAstExpr *pr_parse_number(PrParser *p);

/* STRING+ to a Constant or JoinedStr (adjacent literals concatenated, f-strings split). */
PrAstExpr *pr_parse_strings(PrParser *p);

/* Adjacent string literals being joined (CPython's FstringParser): literal text waiting to
 * become a Constant, and the JoinedStr pieces so far. Pieces take the position of the whole run
 * of tokens [first, last], as in CPython 3.11. */
typedef struct PrStrState {
    char *text; /* pending literal text, raw memory */
    size_t len;
    size_t cap;
    PrVec values;
    int fmode;  /* an f-string was seen: the result is a JoinedStr */
    int kind_u; /* the first token starts with 'u': Constants get kind 'u' */
    size_t first, last;
} PrStrState;

/* Appends decoded text to st. Returns: 0 or -1. */
int pr_str_append(PrParser *p, PrStrState *st, const char *s, size_t n);

/* Turns pending text into a Constant piece. Returns: 0 or -1. */
int pr_str_flush(PrParser *p, PrStrState *st);

/* Splits the body (between the quotes) of the f-string token at index t_index into st.
 * Returns: 0 or -1. */
int pr_fstring_parse(PrParser *p, PrStrState *st, size_t t_index, const char *body, size_t len,
                     int raw);

/* ---- statements (parse_stmt.c) ---- */

/* The statements of a file up to ENDMARKER. Returns: 0 or -1. */
int pr_parse_file_body(PrParser *p, PrAstStmtSeq *body);

/* One interactive statement (single mode). Returns: 0 or -1. */
int pr_parse_interactive(PrParser *p, PrAstStmtSeq *body);

/* ---- the f-string sub-parser (parser.c) ---- */

/* Parses text[0..len) ("(" expr ")") as an f-string's expression, in outer's arena, with
 * positions moved as described above. Returns: the expression, or NULL with outer's error set. */
PrAstExpr *pr_parser_parse_fstring_expr(PrParser *outer, const char *text, size_t len,
                                        int line_base, int col_base);

#endif
