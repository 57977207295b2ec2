/*
 * mp_obj_array_locals_dict (py/objstr.h): array's methods, append and extend, which
 * py/objstr.c keeps at the head of the table str, bytes and bytearray share. That is firmware
 * data a natmod cannot link; a module that compiles py/objarray.c (array as a natmod) gets a
 * dict of its own with the same two entries, made at first use (when mpy_init sets the type's
 * locals_dict slot).
 *
 * mp_obj_bytearray_locals_dict, which py/objarray.c names for its bytearray type, is the
 * firmware's own: the locals of the firmware's bytearray type.
 */
#ifndef NATMODGEN_RT_ARRAYDICT_H
#define NATMODGEN_RT_ARRAYDICT_H

const mp_obj_dict_t *natmodgen_rt_array_locals_dict(void);
#define mp_obj_array_locals_dict (*natmodgen_rt_array_locals_dict())
const mp_obj_dict_t *natmodgen_rt_bytearray_locals_dict(void);
#define mp_obj_bytearray_locals_dict (*natmodgen_rt_bytearray_locals_dict())

#endif
