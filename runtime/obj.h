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

/*
 * dynruntime.h's mp_obj_len calls whatever the name len means where the module's function was
 * called from (py/dynruntime.h looks it up with mp_load_name: a script's own len, if it has one);
 * the firmware's asks the object's type.
 */
#undef mp_obj_len
mp_obj_t mp_obj_len(mp_obj_t o_in);

/* dynruntime.h's TypeError says "expected tuple/list"; the firmware's names the type (obj.c). */
#undef mp_obj_get_array

/*
 * dynruntime.h's mp_obj_new_exception returns the type itself ("assumes returned object will be
 * raised"); the firmware's makes an instance without arguments, which a module may also return
 * or store (exception.c).
 */
#undef mp_obj_new_exception

/* py/dynruntime.h's mp_import_all has one closing parenthesis too few: no call of it compiles. */
#undef mp_import_all
#define mp_import_all(module) (mp_fun_table.import_all((module)))

/* Older firmware's getiter slot that returns the object itself (no prototype in v1.28's headers). */
mp_obj_t mp_identity_getiter(mp_obj_t self, mp_obj_iter_buf_t *iter_buf);

#endif
