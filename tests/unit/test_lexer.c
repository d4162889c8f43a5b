/* tests/unit/test_lexer.c — the lexer against CPython 3.11: token streams (as its C tokenizer
 * makes them), every tokenizer error with its message, type, line and columns, string decoding,
 * and the printed form of a SyntaxError. The expected data was produced by python3 3.11 with
 * /tmp scripts built on tools/lexer_oracle.py, never by this lexer. */
#include "lexer/lexer.h"
#include "memory/raw.h"
#include "tests/unit/suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- helpers */

/* An exact-size heap copy of the source, so that reading past its end trips ASan. */
static char *copy_src(const char *src, size_t len)
{
    char *p = malloc(len ? len : 1);
    ck_assert_ptr_nonnull(p);
    memcpy(p, src, len);
    return p;
}

/* Renders every token as "KIND line:col-line:col text", joined by '|' (the generator's form). */
static char *render_tokens(const char *src, size_t len, PrSyntaxError *err, int *failed)
{
    size_t cap = 256 + len * 32, n = 0;
    char *out = malloc(cap);
    char *copy = copy_src(src, len);
    PrLexer *lx = pr_lexer_new(copy, len, "t.py");
    PrToken t;
    ck_assert_ptr_nonnull(out);
    ck_assert_ptr_nonnull(lx);
    out[0] = '\0';
    *failed = 0;
    for (int guard = 0; guard < 100000; guard++) {
        if (pr_lexer_next(lx, &t, err) < 0) {
            *failed = 1;
            break;
        }
        int w =
            snprintf(out + n, cap - n, "%s%s %d:%d-%d:%d %.*s", n ? "|" : "", pr_token_name(t.kind),
                     t.lineno, t.col, t.end_lineno, t.end_col, (int)t.len, t.start);
        ck_assert_int_lt(w, (int)(cap - n));
        n += (size_t)w;
        if (t.kind == PR_TOK_ENDMARKER) {
            break;
        }
    }
    pr_lexer_free(lx);
    free(copy);
    return out;
}

typedef struct {
    const char *src;
    const char *tokens;
} TokenCase;

typedef struct {
    const char *src;
    const char *type;
    const char *msg;
    int lineno, offset, end_lineno, end_offset;
} ErrorCase;

typedef struct {
    const char *src;
    const char *type;
    const char *msg;
    int lineno, offset, end_lineno, end_offset;
    const char *printed;
} PrintCase;

/* ---------------------------------------------------------------- token streams */

