// nmg_multifile: a module whose table lives in one file and whose objects
// live in another (shapes.c), shared through shapes.h.
#include "py/runtime.h"
#include "shapes.h"

static mp_obj_t nmg_made(void) {
    return mp_obj_new_int(nmg_rects_made);
}
static MP_DEFINE_CONST_FUN_OBJ_0(nmg_made_obj, nmg_made);

static mp_obj_t nmg_is_rect(mp_obj_t obj) {
    return mp_obj_new_bool(mp_obj_is_type(obj, &nmg_rect_type));
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_is_rect_obj, nmg_is_rect);

static const mp_rom_map_elem_t nmg_multifile_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_multifile) },
    { MP_ROM_QSTR(MP_QSTR_Rect), MP_ROM_PTR(&nmg_rect_type) },
    { MP_ROM_QSTR(MP_QSTR_area), MP_ROM_PTR(&nmg_area_obj) },
    { MP_ROM_QSTR(MP_QSTR_square), MP_ROM_PTR(&nmg_square_obj) },
    { MP_ROM_QSTR(MP_QSTR_made), MP_ROM_PTR(&nmg_made_obj) },
    { MP_ROM_QSTR(MP_QSTR_is_rect), MP_ROM_PTR(&nmg_is_rect_obj) },
};
static MP_DEFINE_CONST_DICT(nmg_multifile_globals, nmg_multifile_globals_table);

const mp_obj_module_t nmg_multifile_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&nmg_multifile_globals,
};

MP_REGISTER_MODULE(MP_QSTR_nmg_multifile, nmg_multifile_user_cmodule);
