// py/mphal.h reached through a module header and through a MicroPython header (extmod/modmachine.h
// includes it) besides the file's own include (Turbofan3360/BMP580; bench/corpus leddisplay, collartx).
// The port's mphalport.h included directly (v923z/micropython-usermod snippets/profiling) is
// bench/corpus usermod-profiling: the unix port's mphalport.h has no include guard, so it cannot
// be included here beside py/mphal.h.
#include "hal_user.h"
#include "py/mphal.h"
#include "extmod/modmachine.h"

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
