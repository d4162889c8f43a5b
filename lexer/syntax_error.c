/* lexer/syntax_error.c — naming and printing a PrSyntaxError the way CPython 3.11's default
 * excepthook does (Python/pythonrun.c: print_exception_file_and_line, print_error_text),
 * including its quirks: offsets count characters but the clipping counts bytes. */
#include "lexer/syntax_error.h"

#include <string.h>

const char *pr_syntax_error_type_name(PrSyntaxErrorKind kind)
{
    switch (kind) {
    case PR_SYNERR_INDENTATION:
        return "IndentationError";
    case PR_SYNERR_TAB:
        return "TabError";
    case PR_SYNERR_SYNTAX:
    default:
        return "SyntaxError";
    }
}

static void print_spaces(FILE *out, long n)
{
    while (n-- > 0) {
        fputc(' ', out);
    }
}

/* The source line and its carets. CPython's text usually still ends in its newline; ours never
 * does, which matters in one place: an error spanning several lines highlights up to the end of
 * the first one *including* that newline (end_offset = line_size), and a line followed by
 * another line always had one. */
static void print_text(FILE *out, const PrSyntaxError *err)
{
    long offset = err->offset;
    long end_offset = err->end_offset;
    long line_size = (long)err->text_len;
    if (err->kind != PR_SYNERR_SYNTAX) {
        end_offset = -1; /* CPython reads end positions only of SyntaxError itself */
    } else if (err->end_lineno > err->lineno) {
        end_offset = line_size + 1;
    }
    if (end_offset > line_size + 1) {
        end_offset = line_size + 1;
    }
    long carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    const char *text = err->text;
    size_t len = err->text_len;
    offset--;
    while (len > 0 && (*text == ' ' || *text == '\t' || *text == '\f')) {
        text++;
        len--;
        offset--;
    }
    if (offset > (long)len) {
        offset = (long)len;
    }
    fputs("    ", out);
    fwrite(text, 1, len, out);
    fputc('\n', out);
    if (offset < 0) {
        return;
    }
    fputs("    ", out);
    print_spaces(out, offset);
    while (carets-- > 0) {
        fputc('^', out);
    }
    fputc('\n', out);
}

void pr_syntax_error_print(FILE *out, const PrSyntaxError *err)
{
    if (err->lineno > 0) {
        fprintf(out, "  File \"%s\", line %d\n", err->filename ? err->filename : "<string>",
                err->lineno);
        if (err->text) {
            print_text(out, err);
        }
    }
    fprintf(out, "%s: %s\n", pr_syntax_error_type_name(err->kind), err->msg);
}
