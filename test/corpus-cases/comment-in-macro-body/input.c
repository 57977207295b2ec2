// Block comments before the line continuations of a multi-line macro (Jay-Damodaran/micropyML).
#include "py/runtime.h"

#define CLAMP_ALL(arr, n) \
    for (size_t i = 0; i < (n); i++) { \
        arr[i] = arr[i] >> 1; /* halve */ \
        arr[i] = arr[i] > 100 ? 100 : arr[i]; /* clamp to 100 */ \
    }

static mp_obj_t clamp(mp_obj_t x) {
    int a[1] = { mp_obj_get_int(x) };
    CLAMP_ALL(a, 1);
    return mp_obj_new_int(a[0]);
}
static MP_DEFINE_CONST_FUN_OBJ_1(clamp_obj, clamp);

static const mp_rom_map_elem_t m_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_cmt) },
    { MP_ROM_QSTR(MP_QSTR_clamp), MP_ROM_PTR(&clamp_obj) },
};
static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);
const mp_obj_module_t cmt_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };
MP_REGISTER_MODULE(MP_QSTR_cmt, cmt_module);
