/*
 * mp_type_polymorph_iter (py/obj.h): the firmware's iterator type whose iternext is a function
 * pointer in the object (mp_obj_polymorph_iter_t). py/dynruntime.h does not map it; the
 * firmware's own tuple iterator has this type, so natmodgen takes it from one.
 */
#ifndef NATMODGEN_RT_POLYITER_H
#define NATMODGEN_RT_POLYITER_H

const mp_obj_type_t *natmodgen_rt_polymorph_iter_type(void);
#define mp_type_polymorph_iter (*natmodgen_rt_polymorph_iter_type())

#endif
