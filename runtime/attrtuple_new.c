/*
 * mp_obj_new_attrtuple (py/objtuple.h): a tuple whose items are also attributes named by
 * fields (os.uname(), sys.implementation), in the firmware's layout: the items, then the
 * fields pointer in one extra slot. The attribute-tuple type is the type of the firmware's
 * sys.implementation, which is one on every firmware that has attribute tuples.
 */
#include "py/dynruntime.h"

mp_obj_t mp_obj_new_attrtuple(const qstr *fields, size_t n, const mp_obj_t *items) {
    mp_obj_t sys = mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    const mp_obj_type_t *type = mp_obj_get_type(mp_load_attr(sys, MP_QSTR_implementation));
    mp_obj_tuple_t *o = (mp_obj_tuple_t *)mp_obj_malloc_helper(sizeof(mp_obj_tuple_t) + (n + 1) * sizeof(mp_obj_t), type);
    o->len = n;
    for (size_t i = 0; i < n; i++) {
        o->items[i] = items[i];
    }
    o->items[n] = MP_OBJ_FROM_PTR(fields);
    return MP_OBJ_FROM_PTR(o);
}
