/*
 * qstr text and values (py/qstr.h). A natmod cannot read the firmware's qstr pool,
 * but a qstr object is a str whose buffer is the pool's text (nul-terminated, never
 * moved), so the buffer protocol gives it.
 */
#include "py/dynruntime.h"
#include "qstr.h"

const byte *qstr_data(qstr q, size_t *len) {
    return (const byte *)mp_obj_str_get_data(MP_OBJ_NEW_QSTR(q), len);
}

const char *qstr_str(qstr q) {
    return (const char *)mp_obj_str_get_data(MP_OBJ_NEW_QSTR(q), NULL);
}

size_t qstr_len(qstr q) {
    size_t len;
    mp_obj_str_get_data(MP_OBJ_NEW_QSTR(q), &len);
    return len;
}

/*
 * py/qstr.c: the firmware's own string hash, whose mask depends on the port's
 * MICROPY_QSTR_BYTES_IN_HASH: hash() of a bytes object is qstr_compute_hash of its data
 * (the firmware stores it at creation, or computes it on the spot when it keeps none).
 */
size_t qstr_compute_hash(const byte *data, size_t len) {
    return MP_OBJ_SMALL_INT_VALUE(mp_unary_op(MP_UNARY_OP_HASH, mp_obj_new_bytes(data, len)));
}
