/*
 * mp_obj_new_int_from_str_len (py/obj.h): the int of the digits of base at the start of
 * *str (at most len bytes; 0-9, then letters either case, up to the first that is not a
 * digit of base), negated if neg, with *str moved past them, as the firmware's long-int
 * version (py/objint_mpz.c over mpz_set_from_str) reads them. The value is made by the
 * firmware's int(text, base).
 */
#include "py/dynruntime.h"
#include "natmodgen_rt.h"
#include "builtin.h"

mp_obj_t mp_obj_new_int_from_str_len(const char **str, size_t len, bool neg, unsigned int base) {
    size_t n = 0;
    while (n < len && (unsigned int)natmodgen_rt_digit_value((*str)[n]) < base) {
        n++;
    }
    mp_obj_t value = MP_OBJ_NEW_SMALL_INT(0);
    if (n > 0) {
        mp_obj_t args[2] = { mp_obj_new_str(*str, n), MP_OBJ_NEW_SMALL_INT(base) };
        value = mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_int), 2, 0, args);
    }
    if (neg) {
        value = mp_unary_op(MP_UNARY_OP_NEGATIVE, value);
    }
    *str += n;
    return value;
}
