#include "py/runtime.h"
#include "py/gc.h"

static mp_obj_t call_it(mp_obj_t f, mp_obj_t a) {
    return gc_nbytes(MP_OBJ_TO_PTR(a)) ? a : f;
}
static MP_DEFINE_CONST_FUN_OBJ_2(call_it_obj, call_it);

static const mp_rom_map_elem_t mod_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_call_it), MP_ROM_PTR(&call_it_obj) },
};
static MP_DEFINE_CONST_DICT(mod_globals, mod_globals_table);

const mp_obj_module_t calls_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&mod_globals,
};
MP_REGISTER_MODULE(MP_QSTR_calls, calls_module);
