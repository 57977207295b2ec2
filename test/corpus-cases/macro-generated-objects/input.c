// Function objects stamped out by a helper macro, as py/modmath.c (MATH_FUN_1) and
// nickovs/uumpy (UUMATH_FUN_1) do.
#include "py/runtime.h"

#define INT_FUN_1(name, expr) \
    static mp_obj_t mg_##name(mp_obj_t x_in) { \
        mp_int_t x = mp_obj_get_int(x_in); \
        return mp_obj_new_int(expr); \
    } \
    static MP_DEFINE_CONST_FUN_OBJ_1(mg_##name##_obj, mg_##name);

INT_FUN_1(square, x * x)
INT_FUN_1(negate, -x)

static const mp_rom_map_elem_t mg_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_macrogen) },
    { MP_ROM_QSTR(MP_QSTR_square), MP_ROM_PTR(&mg_square_obj) },
    { MP_ROM_QSTR(MP_QSTR_negate), MP_ROM_PTR(&mg_negate_obj) },
};
static MP_DEFINE_CONST_DICT(mg_module_globals, mg_module_globals_table);

const mp_obj_module_t mg_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&mg_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_macrogen, mg_module);
