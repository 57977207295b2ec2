/*
 * mp_obj_new_template (py/obj.h): a string.templatelib.Template from the compiler's arguments
 * (the strings tuple, then either one tuple of interpolation fields or the fields themselves,
 * four per interpolation). The firmware's builtin __template__ (present when it has t-strings,
 * MICROPY_PY_TSTRINGS) is this very function.
 */
#include "py/dynruntime.h"

mp_obj_t mp_obj_new_template(size_t n_args, const mp_obj_t *args) {
    mp_obj_t builtins = mp_import_name(MP_QSTR_builtins, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    return mp_call_function_n_kw(mp_load_attr(builtins, MP_QSTR___template__), n_args, 0, args);
}
