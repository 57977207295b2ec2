// nmg_conditional: a user C module whose contents depend on compile-time
// feature macros, the way ports enable/disable parts of a module.
//
// With the defaults below the module contains:
//   always, double_it, LEVEL_NOTE, GREETING, modern_api, LEVEL, EXTRA_CHECKS,
//   FLAVOUR, Gadget (with ping, scale, greet, name_len, MODE, TICKS)
// and leaves out: triple_it, math_disabled, shout, legacy_api, Gadget.name_upper,
//   Gadget.rescale, Gadget.wave, Gadget.LEGACY_MODE.

#include "py/runtime.h"

/******************************************************************************/
// Feature configuration. A port (or CFLAGS_USERMOD) may override these.

// Integer math helpers: enabled by default.
#ifndef NMG_COND_ENABLE_MATH
#define NMG_COND_ENABLE_MATH (1)
#endif

// String helpers: disabled by default.
#ifndef NMG_COND_ENABLE_STRINGS
#define NMG_COND_ENABLE_STRINGS (0)
#endif

// Feature level, 1 to 3.
#ifndef NMG_COND_LEVEL
#define NMG_COND_LEVEL (2)
#endif

// Presence-only flag, tested with #ifdef. Define NMG_COND_NO_GREETING to
// leave the greeting out.
#ifndef NMG_COND_NO_GREETING
#define NMG_COND_HAVE_GREETING
#endif

// NMG_COND_LEGACY_API and NMG_COND_FAST_PATH are deliberately not defined.

/******************************************************************************/
// Module functions

// always() -> str, present in every configuration.
static mp_obj_t nmg_cond_always(void) {
    return MP_OBJ_NEW_QSTR(MP_QSTR_always_here);
}
static MP_DEFINE_CONST_FUN_OBJ_0(nmg_cond_always_obj, nmg_cond_always);

#if NMG_COND_ENABLE_MATH
// double_it(x) -> 2 * x
static mp_obj_t nmg_cond_double_it(mp_obj_t x_in) {
    return mp_obj_new_int(2 * mp_obj_get_int(x_in));
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_cond_double_it_obj, nmg_cond_double_it);

#if NMG_COND_LEVEL >= 3
// triple_it(x) -> 3 * x, only at level 3.
static mp_obj_t nmg_cond_triple_it(mp_obj_t x_in) {
    return mp_obj_new_int(3 * mp_obj_get_int(x_in));
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_cond_triple_it_obj, nmg_cond_triple_it);
#endif
#endif // NMG_COND_ENABLE_MATH

#if NMG_COND_ENABLE_STRINGS
// shout(s) -> s + "!"
static mp_obj_t nmg_cond_shout(mp_obj_t s_in) {
    return mp_binary_op(MP_BINARY_OP_ADD, s_in, MP_OBJ_NEW_QSTR(MP_QSTR__bang_));
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_cond_shout_obj, nmg_cond_shout);
#endif

#ifdef NMG_COND_LEGACY_API
// legacy_api() -> None
static mp_obj_t nmg_cond_legacy_api(void) {
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(nmg_cond_legacy_api_obj, nmg_cond_legacy_api);
#endif

/******************************************************************************/
// Gadget class

typedef struct _nmg_cond_gadget_obj_t {
    mp_obj_base_t base;
    mp_int_t value;
} nmg_cond_gadget_obj_t;

// Gadget(value)
static mp_obj_t nmg_cond_gadget_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    nmg_cond_gadget_obj_t *self = mp_obj_malloc(nmg_cond_gadget_obj_t, type);
    self->value = mp_obj_get_int(args[0]);
    return MP_OBJ_FROM_PTR(self);
}

// g.ping() -> value
static mp_obj_t nmg_cond_gadget_ping(mp_obj_t self_in) {
    nmg_cond_gadget_obj_t *self = MP_OBJ_TO_PTR(self_in);
    return mp_obj_new_int(self->value);
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_cond_gadget_ping_obj, nmg_cond_gadget_ping);

