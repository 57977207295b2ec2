/*
 * Firmware functions that are the slots of built-in types (py/objtuple.c, objlist.c,
 * objstr.c, objint.c, objdict.c define the types with them): a natmod reaches each one
 * through the type object, so these call the firmware's own function.
 */
#include "py/dynruntime.h"
#include "py/objtuple.h"
#include "py/objlist.h"
#include "py/objstr.h"
#include "py/objint.h"

void mp_obj_tuple_print(const mp_print_t *print, mp_obj_t o_in, mp_print_kind_t kind) {
    MP_OBJ_TYPE_GET_SLOT(&mp_type_tuple, print)(print, o_in, kind);
}

mp_obj_t mp_obj_tuple_unary_op(mp_unary_op_t op, mp_obj_t self_in) {
    return MP_OBJ_TYPE_GET_SLOT(&mp_type_tuple, unary_op)(op, self_in);
}

mp_obj_t mp_obj_tuple_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    return MP_OBJ_TYPE_GET_SLOT(&mp_type_tuple, binary_op)(op, lhs, rhs);
}

mp_obj_t mp_obj_tuple_subscr(mp_obj_t base, mp_obj_t index, mp_obj_t value) {
    return MP_OBJ_TYPE_GET_SLOT(&mp_type_tuple, subscr)(base, index, value);
}

/* tuple's iter slot is its getiter (MP_TYPE_FLAG_ITER_IS_GETITER). */
mp_obj_t mp_obj_tuple_getiter(mp_obj_t o_in, mp_obj_iter_buf_t *iter_buf) {
    return ((mp_getiter_fun_t)MP_OBJ_TYPE_GET_SLOT(&mp_type_tuple, iter))(o_in, iter_buf);
}

mp_obj_t mp_obj_list_make_new(const mp_obj_type_t *type_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    return MP_OBJ_TYPE_GET_SLOT(&mp_type_list, make_new)(type_in, n_args, n_kw, args);
}

mp_obj_t mp_obj_str_make_new(const mp_obj_type_t *type_in, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    return MP_OBJ_TYPE_GET_SLOT(&mp_type_str, make_new)(type_in, n_args, n_kw, args);
}

mp_obj_t mp_obj_str_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    return MP_OBJ_TYPE_GET_SLOT(&mp_type_str, binary_op)(op, lhs_in, rhs_in);
}

mp_int_t mp_obj_str_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    return MP_OBJ_TYPE_GET_SLOT(&mp_type_str, buffer)(self_in, bufinfo, flags);
}

void mp_obj_int_print(const mp_print_t *print, mp_obj_t self_in, mp_print_kind_t kind) {
    MP_OBJ_TYPE_GET_SLOT(&mp_type_int, print)(print, self_in, kind);
}

mp_obj_t mp_obj_int_unary_op(mp_unary_op_t op, mp_obj_t o_in) {
    return MP_OBJ_TYPE_GET_SLOT(&mp_type_int, unary_op)(op, o_in);
}

mp_obj_t mp_obj_int_binary_op(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    return MP_OBJ_TYPE_GET_SLOT(&mp_type_int, binary_op)(op, lhs_in, rhs_in);
}

mp_obj_t mp_obj_dict_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    const mp_obj_type_t *dict = MP_OBJ_TO_PTR(mp_load_global(MP_QSTR_dict));
    return MP_OBJ_TYPE_GET_SLOT(dict, make_new)(type, n_args, n_kw, args);
}
