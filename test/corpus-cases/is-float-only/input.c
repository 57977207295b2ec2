// mp_obj_is_float as the module's only reference to a builtin type that py/dynruntime.h lacks (daversky/ublox_nmea ublox_nmea.c:546, mp_type_float undefined at link).
#include "py/runtime.h"
static mp_obj_t isf(mp_obj_t o) {
    mp_obj_t *items; size_t n;
    mp_obj_get_array(o, &n, &items);
    if (mp_obj_is_float(items[0])) { return mp_const_true; }
    return mp_const_false;
}
static MP_DEFINE_CONST_FUN_OBJ_1(isf_obj, isf);
static const mp_rom_map_elem_t g_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_isfloat) },
    { MP_ROM_QSTR(MP_QSTR_isf), MP_ROM_PTR(&isf_obj) },
};
static MP_DEFINE_CONST_DICT(g, g_table);
const mp_obj_module_t fl_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&g };
MP_REGISTER_MODULE(MP_QSTR_nmg_isfloat, fl_module);
