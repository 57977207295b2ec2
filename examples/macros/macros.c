// Constructs written through the module's own macros, read the way the compiler reads them.
#include "py/runtime.h"
#include "macros_config.h"

// A feature this build leaves out: the entry under it names an object that exists in no build.
#define NMG_MACROS_HAS_EXTRA (0)

// Public modules written before MicroPython v1.22 still spell `static` this way.
#ifndef STATIC
#define STATIC static
#endif

// An attribute-like macro in front of a definition (empty here, a compiler attribute elsewhere).
#define NMG_MACROS_API

// A helper that defines a function and its function object, as py/modmath.c's MATH_FUN_1 does.
#define NMG_UNARY(py_name, expr) \
    STATIC mp_obj_t nmg_macros_##py_name(mp_obj_t x_in) { \
        mp_int_t x = mp_obj_get_int(x_in); \
        return mp_obj_new_int(expr); \
    } \
    STATIC MP_DEFINE_CONST_FUN_OBJ_1(nmg_macros_##py_name##_obj, nmg_macros_##py_name);

NMG_UNARY(square, x * x)
NMG_UNARY(negate, -x)

NMG_MACROS_API STATIC mp_obj_t nmg_macros_version(void) {
    return MP_OBJ_NEW_SMALL_INT(NMG_MACROS_VERSION);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_0(nmg_macros_version_obj, nmg_macros_version);

typedef struct _nmg_scaler_obj_t {
    mp_obj_base_t base;
    mp_int_t scale;
} nmg_scaler_obj_t;

STATIC mp_obj_t nmg_scaler_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    nmg_scaler_obj_t *self = mp_obj_malloc(nmg_scaler_obj_t, type);
    self->scale = mp_obj_get_int(args[0]);
    return MP_OBJ_FROM_PTR(self);
}

// Indexing loads scale * index; stores and deletes are not supported.
STATIC mp_obj_t nmg_scaler_subscr(mp_obj_t self_in, mp_obj_t index, mp_obj_t value) {
    nmg_scaler_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (value != MP_OBJ_SENTINEL) {
        return MP_OBJ_NULL;
    }
    return mp_obj_new_int(self->scale * mp_obj_get_int(index));
}

STATIC mp_obj_t nmg_scaler_get_scale(mp_obj_t self_in) {
    nmg_scaler_obj_t *self = MP_OBJ_TO_PTR(self_in);
    return mp_obj_new_int(self->scale);
}
STATIC MP_DEFINE_CONST_FUN_OBJ_1(nmg_scaler_get_scale_obj, nmg_scaler_get_scale);

STATIC const mp_rom_map_elem_t nmg_scaler_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_get_scale), MP_ROM_PTR(&nmg_scaler_get_scale_obj) },
};
STATIC MP_DEFINE_CONST_DICT(nmg_scaler_locals, nmg_scaler_locals_table);

// A slot and its value written through a macro, as ulab's NDARRAY_TYPE_SUBSCR is.
#define NMG_SCALER_SUBSCR subscr, nmg_scaler_subscr,

MP_DEFINE_CONST_OBJ_TYPE(
    nmg_scaler_type,
    MP_QSTR_Scaler,
    MP_TYPE_FLAG_NONE,
    make_new, nmg_scaler_make_new,
    NMG_SCALER_SUBSCR
    locals_dict, &nmg_scaler_locals
    );

// An X-macro list, expanded into table entries (py/moderrno.c style).
#define NMG_MACROS_COLOURS(X) \
    X(RED, 1) \
    X(GREEN, 2) \
    X(BLUE, 4)
#define NMG_MACROS_COLOUR_ENTRY(name, value) { MP_ROM_QSTR(MP_QSTR_##name), MP_ROM_INT(value) },

STATIC const mp_rom_map_elem_t nmg_macros_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_macros) },
    { MP_ROM_QSTR(MP_QSTR_square), MP_ROM_PTR(&nmg_macros_square_obj) },
    { MP_ROM_QSTR(MP_QSTR_negate), MP_ROM_PTR(&nmg_macros_negate_obj) },
    { MP_ROM_QSTR(MP_QSTR_version), MP_ROM_PTR(&nmg_macros_version_obj) },
    { MP_ROM_QSTR(MP_QSTR_Scaler), MP_ROM_PTR(&nmg_scaler_type) },
    #if NMG_MACROS_HAS_COLOURS
    NMG_MACROS_COLOURS(NMG_MACROS_COLOUR_ENTRY)
    #endif
    #if NMG_MACROS_HAS_EXTRA
    { MP_ROM_QSTR(MP_QSTR_extra), MP_ROM_PTR(&nmg_macros_extra_obj) },
    #endif
};
STATIC MP_DEFINE_CONST_DICT(nmg_macros_globals, nmg_macros_globals_table);

const mp_obj_module_t nmg_macros_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&nmg_macros_globals,
};

MP_REGISTER_MODULE(MP_QSTR_nmg_macros, nmg_macros_module);
