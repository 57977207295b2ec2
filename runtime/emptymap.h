/*
 * mp_const_empty_map (py/obj.h) is the map of the firmware's mp_const_empty_dict_obj, which
 * loaded code cannot link; sources pass it as "no keyword arguments". A natmod's own empty,
 * fixed map serves the same.
 */
#ifndef NATMODGEN_RT_EMPTYMAP_H
#define NATMODGEN_RT_EMPTYMAP_H

extern const mp_map_t natmodgen_rt_empty_map;
#undef mp_const_empty_map
#define mp_const_empty_map natmodgen_rt_empty_map

#endif
