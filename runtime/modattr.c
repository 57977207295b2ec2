/*
 * mp_module_generic_attr (py/objmodule.h): attribute access over a table of qstr keys
 * (ended by MP_QSTRnull) and values, for a module's __getattr__-style attr function. A load
 * gives the value (MP_OBJ_NULL for a deleted one); a store or delete (dest[0] is the
 * sentinel) writes dest[1] and reports success with dest[0] = MP_OBJ_NULL. An unknown name
 * leaves dest alone.
 */
#include "py/dynruntime.h"
#include "qstr.h"

void mp_module_generic_attr(qstr attr, mp_obj_t *dest, const uint16_t *keys, mp_obj_t *values) {
    size_t i = 0;
    while (keys[i] != MP_QSTRnull && keys[i] != attr) {
        i++;
    }
    if (keys[i] == MP_QSTRnull) {
        return;
    }
    if (dest[0] == MP_OBJ_NULL) {
        dest[0] = values[i];
    } else {
        values[i] = dest[1];
        dest[0] = MP_OBJ_NULL;
    }
}
