// A declaration that starts with a macro (micro-ecc: uECC_VLI_API uECC_word_t uECC_vli_sub(...)).
#include "py/runtime.h"
#define LIB_API static
LIB_API int add3(int a, int b,
                 int c);
LIB_API int add3(int a, int b, int c) { return a + b + c; }
static mp_obj_t f(mp_obj_t x) { return mp_obj_new_int(add3(mp_obj_get_int(x), 1, 2)); }
static MP_DEFINE_CONST_FUN_OBJ_1(f_obj, f);
static const mp_rom_map_elem_t m_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_api) },
    { MP_ROM_QSTR(MP_QSTR_f), MP_ROM_PTR(&f_obj) },
};
static MP_DEFINE_CONST_DICT(m_globals, m_globals_table);
const mp_obj_module_t api_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&m_globals };
MP_REGISTER_MODULE(MP_QSTR_api, api_module);