#if NMG_COND_ENABLE_MATH
// g.scale(k) multiplies the stored value by k and returns it.
static mp_obj_t nmg_cond_gadget_scale(mp_obj_t self_in, mp_obj_t k_in) {
    nmg_cond_gadget_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_int_t k = mp_obj_get_int(k_in);
    if (k == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("scale factor must not be zero"));
    }
    self->value *= k;
    return mp_obj_new_int(self->value);
}
static MP_DEFINE_CONST_FUN_OBJ_2(nmg_cond_gadget_scale_obj, nmg_cond_gadget_scale);

#ifdef NMG_COND_HAVE_GREETING
// g.greet() -> (greeting, value)
static mp_obj_t nmg_cond_gadget_greet(mp_obj_t self_in) {
    nmg_cond_gadget_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_obj_t items[2] = { MP_OBJ_NEW_QSTR(MP_QSTR_hello_gadget), mp_obj_new_int(self->value) };
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_cond_gadget_greet_obj, nmg_cond_gadget_greet);
#else
// g.rescale() resets the value to 1.
static mp_obj_t nmg_cond_gadget_rescale(mp_obj_t self_in) {
    nmg_cond_gadget_obj_t *self = MP_OBJ_TO_PTR(self_in);
    self->value = 1;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_cond_gadget_rescale_obj, nmg_cond_gadget_rescale);
#endif
#endif // NMG_COND_ENABLE_MATH

#if NMG_COND_ENABLE_STRINGS
// g.name_upper() -> str
static mp_obj_t nmg_cond_gadget_name_upper(mp_obj_t self_in) {
    (void)self_in;
    return MP_OBJ_NEW_QSTR(MP_QSTR_GADGET);
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_cond_gadget_name_upper_obj, nmg_cond_gadget_name_upper);
#elif NMG_COND_LEVEL >= 2
// g.name_len() -> len("Gadget")
static mp_obj_t nmg_cond_gadget_name_len(mp_obj_t self_in) {
    (void)self_in;
    return mp_obj_new_int(6);
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_cond_gadget_name_len_obj, nmg_cond_gadget_name_len);
#endif

static const mp_rom_map_elem_t nmg_cond_gadget_locals_dict_table[] = {
    { MP_ROM_QSTR(MP_QSTR_ping), MP_ROM_PTR(&nmg_cond_gadget_ping_obj) },
    #if NMG_COND_ENABLE_MATH
    { MP_ROM_QSTR(MP_QSTR_scale), MP_ROM_PTR(&nmg_cond_gadget_scale_obj) },
    #ifdef NMG_COND_HAVE_GREETING
    { MP_ROM_QSTR(MP_QSTR_greet), MP_ROM_PTR(&nmg_cond_gadget_greet_obj) },
    #else
    { MP_ROM_QSTR(MP_QSTR_rescale), MP_ROM_PTR(&nmg_cond_gadget_rescale_obj) },
    #endif
    #endif
    #if NMG_COND_ENABLE_STRINGS
    { MP_ROM_QSTR(MP_QSTR_name_upper), MP_ROM_PTR(&nmg_cond_gadget_name_upper_obj) },
    #elif NMG_COND_LEVEL >= 2
    { MP_ROM_QSTR(MP_QSTR_name_len), MP_ROM_PTR(&nmg_cond_gadget_name_len_obj) },
    #endif
    #ifndef NMG_COND_LEGACY_API
    { MP_ROM_QSTR(MP_QSTR_MODE), MP_ROM_INT(NMG_COND_LEVEL * 10) },
    #else
    { MP_ROM_QSTR(MP_QSTR_LEGACY_MODE), MP_ROM_INT(-1) },
    #endif
    #if NMG_COND_LEVEL > 2
    { MP_ROM_QSTR(MP_QSTR_wave), MP_ROM_TRUE },
    #elif defined(NMG_COND_FAST_PATH)
    { MP_ROM_QSTR(MP_QSTR_TICKS), MP_ROM_INT(1) },
    #else
    { MP_ROM_QSTR(MP_QSTR_TICKS), MP_ROM_INT(100) },
    #endif
};
static MP_DEFINE_CONST_DICT(nmg_cond_gadget_locals_dict, nmg_cond_gadget_locals_dict_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    nmg_cond_gadget_type,
    MP_QSTR_Gadget,
    MP_TYPE_FLAG_NONE,
    make_new, nmg_cond_gadget_make_new,
    locals_dict, &nmg_cond_gadget_locals_dict
    );