static const TokenCase token_cases[] = {
    {"x = 1\n",
     "NAME 1:0-1:1 x|'=' 1:2-1:3 =|NUMBER 1:4-1:5 1|NEWLINE 1:5-1:5 |ENDMARKER 1:0-1:0 "},
    {"x = 1", "NAME 1:0-1:1 x|'=' 1:2-1:3 =|NUMBER 1:4-1:5 1|NEWLINE 1:5-1:5 |ENDMARKER 1:0-1:0 "},
    {"", "ENDMARKER 1:0-1:0 "},
    {"\n\n# only a comment\n", "ENDMARKER 3:0-3:0 "},
    {"if x:\n    y = 1.5e3 + 0x_ff # c\n    z = \"a\\\"b\"\nw = (1,\n  2) # x\n",
     "'if' 1:0-1:2 if|NAME 1:3-1:4 x|':' 1:4-1:5 :|NEWLINE 1:5-1:5 |INDENT 2:4-2:4 |NAME 2:4-2:5 "
     "y|'=' 2:6-2:7 =|NUMBER 2:8-2:13 1.5e3|'+' 2:14-2:15 +|NUMBER 2:16-2:21 0x_ff|NEWLINE "
     "2:22-2:25 # c|NAME 3:4-3:5 z|'=' 3:6-3:7 =|STRING 3:8-3:14 \"a\\\"b\"|NEWLINE 3:14-3:14 "
     "|DEDENT 4:0-4:0 |NAME 4:0-4:1 w|'=' 4:2-4:3 =|'(' 4:4-4:5 (|NUMBER 4:5-4:6 1|',' 4:6-4:7 "
     ",|NUMBER 5:2-5:3 2|')' 5:3-5:4 )|NEWLINE 5:5-5:8 # x|ENDMARKER 5:0-5:0 "},
    {"def f(a, *b, **c) -> None:\n\treturn a @ b // c ** 2\n",
     "'def' 1:0-1:3 def|NAME 1:4-1:5 f|'(' 1:5-1:6 (|NAME 1:6-1:7 a|',' 1:7-1:8 ,|'*' 1:9-1:10 "
     "*|NAME 1:10-1:11 b|',' 1:11-1:12 ,|'**' 1:13-1:15 **|NAME 1:15-1:16 c|')' 1:16-1:17 )|'->' "
     "1:18-1:20 ->|'None' 1:21-1:25 None|':' 1:25-1:26 :|NEWLINE 1:26-1:26 |INDENT 2:1-2:1 "
     "|'return' 2:1-2:7 return|NAME 2:8-2:9 a|'@' 2:10-2:11 @|NAME 2:12-2:13 b|'//' 2:14-2:16 "
     "//|NAME 2:17-2:18 c|'**' 2:19-2:21 **|NUMBER 2:22-2:23 2|NEWLINE 2:23-2:23 |DEDENT 2:0-2:0 "
     "|ENDMARKER 2:0-2:0 "},
    {"a <<= b >>= c **= d //= e\na != b <= c >= d == e\nx := y; z -> w\n",
     "NAME 1:0-1:1 a|'<<=' 1:2-1:5 <<=|NAME 1:6-1:7 b|'>>=' 1:8-1:11 >>=|NAME 1:12-1:13 c|'**=' "
     "1:14-1:17 **=|NAME 1:18-1:19 d|'//=' 1:20-1:23 //=|NAME 1:24-1:25 e|NEWLINE 1:25-1:25 |NAME "
     "2:0-2:1 a|'!=' 2:2-2:4 !=|NAME 2:5-2:6 b|'<=' 2:7-2:9 <=|NAME 2:10-2:11 c|'>=' 2:12-2:14 "
     ">=|NAME 2:15-2:16 d|'==' 2:17-2:19 ==|NAME 2:20-2:21 e|NEWLINE 2:21-2:21 |NAME 3:0-3:1 "
     "x|':=' 3:2-3:4 :=|NAME 3:5-3:6 y|';' 3:6-3:7 ;|NAME 3:8-3:9 z|'->' 3:10-3:12 ->|NAME "
     "3:13-3:14 w|NEWLINE 3:14-3:14 |ENDMARKER 3:0-3:0 "},
    {"x = ... . ..\n", "NAME 1:0-1:1 x|'=' 1:2-1:3 =|'...' 1:4-1:7 ...|'.' 1:8-1:9 .|'.' 1:10-1:11 "
                       ".|'.' 1:11-1:12 .|NEWLINE 1:12-1:12 |ENDMARKER 1:0-1:0 "},
    {"x = [1, 2., .5, 1e-3j, 0o17, 0b1_0, 0XfF, 1_000.000_1E+1_0J, 00, 0_0, 09.5, 0e1, 0j]\n",
     "NAME 1:0-1:1 x|'=' 1:2-1:3 =|'[' 1:4-1:5 [|NUMBER 1:5-1:6 1|',' 1:6-1:7 ,|NUMBER 1:8-1:10 "
     "2.|',' 1:10-1:11 ,|NUMBER 1:12-1:14 .5|',' 1:14-1:15 ,|NUMBER 1:16-1:21 1e-3j|',' 1:21-1:22 "
     ",|NUMBER 1:23-1:27 0o17|',' 1:27-1:28 ,|NUMBER 1:29-1:34 0b1_0|',' 1:34-1:35 ,|NUMBER "
     "1:36-1:40 0XfF|',' 1:40-1:41 ,|NUMBER 1:42-1:59 1_000.000_1E+1_0J|',' 1:59-1:60 ,|NUMBER "
     "1:61-1:63 00|',' 1:63-1:64 ,|NUMBER 1:65-1:68 0_0|',' 1:68-1:69 ,|NUMBER 1:70-1:74 09.5|',' "
     "1:74-1:75 ,|NUMBER 1:76-1:79 0e1|',' 1:79-1:80 ,|NUMBER 1:81-1:83 0j|']' 1:83-1:84 ]|NEWLINE "
     "1:84-1:84 |ENDMARKER 1:0-1:0 "},
    {"1if x else 2\n", "NUMBER 1:0-1:1 1|'if' 1:1-1:3 if|NAME 1:4-1:5 x|'else' 1:6-1:10 "
                       "else|NUMBER 1:11-1:12 2|NEWLINE 1:12-1:12 |ENDMARKER 1:0-1:0 "},
    {"x = r\"\\d\" + b'\\x00' + Rb\"\" + bR\"\" + f\"{x!r:>10}\" + rf\"{y}\" + FR\"\" + u\"u\" + "
     "U\"\"\n",
     "NAME 1:0-1:1 x|'=' 1:2-1:3 =|STRING 1:4-1:9 r\"\\d\"|'+' 1:10-1:11 +|STRING 1:12-1:19 "
     "b'\\x00'|'+' 1:20-1:21 +|STRING 1:22-1:26 Rb\"\"|'+' 1:27-1:28 +|STRING 1:29-1:33 bR\"\"|'+' "
     "1:34-1:35 +|STRING 1:36-1:48 f\"{x!r:>10}\"|'+' 1:49-1:50 +|STRING 1:51-1:58 rf\"{y}\"|'+' "
     "1:59-1:60 +|STRING 1:61-1:65 FR\"\"|'+' 1:66-1:67 +|STRING 1:68-1:72 u\"u\"|'+' 1:73-1:74 "
     "+|STRING 1:75-1:78 U\"\"|NEWLINE 1:78-1:78 |ENDMARKER 1:0-1:0 "},
    {"x = \"\"\"a\nb\"\"\" + '''c\n'''\n",
     "NAME 1:0-1:1 x|'=' 1:2-1:3 =|STRING 1:4-2:4 \"\"\"a\nb\"\"\"|'+' 2:5-2:6 +|STRING 2:7-3:3 "
     "'''c\n'''|NEWLINE 3:3-3:3 |ENDMARKER 3:0-3:0 "},
    {"x = \"abc\\\ndef\"\n", "NAME 1:0-1:1 x|'=' 1:2-1:3 =|STRING 1:4-2:4 \"abc\\\ndef\"|NEWLINE "
                             "2:4-2:4 |ENDMARKER 2:0-2:0 "},
    {"if a:\n  if b:\n    c\n  d\ne\n",
     "'if' 1:0-1:2 if|NAME 1:3-1:4 a|':' 1:4-1:5 :|NEWLINE 1:5-1:5 |INDENT 2:2-2:2 |'if' 2:2-2:4 "
     "if|NAME 2:5-2:6 b|':' 2:6-2:7 :|NEWLINE 2:7-2:7 |INDENT 3:4-3:4 |NAME 3:4-3:5 c|NEWLINE "
     "3:5-3:5 |DEDENT 4:2-4:2 |NAME 4:2-4:3 d|NEWLINE 4:3-4:3 |DEDENT 5:0-5:0 |NAME 5:0-5:1 "
     "e|NEWLINE 5:1-5:1 |ENDMARKER 5:0-5:0 "},
    {"if a:\n    b\n\n    # comment at another indent\n        \n    c\n",
     "'if' 1:0-1:2 if|NAME 1:3-1:4 a|':' 1:4-1:5 :|NEWLINE 1:5-1:5 |INDENT 2:4-2:4 |NAME 2:4-2:5 "
     "b|NEWLINE 2:5-2:5 |NAME 6:4-6:5 c|NEWLINE 6:5-6:5 |DEDENT 6:0-6:0 |ENDMARKER 6:0-6:0 "},
    {"x = 1 \\\n  + 2\n", "NAME 1:0-1:1 x|'=' 1:2-1:3 =|NUMBER 1:4-1:5 1|'+' 2:2-2:3 +|NUMBER "
                          "2:4-2:5 2|NEWLINE 2:5-2:5 |ENDMARKER 2:0-2:0 "},
    {"if x:\n    y\n",
     "'if' 1:0-1:2 if|NAME 1:3-1:4 x|':' 1:4-1:5 :|NEWLINE 1:5-1:5 |INDENT 2:4-2:4 |NAME 2:4-2:5 "
     "y|NEWLINE 2:5-2:5 |DEDENT 2:0-2:0 |ENDMARKER 2:0-2:0 "},
    {"class A:\n  def f(self):\n    pass\n",
     "'class' 1:0-1:5 class|NAME 1:6-1:7 A|':' 1:7-1:8 :|NEWLINE 1:8-1:8 |INDENT 2:2-2:2 |'def' "
     "2:2-2:5 def|NAME 2:6-2:7 f|'(' 2:7-2:8 (|NAME 2:8-2:12 self|')' 2:12-2:13 )|':' 2:13-2:14 "
     ":|NEWLINE 2:14-2:14 |INDENT 3:4-3:4 |'pass' 3:4-3:8 pass|NEWLINE 3:8-3:8 |DEDENT 3:0-3:0 "
     "|DEDENT 3:0-3:0 |ENDMARKER 3:0-3:0 "},
    {"\xef\xbb\xbfx = 1\n",
     "NAME 1:0-1:1 x|'=' 1:2-1:3 =|NUMBER 1:4-1:5 1|NEWLINE 1:5-1:5 |ENDMARKER 1:0-1:0 "},
    {"# -*- coding: utf-8 -*-\nx = 1\n",
     "NAME 2:0-2:1 x|'=' 2:2-2:3 =|NUMBER 2:4-2:5 1|NEWLINE 2:5-2:5 |ENDMARKER 2:0-2:0 "},
    {"\xc3\xa9t\xc3\xa9 = \"caf\xc3\xa9\"\n",
     "NAME 1:0-1:5 \xc3\xa9t\xc3\xa9|'=' 1:6-1:7 =|STRING 1:8-1:15 \"caf\xc3\xa9\"|NEWLINE "
     "1:15-1:15 |ENDMARKER 1:0-1:0 "},
    {"x = 1\x0d\ny = 2\x0d\n",
     "NAME 1:0-1:1 x|'=' 1:2-1:3 =|NUMBER 1:4-1:5 1|NEWLINE 1:5-1:5 |NAME 2:0-2:1 y|'=' 2:2-2:3 "
     "=|NUMBER 2:4-2:5 2|NEWLINE 2:5-2:5 |ENDMARKER 2:0-2:0 "},
    {"\x0cx = 1\n",
     "NAME 1:1-1:2 x|'=' 1:3-1:4 =|NUMBER 1:5-1:6 1|NEWLINE 1:6-1:6 |ENDMARKER 1:0-1:0 "},
    {"if x:\n\ty\n\tz\n",
     "'if' 1:0-1:2 if|NAME 1:3-1:4 x|':' 1:4-1:5 :|NEWLINE 1:5-1:5 |INDENT 2:1-2:1 |NAME 2:1-2:2 "
     "y|NEWLINE 2:2-2:2 |NAME 3:1-3:2 z|NEWLINE 3:2-3:2 |DEDENT 3:0-3:0 |ENDMARKER 3:0-3:0 "},
    {"  # indented comment\nx\n", "NAME 2:0-2:1 x|NEWLINE 2:1-2:1 |ENDMARKER 2:0-2:0 "},
    {"x = (\n  1,\n    2\n)\n",
     "NAME 1:0-1:1 x|'=' 1:2-1:3 =|'(' 1:4-1:5 (|NUMBER 2:2-2:3 1|',' 2:3-2:4 ,|NUMBER 3:4-3:5 "
     "2|')' 4:0-4:1 )|NEWLINE 4:1-4:1 |ENDMARKER 4:0-4:0 "},
    {"if True:\n    pass  # trailing\n# c\n",
     "'if' 1:0-1:2 if|'True' 1:3-1:7 True|':' 1:7-1:8 :|NEWLINE 1:8-1:8 |INDENT 2:4-2:4 |'pass' "
     "2:4-2:8 pass|NEWLINE 2:10-2:20 # trailing|DEDENT 3:0-3:0 |ENDMARKER 3:0-3:0 "},
    {"async def f(): await x\nlambda: (yield)\nTrue and False or None is not x\n",
     "'async' 1:0-1:5 async|'def' 1:6-1:9 def|NAME 1:10-1:11 f|'(' 1:11-1:12 (|')' 1:12-1:13 )|':' "
     "1:13-1:14 :|'await' 1:15-1:20 await|NAME 1:21-1:22 x|NEWLINE 1:22-1:22 |'lambda' 2:0-2:6 "
     "lambda|':' 2:6-2:7 :|'(' 2:8-2:9 (|'yield' 2:9-2:14 yield|')' 2:14-2:15 )|NEWLINE 2:15-2:15 "
     "|'True' 3:0-3:4 True|'and' 3:5-3:8 and|'False' 3:9-3:14 False|'or' 3:15-3:17 or|'None' "
     "3:18-3:22 None|'is' 3:23-3:25 is|'not' 3:26-3:29 not|NAME 3:30-3:31 x|NEWLINE 3:31-3:31 "
     "|ENDMARKER 3:0-3:0 "},
    {"\\\nx\n", "NAME 2:0-2:1 x|NEWLINE 2:1-2:1 |ENDMARKER 2:0-2:0 "},
    /* the first backslash fixes the indentation (4); INDENT sits where CPython's cursor is */
    {"if x:\n    \\\n  y\n",
     "'if' 1:0-1:2 if|NAME 1:3-1:4 x|':' 1:4-1:5 :|NEWLINE 1:5-1:5 |INDENT 3:2-3:2 |NAME 3:2-3:3 "
     "y|NEWLINE 3:3-3:3 |DEDENT 3:0-3:0 |ENDMARKER 3:0-3:0 "},
};

