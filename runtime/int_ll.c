/*
 * mp_obj_get_ll (py/obj.h): an int as long long, keeping its low 64 bits as the firmware does,
 * read as two 32-bit halves with the firmware's int operations.
 */
#include "py/dynruntime.h"

long long mp_obj_get_ll(mp_const_obj_t arg) {
    if (!mp_obj_is_exact_type(arg, &mp_type_int)) {
        mp_obj_t as_int = mp_unary_op(MP_UNARY_OP_INT_MAYBE, (mp_obj_t)arg);
        if (as_int == MP_OBJ_NULL) {
            mp_raise_TypeError_int_conversion(arg);
        }
        arg = as_int;
    }
    if (mp_obj_is_small_int(arg)) {
        return MP_OBJ_SMALL_INT_VALUE(arg);
    }
    mp_obj_t mask = mp_obj_new_int_from_uint(0xffffffffu);
    mp_obj_t lo = mp_binary_op(MP_BINARY_OP_AND, (mp_obj_t)arg, mask);
    mp_obj_t hi = mp_binary_op(MP_BINARY_OP_AND, mp_binary_op(MP_BINARY_OP_RSHIFT, (mp_obj_t)arg, MP_OBJ_NEW_SMALL_INT(32)), mask);
    unsigned long long v = ((unsigned long long)(uint32_t)mp_obj_get_int_truncated(hi) << 32) | (uint32_t)mp_obj_get_int_truncated(lo);
    return (long long)v;
}
