/*
 * mp_obj_int_to_bytes_impl (py/objint.h): a big int's two's complement in len bytes. The
 * firmware's int.to_bytes(len, order) is this function plus an OverflowError when it returns
 * false, so a successful call gives the bytes; on overflow the low len bytes (the value masked
 * with 2**(8*len)-1, which Python's & takes in two's complement) are written and false returned,
 * as py/mpz.c's mpz_as_bytes does.
 */
#include "py/dynruntime.h"
#include "builtin.h"

static mp_obj_t natmodgen_rt_int_bytes(mp_obj_t value, bool big_endian, size_t len) {
    mp_obj_t args[2] = { mp_obj_new_int_from_uint(len), MP_OBJ_NEW_QSTR(big_endian ? MP_QSTR_big : MP_QSTR_little) };
    return mp_call_function_n_kw(mp_load_attr(value, MP_QSTR_to_bytes), 2, 0, args);
}

bool mp_obj_int_to_bytes_impl(mp_obj_t self_in, bool big_endian, size_t len, byte *buf) {
    bool ok = true;
    mp_obj_t bytes;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        bytes = natmodgen_rt_int_bytes(self_in, big_endian, len);
        nlr_pop();
    } else {
        if (!mp_obj_is_subclass_fast(MP_OBJ_FROM_PTR(((mp_obj_base_t *)nlr.ret_val)->type), natmodgen_rt_builtin(MP_QSTR_OverflowError))) {
            nlr_raise(MP_OBJ_FROM_PTR(nlr.ret_val));
        }
        ok = false;
        mp_obj_t one = MP_OBJ_NEW_SMALL_INT(1);
        mp_obj_t mask = mp_binary_op(MP_BINARY_OP_SUBTRACT,
            mp_binary_op(MP_BINARY_OP_LSHIFT, one, mp_obj_new_int_from_uint(8 * len)), one);
        bytes = natmodgen_rt_int_bytes(mp_binary_op(MP_BINARY_OP_AND, self_in, mask), big_endian, len);
    }
    size_t n;
    const char *data = mp_obj_str_get_data_dyn(bytes, &n);
    for (size_t i = 0; i < n && i < len; i++) {
        buf[i] = data[i];
    }
    return ok;
}
