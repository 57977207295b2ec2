/*
 * The port's console output and wall clock (py/mphal.h), reached through what the firmware
 * builds on them:
 * - mp_plat_print writes with MP_PLAT_PRINT_STRN, which is mp_hal_stdout_tx_strn_cooked
 *   unless the port says otherwise, so the cooked output is mp_plat_print's;
 * - sys.stdout.buffer writes bytes unchanged to the port's stdout (mp_hal_stdout_tx_strn on
 *   ports with a HAL console, file descriptor 1 on unix, where mp_hal_stdout_tx_strn writes
 *   the same descriptor); its write() returns the count the raw function returns;
 * - time.time_ns() is mp_obj_new_int_from_ull(mp_hal_time_ns()) (extmod/modtime.c).
 */
#include "py/dynruntime.h"
#include <string.h>

void mp_hal_stdout_tx_strn_cooked(const char *str, size_t len) {
    mp_plat_print.print_strn(mp_plat_print.data, str, len);
}

mp_uint_t mp_hal_stdout_tx_strn(const char *str, size_t len) {
    mp_obj_t sys = mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t buffer = mp_load_attr(mp_load_attr(sys, MP_QSTR_stdout), MP_QSTR_buffer);
    mp_obj_t data = mp_obj_new_bytes((const byte *)str, len);
    mp_obj_t dest[3];
    mp_load_method(buffer, MP_QSTR_write, dest);
    dest[2] = data;
    mp_obj_t n = mp_call_method_n_kw(1, 0, dest);
    return n == mp_const_none ? 0 : (mp_uint_t)mp_obj_get_int_truncated(n);
}

void mp_hal_stdout_tx_str(const char *str) {
    mp_hal_stdout_tx_strn(str, strlen(str));
}

/* time.time_ns() as uint64_t: the int's 8 little-endian bytes (int.to_bytes), whatever its size. */
uint64_t mp_hal_time_ns(void) {
    mp_obj_t time_module = mp_import_name(MP_QSTR_time, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t ns = mp_call_function_n_kw(mp_load_attr(time_module, MP_QSTR_time_ns), 0, 0, NULL);
    if (mp_obj_is_small_int(ns)) {
        return (uint64_t)MP_OBJ_SMALL_INT_VALUE(ns);
    }
    mp_obj_t dest[4];
    mp_load_method(ns, MP_QSTR_to_bytes, dest);
    dest[2] = MP_OBJ_NEW_SMALL_INT(8);
    dest[3] = MP_OBJ_NEW_QSTR(MP_QSTR_little);
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(mp_call_method_n_kw(2, 0, dest), &bufinfo, MP_BUFFER_READ);
    const byte *b = bufinfo.buf;
    uint64_t v = 0;
    for (size_t i = 8; i-- > 0;) {
        v = (v << 8) | b[i];
    }
    return v;
}
