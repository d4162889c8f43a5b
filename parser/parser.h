/* parser/parser.h — source text to an AST (layer "parser" of DESIGN.md), as CPython 3.11's
 * compile(src, filename, mode, ast.PyCF_ONLY_AST) would build it, or the SyntaxError CPython
 * would raise: same message, line, offset and end position. The grammar is Python 3.11's minus
 * async/await and match. Implementation: parser/parser.c (tokens, errors, entry), parse_stmt.c,
 * parse_expr.c, parse_atom.c, parse_target.c, parse_args.c (parameters and call arguments),
 * literal.c, fstring.c; what they share is in parser/parser_impl.h. */
#ifndef PR_PARSER_PARSER_H
#define PR_PARSER_PARSER_H

#include "lexer/syntax_error.h"
#include "parser/arena.h"
#include "parser/ast.h"

#include <stddef.h>

typedef enum PrParseMode {
    PR_PARSE_FILE,   /* 'exec': a module, Module(body) */
    PR_PARSE_SINGLE, /* 'single': one interactive statement, Interactive(body) */
    PR_PARSE_EVAL,   /* 'eval': one expression list, Expression(body). Like compile(), not like
                      * eval(): leading spaces are an "unexpected indent"; the eval builtin
                      * strips them first. */
} PrParseMode;

/* Parses src[0..len) (need not be NUL-terminated). The tree, its strings and identifiers live in
 * arena; the tree may point into src only through error positions, never through nodes, so src
 * may be freed after parsing. filename is borrowed for err->filename.
 *
 * Returns: the tree, or NULL with *err filled. *err is always zeroed first. Error kinds:
 *   - err->kind SyntaxError / IndentationError / TabError with CPython's msg, lineno, offset,
 *     end_lineno, end_offset (offsets 1-based, in characters); err->text is the line: it
 *     points into src, or into the arena for an error inside an f-string expression (CPython
 *     shows "(expr)" there), so it lives as long as both.
 *   - err->incomplete = 1 (any mode) when the input ended inside an open construct: unclosed
 *     bracket, unterminated triple-quoted string, block header without a body, a statement
 *     cut short at the end of the text, backslash at the end. msg is still CPython's normal
 *     message; a REPL asks for another line instead of reporting it (CPython's codeop).
 *   - err->overflow = 1: not a SyntaxError: the input nests too deeply. CPython 3.11 raises
 *     RecursionError("maximum recursion depth exceeded during compilation") from its compiler
 *     for trees deeper than PR_AST_MAX_DEPTH (a few chains of ~3000 operators raise MemoryError
 *     from its parser instead); the VM raises RecursionError with msg.
 *   - err->no_memory = 1: out of memory (MemoryError).
 * Every tree returned is at most PR_AST_MAX_DEPTH deep, so later passes may recurse on it.
 * In 'single' mode the text must hold one statement: empty input is "invalid syntax" as in
 * CPython (a REPL skips blank lines itself, as codeop does), and a complete compound statement
 * is returned as soon as it parses (a REPL waits for a blank line after one by itself).
 *
 * Where pyrena differs (tests/unit/parser_cases hold the proof of the rest):
 *   - async, await, match and except* are refused: "'async' is not supported by pyrena".
 *   - CPython's second pass depends on its memo in ways reproduced only in part: a few inputs
 *     with two errors on one line get the message of the other error (fuzzing: about 0.2% of
 *     random mutations of the test cases; none of the common mistakes).
 *   - 'eval'/'single' text whose last line holds only blanks and no newline: CPython reads an
 *     indentation there ("unexpected indent"), pyrena a blank line.
 *   - NFKC of identifiers composes neighbours but does not reorder several combining marks. */
PrAstMod *pr_parse(const char *src, size_t len, const char *filename, PrParseMode mode,
                   PrArena *arena, PrSyntaxError *err);

#endif
