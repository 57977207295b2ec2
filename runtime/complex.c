/* Complex numbers (py/obj.h) through the firmware's complex type and its real/imag attributes. */
#include "py/dynruntime.h"

#if MICROPY_PY_BUILTINS_COMPLEX
mp_obj_t mp_obj_new_complex(mp_float_t real, mp_float_t imag) {
    mp_obj_t args[2] = { mp_obj_new_float(real), mp_obj_new_float(imag) };
    return mp_call_function_n_kw(mp_load_global(MP_QSTR_complex), 2, 0, args);
}
#endif

#if MICROPY_PY_BUILTINS_COMPLEX
void mp_obj_get_complex(mp_obj_t arg, mp_float_t *real, mp_float_t *imag) {
    const mp_obj_type_t *type = mp_obj_get_type(arg);
    if (MP_OBJ_FROM_PTR(type) == mp_load_global(MP_QSTR_complex)) {
        *real = mp_obj_get_float(mp_load_attr(arg, MP_QSTR_real));
        *imag = mp_obj_get_float(mp_load_attr(arg, MP_QSTR_imag));
        return;
    }
    if (arg == mp_const_false || arg == mp_const_true || mp_obj_is_small_int(arg) || mp_obj_is_exact_type(arg, &mp_type_int)
        || MP_OBJ_FROM_PTR(type) == mp_load_global(MP_QSTR_float)) {
        *real = mp_obj_get_float(arg);
        *imag = 0;
        return;
    }
    mp_raise_msg_varg(&mp_type_TypeError, MP_ERROR_TEXT("can't convert %s to complex"), mp_obj_get_type_str(arg));
}
#endif
