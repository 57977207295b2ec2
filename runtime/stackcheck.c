/*
 * mp_stack_check (py/stackctrl.h, the older name of mp_cstack_check): the firmware keeps the C
 * stack's top and limit in its thread state, which loaded code cannot read, but its own check
 * runs at the start of every mp_iternext. mp_fun_table's iternext is that function, so one step
 * of an iterator that is already exhausted runs the firmware's check and nothing else: past the
 * limit it raises the firmware's RuntimeError('maximum recursion depth exceeded'); on a port
 * built without MICROPY_STACK_CHECK the firmware's check is empty, as mp_stack_check is there.
 * The iterator lives in a stack buffer over the empty tuple, so nothing is allocated.
 */
#include "py/dynruntime.h"

void mp_stack_check(void) {
    mp_obj_iter_buf_t buf;
    mp_fun_table.getiter(mp_fun_table.new_tuple(0, NULL), &buf);
    mp_fun_table.iternext(&buf);
}
