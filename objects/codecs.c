/* objects/codecs.c — UTF-16 and UTF-32, little- and big-endian, with the byte order mark of the
 * unsuffixed names: CPython's unicodeobject.c decoders, their error ranges and reasons, and the
 * error handlers str.encode / bytes.decode know. Contracts in objects/codecs.h. */
#include "objects/codecs.h"

#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/ucd.h"
#include "vm/errors.h"

#include <stdio.h>

int pr_codecs_is_wide(PrCodec codec)
{
    return codec >= PR_CODEC_UTF16 && codec <= PR_CODEC_UTF32_BE;
}

static int is_utf32(PrCodec codec)
{
    return codec >= PR_CODEC_UTF32;
}

/* ============================================================================================
 *  Encoding
 * ============================================================================================ */

/* Writes the unit u of width bytes at out in the byte order given. */
static unsigned char *put_unit(unsigned char *out, uint32_t u, int width, int little)
{
    for (int i = 0; i < width; i++) {
        int shift = 8 * (little ? i : width - 1 - i);
        *out++ = (unsigned char)(u >> shift);
    }
    return out;
}

PrObject *pr_codecs_encode_wide(PrObject *s, PrCodec codec)
{
    const char *p = pr_str_utf8(s);
    ssize_t n = PR_STR_BYTES(s), units = 0;
    int width = is_utf32(codec) ? 4 : 2;
    int bom = codec == PR_CODEC_UTF16 || codec == PR_CODEC_UTF32;
    int little = codec != PR_CODEC_UTF16_BE && codec != PR_CODEC_UTF32_BE;
    for (ssize_t i = 0; i < n;) {
        uint32_t cp;
        i += (ssize_t)pr_ucd_utf8_decode(p + i, (size_t)(n - i), &cp);
        units += width == 2 && cp > 0xFFFF ? 2 : 1;
    }
    PrObject *r = pr_bytes_from_buf(NULL, (units + bom) * width);
    if (!r) {
        return NULL;
    }
    unsigned char *out = (unsigned char *)PR_BYTES_DATA(r);
    if (bom) {
        out = put_unit(out, 0xFEFF, width, little);
    }
    for (ssize_t i = 0; i < n;) {
        uint32_t cp;
        i += (ssize_t)pr_ucd_utf8_decode(p + i, (size_t)(n - i), &cp);
        if (width == 2 && cp > 0xFFFF) {
            out = put_unit(out, 0xD800 | ((cp - 0x10000) >> 10), 2, little);
            cp = 0xDC00 | ((cp - 0x10000) & 0x3FF);
        }
        out = put_unit(out, cp, width, little);
    }
    return r;
}

/* ============================================================================================
 *  Decoding
 * ============================================================================================ */

typedef struct Decoder {
    const unsigned char *p;
    ssize_t n;
    int little;
    const char *name; /* "utf-16-le"...: the order found, for errors */
    PrCodecErrors errors;
    PrObject *errname;
    int suffixed; /* a -le/-be codec: handler errors are wrapped as CPython's codec wrapper does */
    PrStrBuilder out;
} Decoder;

static uint32_t unit_at(const Decoder *d, ssize_t i, int width)
{
    uint32_t u = 0;
    for (int k = 0; k < width; k++) {
        int shift = 8 * (d->little ? k : width - 1 - k);
        u |= (uint32_t)d->p[i + k] << shift;
    }
    return u;
}

/* An error handler the codec cannot use: msg (a format whose %U is the handler's name) raised
 * as is, or wrapped for the suffixed codecs as CPython's codec wrapper does. */
static int handler_error(Decoder *d, PrType *type, const char *msg)
{
    char fmt[160];
    if (d->suffixed) {
        snprintf(fmt, sizeof fmt, "decoding with '%s' codec failed (%s: %s)", d->name, type->name,
                 msg);
        msg = fmt;
    }
    pr_err_format(type, msg, d->errname);
    return -1;
}

/* Handles the undecodable bytes [start, end) by the error handler. Returns: 0, or -1 with the
 * exception. */
