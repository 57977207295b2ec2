// A module __init__ entry guarded by MICROPY_MODULE_BUILTIN_INIT, with an #error when the
// firmware lacks it (woodworm/this-micropython this.c:97-102).
#include "py/runtime.h"

static int inits = 0;

static mp_obj_t ig_init(void) {
    inits++;
    mp_printf(&mp_plat_print, "init %d\n", inits);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(ig_init_obj, ig_init);

static mp_obj_t ig_count(void) {
    return mp_obj_new_int(inits);
}
static MP_DEFINE_CONST_FUN_OBJ_0(ig_count_obj, ig_count);

static const mp_rom_map_elem_t ig_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_initguard) },
#if MICROPY_MODULE_BUILTIN_INIT
    { MP_ROM_QSTR(MP_QSTR___init__), MP_ROM_PTR(&ig_init_obj) },
    { MP_ROM_QSTR(MP_QSTR_count), MP_ROM_PTR(&ig_count_obj) },
#else
    #error "__init__ needs MICROPY_MODULE_BUILTIN_INIT=1"
#endif
};
static MP_DEFINE_CONST_DICT(ig_globals, ig_globals_table);

const mp_obj_module_t ig_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&ig_globals,
};

MP_REGISTER_MODULE(MP_QSTR_nmg_initguard, ig_module);
