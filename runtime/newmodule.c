/*
 * mp_obj_new_module (py/obj.h): the module registered under module_name in sys.modules (the
 * firmware's table of loaded modules), made there first if it is not: a module object of the
 * firmware's module type, in its mp_module_context_t layout, whose globals hold __name__.
 */
#include "py/dynruntime.h"
#include "py/bc.h"

mp_obj_t mp_obj_new_module(qstr module_name) {
    mp_obj_t sys = mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_dict_t *loaded = MP_OBJ_TO_PTR(mp_load_attr(sys, MP_QSTR_modules));
    mp_map_elem_t *el = mp_map_lookup(&loaded->map, MP_OBJ_NEW_QSTR(module_name), MP_MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (el->value != MP_OBJ_NULL) {
        return el->value;
    }
    mp_module_context_t *o = (mp_module_context_t *)m_malloc(sizeof(mp_module_context_t));
    mp_fun_table.memset_(o, 0, sizeof(mp_module_context_t));
    o->module.base.type = mp_obj_get_type(sys);
    o->module.globals = MP_OBJ_TO_PTR(mp_obj_new_dict(1));
    mp_obj_dict_store(MP_OBJ_FROM_PTR(o->module.globals), MP_OBJ_NEW_QSTR(MP_QSTR___name__), MP_OBJ_NEW_QSTR(module_name));
    el->value = MP_OBJ_FROM_PTR(o);
    return MP_OBJ_FROM_PTR(o);
}
