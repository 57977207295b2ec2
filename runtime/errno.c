/*
 * py/moderrno.c: the name of an errno value, from the firmware's errno module (its
 * errorcode dict, or its constants when it has no dict); MP_QSTRnull when the value has
 * no name or the firmware has no errno module.
 */
#include "py/dynruntime.h"
#include "builtin.h"
#include "py/mperrno.h"
#include "nlr.h"
#include "qstr.h"

qstr mp_errno_to_str(mp_obj_t errno_val) {
    nlr_buf_t nlr;
    if (nlr_push(&nlr) != 0) {
        return MP_QSTRnull;
    }
    mp_obj_t errno_mod = mp_import_name(MP_QSTR_errno, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t dest[2];
    mp_fun_table.load_method_maybe(errno_mod, MP_QSTR_errorcode, dest);
    qstr name = MP_QSTRnull;
    if (dest[0] != MP_OBJ_NULL) {
        mp_obj_t args[2] = { errno_val, mp_const_none };
        mp_obj_t found = mp_call_function_n_kw(mp_load_attr(dest[0], MP_QSTR_get), 2, 0, args);
        if (mp_obj_is_qstr(found)) {
            name = MP_OBJ_QSTR_VALUE(found);
        }
    } else {
        /* No errorcode dict: the constant whose value it is. */
        mp_obj_t names = mp_call_function_n_kw(natmodgen_rt_builtin(MP_QSTR_dir), 1, 0, &errno_mod);
        size_t n;
        mp_obj_t *items;
        mp_obj_get_array_dyn(names, &n, &items);
        for (size_t i = 0; i < n && name == MP_QSTRnull; i++) {
            if (mp_obj_is_qstr(items[i]) && mp_obj_equal(mp_load_attr(errno_mod, MP_OBJ_QSTR_VALUE(items[i])), errno_val)) {
                name = MP_OBJ_QSTR_VALUE(items[i]);
            }
        }
    }
    nlr_pop();
    return name;
}
