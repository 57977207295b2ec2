// nmg_objects: the constant objects and module structure real modules use
// beyond functions and classes: float, str, bytes and tuple constants, a
// nested dict, a sub-module, static and class methods, a custom exception,
// firmware objects in tables, an __init__ hook, writable state and a root
// pointer.

#include <string.h>

#include "py/runtime.h"
#include "py/objstr.h"
#include "py/objtuple.h"
#include "py/objexcept.h"

// ---- constants --------------------------------------------------------------

// The firmware keeps its float struct private, so modules declare the same layout.
typedef struct _nmg_float_t {
    mp_obj_base_t base;
    mp_float_t value;
} nmg_float_t;

static const nmg_float_t nmg_half_obj = {{&mp_type_float}, (mp_float_t)0.5};
static const MP_DEFINE_STR_OBJ(nmg_greeting_obj, "hello from nmg_objects");
static const MP_DEFINE_BYTES_OBJ(nmg_magic_obj, "\x01\x02NMG", 5);
static const mp_rom_obj_tuple_t nmg_version_obj = {
    {&mp_type_tuple},
    3,
    {MP_ROM_INT(1), MP_ROM_INT(4), MP_ROM_QSTR(MP_QSTR_beta)},
};

// A read-only dict exposed as nmg_objects.LIMITS.
static const mp_rom_map_elem_t nmg_limits_table[] = {
    { MP_ROM_QSTR(MP_QSTR_low), MP_ROM_INT(-10) },
    { MP_ROM_QSTR(MP_QSTR_high), MP_ROM_INT(10) },
    { MP_ROM_QSTR(MP_QSTR_name), MP_ROM_QSTR(MP_QSTR_limits) },
};
static MP_DEFINE_CONST_DICT(nmg_limits_dict, nmg_limits_table);

// ---- a custom exception -------------------------------------------------------

MP_DEFINE_EXCEPTION(NmgError, ValueError)

static mp_obj_t nmg_fail(mp_obj_t code_in) {
    mp_int_t code = mp_obj_get_int(code_in);
    if (code == 1) {
        mp_raise_msg(&mp_type_NmgError, MP_ERROR_TEXT("code one"));
    }
    if (code == 2) {
        mp_raise_msg(&mp_type_OSError, MP_ERROR_TEXT("code two"));
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_fail_obj, nmg_fail);

// ---- writable state -----------------------------------------------------------

// Module state with initial values (a .data section in a normal build).
static int nmg_history[4] = {3, 1, 4, 1};
static const char *nmg_names[] = {"alpha", "beta", "gamma"};
static mp_int_t nmg_init_calls;
int nmg_objects_scale = 7;

// Keeps an object alive across calls, reachable by the garbage collector.
MP_REGISTER_ROOT_POINTER(mp_obj_t nmg_objects_cache);

static mp_obj_t nmg_remember(mp_obj_t obj) {
    mp_obj_t old = MP_STATE_VM(nmg_objects_cache);
    MP_STATE_VM(nmg_objects_cache) = obj;
    return old == MP_OBJ_NULL ? mp_const_none : old;
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_remember_obj, nmg_remember);

static mp_obj_t nmg_push(mp_obj_t value_in) {
    // Shift the history left and append the new value.
    memmove(&nmg_history[0], &nmg_history[1], sizeof(nmg_history) - sizeof(nmg_history[0]));
    nmg_history[3] = mp_obj_get_int(value_in);
    mp_obj_t items[4];
    for (int i = 0; i < 4; ++i) {
        items[i] = mp_obj_new_int(nmg_history[i] * nmg_objects_scale);
    }
    return mp_obj_new_tuple(4, items);
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_push_obj, nmg_push);

static mp_obj_t nmg_name(mp_obj_t index_in) {
    mp_int_t i = mp_obj_get_int(index_in);
    if (i < 0 || i >= (mp_int_t)MP_ARRAY_SIZE(nmg_names)) {
        mp_raise_ValueError(MP_ERROR_TEXT("no such name"));
    }
    if (i == 2) {
        nmg_names[2] = "GAMMA";
    }
    return mp_obj_new_str(nmg_names[i], strlen(nmg_names[i]));
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_name_obj, nmg_name);

static mp_obj_t nmg_ticket(void) {
    // A counter that lives inside the function.
    static mp_int_t next = 100;
    return mp_obj_new_int(next++);
}
static MP_DEFINE_CONST_FUN_OBJ_0(nmg_ticket_obj, nmg_ticket);

static mp_obj_t nmg_init(void) {
    nmg_init_calls++;
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_0(nmg_init_obj, nmg_init);

static mp_obj_t nmg_init_count(void) {
    return mp_obj_new_int(nmg_init_calls);
}
static MP_DEFINE_CONST_FUN_OBJ_0(nmg_init_count_obj, nmg_init_count);

// ---- a class with static and class methods -------------------------------------

typedef struct _nmg_point_obj_t {
    mp_obj_base_t base;
    mp_int_t x, y;
} nmg_point_obj_t;

static const mp_obj_type_t nmg_point_type;

static mp_obj_t nmg_point_new(mp_int_t x, mp_int_t y) {
    nmg_point_obj_t *p = mp_obj_malloc(nmg_point_obj_t, &nmg_point_type);
    p->x = x;
    p->y = y;
    return MP_OBJ_FROM_PTR(p);
}

static mp_obj_t nmg_point_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 2, 2, false);
    return nmg_point_new(mp_obj_get_int(args[0]), mp_obj_get_int(args[1]));
}

