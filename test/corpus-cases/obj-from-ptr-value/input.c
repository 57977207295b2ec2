// Table values written MP_OBJ_FROM_PTR(&obj) instead of MP_ROM_PTR(&obj), in a class's locals
// (a staticmethod among them) and in the module's globals: v1.28's firmware build accepts both.
#include "py/runtime.h"

typedef struct _ofp_point_obj_t {
    mp_obj_base_t base;
    mp_int_t x;
} ofp_point_obj_t;

static mp_obj_t ofp_point_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    ofp_point_obj_t *self = mp_obj_malloc(ofp_point_obj_t, type);
    self->x = mp_obj_get_int(args[0]);
    return MP_OBJ_FROM_PTR(self);
}

static mp_obj_t ofp_point_doubled(mp_obj_t self_in) {
    ofp_point_obj_t *self = MP_OBJ_TO_PTR(self_in);
    return mp_obj_new_int(2 * self->x);
}
static MP_DEFINE_CONST_FUN_OBJ_1(ofp_point_doubled_obj, ofp_point_doubled);

static mp_obj_t ofp_point_origin(void) {
    return mp_obj_new_int(0);
}
static MP_DEFINE_CONST_FUN_OBJ_0(ofp_point_origin_obj, ofp_point_origin);
static MP_DEFINE_CONST_STATICMETHOD_OBJ(ofp_point_origin_static_obj, MP_ROM_PTR(&ofp_point_origin_obj));

static const mp_rom_map_elem_t ofp_point_locals_table[] = {
    {MP_ROM_QSTR(MP_QSTR_doubled), MP_OBJ_FROM_PTR(&ofp_point_doubled_obj)},
    {MP_ROM_QSTR(MP_QSTR_origin), MP_OBJ_FROM_PTR(&ofp_point_origin_static_obj)},
};
static MP_DEFINE_CONST_DICT(ofp_point_locals, ofp_point_locals_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    ofp_point_type,
    MP_QSTR_Point,
    MP_TYPE_FLAG_NONE,
    make_new, ofp_point_make_new,
    locals_dict, &ofp_point_locals
    );

static mp_obj_t ofp_twice(mp_obj_t x) {
    return mp_obj_new_int(2 * mp_obj_get_int(x));
}
static MP_DEFINE_CONST_FUN_OBJ_1(ofp_twice_obj, ofp_twice);

static const mp_rom_map_elem_t ofp_module_globals_table[] = {
    {MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_objfromptr)},
    {MP_ROM_QSTR(MP_QSTR_twice), MP_OBJ_FROM_PTR(&ofp_twice_obj)},
    {MP_ROM_QSTR(MP_QSTR_Point), MP_OBJ_FROM_PTR(&ofp_point_type)},
};
static MP_DEFINE_CONST_DICT(ofp_module_globals, ofp_module_globals_table);

const mp_obj_module_t ofp_module = {
    .base = {&mp_type_module},
    .globals = (mp_obj_dict_t *)&ofp_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_objfromptr, ofp_module);
