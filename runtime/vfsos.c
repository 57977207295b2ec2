/*
 * The VFS layer's module functions (extmod/vfs.h): on a port with a VFS, os.chdir, os.getcwd,
 * os.ilistdir, os.listdir, os.mkdir, os.remove, os.rename, os.rmdir, os.stat and os.statvfs
 * are these very functions, and vfs.mount / vfs.umount are mp_vfs_mount / mp_vfs_umount. A
 * natmod calls the function object the firmware's module holds, so it gets the firmware's
 * results and errors (OSError with the same errno); on a port whose os module lacks one, the
 * call raises AttributeError. mp_builtin_open, the builtin open() over mp_vfs_open, is in
 * builtin_open.c.
 */
#include "py/dynruntime.h"
#include "py/builtin.h"
#include "extmod/vfs.h"

static mp_obj_t natmodgen_rt_os_call(qstr module, qstr fun, size_t n_args, const mp_obj_t *args) {
    mp_obj_t mod = mp_import_name(module, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    return mp_call_function_n_kw(mp_load_attr(mod, fun), n_args, 0, args);
}

mp_obj_t mp_vfs_chdir(mp_obj_t path_in) {
    return natmodgen_rt_os_call(MP_QSTR_os, MP_QSTR_chdir, 1, &path_in);
}

mp_obj_t mp_vfs_getcwd(void) {
    return natmodgen_rt_os_call(MP_QSTR_os, MP_QSTR_getcwd, 0, NULL);
}

mp_obj_t mp_vfs_ilistdir(size_t n_args, const mp_obj_t *args) {
    return natmodgen_rt_os_call(MP_QSTR_os, MP_QSTR_ilistdir, n_args, args);
}

mp_obj_t mp_vfs_listdir(size_t n_args, const mp_obj_t *args) {
    return natmodgen_rt_os_call(MP_QSTR_os, MP_QSTR_listdir, n_args, args);
}

mp_obj_t mp_vfs_mkdir(mp_obj_t path_in) {
    return natmodgen_rt_os_call(MP_QSTR_os, MP_QSTR_mkdir, 1, &path_in);
}

mp_obj_t mp_vfs_remove(mp_obj_t path_in) {
    return natmodgen_rt_os_call(MP_QSTR_os, MP_QSTR_remove, 1, &path_in);
}

mp_obj_t mp_vfs_rename(mp_obj_t old_path_in, mp_obj_t new_path_in) {
    mp_obj_t args[2] = { old_path_in, new_path_in };
    return natmodgen_rt_os_call(MP_QSTR_os, MP_QSTR_rename, 2, args);
}

mp_obj_t mp_vfs_rmdir(mp_obj_t path_in) {
    return natmodgen_rt_os_call(MP_QSTR_os, MP_QSTR_rmdir, 1, &path_in);
}

mp_obj_t mp_vfs_stat(mp_obj_t path_in) {
    return natmodgen_rt_os_call(MP_QSTR_os, MP_QSTR_stat, 1, &path_in);
}

mp_obj_t mp_vfs_statvfs(mp_obj_t path_in) {
    return natmodgen_rt_os_call(MP_QSTR_os, MP_QSTR_statvfs, 1, &path_in);
}

mp_obj_t mp_vfs_umount(mp_obj_t mnt_in) {
    return natmodgen_rt_os_call(MP_QSTR_vfs, MP_QSTR_umount, 1, &mnt_in);
}

/* vfs.mount(fsobj, mount_point, *, readonly=False, mkfs=False), keyword arguments passed on. */
mp_obj_t mp_vfs_mount(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    mp_obj_t fun = mp_load_attr(mp_import_name(MP_QSTR_vfs, mp_const_none, MP_OBJ_NEW_SMALL_INT(0)), MP_QSTR_mount);
    size_t n_kw = kw_args == NULL ? 0 : kw_args->used;
    mp_obj_t *args = m_new(mp_obj_t, n_args + 2 * n_kw);
    for (size_t i = 0; i < n_args; i++) {
        args[i] = pos_args[i];
    }
    size_t k = n_args;
    for (size_t i = 0; n_kw && i < kw_args->alloc; i++) {
        if (mp_map_slot_is_filled(kw_args, i)) {
            args[k++] = kw_args->table[i].key;
            args[k++] = kw_args->table[i].value;
        }
    }
    mp_obj_t res = mp_call_function_n_kw(fun, n_args, n_kw, args);
    m_del(mp_obj_t, args, n_args + 2 * n_kw);
    return res;
}
