/*
 * Names py/dynruntime.h turns into macros with a narrower behaviour than the
 * firmware's; natmodgen's runtime defines them as functions instead.
 */
#ifndef NATMODGEN_RT_OBJ_H
#define NATMODGEN_RT_OBJ_H

/* dynruntime.h's version accepts direct subclasses only; the firmware walks the hierarchy. */
#undef mp_obj_cast_to_native_base

/*
 * dynruntime.h's version truncates a long int to the machine word; the firmware raises
 * OverflowError when the value does not fit (seen on 32-bit cores: randrange(2**31)).
 */
#undef mp_obj_get_int

/* Older firmware's getiter slot that returns the object itself (no prototype in v1.28's headers). */
mp_obj_t mp_identity_getiter(mp_obj_t self, mp_obj_iter_buf_t *iter_buf);

#endif
