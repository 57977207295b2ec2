/*
 * extmod/vfs.h's block-device calls, as extmod/vfs_blockdev.c makes them: the device's
 * readblocks/writeblocks/ioctl methods are looked up once (init), then called with the
 * firmware's argument layout, (block number, bytearray over the caller's buffer[, offset
 * in the block]). A None or True result is 0, False is -EIO, a positive number -EINVAL,
 * anything else the number. A device without ioctl speaks the old protocol: sync() and
 * count(), and 512-byte blocks (ioctl answers None for the block size). With
 * MP_BLOCKDEV_FLAG_NATIVE, readblocks[2]/writeblocks[2] hold C functions that are called
 * directly.
 */
#include "py/dynruntime.h"
#include "py/mperrno.h"
#include "py/objarray.h"
#include "extmod/vfs.h"

void mp_vfs_blockdev_init(mp_vfs_blockdev_t *self, mp_obj_t bdev) {
    mp_load_method(bdev, MP_QSTR_readblocks, self->readblocks);
    mp_load_method_maybe(bdev, MP_QSTR_writeblocks, self->writeblocks);
    mp_load_method_maybe(bdev, MP_QSTR_ioctl, self->u.ioctl);
    if (self->u.ioctl[0] == MP_OBJ_NULL) {
        mp_load_method_maybe(bdev, MP_QSTR_sync, self->u.old.sync);
        mp_load_method(bdev, MP_QSTR_count, self->u.old.count);
    } else {
        self->flags |= MP_BLOCKDEV_FLAG_HAVE_IOCTL;
    }
}

/* Calls method[0..1] with (block_num, buf[, block_off]): n_args is 2 or 3. */
static int natmodgen_rt_blockdev_rw(mp_obj_t *method, size_t block_num, size_t block_off, size_t len, void *buf, size_t n_args) {
    mp_obj_array_t ar = { { &mp_type_bytearray }, BYTEARRAY_TYPECODE, 0, len, buf };
    method[2] = MP_OBJ_NEW_SMALL_INT(block_num);
    method[3] = MP_OBJ_FROM_PTR(&ar);
    method[4] = MP_OBJ_NEW_SMALL_INT(block_off);
    mp_obj_t ret = mp_call_method_n_kw(n_args, 0, method);
    if (ret == mp_const_none || ret == mp_const_true) {
        return 0;
    }
    if (ret == mp_const_false) {
        return -MP_EIO;
    }
    int i = mp_obj_get_int(ret);
    return i > 0 ? -MP_EINVAL : i;
}

int mp_vfs_blockdev_read(mp_vfs_blockdev_t *self, size_t block_num, size_t num_blocks, uint8_t *buf) {
    if (self->flags & MP_BLOCKDEV_FLAG_NATIVE) {
        mp_uint_t (*f)(uint8_t *, uint32_t, uint32_t) = (void *)(uintptr_t)self->readblocks[2];
        return f(buf, block_num, num_blocks);
    }
    return natmodgen_rt_blockdev_rw(self->readblocks, block_num, 0, num_blocks * self->block_size, buf, 2);
}

int mp_vfs_blockdev_read_ext(mp_vfs_blockdev_t *self, size_t block_num, size_t block_off, size_t len, uint8_t *buf) {
    return natmodgen_rt_blockdev_rw(self->readblocks, block_num, block_off, len, buf, 3);
}

int mp_vfs_blockdev_write(mp_vfs_blockdev_t *self, size_t block_num, size_t num_blocks, const uint8_t *buf) {
    if (self->writeblocks[0] == MP_OBJ_NULL) {
        return -MP_EROFS;
    }
    if (self->flags & MP_BLOCKDEV_FLAG_NATIVE) {
        mp_uint_t (*f)(const uint8_t *, uint32_t, uint32_t) = (void *)(uintptr_t)self->writeblocks[2];
        return f(buf, block_num, num_blocks);
    }
    return natmodgen_rt_blockdev_rw(self->writeblocks, block_num, 0, num_blocks * self->block_size, (void *)buf, 2);
}

int mp_vfs_blockdev_write_ext(mp_vfs_blockdev_t *self, size_t block_num, size_t block_off, size_t len, const uint8_t *buf) {
    if (self->writeblocks[0] == MP_OBJ_NULL) {
        return -MP_EROFS;
    }
    return natmodgen_rt_blockdev_rw(self->writeblocks, block_num, block_off, len, (void *)buf, 3);
}

mp_obj_t mp_vfs_blockdev_ioctl(mp_vfs_blockdev_t *self, uintptr_t cmd, uintptr_t arg) {
    if (self->flags & MP_BLOCKDEV_FLAG_HAVE_IOCTL) {
        self->u.ioctl[2] = MP_OBJ_NEW_SMALL_INT(cmd);
        self->u.ioctl[3] = MP_OBJ_NEW_SMALL_INT(arg);
        return mp_call_method_n_kw(2, 0, self->u.ioctl);
    }
    if (cmd == MP_BLOCKDEV_IOCTL_SYNC && self->u.old.sync[0] != MP_OBJ_NULL) {
        mp_call_method_n_kw(0, 0, self->u.old.sync);
    } else if (cmd == MP_BLOCKDEV_IOCTL_BLOCK_COUNT) {
        return mp_call_method_n_kw(0, 0, self->u.old.count);
    }
    return mp_const_none;
}
