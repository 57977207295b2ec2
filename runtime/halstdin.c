/*
 * The port's blocking console read (py/mphal.h), reached through sys.stdin.buffer: on a board
 * its read() calls mp_hal_stdin_rx_chr once per byte and returns the bytes unchanged
 * (shared/runtime/sys_stdio_mphal.c), so one byte read from it is the port's next character.
 * The unix port reads file descriptor 0, which sys.stdin.buffer reads too, and turns what it
 * reads the way its mp_hal_stdin_rx_chr does: end of input is 4 (Ctrl-D) and '\n' is '\r'
 * (a board's terminal sends '\r' for Enter already; only a bare '\n' sent to a board differs).
 *
 * mp_hal_stdio_poll is what sys.stdin's ioctl(MP_STREAM_POLL, flags) answers: on a board that
 * ioctl is the HAL function itself, with the flags passed through (shared/runtime/sys_stdio_mphal.c).
 * The unix port has no such function (its mphalport.h hides the name) and its stdin has no such
 * ioctl (select polls its descriptor instead): there the answer is select.poll's for sys.stdin,
 * polled once without waiting (the same bits: POLLIN is MP_STREAM_POLL_RD, POLLOUT _WR...).
 */
#include "py/dynruntime.h"

int mp_hal_stdin_rx_chr(void) {
    mp_obj_t sys = mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t buffer = mp_load_attr(mp_load_attr(sys, MP_QSTR_stdin), MP_QSTR_buffer);
    mp_obj_t dest[3];
    mp_load_method(buffer, MP_QSTR_read, dest);
    dest[2] = MP_OBJ_NEW_SMALL_INT(1);
    mp_buffer_info_t bufinfo;
    mp_get_buffer_raise(mp_call_method_n_kw(1, 0, dest), &bufinfo, MP_BUFFER_READ);
    if (bufinfo.len == 0) {
        return 4;
    }
    int c = ((const byte *)bufinfo.buf)[0];
    return c == '\n' ? '\r' : c;
}

uintptr_t mp_hal_stdio_poll(uintptr_t poll_flags) {
    mp_obj_t sys = mp_import_name(MP_QSTR_sys, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t in = mp_load_attr(sys, MP_QSTR_stdin);
    int errcode;
    mp_uint_t ready = mp_get_stream_raise(in, MP_STREAM_OP_IOCTL)->ioctl(in, MP_STREAM_POLL, poll_flags, &errcode);
    if (ready != MP_STREAM_ERROR) {
        return ready;
    }
    mp_obj_t select = mp_import_name(MP_QSTR_select, mp_const_none, MP_OBJ_NEW_SMALL_INT(0));
    mp_obj_t poller = mp_call_function_n_kw(mp_load_attr(select, MP_QSTR_poll), 0, 0, NULL);
    mp_obj_t dest[4];
    mp_load_method(poller, MP_QSTR_register, dest);
    dest[2] = in;
    dest[3] = mp_obj_new_int_from_uint(poll_flags);
    mp_call_method_n_kw(2, 0, dest);
    mp_load_method(poller, MP_QSTR_poll, dest);
    dest[2] = MP_OBJ_NEW_SMALL_INT(0);
    size_t n;
    mp_obj_t *items;
    mp_obj_get_array_dyn(mp_call_method_n_kw(1, 0, dest), &n, &items);
    if (n == 0) {
        return 0;
    }
    mp_obj_get_array_dyn(items[0], &n, &items);
    return mp_obj_get_int_truncated(items[1]);
}
