/*
 * Attributes of Python functions (py/objfun.h). A bytecode function's type is the firmware's
 * (mp_type_fun_bc, its generator and native variants), and that type's attr slot is the
 * firmware's mp_obj_fun_bc_attr itself (on ports with MICROPY_PY_FUNCTION_ATTRS): the natmod
 * calls the slot of the object's own type, so __name__, __globals__ and __code__ come out as the
 * firmware gives them, stores are ignored as there. A type without the slot (a port without
 * function attributes) leaves dest untouched: the firmware has no mp_obj_fun_bc_attr there.
 * mp_obj_fun_bc_get_name is the name that slot reports for __name__; the firmware decodes it from
 * the bytecode prelude, which a natmod reaches only through the attribute, so on a port without
 * function attributes it raises the firmware's AttributeError instead.
 */
#include "py/dynruntime.h"
#include "py/objfun.h"

void mp_obj_fun_bc_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    const mp_obj_type_t *type = mp_obj_get_type(self_in);
    if (MP_OBJ_TYPE_HAS_SLOT(type, attr)) {
        MP_OBJ_TYPE_GET_SLOT(type, attr)(self_in, attr, dest);
    }
}

qstr mp_obj_fun_bc_get_name(const mp_obj_fun_bc_t *fun) {
    return mp_obj_str_get_qstr(mp_load_attr(MP_OBJ_FROM_PTR(fun), MP_QSTR___name__));
}
