/*
 * The arithmetic of float and complex numbers with a C value on the left (py/obj.h
 * mp_obj_float_binary_op, mp_obj_complex_binary_op), and reading a complex (mp_obj_complex_get,
 * mp_obj_get_complex_maybe). An operand the firmware cannot take as a number gives MP_OBJ_NULL
 * (the operation is not supported); otherwise the firmware's own float or complex type computes
 * it: its binary_op slot reads the left value back and calls exactly these functions.
 */
#include "py/dynruntime.h"
#include "builtin.h"

#if MICROPY_PY_BUILTINS_FLOAT
mp_obj_t mp_obj_float_binary_op(mp_binary_op_t op, mp_float_t lhs_val, mp_obj_t rhs_in) {
    mp_float_t rhs_val;
    if (!mp_obj_get_float_maybe(rhs_in, &rhs_val)) {
        return MP_OBJ_NULL;
    }
    mp_obj_t lhs = mp_obj_new_float(lhs_val);
    return MP_OBJ_TYPE_GET_SLOT(mp_obj_get_type(lhs), binary_op)(op, lhs, rhs_in);
}
#endif

#if MICROPY_PY_BUILTINS_COMPLEX
void mp_obj_complex_get(mp_obj_t self_in, mp_float_t *real, mp_float_t *imag) {
    *real = mp_obj_get_float(mp_load_attr(self_in, MP_QSTR_real));
    *imag = mp_obj_get_float(mp_load_attr(self_in, MP_QSTR_imag));
}

/* A number (or __float__) with imaginary part 0, a complex, or what __complex__ gives; false for anything else. */
bool mp_obj_get_complex_maybe(mp_obj_t arg, mp_float_t *real, mp_float_t *imag) {
    mp_obj_t complex_type = natmodgen_rt_builtin(MP_QSTR_complex);
    if (mp_obj_get_float_maybe(arg, real)) {
        *imag = 0;
        return true;
    }
    if (MP_OBJ_FROM_PTR(mp_obj_get_type(arg)) != complex_type) {
        arg = mp_unary_op(MP_UNARY_OP_COMPLEX_MAYBE, arg);
        if (arg == MP_OBJ_NULL || MP_OBJ_FROM_PTR(mp_obj_get_type(arg)) != complex_type) {
            return false;
        }
    }
    mp_obj_complex_get(arg, real, imag);
    return true;
}

mp_obj_t mp_obj_complex_binary_op(mp_binary_op_t op, mp_float_t lhs_real, mp_float_t lhs_imag, mp_obj_t rhs_in) {
    mp_float_t rhs_real, rhs_imag;
    if (!mp_obj_get_complex_maybe(rhs_in, &rhs_real, &rhs_imag)) {
        return MP_OBJ_NULL;
    }
    mp_obj_t lhs = mp_obj_new_complex(lhs_real, lhs_imag);
    return MP_OBJ_TYPE_GET_SLOT(mp_obj_get_type(lhs), binary_op)(op, lhs, rhs_in);
}
#endif
