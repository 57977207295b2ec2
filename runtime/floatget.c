/*
 * mp_obj_float_get (py/obj.h) for the object representations where a float is a heap object
 * (A and B, the natmod's): its value, read from the firmware's float object, whose layout
 * (py/objfloat.c) is the object header followed by the mp_float_t. As in the firmware, the
 * argument must be a float (mp_obj_get_float converts other numbers). With representations
 * C and D the header defines it inline.
 */
#include "py/dynruntime.h"

#if MICROPY_PY_BUILTINS_FLOAT && MICROPY_OBJ_REPR != MICROPY_OBJ_REPR_C && MICROPY_OBJ_REPR != MICROPY_OBJ_REPR_D
typedef struct _natmodgen_rt_float_obj_t {
    mp_obj_base_t base;
    mp_float_t value;
} natmodgen_rt_float_obj_t;

mp_float_t mp_obj_float_get(mp_obj_t self_in) {
    const natmodgen_rt_float_obj_t *self = MP_OBJ_TO_PTR(self_in);
    return self->value;
}
#endif