/******************************************************************************/
// Module definition

static const mp_rom_map_elem_t nmg_cond_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_conditional) },
    { MP_ROM_QSTR(MP_QSTR_always), MP_ROM_PTR(&nmg_cond_always_obj) },
    { MP_ROM_QSTR(MP_QSTR_Gadget), MP_ROM_PTR(&nmg_cond_gadget_type) },

    #if NMG_COND_ENABLE_MATH
    { MP_ROM_QSTR(MP_QSTR_double_it), MP_ROM_PTR(&nmg_cond_double_it_obj) },
    #if NMG_COND_LEVEL >= 3
    { MP_ROM_QSTR(MP_QSTR_triple_it), MP_ROM_PTR(&nmg_cond_triple_it_obj) },
    #else
    { MP_ROM_QSTR(MP_QSTR_LEVEL_NOTE), MP_ROM_QSTR(MP_QSTR_level_below_3) },
    #endif
    #else
    { MP_ROM_QSTR(MP_QSTR_math_disabled), MP_ROM_TRUE },
    #endif

    #if NMG_COND_ENABLE_STRINGS
    { MP_ROM_QSTR(MP_QSTR_shout), MP_ROM_PTR(&nmg_cond_shout_obj) },
    #endif

    #ifdef NMG_COND_HAVE_GREETING
    { MP_ROM_QSTR(MP_QSTR_GREETING), MP_ROM_QSTR(MP_QSTR_hi_there) },
    #endif

    #ifndef NMG_COND_LEGACY_API
    { MP_ROM_QSTR(MP_QSTR_modern_api), MP_ROM_TRUE },
    #else
    { MP_ROM_QSTR(MP_QSTR_legacy_api), MP_ROM_PTR(&nmg_cond_legacy_api_obj) },
    #endif

    #if NMG_COND_LEVEL == 1
    { MP_ROM_QSTR(MP_QSTR_LEVEL), MP_ROM_INT(1) },
    #elif NMG_COND_LEVEL == 2
    { MP_ROM_QSTR(MP_QSTR_LEVEL), MP_ROM_INT(2) },
    #else
    { MP_ROM_QSTR(MP_QSTR_LEVEL), MP_ROM_INT(3) },
    #endif

    #if defined(NMG_COND_LEGACY_API) || NMG_COND_LEVEL > 1
    { MP_ROM_QSTR(MP_QSTR_EXTRA_CHECKS), MP_ROM_TRUE },
    #endif

    #if !NMG_COND_ENABLE_STRINGS
    #ifdef NMG_COND_FAST_PATH
    { MP_ROM_QSTR(MP_QSTR_FLAVOUR), MP_ROM_QSTR(MP_QSTR_fast) },
    #else
    { MP_ROM_QSTR(MP_QSTR_FLAVOUR), MP_ROM_QSTR(MP_QSTR_plain) },
    #endif
    #endif
};
static MP_DEFINE_CONST_DICT(nmg_cond_module_globals, nmg_cond_module_globals_table);

const mp_obj_module_t nmg_cond_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&nmg_cond_module_globals,
};

MP_REGISTER_MODULE(MP_QSTR_nmg_conditional, nmg_cond_user_cmodule);
