// MicroPython < 1.19 registration: MP_REGISTER_MODULE(name, module, ENABLE_MACRO).
// 30 of the 47 corpus modules register this way (bench/corpus/manifest.json, style "old").
#include "py/runtime.h"

static mp_obj_t old_answer(void) {
    return mp_obj_new_int(42);
}
static MP_DEFINE_CONST_FUN_OBJ_0(old_answer_obj, old_answer);

static const mp_rom_map_elem_t old_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_oldreg) },
    { MP_ROM_QSTR(MP_QSTR_answer), MP_ROM_PTR(&old_answer_obj) },
};
static MP_DEFINE_CONST_DICT(old_module_globals, old_module_globals_table);

const mp_obj_module_t oldreg_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&old_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_oldreg, oldreg_user_cmodule, MODULE_OLDREG_ENABLED);
