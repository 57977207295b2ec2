/* array's methods as a dict, made once; bytearray's, the firmware's (see arraydict.h). */
#include "py/dynruntime.h"
#include "py/objarray.h"
#include "arraydict.h"

mp_obj_t natmodgen_rt_array_locals;

const mp_obj_dict_t *natmodgen_rt_array_locals_dict(void) {
    if (natmodgen_rt_array_locals == MP_OBJ_NULL) {
        mp_obj_t d = mp_obj_new_dict(2);
        mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(MP_QSTR_append), MP_OBJ_FROM_PTR(&mp_obj_array_append_obj));
        mp_obj_dict_store(d, MP_OBJ_NEW_QSTR(MP_QSTR_extend), MP_OBJ_FROM_PTR(&mp_obj_array_extend_obj));
        natmodgen_rt_array_locals = d;
    }
    return (const mp_obj_dict_t *)MP_OBJ_TO_PTR(natmodgen_rt_array_locals);
}

const mp_obj_dict_t *natmodgen_rt_bytearray_locals_dict(void) {
    return MP_OBJ_TYPE_GET_SLOT(&mp_type_bytearray, locals_dict);
}
