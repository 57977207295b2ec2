/* Complex numbers (py/obj.h) through the firmware's complex type and its real/imag attributes. */
#include "py/dynruntime.h"
#include "builtin.h"

#if MICROPY_PY_BUILTINS_COMPLEX
mp_obj_t mp_obj_new_complex(mp_float_t real, mp_float_t imag) {
    // complex(r, i) computes 0 + i, which turns an imaginary -0.0 into +0.0; negating
    // complex(-r, +0.0) gives (r, -0.0) exactly, as the firmware's own constructor stores it.
    int negative_zero = imag == 0 && (mp_float_t)1 / imag < 0;
    mp_obj_t args[2] = { mp_obj_new_float(negative_zero ? -real : real), mp_obj_new_float(negative_zero ? 0 : imag) };
    mp_obj_t z = mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_complex), 2, 0, args);
    return negative_zero ? mp_unary_op(MP_UNARY_OP_NEGATIVE, z) : z;
}
#endif

#if MICROPY_PY_BUILTINS_COMPLEX
void mp_obj_get_complex(mp_obj_t arg, mp_float_t *real, mp_float_t *imag) {
    // The firmware's order: a number (or __float__), a complex, then __complex__.
    mp_obj_t complex_type = natmodgen_rt_builtin(MP_QSTR_complex);
    mp_obj_t float_type = natmodgen_rt_builtin(MP_QSTR_float);
    const mp_obj_type_t *type = mp_obj_get_type(arg);
    if (arg == mp_const_false || arg == mp_const_true || mp_obj_is_small_int(arg) || mp_obj_is_exact_type(arg, &mp_type_int)
        || MP_OBJ_FROM_PTR(type) == float_type) {
        *real = mp_obj_get_float(arg);
        *imag = 0;
        return;
    }
    mp_obj_t z = arg;
    if (MP_OBJ_FROM_PTR(type) != complex_type) {
        mp_obj_t f = mp_unary_op(MP_UNARY_OP_FLOAT_MAYBE, arg);
        if (f != MP_OBJ_NULL && MP_OBJ_FROM_PTR(mp_obj_get_type(f)) == float_type) {
            *real = mp_obj_get_float(f);
            *imag = 0;
            return;
        }
        z = mp_unary_op(MP_UNARY_OP_COMPLEX_MAYBE, arg);
        if (z == MP_OBJ_NULL || MP_OBJ_FROM_PTR(mp_obj_get_type(z)) != complex_type) {
            mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("can't convert %s to complex"), mp_obj_get_type_str(arg));
        }
    }
    *real = mp_obj_get_float(mp_load_attr(z, MP_QSTR_real));
    *imag = mp_obj_get_float(mp_load_attr(z, MP_QSTR_imag));
}
#endif
