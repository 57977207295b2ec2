// nmg_streams: a stream type (read/readinto/write/close, context manager,
// line iteration) with a buffer protocol and a property, a counting iterator
// type with a custom iter struct, a file-scope keyword table, and a type that
// exists only when a feature macro is on.
#include <string.h>
#include "py/runtime.h"
#include "py/stream.h"
#include "py/mperrno.h"

#ifndef NMG_STREAMS_COUNT
#define NMG_STREAMS_COUNT (1)
#endif


typedef struct _buf_obj_t {
    mp_obj_base_t base;
    uint8_t data[8];
    size_t pos;
} buf_obj_t;

static const mp_obj_type_t buf_type;

enum { ARG_fill, ARG_start, ARG_limit };
static const mp_arg_t buf_make_args[] = {
    { MP_QSTR_fill, MP_ARG_INT, {.u_int = 0} },
    { MP_QSTR_start, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 0} },
    #if NMG_STREAMS_COUNT
    { MP_QSTR_limit, MP_ARG_KW_ONLY | MP_ARG_INT, {.u_int = 8} },
    #endif
};

static mp_obj_t buf_make_new(const mp_obj_type_t *type, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    mp_arg_val_t vals[MP_ARRAY_SIZE(buf_make_args)];
    mp_arg_parse_all_kw_array(n_args, n_kw, args, MP_ARRAY_SIZE(buf_make_args), buf_make_args, vals);
    buf_obj_t *self = mp_obj_malloc(buf_obj_t, type);
    memset(self->data, (int)vals[ARG_fill].u_int, sizeof(self->data));
    self->pos = vals[ARG_start].u_int;
    #if NMG_STREAMS_COUNT
    // Bytes past the limit read as zero.
    for (size_t i = vals[ARG_limit].u_int; i < sizeof(self->data); ++i) {
        self->data[i] = 0;
    }
    #endif
    return MP_OBJ_FROM_PTR(self);
}

static mp_int_t buf_get_buffer(mp_obj_t self_in, mp_buffer_info_t *bufinfo, mp_uint_t flags) {
    buf_obj_t *self = MP_OBJ_TO_PTR(self_in);
    bufinfo->buf = self->data;
    bufinfo->len = sizeof(self->data);
    bufinfo->typecode = 'B';
    return 0;
}

static mp_uint_t buf_read(mp_obj_t self_in, void *out, mp_uint_t size, int *errcode) {
    buf_obj_t *self = MP_OBJ_TO_PTR(self_in);
    mp_uint_t n = 0;
    while (n < size && self->pos < sizeof(self->data)) {
        ((uint8_t *)out)[n++] = self->data[self->pos++];
    }
    return n;
}

static mp_uint_t buf_write(mp_obj_t self_in, const void *in, mp_uint_t size, int *errcode) {
    *errcode = MP_EINVAL;
    return MP_STREAM_ERROR;
}

static mp_uint_t buf_ioctl(mp_obj_t self_in, mp_uint_t request, uintptr_t arg, int *errcode) {
    if (request == MP_STREAM_CLOSE) {
        return 0;
    }
    *errcode = MP_EINVAL;
    return MP_STREAM_ERROR;
}

static const mp_stream_p_t buf_stream_p = {
    .read = buf_read,
    .write = buf_write,
    .ioctl = buf_ioctl,
};

static void buf_attr(mp_obj_t self_in, qstr attr, mp_obj_t *dest) {
    buf_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (dest[0] != MP_OBJ_NULL) {
        return;
    }
    switch (attr) {
        case MP_QSTR_read:
            dest[1] = MP_OBJ_SENTINEL;
            break;
        case MP_QSTR_position:
            dest[0] = mp_obj_new_int(self->pos);
            break;
        default:
            dest[1] = MP_OBJ_SENTINEL;
    }
}

