/*
 * Reading and writing through a stream's protocol (py/stream.h), as the firmware's
 * stream.c does: mp_stream_rw loops until done, EOF or an error; mp_stream_write turns
 * an error into None (would block) or OSError; mp_stream_write_adaptor lets an
 * mp_print_t print into a stream; mp_stream_ioctl_obj is the Python-level ioctl method.
 */
#include "py/dynruntime.h"

/* The stream may raise its own error (MICROPY_STREAMS_DELEGATE_ERROR), else OSError. */
void natmodgen_rt_stream_raise_error(mp_obj_t stream, int error) {
    #if MICROPY_STREAMS_DELEGATE_ERROR
    const mp_stream_p_t *stream_p = mp_get_stream(stream);
    if (stream_p->ioctl != NULL) {
        int err;
        stream_p->ioctl(stream, MP_STREAM_RAISE_ERROR, error, &err);
    }
    #else
    (void)stream;
    #endif
    mp_raise_OSError(error);
}

mp_uint_t mp_stream_rw(mp_obj_t stream, void *buf_, mp_uint_t size, int *errcode, byte flags) {
    typedef mp_uint_t (*natmodgen_rt_io_t)(mp_obj_t obj, void *buf, mp_uint_t size, int *errcode);
    const mp_stream_p_t *stream_p = mp_get_stream(stream);
    natmodgen_rt_io_t io = (flags & MP_STREAM_RW_WRITE) ? (natmodgen_rt_io_t)stream_p->write : stream_p->read;
    byte *buf = buf_;
    mp_uint_t done = 0;
    *errcode = 0;
    while (size > 0) {
        mp_uint_t n = io(stream, buf, size, errcode);
        if (n == 0) {
            return done;
        }
        if (n == MP_STREAM_ERROR) {
            /* Data already moved is not lost to a would-block error. */
            if (mp_is_nonblocking_error(*errcode) && done != 0) {
                *errcode = 0;
            }
            return done;
        }
        if (flags & MP_STREAM_RW_ONCE) {
            return n;
        }
        buf += n;
        size -= n;
        done += n;
    }
    return done;
}

mp_obj_t mp_stream_write(mp_obj_t self_in, const void *buf, size_t len, byte flags) {
    int error;
    mp_uint_t n = mp_stream_rw(self_in, (void *)buf, len, &error, flags);
    if (error == 0) {
        return MP_OBJ_NEW_SMALL_INT(n);
    }
    if (mp_is_nonblocking_error(error)) {
        return mp_const_none;
    }
    natmodgen_rt_stream_raise_error(self_in, error);
    return mp_const_none; /* not reached: dynruntime.h's mp_raise_OSError is not marked noreturn */
}

void mp_stream_write_adaptor(void *self, const char *buf, size_t len) {
    mp_stream_write(MP_OBJ_FROM_PTR(self), buf, len, MP_STREAM_RW_WRITE);
}

/* stream.ioctl(request[, arg]): arg is a writable buffer's address or an integer. */
static mp_obj_t natmodgen_rt_stream_ioctl(size_t n_args, const mp_obj_t *args) {
    uintptr_t val = 0;
    if (n_args > 2) {
        mp_buffer_info_t bufinfo;
        if (mp_get_buffer(args[2], &bufinfo, MP_BUFFER_WRITE)) {
            val = (uintptr_t)bufinfo.buf;
        } else {
            val = (uintptr_t)mp_obj_get_int_truncated(args[2]);
        }
    }
    const mp_stream_p_t *stream_p = mp_get_stream(args[0]);
    int error;
    mp_uint_t res = stream_p->ioctl(args[0], mp_obj_get_int(args[1]), val, &error);
    if (res == MP_STREAM_ERROR) {
        natmodgen_rt_stream_raise_error(args[0], error);
    }
    return mp_obj_new_int(res);
}

MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_stream_ioctl_obj, 2, 3, natmodgen_rt_stream_ioctl);
