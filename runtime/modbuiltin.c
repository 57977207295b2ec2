/*
 * mp_module_get_builtin (py/objmodule.h): the firmware's built-in module of that name, or
 * MP_OBJ_NULL. With extensible false it looks among the modules a file cannot replace (and
 * `usys`, and `ufoo` for an extensible `foo`); with extensible true among those a file can
 * replace (json, os, time...). A built-in module with an __init__ is initialised, as the firmware
 * does on every lookup.
 *
 * The firmware's import does exactly these lookups, and with sys.path empty it looks at nothing
 * else (py/builtinimport.c: "If sys.path is empty, the intention is to force using a built-in",
 * loaded modules included). So the module is imported with sys.path emptied for the call; a
 * name is extensible when `u` + name also imports it.
 */
#include "py/dynruntime.h"
#include "builtin.h"
#include "py/objlist.h"

/* The built-in module `name` reaches through import, or MP_OBJ_NULL (ImportError). */
static mp_obj_t natmodgen_rt_import_builtin(qstr name) {
    mp_obj_t path = MP_OBJ_NULL;
    mp_obj_t dest[2];
    mp_load_method_maybe(mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0)), MP_QSTR_path, dest);
    path = dest[0];
    size_t saved = 0;
    if (path != MP_OBJ_NULL) {
        saved = ((mp_obj_list_t *)MP_OBJ_TO_PTR(path))->len;
        ((mp_obj_list_t *)MP_OBJ_TO_PTR(path))->len = 0;
    }
    mp_obj_t module = MP_OBJ_NULL;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        module = mp_import_name(name, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
        nlr_pop();
    }
    if (path != MP_OBJ_NULL) {
        ((mp_obj_list_t *)MP_OBJ_TO_PTR(path))->len = saved;
    }
    if (module == MP_OBJ_NULL && !mp_obj_exception_match(MP_OBJ_FROM_PTR(nlr.ret_val), natmodgen_rt_builtin(MP_QSTR_ImportError))) {
        nlr_jump(nlr.ret_val);
    }
    return module;
}

mp_obj_t mp_module_get_builtin(qstr module_name, bool extensible) {
    size_t len;
    const byte *name = qstr_data(module_name, &len);
    for (size_t i = 0; i < len; i++) {
        if (name[i] == '.') {
            // Built-in modules are registered under top-level names only.
            return MP_OBJ_NULL;
        }
    }
    mp_obj_t module = natmodgen_rt_import_builtin(module_name);
    if (module == MP_OBJ_NULL || module_name == MP_QSTR_usys) {
        return module;
    }
    // Extensible exactly when the `u` alias reaches the same module.
    char *alias = m_new(char, len + 1);
    alias[0] = 'u';
    for (size_t i = 0; i < len; i++) {
        alias[i + 1] = (char)name[i];
    }
    qstr alias_qstr = qstr_from_strn(alias, len + 1);
    m_del(char, alias, len + 1);
    // (`usys` is the one alias of a module that is not extensible.)
    bool is_extensible = module_name != MP_QSTR_sys && natmodgen_rt_import_builtin(alias_qstr) == module;
    if (!extensible && name[0] == 'u' && !is_extensible) {
        // `ufoo` itself: found as the alias of an extensible `foo`, or registered under that name.
        return module;
    }
    return is_extensible == extensible ? module : MP_OBJ_NULL;
}
