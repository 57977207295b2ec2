// Declaration specifiers chosen by #if around them: the storage class alone, and the return
// type alone (dholth/arduino-libopus opus-1.3.1 celt/celt_decoder.c:257, celt/pitch.c:210).
#include "py/runtime.h"

#ifndef KEEP_GLOBAL
static
#endif
int twice(int x) {
    return 2 * x;
}

#ifdef WIDE_RESULT
long long
#else
int
#endif
thrice(int x) {
    return 3 * x;
}

static mp_obj_t both(mp_obj_t x) {
    return mp_obj_new_int(twice(mp_obj_get_int(x)) + thrice(mp_obj_get_int(x)));
}
static MP_DEFINE_CONST_FUN_OBJ_1(both_obj, both);

static const mp_rom_map_elem_t cs_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_condspec) },
    { MP_ROM_QSTR(MP_QSTR_both), MP_ROM_PTR(&both_obj) },
};
static MP_DEFINE_CONST_DICT(cs_globals, cs_globals_table);
const mp_obj_module_t cs_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&cs_globals };
MP_REGISTER_MODULE(MP_QSTR_condspec, cs_module);
