/* tests/unit/ast_reader.h — builds an AST from a compact text that CPython's `ast` module
 * wrote (tests/unit/gen_scope_cases.py), so passes after the parser (scope analysis) are tested
 * against CPython's own trees, independently of pyrena's parser. Test code only.
 *
 * The text: a node is `(ClassName @lineno,col,end_lineno,end_col field...)` with the position
 * only for nodes that have one and the fields in ast.def order; a list is `[...]`; None is `~`;
 * a string is "..." with \\ \" and \xHH escapes; an int is decimal; expr_context and operators
 * are bare words (Load, Add); a Constant's value is #N #T #F #E, #i123, #f1.5, #c2.0 (imaginary
 * part), #I"123..." (big int digits), #s"..." or #b"...". */
#ifndef PR_TESTS_UNIT_AST_READER_H
#define PR_TESTS_UNIT_AST_READER_H

#include "parser/arena.h"
#include "parser/ast.h"

/* Returns: the tree in arena, or NULL when text is malformed (or out of memory). */
PrAstMod *pr_test_ast_read(const char *text, PrArena *arena);

#endif
