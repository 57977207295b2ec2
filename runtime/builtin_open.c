/*
 * mp_builtin_open_obj (py/builtin.h) is the open() builtin as a function object: code that
 * calls it directly (`mp_builtin_open_obj.fun.kw(n, args, kw)`) reaches the port's open
 * through mp_vfs_open, which calls the open builtin the firmware has. mp_builtin_open is the
 * same call as a C function (extmod/modwebrepl.c opens the files it transfers with it); a
 * firmware with a VFS defines it in py/builtin.h as exactly that call of mp_vfs_open.
 */
#include "py/dynruntime.h"

mp_obj_t mp_vfs_open(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args);

MP_DEFINE_CONST_FUN_OBJ_KW(mp_builtin_open_obj, 1, mp_vfs_open);

mp_obj_t mp_builtin_open(size_t n_args, const mp_obj_t *args, mp_map_t *kwargs) {
    return mp_vfs_open(n_args, args, kwargs);
}
