// Declarations under an #ifdef the build leaves undefined, written with a port's macros the
// file never defines (hacksterous/mpapbf mpbf/libbf.c:73-79, `#ifdef BARE_M` `NORETURN void abort_(void);`).
#include "py/runtime.h"

#ifdef BARE_METAL_PORT
PORT_NORETURN void port_reset(void);

PORT_NORETURN void port_halt(void) {
    port_reset();
}
#endif

static mp_obj_t dbm_twice(mp_obj_t a) {
    return mp_obj_new_int(2 * mp_obj_get_int(a));
}
static MP_DEFINE_CONST_FUN_OBJ_1(dbm_twice_obj, dbm_twice);

static const mp_rom_map_elem_t dbm_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_deadbranch) },
    { MP_ROM_QSTR(MP_QSTR_twice), MP_ROM_PTR(&dbm_twice_obj) },
};
static MP_DEFINE_CONST_DICT(dbm_globals, dbm_globals_table);
const mp_obj_module_t dbm_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&dbm_globals };
MP_REGISTER_MODULE(MP_QSTR_deadbranch, dbm_module);
