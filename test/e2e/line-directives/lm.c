// Two errors in user expressions natmodgen rewrites into generated statements: an undeclared slot
// value and an undeclared table value. The compiler must name the lines they are written on.
#include "py/runtime.h"

static mp_obj_t lm_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    return mp_const_none;
}

MP_DEFINE_CONST_OBJ_TYPE(
    lm_type,
    MP_QSTR_T,
    MP_TYPE_FLAG_NONE,
    make_new, lm_make_new,
    print, lm_undeclared_printer
    );

static const mp_rom_map_elem_t lm_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_lm) },
    { MP_ROM_QSTR(MP_QSTR_T), MP_ROM_PTR(&lm_type) },
    { MP_ROM_QSTR(MP_QSTR_bad), MP_ROM_INT(lm_undeclared_count) },
};
static MP_DEFINE_CONST_DICT(lm_globals, lm_globals_table);
const mp_obj_module_t lm_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&lm_globals };
MP_REGISTER_MODULE(MP_QSTR_lm, lm_module);
