/*
 * mp_vfs_mount_and_chdir_protected (extmod/vfs.h): what a port's start-up does to mount a block
 * device and make it the current folder, over vfs.mount and os.chdir (mp_vfs_mount and
 * mp_vfs_chdir of vfsos.c). Nothing escapes: 0 on success, minus the errno of an OSError, and
 * -MP_EIO for any other exception, as the firmware's.
 */
#include "py/dynruntime.h"
#include "builtin.h"
#include "py/mperrno.h"
#include "extmod/vfs.h"

int mp_vfs_mount_and_chdir_protected(mp_obj_t bdev, mp_obj_t mount_point) {
    mp_int_t result = -MP_EIO;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        mp_obj_t args[2] = { bdev, mount_point };
        mp_vfs_mount(2, args, NULL);
        mp_vfs_chdir(mount_point);
        result = 0;
        nlr_pop();
    } else {
        mp_obj_t exc = MP_OBJ_FROM_PTR(nlr.ret_val);
        if (mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(mp_obj_get_type(exc)), natmodgen_rt_builtin(MP_QSTR_OSError))) {
            mp_obj_get_int_maybe(mp_obj_exception_get_value(exc), &result);
            result = -result;
        }
    }
    return result;
}
