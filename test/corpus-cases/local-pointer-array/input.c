// A function-local array of string pointers with a constant initialiser, as
// PyDevices/graphics gfx_bindings_mp.c:1846 (mod_capabilities) has. GCC copies it from a constant
// without a symbol that -fpic puts in .data, and mpy_ld refused the object (".data non-empty").
// The function-local static counter next to it is real writable data, in .bss.
#include <string.h>
#include "py/runtime.h"

static mp_obj_t lp_names(void) {
    const char *names[] = { "MONO_VLSB", "MONO_HLSB", "MONO_HMSB", "RGB565", "GS2_HMSB", "GS4_HMSB", "GS8", "RGB888" };
    mp_obj_t list = mp_obj_new_list(0, NULL);
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        mp_obj_list_append(list, mp_obj_new_str(names[i], strlen(names[i])));
    }
    names[0] = "changed";
    mp_obj_list_append(list, mp_obj_new_str(names[0], strlen(names[0])));
    return list;
}
static MP_DEFINE_CONST_FUN_OBJ_0(lp_names_obj, lp_names);

static const mp_rom_map_elem_t lp_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_localptrs) },
    { MP_ROM_QSTR(MP_QSTR_names), MP_ROM_PTR(&lp_names_obj) },
};
static MP_DEFINE_CONST_DICT(lp_module_globals, lp_module_globals_table);

const mp_obj_module_t lp_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&lp_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_localptrs, lp_module);
