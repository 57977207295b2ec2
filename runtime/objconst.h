/*
 * The firmware's constant objects that py/dynruntime.h does not map (py/obj.h):
 * the builtins Ellipsis and NotImplemented, looked up by name as dynruntime.h looks up
 * its types, and the objects behind dynruntime's None, False, True, b'' and ().
 * Only their address is meaningful (&mp_const_ellipsis_obj, MP_ROM_PTR(...) in data
 * that mpy_init fills).
 */
#ifndef NATMODGEN_RT_OBJCONST_H
#define NATMODGEN_RT_OBJCONST_H

/* The builtins by name from the builtins module (natmodgen_builtin, every converted unit has it), not the calling script's globals. */
#define mp_const_ellipsis_obj (*(const struct _mp_obj_singleton_t *)MP_OBJ_TO_PTR(natmodgen_builtin(MP_QSTR_Ellipsis)))
#define mp_const_notimplemented_obj (*(const struct _mp_obj_singleton_t *)MP_OBJ_TO_PTR(natmodgen_builtin(MP_QSTR_NotImplemented)))
#define mp_const_none_obj (*(const struct _mp_obj_none_t *)MP_OBJ_TO_PTR(mp_const_none))
#define mp_const_false_obj (*(const struct _mp_obj_bool_t *)MP_OBJ_TO_PTR(mp_const_false))
#define mp_const_true_obj (*(const struct _mp_obj_bool_t *)MP_OBJ_TO_PTR(mp_const_true))
#define mp_const_empty_bytes_obj (*(const struct _mp_obj_str_t *)MP_OBJ_TO_PTR(mp_const_empty_bytes))
#define mp_const_empty_tuple_obj (*(const struct _mp_obj_tuple_t *)MP_OBJ_TO_PTR(mp_const_empty_tuple))

#endif
