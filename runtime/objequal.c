/*
 * mp_obj_equal_not_equal (py/obj.h): the firmware's == and != with their shortcuts (same
 * object, str against str, small ints, __ne__ before __eq__, pointer comparison last).
 * mp_binary_op hands == and != to exactly this function in the firmware, so the answer,
 * including what an __eq__ returns unconverted, is the firmware's.
 */
#include "py/dynruntime.h"

mp_obj_t mp_obj_equal_not_equal(mp_binary_op_t op, mp_obj_t o1, mp_obj_t o2) {
    return mp_binary_op(op, o1, o2);
}
