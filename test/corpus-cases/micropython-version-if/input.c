// Sources that support several MicroPython releases test MICROPY_VERSION (py/mpconfig.h).
#include "py/runtime.h"

static mp_obj_t vi_release(void) {
#if MICROPY_VERSION >= 0x011300
    return mp_obj_new_int(119);
#else
    return mp_obj_new_int(0);
#endif
}
static MP_DEFINE_CONST_FUN_OBJ_0(vi_release_obj, vi_release);

static const mp_rom_map_elem_t vi_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_verif) },
    { MP_ROM_QSTR(MP_QSTR_release), MP_ROM_PTR(&vi_release_obj) },
};
static MP_DEFINE_CONST_DICT(vi_module_globals, vi_module_globals_table);

const mp_obj_module_t vi_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&vi_module_globals,
};
#if MICROPY_VERSION >= 0x011300
MP_REGISTER_MODULE(MP_QSTR_verif, vi_module);
#else
MP_REGISTER_MODULE(MP_QSTR_verif_legacy, vi_module);
#endif
