/* Stream close (py/stream.h): mp_stream_close is not exported; the stream protocol's ioctl is. */
#include "py/dynruntime.h"

mp_obj_t mp_stream_close(mp_obj_t stream) {
    const mp_stream_p_t *stream_p = mp_get_stream(stream);
    int errcode;
    mp_uint_t res = stream_p->ioctl(stream, MP_STREAM_CLOSE, 0, &errcode);
    if (res == MP_STREAM_ERROR) {
        mp_raise_OSError(errcode);
    }
    return mp_const_none;
}

MP_DEFINE_CONST_FUN_OBJ_1(mp_stream_close_obj, mp_stream_close);

static mp_obj_t natmodgen_rt_stream___exit__(size_t n_args, const mp_obj_t *args) {
    (void)n_args;
    return mp_stream_close(args[0]);
}

MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_stream___exit___obj, 4, 4, natmodgen_rt_stream___exit__);

/* py/stream.c: seek through the stream's ioctl; -1 with *errcode set on error. */
mp_off_t mp_stream_seek(mp_obj_t stream, mp_off_t offset, int whence, int *errcode) {
    struct mp_stream_seek_t seek_s;
    seek_s.offset = offset;
    seek_s.whence = whence;
    const mp_stream_p_t *stream_p = mp_get_stream(stream);
    if (stream_p->ioctl(stream, MP_STREAM_SEEK, (mp_uint_t)(uintptr_t)&seek_s, errcode) == MP_STREAM_ERROR) {
        return (mp_off_t)-1;
    }
    return seek_s.offset;
}
