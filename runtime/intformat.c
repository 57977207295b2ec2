/*
 * Text of an int (py/objint.h mp_obj_int_formatted and _impl, py/runtime.h mp_print_mp_int) in
 * the firmware's layout: sign, prefix, then the digits of base (letters from base_char), grouped
 * by comma every 3 digits in base 10 and every 4 in other bases. The text is built at the end of
 * *buf, which is replaced by a heap buffer (and *buf_size updated) when it is too small; the
 * result points into it, *fmt_size is its length without the terminating NUL.
 *
 * A small int is divided in C. A long int (whatever the firmware's long-int implementation) is
 * divided by the firmware's own arithmetic, one small-int chunk of digits at a time.
 */
#include "py/dynruntime.h"
#include "py/objint.h"
#include "py/smallint.h"
#include "natmodgen_rt.h"

typedef struct _natmodgen_rt_digits_t {
    char *rev; // the digits, least significant first
    size_t len, alloc;
} natmodgen_rt_digits_t;

static void natmodgen_rt_digits_add(natmodgen_rt_digits_t *d, char c) {
    if (d->len == d->alloc) {
        size_t grown = d->alloc * 2;
        d->rev = m_renew(char, d->rev, d->alloc, grown);
        d->alloc = grown;
    }
    d->rev[d->len++] = c;
}

static char natmodgen_rt_digit_char(unsigned int v, char base_char) {
    return v < 10 ? (char)('0' + v) : (char)(base_char + v - 10);
}

/* Appends the digits of u (at least `at_least` of them, zero-padded). */
static NATMODGEN_RT_LOOP void natmodgen_rt_digits_of(natmodgen_rt_digits_t *d, mp_uint_t u, unsigned int base, char base_char, size_t at_least) {
    size_t n = 0;
    do {
        natmodgen_rt_digits_add(d, natmodgen_rt_digit_char(u % base, base_char));
        u /= base;
        n++;
    } while (u != 0 || n < at_least);
}

static NATMODGEN_RT_LOOP char *natmodgen_rt_int_text(char **buf, size_t *buf_size, size_t *fmt_size, mp_const_obj_t self_in,
    int base, const char *prefix, char base_char, char comma) {
    mp_obj_t self = (mp_obj_t)self_in;
    natmodgen_rt_digits_t d = { m_new(char, 24), 0, 24 };
    bool neg;
    if (mp_obj_is_small_int(self)) {
        mp_int_t v = MP_OBJ_SMALL_INT_VALUE(self);
        neg = v < 0;
        natmodgen_rt_digits_of(&d, neg ? -(mp_uint_t)v : (mp_uint_t)v, base, base_char, 1);
    } else {
        neg = mp_obj_int_sign(self) < 0;
        mp_obj_t n = mp_unary_op(MP_UNARY_OP_ABS, self);
        // The largest power of base that is a small int, and its number of digits.
        mp_int_t chunk = base;
        size_t chunk_digits = 1;
        while (chunk <= MP_SMALL_INT_MAX / base) {
            chunk *= base;
            chunk_digits++;
        }
        mp_obj_t divisor = MP_OBJ_NEW_SMALL_INT(chunk);
        for (;;) {
            mp_obj_t rest = mp_binary_op(MP_BINARY_OP_FLOOR_DIVIDE, n, divisor);
            mp_uint_t low = MP_OBJ_SMALL_INT_VALUE(mp_binary_op(MP_BINARY_OP_MODULO, n, divisor));
            bool last = rest == MP_OBJ_NEW_SMALL_INT(0);
            natmodgen_rt_digits_of(&d, low, base, base_char, last ? 1 : chunk_digits);
            if (last) {
                break;
            }
            n = rest;
        }
    }
    // Trim leading zeros a chunk may have left (the value is not 0 here unless it is 0).
    while (d.len > 1 && d.rev[d.len - 1] == '0') {
        d.len--;
    }

    size_t group = base == 10 ? 3 : 4;
    size_t n_commas = comma ? (d.len - 1) / group : 0;
    size_t prefix_len = 0;
    if (prefix != NULL) {
        while (prefix[prefix_len] != '\0') {
            prefix_len++;
        }
    }
    size_t needed = (neg ? 1 : 0) + prefix_len + d.len + n_commas + 1;
    if (needed > *buf_size) {
        *buf = m_new(char, needed);
        *buf_size = needed;
    }
    char *out = *buf + *buf_size - needed;
    char *p = out;
    if (neg) {
        *p++ = '-';
    }
    for (size_t i = 0; i < prefix_len; i++) {
        *p++ = prefix[i];
    }
    for (size_t i = d.len; i-- > 0;) {
        *p++ = d.rev[i];
        if (n_commas && i != 0 && i % group == 0) {
            *p++ = comma;
        }
    }
    *p = '\0';
    m_del(char, d.rev, d.alloc);
    *fmt_size = p - out;
    return out;
}

