/*
 * Number parsing (py/parsenum.h) for floats and complex numbers: the firmware's float()
 * and complex() constructors parse a str with this very function, so calling them gives
 * its results and its errors ("invalid syntax for number"). With complex numbers the
 * header makes mp_parse_num_float an inline call of mp_parse_num_decimal. int() of a
 * float is, likewise, the firmware's own conversion.
 */
#include "py/dynruntime.h"
#include "py/parsenum.h"
#include "natmodgen_rt.h"
#include "builtin.h"

#if MICROPY_PY_BUILTINS_COMPLEX
/* The firmware gives a complex for an imaginary literal ("1.5j") when allowed, or when forced. */
NATMODGEN_RT_LOOP mp_obj_t mp_parse_num_decimal(const char *str, size_t len, bool allow_imag, bool force_complex, mp_lexer_t *lex) {
    (void)lex;
    mp_obj_t s = mp_obj_new_str(str, len);
    size_t end = len;
    while (end > 0 && unichar_isspace((unichar)(byte)str[end - 1])) {
        end--;
    }
    bool imag = end > 0 && (str[end - 1] == 'j' || str[end - 1] == 'J');
    if (force_complex || (allow_imag && imag)) {
        return mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_complex), 1, 0, &s);
    }
    return mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_float), 1, 0, &s);
}
#endif

#if MICROPY_PY_BUILTINS_FLOAT && !MICROPY_PY_BUILTINS_COMPLEX
mp_obj_t mp_parse_num_float(const char *str, size_t len, bool allow_imag, mp_lexer_t *lex) {
    (void)allow_imag;
    (void)lex;
    mp_obj_t s = mp_obj_new_str(str, len);
    return mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_float), 1, 0, &s);
}
#endif

#if MICROPY_PY_BUILTINS_FLOAT
/* int(f) is the firmware's mp_obj_new_int_from_float, with its OverflowError for inf and ValueError for nan. */
mp_obj_t mp_obj_new_int_from_float(mp_float_t val) {
    mp_obj_t f = mp_obj_new_float(val);
    return mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_int), 1, 0, &f);
}
#endif

#if MICROPY_PY_BUILTINS_FLOAT
/* py/dynruntime.h does not map the float type: the builtin of that name is it. */
static bool natmodgen_rt_is_float(mp_obj_t o) {
    return mp_obj_is_type(o, (const mp_obj_type_t *)MP_OBJ_TO_PTR(natmodgen_rt_builtin(MP_QSTR_float)));
}

/* py/obj.c: bool, int and float convert; another type converts through its __float__
 * (MP_UNARY_OP_FLOAT_MAYBE gives MP_OBJ_NULL when it has none): false without raising. */
bool mp_obj_get_float_maybe(mp_obj_t arg, mp_float_t *value) {
    if (arg == mp_const_false) {
        *value = 0;
    } else if (arg == mp_const_true) {
        *value = 1;
    } else if (mp_obj_is_small_int(arg)) {
        *value = (mp_float_t)MP_OBJ_SMALL_INT_VALUE(arg);
    } else if (natmodgen_rt_is_float(arg) || mp_obj_is_exact_type(arg, &mp_type_int)) {
        *value = mp_obj_get_float(arg);
    } else {
        mp_obj_t f = mp_unary_op(MP_UNARY_OP_FLOAT_MAYBE, arg);
        if (f == MP_OBJ_NULL || !natmodgen_rt_is_float(f)) {
            return false;
        }
        *value = mp_obj_get_float(f);
    }
    return true;
}
#endif
