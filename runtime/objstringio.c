/* A type of the firmware's io module, looked up by name (see objstringio.h). */
#include "py/dynruntime.h"

const mp_obj_type_t *natmodgen_rt_io_type(qstr name) {
    mp_obj_t io = mp_import_name(MP_QSTR_io, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    return MP_OBJ_TO_PTR(mp_load_attr(io, name));
}
