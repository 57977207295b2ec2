// py/mphal.h reached through a module header, and the port's mphalport.h included directly
// (v923z/micropython-usermod snippets/profiling; Turbofan3360/BMP580, bench/corpus leddisplay).
#include "hal_user.h"
#include "mphalport.h"

static mp_obj_t mh_quick(void) {
    mp_uint_t start = mp_hal_ticks_ms();
    return mp_obj_new_bool(hu_elapsed_ms(start) < 1000);
}
static MP_DEFINE_CONST_FUN_OBJ_0(mh_quick_obj, mh_quick);

static const mp_rom_map_elem_t mh_module_globals_table[] = {
    {MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_mphalhdr)},
    {MP_ROM_QSTR(MP_QSTR_quick), MP_ROM_PTR(&mh_quick_obj)},
};
static MP_DEFINE_CONST_DICT(mh_module_globals, mh_module_globals_table);

const mp_obj_module_t mh_module = {
    .base = {&mp_type_module},
    .globals = (mp_obj_dict_t *)&mh_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_mphalhdr, mh_module);
