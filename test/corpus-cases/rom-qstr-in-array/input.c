// MP_ROM_QSTR in a local mp_obj_t array: the firmware's macro is MP_OBJ_NEW_QSTR, an mp_obj_t
// (peterzuger/micro-ecc-micropython micro_ecc.c:466-482, micro_ecc.curves()).
#include "py/runtime.h"

static mp_obj_t names(void) {
    mp_obj_t tuple[] = {
        MP_ROM_QSTR(MP_QSTR_alpha),
        MP_ROM_QSTR(MP_QSTR_beta),
    };
    return mp_obj_new_tuple(MP_ARRAY_SIZE(tuple), tuple);
}
static MP_DEFINE_CONST_FUN_OBJ_0(names_obj, names);

static const mp_rom_map_elem_t rq_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_romqstr) },
    { MP_ROM_QSTR(MP_QSTR_names), MP_ROM_PTR(&names_obj) },
    { MP_ROM_QSTR(MP_QSTR_nothing), MP_ROM_NONE },
};
static MP_DEFINE_CONST_DICT(rq_globals, rq_globals_table);

const mp_obj_module_t rq_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&rq_globals,
};

MP_REGISTER_MODULE(MP_QSTR_nmg_romqstr, rq_module);
