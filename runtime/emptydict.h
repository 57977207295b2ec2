/*
 * mp_const_empty_dict_obj (py/obj.h): the firmware's empty, fixed dict, which loaded code
 * cannot link. Sources pass its address where a dict is wanted and nothing goes in it (the
 * globals or fromlist of mp_import_name, default keyword arguments). A natmod gets its own
 * empty, fixed dict: nothing can be stored into it, as into the firmware's.
 */
#ifndef NATMODGEN_RT_EMPTYDICT_H
#define NATMODGEN_RT_EMPTYDICT_H

const mp_obj_dict_t *natmodgen_rt_empty_dict(void);
#define mp_const_empty_dict_obj (*natmodgen_rt_empty_dict())

#endif
