/*
 * The decimal number reader under float() (py/parsenum.h): mp_parse_float_internal reads an
 * unsigned decimal (digits, an optional fraction, an optional exponent with sign; underscores
 * ignored anywhere) and stops at the first character that cannot continue it, returning where
 * it stopped, or NULL when an exponent marker ends the text. The value of what it read is the
 * firmware's float() of the same digits (which runs this very reader). mp_decimal_exp is
 * num * 10**dec_exp computed as the firmware does for this build's float-format choice
 * (MICROPY_FLOAT_FORMAT_IMPL): by exact repeated multiplication in the larger float type, or by
 * scaling the binary exponent and multiplying by 5**dec_exp, the power taken from the
 * firmware's own pow (float ** int).
 */
#include "py/dynruntime.h"
#include "py/parsenum.h"
#include "natmodgen_rt.h"
#include "builtin.h"

#if MICROPY_PY_BUILTINS_FLOAT

mp_large_float_t mp_decimal_exp(mp_large_float_t num, int dec_exp) {
    if (dec_exp == 0 || num == (mp_large_float_t)0.0) {
        return num;
    }
    #if MICROPY_FLOAT_FORMAT_IMPL == MICROPY_FLOAT_FORMAT_IMPL_EXACT
    bool divide = dec_exp < 0;
    unsigned int e = divide ? -(unsigned int)dec_exp : (unsigned int)dec_exp;
    mp_large_float_t power = (mp_large_float_t)10.0;
    for (;;) {
        if (e & 1) {
            num = divide ? num / power : num * power;
        }
        e >>= 1;
        if (e == 0) {
            return num;
        }
        power *= power;
    }
    #else
    mp_float_union_t u = { num };
    u.p.exp += dec_exp;
    // 5**10 (float) and 5**22 (double) are exact, so dividing by them rounds once.
    int exact = MICROPY_FLOAT_IMPL == MICROPY_FLOAT_IMPL_FLOAT ? 10 : 22;
    bool divide = dec_exp < 0 && dec_exp >= -exact;
    mp_obj_t five_pow = mp_binary_op(MP_BINARY_OP_POWER, mp_obj_new_float((mp_float_t)5), mp_obj_new_int(divide ? -dec_exp : dec_exp));
    mp_float_t p = mp_obj_get_float(five_pow);
    u.f = divide ? u.f / p : u.f * p;
    return (mp_large_float_t)u.f;
    #endif
}

NATMODGEN_RT_LOOP const char *mp_parse_float_internal(const char *str, size_t len, mp_float_t *res) {
    const char *top = str + len;
    // What float() is given: the mantissa's digits and point, then 'e' and the exponent.
    vstr_t text;
    vstr_init(&text, len + 2);
    enum { INTG, FRAC, EXP } in = INTG;
    bool digits = false;
    while (str < top) {
        char c = *str++;
        if (c >= '0' && c <= '9') {
            digits |= in != EXP;
            vstr_add_byte(&text, c);
        } else if (c == '.' && in == INTG) {
            in = FRAC;
            vstr_add_byte(&text, c);
        } else if ((c | 0x20) == 'e' && in != EXP) {
            in = EXP;
            vstr_add_byte(&text, 'e');
            if (str < top && (*str == '+' || *str == '-')) {
                vstr_add_byte(&text, *str++);
            }
            if (str == top) {
                vstr_clear(&text);
                return NULL;
            }
        } else if (c != '_') {
            str--;
            break;
        }
    }
    // An exponent marker with no digits after it counts as exponent 0.
    size_t n = text.len;
    while (n > 0 && (text.buf[n - 1] == 'e' || text.buf[n - 1] == '+' || text.buf[n - 1] == '-')) {
        n--;
    }
    *res = (mp_float_t)0.0;
    if (digits) {
        mp_obj_t s = mp_obj_new_str(text.buf, n);
        *res = mp_obj_get_float(mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_float), 1, 0, &s));
    }
    vstr_clear(&text);
    return str;
}

#endif
