// mp_obj_malloc_with_finaliser_helper called by name in a unit that also uses the
// mp_obj_malloc_with_finaliser macro (py/obj.h declares the helper only with
// MICROPY_ENABLE_FINALISER, 0 in a natmod, where the macro maps to mp_obj_malloc; natmodgen must
// declare it). The helper alone converts and builds; with the macro also used, the generated unit
// declares it only after its use (with the runtime's definitions), so the call does not compile.
#include "py/runtime.h"

static mp_obj_t fh_make(void) {
    byte *buf = m_malloc_with_finaliser(8);
    mp_obj_base_t *m = mp_obj_malloc_with_finaliser(mp_obj_base_t, &mp_type_object);
    (void)m;
    mp_obj_base_t *o = mp_obj_malloc_with_finaliser_helper(sizeof(mp_obj_base_t), &mp_type_object);
    return mp_obj_new_bool(buf != NULL && o->type == &mp_type_object);
}
static MP_DEFINE_CONST_FUN_OBJ_0(fh_make_obj, fh_make);

static const mp_rom_map_elem_t fh_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_fhelper) },
    { MP_ROM_QSTR(MP_QSTR_make), MP_ROM_PTR(&fh_make_obj) },
};
static MP_DEFINE_CONST_DICT(fh_module_globals, fh_module_globals_table);

const mp_obj_module_t fh_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&fh_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_fhelper, fh_module);
