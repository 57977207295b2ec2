/* The type of the firmware's tuple iterator is mp_type_polymorph_iter (py/objtuple.c). */
#include "py/dynruntime.h"

const mp_obj_type_t *natmodgen_rt_polymorph_iter_type(void) {
    return mp_obj_get_type(mp_getiter(mp_const_empty_tuple, NULL));
}
