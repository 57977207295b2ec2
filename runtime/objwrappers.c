/*
 * Objects of firmware types that mp_fun_table does not name but a natmod can reach: a bound
 * method (the type of what loading list.append from a list gives) and a property's
 * getter/setter/deleter (the builtin property type), each in the firmware's layout
 * (py/objboundmeth.c, py/objproperty.c).
 */
#include "py/dynruntime.h"

typedef struct _natmodgen_rt_bound_meth_t {
    mp_obj_base_t base;
    mp_obj_t meth;
    mp_obj_t self;
} natmodgen_rt_bound_meth_t;

mp_obj_t mp_obj_new_bound_meth(mp_obj_t meth, mp_obj_t self) {
    const mp_obj_type_t *type = mp_obj_get_type(mp_load_attr(mp_obj_new_list(0, NULL), MP_QSTR_append));
    natmodgen_rt_bound_meth_t *o = mp_obj_malloc(natmodgen_rt_bound_meth_t, type);
    o->meth = meth;
    o->self = self;
    return MP_OBJ_FROM_PTR(o);
}

typedef struct _natmodgen_rt_property_t {
    mp_obj_base_t base;
    mp_obj_t proxy[3];
} natmodgen_rt_property_t;

/* The getter, setter and deleter (mp_const_none where not set). self_in must be a property. */
const mp_obj_t *mp_obj_property_get(mp_obj_t self_in) {
    return ((natmodgen_rt_property_t *)MP_OBJ_TO_PTR(self_in))->proxy;
}
