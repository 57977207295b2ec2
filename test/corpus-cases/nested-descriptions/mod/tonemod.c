#include "py/runtime.h"
#include "../lib/tone.h"

static mp_obj_t tonemod_square(mp_obj_t period_in, mp_obj_t index_in) {
    return mp_obj_new_int(tone_square(mp_obj_get_int(period_in), mp_obj_get_int(index_in)));
}
static MP_DEFINE_CONST_FUN_OBJ_2(tonemod_square_obj, tonemod_square);

static const mp_rom_map_elem_t tonemod_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_tonemod) },
    { MP_ROM_QSTR(MP_QSTR_square), MP_ROM_PTR(&tonemod_square_obj) },
};
static MP_DEFINE_CONST_DICT(tonemod_globals, tonemod_globals_table);

const mp_obj_module_t tonemod_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&tonemod_globals,
};

MP_REGISTER_MODULE(MP_QSTR_tonemod, tonemod_user_cmodule);
