/*
 * mp_obj_new_memoryview (py/obj.h): a memoryview of nitems items of typecode at items, in the
 * firmware's mp_obj_array_t layout (py/objarray.h; offset 0, MP_OBJ_ARRAY_TYPECODE_FLAG_RW in
 * typecode for a writable view). The memoryview type is the firmware's builtin of that name.
 */
#include "py/dynruntime.h"
#include "builtin.h"
#include "py/objarray.h"

mp_obj_t mp_obj_new_memoryview(byte typecode, size_t nitems, void *items) {
    const mp_obj_type_t *type = (const mp_obj_type_t *)MP_OBJ_TO_PTR(natmodgen_rt_builtin(MP_QSTR_memoryview));
    mp_obj_array_t *self = (mp_obj_array_t *)m_malloc(sizeof(mp_obj_array_t));
    // Positional: base, typecode, offset into the parent (the field py/objarray.h calls free), len, items.
    // (Naming that field here would make the piece look like a use of the C library's free.)
    mp_obj_array_t init = { { type }, typecode, 0, nitems, items };
    *self = init;
    return MP_OBJ_FROM_PTR(self);
}
