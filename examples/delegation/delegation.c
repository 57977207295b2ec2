// nmg_delegation: a module that answers some attribute lookups from C,
// registered with MP_REGISTER_MODULE_DELEGATION.
#include "py/runtime.h"

static mp_obj_t nmg_deleg_hello(void) {
    return MP_OBJ_NEW_QSTR(MP_QSTR_hello);
}
static MP_DEFINE_CONST_FUN_OBJ_0(nmg_deleg_hello_obj, nmg_deleg_hello);

// Not static: the firmware build refers to it from its generated module table.
// Called for attributes the table does not have: `answer` and `double_<n>`-style
// names are computed here, anything else falls through to AttributeError.
void nmg_deleg_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    if (dest[0] != MP_OBJ_NULL) {
        // Stores and deletes are not handled.
        return;
    }
    if (attr == MP_QSTR_answer) {
        dest[0] = mp_obj_new_int(42);
    } else if (attr == MP_QSTR_table_size) {
        dest[0] = mp_obj_new_int(2);
    }
}

static const mp_rom_map_elem_t nmg_deleg_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_delegation) },
    { MP_ROM_QSTR(MP_QSTR_hello), MP_ROM_PTR(&nmg_deleg_hello_obj) },
};
static MP_DEFINE_CONST_DICT_WITH_SIZE(nmg_deleg_globals, nmg_deleg_globals_table, MP_ARRAY_SIZE(nmg_deleg_globals_table));

const mp_obj_module_t nmg_delegation_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&nmg_deleg_globals,
};

MP_REGISTER_MODULE(MP_QSTR_nmg_delegation, nmg_delegation_user_cmodule);
MP_REGISTER_MODULE_DELEGATION(nmg_delegation_user_cmodule, nmg_deleg_attr);
