/*
 * Shared by natmodgen's runtime files that call a builtin (int, float, open, StopIteration...).
 * Needs py/dynruntime.h first.
 */
#ifndef NATMODGEN_RT_BUILTIN_H
#define NATMODGEN_RT_BUILTIN_H

/*
 * The builtin called name, as firmware C code reaches it. py/dynruntime.h's mp_load_global asks
 * the globals of the script that called the module first (a natmod's functions do not switch
 * them), so a script that binds float, open or StopIteration would change what the runtime does.
 */
static inline mp_obj_t natmodgen_rt_builtin(qstr name) {
    return mp_load_attr(mp_import_name(MP_QSTR_builtins, mp_const_none, MP_OBJ_NEW_SMALL_INT(0)), name);
}

#endif