char *mp_obj_int_formatted(char **buf, size_t *buf_size, size_t *fmt_size, mp_const_obj_t self_in,
    int base, const char *prefix, char base_char, char comma) {
    return natmodgen_rt_int_text(buf, buf_size, fmt_size, self_in, base, prefix, base_char, comma);
}

char *mp_obj_int_formatted_impl(char **buf, size_t *buf_size, size_t *fmt_size, mp_const_obj_t self_in,
    int base, const char *prefix, char base_char, char comma) {
    return natmodgen_rt_int_text(buf, buf_size, fmt_size, self_in, base, prefix, base_char, comma);
}

/*
 * An int printed as the firmware's %-formatting and str.format print it: flags (PF_FLAG_*, with
 * the grouping character above PF_FLAG_SEP_POS), fill and width as mp_print_strn takes them,
 * and prec (> 1) zero-pads the digits to that many. A non-int argument is converted with
 * mp_obj_get_int (True prints 1).
 */
int mp_print_mp_int(const mp_print_t *print, mp_obj_t x, unsigned int base, int base_char, int flags, char fill, int width, int prec) {
    if (!mp_obj_is_int(x)) {
        x = MP_OBJ_NEW_SMALL_INT(mp_obj_get_int(x));
    }
    if (fill == '0' && (flags & (PF_FLAG_LEFT_ADJUST | PF_FLAG_CENTER_ADJUST)) == 0) {
        // Zero fill pads the digits: it is a precision.
        if (prec > width) {
            width = prec;
        }
        prec = 0;
    }

    char prefix[4];
    int prefix_len = 0;
    if (mp_obj_int_sign(x) >= 0 && (flags & (PF_FLAG_SHOW_SIGN | PF_FLAG_SPACE_SIGN))) {
        prefix[prefix_len++] = (flags & PF_FLAG_SHOW_SIGN) ? '+' : ' ';
    }
    if (flags & PF_FLAG_SHOW_PREFIX) {
        char letter = base == 2 ? 'b' : base == 16 ? 'x' : (base == 8 && (flags & PF_FLAG_SHOW_OCTAL_LETTER)) ? 'o' : 0;
        if (base == 2 || base == 8 || base == 16) {
            prefix[prefix_len++] = '0';
        }
        if (letter) {
            prefix[prefix_len++] = (char)(base_char + letter - 'a');
        }
    }
    prefix[prefix_len] = '\0';
    char comma = (char)(flags >> PF_FLAG_SEP_POS);

    char small[sizeof(mp_int_t) * 4];
    char *buf = small;
    size_t buf_size = sizeof(small);
    size_t fmt_size = 0;
    if (prec > 1) {
        flags |= PF_FLAG_PAD_AFTER_SIGN;
    }
    bool after_sign = (flags & PF_FLAG_PAD_AFTER_SIGN) != 0;
    char *str = mp_obj_int_formatted(&buf, &buf_size, &fmt_size, x, base, after_sign ? NULL : prefix, (char)base_char, comma);
    char sign = '\0';
    if (after_sign && *str == '-') {
        sign = *str++;
        fmt_size--;
    }

    int spaces_before = 0, spaces_after = 0;
    if (prec > 1) {
        // The digits are zero-padded to prec; that block is aligned in width with spaces.
        int block = (int)fmt_size > prec ? (int)fmt_size : prec;
        if (after_sign) {
            block += (sign ? 1 : 0) + prefix_len;
        }
        if (block < width) {
            if (flags & PF_FLAG_LEFT_ADJUST) {
                spaces_after = width - block;
            } else {
                spaces_before = width - block;
            }
        }
        fill = '0';
        flags &= ~PF_FLAG_LEFT_ADJUST;
    }

    int len = 0;
    if (spaces_before) {
        len += mp_print_strn(print, "", 0, 0, ' ', spaces_before);
    }
    if (after_sign) {
        if (sign) {
            len += mp_print_strn(print, &sign, 1, 0, 0, 1);
            width--;
        }
        if (prefix_len) {
            len += mp_print_strn(print, prefix, prefix_len, 0, 0, 1);
            width -= prefix_len;
        }
    }
    if (prec > 1) {
        width = prec;
    }
    len += mp_print_strn(print, str, fmt_size, flags, fill, width);
    if (spaces_after) {
        len += mp_print_strn(print, "", 0, 0, ' ', spaces_after);
    }
    if (buf != small) {
        m_del(char, buf, buf_size);
    }
    return len;
}
