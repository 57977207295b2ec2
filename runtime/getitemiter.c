/*
 * mp_obj_new_getitem_iter (py/obj.h): the iterator over an object that has __getitem__ and
 * no __iter__: args are the bound __getitem__ (method, self); it asks for 0, 1, 2... and stops
 * at StopIteration or IndexError (those exact types), as py/objgetitemiter.c does; any other
 * exception goes on up. The firmware's iterator type for this is not reachable from a natmod:
 * this one is the firmware's polymorphic iterator (also named "iterator") and lives on the heap,
 * as it does not fit iter_buf.
 */
#include "py/dynruntime.h"
#include "builtin.h"
#include "polyiter.h"

typedef struct _natmodgen_rt_getitem_iter_t {
    mp_obj_base_t base;
    mp_fun_1_t iternext;
    mp_obj_t args[3];
} natmodgen_rt_getitem_iter_t;

static mp_obj_t natmodgen_rt_getitem_iternext(mp_obj_t self_in) {
    natmodgen_rt_getitem_iter_t *self = MP_OBJ_TO_PTR(self_in);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t value = mp_call_method_n_kw(1, 0, self->args);
        self->args[2] = MP_OBJ_NEW_SMALL_INT(MP_OBJ_SMALL_INT_VALUE(self->args[2]) + 1);
        nlr_pop();
        return value;
    }
    mp_obj_t t = MP_OBJ_FROM_PTR(((mp_obj_base_t *)nlr.ret_val)->type);
    if (t == natmodgen_rt_builtin(MP_QSTR_StopIteration) || t == natmodgen_rt_builtin(MP_QSTR_IndexError)) {
        return MP_OBJ_STOP_ITERATION;
    }
    nlr_raise(MP_OBJ_FROM_PTR(nlr.ret_val));
}

mp_obj_t mp_obj_new_getitem_iter(mp_obj_t *args, mp_obj_iter_buf_t *iter_buf) {
    (void)iter_buf;
    natmodgen_rt_getitem_iter_t *o = mp_obj_malloc(natmodgen_rt_getitem_iter_t, &mp_type_polymorph_iter);
    o->iternext = natmodgen_rt_getitem_iternext;
    o->args[0] = args[0];
    o->args[1] = args[1];
    o->args[2] = MP_OBJ_NEW_SMALL_INT(0);
    return MP_OBJ_FROM_PTR(o);
}
