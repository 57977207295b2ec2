// The firmware's empty dict, as PyDevices/displayif mp_helpers.h passes it to mp_import_name
// (DISPLAYIF_EMPTY_DICT): its address as an object, where nothing is ever stored.
#include "py/runtime.h"

#define EMPTY_DICT MP_OBJ_FROM_PTR(&mp_const_empty_dict_obj)

// The module `name` imported as `import name` does, with the empty dict as its fromlist.
static mp_obj_t nmg_emptydict_load(mp_obj_t name_in) {
    return mp_import_name(mp_obj_str_get_qstr(name_in), EMPTY_DICT, MP_OBJ_NEW_SMALL_INT(0));
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_emptydict_load_obj, nmg_emptydict_load);

// The dict itself, and whether two reads give the same object.
static mp_obj_t nmg_emptydict_get(void) {
    const mp_obj_dict_t *a = &mp_const_empty_dict_obj;
    const mp_obj_dict_t *b = &mp_const_empty_dict_obj;
    mp_obj_t items[2] = { EMPTY_DICT, mp_obj_new_bool(a == b && a->map.used == 0) };
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_0(nmg_emptydict_get_obj, nmg_emptydict_get);

static const mp_rom_map_elem_t nmg_emptydict_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_emptydict) },
    { MP_ROM_QSTR(MP_QSTR_load), MP_ROM_PTR(&nmg_emptydict_load_obj) },
    { MP_ROM_QSTR(MP_QSTR_get), MP_ROM_PTR(&nmg_emptydict_get_obj) },
};
static MP_DEFINE_CONST_DICT(nmg_emptydict_globals, nmg_emptydict_globals_table);

const mp_obj_module_t nmg_emptydict_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&nmg_emptydict_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_emptydict, nmg_emptydict_module);
