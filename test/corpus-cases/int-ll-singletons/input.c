// mp_obj_get_ll (peterzuger/extended-block-device-micropython ebdev.c:138) and the Ellipsis
// singleton (nickovs/uumpy moduumpy.c:800, subscripts with ...): py/dynruntime.h has neither.
#include "py/obj.h"
#include "py/runtime.h"

static mp_obj_t il_ll(mp_obj_t x_in) {
    long long v = mp_obj_get_ll(x_in);
    mp_obj_t items[2] = { mp_obj_new_int_from_ll(v), mp_obj_new_bool(v < 0) };
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(il_ll_obj, il_ll);

static mp_obj_t il_kind(mp_obj_t x_in) {
    if (x_in == MP_OBJ_FROM_PTR(&mp_const_ellipsis_obj)) {
        return MP_OBJ_NEW_QSTR(MP_QSTR_ellipsis);
    }
    if (x_in == MP_OBJ_FROM_PTR(&mp_const_notimplemented_obj)) {
        return MP_OBJ_NEW_QSTR(MP_QSTR_notimplemented);
    }
    return MP_OBJ_NEW_QSTR(MP_QSTR_other);
}
static MP_DEFINE_CONST_FUN_OBJ_1(il_kind_obj, il_kind);

static const mp_rom_map_elem_t il_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_intll) },
    { MP_ROM_QSTR(MP_QSTR_ll), MP_ROM_PTR(&il_ll_obj) },
    { MP_ROM_QSTR(MP_QSTR_kind), MP_ROM_PTR(&il_kind_obj) },
    { MP_ROM_QSTR(MP_QSTR_dots), MP_ROM_PTR(&mp_const_ellipsis_obj) },
};
static MP_DEFINE_CONST_DICT(il_module_globals, il_module_globals_table);

const mp_obj_module_t il_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&il_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_intll, il_module);
