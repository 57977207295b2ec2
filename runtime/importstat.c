/*
 * What import finds at a path (py/builtin.h mp_import_stat, extmod/vfs mp_vfs_import_stat): a
 * directory, a regular file, or nothing (a missing path, or anything else: a device, a fifo).
 * The port answers it from its filesystem, which Python reaches through os.stat: the mode's
 * file-type bits are POSIX's (S_IFDIR 0o040000, S_IFREG 0o100000) on every MicroPython VFS.
 * With a VFS (os.mount exists) "/" alone is its virtual root, where import finds nothing.
 */
#include "py/dynruntime.h"
#include "py/builtin.h"

static mp_import_stat_t natmodgen_rt_import_stat(const char *path, bool vfs) {
    mp_obj_t os = mp_import_name(MP_QSTR_os, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    if (!vfs) {
        mp_obj_t dest[2];
        mp_load_method_maybe(os, MP_QSTR_mount, dest);
        vfs = dest[0] != MP_OBJ_NULL;
    }
    if (vfs && path[0] == '/' && path[1] == '\0') {
        return MP_IMPORT_STAT_NO_EXIST;
    }
    mp_obj_t stat_fun = mp_load_attr(os, MP_QSTR_stat);
    mp_obj_t arg = mp_obj_new_str(path, strlen(path));
    mp_obj_t st = MP_OBJ_NULL;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        st = mp_call_function_n_kw(stat_fun, 1, 0, &arg);
        nlr_pop();
    } else {
        return MP_IMPORT_STAT_NO_EXIST;
    }
    mp_int_t kind = mp_obj_get_int(mp_obj_subscr(st, MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_SENTINEL)) & 0170000;
    return kind == 0040000 ? MP_IMPORT_STAT_DIR : kind == 0100000 ? MP_IMPORT_STAT_FILE : MP_IMPORT_STAT_NO_EXIST;
}

mp_import_stat_t mp_vfs_import_stat(const char *path) {
    return natmodgen_rt_import_stat(path, true);
}

#if !MICROPY_VFS
mp_import_stat_t mp_import_stat(const char *path) {
    return natmodgen_rt_import_stat(path, false);
}
#endif
