/*
 * Float formatting (py/formatfloat.h). The firmware formats a float for str's '%' operator
 * with this very function (through mp_print_float, on a 33-byte buffer), so the natmod asks
 * the firmware for '%.<prec><fmt>' % |f| and copies the text: the same digits, rounding,
 * exponent form, inf/nan spelling and repr mode (prec == MP_FLOAT_REPR_PREC, 99). The sign
 * is written here as the firmware writes it: '-' for a negative value (not for a NaN),
 * otherwise the caller's sign character, if any.
 *
 * The firmware's own function limits its text to the caller's buffer. Texts up to 30
 * characters are the same for any buffer the firmware accepts (at least 33 bytes); a
 * longer 'f' text (such as 1e20 with 16 decimals) is the one '%' gives, which switches to
 * exponent form at 33 bytes where the firmware would keep 'f' form in a larger buffer.
 * The text is cut to the caller's buffer and always NUL-terminated.
 */
#include "py/dynruntime.h"
#include "py/formatfloat.h"
#include "natmodgen_rt.h"

#if MICROPY_PY_BUILTINS_FLOAT
NATMODGEN_RT_LOOP int mp_format_float(mp_float_t f, char *buf, size_t buf_size, char fmt, int prec, char sign) {
    char *out = buf;
    if (__builtin_signbit(f) && !__builtin_isnan(f)) {
        f = -f;
        sign = '-';
    }
    if (sign && buf_size > 1) {
        *out++ = sign;
        buf_size--;
    }

    /* The firmware reads 'f' and 'g' in either case as such and any other letter as 'e';
     * bit 0x20 of fmt chooses the case of the exponent letter and of INF/NAN. */
    char lower = (char)(fmt | 0x20);
    char conv = lower == 'f' || lower == 'g' ? lower : 'e';
    if (!(fmt & 0x20)) {
        conv = (char)(conv & ~0x20);
    }
    char spec[16];
    size_t n = 0;
    spec[n++] = '%';
    if (prec >= 0) {
        char digits[12];
        size_t d = 0;
        unsigned int p = (unsigned int)prec;
        do {
            digits[d++] = (char)('0' + p % 10);
            p /= 10;
        } while (p != 0);
        spec[n++] = '.';
        while (d != 0) {
            spec[n++] = digits[--d];
        }
    }
    spec[n++] = conv;

    mp_obj_t text = mp_binary_op(MP_BINARY_OP_MODULO, mp_obj_new_str(spec, n), mp_obj_new_float(f));
    size_t len;
    const char *s = mp_obj_str_get_data_dyn(text, &len);
    if (buf_size == 0) {
        return (int)(out - buf);
    }
    if (len > buf_size - 1) {
        len = buf_size - 1;
    }
    for (size_t i = 0; i < len; i++) {
        out[i] = s[i];
    }
    out[len] = '\0';
    return (int)(out + len - buf);
}
#endif

#if MICROPY_PY_BUILTINS_FLOAT
/* py/mpprint.c: a float formatted as the firmware's '%' and format() do (the same 33-byte
 * text), with its sign, '.0', '%' and sign-aware padding flags, then padded. */
NATMODGEN_RT_LOOP int mp_print_float(const mp_print_t *print, mp_float_t f, char fmt, unsigned int flags, char fill, int width, int prec) {
    char buf[36];
    char sign = '\0';
    if (flags & PF_FLAG_SHOW_SIGN) {
        sign = '+';
    } else if (flags & PF_FLAG_SPACE_SIGN) {
        sign = ' ';
    }
    int len = mp_format_float(f, buf, sizeof(buf) - 3, fmt, prec, sign);
    if (flags & PF_FLAG_ALWAYS_DECIMAL) {
        bool plain = true;
        for (int i = 0; i < len; i++) {
            if (buf[i] == '.' || buf[i] == 'e' || buf[i] == 'n') {
                plain = false;
            }
        }
        if (plain) {
            buf[len++] = '.';
            buf[len++] = '0';
            buf[len] = '\0';
        }
    }
    if (flags & PF_FLAG_ADD_PERCENT) {
        buf[len++] = '%';
        buf[len] = '\0';
    }
    const char *s = buf;
    int chars = 0;
    /* A sign (' ', '+' or '-', all below '0') goes ahead of the padding. */
    if ((flags & PF_FLAG_PAD_AFTER_SIGN) && buf[0] < '0') {
        chars += mp_print_strn(print, buf, 1, 0, 0, 1);
        s++;
        width--;
        len--;
    }
    chars += mp_print_strn(print, s, len, flags, fill, width);
    return chars;
}
#endif
