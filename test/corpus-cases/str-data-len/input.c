// GET_STR_DATA_LEN/GET_STR_LEN of py/objstr.h expand to MP_OBJ_QSTR_VALUE, which py/dynruntime.h
// removes; and strcpy, which a natmod has no C library for
// (v923z/micropython-usermod snippets/stringarg/stringarg.c:20).
#include <string.h>
#include "py/obj.h"
#include "py/runtime.h"
#include "py/objstr.h"

static mp_obj_t sd_rev(mp_obj_t o_in) {
    GET_STR_DATA_LEN(o_in, str, str_len);
    GET_STR_LEN(o_in, len2);
    char out[64];
    strcpy(out, (const char *)str);
    strcat(out, "|");
    for (size_t i = 0; i < str_len / 2; i++) {
        char t = out[i];
        out[i] = out[str_len - 1 - i];
        out[str_len - 1 - i] = t;
    }
    mp_obj_t items[3] = {
        mp_obj_new_str(out, strlen(out)),
        mp_obj_new_int(len2),
        mp_obj_is_qstr(o_in) ? mp_obj_new_int(MP_OBJ_QSTR_VALUE(o_in) == MP_QSTR_append) : mp_const_none,
    };
    return mp_obj_new_tuple(3, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(sd_rev_obj, sd_rev);

static const mp_rom_map_elem_t sd_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_strlen) },
    { MP_ROM_QSTR(MP_QSTR_rev), MP_ROM_PTR(&sd_rev_obj) },
};
static MP_DEFINE_CONST_DICT(sd_module_globals, sd_module_globals_table);

const mp_obj_module_t sd_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&sd_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_strlen, sd_module);
