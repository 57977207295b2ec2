// One module registered in both branches of a conditional: the 3-argument form for one build, the 2-argument form otherwise (dholth/arduino-libopus micropython/oggz/oggzmodule.c).
#include "py/runtime.h"
static mp_obj_t get(void) { return mp_obj_new_int(1); }
static MP_DEFINE_CONST_FUN_OBJ_0(get_obj, get);
static const mp_rom_map_elem_t g_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_alt) },
    { MP_ROM_QSTR(MP_QSTR_get), MP_ROM_PTR(&get_obj) },
};
static MP_DEFINE_CONST_DICT(g, g_table);
const mp_obj_module_t alt_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&g };
#ifdef CIRCUITPYTHON
MP_REGISTER_MODULE(MP_QSTR_alt, alt_module, 1);
#else
MP_REGISTER_MODULE(MP_QSTR_alt, alt_module);
#endif
