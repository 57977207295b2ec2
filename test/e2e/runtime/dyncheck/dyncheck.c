// dyncheck: the functions py/dynruntime.h provides as macros whose behaviour differed from the
// firmware's (accepted types, exception texts, results); natmodgen's runtime gives the natmod
// the firmware's. Built into the unix port as a user C module and converted to a natmod,
// test.py must print the same.
#include "py/runtime.h"
#include "py/objstr.h"

// mp_obj_str_get_data: the text and its length, or the firmware's TypeError.
static mp_obj_t dc_str_get_data(mp_obj_t o) {
    size_t len;
    const char *s = mp_obj_str_get_data(o, &len);
    mp_obj_t items[2] = { mp_obj_new_bytes((const byte *)s, len), MP_OBJ_NEW_SMALL_INT(len) };
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(dc_str_get_data_obj, dc_str_get_data);

// mp_obj_str_get_str: the text up to its NUL, as a str.
static mp_obj_t dc_str_get_str(mp_obj_t o) {
    const char *s = mp_obj_str_get_str(o);
    size_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    return mp_obj_new_str(s, n);
}
static MP_DEFINE_CONST_FUN_OBJ_1(dc_str_get_str_obj, dc_str_get_str);

// mp_obj_new_str_of_type for str (0), bytes (1) and bytearray (2).
static mp_obj_t dc_str_of_type(mp_obj_t kind_in, mp_obj_t data_in) {
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(data_in, &bufinfo, MP_BUFFER_READ);
    mp_int_t kind = mp_obj_get_int(kind_in);
    const mp_obj_type_t *type = kind == 0 ? &mp_type_str : kind == 1 ? &mp_type_bytes : &mp_type_bytearray;
    return mp_obj_new_str_of_type(type, bufinfo.buf, bufinfo.len);
}
static MP_DEFINE_CONST_FUN_OBJ_2(dc_str_of_type_obj, dc_str_of_type);

// mp_obj_len: the object's length as its type says, or the firmware's TypeError.
static mp_obj_t dc_len(mp_obj_t o) {
    return mp_obj_len(o);
}
static MP_DEFINE_CONST_FUN_OBJ_1(dc_len_obj, dc_len);

// mp_obj_get_array: the number of items and the first, or the firmware's TypeError.
static mp_obj_t dc_get_array(mp_obj_t o) {
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array(o, &n, &items);
    mp_obj_t out[2] = { MP_OBJ_NEW_SMALL_INT(n), n > 0 ? items[0] : mp_const_none };
    return mp_obj_new_tuple(2, out);
}
static MP_DEFINE_CONST_FUN_OBJ_1(dc_get_array_obj, dc_get_array);

// mp_obj_new_exception: an instance, returned (not raised) and raised.
static mp_obj_t dc_new_exception(mp_obj_t raise_in) {
    mp_obj_t e = mp_obj_new_exception(&mp_type_ValueError);
    if (mp_obj_is_true(raise_in)) {
        nlr_raise(e);
    }
    return e;
}
static MP_DEFINE_CONST_FUN_OBJ_1(dc_new_exception_obj, dc_new_exception);

// mp_import_all: every public name of the module into the caller's namespace.
static mp_obj_t dc_import_all(mp_obj_t name_in) {
    mp_obj_t module = mp_import_name(mp_obj_str_get_qstr(name_in), mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_import_all(module);
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(dc_import_all_obj, dc_import_all);

static const mp_rom_map_elem_t dyncheck_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_dyncheck) },
    { MP_ROM_QSTR(MP_QSTR_str_get_data), MP_ROM_PTR(&dc_str_get_data_obj) },
    { MP_ROM_QSTR(MP_QSTR_str_get_str), MP_ROM_PTR(&dc_str_get_str_obj) },
    { MP_ROM_QSTR(MP_QSTR_str_of_type), MP_ROM_PTR(&dc_str_of_type_obj) },
    { MP_ROM_QSTR(MP_QSTR_obj_len), MP_ROM_PTR(&dc_len_obj) },
    { MP_ROM_QSTR(MP_QSTR_get_array), MP_ROM_PTR(&dc_get_array_obj) },
    { MP_ROM_QSTR(MP_QSTR_new_exception), MP_ROM_PTR(&dc_new_exception_obj) },
    { MP_ROM_QSTR(MP_QSTR_import_all), MP_ROM_PTR(&dc_import_all_obj) },
};
static MP_DEFINE_CONST_DICT(dyncheck_module_globals, dyncheck_module_globals_table);

const mp_obj_module_t dyncheck_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&dyncheck_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_dyncheck, dyncheck_user_cmodule);
