/*
 * mp_obj_int_binary_op_extra_cases (py/objint.h): what an int does with a right operand that is
 * not an int, as the firmware's int types do before giving up: a bool counts as 0 or 1, and
 * int * str/bytes/tuple/list is the sequence's repetition. MP_OBJ_NULL: not supported.
 */
#include "py/dynruntime.h"
#include "py/objint.h"

mp_obj_t mp_obj_int_binary_op_extra_cases(mp_binary_op_t op, mp_obj_t lhs_in, mp_obj_t rhs_in) {
    if (rhs_in == mp_const_false || rhs_in == mp_const_true) {
        return mp_binary_op(op, lhs_in, MP_OBJ_NEW_SMALL_INT(rhs_in == mp_const_true));
    }
    if (op == MP_BINARY_OP_MULTIPLY
        && (mp_obj_is_str_or_bytes(rhs_in) || mp_obj_is_type(rhs_in, &mp_type_tuple) || mp_obj_is_type(rhs_in, &mp_type_list))) {
        return mp_binary_op(op, rhs_in, lhs_in);
    }
    return MP_OBJ_NULL;
}
