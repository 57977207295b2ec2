// A getiter slot returning an iterator of the firmware's mp_type_polymorph_iter, with its own
// iternext in the object (v923z/micropython-usermod snippets/subscriptiterable:115).
#include "py/obj.h"
#include "py/runtime.h"

typedef struct _pi_range_t {
    mp_obj_base_t base;
    mp_int_t n;
} pi_range_t;

typedef struct _pi_range_it_t {
    mp_obj_base_t base;
    mp_fun_1_t iternext;
    mp_int_t cur;
    mp_int_t n;
} pi_range_it_t;

static mp_obj_t pi_range_iternext(mp_obj_t self_in) {
    pi_range_it_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->cur < self->n) {
        return MP_OBJ_NEW_SMALL_INT(self->cur++ * 10);
    }
    return MP_OBJ_STOP_ITERATION;
}

static mp_obj_t pi_range_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    pi_range_t *self = MP_OBJ_TO_PTR(self_in);
    pi_range_it_t *o = (pi_range_it_t *)iter_buf;
    o->base.type = &mp_type_polymorph_iter;
    o->iternext = pi_range_iternext;
    o->cur = 0;
    o->n = self->n;
    return MP_OBJ_FROM_PTR(o);
}

static mp_obj_t pi_range_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_check_num(n_args, n_kw, 1, 1, false);
    pi_range_t *self = mp_obj_malloc(pi_range_t, type);
    self->n = mp_obj_get_int(args[0]);
    return MP_OBJ_FROM_PTR(self);
}

static MP_DEFINE_CONST_OBJ_TYPE(
    pi_range_type,
    MP_QSTR_Tens,
    MP_TYPE_FLAG_ITER_IS_GETITER,
    make_new, pi_range_make_new,
    iter, pi_range_getiter
    );

static const mp_rom_map_elem_t pi_module_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_polyiter) },
    { MP_ROM_QSTR(MP_QSTR_Tens), MP_ROM_PTR(&pi_range_type) },
};
static MP_DEFINE_CONST_DICT(pi_module_globals, pi_module_globals_table);

const mp_obj_module_t pi_module = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&pi_module_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_polyiter, pi_module);
