/*
 * py/opmethods.c's method objects (py/builtin.h): __getitem__, __setitem__ and __delitem__
 * through the object's own subscr slot, __contains__ through its binary_op, as a type's locals
 * name them (py/objdict.c's dict and OrderedDict, compiled into a natmod).
 */
#include "py/dynruntime.h"

static mp_obj_t natmodgen_rt_op_getitem(mp_obj_t self_in, mp_obj_t key_in) {
    return MP_OBJ_TYPE_GET_SLOT(mp_obj_get_type(self_in), subscr)(self_in, key_in, MP_OBJ_SENTINEL);
}

MP_DEFINE_CONST_FUN_OBJ_2(mp_op_getitem_obj, natmodgen_rt_op_getitem);

static mp_obj_t natmodgen_rt_op_setitem(mp_obj_t self_in, mp_obj_t key_in, mp_obj_t value_in) {
    return MP_OBJ_TYPE_GET_SLOT(mp_obj_get_type(self_in), subscr)(self_in, key_in, value_in);
}

MP_DEFINE_CONST_FUN_OBJ_3(mp_op_setitem_obj, natmodgen_rt_op_setitem);

static mp_obj_t natmodgen_rt_op_delitem(mp_obj_t self_in, mp_obj_t key_in) {
    return MP_OBJ_TYPE_GET_SLOT(mp_obj_get_type(self_in), subscr)(self_in, key_in, MP_OBJ_NULL);
}

MP_DEFINE_CONST_FUN_OBJ_2(mp_op_delitem_obj, natmodgen_rt_op_delitem);

static mp_obj_t natmodgen_rt_op_contains(mp_obj_t lhs_in, mp_obj_t rhs_in) {
    return MP_OBJ_TYPE_GET_SLOT(mp_obj_get_type(lhs_in), binary_op)(MP_BINARY_OP_CONTAINS, lhs_in, rhs_in);
}

MP_DEFINE_CONST_FUN_OBJ_2(mp_op_contains_obj, natmodgen_rt_op_contains);
