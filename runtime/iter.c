/*
 * Iteration (py/runtime.h). mp_fun_table.getiter/iternext are the native-code
 * forms: with an iterator buffer, getiter either builds the iterator in the buffer
 * or stores the iterator object in buf[0] and sets the buffer's type to NULL;
 * iternext accepts a buffer in either state.
 */
#include "py/dynruntime.h"

mp_obj_t mp_getiter(mp_obj_t o, mp_obj_iter_buf_t *iter_buf) {
    if (iter_buf == NULL) {
        return mp_fun_table.getiter(o, NULL);
    }
    mp_fun_table.getiter(o, iter_buf);
    if (iter_buf->base.type == MP_OBJ_NULL) {
        return iter_buf->buf[0];
    }
    return MP_OBJ_FROM_PTR(iter_buf);
}

mp_obj_t mp_iternext(mp_obj_t o) {
    mp_obj_iter_buf_t buf;
    buf.base.type = MP_OBJ_NULL;
    buf.buf[0] = o;
    return mp_fun_table.iternext(&buf);
}

/* May return MP_OBJ_STOP_ITERATION instead of raising StopIteration(): mp_iternext does. */
mp_obj_t mp_iternext_allow_raise(mp_obj_t o) {
    return mp_iternext(o);
}
