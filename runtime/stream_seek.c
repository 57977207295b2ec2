/*
 * The Python-level seek, tell and flush methods of py/stream.c (mp_stream_seek_obj,
 * mp_stream_tell_obj, mp_stream_flush_obj), for a type's locals that hand them out as the
 * firmware's own streams do: over the stream protocol's ioctl (MP_STREAM_SEEK, MP_STREAM_FLUSH),
 * with the firmware's checks and errors.
 */
#include "py/dynruntime.h"

/* runtime/stream_rw.c: the stream's own error, else OSError. */
void natmodgen_rt_stream_raise_error(mp_obj_t stream, int error);

static mp_obj_t natmodgen_rt_stream_seek_method(size_t n_args, const mp_obj_t *args) {
    mp_off_t offset = mp_obj_get_int(args[1]);
    int whence = n_args == 3 ? mp_obj_get_int(args[2]) : MP_SEEK_SET;
    // As POSIX has it, an absolute position before the start is an error.
    if (whence == MP_SEEK_SET && (mp_int_t)offset < 0) {
        mp_raise_OSError(MP_EINVAL);
    }
    int error;
    mp_off_t pos = mp_stream_seek(args[0], offset, whence, &error);
    if (pos == (mp_off_t)-1) {
        natmodgen_rt_stream_raise_error(args[0], error);
    }
    return mp_obj_new_int_from_uint(pos);
}

MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(mp_stream_seek_obj, 2, 3, natmodgen_rt_stream_seek_method);

static mp_obj_t natmodgen_rt_stream_tell_method(mp_obj_t self) {
    const mp_obj_t args[3] = { self, MP_OBJ_NEW_SMALL_INT(0), MP_OBJ_NEW_SMALL_INT(MP_SEEK_CUR) };
    return natmodgen_rt_stream_seek_method(3, args);
}

MP_DEFINE_CONST_FUN_OBJ_1(mp_stream_tell_obj, natmodgen_rt_stream_tell_method);

static mp_obj_t natmodgen_rt_stream_flush_method(mp_obj_t self) {
    const mp_stream_p_t *stream_p = mp_get_stream(self);
    int error;
    if (stream_p->ioctl(self, MP_STREAM_FLUSH, 0, &error) == MP_STREAM_ERROR) {
        natmodgen_rt_stream_raise_error(self, error);
    }
    return mp_const_none;
}

MP_DEFINE_CONST_FUN_OBJ_1(mp_stream_flush_obj, natmodgen_rt_stream_flush_method);
