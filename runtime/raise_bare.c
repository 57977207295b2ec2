/*
 * The raise helpers of py/runtime.h that take no message: the exception type alone (args ()),
 * as the firmware raises with MICROPY_ERROR_REPORTING_NONE or a NULL message, and the
 * RuntimeError of too deep a recursion with the firmware's text.
 */
#include "py/dynruntime.h"

MP_NORETURN void mp_raise_ValueError_no_msg(void) {
    mp_raise_msg(&mp_type_ValueError, NULL);
}

MP_NORETURN void mp_raise_TypeError_no_msg(void) {
    mp_raise_msg(&mp_type_TypeError, NULL);
}

MP_NORETURN void mp_raise_NotImplementedError_no_msg(void) {
    mp_raise_msg(&mp_type_NotImplementedError, NULL);
}

MP_NORETURN void mp_raise_recursion_depth(void) {
    static const char text[] = "maximum recursion depth exceeded";
    mp_raise_type_arg(&mp_type_RuntimeError, mp_obj_new_str(text, sizeof(text) - 1));
}
