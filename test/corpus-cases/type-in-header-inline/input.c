// A type used through a static inline function of the module's header, included before the
// type is defined: the function's body names the type as the header spells it.
#include "py/runtime.h"
#include "thing.h"

typedef struct _th_obj_t {
    mp_obj_base_t base;
    mp_int_t value;
} th_obj_t;

static mp_obj_t th_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    th_obj_t *self = mp_obj_malloc(th_obj_t, type);
    self->value = mp_obj_get_int(args[0]);
    return MP_OBJ_FROM_PTR(self);
}

MP_DEFINE_CONST_OBJ_TYPE(
    th_thing_type,
    MP_QSTR_Thing,
    MP_TYPE_FLAG_NONE,
    make_new, th_make_new
    );

static mp_obj_t th_check(mp_obj_t o) {
    return mp_obj_new_bool(th_is_thing(o));
}
static MP_DEFINE_CONST_FUN_OBJ_1(th_check_obj, th_check);

static const mp_rom_map_elem_t th_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_headerinline) },
    { MP_ROM_QSTR(MP_QSTR_Thing), MP_ROM_PTR(&th_thing_type) },
    { MP_ROM_QSTR(MP_QSTR_check), MP_ROM_PTR(&th_check_obj) },
};
static MP_DEFINE_CONST_DICT(th_module_globals, th_module_globals_table);

const mp_obj_module_t th_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&th_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_headerinline, th_module);
