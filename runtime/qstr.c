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
 * Every object representation encodes a qstr as (q << shift) + tag, so the
 * firmware's encodings of qstrs 0 and 1 give the tag and the shift.
 */
qstr natmodgen_rt_qstr_value(mp_const_obj_t o) {
    mp_uint_t tag = (mp_uint_t)MP_OBJ_NEW_QSTR(0);
    mp_uint_t step = (mp_uint_t)MP_OBJ_NEW_QSTR(1) - tag;
    unsigned shift = 0;
    while ((step >> shift) > 1) {
        shift++;
    }
    return (qstr)(((mp_uint_t)o - tag) >> shift);
}
