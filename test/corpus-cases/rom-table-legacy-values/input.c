// Table spellings that compile in a v1.28 firmware build: MP_OBJ_NEW_QSTR keys and values,
// and MP_ROM_PTR around an object pointer macro (mp_const_none is &mp_const_none_obj).
#include "py/runtime.h"

static mp_obj_t lv_ping(void) {
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(lv_ping_obj, lv_ping);

static const mp_rom_map_elem_t lv_module_globals_table[] = {
    { MP_OBJ_NEW_QSTR(MP_QSTR___name__), MP_OBJ_NEW_QSTR(MP_QSTR_legacyvals) },
    { MP_ROM_QSTR(MP_QSTR_ping), MP_ROM_PTR(&lv_ping_obj) },
    { MP_ROM_QSTR(MP_QSTR_nothing), MP_ROM_PTR(mp_const_none) },
};
static MP_DEFINE_CONST_DICT(lv_module_globals, lv_module_globals_table);

const mp_obj_module_t lv_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&lv_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_legacyvals, lv_module);
