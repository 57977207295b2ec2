/*
 * Slot functions of classes written in Python (py/objtype.h). The firmware gives every such
 * class mp_obj_instance_call as its call slot and mp_obj_instance_getiter as its iter slot,
 * so calling the slot of the instance's own type is calling these functions; whether an
 * instance is callable (it has __call__, or a callable native base) is what callable() says
 * of it, which the firmware answers with mp_obj_instance_is_callable.
 */
#include "py/dynruntime.h"
#include "builtin.h"

mp_obj_t mp_obj_instance_call(mp_obj_t self_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    return MP_OBJ_TYPE_GET_SLOT(mp_obj_get_type(self_in), call)(self_in, n_args, n_kw, args);
}

/* iter_buf may be NULL; MP_OBJ_NULL back means the class has neither __iter__ nor an iterable native base. */
mp_obj_t mp_obj_instance_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    return ((mp_getiter_fun_t)MP_OBJ_TYPE_GET_SLOT(mp_obj_get_type(self_in), iter))(self_in, iter_buf);
}

bool mp_obj_instance_is_callable(mp_obj_t self_in) {
    return mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_callable), 1, 0, &self_in) == mp_const_true;
}
