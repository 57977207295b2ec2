// Alternative globals tables under #if on a module default (#ifndef X / #define X (0)): the natmod
// build compiles the default's branch, so that table is the module's (ulab-style feature switches).
#include "py/runtime.h"

#ifndef ALT_HAS_FAST
#define ALT_HAS_FAST (0)
#endif

static mp_obj_t alt_fast(void) { return mp_obj_new_int(1); }
static MP_DEFINE_CONST_FUN_OBJ_0(alt_fast_obj, alt_fast);
static mp_obj_t alt_slow(void) { return mp_obj_new_int(2); }
static MP_DEFINE_CONST_FUN_OBJ_0(alt_slow_obj, alt_slow);

#if ALT_HAS_FAST
static const mp_rom_map_elem_t alt_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_alt) },
    { MP_ROM_QSTR(MP_QSTR_run), MP_ROM_PTR(&alt_fast_obj) },
};
#else
static const mp_rom_map_elem_t alt_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_alt) },
    { MP_ROM_QSTR(MP_QSTR_run), MP_ROM_PTR(&alt_slow_obj) },
    { MP_ROM_QSTR(MP_QSTR_slow), MP_ROM_PTR(&alt_slow_obj) },
};
#endif
static MP_DEFINE_CONST_DICT(alt_globals, alt_globals_table);
const mp_obj_module_t alt_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&alt_globals };
MP_REGISTER_MODULE(MP_QSTR_alt, alt_module);
