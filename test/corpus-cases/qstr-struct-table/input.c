// A file-scope const table of the module's own struct type whose entries hold qstr objects,
// its storage class spelled through the STATIC macro of pre-1.21 sources, searched by a
// function, with its length taken by sizeof at file scope. In the firmware the qstrs are
// constants; in a natmod MP_ROM_QSTR is a call through mp_fun_table.
#include "py/runtime.h"

typedef int (*qt_op_fn)(int a, int b);

static int qt_add(int a, int b) {
    return a + b;
}
static int qt_mul(int a, int b) {
    return a * b;
}

typedef struct _qt_entry_t {
    mp_obj_t key;
    qt_op_fn op;
} qt_entry_t;

STATIC const qt_entry_t qt_ops_table[] = {
    {MP_ROM_QSTR(MP_QSTR_add), qt_add},
    {MP_ROM_QSTR(MP_QSTR_mul), qt_mul},
};
static const size_t QT_NUM_OPS = sizeof(qt_ops_table) / sizeof(qt_entry_t);

static mp_obj_t qt_apply(mp_obj_t name, mp_obj_t a, mp_obj_t b) {
    for (size_t i = 0; i < QT_NUM_OPS; i++) {
        if (qt_ops_table[i].key == name) {
            return mp_obj_new_int(qt_ops_table[i].op(mp_obj_get_int(a), mp_obj_get_int(b)));
        }
    }
    mp_raise_ValueError(MP_ERROR_TEXT("unknown op"));
}
static MP_DEFINE_CONST_FUN_OBJ_3(qt_apply_obj, qt_apply);

static mp_obj_t qt_names(void) {
    mp_obj_t items[2];
    for (size_t i = 0; i < QT_NUM_OPS; i++) {
        items[i] = qt_ops_table[i].key;
    }
    return mp_obj_new_tuple(QT_NUM_OPS, items);
}
static MP_DEFINE_CONST_FUN_OBJ_0(qt_names_obj, qt_names);

static const mp_rom_map_elem_t qt_module_globals_table[] = {
    {MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_qstrtable)},
    {MP_ROM_QSTR(MP_QSTR_apply), MP_ROM_PTR(&qt_apply_obj)},
    {MP_ROM_QSTR(MP_QSTR_names), MP_ROM_PTR(&qt_names_obj)},
};
static MP_DEFINE_CONST_DICT(qt_module_globals, qt_module_globals_table);

const mp_obj_module_t qt_module = {
    .base = {&mp_type_module},
    .globals = (mp_obj_dict_t *)&qt_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_qstrtable, qt_module);
