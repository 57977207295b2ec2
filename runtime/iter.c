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

/* py/runtime.c: num items of a sequence into items[], last first (the VM's order), with the
 * firmware's ValueErrors for too few or too many. */
void mp_unpack_sequence(mp_obj_t seq_in, size_t num, mp_obj_t *items) {
    size_t seq_len;
    if (mp_obj_is_type(seq_in, &mp_type_tuple) || mp_obj_is_type(seq_in, &mp_type_list)) {
        mp_obj_t *seq_items;
        mp_obj_get_array_dyn(seq_in, &seq_len, &seq_items);
        if (seq_len == num) {
            for (size_t i = 0; i < num; i++) {
                items[i] = seq_items[num - 1 - i];
            }
            return;
        }
    } else {
        mp_obj_iter_buf_t iter_buf;
        mp_obj_t iterable = mp_getiter(seq_in, &iter_buf);
        for (seq_len = 0; seq_len < num; seq_len++) {
            mp_obj_t el = mp_iternext(iterable);
            if (el == MP_OBJ_STOP_ITERATION) {
                break;
            }
            items[num - 1 - seq_len] = el;
        }
        if (seq_len == num) {
            if (mp_iternext(iterable) == MP_OBJ_STOP_ITERATION) {
                return;
            }
            seq_len = num + 1;
        }
    }
    if (seq_len < num) {
        mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("need more than %d values to unpack"), (int)seq_len);
    }
    mp_raise_msg_varg(&mp_type_ValueError, MP_ERROR_TEXT("too many values to unpack (expected %d)"), (int)num);
}
