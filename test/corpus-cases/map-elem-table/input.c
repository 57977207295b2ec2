// Globals as a non-ROM mp_map_elem_t table with MP_OBJ_NEW_QSTR keys and (mp_obj_t)& values,
// the style of MicroPython < 1.10 sources that still compiles on v1.28.
#include "py/runtime.h"

static mp_obj_t me_hello(void) {
    return MP_OBJ_NEW_SMALL_INT(1);
}
static MP_DEFINE_CONST_FUN_OBJ_0(me_hello_obj, me_hello);

static const mp_map_elem_t me_module_globals_table[] = {
    { MP_OBJ_NEW_QSTR(MP_QSTR___name__), MP_OBJ_NEW_QSTR(MP_QSTR_mapelem) },
    { MP_OBJ_NEW_QSTR(MP_QSTR_hello), (mp_obj_t)&me_hello_obj },
};
static MP_DEFINE_CONST_DICT(me_module_globals, me_module_globals_table);

const mp_obj_module_t me_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&me_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_mapelem, me_module);
