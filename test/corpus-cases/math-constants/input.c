// M_PI from <math.h>: the firmware compiles with -std=gnu99, dynruntime.mk with -std=c99, which
// hides it (daversky/ublox_nmea: #define DEG_TO_RAD (M_PI / 180.0)).
#include <math.h>
#include "py/runtime.h"

static mp_obj_t mc_half_turn(void) {
    return mp_obj_new_int((mp_int_t)(M_PI * 1000));
}
static MP_DEFINE_CONST_FUN_OBJ_0(mc_half_turn_obj, mc_half_turn);

static const mp_rom_map_elem_t mc_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_mathconst) },
    { MP_ROM_QSTR(MP_QSTR_half_turn), MP_ROM_PTR(&mc_half_turn_obj) },
};
static MP_DEFINE_CONST_DICT(mc_module_globals, mc_module_globals_table);

const mp_obj_module_t mc_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&mc_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_mathconst, mc_module);
