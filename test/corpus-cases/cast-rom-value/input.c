// Table values written with a cast to an object type around the value macro, and keys spelled
// MP_OBJ_NEW_QSTR, in a mp_map_elem_t table: v1.28's firmware build accepts both.
#include "py/runtime.h"

static mp_obj_t cr_twice(mp_obj_t x) {
    return mp_obj_new_int(2 * mp_obj_get_int(x));
}
static MP_DEFINE_CONST_FUN_OBJ_1(cr_twice_obj, cr_twice);

static mp_obj_t cr_hello(void) {
    return MP_OBJ_NEW_QSTR(MP_QSTR_hello);
}
static MP_DEFINE_CONST_FUN_OBJ_0(cr_hello_obj, cr_hello);

static const mp_map_elem_t cr_module_globals_table[] = {
    {MP_OBJ_NEW_QSTR(MP_QSTR___name__), MP_OBJ_NEW_QSTR(MP_QSTR_castrom)},
    {MP_OBJ_NEW_QSTR(MP_QSTR_twice),
     (mp_obj_t)MP_ROM_PTR(&cr_twice_obj)},
    {MP_OBJ_NEW_QSTR(MP_QSTR_hello), (mp_obj_t)&cr_hello_obj},
    {MP_OBJ_NEW_QSTR(MP_QSTR_SEVEN), (mp_obj_t)MP_ROM_INT(7)},
    {MP_OBJ_NEW_QSTR(MP_QSTR_name), (mp_obj_t)MP_ROM_QSTR(MP_QSTR_castrom)},
};
static MP_DEFINE_CONST_DICT(cr_module_globals, cr_module_globals_table);

const mp_obj_module_t cr_module = {
    .base = {&mp_type_module},
    .globals = (mp_obj_dict_t *)&cr_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_castrom, cr_module);
