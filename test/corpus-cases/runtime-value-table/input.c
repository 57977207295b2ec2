// Writable file-scope tables whose entries name builtin types, as dmazzella/ucbor's
// dump_functions_map (modcbor.c:743: {&mp_type_int, cbor_dump_int}, ..., an entry under
// #if MICROPY_PY_BUILTINS_FLOAT). A type's address is a run-time value in a natmod, so the
// initial value cannot be a file-scope image ("initializer element is not constant"); the
// #if between entries made tree-sitter report an error and the table was left as written.
#include "py/runtime.h"
typedef struct { const mp_obj_type_t *t; int (*f)(int); } ent_t;
static int f1(int x) { return x + 1; }
static int f2(int x) { return x + 2; }
static ent_t map_a[] = {
    {&mp_type_int, f1},
#if MICROPY_PY_BUILTINS_FLOAT
    {&mp_type_float, f2},
#endif
    {&mp_type_str, f2},
};
static ent_t map_b[] = {
    {&mp_type_int, f1},
    {&mp_type_str, f2},
};
static mp_obj_t w_find(mp_obj_t o) {
    int r = -1;
    for (size_t i = 0; i < MP_ARRAY_SIZE(map_a); i++) if (map_a[i].t == mp_obj_get_type(o)) r = map_a[i].f(10 * (int)i);
    for (size_t i = 0; i < MP_ARRAY_SIZE(map_b); i++) if (map_b[i].t == mp_obj_get_type(o)) r += 1000 * map_b[i].f((int)i);
    return mp_obj_new_int(r);
}
static MP_DEFINE_CONST_FUN_OBJ_1(w_find_obj, w_find);
static const mp_rom_map_elem_t w_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_rvtable) },
    { MP_ROM_QSTR(MP_QSTR_find), MP_ROM_PTR(&w_find_obj) },
};
static MP_DEFINE_CONST_DICT(w_globals, w_globals_table);
const mp_obj_module_t w_module = { .base = { &mp_type_module }, .globals = (mp_obj_dict_t *)&w_globals };
MP_REGISTER_MODULE(MP_QSTR_nmg_rvtable, w_module);
