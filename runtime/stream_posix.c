/*
 * py/stream.c's POSIX adaptors (MICROPY_STREAMS_POSIX_API, py/stream.h): read, write, seek
 * and flush of an object with the stream protocol, with POSIX signatures and the error in
 * errno (the natmod's own variable, cerrno.c, which <errno.h> reads there), as C code written for file descriptors wants them
 * (extmod/modbtree.c hands them to berkeley-db).
 */
#include "py/dynruntime.h"
#include <sys/types.h>
#include "cerrno.h"

ssize_t mp_stream_posix_write(void *stream, const void *buf, size_t len) {
    mp_obj_base_t *o = stream;
    const mp_stream_p_t *stream_p = MP_OBJ_TYPE_GET_SLOT(o->type, protocol);
    mp_uint_t out_sz = stream_p->write(MP_OBJ_FROM_PTR(stream), buf, len, &natmodgen_rt_errno);
    if (out_sz == MP_STREAM_ERROR) {
        return -1;
    }
    return out_sz;
}

ssize_t mp_stream_posix_read(void *stream, void *buf, size_t len) {
    mp_obj_base_t *o = stream;
    const mp_stream_p_t *stream_p = MP_OBJ_TYPE_GET_SLOT(o->type, protocol);
    mp_uint_t out_sz = stream_p->read(MP_OBJ_FROM_PTR(stream), buf, len, &natmodgen_rt_errno);
    if (out_sz == MP_STREAM_ERROR) {
        return -1;
    }
    return out_sz;
}

off_t mp_stream_posix_lseek(void *stream, off_t offset, int whence) {
    mp_off_t res = mp_stream_seek(MP_OBJ_FROM_PTR(stream), offset, whence, &natmodgen_rt_errno);
    if (res == (mp_off_t)-1) {
        return -1;
    }
    return res;
}

int mp_stream_posix_fsync(void *stream) {
    mp_obj_base_t *o = stream;
    const mp_stream_p_t *stream_p = MP_OBJ_TYPE_GET_SLOT(o->type, protocol);
    mp_uint_t res = stream_p->ioctl(MP_OBJ_FROM_PTR(stream), MP_STREAM_FLUSH, 0, &natmodgen_rt_errno);
    if (res == MP_STREAM_ERROR) {
        return -1;
    }
    return res;
}
