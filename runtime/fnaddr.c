/*
 * Functions for the names py/dynruntime.h makes function-like macros, when the module uses one
 * by name without calling it (a function pointer in a table, a slot value, a callback
 * argument): the firmware has a function there, a natmod only the macro. natmodgen rewrites
 * such a use of NAME to natmodgen_fnaddr_NAME (src/constructs/fn-address.ts); each is the
 * firmware's prototype calling the macro.
 */
#include <stdarg.h>
#include "py/dynruntime.h"

mp_obj_t natmodgen_fnaddr_mp_obj_len(mp_obj_t o_in) {
    return mp_obj_len(o_in);
}

mp_obj_t natmodgen_fnaddr_mp_obj_subscr(mp_obj_t base, mp_obj_t index, mp_obj_t val) {
    return mp_obj_subscr(base, index, val);
}

const mp_obj_type_t *natmodgen_fnaddr_mp_obj_get_type(mp_const_obj_t o_in) {
    return mp_obj_get_type((mp_obj_t)o_in);
}

bool natmodgen_fnaddr_mp_obj_is_true(mp_obj_t arg) {
    return mp_obj_is_true(arg);
}

mp_int_t natmodgen_fnaddr_mp_obj_get_int(mp_const_obj_t arg) {
    return mp_obj_get_int((mp_obj_t)arg);
}

mp_int_t natmodgen_fnaddr_mp_obj_get_int_truncated(mp_const_obj_t arg) {
    return mp_obj_get_int_truncated((mp_obj_t)arg);
}

mp_obj_t natmodgen_fnaddr_mp_obj_new_int(mp_int_t value) {
    return mp_obj_new_int(value);
}

mp_obj_t natmodgen_fnaddr_mp_obj_new_int_from_uint(mp_uint_t value) {
    return mp_obj_new_int_from_uint(value);
}

mp_obj_t natmodgen_fnaddr_mp_obj_new_str(const char *data, size_t len) {
    return mp_obj_new_str(data, len);
}

mp_obj_t natmodgen_fnaddr_mp_obj_new_bytes(const byte *data, size_t len) {
    return mp_obj_new_bytes(data, len);
}

mp_obj_t natmodgen_fnaddr_mp_obj_new_tuple(size_t n, const mp_obj_t *items) {
    return mp_obj_new_tuple(n, items);
}

mp_obj_t natmodgen_fnaddr_mp_obj_new_list(size_t n, mp_obj_t *items) {
    return mp_obj_new_list(n, items);
}

mp_obj_t natmodgen_fnaddr_mp_obj_new_dict(size_t n_args) {
    return mp_obj_new_dict(n_args);
}

const char *natmodgen_fnaddr_mp_obj_str_get_str(mp_obj_t self_in) {
    return mp_obj_str_get_str(self_in);
}

const char *natmodgen_fnaddr_mp_obj_str_get_data(mp_obj_t self_in, size_t *len) {
    return mp_obj_str_get_data(self_in, len);
}

mp_obj_t natmodgen_fnaddr_mp_obj_list_append(mp_obj_t self_in, mp_obj_t arg) {
    return mp_obj_list_append(self_in, arg);
}

mp_obj_t natmodgen_fnaddr_mp_obj_dict_store(mp_obj_t self_in, mp_obj_t key, mp_obj_t value) {
    return mp_obj_dict_store(self_in, key, value);
}

mp_obj_t natmodgen_fnaddr_mp_load_global(qstr qst) {
    return mp_load_global(qst);
}

mp_obj_t natmodgen_fnaddr_mp_load_attr(mp_obj_t base, qstr attr) {
    return mp_load_attr(base, attr);
}

void natmodgen_fnaddr_mp_store_attr(mp_obj_t base, qstr attr, mp_obj_t val) {
    mp_store_attr(base, attr, val);
}

mp_obj_t natmodgen_fnaddr_mp_unary_op(mp_unary_op_t op, mp_obj_t arg) {
    return mp_unary_op(op, arg);
}

mp_obj_t natmodgen_fnaddr_mp_binary_op(mp_binary_op_t op, mp_obj_t lhs, mp_obj_t rhs) {
    return mp_binary_op(op, lhs, rhs);
}

mp_obj_t natmodgen_fnaddr_mp_call_function_n_kw(mp_obj_t fun, size_t n_args, size_t n_kw, const mp_obj_t *args) {
    return mp_call_function_n_kw(fun, n_args, n_kw, args);
}

int natmodgen_fnaddr_mp_printf(const mp_print_t *print, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = mp_vprintf(print, fmt, ap);
    va_end(ap);
    return n;
}

#if MICROPY_PY_BUILTINS_FLOAT
mp_obj_t natmodgen_fnaddr_mp_obj_new_float(mp_float_t value) {
    return mp_obj_new_float(value);
}

mp_float_t natmodgen_fnaddr_mp_obj_get_float(mp_obj_t self_in) {
    return mp_obj_get_float(self_in);
}
#endif
