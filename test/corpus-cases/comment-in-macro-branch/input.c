// A multi-line macro whose `else` branch carries a comment before the line continuation,
// followed by a function whose body starts with #ifdef (ComplexArts/micropython-numpy
// src/unary.c:165-182, UNARY_FUN_LOOP_FLOAT then unary_fun_array). tree-sitter-c ended the
// macro at the comment, and the rest of it swallowed the next function: NMG1004 at its name.
#include "py/runtime.h"

#define FUN_SUM(x, y) x += y
#define FUN_PROD(x, y) x *= y

#define FUN_INNER_LOOP(dest, ptr, count, op) do { \
    for (size_t i = 0; i < count; i++) { \
         op(dest, ptr[i]); \
    } \
} while(0)

#define FUN_LOOP(dest, ptr, count, op) do {\
    if (op == 0) \
        FUN_INNER_LOOP(dest, ptr, count, FUN_SUM); \
    else /* if (op == 1) */ \
        FUN_INNER_LOOP(dest, ptr, count, FUN_PROD); \
} while(0)

mp_obj_t
fold_items(mp_obj_t op_in,
           mp_obj_t items_in, mp_obj_t start_in) {

#ifdef FOLD_DEBUG
    printf("FOLD, op = %d, start = '%c'\n", (int)mp_obj_get_int(op_in), 'x');
#endif

    size_t len;
    mp_obj_t *items;
    mp_obj_get_array(items_in, &len, &items);
    mp_int_t values[8];
    for (size_t i = 0; i < len && i < 8; i++) {
        values[i] = mp_obj_get_int(items[i]);
    }
    mp_int_t dest = mp_obj_get_int(start_in);
    mp_int_t op = mp_obj_get_int(op_in);
    if (len > 8) {
        len = 8;
    }
    FUN_LOOP(dest, values, len, op);
    return mp_obj_new_int(dest);
}
static MP_DEFINE_CONST_FUN_OBJ_3(fold_items_obj, fold_items);

static const mp_rom_map_elem_t cb_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_cmtbranch) },
    { MP_ROM_QSTR(MP_QSTR_fold), MP_ROM_PTR(&fold_items_obj) },
};
static MP_DEFINE_CONST_DICT(cb_module_globals, cb_module_globals_table);

const mp_obj_module_t cb_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&cb_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_cmtbranch, cb_module);
