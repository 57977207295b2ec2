#include "py/runtime.h"

static const mp_rom_map_elem_t a_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_mod_a) },
};
static MP_DEFINE_CONST_DICT(a_globals, a_globals_table);
const mp_obj_module_t a_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&a_globals,
};
static const mp_rom_map_elem_t b_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_mod_b) },
};
static MP_DEFINE_CONST_DICT(b_globals, b_globals_table);
const mp_obj_module_t b_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&b_globals,
};
MP_REGISTER_MODULE(MP_QSTR_mod_a, a_module);
MP_REGISTER_MODULE(MP_QSTR_mod_b, b_module);
