// libm functions a module calls: sqrt, pow, sin, floor and fmod of the build's float type
// (architectures without float, such as rv32imc, have no maths()).
#include <math.h>
#include "py/runtime.h"

#if MICROPY_PY_BUILTINS_FLOAT
static mp_obj_t compmath_maths(mp_obj_t x_in) {
    mp_float_t x = mp_obj_get_float(x_in);
    mp_obj_t items[5] = {
        mp_obj_new_float(MICROPY_FLOAT_C_FUN(sqrt)(x)),
        mp_obj_new_float(MICROPY_FLOAT_C_FUN(pow)(x, (mp_float_t)1.5)),
        mp_obj_new_float(MICROPY_FLOAT_C_FUN(sin)(x)),
        mp_obj_new_float(MICROPY_FLOAT_C_FUN(floor)(x)),
        mp_obj_new_float(MICROPY_FLOAT_C_FUN(fmod)(x, (mp_float_t)0.75)),
    };
    return mp_obj_new_tuple(5, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(compmath_maths_obj, compmath_maths);
#endif

static const mp_rom_map_elem_t compmath_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_compmath) },
    #if MICROPY_PY_BUILTINS_FLOAT
    { MP_ROM_QSTR(MP_QSTR_maths), MP_ROM_PTR(&compmath_maths_obj) },
    #endif
};
static MP_DEFINE_CONST_DICT(compmath_globals, compmath_globals_table);

const mp_obj_module_t compmath_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&compmath_globals,
};
MP_REGISTER_MODULE(MP_QSTR_compmath, compmath_user_cmodule);
