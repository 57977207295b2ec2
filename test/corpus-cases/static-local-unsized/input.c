// A static local array sized by its initialiser, of an anonymous struct type
// (dmazzella/uminiz miniz/miniz.c:592, mz_error's s_error_descs[]): natmodgen hoists it to file
// scope, and the hoisted storage needs the size the initialiser gives.
#include "py/runtime.h"

static const char *ul_describe(int err) {
    static struct {
        int code;
        const char *text;
    } descs[] = {
        { 0, "ok" }, { 1, "end" }, { -3, "data error" }
    };
    for (size_t i = 0; i < sizeof(descs) / sizeof(descs[0]); ++i) {
        if (descs[i].code == err) {
            return descs[i].text;
        }
    }
    return "?";
}

static mp_obj_t ul_run(mp_obj_t err_in) {
    static int counts[] = { 10, 20, 30, 40 };
    counts[0]++;
    const char *s = ul_describe(mp_obj_get_int(err_in));
    mp_obj_t items[3] = {
        mp_obj_new_str(s, strlen(s)),
        mp_obj_new_int(sizeof(counts) / sizeof(counts[0])),
        mp_obj_new_int(counts[0]),
    };
    return mp_obj_new_tuple(3, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(ul_run_obj, ul_run);

static const mp_rom_map_elem_t ul_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_unsized) },
    { MP_ROM_QSTR(MP_QSTR_run), MP_ROM_PTR(&ul_run_obj) },
};
static MP_DEFINE_CONST_DICT(ul_module_globals, ul_module_globals_table);

const mp_obj_module_t ul_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&ul_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_unsized, ul_module);
