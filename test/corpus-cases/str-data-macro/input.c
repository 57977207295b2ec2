// GET_STR_DATA_LEN from py/objstr.h, as v923z/micropython-usermod snippets/stringarg does: it
// expands to MP_OBJ_QSTR_VALUE and qstr_data, which py/dynruntime.h takes away.
#include "py/runtime.h"
#include "py/objstr.h"

static mp_obj_t sd_length(mp_obj_t s_in) {
    GET_STR_DATA_LEN(s_in, data, len);
    (void)data;
    return mp_obj_new_int(len);
}
static MP_DEFINE_CONST_FUN_OBJ_1(sd_length_obj, sd_length);

static const mp_rom_map_elem_t sd_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_strdata) },
    { MP_ROM_QSTR(MP_QSTR_length), MP_ROM_PTR(&sd_length_obj) },
};
static MP_DEFINE_CONST_DICT(sd_module_globals, sd_module_globals_table);

const mp_obj_module_t sd_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&sd_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_strdata, sd_module);
