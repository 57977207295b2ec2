#include "py/runtime.h"
#include "helpers.h"

static MP_DEFINE_CONST_FUN_OBJ_2(order_add_obj, order_add);
static MP_DEFINE_CONST_FUN_OBJ_1(order_twice_obj, order_twice);

static const mp_rom_map_elem_t order_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_order) },
    { MP_ROM_QSTR(MP_QSTR_add), MP_ROM_PTR(&order_add_obj) },
    { MP_ROM_QSTR(MP_QSTR_twice), MP_ROM_PTR(&order_twice_obj) },
};
static MP_DEFINE_CONST_DICT(order_module_globals, order_module_globals_table);

const mp_obj_module_t order_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&order_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_order, order_module);
