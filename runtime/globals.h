/*
 * py/runtime.h defines mp_globals_get, mp_globals_set and mp_locals_get as static inline
 * functions over the thread state (mp_state_ctx), which a natmod cannot link. The names are
 * redirected, after py/runtime.h's definitions, to globals.c's, which reach the same
 * dictionaries another way.
 */
#ifndef NATMODGEN_RT_GLOBALS_H
#define NATMODGEN_RT_GLOBALS_H

#define mp_globals_get natmodgen_rt_globals_get
mp_obj_dict_t *natmodgen_rt_globals_get(void);
#define mp_globals_set natmodgen_rt_globals_set
void natmodgen_rt_globals_set(mp_obj_dict_t *d);
#define mp_locals_get natmodgen_rt_locals_get
mp_obj_dict_t *natmodgen_rt_locals_get(void);

#endif
