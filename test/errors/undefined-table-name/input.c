#include "py/runtime.h"

static mp_obj_t hello(void) {
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(hello_obj, hello);

static const mp_rom_map_elem_t mod_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_broken) },
    { MP_ROM_QSTR(MP_QSTR_hello), MP_ROM_PTR(&hello_obj) },
    { MP_ROM_QSTR(MP_QSTR_goodbye), MP_ROM_PTR(&goodbye_obj) },
};
static MP_DEFINE_CONST_DICT(mod_globals, mod_globals_table);

const mp_obj_module_t broken_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&mod_globals,
};
MP_REGISTER_MODULE(MP_QSTR_broken, broken_module);