static const mp_rom_map_elem_t buf_locals_table[] = {
    { MP_ROM_QSTR(MP_QSTR_read), MP_ROM_PTR(&mp_stream_read_obj) },
    { MP_ROM_QSTR(MP_QSTR_readinto), MP_ROM_PTR(&mp_stream_readinto_obj) },
    { MP_ROM_QSTR(MP_QSTR_write), MP_ROM_PTR(&mp_stream_write_obj) },
    { MP_ROM_QSTR(MP_QSTR_close), MP_ROM_PTR(&mp_stream_close_obj) },
    { MP_ROM_QSTR(MP_QSTR___enter__), MP_ROM_PTR(&mp_identity_obj) },
    { MP_ROM_QSTR(MP_QSTR___exit__), MP_ROM_PTR(&mp_stream___exit___obj) },
};
static MP_DEFINE_CONST_DICT(buf_locals, buf_locals_table);

static MP_DEFINE_CONST_OBJ_TYPE(
    buf_type,
    MP_QSTR_Buf,
    MP_TYPE_FLAG_ITER_IS_STREAM,
    make_new, buf_make_new,
    buffer, buf_get_buffer,
    protocol, &buf_stream_p,
    attr, buf_attr,
    locals_dict, &buf_locals
    );

// Counting iterator with a custom iter struct.
typedef struct _count_obj_t {
    mp_obj_base_t base;
    mp_int_t n, stop;
} count_obj_t;

static mp_obj_t count_next(mp_obj_t self_in) {
    count_obj_t *self = MP_OBJ_TO_PTR(self_in);
    if (self->n >= self->stop) {
        return MP_OBJ_STOP_ITERATION;
    }
    return mp_obj_new_int(self->n++);
}

static mp_obj_t count_getiter(mp_obj_t self_in, mp_obj_iter_buf_t *iter_buf) {
    return self_in;
}

static const mp_getiter_iternext_custom_t count_iter = {
    .getiter = count_getiter,
    .iternext = count_next,
};

#if NMG_STREAMS_COUNT
static MP_DEFINE_CONST_OBJ_TYPE(
    count_type,
    MP_QSTR_Count,
    MP_TYPE_FLAG_ITER_IS_CUSTOM,
    iter, &count_iter
    );
#endif

static const mp_obj_type_t *const all_types[] = { &buf_type,
#if NMG_STREAMS_COUNT
    &count_type,
#endif
};

static mp_obj_t stress_count(mp_obj_t stop) {
    #if NMG_STREAMS_COUNT
    count_obj_t *c = mp_obj_malloc(count_obj_t, &count_type);
    c->n = 0;
    c->stop = mp_obj_get_int(stop);
    return MP_OBJ_FROM_PTR(c);
    #else
    return mp_const_none;
    #endif
}
static MP_DEFINE_CONST_FUN_OBJ_1(stress_count_obj, stress_count);

static mp_obj_t stress_ntypes(void) {
    return mp_obj_new_int(MP_ARRAY_SIZE(all_types));
}
static MP_DEFINE_CONST_FUN_OBJ_0(stress_ntypes_obj, stress_ntypes);

static mp_obj_t stress_check(mp_obj_t o) {
    if (mp_obj_is_type(o, &mp_type_bytes) || mp_obj_is_float(o)) {
        return mp_const_true;
    }
    if (mp_obj_is_type(o, &mp_type_dict)) {
        mp_raise_OSError(MP_ENOENT);
    }
    return mp_const_false;
}
static MP_DEFINE_CONST_FUN_OBJ_1(stress_check_obj, stress_check);

static const mp_rom_map_elem_t stress_globals_table[] = {
    { MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_nmg_streams) },
    { MP_ROM_QSTR(MP_QSTR_Buf), MP_ROM_PTR(&buf_type) },
    #if NMG_STREAMS_COUNT
    { MP_ROM_QSTR(MP_QSTR_Count), MP_ROM_PTR(&count_type) },
    #endif
    { MP_ROM_QSTR(MP_QSTR_count), MP_ROM_PTR(&stress_count_obj) },
    { MP_ROM_QSTR(MP_QSTR_ntypes), MP_ROM_PTR(&stress_ntypes_obj) },
    { MP_ROM_QSTR(MP_QSTR_check), MP_ROM_PTR(&stress_check_obj) },
};
static MP_DEFINE_CONST_DICT(stress_globals, stress_globals_table);

const mp_obj_module_t nmg_streams_user_cmodule = {
    .base = { &mp_type_module },
    .globals = (mp_obj_dict_t *)&stress_globals,
};
MP_REGISTER_MODULE(MP_QSTR_nmg_streams, nmg_streams_user_cmodule);
