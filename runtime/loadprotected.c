/*
 * mp_load_method_protected (py/runtime.h): mp_load_method_maybe that swallows the
 * AttributeError a failing attribute function raises (or, with catch_all_exc, any
 * exception), leaving dest[0] MP_OBJ_NULL; other exceptions go on up.
 */
#include "py/dynruntime.h"
#include "builtin.h"

void mp_load_method_protected(mp_obj_t obj, qstr attr, mp_obj_t *dest, bool catch_all_exc) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_load_method_maybe(obj, attr, dest);
        nlr_pop();
        return;
    }
    mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
    if (!catch_all_exc && !mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)), natmodgen_rt_builtin(MP_QSTR_AttributeError))) {
        nlr_raise(exc);
    }
}
