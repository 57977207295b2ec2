// typeof, a GNU C keyword: the firmware compiles with -std=gnu99, dynruntime.mk with -std=c99,
// where GCC knows only __typeof__ ("implicit declaration of function 'typeof'"). A min/max macro
// as GNU C code writes it.
#include "py/runtime.h"

#define TY_MAX(a, b) ({ typeof(a) _a = (a); typeof(b) _b = (b); _a > _b ? _a : _b; })

static mp_obj_t ty_max(mp_obj_t a_in, mp_obj_t b_in) {
    mp_int_t a = mp_obj_get_int(a_in);
    mp_int_t b = mp_obj_get_int(b_in);
    return mp_obj_new_int(TY_MAX(a, b));
}
static MP_DEFINE_CONST_FUN_OBJ_2(ty_max_obj, ty_max);

static const mp_rom_map_elem_t ty_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_typeof) },
    { MP_ROM_QSTR(MP_QSTR_max), MP_ROM_PTR(&ty_max_obj) },
};
static MP_DEFINE_CONST_DICT(ty_module_globals, ty_module_globals_table);

const mp_obj_module_t ty_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&ty_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_typeof, ty_module);
