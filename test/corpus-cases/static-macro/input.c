// Sources written before MicroPython 1.21 use STATIC; their firmware build passes -D STATIC=static.
#include "py/runtime.h"

STATIC mp_obj_t st_double(mp_obj_t x) {
    return mp_obj_new_int(2 * mp_obj_get_int(x));
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(st_double_obj, st_double);

STATIC const mp_rom_map_elem_t st_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_stmod) },
    { MP_ROM_QSTR(MP_QSTR_double), MP_ROM_PTR(&st_double_obj) },
};
STATIC MP_DEFINE_CONST_DICT(st_module_globals, st_module_globals_table);

const mp_obj_module_t st_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&st_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_stmod, st_module);