static int decode_error(Decoder *d, ssize_t start, ssize_t end, const char *reason)
{
    char text[64];
    switch (d->errors) {
    case PR_ERRORS_STRICT: {
        PrObject *b = pr_bytes_from_buf((const char *)d->p, d->n);
        if (b) {
            pr_unicode_error_raise(PR_EXC(UnicodeDecodeError), d->name, b, start, end, reason);
            PR_DECREF(b);
        }
        return -1;
    }
    case PR_ERRORS_REPLACE:
        return pr_str_builder_append_codepoint(&d->out, 0xFFFD);
    case PR_ERRORS_BACKSLASHREPLACE:
        for (ssize_t i = start; i < end; i++) {
            snprintf(text, sizeof text, "\\x%02x", d->p[i]);
            if (pr_str_builder_append_cstr(&d->out, text) < 0) {
                return -1;
            }
        }
        return 0;
    case PR_ERRORS_IGNORE:
        return 0;
    case PR_ERRORS_XMLCHARREFREPLACE:
        return handler_error(d, PR_EXC(TypeError),
                             "don't know how to handle UnicodeDecodeError in error callback");
    default:
        return handler_error(d, PR_EXC(LookupError), "unknown error handler name '%U'");
    }
}

/* Reads a byte order mark of width bytes at the start, if any: sets the order, returns its
 * length. */
static ssize_t read_bom(Decoder *d, int width)
{
    if (d->n < width) {
        return 0;
    }
    d->little = 1;
    if (unit_at(d, 0, width) == 0xFEFF) {
        return width;
    }
    d->little = 0;
    if (unit_at(d, 0, width) == 0xFEFF) {
        return width;
    }
    d->little = 1;
    return 0;
}

static int decode_utf16(Decoder *d, ssize_t i)
{
    while (d->n - i >= 2) {
        uint32_t u = unit_at(d, i, 2), lo;
        int rc;
        if (u < 0xD800 || u > 0xDFFF) {
            rc = pr_str_builder_append_codepoint(&d->out, u);
            i += 2;
        } else if (u >= 0xDC00) {
            rc = decode_error(d, i, i + 2, "illegal encoding");
            i += 2;
        } else if (d->n - i < 4) {
            rc = decode_error(d, i, d->n, "unexpected end of data");
            i = d->n;
        } else if ((lo = unit_at(d, i + 2, 2)) >= 0xDC00 && lo <= 0xDFFF) {
            rc = pr_str_builder_append_codepoint(&d->out,
                                                 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
            i += 4;
        } else {
            rc = decode_error(d, i, i + 2, "illegal UTF-16 surrogate");
            i += 2;
        }
        if (rc < 0) {
            return -1;
        }
    }
    return i < d->n ? decode_error(d, i, d->n, "truncated data") : 0;
}

static int decode_utf32(Decoder *d, ssize_t i)
{
    for (; d->n - i >= 4; i += 4) {
        uint32_t u = unit_at(d, i, 4);
        int rc = u > 0x10FFFF ? decode_error(d, i, i + 4, "code point not in range(0x110000)")
                 : u >= 0xD800 && u < 0xE000
                     ? decode_error(d, i, i + 4,
                                    "code point in surrogate code point range(0xd800, 0xe000)")
                     : pr_str_builder_append_codepoint(&d->out, u);
        if (rc < 0) {
            return -1;
        }
    }
    return i < d->n ? decode_error(d, i, d->n, "truncated data") : 0;
}

PrObject *pr_codecs_decode_wide(const char *p, ssize_t n, PrCodec codec, PrCodecErrors errors,
                                PrObject *errname)
{
    static const char *const names[] = {"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"};
    int width = is_utf32(codec) ? 4 : 2;
    Decoder d = {(const unsigned char *)p,
                 n,
                 codec != PR_CODEC_UTF16_BE && codec != PR_CODEC_UTF32_BE,
                 NULL,
                 errors,
                 errname,
                 codec != PR_CODEC_UTF16 && codec != PR_CODEC_UTF32,
                 {0}};
    pr_str_builder_init(&d.out);
    ssize_t start = d.suffixed ? 0 : read_bom(&d, width);
    d.name = names[(width == 4) * 2 + !d.little];
    if ((width == 4 ? decode_utf32(&d, start) : decode_utf16(&d, start)) < 0) {
        pr_str_builder_discard(&d.out);
        return NULL;
    }
    return pr_str_builder_finish(&d.out);
}
