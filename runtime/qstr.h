/*
 * py/dynruntime.h removes MP_OBJ_QSTR_VALUE because a natmod's qstr numbers are
 * not the firmware's bit layout; natmodgen decodes qstr objects through the
 * firmware's own encoder (mp_fun_table.native_to_obj) instead.
 */
#ifndef NATMODGEN_RT_QSTR_H
#define NATMODGEN_RT_QSTR_H

#define MP_OBJ_QSTR_VALUE(o) natmodgen_rt_qstr_value(o)
qstr natmodgen_rt_qstr_value(mp_const_obj_t o);

#endif
