// mp_vfs_open, the builtin open() of VFS ports, called from C with an empty or a filled keyword
// map (Carglglz/mpy-yaml mod_libyaml.c:59, Carglglz/mpy-blst mod_blst.c:31).
#include "py/runtime.h"
#include "py/stream.h"
#include "extmod/vfs.h"

static mp_obj_t vo_read(mp_obj_t name_in, mp_obj_t mode_in) {
    mp_obj_t f;
    if (mode_in == mp_const_none) {
        f = mp_vfs_open(1, &name_in, (mp_map_t *)&mp_const_empty_map);
    } else {
        mp_map_t kw;
        mp_map_init(&kw, 1);
        mp_map_lookup(&kw, MP_OBJ_NEW_QSTR(MP_QSTR_mode), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = mode_in;
        f = mp_vfs_open(1, &name_in, &kw);
    }
    mp_obj_t dest[2];
    mp_load_method(f, MP_QSTR_read, dest);
    mp_obj_t data = mp_call_method_n_kw(0, 0, dest);
    mp_load_method(f, MP_QSTR_close, dest);
    mp_call_method_n_kw(0, 0, dest);
    return data;
}
static MP_DEFINE_CONST_FUN_OBJ_2(vo_read_obj, vo_read);

static const mp_rom_map_elem_t vo_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_vfsopen) },
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&vo_read_obj) },
};
static MP_DEFINE_CONST_DICT(vo_module_globals, vo_module_globals_table);

const mp_obj_module_t vo_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&vo_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_vfsopen, vo_module);