static void nmg_point_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    nmg_point_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_printf(print, "Point(%d, %d)", (int)self->x, (int)self->y);
}

static mp_obj_t nmg_point_origin(void) {
    return nmg_point_new(0, 0);
}
static MP_DEFINE_CONST_FUN_OBJ_0(nmg_point_origin_fun_obj, nmg_point_origin);
static MP_DEFINE_CONST_STATICMETHOD_OBJ(nmg_point_origin_obj, MP_ROM_PTR(&nmg_point_origin_fun_obj));

static mp_obj_t nmg_point_describe(mp_obj_t cls_in) {
    const mp_obj_type_t *cls = MP_OBJ_TO_PTR(cls_in);
    return MP_OBJ_NEW_QSTR(cls->name);
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_point_describe_fun_obj, nmg_point_describe);
static MP_DEFINE_CONST_CLASSMETHOD_OBJ(nmg_point_describe_obj, MP_ROM_PTR(&nmg_point_describe_fun_obj));

static const mp_rom_map_elem_t nmg_point_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_origin), MP_ROM_PTR(&nmg_point_origin_obj) },
    { MP_ROM_QSTR(MP_QSTR_describe), MP_ROM_PTR(&nmg_point_describe_obj) },
    { MP_ROM_QSTR(MP_QSTR_UNIT), MP_ROM_PTR(&nmg_half_obj) },
};
static MP_DEFINE_CONST_DICT(nmg_point_locals, nmg_point_locals_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    nmg_point_type,
    MP_QSTR_Point,
    MP_TYPE_FLAG_NONE,
    make_new, nmg_point_make_new,
    print, nmg_point_print,
    locals_dict, &nmg_point_locals
    );

// ---- a sub-module: nmg_objects.util -------------------------------------------

static mp_obj_t nmg_util_double(mp_obj_t x_in) {
    return mp_obj_new_int(2 * mp_obj_get_int(x_in));
}
static MP_DEFINE_CONST_FUN_OBJ_1(nmg_util_double_obj, nmg_util_double);

static const mp_rom_map_elem_t nmg_util_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_util) },
    { MP_ROM_QSTR(MP_QSTR_double), MP_ROM_PTR(&nmg_util_double_obj) },
    { MP_ROM_QSTR(MP_QSTR_GREETING), MP_ROM_PTR(&nmg_greeting_obj) },
};
static MP_DEFINE_CONST_DICT(nmg_util_globals, nmg_util_globals_table);

static const mp_obj_module_t nmg_util_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&nmg_util_globals,
};

// ---- the module ------------------------------------------------------------------

static const mp_rom_map_elem_t nmg_objects_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_objects) },
    { MP_ROM_QSTR(MP_QSTR___init__), MP_ROM_PTR(&nmg_init_obj) },
    { MP_ROM_QSTR(MP_QSTR_HALF), MP_ROM_PTR(&nmg_half_obj) },
    { MP_ROM_QSTR(MP_QSTR_PI), mp_const_float_pi },
    { MP_ROM_QSTR(MP_QSTR_E), mp_const_float_e },
    { MP_ROM_QSTR(MP_QSTR_GREETING), MP_ROM_PTR(&nmg_greeting_obj) },
    { MP_ROM_QSTR(MP_QSTR_MAGIC), MP_ROM_PTR(&nmg_magic_obj) },
    { MP_ROM_QSTR(MP_QSTR_VERSION), MP_ROM_PTR(&nmg_version_obj) },
    { MP_ROM_QSTR(MP_QSTR_LIMITS), MP_ROM_PTR(&nmg_limits_dict) },
    { MP_ROM_QSTR(MP_QSTR_util), MP_ROM_PTR(&nmg_util_module) },
    { MP_ROM_QSTR(MP_QSTR_Point), MP_ROM_PTR(&nmg_point_type) },
    { MP_ROM_QSTR(MP_QSTR_NmgError), MP_ROM_PTR(&mp_type_NmgError) },
    { MP_ROM_QSTR(MP_QSTR_ValueError), MP_ROM_PTR(&mp_type_ValueError) },
    { MP_ROM_QSTR(MP_QSTR_OSError), MP_ROM_PTR(&mp_type_OSError) },
    { MP_ROM_QSTR(MP_QSTR_fail), MP_ROM_PTR(&nmg_fail_obj) },
    { MP_ROM_QSTR(MP_QSTR_remember), MP_ROM_PTR(&nmg_remember_obj) },
    { MP_ROM_QSTR(MP_QSTR_push), MP_ROM_PTR(&nmg_push_obj) },
    { MP_ROM_QSTR(MP_QSTR_name), MP_ROM_PTR(&nmg_name_obj) },
    { MP_ROM_QSTR(MP_QSTR_ticket), MP_ROM_PTR(&nmg_ticket_obj) },
    { MP_ROM_QSTR(MP_QSTR_init_count), MP_ROM_PTR(&nmg_init_count_obj) },
};
static MP_DEFINE_CONST_DICT(nmg_objects_globals, nmg_objects_globals_table);

const mp_obj_module_t nmg_objects_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&nmg_objects_globals,
};

MP_REGISTER_MODULE(MP_QSTR_nmg_objects, nmg_objects_user_cmodule);
