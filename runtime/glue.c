/*
 * Runtime entry points that are mp_fun_table entries under other names (py/runtime.h):
 * native value conversion, the class builder, and deleting names and globals.
 */
#include "py/dynruntime.h"

mp_uint_t mp_native_from_obj(mp_obj_t obj, mp_uint_t type) {
    return mp_fun_table.native_from_obj(obj, type);
}

mp_obj_t mp_native_to_obj(mp_uint_t val, mp_uint_t type) {
    return mp_fun_table.native_to_obj(val, type);
}

mp_obj_t mp_load_build_class(void) {
    return mp_fun_table.load_build_class();
}

void mp_delete_name(qstr qst) {
    mp_fun_table.delete_name(qst);
}

void mp_delete_global(qstr qst) {
    mp_fun_table.delete_global(qst);
}
