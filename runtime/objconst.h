/*
 * The firmware's singleton constants that py/dynruntime.h does not map (py/obj.h):
 * the builtins Ellipsis and NotImplemented, looked up by name as dynruntime.h looks up
 * its types. Only their address is meaningful (&mp_const_ellipsis_obj, MP_ROM_PTR(...)).
 */
#ifndef NATMODGEN_RT_OBJCONST_H
#define NATMODGEN_RT_OBJCONST_H

#define mp_const_ellipsis_obj (*(const struct _mp_obj_singleton_t *)MP_OBJ_TO_PTR(mp_load_global(MP_QSTR_Ellipsis)))
#define mp_const_notimplemented_obj (*(const struct _mp_obj_singleton_t *)MP_OBJ_TO_PTR(mp_load_global(MP_QSTR_NotImplemented)))

#endif