START_TEST(test_token_streams)
{
    const TokenCase *c = &token_cases[_i];
    PrSyntaxError err;
    int failed;
    char *got = render_tokens(c->src, strlen(c->src), &err, &failed);
    if (failed) {
        ck_abort_msg("case %d: unexpected error %s", _i, err.msg);
    }
    ck_assert_msg(strcmp(got, c->tokens) == 0, "case %d:\n got  %s\n want %s", _i, got, c->tokens);
    free(got);
}
END_TEST

/* ---------------------------------------------------------------- errors */

static const ErrorCase error_cases[] = {
    {"x = \"abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = 'abc\ny = 1\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5,
     1, 5},
    {"x = \"\"\"abc\n\ndef", "SyntaxError",
     "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5},
    {"x = \"\"\"abc\n", "SyntaxError",
     "unterminated triple-quoted string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = rb\"abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
    {"x = \"abc\\\ndef", "SyntaxError", "unterminated string literal (detected at line 2)", 1, 5, 1,
     5},
    {"x = (1,\n2", "SyntaxError", "'(' was never closed", 1, 5, 1, 0},
    {"x = [\n1,\n", "SyntaxError", "'[' was never closed", 1, 5, 1, 0},
    {"foo(\n  {\n", "SyntaxError", "'{' was never closed", 2, 3, 2, 0},
    {"x = (1,\n2]", "SyntaxError",
     "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2, 2, 2},
    {"x = (1, 2]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('",
     1, 10, 1, 10},
    {")", "SyntaxError", "unmatched ')'", 1, 1, 1, 1},
    {"x = 1)", "SyntaxError", "unmatched ')'", 1, 6, 1, 6},
    {"  ]", "IndentationError", "unexpected indent", 1, 2, 1, -1},
    {"0xg", "SyntaxError", "invalid hexadecimal literal", 1, 2, 1, 2},
    {"0x", "SyntaxError", "invalid hexadecimal literal", 1, 2, 1, 2},
    {"0xf_g", "SyntaxError", "invalid hexadecimal literal", 1, 4, 1, 4},
    {"0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 3, 1, 3},
    {"0o7_8", "SyntaxError", "invalid digit '8' in octal literal", 1, 5, 1, 5},
    {"0o", "SyntaxError", "invalid octal literal", 1, 2, 1, 2},
    {"0o1e", "SyntaxError", "invalid octal literal", 1, 3, 1, 3},
    {"0b2", "SyntaxError", "invalid digit '2' in binary literal", 1, 3, 1, 3},
    {"0b", "SyntaxError", "invalid binary literal", 1, 2, 1, 2},
    {"0b1_", "SyntaxError", "invalid binary literal", 1, 4, 1, 4},
    {"012", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 1, 1, 2},
    {"0_12", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 1, 1, 3},
    {"x = 00012 + 1", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 5, 1, 8},
    {"1_", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2},
    {"1__0", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2},
    {"1e", "SyntaxError", "invalid decimal literal", 1, 1, 1, 1},
    {"1e+", "SyntaxError", "invalid decimal literal", 1, 3, 1, 3},
    {"1a", "SyntaxError", "invalid decimal literal", 1, 1, 1, 1},
    {"x = 1ea", "SyntaxError", "invalid decimal literal", 1, 5, 1, 5},
    {"1.5_", "SyntaxError", "invalid decimal literal", 1, 4, 1, 4},
    {"1.__class__", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2},
    {"1jx", "SyntaxError", "invalid imaginary literal", 1, 2, 1, 2},
    {"1e5x", "SyntaxError", "invalid decimal literal", 1, 3, 1, 3},
    {"012e", "SyntaxError", "invalid decimal literal", 1, 3, 1, 3},
    {"0__1", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2},
    {"0_", "SyntaxError", "invalid decimal literal", 1, 2, 1, 2},
    {"x = \xe2\x82\xac", "SyntaxError", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 5, 1, 5},
    {"\xe2\x82\xac", "SyntaxError", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 1, 1, 1},
    {"a\xe2\x82\xac"
     "b = 1",
     "SyntaxError", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 2, 1, 2},
    {"\xc3\xa9 = 1 + \xe2\x82\xac", "SyntaxError", "invalid character '\xe2\x82\xac' (U+20AC)", 1,
     9, 1, 9},
    {"x = \xc2\xa0", "SyntaxError", "invalid non-printable character U+00A0", 1, 5, 1, 5},
    {"x = \x01", "SyntaxError", "invalid non-printable character U+0001", 1, 5, 1, 5},
    {"x = 1\x7f", "SyntaxError", "invalid non-printable character U+007F", 1, 6, 1, 6},
    {"if x:\n    a\n  b", "IndentationError", "unindent does not match any outer indentation level",
     3, 4, 3, -1},
    {"if x:\n  pass\n else\n", "IndentationError",
     "unindent does not match any outer indentation level", 3, 6, 3, -1},
    {"if x:\n\ta\n        b", "TabError", "inconsistent use of tabs and spaces in indentation", 3,
     1, 3, 0},
    {"if x:\n        a\n\tb", "TabError", "inconsistent use of tabs and spaces in indentation", 3,
     1, 3, 0},
    {"if x:\n    y = 1\n\tz = 2\n", "TabError",
     "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0},
    {"a = 1 \\ b", "SyntaxError", "unexpected character after line continuation character", 1, 8, 1,
     0},
    {"x = 1 +\\\n  2 \\ 3", "SyntaxError", "unexpected character after line continuation character",
     2, 15, 2, 0},
    {"x = (1 +\n  2 \\ 3)", "SyntaxError", "unexpected character after line continuation character",
     2, 6, 2, 0},
    {"x = \"\"\"a\nb\"\"\" \\ 3", "SyntaxError",
     "unexpected character after line continuation character", 2, 16, 2, 0},
    {"a = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8, 1, -1},
    {"x = 1 + \\\n", "SyntaxError", "unexpected EOF while parsing", 1, 10, 1, -1},
    {"pass\n\\\n", "SyntaxError", "unexpected EOF while parsing", 2, 0, 2, -1},
    {"pass\n  \\\n", "SyntaxError", "unexpected EOF while parsing", 2, 0, 2, -1},
    {"x = 1 \\\n  \\\n", "SyntaxError", "unexpected EOF while parsing", 2, 4, 2, -1},
    {"x = $", "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {"x ? 1", "SyntaxError", "invalid syntax", 1, 3, 1, 4},
    {"x ! 1", "SyntaxError", "invalid syntax", 1, 3, 1, 4},
    {"x = `1`", "SyntaxError", "invalid syntax", 1, 5, 1, 6},
    {"x = 1 <> 2", "SyntaxError", "invalid syntax", 1, 7, 1, 9},
    {"\xff = 1", "SyntaxError",
     "Non-UTF-8 code starting with '\\xff' in file t.py on line 1, but no encoding declared; see "
     "https://peps.python.org/pep-0263/ for details",
     0, 0, 0, 0},
    {"x = 1\n\xe9\n", "SyntaxError",
     "Non-UTF-8 code starting with '\\xe9' in file t.py on line 2, but no encoding declared; see "
     "https://peps.python.org/pep-0263/ for details",
     0, 0, 0, 0},
    {"x = 1\n\xed\xa0\x80\n", "SyntaxError",
     "Non-UTF-8 code starting with '\\xed' in file t.py on line 2, but no encoding declared; see "
     "https://peps.python.org/pep-0263/ for details",
     0, 0, 0, 0},
    {"x = \"\xc0\x80\"", "SyntaxError",
     "Non-UTF-8 code starting with '\\xc0' in file t.py on line 1, but no encoding declared; see "
     "https://peps.python.org/pep-0263/ for details",
     0, 0, 0, 0},
    /* CPython: "encoding problem: foo"; pyrena says why it refuses every encoding but UTF-8 */
    {"# -*- coding: foo -*-\nx=1", "SyntaxError",
     "encoding problem: foo (pyrena reads only UTF-8 source)", 0, 0, 0, 0},
    {"\xef\xbb\xbf# coding: latin-1\nx = 1", "SyntaxError", "encoding problem: iso-8859-1 with BOM",
     0, 0, 0, 0},
};

static void check_error(const char *src, size_t len, const ErrorCase *c)
{
    PrSyntaxError err;
    int failed;
    char *got = render_tokens(src, len, &err, &failed);
    ck_assert_msg(failed, "no error for %s; tokens %s", c->msg, got);
    ck_assert_str_eq(err.msg, c->msg);
    ck_assert_str_eq(pr_syntax_error_type_name(err.kind), c->type);
    ck_assert_int_eq(err.lineno, c->lineno);
    ck_assert_int_eq(err.offset, c->offset);
    ck_assert_int_eq(err.end_lineno, c->end_lineno);
    ck_assert_int_eq(err.end_offset, c->end_offset);
    free(got);
}

START_TEST(test_errors)
{
    const ErrorCase *c = &error_cases[_i];
    if (strcmp(c->msg, "unexpected indent") == 0) {
        return; /* the parser's error: the lexer gives INDENT (see test_unexpected_indent) */
    }
    check_error(c->src, strlen(c->src), c);
}
END_TEST

/* Sources with NUL bytes cannot be C strings: the same cases, measured by hand. */
START_TEST(test_null_bytes)
{
    static const ErrorCase c1 = {
        NULL, "SyntaxError", "source code cannot contain null bytes", 1, 0, 1, 0};
    static const ErrorCase c2 = {
        NULL, "SyntaxError", "source code cannot contain null bytes", 2, 0, 2, 0};
    check_error("x = 1\0", 6, &c1);
    check_error("x = 1\nyy = 2\0 + 3\n", 17, &c2);
}
END_TEST

/* CPython: "too many nested parentheses" at the 201st open bracket, pointing at it. */
START_TEST(test_nesting_limit)
{
    char src[512];
    static const ErrorCase c = {NULL, "SyntaxError", "too many nested parentheses", 1, 205, 1, 205};
    int n = snprintf(src, sizeof src, "x = ");
    for (int i = 0; i < 199; i++) {
        src[n++] = '[';
    }
    src[n++] = '(';
    src[n++] = '(';
    check_error(src, (size_t)n, &c);
    /* 200 open brackets are fine */
    n = 0;
    for (int i = 0; i < 200; i++) {
        src[n++] = '(';
    }
    for (int i = 0; i < 200; i++) {
        src[n++] = ')';
    }
    PrSyntaxError err;
    int failed;
    free(render_tokens(src, (size_t)n, &err, &failed));
    ck_assert_int_eq(failed, 0);
}
END_TEST

/* CPython: 99 levels are fine, the 100th is "too many levels of indentation" (IndentationError,
 * offset 1, end_offset 0) on the line that would open it. */
static size_t deep_source(char *src, int levels)
{
    size_t n = 0;
    for (int i = 0; i < levels; i++) {
        n += (size_t)sprintf(src + n, "%*sif x:\n", i, "");
    }
    n += (size_t)sprintf(src + n, "%*spass\n", levels, "");
    return n;
}

START_TEST(test_indent_limit)
{
    static char src[16384];
    static const ErrorCase c = {
        NULL, "IndentationError", "too many levels of indentation", 101, 1, 101, 0};
    check_error(src, deep_source(src, 100), &c);
    PrSyntaxError err;
    int failed;
    free(render_tokens(src, deep_source(src, 99), &err, &failed));
    ck_assert_int_eq(failed, 0);
}
END_TEST

/* "unexpected indent" is the parser's (CPython: lineno 1, offset 2, end -1 for "  ]"): the lexer
 * hands it an INDENT whose column is that offset. */
START_TEST(test_unexpected_indent)
{
    PrSyntaxError err;
    int failed;
    char *got = render_tokens("  x = 1\n", 8, &err, &failed);
    ck_assert_int_eq(failed, 0);
    ck_assert_str_eq(got, "INDENT 1:2-1:2 |NAME 1:2-1:3 x|'=' 1:4-1:5 =|NUMBER 1:6-1:7 1|"
                          "NEWLINE 1:7-1:7 |DEDENT 1:0-1:0 |ENDMARKER 1:0-1:0 ");
    free(got);
}
END_TEST

/* An error at ENDMARKER shows the last line, as CPython's "invalid syntax" for "@foo" does. */
START_TEST(test_locate_at_end)
{
    const char *src = "x = 1\n@foo";
    PrLexer *lx = pr_lexer_new(src, strlen(src), "t.py");
    PrToken t;
    PrSyntaxError err;
    do {
        ck_assert_int_eq(pr_lexer_next(lx, &t, &err), 0);
    } while (t.kind != PR_TOK_ENDMARKER);
    memset(&err, 0, sizeof err);
    pr_lexer_locate_error(lx, &t, &t, &err);
    ck_assert_int_eq(err.lineno, 2);
    ck_assert_int_eq((int)err.text_len, 4);
    ck_assert(memcmp(err.text, "@foo", 4) == 0);
    ck_assert_str_eq(err.filename, "t.py");
    pr_lexer_free(lx);
}
END_TEST

/* After ENDMARKER or an error, the lexer keeps answering the same. */
START_TEST(test_sticky_end)
{
    PrLexer *lx = pr_lexer_new("x", 1, "t.py");
    PrToken t;
    PrSyntaxError err;
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(pr_lexer_next(lx, &t, &err), 0);
    }
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(pr_lexer_next(lx, &t, &err), 0);
        ck_assert_int_eq(t.kind, PR_TOK_ENDMARKER);
    }
    pr_lexer_free(lx);
    lx = pr_lexer_new(")", 1, "t.py");
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(pr_lexer_next(lx, &t, &err), -1);
        ck_assert_str_eq(err.msg, "unmatched ')'");
    }
    pr_lexer_free(lx);
}
END_TEST

START_TEST(test_token_names)
{
    ck_assert_str_eq(pr_token_name(PR_TOK_NAME), "NAME");
    ck_assert_str_eq(pr_token_name(PR_TOK_LPAR), "'('");
    ck_assert_str_eq(pr_token_name(PR_TOK_IF), "'if'");
    ck_assert_str_eq(pr_token_name(PR_TOK_DOUBLESTAREQUAL), "'**='");
    ck_assert_str_eq(pr_token_name(PR_TOK__COUNT), "<invalid token>");
}
END_TEST

/* Out of memory: pr_lexer_new says so. */
START_TEST(test_new_out_of_memory)
{
    pr_raw_fail_after(0);
    PrLexer *lx = pr_lexer_new("x", 1, "t.py");
    pr_raw_fail_after(-1);
    ck_assert_ptr_null(lx);
}
END_TEST

/* ---------------------------------------------------------------- after a parser error */

typedef struct {
    const char *src;
    int fail_line;       /* the parser fails at the token ... */
    const char *fail_at; /* ... spelled so on that line */
    int replaced;        /* CPython 3.11's final error: */
    const char *msg;
    int lineno, offset, end_lineno, end_offset;
} RestCase;

static const RestCase rest_cases[] = {
    {"x = 1 2\ny = \"abc\n", 1, "2", 1, "unterminated string literal (detected at line 2)", 2, 5, 2,
     5},
    {"x = 1 2\ny = (\n", 1, "2", 0, "invalid syntax", 1, 7, 1, 8},
    {"x = 1 2\ny = 1 \\ 2\n", 1, "2", 0, "invalid syntax", 1, 7, 1, 8},
    {"x = 1 2 $ 3\ny = 0x\n", 1, "2", 1, "invalid hexadecimal literal", 2, 6, 2, 6},
    {"print(1 2)\nx = )\n", 1, "2", 1, "unmatched ')'", 2, 5, 2, 5},
    {"x = [1 2,\n3\n\nz = \"\"\"abc", 1, "2", 1,
     "unterminated triple-quoted string literal (detected at line 4)", 4, 5, 4, 5},
    {"x = (1,\n2 3", 2, "3", 1, "'(' was never closed", 1, 5, 1, 0},
    {"f(a b,\nc", 1, "b", 0, "invalid syntax", 1, 5, 1, 6},
};

/* Plays the parser: reads up to the token it fails at, words a generic error there, then lets
 * pr_lexer_check_rest decide as CPython's _PyPegen_tokenize_full_source_to_check_for_errors. */
START_TEST(test_check_rest)
{
    const RestCase *c = &rest_cases[_i];
    PrLexer *lx = pr_lexer_new(c->src, strlen(c->src), "t.py");
    PrToken t;
    PrSyntaxError err;
    do {
        ck_assert_int_eq(pr_lexer_next(lx, &t, &err), 0);
    } while (!(t.lineno == c->fail_line && t.len == strlen(c->fail_at) &&
               memcmp(t.start, c->fail_at, t.len) == 0));
    memset(&err, 0, sizeof err);
    snprintf(err.msg, sizeof err.msg, "invalid syntax");
    pr_lexer_locate_error(lx, &t, &t, &err);
    ck_assert_int_eq(pr_lexer_check_rest(lx, &err, t.lineno), c->replaced);
    ck_assert_str_eq(err.msg, c->msg);
    ck_assert_int_eq(err.lineno, c->lineno);
    ck_assert_int_eq(err.offset, c->offset);
    ck_assert_int_eq(err.end_lineno, c->end_lineno);
    ck_assert_int_eq(err.end_offset, c->end_offset);
    pr_lexer_free(lx);
}
END_TEST

/* A lone CR ends a line, as in CPython (which reads source with universal newlines). */
START_TEST(test_lone_cr)
{
    static const ErrorCase c = {
        NULL, "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5, 2, 5};
    PrSyntaxError err;
    int failed;
    char *got = render_tokens("x = 1\ry = (2,\r 3)\r", 18, &err, &failed);
    ck_assert_int_eq(failed, 0);
    ck_assert_str_eq(got, "NAME 1:0-1:1 x|'=' 1:2-1:3 =|NUMBER 1:4-1:5 1|NEWLINE 1:5-1:5 |"
                          "NAME 2:0-2:1 y|'=' 2:2-2:3 =|'(' 2:4-2:5 (|NUMBER 2:5-2:6 2|"
                          "',' 2:6-2:7 ,|NUMBER 3:1-3:2 3|')' 3:2-3:3 )|NEWLINE 3:3-3:3 |"
                          "ENDMARKER 3:0-3:0 ");
    free(got);
    check_error("x = 1\ry = \"abc\rprint(x+y\r", 25, &c);
}
END_TEST

/* ---------------------------------------------------------------- decoding literals */

typedef struct {
    const char *lit;
    const char *value;
    long len;
} DecodeCase;

typedef struct {
    const char *lit;
    const char *msg;
} DecodeError;

static const DecodeCase decode_cases[] = {
    {"\"abc\"", "abc", 3},
    {"'a\\'b'", "a'b", 3},
    {"\"a\\\"b\"", "a\"b", 3},
    {"\"\\\\ \\' \\\" \\a \\b \\f \\n \\r \\t \\v\"", "\\ ' \" \x07 \x08 \x0c \n \x0d \t \x0b", 19},
    {"\"\\0 \\7 \\07 \\101 \\1011 \\777 \\400\"", "\x00 \x07 \x07 A A1 \xc7\xbf \xc4\x80", 16},
    {"\"\\x41\\x7e\\xff\\xe9\"", "A~\xc3\xbf\xc3\xa9", 6},
    {"\"\\u20ac\\u00e9\\U0001F600\\U00000041\"",
     "\xe2\x82\xac\xc3\xa9\xf0\x9f\x98\x80"
     "A",
     10},
    {"\"\\d \\w \\{ \\%\"", "\\d \\w \\{ \\%", 11},
    {"\"a\\\nb\"", "ab", 2},
    {"\"\"\"line1\nline2\\\nline3\"\"\"", "line1\nline2line3", 16},
    {"\"caf\xc3\xa9 \xe2\x82\xac\"", "caf\xc3\xa9 \xe2\x82\xac", 9},
    {"\"\\\xc3\xa9\"", "\\\xc3\xa9", 3},
    {"\"\\8\\9\"", "\\8\\9", 4},
    {"r\"\\x41\\n\\\\\"", "\\x41\\n\\\\", 8},
    {"r'\\''", "\\'", 2},
    {"r\"a\\\nb\"", "a\\\nb", 4},
    {"R\"\\u20ac\"", "\\u20ac", 6},
    {"b\"\\x41\\x7e\\xff\\x00\"", "A~\xff\x00", 4},
    {"b\"\\\\ \\' \\\" \\a \\b \\f \\n \\r \\t \\v\"", "\\ ' \" \x07 \x08 \x0c \n \x0d \t \x0b",
     19},
    {"b\"\\0 \\101 \\777 \\400\"", "\x00 A \xff \x00", 7},
    {"b\"\\u20ac \\N{x} \\d\"", "\\u20ac \\N{x} \\d", 15},
    {"rb\"\\x41\\n\"", "\\x41\\n", 6},
    {"Br\"\\\\\"", "\\\\", 2},
    {"b\"a\\\nb\"", "ab", 2},
    {"b\"\"\"a\nb\"\"\"", "a\nb", 3},
    {"u\"\\x41\"", "A", 1},
    {"f\"{x}\\x41\"", "{x}A", 4},
    {"\"\"", "", 0},
    {"''''''", "", 0},
};

static const DecodeError decode_errors[] = {
    {"\"\\x4\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
                 "truncated \\xXX escape"},
    {"\"\\x\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
                "truncated \\xXX escape"},
    {"\"a\\x4g\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 1-3: "
                   "truncated \\xXX escape"},
    {"\"\\u12\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: "
                  "truncated \\uXXXX escape"},
    {"\"\\u123\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-4: "
                   "truncated \\uXXXX escape"},
    {"\"\\U1234567\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: "
                       "truncated \\UXXXXXXXX escape"},
    {"\"\\U00110000\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: "
                        "illegal Unicode character"},
    {"\"\\N\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
                "malformed \\N character escape"},
    {"\"\\Nx\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
                 "malformed \\N character escape"},
    {"\"\\N{\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
                 "malformed \\N character escape"},
    {"\"\\N{}\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
                  "malformed \\N character escape"},
    {"\"\xc3\xa9\\x1\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                         "10-12: truncated \\xXX escape"},
    {"\"\\\xc3\xa9\\x1\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                           "16-18: truncated \\xXX escape"},
    {"\"\\777\\x\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position 4-5: "
                     "truncated \\xXX escape"},
    {"b\"\\x4\"", "(value error) invalid \\x escape at position 0"},
    {"b\"ab\\xg1\"", "(value error) invalid \\x escape at position 2"},
    {"b\"\\x\"", "(value error) invalid \\x escape at position 0"},
    {"b\"\xc3\xa9\"", "bytes can only contain ASCII literal characters"},
    {"b\"a\\x4\xc3\xa9\"", "bytes can only contain ASCII literal characters"},
    {"\"\"\"\n\\x4\"\"\"", "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                           "1-3: truncated \\xXX escape"},
};

/* Lexes a source made of one literal and decodes its body as the parser will. */
static long decode_literal(const char *lit, char **out, PrSyntaxError *err, PrToken *tok)
{
    PrLexer *lx = pr_lexer_new(lit, strlen(lit), "t.py");
    ck_assert_int_eq(pr_lexer_next(lx, tok, err), 0);
    ck_assert_int_eq(tok->kind, PR_TOK_STRING);
    int raw = 0, is_bytes = 0;
    size_t i = 0;
    for (; tok->start[i] != '"' && tok->start[i] != '\''; i++) {
        raw |= tok->start[i] == 'r' || tok->start[i] == 'R';
        is_bytes |= tok->start[i] == 'b' || tok->start[i] == 'B';
    }
    size_t q = (tok->len - i >= 6 && tok->start[i + 1] == tok->start[i] &&
                tok->start[i + 2] == tok->start[i])
                   ? 3
                   : 1;
    size_t body_len = tok->len - i - 2 * q;
    *out = malloc(body_len + 1);
    long n = pr_lexer_decode_string(tok->start + i + q, body_len, raw, is_bytes, *out, tok, err);
    if (n < 0) {
        pr_lexer_locate_error(lx, tok, tok, err);
    }
    pr_lexer_free(lx);
    return n;
}

START_TEST(test_decode)
{
    const DecodeCase *c = &decode_cases[_i];
    PrSyntaxError err;
    PrToken tok;
    char *out;
    long n = decode_literal(c->lit, &out, &err, &tok);
    ck_assert_msg(n == c->len, "%s: length %ld, want %ld (%s)", c->lit, n, c->len,
                  n < 0 ? err.msg : "");
    ck_assert_msg(memcmp(out, c->value, (size_t)n) == 0, "%s: wrong value", c->lit);
    free(out);
}
END_TEST

START_TEST(test_decode_errors)
{
    const DecodeError *c = &decode_errors[_i];
    PrSyntaxError err;
    PrToken tok;
    char *out;
    long n = decode_literal(c->lit, &out, &err, &tok);
    ck_assert_int_eq(n, -1);
    ck_assert_str_eq(err.msg, c->msg);
    ck_assert_int_eq(err.kind, PR_SYNERR_SYNTAX);
    /* placed on the literal, with the whole line as text */
    ck_assert_int_eq(err.lineno, 1);
    ck_assert_int_eq(err.offset, 1);
    ck_assert_str_eq(err.filename, "t.py");
    ck_assert_ptr_eq(err.text, tok.start);
    free(out);
}
END_TEST

/* \N{NAME} needs the Unicode name database: refused, in CPython's wording otherwise. */
START_TEST(test_decode_named_escape)
{
    PrSyntaxError err;
    PrToken tok;
    char *out;
    ck_assert_int_eq(decode_literal("\"a\\N{EM DASH}\"", &out, &err, &tok), -1);
    ck_assert_str_eq(err.msg, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                              "position 1-11: \\N{...} escapes are not supported by pyrena");
    free(out);
}
END_TEST

/* CPython reads "\r\n" and "\r" in a literal as "\n" (the source was read with universal
 * newlines), continuation lines included. */
START_TEST(test_decode_crlf)
{
    PrSyntaxError err;
    PrToken tok;
    char *out;
    ck_assert_int_eq(decode_literal("'''a\r\nb\rc\\\r\nd'''", &out, &err, &tok), 6);
    ck_assert(memcmp(out, "a\nb\ncd", 6) == 0);
    free(out);
}
END_TEST

/* The error is placed on the token given: a multi-line literal spans to its last line. */
START_TEST(test_decode_error_place)
{
    const char *src = "x = b'''\n\xc3\xa9'''  # c\n";
    PrLexer *lx = pr_lexer_new(src, strlen(src), "t.py");
    PrToken tok;
    PrSyntaxError err;
    char out[16];
    for (int i = 0; i < 3; i++) {
        ck_assert_int_eq(pr_lexer_next(lx, &tok, &err), 0);
    }
    ck_assert_int_eq(tok.kind, PR_TOK_STRING);
    ck_assert_int_eq(pr_lexer_decode_string(tok.start + 4, 3, 0, 1, out, &tok, &err), -1);
    ck_assert_int_eq(err.lineno, 1);
    ck_assert_int_eq(err.offset, 5);
    ck_assert_int_eq(err.end_lineno, 2);
    ck_assert_int_eq(err.end_offset, 5);
    ck_assert_int_eq((int)err.text_len, 8);
    pr_lexer_free(lx);
}
END_TEST

/* ---------------------------------------------------------------- printing */

static const PrintCase print_cases[] = {
    {"x = (1, 2]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('",
     1, 10, 1, 10,
     "  File \"t.py\", line 1\n    x = (1, 2]\n             ^\nSyntaxError: closing parenthesis "
     "']' does not match opening parenthesis '('\n"},
    {"  x = \"abc", "IndentationError", "unexpected indent", 1, 2, 1, -1,
     "  File \"t.py\", line 1\n    x = \"abc\nIndentationError: unexpected indent\n"},
    {"if x:\n\tx = 0o8\n", "SyntaxError", "invalid digit '8' in octal literal", 2, 8, 2, 8,
     "  File \"t.py\", line 2\n    x = 0o8\n          ^\nSyntaxError: invalid digit '8' in octal "
     "literal\n"},
    {"\xc3\xa9 = 1 + \xe2\x82\xac", "SyntaxError", "invalid character '\xe2\x82\xac' (U+20AC)", 1,
     9, 1, 9,
     "  File \"t.py\", line 1\n    \xc3\xa9 = 1 + \xe2\x82\xac\n            ^\nSyntaxError: "
     "invalid character '\xe2\x82\xac' (U+20AC)\n"},
    {"x = \"\"\"abc\n\ndef", "SyntaxError",
     "unterminated triple-quoted string literal (detected at line 3)", 1, 5, 1, 5,
     "  File \"t.py\", line 1\n    x = \"\"\"abc\n        ^\nSyntaxError: unterminated "
     "triple-quoted string literal (detected at line 3)\n"},
    {"x = (1,\n2", "SyntaxError", "'(' was never closed", 1, 5, 1, 0,
     "  File \"t.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n"},
    {"if x:\n    a\n  b", "IndentationError", "unindent does not match any outer indentation level",
     3, 4, 3, -1,
     "  File \"t.py\", line 3\n    b\n     ^\nIndentationError: unindent does not match any outer "
     "indentation level\n"},
    {"a = 1 \\ b", "SyntaxError", "unexpected character after line continuation character", 1, 8, 1,
     0,
     "  File \"t.py\", line 1\n    a = 1 \\ b\n           ^\nSyntaxError: unexpected character "
     "after line continuation character\n"},
    {"a = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8, 1, -1,
     "  File \"t.py\", line 1\n    a = 1 \\\n           ^\nSyntaxError: unexpected EOF while "
     "parsing\n"},
    {"x = 1 +\\\n  2 \\ 3", "SyntaxError", "unexpected character after line continuation character",
     2, 15, 2, 0,
     "  File \"t.py\", line 2\n    2 \\ 3\n         ^\nSyntaxError: unexpected character after "
     "line continuation character\n"},
    {"x = 012", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
     "integers",
     1, 5, 1, 6,
     "  File \"t.py\", line 1\n    x = 012\n        ^\nSyntaxError: leading zeros in decimal "
     "integer literals are not permitted; use an 0o prefix for octal integers\n"},
    {"\t  \x0c x = 1 \t\t \xe2\x82\xac", "IndentationError", "unexpected indent", 1, 5, 1, -1,
     "  File \"t.py\", line 1\n    x = 1 \t\t \xe2\x82\xac\nIndentationError: unexpected indent\n"},
    {"x = 1\x00", "SyntaxError", "source code cannot contain null bytes", 1, 0, 1, 0,
     "  File \"t.py\", line 1\n    x = 1\nSyntaxError: source code cannot contain null bytes\n"},
    {"\xff = 1", "SyntaxError",
     "Non-UTF-8 code starting with '\\xff' in file t.py on line 1, but no encoding declared; see "
     "https://peps.python.org/pep-0263/ for details",
     0, 0, 0, 0,
     "SyntaxError: Non-UTF-8 code starting with '\\xff' in file t.py on line 1, but no encoding "
     "declared; see https://peps.python.org/pep-0263/ for details\n"},
    {"if x:\n\ta\n        b", "TabError", "inconsistent use of tabs and spaces in indentation", 3,
     1, 3, 0,
     "  File \"t.py\", line 3\n    b\nTabError: inconsistent use of tabs and spaces in "
     "indentation\n"},
    {"x = $", "SyntaxError", "invalid syntax", 1, 5, 1, 6,
     "  File \"t.py\", line 1\n    x = $\n        ^\nSyntaxError: invalid syntax\n"},
    {"foo(x for x in\n y, 1)\n", "SyntaxError", "Generator expression must be parenthesized", 1, 5,
     2, 3,
     "  File \"t.py\", line 1\n    foo(x for x in\n        ^^^^^^^^^^\nSyntaxError: Generator "
     "expression must be parenthesized\n"},
    {"foo(x for x in y, 1\n)\n", "SyntaxError", "Generator expression must be parenthesized", 1, 5,
     1, 17,
     "  File \"t.py\", line 1\n    foo(x for x in y, 1\n        ^^^^^^^^^^^^\nSyntaxError: "
     "Generator expression must be parenthesized\n"},
    {"print(1 2 3)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 7, 1, 10,
     "  File \"t.py\", line 1\n    print(1 2 3)\n          ^^^\nSyntaxError: invalid syntax. "
     "Perhaps you forgot a comma?\n"},
    {"if True:\n\t  x = (1 2 3)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 2,
     9, 2, 12,
     "  File \"t.py\", line 2\n    x = (1 2 3)\n         ^^^\nSyntaxError: invalid syntax. Perhaps "
     "you forgot a comma?\n"},
    {"\xc3\xa9 = $", "SyntaxError", "invalid syntax", 1, 6, 1, 7,
     "  File \"t.py\", line 1\n    \xc3\xa9 = $\n         ^\nSyntaxError: invalid syntax\n"},
    {"x = \"\\x4\" + 1", "SyntaxError",
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX "
     "escape",
     1, 11, 1, 12,
     "  File \"t.py\", line 1\n    x = \"\\x4\" + 1\n              ^\nSyntaxError: (unicode error) "
     "'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape\n"},
    {"x = b\"\xc3\xa9\"", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 5, 1,
     10,
     "  File \"t.py\", line 1\n    x = b\"\xc3\xa9\"\n        ^^^^^\nSyntaxError: bytes can only "
     "contain ASCII literal characters\n"},
    {"x = 1 +  # c\n", "SyntaxError", "invalid syntax", 1, 10, 1, 13,
     "  File \"t.py\", line 1\n    x = 1 +  # c\n             ^^^\nSyntaxError: invalid syntax\n"},
    {"x =\t$", "SyntaxError", "invalid syntax", 1, 5, 1, 6,
     "  File \"t.py\", line 1\n    x =\t$\n        ^\nSyntaxError: invalid syntax\n"},
    {"if x:\n\tprint(1 2)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 2, 8, 2,
     11,
     "  File \"t.py\", line 2\n    print(1 2)\n          ^^^\nSyntaxError: invalid syntax. Perhaps "
     "you forgot a comma?\n"},
    {"x = \"abc\" \\ 1", "SyntaxError", "unexpected character after line continuation character", 1,
     12, 1, 0,
     "  File \"t.py\", line 1\n    x = \"abc\" \\ 1\n               ^\nSyntaxError: unexpected "
     "character after line continuation character\n"},
    {"def f(:\n", "SyntaxError", "invalid syntax", 1, 7, 1, 8,
     "  File \"t.py\", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax\n"},
    {"x = 1 +\n", "SyntaxError", "invalid syntax", 1, 8, 1, 8,
     "  File \"t.py\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax\n"},
    {"x = (1,\n  2]", "SyntaxError",
     "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 4, 2, 4,
     "  File \"t.py\", line 2\n    2]\n     ^\nSyntaxError: closing parenthesis ']' does not match "
     "opening parenthesis '(' on line 1\n"},
    {"\t\tx = (1, 2]", "IndentationError", "unexpected indent", 1, 2, 1, -1,
     "  File \"t.py\", line 1\n    x = (1, 2]\nIndentationError: unexpected indent\n"},
    {"x = \"\xc3\xa9\" \\ 1", "SyntaxError",
     "unexpected character after line continuation character", 1, 11, 1, 0,
     "  File \"t.py\", line 1\n    x = \"\xc3\xa9\" \\ 1\n              ^\nSyntaxError: unexpected "
     "character after line continuation character\n"},
    {"x = [1, 2\n", "SyntaxError", "'[' was never closed", 1, 5, 1, 0,
     "  File \"t.py\", line 1\n    x = [1, 2\n        ^\nSyntaxError: '[' was never closed\n"},
    {"if x:\n  pass\n else:\n", "IndentationError",
     "unindent does not match any outer indentation level", 3, 7, 3, -1,
     "  File \"t.py\", line 3\n    else:\n         ^\nIndentationError: unindent does not match "
     "any outer indentation level\n"},
    {"a = 1\n  b = 2\n", "IndentationError", "unexpected indent", 2, 2, 2, -1,
     "  File \"t.py\", line 2\n    b = 2\nIndentationError: unexpected indent\n"},
    {"x = 1 \\\n  \\\n", "SyntaxError", "unexpected EOF while parsing", 2, 4, 2, -1,
     "  File \"t.py\", line 2\n    \\\n     ^\nSyntaxError: unexpected EOF while parsing\n"},
};

static PrSyntaxErrorKind kind_named(const char *type)
{
    return strcmp(type, "TabError") == 0           ? PR_SYNERR_TAB
           : strcmp(type, "IndentationError") == 0 ? PR_SYNERR_INDENTATION
                                                   : PR_SYNERR_SYNTAX;
}

static char *print_to_string(const PrSyntaxError *err)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(f);
    pr_syntax_error_print(f, err);
    fclose(f);
    return buf;
}

/* The printer alone, fed the fields CPython had (the line's text cut from the source). */
START_TEST(test_print_fields)
{
    const PrintCase *c = &print_cases[_i];
    PrSyntaxError err;
    memset(&err, 0, sizeof err);
    err.kind = kind_named(c->type);
    snprintf(err.msg, sizeof err.msg, "%s", c->msg);
    err.filename = "t.py";
    err.lineno = c->lineno;
    err.offset = c->offset;
    err.end_lineno = c->end_lineno;
    err.end_offset = c->end_offset;
    if (c->lineno > 0) {
        const char *line = c->src;
        for (int l = 1; l < c->lineno; l++) {
            line = strchr(line, '\n') + 1;
        }
        err.text = line;
        err.text_len = strcspn(line, "\n");
    }
    char *got = print_to_string(&err);
    ck_assert_msg(strcmp(got, c->printed) == 0, "case %d:\n%s---- want\n%s", _i, got, c->printed);
    free(got);
}
END_TEST

/* Lexer and printer together, for the errors the lexer itself reports. */
START_TEST(test_print_lexed)
{
    const PrintCase *c = &print_cases[_i];
    PrSyntaxError err;
    PrToken t;
    PrLexer *lx = pr_lexer_new(c->src, strlen(c->src), "t.py");
    int r;
    while ((r = pr_lexer_next(lx, &t, &err)) == 0 && t.kind != PR_TOK_ENDMARKER) {
    }
    if (r == 0 || strcmp(err.msg, c->msg) != 0 || err.offset != c->offset) {
        /* a parser's error: only test_print_fields applies. (For "é = $" CPython's parser
         * counts the column in bytes; the lexer reports characters, as PrSyntaxError says.) */
        pr_lexer_free(lx);
        return;
    }
    char *got = print_to_string(&err);
    ck_assert_msg(strcmp(got, c->printed) == 0, "case %d:\n%s---- want\n%s", _i, got, c->printed);
    free(got);
    pr_lexer_free(lx);
}
END_TEST

/* ---------------------------------------------------------------- robustness */

/* Mutated programs (bytes deleted, inserted, duplicated, with NULs, CRs and bad UTF-8 among
 * them) must each end in ENDMARKER or an error, within a bounded number of tokens, reading
 * nothing outside the source (ASan) and leaking nothing. A fixed seed keeps the run repeatable. */
static const char *const fuzz_seeds[] = {
    "if x:\n    y = 1.5e3 + 0x_ff # c\n    z = 'a\\'b'\nw = (1,\n  2)\n",
    "def f(a, *b, **c) -> None:\n\treturn a @ b // c ** 2 >>= 3\n",
    "x = [1, 2.,\n .5, 1e-3j, 0o17, 0b1_0]\ny = {'a': rb'\\d', f\"{x!r:>10}\": ...}\n",
    "\"\"\"doc\nstring\"\"\"\nclass A(B):\n  pass\n\n\n  # c\nwhile True: break\n",
    "x = 1 \\\n  + 2\nif (a and\n    b):\n        pass\nelse:\n        c ; d\n",
    "s = u'caf\xc3\xa9' + 'na\xc3\xafve'\n\xc3\xa9t\xc3\xa9 = 1\n# coding: utf-8\n",
};

static unsigned long fuzz_next(unsigned long *state)
{
    *state = *state * 6364136223846793005UL + 1442695040888963407UL;
    return *state >> 33;
}

static size_t mutate(unsigned long *st, const char *seed, char *buf, size_t cap)
{
    static const char alphabet[] = " \t\n\\\"'#()[]{}:0123456789abexjoOX_.+-*/<>=!$?@\f\r\0"
                                   "\xc3\xa9\xe2\x82\xac\xff\xed\xef\xbb\xbf";
    size_t n = strlen(seed);
    memcpy(buf, seed, n);
    int edits = 1 + (int)(fuzz_next(st) % 6);
    for (int e = 0; e < edits; e++) {
        size_t at = fuzz_next(st) % (n + 1);
        switch (fuzz_next(st) % 3) {
        case 0:
            if (n > 0) {
                at = at < n ? at : n - 1;
                memmove(buf + at, buf + at + 1, n - at - 1);
                n--;
            }
            break;
        case 1:
            if (n + 1 < cap) {
                memmove(buf + at + 1, buf + at, n - at);
                buf[at] = alphabet[fuzz_next(st) % (sizeof alphabet - 1)];
                n++;
            }
            break;
        default: {
            size_t from = fuzz_next(st) % (n + 1), len = 1 + fuzz_next(st) % 8;
            len = from + len > n ? n - from : len;
            if (n + len < cap) {
                char tmp[8];
                memcpy(tmp, buf + from, len);
                memmove(buf + at + len, buf + at, n - at);
                memcpy(buf + at, tmp, len);
                n += len;
            }
            break;
        }
        }
    }
    return n;
}

START_TEST(test_fuzz)
{
    unsigned long st = 20240611;
    char buf[512];
    PrRawStats before, after;
    pr_raw_stats(&before);
    for (int round = 0; round < 4000; round++) {
        size_t n = mutate(&st, fuzz_seeds[round % 6], buf, sizeof buf);
        char *src = copy_src(buf, n);
        PrLexer *lx = pr_lexer_new(src, n, "t.py");
        PrToken t;
        PrSyntaxError err;
        int tokens = 0, r;
        while ((r = pr_lexer_next(lx, &t, &err)) == 0 && t.kind != PR_TOK_ENDMARKER) {
            ck_assert_int_lt(++tokens, 2000);
            ck_assert(t.start >= src && t.start + t.len <= src + n);
            if (t.kind == PR_TOK_STRING) {
                char out[512];
                pr_lexer_decode_string(t.start + 1, t.len >= 2 ? t.len - 2 : 0, 0, 0, out, &t,
                                       &err);
            }
        }
        if (r < 0) {
            ck_assert(err.msg[0] != '\0');
            ck_assert(err.text == NULL || (err.text >= src && err.text + err.text_len <= src + n));
            char *printed = print_to_string(&err);
            free(printed);
            pr_lexer_check_rest(lx, &err, err.lineno);
        }
        pr_lexer_free(lx);
        free(src);
    }
    pr_raw_stats(&after);
    ck_assert_uint_eq(after.malloc_blocks, before.malloc_blocks);
}
END_TEST

/* ---------------------------------------------------------------- suite */

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

Suite *pr_test_lexer_suite(void)
{
    Suite *s = suite_create("lexer");
    TCase *tc = tcase_create("tokens");
    tcase_add_loop_test(tc, test_token_streams, 0, COUNT(token_cases));
    tcase_add_test(tc, test_unexpected_indent);
    tcase_add_test(tc, test_sticky_end);
    tcase_add_test(tc, test_locate_at_end);
    tcase_add_test(tc, test_token_names);
    tcase_add_test(tc, test_new_out_of_memory);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_errors, 0, COUNT(error_cases));
    tcase_add_test(tc, test_null_bytes);
    tcase_add_test(tc, test_nesting_limit);
    tcase_add_test(tc, test_indent_limit);
    tcase_add_test(tc, test_lone_cr);
    tcase_add_loop_test(tc, test_check_rest, 0, COUNT(rest_cases));
    suite_add_tcase(s, tc);
    tc = tcase_create("strings");
    tcase_add_loop_test(tc, test_decode, 0, COUNT(decode_cases));
    tcase_add_loop_test(tc, test_decode_errors, 0, COUNT(decode_errors));
    tcase_add_test(tc, test_decode_named_escape);
    tcase_add_test(tc, test_decode_crlf);
    tcase_add_test(tc, test_decode_error_place);
    suite_add_tcase(s, tc);
    tc = tcase_create("printing");
    tcase_add_loop_test(tc, test_print_fields, 0, COUNT(print_cases));
    tcase_add_loop_test(tc, test_print_lexed, 0, COUNT(print_cases));
    suite_add_tcase(s, tc);
    tc = tcase_create("robustness");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_fuzz);
    suite_add_tcase(s, tc);
    return s;
}
